// The CRC32 checksum of GitHub and npm tokens: CRC32 (IEEE) of the body, base62, 6 chars, zero-padded.
import * as zlib from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function crc32(s: string): number {
  // zlib.crc32 exists from Node 20.15; a namespace import keeps older Node able to load the module.
  const fn = (zlib as { crc32?: (data: string) => number }).crc32;
  if (!fn) throw new Error('keyhound: token checksums need node:zlib crc32 (Node >= 20.15)');
  return fn(s) >>> 0;
}

export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  while (v > 0) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/** The 6-character checksum GitHub and npm append to the 30-character token body. */
export function crc32Base62(body: string): string {
  return base62(crc32(body), 6);
}

/** `prefix` + body + 6 checksum chars, all [0-9A-Za-z]; 36 after the prefix (or one of `lengths`). */
export function checkCrc32Token(token: string, prefix: string, lengths: readonly number[] = [36]): { valid: boolean; reason: string } {
  if (!token.startsWith(prefix)) return { valid: false, reason: `missing ${prefix} prefix` };
  const rest = token.slice(prefix.length);
  if (!/^[0-9A-Za-z]+$/.test(rest) || !lengths.includes(rest.length)) {
    return { valid: false, reason: `expected ${lengths.join(' or ')} base62 characters after ${prefix}` };
  }
  const want = crc32Base62(rest.slice(0, -6));
  return want === rest.slice(-6)
    ? { valid: true, reason: 'CRC32 checksum matches' }
    : { valid: false, reason: 'CRC32 checksum mismatch' };
}
