// Node-provider keys (Infura, Alchemy, Helius): one harmless JSON-RPC read against the provider's own
// mainnet endpoint, with the key where the provider puts it. The URL found in the code is never used.
import { field, unexpected, type CheckOutcome, type Credential, type IssuerCheck, type IssuerHttp, type IssuerResponse } from '../types.js';

const CHAIN_ID = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] });

function rpcOutcome(r: IssuerResponse, name: string): CheckOutcome {
  if (r.status === 200 && field(r.json, 'result') !== undefined && field(r.json, 'error') === undefined) return { status: 'live' };
  const msg = String(field(r.json, 'error', 'message') ?? '');
  const code = Number(field(r.json, 'error', 'code'));
  if (r.status === 401) return { status: 'invalid', detail: `${name} refuses the key (HTTP 401)` };
  if (r.status === 403 || code === -32002 || /project id settings|allowlist|whitelist|not allowed/i.test(msg)) {
    return { status: 'live', ipRestricted: true, detail: `the key exists but ${name} refuses this request (allow-lists or limits in its settings)` };
  }
  if (r.status === 200 && field(r.json, 'error') !== undefined) return { status: 'unknown', detail: `JSON-RPC error ${Number.isFinite(code) ? code : ''}`.trim() };
  return unexpected(r);
}

export const infura: IssuerCheck = {
  id: 'infura',
  name: 'Infura',
  defaultBase: 'https://mainnet.infura.io',
  providers: ['infura'],
  needs: [],
  rate: { requests: 5, perMs: 1000 },
  doc: {
    endpoint: 'POST /v3/{key} eth_chainId (API key secret, when found beside it, as basic auth)',
    fields: ['result', 'HTTP 401', 'error.code -32002 (refused by project settings)'],
    basis: 'inferred',
    caveat: 'the 401 and -32002 answers are seen in public issue threads, not in Infura\'s reference',
  },
  rejects: (c) => (/^[0-9a-f]{32}$/i.test(c.key) ? undefined : 'not an Infura key id (32 hex)'),
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (c.secret) headers.Authorization = `Basic ${Buffer.from(`:${c.secret}`).toString('base64')}`;
    return rpcOutcome(await http.send(() => ({ method: 'POST', path: `/v3/${c.key}`, headers, body: CHAIN_ID })), 'Infura');
  },
};

export const alchemy: IssuerCheck = {
  id: 'alchemy',
  name: 'Alchemy',
  defaultBase: 'https://eth-mainnet.g.alchemy.com',
  providers: ['alchemy'],
  needs: [],
  rate: { requests: 5, perMs: 1000 },
  doc: { endpoint: 'POST /v2/{key} eth_chainId', fields: ['result', 'HTTP 401 (invalid)', 'HTTP 403 (allow-list / capacity)'], basis: 'docs' },
  rejects: (c) => (/^[A-Za-z0-9_-]{16,64}$/.test(c.key) && !c.key.startsWith('alcht_') ? undefined : 'not an Alchemy app key (auth tokens are not checked)'),
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    return rpcOutcome(await http.send(() => ({ method: 'POST', path: `/v2/${c.key}`, headers: { 'Content-Type': 'application/json' }, body: CHAIN_ID })), 'Alchemy');
  },
};

export const helius: IssuerCheck = {
  id: 'helius',
  name: 'Helius',
  defaultBase: 'https://mainnet.helius-rpc.com',
  providers: ['helius'],
  needs: [],
  rate: { requests: 5, perMs: 1000 },
  doc: { endpoint: 'POST /?api-key={key} getBalance (system program address)', fields: ['result', 'HTTP 401'], basis: 'docs' },
  rejects: (c) => (/^[0-9a-f-]{36}$/i.test(c.key) ? undefined : 'not a Helius key (UUID)'),
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'getBalance', params: ['11111111111111111111111111111111'] });
    return rpcOutcome(await http.send(() => ({ method: 'POST', path: `/?api-key=${encodeURIComponent(c.key)}`, headers: { 'Content-Type': 'application/json' }, body })), 'Helius');
  },
};
