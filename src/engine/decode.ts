// Decoding of encoded values (base64, percent-encoding) so the rules see what they hide.
// Bounded: callers limit depth, the number of values and the decoded bytes per chunk.

export type Encoding = 'base64' | 'percent';

/** Encoded values shorter than this are not decoded (a 12-byte secret is 16 base64 characters). */
export const MIN_BASE64 = 16;
/** Encoded values longer than this are not decoded. */
export const MAX_ENCODED = 64 * 1024;
/** Nesting: base64 inside base64 (or percent-encoded inside base64) at most this deep. */
export const MAX_DEPTH = 2;
/** Decoded bytes per scanned chunk, all values together. */
export const MAX_DECODED_PER_CHUNK = 1024 * 1024;
/** Values decoded per chunk. */
export const MAX_VALUES_PER_CHUNK = 2000;

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;
const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Text a human or program would store: valid UTF-8, no NUL, few control characters. */
export function isPlausibleText(buf: Buffer): boolean {
  if (buf.length === 0) return false;
  let control = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === 0) return false;
    if (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) control++;
    else if (c === 0x7f) control++;
  }
  if (control > buf.length / 50) return false;
  // invalid UTF-8 turns into U+FFFD on decoding
  const text = buf.toString('utf8');
  return !text.includes('\uFFFD');
}

/** The text a base64 (or base64url) value encodes, or null when it is not base64 of text. */
export function decodeBase64(value: string): string | null {
  const v = value.trim();
  if (v.length < MIN_BASE64 || v.length > MAX_ENCODED) return null;
  const std = B64.test(v);
  if (!std && !B64URL.test(v)) return null;
  const body = v.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  if (v.includes('=') && v.length % 4 !== 0) return null;
  // hex strings and plain words are valid base64 alphabets too: require base64's mix of cases or digits
  if (/^[0-9a-fA-F]+$/.test(body) || /^[a-z]+$/.test(body) || /^[A-Z]+$/.test(body)) return null;
  const buf = Buffer.from(body, std ? 'base64' : 'base64url');
  if (buf.length < 8 || !isPlausibleText(buf)) return null;
  return buf.toString('utf8');
}

const PERCENT = /%[0-9A-Fa-f]{2}/;

/** The text a percent-encoded value encodes, or null when it holds no escape or is not valid. */
export function decodePercent(value: string): string | null {
  if (value.length > MAX_ENCODED || !PERCENT.test(value)) return null;
  try {
    const out = decodeURIComponent(value.replace(/\+/g, ' '));
    return out !== value && !out.includes('\0') ? out : null;
  } catch {
    return null;
  }
}

/** Decodes a value by the first encoding that applies. */
export function decodeValue(value: string): { encoding: Encoding; text: string } | null {
  const b = decodeBase64(value);
  if (b !== null) return { encoding: 'base64', text: b };
  const p = decodePercent(value);
  if (p !== null) return { encoding: 'percent', text: p };
  return null;
}
