// secp256k1 helpers: scalar range, Bitcoin hash160 / P2PKH and EIP-55 Ethereum addresses.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { b58check } from './base58check.js';

/** Group order n of secp256k1. */
export const SECP256K1_N = secp256k1.Point.CURVE().n;

export function bytesToBigInt(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt('0x' + bytesToHex(b));
}

/** A 32-byte private key must satisfy 1 ≤ k < n. */
export function isValidScalar(key: Uint8Array): boolean {
  if (key.length !== 32) return false;
  const k = bytesToBigInt(key);
  return k >= 1n && k < SECP256K1_N;
}

export function hash160(data: Uint8Array): Uint8Array {
  return ripemd160(sha256(data));
}

/** Legacy P2PKH address of a private key (version 0x00 mainnet, 0x6f testnet). */
export function p2pkhAddress(key: Uint8Array, compressed: boolean, testnet: boolean): string {
  const pub = secp256k1.getPublicKey(key, compressed);
  const payload = new Uint8Array(21);
  payload[0] = testnet ? 0x6f : 0x00;
  payload.set(hash160(pub), 1);
  return b58check.encode(payload);
}

/** EIP-55 mixed-case form of a 40-hex address (with or without 0x). */
export function toChecksumAddress(addr: string): string {
  const lower = addr.replace(/^0x/i, '').toLowerCase();
  const h = bytesToHex(keccak_256(utf8ToBytes(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    out += parseInt(h[i]!, 16) >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

/** Ethereum address of a private key: last 20 bytes of keccak256(uncompressed pubkey without 0x04), EIP-55. */
export function evmAddress(key: Uint8Array): string {
  const pub = secp256k1.getPublicKey(key, false).subarray(1);
  return toChecksumAddress(bytesToHex(keccak_256(pub).subarray(12)));
}
