// Bitget v2: GET /api/v2/spot/account/info lists the key's `authorities` and bound `ips`.
// Signed: base64 HMAC-SHA256(secret, ms timestamp + METHOD + path + body), passphrase sent as is.
import { prehashSign } from '../../net/signing.js';
import { field, unexpected, type CheckOutcome, type Credential, type IssuerCheck, type IssuerHttp } from '../types.js';

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
        return { status: 'invalid', detail: 'signature rejected (40009): the secret found beside the key is not its secret' };
      case '40012':
        return { status: 'invalid', detail: 'passphrase rejected (40012): the passphrase found beside the key is not its passphrase' };
      case '40008':
        return { status: 'error', detail: "timestamp expired (40008): check this machine's clock" };
      case '40018':
        return { status: 'live', ipRestricted: true, detail: 'the key is bound to other IP addresses (40018): rights not readable from here' };
      default:
        return unexpected(r, code ? `error code ${code}` : 'unexpected answer');
    }
  },
};
