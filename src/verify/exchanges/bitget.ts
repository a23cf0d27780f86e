// Bitget v2: GET /api/v2/spot/account/info lists the key's `authorities` and bound `ips`.
// Signed: base64 HMAC-SHA256(secret, ms timestamp + METHOD + path + body), passphrase sent as is.
import { prehashSign } from '../../net/signing.js';
import { type CheckOutcome, type Credential, field, type IssuerCheck, type IssuerHttp } from '../types.js';
import { errorOutcome, msTimestamp, signedGet } from './signed.js';

const PATH = '/api/v2/spot/account/info';

export const bitget: IssuerCheck = {
  id: 'bitget',
  name: 'Bitget',
  defaultBase: 'https://api.bitget.com',
  providers: ['bitget'],
  needs: ['secret', 'passphrase'],
  rate: { requests: 1, perMs: 1000 },
  doc: {
    endpoint: `GET ${PATH}`,
    fields: ['authorities (stow/coow trade, wtow transfer, wwow withdraw …)', 'ips'],
    basis: 'inferred',
    caveat: 'authority codes and error codes (40006, 40037, 40009, 40012, 40018) from a docs mirror, not bitget.com itself',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const { r, code } = await signedGet(http, {
      path: PATH,
      timestamp: msTimestamp,
      headers: (ts) => ({
        'ACCESS-KEY': c.key,
        'ACCESS-SIGN': prehashSign(c.secret!, ts, 'GET', PATH),
        'ACCESS-TIMESTAMP': ts,
        'ACCESS-PASSPHRASE': c.passphrase!,
        locale: 'en-US',
      }),
      codeField: 'code',
      rateLimitCode: '429',
    });
    if (code === '00000' && r.status === 200) {
      const data = field(r.json, 'data');
      const auth = field(data, 'authorities');
      const perms = Array.isArray(auth) ? auth.map(String).slice(0, 40) : [];
      const ips = field(data, 'ips');
      return {
        status: 'live',
        permissions: perms,
        canWithdraw: perms.includes('wwow'),
        canTrade: perms.some((p) => p === 'stow' || p === 'coow' || p === 'cpow' || p === 'taxow'),
        canTransfer: perms.includes('wtow') || perms.includes('wwow'),
        ipRestricted: (typeof ips === 'string' && ips.trim() !== '') || (Array.isArray(ips) && ips.length > 0),
      };
    }
    return errorOutcome('Bitget', r, code, { invalid: ['40006', '40037'], badSignature: '40009', badPassphrase: '40012', clockSkew: '40008', ipBound: '40018' });
  },
};
