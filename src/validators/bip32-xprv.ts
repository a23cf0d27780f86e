// BIP32 extended private keys (xprv and SLIP-132 relatives); the address is the matching public key.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { Validator } from '../core/validator.js';
import { b58check, decodeBase58check } from './base58check.js';
import { privateVersion, publicVersion } from './bip32-versions.js';
import { isValidScalar } from './secp256k1-keys.js';

function readU32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

export const bip32Xprv: Validator = ({ secret }) => {
  const data = decodeBase58check(secret.trim());
  if (!data) return { valid: false, reason: 'not base58check (checksum mismatch)' };
  if (data.length !== 78) return { valid: false, reason: 'payload is not 78 bytes' };
  const version = readU32(data, 0);
  const kind = privateVersion(version);
  if (!kind) {
    return { valid: false, reason: publicVersion(version) ? 'public extended key, not a secret' : 'unknown version bytes' };
  }
  const depth = data[4]!;
  if (depth === 0 && (readU32(data, 5) !== 0 || readU32(data, 9) !== 0)) {
    return { valid: false, reason: 'master key with a parent fingerprint or child number' };
  }
  if (data[45] !== 0x00) return { valid: false, reason: 'key data does not start 0x00' };
  const key = data.subarray(46, 78);
  if (!isValidScalar(key)) return { valid: false, reason: 'key outside 1..n-1 of secp256k1' };
  const pub = new Uint8Array(78);
  pub.set(data.subarray(0, 45));
  new DataView(pub.buffer).setUint32(0, kind.publicVersion);
  pub.set(secp256k1.getPublicKey(key, true), 45);
  return { valid: true, reason: `${kind.name} extended private key, depth ${depth}`, address: b58check.encode(pub) };
};
