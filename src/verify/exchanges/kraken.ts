// Kraken: no permission endpoint; POST /0/private/Balance (query-funds right) tells liveness.
// Signed: API-Sign = base64 HMAC-SHA512(base64-decoded secret, path + SHA256(nonce + postdata)).
import { krakenSign } from '../../net/signing.js';
import { badSignature, type CheckOutcome, type Credential, field, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';
import { nonces } from './signed.js';

const PATH = '/0/private/Balance';
/** Strictly increasing across the run (Kraken refuses a nonce not above the last one). */
const nextNonce = nonces(1000);

export const kraken: IssuerCheck = {
  id: 'kraken',
  name: 'Kraken',
  defaultBase: 'https://api.kraken.com',
  providers: ['kraken'],
  needs: ['secret'],
  rate: { requests: 1, perMs: 1000 },
  doc: {
    endpoint: `POST ${PATH}`,
    fields: ['error[] (EAPI:Invalid key, EAPI:Invalid signature, EGeneral:Permission denied)', 'result present'],
    basis: 'docs',
    caveat: 'liveness only: Kraken has no endpoint that lists a key\'s rights',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(
      () => {
        const nonce = nextNonce();
        const body = `nonce=${nonce}`;
        return {
          method: 'POST',
          path: PATH,
          body,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'API-Key': c.key, 'API-Sign': krakenSign(c.secret!, PATH, nonce, body) },
        };
      },
      (x) => x.status === 429 || JSON.stringify(field(x.json, 'error') ?? '').includes('Rate limit exceeded'),
    );
    const errors = field(r.json, 'error');
    if (!Array.isArray(errors)) return unexpected(r);
    const list = errors.map(String);
    const has = (e: string) => list.some((x) => x.startsWith(e));
    if (list.length === 0 && field(r.json, 'result') !== undefined) {
      return { status: 'live', permissions: ['query-funds'], detail: 'liveness only: Kraken does not report withdraw rights' };
    }
    if (has('EAPI:Invalid key')) return { status: 'invalid', detail: 'Kraken does not know this key (EAPI:Invalid key)' };
    if (has('EAPI:Invalid signature')) return badSignature('EAPI:Invalid signature');
    if (has('EGeneral:Permission denied')) return { status: 'live', permissions: [], detail: 'the key works but lacks the query-funds right (EGeneral:Permission denied)' };
    if (has('EAPI:Invalid nonce')) return { status: 'error', detail: 'nonce refused (EAPI:Invalid nonce): another client uses this key with larger nonces' };
    if (has('EGeneral:Temporary lockout')) return { status: 'unknown', detail: 'temporarily locked out (EGeneral:Temporary lockout)' };
    return { status: 'error', detail: 'unexpected error answer' };
  },
};
