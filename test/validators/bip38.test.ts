import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { b58check } from '../../src/validators/base58check.js';
import { bip38 } from '../../src/validators/bip38.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => bip38(input(s));

describe('bip38 validator', () => {
  it('accepts the BIP38 spec vector and generated keys', () => {
    assert.equal(check('6PRVWUbkzzsbcVac2qwfssoUJAN1Xhrg6bNk8J7Nzm5H7kxEbn2Nh2ZoGg').valid, true);
    for (const seed of SEEDS) {
      const s = sample('bip38', undefined, seed);
      assert.equal(s.length, 58);
      assert.ok(s.startsWith('6P'));
      assert.equal(check(s).valid, true);
    }
  });
  it('rejects checksum errors, other prefixes and lengths', () => {
    const s = sample('bip38');
    const flipped = s.slice(0, 30) + (s[30] === 'a' ? 'b' : 'a') + s.slice(31);
    assert.equal(check(flipped).valid, false);
    const payload = b58check.decode(s);
    const other = Uint8Array.from(payload);
    other[1] = 0x44;
    assert.equal(check(b58check.encode(other)).valid, false);
    assert.equal(check(b58check.encode(payload.subarray(0, 38))).valid, false);
    assert.equal(check(s.slice(0, 57)).valid, false);
  });
});
