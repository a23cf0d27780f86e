// Bitcoin WIF private keys: base58check(version ‖ key ‖ [0x01 when compressed]).
import type { Validator } from '../core/validator.js';
import { decodeBase58check } from './base58check.js';
import { isValidScalar, p2pkhAddress } from './secp256k1-keys.js';

export const wif: Validator = ({ secret }) => {
  const data = decodeBase58check(secret.trim());
  if (!data) return { valid: false, reason: 'not base58check (checksum mismatch)' };
  const version = data[0];
  if (version !== 0x80 && version !== 0xef) return { valid: false, reason: 'version is neither 0x80 nor 0xef' };
  let compressed = false;
  if (data.length === 34) {
    if (data[33] !== 0x01) return { valid: false, reason: 'compression flag is not 0x01' };
    compressed = true;
  } else if (data.length !== 33) {
    return { valid: false, reason: 'payload is not 33 or 34 bytes' };
  }
  const key = data.subarray(1, 33);
  if (!isValidScalar(key)) return { valid: false, reason: 'key outside 1..n-1 of secp256k1' };
  const testnet = version === 0xef;
  return {
    valid: true,
    reason: `WIF ${testnet ? 'testnet' : 'mainnet'} ${compressed ? 'compressed' : 'uncompressed'} key`,
    address: p2pkhAddress(key, compressed, testnet),
  };
};
