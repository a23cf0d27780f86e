// EVM private keys: 32-byte secp256k1 scalars; the derived address lets the owner find the funds.
import { hexToBytes } from '@noble/hashes/utils.js';
import type { Validator } from '../core/validator.js';
import { wellKnownConstant } from './evm-constants.js';
import { evmAddress, isValidScalar } from './secp256k1-keys.js';

export const evmPrivateKey: Validator = ({ secret }) => {
  const h = secret.trim().replace(/^0x/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(h)) return { valid: false, reason: 'expected 64 hex characters' };
  const constant = wellKnownConstant(h);
  if (constant) return { valid: false, reason: `well-known constant ${constant}, not a key` };
  const key = hexToBytes(h);
  if (!isValidScalar(key)) return { valid: false, reason: 'outside 1..n-1 of secp256k1' };
  return { valid: true, reason: 'secp256k1 scalar in range', address: evmAddress(key) };
};
