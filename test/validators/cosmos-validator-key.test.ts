import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cosmosValidatorKey } from '../../src/validators/cosmos-validator-key.js';
import { input, sample, SEEDS } from './validator-input.js';

interface KeyFile {
  address: string;
  pub_key: { value: string };
  priv_key: { value: string };
}

const checkIn = (text: string, secret: string) => cosmosValidatorKey(input(secret, text));

describe('cosmos-validator-key validator', () => {
  it('accepts priv_validator_key.json and reports the validator address', () => {
    for (const seed of SEEDS) {
      const text = sample('cosmos-validator-json', undefined, seed);
      const doc = JSON.parse(text) as KeyFile;
      const r = checkIn(text, doc.priv_key.value);
      assert.equal(r.valid, true, r.reason);
      assert.equal(r.address, doc.address);
      assert.match(r.reason!, /matching pub_key/);
    }
  });
  it('accepts node_key.json, which has no pub_key', () => {
    const text = sample('cosmos-node-key-json');
    const doc = JSON.parse(text) as KeyFile;
    assert.equal(checkIn(text, doc.priv_key.value).valid, true);
  });
  it('rejects a pub_key that is not the derived one', () => {
    const a = JSON.parse(sample('cosmos-validator-json', undefined, 'a')) as KeyFile;
    const b = JSON.parse(sample('cosmos-validator-json', undefined, 'b')) as KeyFile;
    a.pub_key.value = b.pub_key.value;
    const text = JSON.stringify(a, null, 2);
    assert.equal(checkIn(text, a.priv_key.value).valid, false);
  });
  it('uses the key file around the match, not another one nearby', () => {
    const a = sample('cosmos-validator-json', undefined, 'a');
    const b = sample('cosmos-validator-json', undefined, 'b');
    const text = `[${a},\n${b}]`;
    const priv = (JSON.parse(b) as KeyFile).priv_key.value;
    assert.equal(checkIn(text, priv).valid, true);
  });
  it('rejects mismatched halves and wrong lengths', () => {
    const doc = JSON.parse(sample('cosmos-validator-json')) as KeyFile;
    const bad = Buffer.from(doc.priv_key.value, 'base64');
    bad[40] = bad[40]! ^ 1;
    const text = JSON.stringify({ priv_key: { type: 'tendermint/PrivKeyEd25519', value: bad.toString('base64') } });
    assert.equal(checkIn(text, bad.toString('base64')).valid, false);
    assert.equal(checkIn(doc.pub_key.value, doc.pub_key.value).valid, false);
  });
});
