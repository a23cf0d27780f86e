// GitHub tokens: classic ones end in a CRC32 checksum; fine-grained PATs have no public checksum.
import type { Validator } from '../core/validator.js';
import { checkCrc32Token } from './crc32-base62.js';

const CLASSIC = ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'];
const KINDS: Record<string, string> = {
  ghp_: 'personal access token',
  gho_: 'OAuth access token',
  ghu_: 'user-to-server token',
  ghs_: 'server-to-server token',
  ghr_: 'refresh token',
};

export const githubToken: Validator = ({ secret }) => {
  const s = secret.trim();
  if (s.startsWith('github_pat_')) {
    return /^github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}$/.test(s)
      ? { valid: true, reason: 'fine-grained PAT shape (22 + _ + 59); GitHub publishes no checksum for it' }
      : { valid: false, reason: 'not the fine-grained PAT shape github_pat_ + 22 + _ + 59' };
  }
  const prefix = CLASSIC.find((p) => s.startsWith(p));
  if (!prefix) return { valid: false, reason: 'unknown GitHub token prefix' };
  const r = checkCrc32Token(s, prefix);
  return r.valid ? { valid: true, reason: `${KINDS[prefix]}: ${r.reason}` } : r;
};
