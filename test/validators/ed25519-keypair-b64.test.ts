import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base64 } from '@scure/base';
import { ed25519KeypairB64 } from '../../src/validators/ed25519-keypair-b64.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => ed25519KeypairB64(input(s));

describe('ed25519-keypair-b64 validator', () => {
  it('accepts seed ‖ public key and returns the base64 public key', () => {
    for (const seed of SEEDS) {
      const s = sample('ed25519-b64', undefined, seed);
      assert.equal(s.length, 88);
      const r = check(s);
      assert.equal(r.valid, true, r.reason);
      assert.equal(r.address, base64.encode(ed25519.getPublicKey(base64.decode(s).subarray(0, 32))));
      const url = s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      assert.equal(check(url).valid, true, 'base64url without padding');
    }
  });
  it('rejects mismatched halves, other lengths and non-base64', () => {
    const bytes = base64.decode(sample('ed25519-b64'));
    const other = base64.decode(sample('ed25519-b64', undefined, 'other'));
    assert.equal(check(base64.encode(Uint8Array.from([...bytes.subarray(0, 32), ...other.subarray(32)]))).valid, false);
    assert.equal(check(base64.encode(bytes.subarray(0, 32))).valid, false);
    assert.equal(check(base64.encode(Uint8Array.from([...bytes, 0]))).valid, false);
    // Kraken's documented API secret: base64 of 64 bytes, but an HMAC key, not an Ed25519 pair.
    assert.equal(check('kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==').valid, false);
    assert.equal(check('not*base64').valid, false);
  });
});
