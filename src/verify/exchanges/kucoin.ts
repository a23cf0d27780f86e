// KuCoin: GET /api/v1/user/api-key (General) returns the key's own `permission` list and ipWhitelist.
// Signed: base64 HMAC-SHA256(secret, ms timestamp + METHOD + path + body); key version 2 sends the
// passphrase as base64 HMAC-SHA256(secret, passphrase).
import { kucoinPassphrase, prehashSign } from '../../net/signing.js';
import { badPassphrase, badSignature, type CheckOutcome, clockSkew, type Credential, field, ipBound, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';

const PATH = '/api/v1/user/api-key';

export const kucoin: IssuerCheck = {
  id: 'kucoin',
  name: 'KuCoin',
  defaultBase: 'https://api.kucoin.com',
  providers: ['kucoin'],
  needs: ['secret', 'passphrase'],
  rate: { requests: 3, perMs: 1000 },
  doc: {
    endpoint: `GET ${PATH}`,
    fields: ['permission (General, Spot, Margin, Futures, InnerTransfer, Transfer, Earn)', 'ipWhitelist'],
    basis: 'docs',
    caveat: '"Transfer" read as the withdrawal right (KuCoin names withdrawal so in its key settings; not spelled out in the API reference)',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(
      () => {
        const ts = String(Date.now());
        return {
          method: 'GET',
          path: PATH,
          headers: {
            'KC-API-KEY': c.key,
            'KC-API-SIGN': prehashSign(c.secret!, ts, 'GET', PATH),
            'KC-API-TIMESTAMP': ts,
            'KC-API-PASSPHRASE': kucoinPassphrase(c.secret!, c.passphrase!),
            'KC-API-KEY-VERSION': '2',
          },
        };
      },
      (x) => x.status === 429 || String(field(x.json, 'code')) === '429000',
    );
    const code = String(field(r.json, 'code') ?? '');
    if (code === '200000' && r.status === 200) {
      const data = field(r.json, 'data');
      const perms = String(field(data, 'permission') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
      const ips = field(data, 'ipWhitelist');
      return {
        status: 'live',
        permissions: perms,
        canWithdraw: perms.includes('Transfer'),
        canTrade: perms.some((p) => ['Spot', 'Margin', 'Futures'].includes(p)),
        canTransfer: perms.includes('Transfer') || perms.includes('InnerTransfer'),
        ipRestricted: typeof ips === 'string' && ips.trim() !== '',
        ...(perms.length > 0 && perms.every((p) => p === 'General') ? { detail: 'read-only key (General)' } : {}),
      };
    }
    switch (code) {
      case '400003':
        return { status: 'invalid', detail: 'KuCoin does not know this key (400003)' };
      case '400005':
        return badSignature('400005');
      case '400004':
        return badPassphrase('400004');
      case '400002':
        return clockSkew('400002');
      case '400006':
        return ipBound('400006');
      default:
        return unexpected(r, code ? `error code ${code}` : 'unexpected answer');
    }
  },
};
