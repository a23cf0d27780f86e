// CometBFT/Tendermint priv_validator_key.json and node_key.json: tendermint/PrivKeyEd25519 values.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import type { Validator } from '../core/validator.js';
import { decodeBase64Loose } from './base64-loose.js';
import { ed25519PairPublicKey } from './ed25519-pair.js';
import { locateObject } from './json-enclosing.js';

/** pub_key.value of the key file around the match; undefined for node_key.json, which has none. */
function listedPublicKey(text: string, match: string, index: () => number, secret: string): string | undefined {
  const holds = (o: Record<string, unknown>) => (o.priv_key as { value?: unknown } | undefined)?.value === secret;
  const file = locateObject(text, match, index, holds, (o) => 'priv_key' in o);
  const pub = file?.pub_key as { value?: unknown } | undefined;
  return typeof pub?.value === 'string' ? pub.value : undefined;
}

export const cosmosValidatorKey: Validator = (input) => {
  const bytes = decodeBase64Loose(input.secret);
  if (!bytes) return { valid: false, reason: 'not base64' };
  if (bytes.length !== 64) return { valid: false, reason: `${bytes.length} bytes, an Ed25519 private key has 64` };
  const pub = ed25519PairPublicKey(bytes);
  if (!pub) return { valid: false, reason: 'second half is not the ed25519 public key of the first' };
  const listed = listedPublicKey(input.text(), input.match, input.index, input.secret.trim());
  if (listed !== undefined && listed !== base64.encode(pub)) {
    return { valid: false, reason: 'pub_key.value differs from the derived public key' };
  }
  // The validator/node address CometBFT shows: first 20 bytes of SHA-256(pubkey).
  const address = bytesToHex(sha256(pub).subarray(0, 20)).toUpperCase();
  return { valid: true, reason: `ed25519 key pair${listed ? ' matching pub_key' : ''}`, address };
};
