// Request signatures of the exchanges keyhound talks to (revocation and verification), each as its issuer
// documents it. HMACs and hashes come from node:crypto, Ed25519 from @noble/curves: nothing hand-rolled.
import { createHash, createHmac, createPrivateKey, randomBytes, sign as cryptoSign } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base64, base64urlnopad } from '@scure/base';

export function hmacSha256Hex(key: string | Buffer, message: string | Buffer): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

export function hmacSha256Base64(key: string | Buffer, message: string): string {
  return createHmac('sha256', key).update(message).digest('base64');
}

export function hmacSha384Hex(key: string | Buffer, message: string): string {
  return createHmac('sha384', key).update(message).digest('hex');
}

/** Binance SIGNED endpoints (and MEXC, same scheme): HMAC-SHA256(secret, query string ‖ body as sent), hex. */
export function binanceSign(secret: string, queryString: string): string {
  return hmacSha256Hex(secret, queryString);
}

/** Bybit v5: HMAC-SHA256(secret, timestamp + apiKey + recvWindow + payload), lower-case hex. */
export function bybitSign(secret: string, timestamp: string, apiKey: string, recvWindow: string, payload: string): string {
  return hmacSha256Hex(secret, timestamp + apiKey + recvWindow + payload);
}

/**
 * OKX v5, KuCoin and Bitget share one prehash: timestamp + METHOD + requestPath(?query) + body,
 * HMAC-SHA256 with the secret, base64.
 */
export function prehashSign(secret: string, timestamp: string, method: string, pathAndQuery: string, body = ''): string {
  return hmacSha256Base64(secret, timestamp + method.toUpperCase() + pathAndQuery + body);
}

/** KuCoin key version 2/3: the passphrase header is base64 HMAC-SHA256(secret, passphrase). */
export function kucoinPassphrase(secret: string, passphrase: string): string {
  return hmacSha256Base64(secret, passphrase);
}

/** Kraken: base64 HMAC-SHA512(base64-decoded secret, path ‖ SHA256(nonce ‖ postdata)). */
export function krakenSign(secretB64: string, path: string, nonce: string, postData: string): string {
  const inner = createHash('sha256').update(nonce + postData).digest();
  return createHmac('sha512', Buffer.from(secretB64, 'base64')).update(Buffer.concat([Buffer.from(path), inner])).digest('base64');
}

/** Bitfinex v2 authenticated calls: hex HMAC-SHA384(secret, `/api` + path + nonce + body). */
export function bitfinexSign(secret: string, apiPath: string, nonce: string, body: string): string {
  return hmacSha384Hex(secret, `/api${apiPath}${nonce}${body}`);
}

/** Gemini: payload = base64(JSON {request, nonce}); signature = hex HMAC-SHA384(secret, payload). */
export function geminiSign(secret: string, request: string, nonce: string): { payload: string; signature: string } {
  const payload = Buffer.from(JSON.stringify({ request, nonce })).toString('base64');
  return { payload, signature: hmacSha384Hex(secret, payload) };
}

/** Gate v4: hex HMAC-SHA512(secret, METHOD\npath\nquery\nhex(SHA512(body))\ntimestamp). */
export function gateSign(secret: string, method: string, path: string, query: string, body: string, timestamp: string): string {
  const bodyHash = createHash('sha512').update(body).digest('hex');
  return createHmac('sha512', secret).update(`${method.toUpperCase()}\n${path}\n${query}\n${bodyHash}\n${timestamp}`).digest('hex');
}

/** RFC 3986 percent-encoding with upper-case hex (HTX's "URL encoding"). */
function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * HTX (Huobi) signature version 2: the parameters sorted by name (ASCII) and percent-encoded, joined by &,
 * signed as "METHOD\nhost\npath\nquery" with HMAC-SHA256, base64. Returns the full query string to send.
 */
export function htxSignedQuery(secret: string, method: string, host: string, path: string, params: Record<string, string>): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${rfc3986(k)}=${rfc3986(params[k]!)}`)
    .join('&');
  const signature = hmacSha256Base64(secret, `${method.toUpperCase()}\n${host.toLowerCase()}\n${path}\n${query}`);
  return `${query}&Signature=${rfc3986(signature)}`;
}

/** HTX's Timestamp parameter: UTC, `YYYY-MM-DDThh:mm:ss`. */
export function htxTimestamp(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 19);
}

export interface CdpJwtInput {
  /** `organizations/{org}/apiKeys/{id}` or a bare key id. */
  keyName: string;
  /** A PEM EC (P-256) private key, or base64 of 64 bytes Ed25519 seed ‖ public key. */
  privateKey: string;
  /** `GET api.coinbase.com/api/v3/brokerage/key_permissions` */
  uri: string;
  nowSeconds?: number;
  nonce?: string;
}

/** The PEM as found (quotes gone, literal \n escapes undone). */
function pemText(raw: string): string {
  return raw.replace(/\\r/g, '').replace(/\\n/g, '\n').replace(/\r/g, '').trim();
}

/**
 * A Coinbase CDP bearer JWT: header {alg, kid, nonce, typ}, claims {sub, iss: "cdp", nbf, exp = nbf + 120,
 * uri}. ES256 for a P-256 PEM key (raw r‖s signature, JOSE form), EdDSA for a base64 Ed25519 key.
 */
export function coinbaseJwt({ keyName, privateKey, uri, nowSeconds, nonce }: CdpJwtInput): string {
  const now = nowSeconds ?? Math.floor(Date.now() / 1000);
  const pem = privateKey.includes('-----BEGIN') ? pemText(privateKey) : undefined;
  const alg = pem ? 'ES256' : 'EdDSA';
  const header = { alg, kid: keyName, nonce: nonce ?? randomBytes(16).toString('hex'), typ: 'JWT' };
  const claims = { sub: keyName, iss: 'cdp', nbf: now, exp: now + 120, uri };
  const enc = (o: object) => base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  const input = `${enc(header)}.${enc(claims)}`;
  let sig: Uint8Array;
  if (pem) {
    sig = cryptoSign('sha256', Buffer.from(input), { key: createPrivateKey(pem), dsaEncoding: 'ieee-p1363' });
  } else {
    const bytes = base64.decode(privateKey.trim());
    if (bytes.length !== 64 && bytes.length !== 32) throw new Error('not an Ed25519 key of 32 or 64 bytes');
    sig = ed25519.sign(new TextEncoder().encode(input), bytes.subarray(0, 32));
  }
  return `${input}.${base64urlnopad.encode(sig)}`;
}
