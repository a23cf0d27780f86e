import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58 } from '@scure/base';
import { solanaKeypair } from '../../src/validators/solana-keypair.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => solanaKeypair(input(s));

describe('solana-keypair validator', () => {
  it('accepts base58 keypairs and returns the base58 public key', () => {
    for (const seed of SEEDS) {
      const s = sample('solana', 'b58', seed);
      assert.ok(s.length >= 86 && s.length <= 88, String(s.length));
      const r = check(s);
      assert.equal(r.valid, true, r.reason);
      const bytes = base58.decode(s);
      assert.equal(r.address, base58.encode(ed25519.getPublicKey(bytes.subarray(0, 32))));
    }
  });
  it('accepts id.json arrays, also pretty-printed', () => {
    for (const seed of SEEDS) {
      const s = sample('solana', 'json', seed);
      assert.equal(check(s).valid, true);
      const pretty = JSON.stringify(JSON.parse(s), null, 2);
      assert.equal(check(pretty).valid, true);
      assert.equal(check(s.slice(1, -1)).valid, true, 'without brackets');
    }
  });
  it('rejects mismatched halves, public keys and malformed arrays', () => {
    for (const seed of SEEDS) {
      assert.equal(check(sample('solana-bad', 'b58', seed)).valid, false);
      assert.equal(check(sample('solana-bad', 'json', seed)).valid, false);
      assert.equal(check(sample('solana-pub', undefined, seed)).valid, false);
    }
    const arr = JSON.parse(sample('solana', 'json')) as number[];
    assert.equal(check(JSON.stringify(arr.slice(0, 63))).valid, false);
    assert.equal(check(JSON.stringify([...arr.slice(0, 63), 256])).valid, false);
    assert.equal(check(JSON.stringify([...arr.slice(0, 63), -1])).valid, false);
    assert.equal(check(JSON.stringify([...arr, 1])).valid, false);
    assert.equal(check('0OIl not base58').valid, false);
  });
});
