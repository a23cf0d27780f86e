// Bitfinex v2: POST /v2/auth/r/permissions → [[scope, read, write], …]. Signed: bfx-signature = hex
// HMAC-SHA384(secret, "/api" + path + nonce + body).
import { bitfinexSign } from '../../net/signing.js';
import { badSignature, type CheckOutcome, type Credential, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';
import { nonces } from './signed.js';

const PATH = '/v2/auth/r/permissions';
const nextNonce = nonces(1000);

export const bitfinex: IssuerCheck = {
  id: 'bitfinex',
  name: 'Bitfinex',
  defaultBase: 'https://api.bitfinex.com',
  providers: ['bitfinex'],
  needs: ['secret'],
  rate: { requests: 1, perMs: 1000 },
  doc: {
    endpoint: `POST ${PATH}`,
    fields: ['[scope, read, write] for account, history, orders, positions, funding, settings, wallets, withdraw …'],
    basis: 'docs',
    caveat: 'error shape ["error", 10100, "apikey: invalid"] from peers',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(
      () => {
        const nonce = nextNonce();
        const body = '{}';
        return {
          method: 'POST',
          path: PATH,
          body,
          headers: { 'Content-Type': 'application/json', 'bfx-nonce': nonce, 'bfx-apikey': c.key, 'bfx-signature': bitfinexSign(c.secret!, PATH, nonce, body) },
        };
      },
      (x) => x.status === 429 || x.text.includes('ERR_RATE_LIMIT'),
    );
    const j = r.json;
    if (Array.isArray(j) && j[0] === 'error') {
      const code = Number(j[1]);
      if (code === 10100) return { status: 'invalid', detail: 'Bitfinex does not know this key (10100)' };
      if (code === 10112) return badSignature('10112');
      if (code === 10114) return { status: 'error', detail: 'nonce refused (10114): another client uses this key with larger nonces' };
      return { status: 'error', detail: `error code ${Number.isFinite(code) ? code : '?'}` };
    }
    if (r.status !== 200 || !Array.isArray(j)) return unexpected(r);
    const perms: string[] = [];
    const right = (scope: string, i: 1 | 2) => j.some((e) => Array.isArray(e) && e[0] === scope && Number(e[i]) === 1);
    for (const e of j) {
      if (!Array.isArray(e) || typeof e[0] !== 'string' || !/^[a-z_]{1,30}$/.test(e[0])) continue;
      if (Number(e[1]) === 1) perms.push(`${e[0]}:read`);
      if (Number(e[2]) === 1) perms.push(`${e[0]}:write`);
    }
    return {
      status: 'live',
      permissions: perms,
      canWithdraw: right('withdraw', 2),
      canTrade: right('orders', 2) || right('positions', 2),
      canTransfer: right('wallets', 2) || right('withdraw', 2),
    };
  },
};
