// Ed25519 keypairs stored as seed(32) ‖ public key(32): Solana, Coinbase CDP, CometBFT.
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes } from '@noble/curves/utils.js';

/** The public half when ed25519(seed) equals it, else null. */
export function ed25519PairPublicKey(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 64) return null;
  const pub = bytes.subarray(32);
  try {
    return equalBytes(ed25519.getPublicKey(bytes.subarray(0, 32)), pub) ? pub : null;
  } catch {
    return null;
  }
}
