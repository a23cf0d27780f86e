import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hexToBytes } from '@noble/hashes/utils.js';
import { b58check } from '../../src/validators/base58check.js';
import { bip32Xprv } from '../../src/validators/bip32-xprv.js';
import { PRIVATE_VERSIONS } from '../../src/validators/bip32-versions.js';
import { SECP256K1_N } from '../../src/validators/secp256k1-keys.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => bip32Xprv(input(s));
const VECTOR =
  'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi';

function reencode(s: string, edit: (b: Uint8Array) => void): string {
  const b = Uint8Array.from(b58check.decode(s));
  edit(b);
  return b58check.encode(b);
}

describe('bip32-xprv validator', () => {
  it('gives the xpub of BIP32 test vector 1', () => {
    const r = check(VECTOR);
    assert.equal(r.valid, true);
    assert.equal(
      r.address,
      'xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8',
    );
  });
  it('accepts every private version', () => {
    for (const v of PRIVATE_VERSIONS) {
      for (const seed of SEEDS.slice(0, 3)) {
        const s = sample('xprv', v.name, seed);
        assert.ok(s.startsWith(v.name), s.slice(0, 4));
        const r = check(s);
        assert.equal(r.valid, true, `${v.name}: ${r.reason}`);
        assert.ok(r.address!.startsWith(v.publicName));
      }
    }
  });
  it('rejects public keys, broken checksums and bad key data', () => {
    for (const v of PRIVATE_VERSIONS) assert.equal(check(sample('xpub', v.publicName)).valid, false);
    for (const seed of SEEDS) assert.equal(check(sample('xprv-bad', 'xprv', seed)).valid, false);
    assert.equal(check(reencode(VECTOR, (b) => (b[45] = 0x01))).valid, false);
    assert.equal(check(reencode(VECTOR, (b) => b.set(hexToBytes(SECP256K1_N.toString(16)), 46))).valid, false);
    assert.equal(check(reencode(VECTOR, (b) => b.fill(0, 46))).valid, false);
    assert.equal(check(reencode(VECTOR, (b) => b.set([0xde, 0xad, 0xbe, 0xef], 0))).valid, false);
    assert.equal(check(reencode(VECTOR, (b) => (b[6] = 1))).valid, false); // depth 0 with a parent
    assert.equal(check(b58check.encode(b58check.decode(VECTOR).subarray(0, 77))).valid, false);
  });
});
