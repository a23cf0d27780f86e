// Gate v4: GET /api/v4/account/detail (any key) → key.mode, ip_whitelist. Signed: hex HMAC-SHA512 of
// METHOD\npath\nquery\nhex(SHA512(body))\ntimestamp.
import { gateSign } from '../../net/signing.js';
import { badSignature, type CheckOutcome, clockSkew, type Credential, field, ipBound, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';

const PATH = '/api/v4/account/detail';

export const gate: IssuerCheck = {
  id: 'gate',
  name: 'Gate',
  defaultBase: 'https://api.gateio.ws',
  providers: ['gate'],
  needs: ['secret'],
  rate: { requests: 2, perMs: 1000 },
  doc: {
    endpoint: `GET ${PATH}`,
    fields: ['user_id', 'ip_whitelist', 'key.mode'],
    basis: 'inferred',
    caveat: 'liveness and IP binding only: no withdraw permission name is documented; error labels from a docs mirror',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const prefix = http.base.pathname.replace(/\/+$/, '');
    const r = await http.send(() => {
      const ts = String(Math.floor(Date.now() / 1000));
      return { method: 'GET', path: PATH, headers: { KEY: c.key, Timestamp: ts, SIGN: gateSign(c.secret!, 'GET', prefix + PATH, '', '', ts) } };
    });
    if (r.status === 200 && field(r.json, 'user_id') !== undefined) {
      const ips = field(r.json, 'ip_whitelist');
      return { status: 'live', ipRestricted: Array.isArray(ips) && ips.length > 0, detail: 'liveness only: Gate does not report withdraw rights here' };
    }
    const label = String(field(r.json, 'label') ?? '');
    if (label === 'INVALID_KEY') return { status: 'invalid', detail: 'Gate does not know this key (INVALID_KEY)' };
    if (label === 'INVALID_SIGNATURE') return badSignature('INVALID_SIGNATURE');
    if (label === 'REQUEST_EXPIRED') return clockSkew('REQUEST_EXPIRED');
    if (label === 'IP_FORBIDDEN') return ipBound('IP_FORBIDDEN');
    return unexpected(r);
  },
};
