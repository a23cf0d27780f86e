// KuCoin: GET /api/v1/user/api-key (General) returns the key's own `permission` list and ipWhitelist.
// Signed: base64 HMAC-SHA256(secret, ms timestamp + METHOD + path + body); key version 2 sends the
// passphrase as base64 HMAC-SHA256(secret, passphrase).
import { kucoinPassphrase, prehashSign } from '../../net/signing.js';
import { type CheckOutcome, type Credential, field, type IssuerCheck, type IssuerHttp } from '../types.js';
import { boundByText, commaList, errorOutcome, msTimestamp, signedGet } from './signed.js';

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
    const { r, code } = await signedGet(http, {
      path: PATH,
      timestamp: msTimestamp,
      headers: (ts) => ({
        'KC-API-KEY': c.key,
        'KC-API-SIGN': prehashSign(c.secret!, ts, 'GET', PATH),
        'KC-API-TIMESTAMP': ts,
        'KC-API-PASSPHRASE': kucoinPassphrase(c.secret!, c.passphrase!),
        'KC-API-KEY-VERSION': '2',
      }),
      codeField: 'code',
      rateLimitCode: '429000',
    });
    if (code === '200000' && r.status === 200) {
      const data = field(r.json, 'data');
      const perms = commaList(field(data, 'permission'));
      const ips = field(data, 'ipWhitelist');
      return {
        status: 'live',
        permissions: perms,
        canWithdraw: perms.includes('Transfer'),
        canTrade: perms.some((p) => ['Spot', 'Margin', 'Futures'].includes(p)),
        canTransfer: perms.includes('Transfer') || perms.includes('InnerTransfer'),
        ipRestricted: boundByText(ips),
        ...(perms.length > 0 && perms.every((p) => p === 'General') ? { detail: 'read-only key (General)' } : {}),
      };
    }
    return errorOutcome('KuCoin', r, code, { invalid: ['400003'], badSignature: '400005', badPassphrase: '400004', clockSkew: '400002', ipBound: '400006' });
  },
};
