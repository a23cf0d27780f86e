// OKX v5: GET /api/v5/account/config (Read) carries `perm` ("read_only,trade,withdraw") and `ip`.
// Signed: base64 HMAC-SHA256(secret, ISO timestamp + METHOD + path + body), passphrase sent as is.
import { prehashSign } from '../../net/signing.js';
import { type CheckOutcome, type Credential, field, type IssuerCheck, type IssuerHttp } from '../types.js';
import { boundByText, commaList, errorOutcome, signedGet } from './signed.js';

const PATH = '/api/v5/account/config';

export const okx: IssuerCheck = {
  id: 'okx',
  name: 'OKX',
  defaultBase: 'https://www.okx.com',
  providers: ['okx'],
  needs: ['secret', 'passphrase'],
  rate: { requests: 2, perMs: 1000 },
  doc: { endpoint: `GET ${PATH}`, fields: ['perm', 'ip'], basis: 'docs' },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const { r, code } = await signedGet(http, {
      path: PATH,
      timestamp: () => new Date().toISOString(),
      headers: (ts) => ({
        'OK-ACCESS-KEY': c.key,
        'OK-ACCESS-SIGN': prehashSign(c.secret!, ts, 'GET', PATH),
        'OK-ACCESS-TIMESTAMP': ts,
        'OK-ACCESS-PASSPHRASE': c.passphrase!,
      }),
      codeField: 'code',
      rateLimitCode: '50011',
    });
    if (code === '0' && r.status === 200) {
      const acct = field(r.json, 'data', 0);
      const perms = commaList(field(acct, 'perm'));
      const ip = field(acct, 'ip');
      return {
        status: 'live',
        permissions: perms,
        canWithdraw: perms.includes('withdraw'),
        canTrade: perms.includes('trade'),
        canTransfer: perms.includes('withdraw'),
        ipRestricted: boundByText(ip),
        ...(perms.length === 1 && perms[0] === 'read_only' ? { detail: 'read-only key' } : {}),
      };
    }
    return errorOutcome('OKX', r, code, {
      invalid: ['50111', '50119'],
      badSignature: '50113',
      badPassphrase: '50105',
      clockSkew: '50102',
      ipBound: '50110',
      other: { '50101': { status: 'unknown', detail: `the key belongs to another environment than ${http.base.host} (50101; a demo-trading key?)` } },
    });
  },
};
