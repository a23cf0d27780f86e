import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evmPrivateKey } from '../../src/validators/evm-private-key.js';
import { SECP256K1_N } from '../../src/validators/secp256k1-keys.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => evmPrivateKey(input(s));
const hex64 = (n: bigint) => n.toString(16).padStart(64, '0');

describe('evm-private-key validator', () => {
  it('derives the EIP-55 address (Hardhat account #0)', () => {
    const r = check('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
    assert.equal(r.valid, true);
    assert.equal(r.address, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    assert.equal(check('AC0974BEC39A17E36BA4A6B4D238FF944BACB478CBED5EFCAE784D7BF4F2FF80').address, r.address);
  });
  it('accepts generated keys', () => {
    for (const seed of SEEDS) {
      const r = check(sample('evm-key', undefined, seed));
      assert.equal(r.valid, true);
      assert.match(r.address!, /^0x[0-9a-fA-F]{40}$/);
    }
  });
  it('enforces 1 ≤ k < n', () => {
    assert.equal(check(hex64(0n)).valid, false);
    assert.equal(check(hex64(1n)).valid, true);
    assert.equal(check(hex64(SECP256K1_N - 1n)).valid, true);
    assert.equal(check(hex64(SECP256K1_N)).valid, false);
    for (const seed of SEEDS) assert.equal(check(sample('evm-key-outofrange', undefined, seed)).valid, false);
  });
  it('rejects well-known hashes, topics and slots', () => {
    for (const c of [
      'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
      'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef',
      '0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925',
      '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc',
    ]) {
      const r = check(c);
      assert.equal(r.valid, false);
      assert.match(r.reason!, /well-known/);
    }
  });
  it('rejects other shapes', () => {
    assert.equal(check('0x' + 'a'.repeat(63)).valid, false);
    assert.equal(check('g'.repeat(64)).valid, false);
  });
});
