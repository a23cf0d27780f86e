// Market and indexer data APIs (Etherscan family, CoinMarketCap, CoinGecko Pro, Moralis): the cheapest
// documented read, plus plan and usage where the API reports them.
import { field, unexpected, type CheckOutcome, type Credential, type IssuerCheck, type IssuerHttp } from '../types.js';

/** An address with no secret meaning: the zero address. */
const ZERO = '0x0000000000000000000000000000000000000000';
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export const etherscan: IssuerCheck = {
  id: 'etherscan',
  name: 'Etherscan',
  defaultBase: 'https://api.etherscan.io',
  providers: ['etherscan', 'bscscan', 'polygonscan'],
  needs: [],
  rate: { requests: 2, perMs: 1000 },
  doc: {
    endpoint: 'GET /v2/api?chainid=1&module=account&action=balance&address=0x0…0&tag=latest&apikey={key}',
    fields: ['status', 'message', 'result ("Invalid API Key", "Max rate limit reached")'],
    basis: 'docs',
    caveat: 'one V2 key serves every chain; legacy per-chain keys (BscScan, Polygonscan) are checked on the same endpoint',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(
      () => ({ method: 'GET', path: `/v2/api?chainid=1&module=account&action=balance&address=${ZERO}&tag=latest&apikey=${encodeURIComponent(c.key)}` }),
      (x) => x.status === 429 || /rate limit/i.test(String(field(x.json, 'result') ?? '')),
    );
    const status = String(field(r.json, 'status') ?? '');
    const result = String(field(r.json, 'result') ?? '');
    if (r.status === 200 && status === '1') return { status: 'live' };
    if (/invalid api.?key|missing\/invalid/i.test(result)) return { status: 'invalid', detail: 'Etherscan: "Invalid API Key"' };
    return unexpected(r);
  },
};

export const coinmarketcap: IssuerCheck = {
  id: 'coinmarketcap',
  name: 'CoinMarketCap',
  defaultBase: 'https://pro-api.coinmarketcap.com',
  providers: ['coinmarketcap'],
  needs: [],
  rate: { requests: 1, perMs: 2000 },
  doc: {
    endpoint: 'GET /v1/key/info (X-CMC_PRO_API_KEY, costs no credit)',
    fields: ['status.error_code', 'data.plan.credit_limit_monthly', 'data.plan.rate_limit_minute', 'data.usage.current_month.credits_left'],
    basis: 'docs',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(
      () => ({ method: 'GET', path: '/v1/key/info', headers: { 'X-CMC_PRO_API_KEY': c.key } }),
      (x) => x.status === 429 && [1008, 1011].includes(Number(field(x.json, 'status', 'error_code'))),
    );
    const code = Number(field(r.json, 'status', 'error_code'));
    if (r.status === 200 && code === 0) {
      const plan = field(r.json, 'data', 'plan');
      const monthly = num(field(plan, 'credit_limit_monthly'));
      const left = num(field(r.json, 'data', 'usage', 'current_month', 'credits_left'));
      const parts = [monthly !== undefined && `plan of ${monthly} credits a month`, left !== undefined && `${left} left this month`].filter(Boolean);
      return { status: 'live', ...(parts.length ? { detail: parts.join(', ') } : {}) };
    }
    if (code === 1001 || code === 1002 || code === 1005) return { status: 'invalid', detail: `CoinMarketCap refuses the key (${code})` };
    if (code === 1007) return { status: 'invalid', detail: 'the key is disabled (1007)' };
    if ([1003, 1004, 1006, 1009, 1010].includes(code)) return { status: 'live', detail: `the key exists; its plan refuses this call now (${code})` };
    return unexpected(r);
  },
};

export const coingecko: IssuerCheck = {
  id: 'coingecko',
  name: 'CoinGecko',
  defaultBase: 'https://pro-api.coingecko.com',
  providers: ['coingecko'],
  needs: [],
  rate: { requests: 1, perMs: 2000 },
  doc: {
    endpoint: 'GET /api/v3/key (x-cg-pro-api-key)',
    fields: ['plan', 'rate_limit_request_per_minute', 'monthly_call_credit', 'current_remaining_monthly_calls', 'error_code 10010/10011 (demo key on the pro host)'],
    basis: 'docs',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(() => ({ method: 'GET', path: '/api/v3/key', headers: { 'x-cg-pro-api-key': c.key } }));
    if (r.status === 200 && field(r.json, 'plan') !== undefined) {
      const plan = String(field(r.json, 'plan'));
      const left = num(field(r.json, 'current_remaining_monthly_calls'));
      const parts = [/^[A-Za-z0-9 _-]{1,30}$/.test(plan) && `plan ${plan}`, left !== undefined && `${left} calls left this month`].filter(Boolean);
      return { status: 'live', ...(parts.length ? { detail: parts.join(', ') } : {}) };
    }
    const code = Number(field(r.json, 'status', 'error_code') ?? field(r.json, 'error_code'));
    if (code === 10010 || code === 10011) return { status: 'unknown', detail: `a Demo-plan key (the Pro API refuses it: ${code}); Demo keys are not checked` };
    if (r.status === 401 || code === 10002) return { status: 'invalid', detail: 'CoinGecko refuses the key' };
    return unexpected(r);
  },
};

export const moralis: IssuerCheck = {
  id: 'moralis',
  name: 'Moralis',
  defaultBase: 'https://deep-index.moralis.io',
  providers: ['moralis'],
  needs: [],
  rate: { requests: 2, perMs: 1000 },
  doc: { endpoint: 'GET /api/v2.2/{0x0…0}/balance?chain=0x1 (X-API-Key)', fields: ['balance', 'HTTP 401'], basis: 'docs' },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(() => ({ method: 'GET', path: `/api/v2.2/${ZERO}/balance?chain=0x1`, headers: { 'X-API-Key': c.key } }));
    if (r.status === 200 && field(r.json, 'balance') !== undefined) return { status: 'live' };
    if (r.status === 401) return { status: 'invalid', detail: 'Moralis refuses the key (HTTP 401)' };
    return unexpected(r);
  },
};
