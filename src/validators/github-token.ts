// GitHub tokens: classic ones end in a CRC32 checksum; fine-grained PATs have no public checksum;
// stateless installation tokens (ghs_<app id>_<JWT>, from April 2026) carry a GitHub-signed JWT.
import type { Validator } from '../core/validator.js';
import { checkCrc32Token } from './crc32-base62.js';
import { jwt } from './jwt.js';

const CLASSIC = ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'];
const KINDS: Record<string, string> = {
  ghp_: 'personal access token',
  gho_: 'OAuth access token',
  ghu_: 'user-to-server token',
  ghs_: 'server-to-server token',
  ghr_: 'refresh token',
};
// Refresh tokens also come in a long form: 70 body characters + the same 6-character CRC32.
const LENGTHS: Record<string, readonly number[]> = { ghr_: [36, 76] };
const STATELESS = /^ghs_([1-9][0-9]{0,11})_(eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export const githubToken: Validator = (input) => {
  const s = input.secret.trim();
  if (s.startsWith('github_pat_')) {
    return /^github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}$/.test(s)
      ? { valid: true, reason: 'fine-grained PAT shape (22 + _ + 59); GitHub publishes no checksum for it' }
      : { valid: false, reason: 'not the fine-grained PAT shape github_pat_ + 22 + _ + 59' };
  }
  const stateless = STATELESS.exec(s);
  if (stateless) {
    // The JWT is signed by GitHub and cannot be verified offline; its header and claims must decode.
    const r = jwt({ ...input, secret: stateless[2]!, match: stateless[2]! });
    return r.valid
      ? { valid: true, reason: `stateless installation token of app ${stateless[1]} (${r.reason})` }
      : { valid: false, reason: `stateless installation token whose JWT does not decode: ${r.reason}` };
  }
  const prefix = CLASSIC.find((p) => s.startsWith(p));
  if (!prefix) return { valid: false, reason: 'unknown GitHub token prefix' };
  const r = checkCrc32Token(s, prefix, LENGTHS[prefix]);
  return r.valid ? { valid: true, reason: `${KINDS[prefix]}: ${r.reason}` } : r;
};
