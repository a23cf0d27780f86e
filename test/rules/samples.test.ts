// Every sample generator builds values its validator accepts (or, for look-alikes, rejects).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlaceholder } from '../../src/engine/placeholder.js';
import { SeededRandom } from '../../src/rules/seeded-random.js';
import { validators } from '../../src/validators/index.js';
import { sampleGenerators } from '../../src/rules/samples.js';
import { input } from '../validators/validator-input.js';

interface Case {
  kind: string;
  args: Array<string | undefined>;
  validator: string;
  valid: boolean;
  /** The secret inside a whole-file sample. */
  secretOf?: (text: string) => string;
}

const privKeyValue = (t: string) => (JSON.parse(t) as { priv_key: { value: string } }).priv_key.value;
const ciphertext = (t: string) => (JSON.parse(t) as { crypto: { ciphertext: string } }).crypto.ciphertext;

const CASES: Case[] = [
  { kind: 'github', args: [undefined, 'ghp', 'gho', 'ghu', 'ghs', 'ghr'], validator: 'github-token', valid: true },
  { kind: 'github-pat', args: [undefined], validator: 'github-token', valid: true },
  { kind: 'npm', args: [undefined], validator: 'npm-token', valid: true },
  { kind: 'evm-key', args: [undefined], validator: 'evm-private-key', valid: true },
  { kind: 'wif', args: [undefined, 'compressed', 'uncompressed', 'testnet', 'testnet-compressed'], validator: 'wif', valid: true },
  { kind: 'bip38', args: [undefined], validator: 'bip38', valid: true },
  { kind: 'xprv', args: [undefined, 'xprv', 'yprv', 'zprv', 'Yprv', 'Zprv', 'tprv', 'uprv', 'vprv', 'Uprv', 'Vprv', 'Ltpv'], validator: 'bip32-xprv', valid: true },
  { kind: 'bip39', args: [undefined, '12', '15', '18', '21', '24'], validator: 'bip39', valid: true },
  { kind: 'solana', args: [undefined, 'b58', 'json'], validator: 'solana-keypair', valid: true },
  { kind: 'ed25519-b64', args: [undefined], validator: 'ed25519-keypair-b64', valid: true },
  { kind: 'cosmos-validator-json', args: [undefined], validator: 'cosmos-validator-key', valid: true, secretOf: privKeyValue },
  { kind: 'cosmos-node-key-json', args: [undefined], validator: 'cosmos-validator-key', valid: true, secretOf: privKeyValue },
  { kind: 'cosmos-armored-key', args: [undefined, 'secp256k1', 'ed25519'], validator: 'pem-private-key', valid: true },
  { kind: 'keystore', args: [undefined, 'scrypt', 'pbkdf2', 'pretty'], validator: 'eth-keystore', valid: true, secretOf: ciphertext },
  { kind: 'pem', args: [undefined, 'rsa', 'rsa-pkcs8', 'ec', 'ed25519', 'pkcs8', 'openssh', 'encrypted', 'ec-escaped', 'ecdsa', 'ecdsa-escaped'], validator: 'pem-private-key', valid: true },
  { kind: 'pem', args: [undefined, 'ec', 'pkcs8', 'ec-escaped', 'ecdsa', 'ecdsa-escaped'], validator: 'ec-p256-private-key', valid: true },
  { kind: 'github-long', args: [undefined], validator: 'github-token', valid: true },
  { kind: 'github-stateless', args: [undefined], validator: 'github-token', valid: true },
  { kind: 'gitlab', args: [undefined, 'glpat-', 'glrt-t1_', 'glrt-', 'gldt-', 'glft-', 'glptt-', 'glcbt-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-'], validator: 'gitlab-token', valid: true },
  { kind: 'discord-id', args: [undefined], validator: 'discord-webhook-url', valid: true, secretOf: (id) => `https://discord.com/api/webhooks/${id}/${'aB3_'.repeat(17)}` },
  { kind: 'discord', args: [undefined], validator: 'discord-bot-token', valid: true },
  { kind: 'jwt', args: [undefined, 'HS256', 'RS256', 'ES256'], validator: 'jwt', valid: true },
  { kind: 'did-jwt', args: [undefined, 'web3-storage', 'nft-storage'], validator: 'jwt', valid: true },
  // look-alikes for nomatch tables
  { kind: 'github-bad', args: [undefined, 'gho'], validator: 'github-token', valid: false },
  { kind: 'npm-bad', args: [undefined], validator: 'npm-token', valid: false },
  { kind: 'github-long-bad', args: [undefined], validator: 'github-token', valid: false },
  { kind: 'github-stateless-bad', args: [undefined], validator: 'github-token', valid: false },
  { kind: 'gitlab-bad', args: [undefined, 'glrt-t2_', 'gloas-'], validator: 'gitlab-token', valid: false },
  { kind: 'pem', args: ['rsa', 'ed25519'], validator: 'ec-p256-private-key', valid: false },
  { kind: 'wif-bad', args: [undefined, 'uncompressed', 'testnet'], validator: 'wif', valid: false },
  { kind: 'xprv-bad', args: [undefined, 'zprv'], validator: 'bip32-xprv', valid: false },
  { kind: 'xpub', args: [undefined, 'xpub', 'zpub', 'tpub', 'Vpub', 'Ltub'], validator: 'bip32-xprv', valid: false },
  { kind: 'bip39-bad', args: [undefined, '24'], validator: 'bip39', valid: false },
  { kind: 'solana-bad', args: [undefined, 'json'], validator: 'solana-keypair', valid: false },
  { kind: 'solana-pub', args: [undefined], validator: 'solana-keypair', valid: false },
  { kind: 'evm-key-outofrange', args: [undefined], validator: 'evm-private-key', valid: false },
  { kind: 'pem-truncated', args: [undefined, 'ec', 'pkcs8', 'ed25519', 'openssh', 'encrypted', 'rsa', 'ecdsa'], validator: 'pem-private-key', valid: false },
  { kind: 'pem-truncated', args: ['ecdsa', 'ec'], validator: 'ec-p256-private-key', valid: false },
];

