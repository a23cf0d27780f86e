// Bitcoin-style base58check (double SHA-256, 4-byte checksum), shared by WIF, BIP38 and BIP32 checks.
import { sha256 } from '@noble/hashes/sha2.js';
import { base58, createBase58check } from '@scure/base';

export const b58check = createBase58check(sha256);

/** Payload without checksum, or null when the text is not base58 or the checksum fails. */
export function decodeBase58check(s: string): Uint8Array | null {
  try {
    return b58check.decode(s);
  } catch {
    return null;
  }
}

/** Plain base58 bytes, or null. */
export function decodeBase58(s: string): Uint8Array | null {
  try {
    return base58.decode(s);
  } catch {
    return null;
  }
}
