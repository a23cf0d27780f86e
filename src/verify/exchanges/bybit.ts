// Bybit v5: GET /v5/user/query-api returns the signing key's own settings (any permission may call it).
// Signed: hex HMAC-SHA256(secret, timestamp + key + recvWindow + query).
import { bybitSign } from '../../net/signing.js';
import { badSignature, type CheckOutcome, clockSkew, type Credential, field, ipBound, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';

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
    const r = await http.send(
      () => {
        const ts = String(Date.now());
        return {
          method: 'GET',
          path: '/v5/user/query-api',
          headers: {
            'X-BAPI-API-KEY': c.key,
            'X-BAPI-TIMESTAMP': ts,
            'X-BAPI-RECV-WINDOW': RECV_WINDOW,
            'X-BAPI-SIGN': bybitSign(c.secret!, ts, c.key, RECV_WINDOW, ''),
          },
        };
      },
      (x) => x.status === 429 || Number(field(x.json, 'retCode')) === 10006,
    );
    if (r.status === 403) return { status: 'unknown', detail: 'Bybit refuses requests from this network location (HTTP 403)' };
    const code = Number(field(r.json, 'retCode'));
    if (r.status !== 200 || !Number.isFinite(code)) return unexpected(r);
    switch (code) {
      case 0:
        break;
      case 10003:
        return { status: 'invalid', detail: `Bybit does not know this key (10003; a testnet key is unknown on ${http.base.host})` };
      case 33004:
        return { status: 'invalid', detail: 'the key has expired (33004)' };
      case 10004:
        return badSignature('10004');
      case 10002:
        return clockSkew('10002');
      case 10010:
        return ipBound('10010');
      default:
        return { status: 'error', detail: `retCode ${code}` };
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
