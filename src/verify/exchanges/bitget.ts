// Bitget v2: GET /api/v2/spot/account/info lists the key's `authorities` and bound `ips`.
// Signed: base64 HMAC-SHA256(secret, ms timestamp + METHOD + path + body), passphrase sent as is.
import { prehashSign } from '../../net/signing.js';
import { badPassphrase, badSignature, type CheckOutcome, clockSkew, type Credential, field, ipBound, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';

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
    const r = await http.send(
      () => {
        const ts = String(Date.now());
        return {
          method: 'GET',
          path: PATH,
          headers: {
            'ACCESS-KEY': c.key,
            'ACCESS-SIGN': prehashSign(c.secret!, ts, 'GET', PATH),
            'ACCESS-TIMESTAMP': ts,
            'ACCESS-PASSPHRASE': c.passphrase!,
            locale: 'en-US',
          },
        };
      },
      (x) => x.status === 429 || String(field(x.json, 'code')) === '429',
    );
    const code = String(field(r.json, 'code') ?? '');
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
    switch (code) {
      case '40006':
      case '40037':
        return { status: 'invalid', detail: `Bitget does not know this key (${code})` };
      case '40009':
        return badSignature('40009');
      case '40012':
        return badPassphrase('40012');
      case '40008':
        return clockSkew('40008');
      case '40018':
        return ipBound('40018');
      default:
        return unexpected(r, code ? `error code ${code}` : 'unexpected answer');
    }
  },
};
