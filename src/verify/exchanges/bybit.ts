// Bybit v5: GET /v5/user/query-api returns the signing key's own settings (any permission may call it).
// Signed: hex HMAC-SHA256(secret, timestamp + key + recvWindow + query).
import { bybitSign } from '../../net/signing.js';
import { type CheckOutcome, type Credential, field, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';
import { errorOutcome, msTimestamp, signedGet } from './signed.js';

const RECV_WINDOW = '5000';
const TRADE_GROUPS = ['Spot', 'ContractTrade', 'Derivatives', 'Options', 'CopyTrading', 'BlockTrade'];
const TRANSFER_RIGHTS = ['AccountTransfer', 'SubMemberTransfer', 'SubMemberTransferList', 'Withdraw'];

export const bybit: IssuerCheck = {
  id: 'bybit',
  name: 'Bybit',
  defaultBase: 'https://api.bybit.com',
  providers: ['bybit'],
  needs: ['secret'],
  rate: { requests: 5, perMs: 1000 },
  doc: {
    endpoint: 'GET /v5/user/query-api',
    fields: ['readOnly', 'permissions (Wallet: Withdraw, AccountTransfer …; Spot, ContractTrade, Derivatives, Options …)', 'ips', 'expiredAt'],
    basis: 'docs',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const { r, code } = await signedGet(http, {
      path: '/v5/user/query-api',
      timestamp: msTimestamp,
      headers: (ts) => ({
        'X-BAPI-API-KEY': c.key,
        'X-BAPI-TIMESTAMP': ts,
        'X-BAPI-RECV-WINDOW': RECV_WINDOW,
        'X-BAPI-SIGN': bybitSign(c.secret!, ts, c.key, RECV_WINDOW, ''),
      }),
      codeField: 'retCode',
      rateLimitCode: '10006',
    });
    if (r.status === 403) return { status: 'unknown', detail: 'Bybit refuses requests from this network location (HTTP 403)' };
    if (r.status !== 200 || code.trim() === '' || !Number.isFinite(Number(code))) return unexpected(r);
    if (Number(code) !== 0) {
      return errorOutcome('Bybit', r, String(Number(code)), {
        badSignature: '10004',
        clockSkew: '10002',
        ipBound: '10010',
        other: {
          '10003': { status: 'invalid', detail: `Bybit does not know this key (10003; a testnet key is unknown on ${http.base.host})` },
          '33004': { status: 'invalid', detail: 'the key has expired (33004)' },
        },
        otherwise: { status: 'error', detail: `retCode ${Number(code)}` },
      });
    }
    const res = field(r.json, 'result');
    const groups = field(res, 'permissions');
    const permissions: string[] = [];
    const rights = (g: string): string[] => {
      const v = field(groups, g);
      return Array.isArray(v) ? v.map(String) : [];
    };
    if (groups && typeof groups === 'object') {
      for (const g of Object.keys(groups).sort()) for (const p of rights(g)) permissions.push(`${g}:${p}`);
    }
    const readOnly = Number(field(res, 'readOnly')) === 1;
    const wallet = rights('Wallet');
    const ips = field(res, 'ips');
    const expiredAt = field(res, 'expiredAt');
    const out: CheckOutcome = {
      status: 'live',
      permissions: permissions.slice(0, 40),
      canWithdraw: wallet.includes('Withdraw'),
      canTrade: !readOnly && TRADE_GROUPS.some((g) => rights(g).length > 0),
      canTransfer: wallet.some((w) => TRANSFER_RIGHTS.includes(w)),
      ipRestricted: Array.isArray(ips) && ips.length > 0 && !ips.every((ip) => ip === '*'),
    };
    if (typeof expiredAt === 'string' && /^\d{4}-\d\d-\d\dT/.test(expiredAt) && !expiredAt.startsWith('1970')) out.expiresAt = expiredAt;
    if (readOnly) out.detail = 'read-only key';
    return out;
  },
};
