// Where a person acts on a leaked credential, per provider: the console to revoke and rotate it, the log
// that shows its use, and for wallet secrets the explorer that shows the address. Data, read by the
// incident report; a provider without an entry gets generic wording.

export interface ProviderGuide {
  /** Display name. */
  name: string;
  /** Where keys are deleted and created. */
  console?: string;
  /** What to do there, when more than "delete the key". */
  revokeHow?: string;
  /** Where use of the key shows up. */
  activity?: string;
  /** Wallet secrets: the key cannot be revoked; funds move instead. `{address}` is replaced. */
  explorer?: string;
}

const EXCHANGE_ACTIVITY = 'the account’s API/login history, order history, deposit and withdrawal history and the list of API keys (a new key or a changed whitelist is a sign of takeover)';

export const PROVIDERS: Readonly<Record<string, ProviderGuide>> = {
  binance: { name: 'Binance', console: 'https://www.binance.com/en/my/settings/api-management', activity: EXCHANGE_ACTIVITY },
  bybit: { name: 'Bybit', console: 'https://www.bybit.com/app/user/api-management', activity: EXCHANGE_ACTIVITY },
  okx: { name: 'OKX', console: 'https://www.okx.com/account/my-api', activity: EXCHANGE_ACTIVITY },
  kucoin: { name: 'KuCoin', console: 'https://www.kucoin.com/account/api', activity: EXCHANGE_ACTIVITY },
  coinbase: {
    name: 'Coinbase',
    console: 'https://portal.cdp.coinbase.com/',
    revokeHow: 'delete the key under API Keys (legacy keys: coinbase.com → Settings → API)',
    activity: EXCHANGE_ACTIVITY,
  },
  kraken: { name: 'Kraken', console: 'https://pro.kraken.com/app/settings/api', activity: EXCHANGE_ACTIVITY },
  bitfinex: { name: 'Bitfinex', console: 'https://setting.bitfinex.com/api', activity: EXCHANGE_ACTIVITY },
  gemini: { name: 'Gemini', console: 'https://exchange.gemini.com/settings/api', activity: EXCHANGE_ACTIVITY },
  bitmex: { name: 'BitMEX', console: 'https://www.bitmex.com/app/apiKeys', activity: EXCHANGE_ACTIVITY },
  bitget: { name: 'Bitget', revokeHow: 'delete the key under API Management', activity: EXCHANGE_ACTIVITY },
  mexc: { name: 'MEXC', revokeHow: 'delete the key under API Management', activity: EXCHANGE_ACTIVITY },
  gate: { name: 'Gate', revokeHow: 'delete the key under API Management', activity: EXCHANGE_ACTIVITY },
  htx: { name: 'HTX', revokeHow: 'delete the key under API Management', activity: EXCHANGE_ACTIVITY },
  poloniex: { name: 'Poloniex', revokeHow: 'delete the key under API Keys', activity: EXCHANGE_ACTIVITY },
  deribit: { name: 'Deribit', revokeHow: 'remove the key under Account → API', activity: EXCHANGE_ACTIVITY },
  bitstamp: { name: 'Bitstamp', revokeHow: 'delete the key under Settings → API access', activity: EXCHANGE_ACTIVITY },
  fireblocks: { name: 'Fireblocks', console: 'https://console.fireblocks.io/', revokeHow: 'disable the API user under Settings → API Users', activity: 'the workspace audit log' },
  bitgo: { name: 'BitGo', console: 'https://app.bitgo.com/', revokeHow: 'delete the access token under Settings → Developer Options', activity: 'the enterprise audit log and wallet transfers' },
  infura: {
    name: 'Infura (MetaMask Developer)',
    console: 'https://developer.metamask.io/',
    revokeHow: 'delete the API key (or restrict it with allow-lists and a key secret)',
    activity: 'the key’s request statistics',
  },
  alchemy: { name: 'Alchemy', console: 'https://dashboard.alchemy.com/apps', revokeHow: 'delete or rotate the app’s API key', activity: 'the app’s request logs and usage' },
  quicknode: { name: 'QuickNode', console: 'https://dashboard.quicknode.com/endpoints', revokeHow: 'rotate the endpoint’s token or delete the endpoint', activity: 'the endpoint’s metrics' },
  etherscan: { name: 'Etherscan', console: 'https://etherscan.io/apidashboard', activity: 'the key’s API usage' },
  coinmarketcap: { name: 'CoinMarketCap', console: 'https://pro.coinmarketcap.com/account', revokeHow: 'generate a new API key', activity: 'the key’s credit usage' },
  coingecko: { name: 'CoinGecko', console: 'https://www.coingecko.com/en/developers/dashboard', activity: 'the key’s call usage' },
  thegraph: { name: 'The Graph', console: 'https://thegraph.com/studio/apikeys/', activity: 'the key’s query usage' },
  github: {
    name: 'GitHub',
    console: 'https://github.com/settings/tokens',
    revokeHow: 'delete the token (GitHub App or OAuth tokens: revoke the app’s authorization)',
    activity: 'the security log (https://github.com/settings/security-log) and, for organisation resources, the organisation audit log',
  },
  gitlab: { name: 'GitLab', console: 'https://gitlab.com/-/user_settings/personal_access_tokens', activity: 'the user and group audit events' },
  npm: { name: 'npm', console: 'https://www.npmjs.com/', revokeHow: 'delete the token under Access Tokens', activity: 'the packages’ published versions (npm view PACKAGE time)' },
  aws: { name: 'AWS', console: 'https://console.aws.amazon.com/iam/', revokeHow: 'deactivate, then delete the access key of the IAM user', activity: 'CloudTrail event history for the access key id' },
  slack: { name: 'Slack', console: 'https://api.slack.com/apps', revokeHow: 'revoke the token or regenerate the app’s credentials', activity: 'the workspace access logs' },
  stripe: { name: 'Stripe', console: 'https://dashboard.stripe.com/apikeys', revokeHow: 'roll the key', activity: 'the request logs (https://dashboard.stripe.com/logs)' },
  telegram: { name: 'Telegram', revokeHow: 'send /revoke to @BotFather for the bot', activity: 'the bot’s chats and webhook settings' },
  discord: { name: 'Discord', console: 'https://discord.com/developers/applications', revokeHow: 'reset the bot token', activity: 'the servers’ audit logs' },
  openai: { name: 'OpenAI', console: 'https://platform.openai.com/api-keys', activity: 'usage (https://platform.openai.com/usage)' },
  anthropic: { name: 'Anthropic', console: 'https://console.anthropic.com/settings/keys', activity: 'usage in the console' },
  huggingface: { name: 'Hugging Face', console: 'https://huggingface.co/settings/tokens', activity: 'the account’s recent activity' },
  groq: { name: 'Groq', console: 'https://console.groq.com/keys', activity: 'usage in the console' },
  sendgrid: { name: 'SendGrid', console: 'https://app.sendgrid.com/settings/api_keys', activity: 'the email activity feed' },
  pinata: { name: 'Pinata', console: 'https://app.pinata.cloud/developers/api-keys', activity: 'the account’s pinned files and usage' },
  ethereum: { name: 'Ethereum / EVM wallet', explorer: 'https://etherscan.io/address/{address}' },
  bitcoin: { name: 'Bitcoin wallet', explorer: 'https://mempool.space/address/{address}' },
  solana: { name: 'Solana wallet', explorer: 'https://solscan.io/account/{address}' },
  cosmos: { name: 'Cosmos validator or node key', activity: 'the validator’s signing and the chain’s slashing events' },
  substrate: { name: 'Substrate wallet' },
  cardano: { name: 'Cardano wallet' },
  bip39: { name: 'Seed phrase (BIP39)' },
};

/** The guide for a provider; `{ name: provider }` when none is known. */
export function providerGuide(provider: string): ProviderGuide {
  return Object.hasOwn(PROVIDERS, provider) ? PROVIDERS[provider]! : { name: provider };
}
