// base64 Ed25519 secrets of 64 bytes seed ‖ public key: Coinbase CDP Ed25519 keys, CometBFT keys.
import { base64 } from '@scure/base';
import { decodeBase64Loose } from './base64-loose.js';
import type { Validator } from '../core/validator.js';
import { ed25519PairPublicKey } from './ed25519-pair.js';

export const ed25519KeypairB64: Validator = ({ secret }) => {
  const bytes = decodeBase64Loose(secret);
  if (!bytes) return { valid: false, reason: 'not base64' };
  if (bytes.length !== 64) return { valid: false, reason: `${bytes.length} bytes, a keypair has 64` };
  const pub = ed25519PairPublicKey(bytes);
  if (!pub) return { valid: false, reason: 'second half is not the ed25519 public key of the first' };
  return { valid: true, reason: 'ed25519 seed matches its public key', address: base64.encode(pub) };
};
