import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ethKeystore } from '../../src/validators/eth-keystore.js';
import { input, sample, SEEDS } from './validator-input.js';

// Web3 Secret Storage spec test vector (public).
const SPEC = `{
    "crypto" : {
        "cipher" : "aes-128-ctr",
        "cipherparams" : { "iv" : "83dbcc02d8ccb40e466191a123791e0e" },
        "ciphertext" : "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
        "kdf" : "scrypt",
        "kdfparams" : {
            "dklen" : 32, "n" : 262144, "r" : 1, "p" : 8,
            "salt" : "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"
        },
        "mac" : "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
    },
    "id" : "3198bc9c-6672-5ab3-d995-4942343ae5b6",
    "version" : 3
}`;

const ciphertextOf = (text: string) => /ciphertext\\?"\s*:\s*\\?"([0-9a-f]+)/.exec(text)![1]!;
const checkText = (text: string) => ethKeystore(input(ciphertextOf(text), text));

type Ks = { address?: string; version: unknown; crypto?: Record<string, unknown>; Crypto?: unknown };

describe('eth-keystore validator', () => {
  it('accepts the spec vector and generated keystores', () => {
    assert.equal(checkText(SPEC).valid, true);
    for (const kind of ['scrypt', 'pbkdf2', 'pretty']) {
      for (const seed of SEEDS) {
        const r = checkText(sample('keystore', kind, seed));
        assert.equal(r.valid, true, `${kind}: ${r.reason}`);
        assert.match(r.address!, /^0x[0-9a-fA-F]{40}$/);
      }
    }
  });
  it('finds the keystore inside a larger file and inside an escaped JSON string', () => {
    const ks = sample('keystore');
    const nested = `// wallets\nconst wallets = { "main": ${ks}, "other": { "x": 1 } };\n`;
    assert.equal(checkText(nested).valid, true);
    const escaped = JSON.stringify({ keystore: ks });
    assert.equal(checkText(escaped).valid, true);
  });
  it('accepts capitalised Crypto (MyEtherWallet)', () => {
    const o = JSON.parse(sample('keystore')) as Ks;
    o.Crypto = o.crypto;
    delete o.crypto;
    assert.equal(checkText(JSON.stringify(o)).valid, true);
  });
  it('rejects incomplete or foreign structures', () => {
    const edits: Array<(o: Ks & { crypto: Record<string, unknown> }) => void> = [
      (o) => (o.version = 2),
      (o) => delete o.crypto.mac,
      (o) => (o.crypto.kdf = 'argon2'),
      (o) => (o.crypto.cipherparams = {}),
      (o) => (o.crypto.mac = 'not hex at all, not hex at all, not hex'),
      (o) => delete (o.crypto.kdfparams as Record<string, unknown>).n,
    ];
    for (const edit of edits) {
      const o = JSON.parse(sample('keystore')) as Ks & { crypto: Record<string, unknown> };
      edit(o);
      assert.equal(checkText(JSON.stringify(o)).valid, false, String(edit));
    }
    const bare = '"ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c"';
    assert.equal(checkText(bare).valid, false);
  });
});
