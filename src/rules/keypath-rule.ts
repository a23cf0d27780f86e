// The built-in key-path rule as data: a high-entropy value under a key path that names a provider and
// a secret role (`exchanges.binance.api_secret`, `BYBIT: {secret: …}`) is that provider's secret, even
// when no rule knows the provider's format. The engine runs it on values of parsed config files.
import type { RuleSpec } from '../core/rule.js';

export const KEYPATH_RULE_ID = 'keypath-provider-secret';

/** Crypto exchanges, node/RPC and data providers, custody and wallet services. */
export const KNOWN_PROVIDERS = [
  // exchanges
  'binance', 'binanceus', 'bybit', 'okx', 'okex', 'kucoin', 'kraken', 'coinbase', 'bitfinex', 'bitstamp', 'gemini',
  'huobi', 'htx', 'gateio', 'mexc', 'bitget', 'bitmex', 'deribit', 'bitmart', 'cryptocom', 'poloniex', 'bittrex',
  'upbit', 'bithumb', 'phemex', 'bingx', 'lbank', 'whitebit', 'bitvavo', 'bitpanda', 'luno', 'hyperliquid', 'dydx',
  'ascendex', 'probit', 'coinex', 'woox', 'blofin', 'aevo', 'ftx',
  // nodes, RPC, indexers, explorers
  'infura', 'alchemy', 'quicknode', 'ankr', 'moralis', 'chainstack', 'blockdaemon', 'tatum', 'helius', 'getblock',
  'nodereal', 'etherscan', 'bscscan', 'polygonscan', 'arbiscan', 'basescan', 'snowtrace', 'ftmscan', 'solscan',
  'covalent', 'bitquery', 'thegraph', 'nansen', 'tenderly', 'blocknative', 'flashbots', 'pokt', 'llamanodes',
  'drpc', 'shyft', 'zerion', 'debank', 'simplehash', 'opensea', 'pinata',
  'walletconnect', 'reown', 'web3auth', 'thirdweb', 'biconomy', 'pimlico', 
  'chainlink', 'coingecko', 'coinmarketcap', 'cryptocompare', 'messari', 'kaiko', 'lifi', 'oneinch', 'zerox',
  'paraswap', 'birdeye', 'defillama',
  // custody, payments, wallets
  'fireblocks', 'bitgo', 'moonpay', 'transak', 'coinbasecommerce',
  'nowpayments', 'btcpay', 'blockcypher', 'blockchair', 'metamask', 'trezor',
] as const;

/** The rule as the rule list shows it; the engine runs it on values of parsed config files. */
export const KEYPATH_RULE: RuleSpec = {
  id: KEYPATH_RULE_ID,
  title: 'Secret under a provider key path',
  provider: '(from key path)',
  severity: 'error',
  description:
    'A high-entropy value in a config file (YAML, JSON, .env, TOML, INI, properties, tfvars) whose key path names a ' +
    'provider and a secret role, e.g. exchanges.binance.api_secret: reported for that provider even without a ' +
    'provider-specific pattern.',
  keywords: ['(key path)'],
  // the whole value: printable, no spaces, no URL or path
  pattern: '^[A-Za-z0-9+/=_\\-.~:!@#$%^&*?]{16,512}$',
  entropy: 3.2,
  context: {},
  tags: ['security', 'secret', 'generic', 'keypath'],
  grants: 'service',
  generic: true,
  precision: 'medium',
  remediation: 'Revoke the credential at the provider, create a new one, and load it from a secret store or the environment.',
  examples: {
    match: ['exchanges:\n  binance:\n    api_secret: {{alnum:48}}', '{"bybit": {"secret": "{{alnum:36}}"}}'],
    nomatch: ['exchanges:\n  binance:\n    tx_hash: {{hex:64}}', 'binance:\n  api_url: https://api.binance.com/{{alnum:24}}'],
  },
  keyPath: { providers: [...KNOWN_PROVIDERS], minLength: 16 },
};
