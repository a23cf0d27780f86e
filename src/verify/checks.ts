// Every online check keyhound knows, by issuer id: exchanges (rights), then infrastructure and general
// tokens (liveness, plan or scopes where the API tells).
import { binance, mexc } from './exchanges/binance.js';
import { bitfinex } from './exchanges/bitfinex.js';
import { bitget } from './exchanges/bitget.js';
import { bybit } from './exchanges/bybit.js';
import { coinbase } from './exchanges/coinbase.js';
import { gate } from './exchanges/gate.js';
import { gemini } from './exchanges/gemini.js';
import { htx } from './exchanges/htx.js';
import { kraken } from './exchanges/kraken.js';
import { kucoin } from './exchanges/kucoin.js';
import { okx } from './exchanges/okx.js';
import { coingecko, coinmarketcap, etherscan, moralis } from './services/data-apis.js';
import { github, openai, slack, stripe, telegram } from './services/general.js';
import { alchemy, helius, infura } from './services/rpc-keys.js';
import type { IssuerCheck } from './types.js';

export const EXCHANGE_CHECKS: readonly IssuerCheck[] = [binance, bybit, okx, kucoin, coinbase, kraken, bitfinex, gemini, bitget, htx, gate, mexc];
export const SERVICE_CHECKS: readonly IssuerCheck[] = [infura, alchemy, helius, etherscan, coinmarketcap, coingecko, moralis, github, slack, stripe, telegram, openai];
export const ALL_CHECKS: readonly IssuerCheck[] = [...EXCHANGE_CHECKS, ...SERVICE_CHECKS];

const byProvider = new Map<string, IssuerCheck>();
for (const c of ALL_CHECKS) for (const p of c.providers) byProvider.set(p, c);

export function checkForProvider(provider: string): IssuerCheck | undefined {
  return byProvider.get(provider);
}
