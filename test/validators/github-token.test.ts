import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32Base62 } from '../../src/validators/crc32-base62.js';
import { githubToken } from '../../src/validators/github-token.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => githubToken(input(s));

describe('github-token validator', () => {
  it('checksum is CRC32 in base62, zero-padded to 6', () => {
    // zlib CRC32 of "123456789" is 0xCBF43926 = 3421780262.
    assert.equal(crc32Base62('123456789'), '3jZRME');
    assert.equal(crc32Base62('').length, 6);
    assert.equal(crc32Base62(''), '000000');
  });
  it('accepts every classic prefix with a valid checksum', () => {
    for (const p of ['ghp', 'gho', 'ghu', 'ghs', 'ghr']) {
      for (const seed of SEEDS) {
        const r = check(sample('github', p, seed));
        assert.equal(r.valid, true, `${p}: ${r.reason}`);
      }
    }
  });
  it('rejects a wrong checksum, wrong length and unknown prefix', () => {
    for (const seed of SEEDS) assert.equal(check(sample('github-bad', 'ghp', seed)).valid, false);
    const t = sample('github', 'ghp');
    assert.equal(check(t.slice(0, -1)).valid, false);
    assert.equal(check(`ghx_${t.slice(4)}`).valid, false);
    assert.equal(check(`${t.slice(0, 10)}-${t.slice(11)}`).valid, false);
  });
  it('fine-grained PATs: shape only, and says so', () => {
    const pat = sample('github-pat');
    const r = check(pat);
    assert.equal(r.valid, true);
    assert.match(r.reason!, /no checksum/);
    assert.equal(check(pat.slice(0, -1)).valid, false);
    assert.equal(check(pat.replace(/_(?=[^_]*$)/, '-')).valid, false);
  });
});
