// Solana keypairs: 64 bytes seed ‖ public key, as base58 or as the JSON int array of id.json.
import { base58 } from '@scure/base';
import type { Validator } from '../core/validator.js';
import { decodeBase58 } from './base58check.js';
import { ed25519PairPublicKey } from './ed25519-pair.js';

/** Bytes of a `[n, n, …]` array of 0..255 ints, or null. */
export function parseByteArray(text: string): Uint8Array | null {
  const t = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  const parts = t.split(',').map((p) => p.trim());
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const out = new Uint8Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

export const solanaKeypair: Validator = ({ secret }) => {
  const s = secret.trim();
  const isArray = /^\[?\s*\d/.test(s) && s.includes(',');
  const bytes = isArray ? parseByteArray(s) : decodeBase58(s);
  if (!bytes) return { valid: false, reason: isArray ? 'not an array of 0..255 integers' : 'not base58' };
  if (bytes.length !== 64) return { valid: false, reason: `${bytes.length} bytes, a keypair has 64` };
  const pub = ed25519PairPublicKey(bytes);
  if (!pub) return { valid: false, reason: 'second half is not the ed25519 public key of the first' };
  return { valid: true, reason: 'ed25519 seed matches its public key', address: base58.encode(pub) };
};
