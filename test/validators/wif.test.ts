import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hexToBytes } from '@noble/hashes/utils.js';
import { b58check } from '../../src/validators/base58check.js';
import { SECP256K1_N } from '../../src/validators/secp256k1-keys.js';
import { wif } from '../../src/validators/wif.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => wif(input(s));
const encode = (bytes: number[]) => b58check.encode(Uint8Array.from(bytes));
const keyBytes = (n: bigint) => [...hexToBytes(n.toString(16).padStart(64, '0'))];

describe('wif validator', () => {
  it('derives the P2PKH address of the Bitcoin wiki key', () => {
    const r = check('5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ');
    assert.equal(r.valid, true);
    assert.equal(r.address, '1GAehh7TsJAHuUAeKZcXf5CnwuGuGgyX2S');
    const c = check('KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617');
    assert.equal(c.valid, true);
    assert.equal(c.address, '1LoVGDgRs9hTfTNJNuXKSpywcbdvwRXpmK');
  });
  it('accepts every generated kind with the right address prefix', () => {
    const prefix: Record<string, RegExp> = {
      compressed: /^[KL]/,
      uncompressed: /^5/,
      testnet: /^9/,
      'testnet-compressed': /^c/,
    };
    for (const [kind, re] of Object.entries(prefix)) {
      for (const seed of SEEDS) {
        const s = sample('wif', kind, seed);
        assert.match(s, re);
        const r = check(s);
        assert.equal(r.valid, true, `${kind}: ${r.reason}`);
        assert.match(r.address!, kind.startsWith('testnet') ? /^[mn]/ : /^1/);
      }
    }
  });
  it('rejects broken checksums', () => {
    for (const seed of SEEDS) assert.equal(check(sample('wif-bad', 'compressed', seed)).valid, false);
  });
  it('rejects wrong versions, flags, lengths and out-of-range keys', () => {
    const k = keyBytes(12345678901234567890n);
    assert.equal(check(encode([0x80, ...k])).valid, true);
    assert.equal(check(encode([0x81, ...k])).valid, false);
    assert.equal(check(encode([0x00, ...k])).valid, false);
    assert.equal(check(encode([0x80, ...k, 0x02])).valid, false);
    assert.equal(check(encode([0x80, ...k.slice(1)])).valid, false);
    assert.equal(check(encode([0x80, ...keyBytes(0n)])).valid, false);
    assert.equal(check(encode([0x80, ...keyBytes(SECP256K1_N)])).valid, false);
    assert.equal(check(encode([0x80, ...keyBytes(SECP256K1_N - 1n), 0x01])).valid, true);
    assert.equal(check('not base58 0OIl').valid, false);
  });
});
