import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bip39 } from '../../src/validators/bip39.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => bip39(input(s));

describe('bip39 validator', () => {
  for (const n of ['12', '15', '18', '21', '24']) {
    it(`accepts generated ${n}-word phrases`, () => {
      for (const seed of SEEDS) {
        const r = check(sample('bip39', n, seed));
        assert.equal(r.valid, true, r.reason);
        assert.equal(r.knownPublic, undefined);
      }
    });
  }
  it('normalises case and whitespace', () => {
    const words = sample('bip39', '12').split(' ');
    const messy = `  ${words.slice(0, 6).join('  ').toUpperCase()}\n\t${words.slice(6).join(' ')} `;
    assert.equal(check(messy).valid, true);
  });
  it('rejects a wrong checksum, unknown words and odd counts', () => {
    for (const seed of SEEDS) assert.equal(check(sample('bip39-bad', '12', seed)).valid, false);
    assert.equal(check(sample('bip39-bad', '24')).valid, false);
    const words = sample('bip39', '12').split(' ');
    assert.equal(check([...words.slice(0, 11), 'bitcoin'].join(' ')).valid, false);
    assert.equal(check([...words, 'abandon'].join(' ')).valid, false);
    assert.equal(check(words.slice(0, 11).join(' ')).valid, false);
    assert.equal(check('the quick brown fox jumps over the lazy dog and then some').valid, false);
  });
  it('twelve abandons fail the checksum (a placeholder)', () => {
    assert.equal(check(Array(12).fill('abandon').join(' ')).valid, false);
  });
  it('marks dev-tool phrases and BIP39 test vectors as known public', () => {
    const known = [
      'test test test test test test test test test test test junk',
      'myth like bonus scare over problem client lizard pioneer submit female collect',
      'candy maple cake sugar pudding cream honey rich smooth crumble sweet treat',
      'bottom drive obey lake curtain smoke basket hold race lonely fit walk',
      'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
      `${Array(23).fill('abandon').join(' ')} art`,
      `${Array(11).fill('zoo').join(' ')} wrong`,
      'legal winner thank year wave sausage worth useful legal winner thank yellow',
      'letter advice cage absurd amount doctor acoustic avoid letter advice cage above',
      'ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic',
    ];
    for (const p of known) {
      const r = check(p);
      assert.equal(r.valid, true, p);
      assert.ok(r.knownPublic, p);
    }
    assert.match(check(known[0]!).knownPublic!, /Hardhat/);
  });
});
