// Binance (and MEXC, which copies its signing): GET /sapi/v1/account/apiRestrictions, a USER_DATA read
// that lists what the key may do. Signed: hex HMAC-SHA256 of the query string, key in X-MBX-APIKEY.
import { binanceSign } from '../../net/signing.js';
import { badSignature, type CheckOutcome, clockSkew, type Credential, field, ipBound, type IssuerCheck, type IssuerHttp, type IssuerResponse, unexpected } from '../types.js';

const RECV_WINDOW = '5000';

function signedQuery(secret: string, extra = ''): string {
  const q = `${extra}timestamp=${Date.now()}&recvWindow=${RECV_WINDOW}`;
  return `${q}&signature=${binanceSign(secret, q)}`;
}

/** Binance's flags → permission names, with the right each one grants. */
const FLAGS: [string, 'trade' | 'withdraw' | 'transfer' | 'read'][] = [
  ['enableReading', 'read'],
  ['enableSpotAndMarginTrading', 'trade'],
  ['enableMargin', 'trade'],
  ['enableFutures', 'trade'],
  ['enableVanillaOptions', 'trade'],
  ['enablePortfolioMarginTrading', 'trade'],
  ['enableFixApiTrade', 'trade'],
  ['enableInternalTransfer', 'transfer'],
  ['permitsUniversalTransfer', 'transfer'],
  ['enableWithdrawals', 'withdraw'],
];

function binanceError(r: IssuerResponse): CheckOutcome {
  const code = Number(field(r.json, 'code'));
  switch (code) {
    case -2014:
      return { status: 'invalid', detail: 'API key format invalid (-2014)' };
    case -2015:
      // the same code for an unknown key, a key bound to other IPs and a key without this right
      return { status: 'unknown', detail: 'Binance answers "invalid API key, IP, or permissions" (-2015): revoked, IP-restricted or without the read right' };
    case -1022:
      return badSignature('-1022');
    case -1021:
      return clockSkew('-1021');
    default:
      if (r.status === 403) return { status: 'unknown', detail: 'refused by the web application firewall (HTTP 403)' };
      if (r.status === 418) return { status: 'unknown', detail: 'this address is banned for too many requests (HTTP 418)' };
      return unexpected(r, Number.isFinite(code) ? `error code ${code}` : 'unexpected answer');
  }
}

export const binance: IssuerCheck = {
  id: 'binance',
  name: 'Binance',
  defaultBase: 'https://api.binance.com',
  providers: ['binance'],
  needs: ['secret'],
  rate: { requests: 5, perMs: 1000 },
  doc: {
    endpoint: 'GET /sapi/v1/account/apiRestrictions',
    fields: ['ipRestrict', 'enableReading', 'enableSpotAndMarginTrading', 'enableMargin', 'enableFutures', 'enableVanillaOptions', 'enableInternalTransfer', 'permitsUniversalTransfer', 'enableWithdrawals'],
    basis: 'docs',
    caveat: '-2015 means an unknown key, another IP or a missing right alike: reported as unknown',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(
      () => ({ method: 'GET', path: `/sapi/v1/account/apiRestrictions?${signedQuery(c.secret!)}`, headers: { 'X-MBX-APIKEY': c.key } }),
      (x) => x.status === 429 || Number(field(x.json, 'code')) === -1003,
    );
    if (r.status !== 200 || typeof r.json !== 'object' || r.json === null || Array.isArray(r.json)) return binanceError(r);
    const o = r.json as Record<string, unknown>;
    const on = FLAGS.filter(([k]) => o[k] === true);
    const has = (right: string) => on.some(([, g]) => g === right);
    return {
      status: 'live',
      permissions: on.map(([k]) => k),
      canWithdraw: o.enableWithdrawals === true,
      canTrade: has('trade'),
      canTransfer: has('transfer') || has('withdraw'),
      ipRestricted: o.ipRestrict === true,
    };
  },
};

/** MEXC: GET /api/v3/account (SIGNED, Binance's scheme) → canTrade, canWithdraw, canDeposit, permissions. */
export const mexc: IssuerCheck = {
  id: 'mexc',
  name: 'MEXC',
  defaultBase: 'https://api.mexc.com',
  providers: ['mexc'],
  needs: ['secret'],
  rate: { requests: 5, perMs: 1000 },
  doc: {
    endpoint: 'GET /api/v3/account',
    fields: ['canTrade', 'canWithdraw', 'canDeposit', 'permissions'],
    basis: 'inferred',
    caveat: 'canWithdraw may describe the account rather than the key; error codes from peers (10072, 700002, 700006)',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(() => ({ method: 'GET', path: `/api/v3/account?${signedQuery(c.secret!)}`, headers: { 'X-MEXC-APIKEY': c.key } }));
    if (r.status === 200 && typeof r.json === 'object' && r.json !== null && 'canTrade' in r.json) {
      const perms = field(r.json, 'permissions');
      return {
        status: 'live',
        permissions: Array.isArray(perms) ? perms.map(String).slice(0, 20) : undefined,
        canTrade: field(r.json, 'canTrade') === true,
        canWithdraw: field(r.json, 'canWithdraw') === true,
      };
    }
    const code = Number(field(r.json, 'code'));
    if (code === 10072 || code === 700001) return { status: 'invalid', detail: `API key invalid (${code})` };
    if (code === 700002) return badSignature('700002');
    if (code === 700006) return ipBound('700006');
    if (code === 700003) return clockSkew('700003');
    return unexpected(r);
  },
};
