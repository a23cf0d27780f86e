// A P-256 private key PEM (Coinbase CDP's ECDSA API keys): parses, is on P-256, and its scalar gives
// the public key the block carries (a key with a mangled body or a foreign public key fails).
import { p256 } from '@noble/curves/nist.js';
import { base64urlnopad } from '@scure/base';
import type { Validator } from '../core/validator.js';
import { keyObjectOf, parsePemBlock } from './pem-private-key.js';

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

export const ecP256PrivateKey: Validator = ({ match, secret }) => {
  const parts = parsePemBlock(match.includes('-----BEGIN') ? match : secret);
  if (!parts) return { valid: false, reason: 'no complete BEGIN/END PRIVATE KEY block' };
  const key = keyObjectOf(parts);
  if ('error' in key) return { valid: false, reason: `does not parse as a private key (${key.error})` };
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.x || !jwk.y) {
    return { valid: false, reason: `not a P-256 key (${jwk.kty} ${jwk.crv ?? ''})`.trim() };
  }
  const d = base64urlnopad.decode(jwk.d);
  if (!p256.utils.isValidSecretKey(d)) return { valid: false, reason: 'scalar out of range for P-256' };
  const pub = p256.getPublicKey(d, false);
  const carried = Uint8Array.from([4, ...base64urlnopad.decode(jwk.x), ...base64urlnopad.decode(jwk.y)]);
  if (!same(pub, carried)) return { valid: false, reason: 'the public key in the block does not belong to its private scalar' };
  return { valid: true, reason: 'P-256 private key; its public key matches', keyType: 'EC P-256' };
};
