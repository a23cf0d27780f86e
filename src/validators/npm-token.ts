// npm access tokens: npm_ + 30 random characters + CRC32 checksum (same scheme as GitHub).
import type { Validator } from '../core/validator.js';
import { checkCrc32Token } from './crc32-base62.js';

export const npmToken: Validator = ({ secret }) => checkCrc32Token(secret.trim(), 'npm_');
