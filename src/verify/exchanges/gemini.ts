// Gemini: POST /v1/roles → isAuditor, isTrader, isFundManager (fund managers may withdraw).
// Signed: X-GEMINI-PAYLOAD = base64 JSON {request, nonce}; X-GEMINI-SIGNATURE = hex HMAC-SHA384(secret, payload).
import { geminiSign } from '../../net/signing.js';
import { badSignature, type CheckOutcome, type Credential, field, type IssuerCheck, type IssuerHttp, unexpected } from '../types.js';
import { nonces } from './signed.js';

const PATH = '/v1/roles';
const nextNonce = nonces(1);

export const gemini: IssuerCheck = {
  id: 'gemini',
  name: 'Gemini',
  defaultBase: 'https://api.gemini.com',
  providers: ['gemini'],
  needs: ['secret'],
  rate: { requests: 2, perMs: 1000 },
  doc: {
    endpoint: `POST ${PATH}`,
    fields: ['isAuditor', 'isTrader', 'isFundManager'],
    basis: 'docs',
    caveat: 'error reasons (InvalidSignature, InvalidNonce, InvalidApiKey) from peers',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(() => {
      const { payload, signature } = geminiSign(c.secret!, PATH, nextNonce());
      return {
        method: 'POST',
        path: PATH,
        body: '',
        headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache', 'X-GEMINI-APIKEY': c.key, 'X-GEMINI-PAYLOAD': payload, 'X-GEMINI-SIGNATURE': signature },
      };
    });
    if (r.status === 200 && typeof field(r.json, 'isTrader') === 'boolean') {
      const roles = (['isAuditor', 'isTrader', 'isFundManager'] as const).filter((k) => field(r.json, k) === true);
      const fund = roles.includes('isFundManager');
      return {
        status: 'live',
        permissions: roles.map((k) => k.slice(2).replace(/^./, (x) => x.toLowerCase())),
        canWithdraw: fund,
        canTrade: roles.includes('isTrader'),
        canTransfer: fund,
        ...(roles.length === 1 && roles[0] === 'isAuditor' ? { detail: 'auditor (read-only) key' } : {}),
      };
    }
    const reason = String(field(r.json, 'reason') ?? '');
    if (reason === 'InvalidApiKey' || reason === 'MissingApiKey' || reason === 'InvalidApiKeyHeader') return { status: 'invalid', detail: `Gemini does not know this key (${reason})` };
    if (reason === 'InvalidSignature') return badSignature('InvalidSignature');
    if (reason === 'InvalidNonce') return { status: 'error', detail: 'nonce refused (InvalidNonce): another client uses this key with larger nonces' };
    if (reason === 'AccountClosed' || reason === 'ApiKeyRevoked') return { status: 'invalid', detail: reason };
    if (reason === 'IpNotAllowed' || reason === 'InvalidIP') return { status: 'live', ipRestricted: true, detail: `the key is bound to other IP addresses (${reason})` };
    return unexpected(r, reason && /^[A-Za-z]{1,40}$/.test(reason) ? reason : 'unexpected answer');
  },
};
