// BIP38 passphrase-encrypted Bitcoin keys: still worth reporting, the passphrase can be brute-forced.
import type { Validator } from '../core/validator.js';
import { decodeBase58check } from './base58check.js';

export const bip38: Validator = ({ secret }) => {
  const s = secret.trim();
  if (s.length !== 58 || !s.startsWith('6P')) return { valid: false, reason: 'expected 58 characters starting 6P' };
  const data = decodeBase58check(s);
  if (!data) return { valid: false, reason: 'not base58check (checksum mismatch)' };
  if (data.length !== 39 || data[0] !== 0x01 || (data[1] !== 0x42 && data[1] !== 0x43)) {
    return { valid: false, reason: 'payload is not 39 bytes starting 0x0142 or 0x0143' };
  }
  return { valid: true, reason: data[1] === 0x42 ? 'BIP38 encrypted key (non-EC)' : 'BIP38 encrypted key (EC-multiplied)' };
};
