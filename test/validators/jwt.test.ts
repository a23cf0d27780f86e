import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64urlnopad } from '@scure/base';
import { jwt } from '../../src/validators/jwt.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => jwt(input(s));
const enc = (v: unknown) => base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(v)));
const SIG = 'c2lnbmF0dXJlLWJ5dGVzLWdvLWhlcmUtMTIzNDU2Nzg';

describe('jwt validator', () => {
  it('accepts signed tokens', () => {
    for (const alg of ['HS256', 'RS256', 'ES256']) {
      for (const seed of SEEDS.slice(0, 3)) {
        const r = check(sample('jwt', alg, seed));
        assert.equal(r.valid, true, r.reason);
        assert.match(r.reason!, new RegExp(alg));
      }
    }
  });
  it('rejects unsigned alg none tokens', () => {
    assert.equal(check(sample('jwt', 'none')).valid, false);
    assert.equal(check(`${enc({ alg: 'none' })}.${enc({ sub: 'x' })}.${SIG}`).valid, false);
  });
  it('rejects headers without alg, non-object payloads and other shapes', () => {
    assert.equal(check(`${enc({ typ: 'JWT' })}.${enc({ sub: 'x' })}.${SIG}`).valid, false);
    assert.equal(check(`${enc({ alg: 'HS256' })}.${enc([1, 2])}.${SIG}`).valid, false);
    assert.equal(check(`${enc({ alg: 'HS256' })}.bm90IGpzb24.${SIG}`).valid, false);
    assert.equal(check(`${enc({ alg: 'HS256' })}.${enc({ sub: 'x' })}`).valid, false);
    assert.equal(check(`${enc({ alg: 'HS256' })}.${enc({ sub: 'x' })}.abc`).valid, false);
  });
});
