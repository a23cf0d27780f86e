// HTX (Huobi): GET /v2/user/uid, then GET /v2/user/api-key?uid=&accessKey= for the key's permission,
// bound IPs and expiry. Signed (version 2): sorted, percent-encoded query signed with HMAC-SHA256 over
// "GET\nhost\npath\nquery", base64.
import { htxSignedQuery, htxTimestamp } from '../../net/signing.js';
import { badSignature, type CheckOutcome, type Credential, field, type IssuerCheck, type IssuerHttp, type IssuerResponse, unexpected } from '../types.js';
import { boundByText, commaList } from './signed.js';

function signed(c: Credential, http: IssuerHttp, path: string, extra: Record<string, string> = {}) {
  const prefix = http.base.pathname.replace(/\/+$/, '');
  const params = { AccessKeyId: c.key, SignatureMethod: 'HmacSHA256', SignatureVersion: '2', Timestamp: htxTimestamp(), ...extra };
  return { method: 'GET' as const, path: `${path}?${htxSignedQuery(c.secret!, 'GET', http.base.host, prefix + path, params)}` };
}

/** HTX errors come as {status:"error", err-code, err-msg} (v1 style) or {code, message} (v2). */
function htxError(r: IssuerResponse): CheckOutcome {
  const errCode = String(field(r.json, 'err-code') ?? '');
  const msg = String(field(r.json, 'err-msg') ?? field(r.json, 'message') ?? '');
  if (errCode === 'api-signature-not-valid' || /signature|access ?key/i.test(msg)) {
    return /access ?key/i.test(msg)
      ? { status: 'invalid', detail: 'HTX does not know this key (api-signature-not-valid: incorrect access key)' }
      : badSignature('api-signature-not-valid');
  }
  if (/ip/i.test(errCode) || /\bip\b/i.test(msg)) return { status: 'live', ipRestricted: true, detail: 'the key is bound to other IP addresses' };
  if (/timestamp|expired/i.test(msg)) return { status: 'error', detail: "request expired: check this machine's clock" };
  return unexpected(r);
}

export const htx: IssuerCheck = {
  id: 'htx',
  name: 'HTX',
  defaultBase: 'https://api.huobi.pro',
  providers: ['htx', 'huobi'],
  needs: ['secret'],
  rate: { requests: 2, perMs: 1000 },
  doc: {
    endpoint: 'GET /v2/user/uid, then GET /v2/user/api-key',
    fields: ['data (uid)', 'permission (readOnly, trade, withdraw)', 'ipAddresses', 'validDays', 'status'],
    basis: 'inferred',
    caveat: 'fields and errors from a docs mirror; the api-key query answers parent-user keys only',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const limited = (x: IssuerResponse) => x.status === 429 || String(field(x.json, 'err-code') ?? '').includes('limit');
    const uidRes = await http.send(() => signed(c, http, '/v2/user/uid'), limited);
    const uid = field(uidRes.json, 'data');
    if (uidRes.status !== 200 || Number(field(uidRes.json, 'code')) !== 200 || (typeof uid !== 'number' && typeof uid !== 'string')) return htxError(uidRes);
    const keyRes = await http.send(() => signed(c, http, '/v2/user/api-key', { uid: String(uid), accessKey: c.key }), limited);
    const entry = field(keyRes.json, 'data', 0);
    if (keyRes.status !== 200 || Number(field(keyRes.json, 'code')) !== 200 || !entry) {
      return { status: 'live', detail: 'the key works; its rights are not readable (sub-user key, or no read right on keys)' };
    }
    const perms = commaList(field(entry, 'permission'));
    const ips = field(entry, 'ipAddresses');
    const st = String(field(entry, 'status') ?? '');
    if (st === 'expired') return { status: 'invalid', permissions: perms, detail: 'the key has expired' };
    const out: CheckOutcome = {
      status: 'live',
      permissions: perms,
      canWithdraw: perms.includes('withdraw'),
      canTrade: perms.includes('trade'),
      canTransfer: perms.includes('withdraw'),
      ipRestricted: boundByText(ips),
    };
    const days = Number(field(entry, 'validDays'));
    if (Number.isFinite(days) && days >= 0) out.detail = `valid for ${days} more days`;
    return out;
  },
};