const SEEDS = ['s1', 's2', 's3', 's4', 's5'];

describe('sample generators', () => {
  it('every generator is covered here', () => {
    const covered = new Set(CASES.map((c) => c.kind));
    assert.deepEqual(Object.keys(sampleGenerators).filter((k) => !covered.has(k)), []);
  });
  for (const c of CASES) {
    it(`${c.kind} → ${c.validator} ${c.valid ? 'accepts' : 'rejects'}`, () => {
      const validate = validators[c.validator]!;
      for (const arg of c.args) {
        const seeds = arg?.startsWith('rsa') ? SEEDS.slice(0, 2) : SEEDS;
        for (const seed of seeds) {
          const text = sampleGenerators[c.kind]!(new SeededRandom(seed), arg);
          const secret = c.secretOf ? c.secretOf(text) : text;
          const r = validate(input(secret, text, c.secretOf ? secret : text));
          assert.equal(r.valid, c.valid, `${c.kind}:${arg ?? ''} seed ${seed}: ${r.reason}`);
          // Whole PEM blocks are exempt: OpenSSH bodies always hold runs of 'A' (zero length fields).
          if (c.valid && c.kind !== 'pem') assert.equal(isPlaceholder(secret), false, `${c.kind}:${arg ?? ''} looks like a placeholder`);
        }
      }
    });
  }
  it('is deterministic per seed and differs across seeds', () => {
    for (const kind of Object.keys(sampleGenerators)) {
      const a = sampleGenerators[kind]!(new SeededRandom('same'), undefined);
      const b = sampleGenerators[kind]!(new SeededRandom('same'), undefined);
      const c = sampleGenerators[kind]!(new SeededRandom('other'), undefined);
      assert.equal(a, b, kind);
      assert.notEqual(a, c, kind);
    }
  });
  it('rejects unknown arguments with a clear message', () => {
    assert.throws(() => sampleGenerators.wif!(new SeededRandom('x'), 'segwit'), /wif/);
    assert.throws(() => sampleGenerators.pem!(new SeededRandom('x'), 'dsa'), /pem/);
    assert.throws(() => sampleGenerators.xprv!(new SeededRandom('x'), 'qprv'), /xprv/);
  });
});
