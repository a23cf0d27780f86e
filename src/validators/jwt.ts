// JSON Web Tokens: three base64url parts; header JSON with alg, payload a JSON object.
import type { Validator } from '../core/validator.js';
import { decodeBase64Loose } from './base64-loose.js';

function decodeJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  const bytes = decodeBase64Loose(part);
  if (!bytes) return undefined;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export const jwt: Validator = ({ secret }) => {
  const parts = secret.trim().split('.');
  if (parts.length !== 3) return { valid: false, reason: 'expected three dot-separated parts' };
  const header = decodeJson(parts[0]!);
  if (!isObj(header) || typeof header.alg !== 'string') return { valid: false, reason: 'header is not JSON with alg' };
  const payload = decodeJson(parts[1]!);
  if (!isObj(payload)) return { valid: false, reason: 'payload is not a JSON object' };
  // alg none carries no signature: anyone can mint the same token, so holding it grants nothing.
  if (header.alg.toLowerCase() === 'none') return { valid: false, reason: 'unsigned token (alg none)' };
  if (!/^[A-Za-z0-9_-]{16,}$/.test(parts[2]!)) return { valid: false, reason: 'signature part missing or malformed' };
  const exp = typeof payload.exp === 'number' ? `, exp ${new Date(payload.exp * 1000).toISOString().slice(0, 10)}` : '';
  return { valid: true, reason: `JWT ${header.alg}${exp}` };
};
