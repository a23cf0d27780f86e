// GitLab tokens. Routable tokens (GitLab 17.x on) end in a CRC32 of everything before it, base36, 7
// characters: <prefix><base64url payload>.<version, 2 base36>.<payload length, 2 base36><crc>. The
// payload decodes to 16 random bytes, the routing text (`o:…`, `c:…`, `u:…` lines) and its length.
// Older tokens are <prefix> + random characters, with no checksum: their shape is all there is.
import type { Validator } from '../core/validator.js';
import { crc32 } from './crc32-base62.js';
import { decodeBase64Loose } from './base64-loose.js';

const ROUTABLE_TAIL = /\.([0-9a-z]{2})\.([0-9a-z]{2})([0-9a-z]{7})$/;
const ROUTING_LINE = /^[cgoptu]:[A-Za-z0-9_]+$/;

/** The routable form's checks; null when the token is not routable (legacy shape). */
export function checkRoutable(token: string): { valid: boolean; reason: string } | null {
  const m = ROUTABLE_TAIL.exec(token);
  if (!m) return null;
  const [, version, length, crc] = m as unknown as [string, string, string, string];
  if (crc32(token.slice(0, -7)).toString(36).padStart(7, '0') !== crc) return { valid: false, reason: 'routable token CRC32 mismatch' };
  // The length field says where the payload starts: the prefix (glpat-, glrt-t1_ …) is what comes before.
  const payload = token.slice(0, m.index).slice(-parseInt(length, 36));
  if (!/^[A-Za-z0-9_-]{27,300}$/.test(payload)) return { valid: false, reason: 'routable token payload length field mismatch' };
  const bytes = decodeBase64Loose(payload);
  const n = bytes?.[bytes.length - 1];
  if (!bytes || n === undefined || bytes.length < 16 + n + 1) return { valid: false, reason: 'routable payload does not decode' };
  const routing = Buffer.from(bytes.subarray(bytes.length - 1 - n, bytes.length - 1)).toString('latin1').split('\n');
  if (!routing.every((l) => ROUTING_LINE.test(l))) {
    return { valid: false, reason: 'routable payload holds no routing keys' };
  }
  return { valid: true, reason: `routable token v${parseInt(version, 36)}: CRC32 matches, routing ${routing.join(' ')}` };
}

export const gitlabToken: Validator = ({ secret }) =>
  checkRoutable(secret.trim()) ?? { valid: true, reason: 'legacy token shape (GitLab publishes no checksum for it)' };
