// Lenient base64 decoding shared by the token checks; kept apart from the curve modules so the cheap
// checks (GitHub, GitLab, JWT, Discord) load no curve library.
import { base64 } from '@scure/base';

/** Standard or URL-safe base64, padding optional; null when not base64. */
export function decodeBase64Loose(s: string): Uint8Array | null {
  let t = s.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return null;
  t = t.replace(/=+$/, '');
  if (t.length % 4 === 1) return null;
  t += '='.repeat((4 - (t.length % 4)) % 4);
  try {
    return base64.decode(t);
  } catch {
    return null;
  }
}
