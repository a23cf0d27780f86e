// Balance and activity of an address, asked only of the RPC endpoints the user configured: EVM JSON-RPC
// (eth_getBalance, eth_getTransactionCount), Solana JSON-RPC (getBalance, getSignaturesForAddress) and
// Esplora REST (GET /address/:addr). Answers are read as numbers; nothing else of them is kept.
import type { Funds } from '../../core/finding.js';
import { field, type IssuerHttp } from '../types.js';
import type { ChainFamily } from './addresses.js';

/** Native units of well-known EVM chain names; others say `native` unless verify.yaml names the unit. */
export const EVM_UNITS: Record<string, string> = {
  ethereum: 'ETH', mainnet: 'ETH', sepolia: 'ETH', holesky: 'ETH', base: 'ETH', arbitrum: 'ETH', optimism: 'ETH',
  linea: 'ETH', scroll: 'ETH', zksync: 'ETH', blast: 'ETH', polygon: 'POL', bsc: 'BNB', avalanche: 'AVAX',
  gnosis: 'xDAI', fantom: 'FTM', celo: 'CELO', cronos: 'CRO', moonbeam: 'GLMR', mantle: 'MNT',
};

/** Chain names that are not EVM. */
export const NON_EVM = new Set(['solana', 'bitcoin', 'bitcoin-testnet']);

export function familyOfChain(chain: string): ChainFamily {
  return chain === 'solana' || chain === 'bitcoin' || chain === 'bitcoin-testnet' ? chain : 'evm';
}

/** `1500000000000000000n`, 18 → "1.5". */
export function formatUnits(value: bigint, decimals: number): string {
  const neg = value < 0n;
  const v = neg ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = v / base;
  const frac = (v % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

export class RpcError extends Error {}

let rpcId = 0;
async function rpc(http: IssuerHttp, method: string, params: unknown[]): Promise<unknown> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params });
  const r = await http.send(() => ({ method: 'POST', path: '', headers: { 'Content-Type': 'application/json' }, body }));
  if (r.status !== 200) throw new RpcError(`${method}: HTTP ${r.status}`);
  const err = field(r.json, 'error');
  if (err !== undefined && err !== null) {
    const code = Number(field(err, 'code'));
    throw new RpcError(`${method}: JSON-RPC error${Number.isFinite(code) ? ` ${code}` : ''}`);
  }
  const result = field(r.json, 'result');
  if (result === undefined) throw new RpcError(`${method}: no result`);
  return result;
}

function hexQuantity(v: unknown, what: string): bigint {
  if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(v)) throw new RpcError(`${what}: not a hex quantity`);
  return BigInt(v);
}

export async function evmFunds(http: IssuerHttp, chain: string, unit: string, address: string): Promise<Funds> {
  const balance = hexQuantity(await rpc(http, 'eth_getBalance', [address, 'latest']), 'eth_getBalance');
  const nonce = hexQuantity(await rpc(http, 'eth_getTransactionCount', [address, 'latest']), 'eth_getTransactionCount');
  return { chain, address, balance: formatUnits(balance, 18), unit, txCount: Number(nonce) };
}

/** Signatures counted up to this many (an address with more is reported with this count). */
export const SOLANA_SIGNATURE_LIMIT = 1000;

export async function solanaFunds(http: IssuerHttp, address: string, unit = 'SOL'): Promise<Funds> {
  const value = field(await rpc(http, 'getBalance', [address]), 'value');
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new RpcError('getBalance: not a lamport amount');
  const sigs = await rpc(http, 'getSignaturesForAddress', [address, { limit: SOLANA_SIGNATURE_LIMIT }]);
  if (!Array.isArray(sigs)) throw new RpcError('getSignaturesForAddress: not a list');
  return { chain: 'solana', address, balance: formatUnits(BigInt(value), 9), unit, txCount: sigs.length };
}

export async function esploraFunds(http: IssuerHttp, chain: string, address: string, unit = 'BTC'): Promise<Funds> {
  const r = await http.send(() => ({ method: 'GET', path: `/address/${encodeURIComponent(address)}` }));
  if (r.status !== 200) throw new RpcError(`GET /address: HTTP ${r.status}`);
  let sats = 0n;
  let txs = 0;
  for (const part of ['chain_stats', 'mempool_stats']) {
    const s = field(r.json, part);
    const n = (k: string) => {
      const v = field(s, k);
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new RpcError(`GET /address: ${part}.${k} missing`);
      return v;
    };
    sats += BigInt(n('funded_txo_sum')) - BigInt(n('spent_txo_sum'));
    txs += n('tx_count');
  }
  return { chain, address, balance: formatUnits(sats, 8), unit, txCount: txs };
}
