import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Stable across line moves and renames: depends on rule id and secret only. */
export function fingerprint(ruleId: string, secret: string): string {
  return bytesToHex(sha256(utf8ToBytes(`keyhound:v1\0${ruleId}\0${secret}`))).slice(0, 32);
}
