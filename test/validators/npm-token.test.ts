import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { npmToken } from '../../src/validators/npm-token.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => npmToken(input(s));

describe('npm-token validator', () => {
  it('accepts tokens with a valid CRC32 checksum', () => {
    for (const seed of SEEDS) assert.equal(check(sample('npm', undefined, seed)).valid, true);
  });
  it('rejects wrong checksums, lengths and prefixes', () => {
    for (const seed of SEEDS) assert.equal(check(sample('npm-bad', undefined, seed)).valid, false);
    const t = sample('npm');
    assert.equal(check(t + 'a').valid, false);
    assert.equal(check(`ghp_${t.slice(4)}`).valid, false);
  });
});
