// OKX v5: GET /api/v5/account/config (Read) carries `perm` ("read_only,trade,withdraw") and `ip`.
// Signed: base64 HMAC-SHA256(secret, ISO timestamp + METHOD + path + body), passphrase sent as is.
import { prehashSign } from '../../net/signing.js';
import { badPassphrase, badSignature, type CheckOutcome, clockSkew, type Credential, field, ipBound, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';

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
    const r = await http.send(
      () => {
        const ts = new Date().toISOString();
        return {
          method: 'GET',
          path: PATH,
          headers: {
            'OK-ACCESS-KEY': c.key,
            'OK-ACCESS-SIGN': prehashSign(c.secret!, ts, 'GET', PATH),
            'OK-ACCESS-TIMESTAMP': ts,
            'OK-ACCESS-PASSPHRASE': c.passphrase!,
          },
        };
      },
      (x) => x.status === 429 || String(field(x.json, 'code')) === '50011',
    );
    const code = String(field(r.json, 'code') ?? '');
    if (code === '0' && r.status === 200) {
      const acct = field(r.json, 'data', 0);
      const perm = String(field(acct, 'perm') ?? '');
      const perms = perm.split(',').map((p) => p.trim()).filter(Boolean);
      const ip = field(acct, 'ip');
      return {
        status: 'live',
        permissions: perms,
        canWithdraw: perms.includes('withdraw'),
        canTrade: perms.includes('trade'),
        canTransfer: perms.includes('withdraw'),
        ipRestricted: typeof ip === 'string' && ip.trim() !== '',
        ...(perms.length === 1 && perms[0] === 'read_only' ? { detail: 'read-only key' } : {}),
      };
    }
    switch (code) {
      case '50111':
      case '50119':
        return { status: 'invalid', detail: `OKX does not know this key (${code})` };
      case '50113':
        return badSignature('50113');
      case '50105':
        return badPassphrase('50105');
      case '50101':
        return { status: 'unknown', detail: `the key belongs to another environment than ${http.base.host} (50101; a demo-trading key?)` };
      case '50102':
        return clockSkew('50102');
      case '50110':
        return ipBound('50110');
      default:
        return unexpected(r, code ? `error code ${code}` : 'unexpected answer');
    }
  },
};
