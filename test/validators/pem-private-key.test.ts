import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { pemPrivateKey } from '../../src/validators/pem-private-key.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (block: string) => pemPrivateKey(input(block, block, block));

const EXPECTED: Record<string, string> = {
  rsa: 'RSA 2048',
  'rsa-pkcs8': 'RSA 2048',
  ec: 'EC P-256',
  pkcs8: 'EC P-256',
  ed25519: 'Ed25519',
  openssh: 'OpenSSH ssh-ed25519',
  encrypted: 'encrypted PKCS#8',
  'ec-escaped': 'EC P-256',
};

describe('pem-private-key validator', () => {
  it('accepts every generated kind and names the key type', () => {
    for (const [kind, type] of Object.entries(EXPECTED)) {
      const seeds = kind.startsWith('rsa') ? SEEDS.slice(0, 1) : SEEDS.slice(0, 3);
      for (const seed of seeds) {
        const r = check(sample('pem', kind, seed));
        assert.equal(r.valid, true, `${kind}: ${r.reason}`);
        assert.equal(r.keyType, type);
      }
    }
  });
  it('reads keys inside JSON strings, code concatenation and YAML blocks', () => {
    const pem = sample('pem', 'ec');
    const json = JSON.stringify({ name: 'organizations/x/apiKeys/y', privateKey: pem });
    const inJson = json.slice(json.indexOf('-----BEGIN'), json.lastIndexOf('-----') + 5);
    assert.equal(check(inJson).valid, true);
    const concat = pem
      .trimEnd()
      .split('\n')
      .map((l) => `  "${l}\\n" +`)
      .join('\n');
    assert.equal(check(concat).valid, true);
    const yaml = pem
      .trimEnd()
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    assert.equal(check(yaml).valid, true);
    const crlf = pem.replace(/\n/g, '\r\n');
    assert.equal(check(crlf).valid, true);
  });
  it('names other key types', () => {
    const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey;
    assert.equal(check(k1.export({ type: 'sec1', format: 'pem' }) as string).keyType, 'EC secp256k1');
    const k2 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    assert.equal(check(k2.export({ type: 'pkcs8', format: 'pem' }) as string).keyType, 'EC P-384');
    const k3 = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 }).privateKey;
    assert.equal(check(k3.export({ type: 'pkcs8', format: 'pem' }) as string).keyType, 'DSA 2048');
  });
  it('accepts legacy OpenSSL-encrypted PEM (Proc-Type) as sensitive', () => {
    const k = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const pem = k.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string;
    const r = check(pem);
    assert.equal(r.valid, true, r.reason);
    assert.equal(r.keyType, 'RSA encrypted');
  });
  it('accepts Cosmos SDK armoured exports and needs their kdf header', () => {
    const armour = sample('cosmos-armored-key', 'secp256k1');
    const r = check(armour);
    assert.equal(r.valid, true, r.reason);
    assert.equal(r.keyType, 'Cosmos secp256k1 encrypted');
    assert.equal(check(armour.replace(/kdf: bcrypt\n/, '')).valid, false);
    const lines = armour.split('\n');
    assert.equal(check([...lines.slice(0, 5), lines[5]!.slice(0, 20), ...lines.slice(-3)].join('\n')).valid, false);
  });
  it('rejects truncated bodies of every kind', () => {
    for (const kind of ['rsa', 'ec', 'pkcs8', 'ed25519', 'openssh', 'encrypted']) {
      for (const seed of kind === 'rsa' ? SEEDS.slice(0, 1) : SEEDS.slice(0, 3)) {
        const r = check(sample('pem-truncated', kind, seed));
        assert.equal(r.valid, false, `${kind} truncated passed`);
      }
    }
  });
  it('rejects garbage, placeholders and a missing END line', () => {
    assert.equal(check('-----BEGIN RSA PRIVATE KEY-----\nyour private key here\n-----END RSA PRIVATE KEY-----').valid, false);
    assert.equal(check('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----').valid, false);
    assert.equal(check('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----').valid, false);
    const pem = sample('pem', 'ec');
    assert.equal(check(pem.replace(/-----END[^\n]*\n?$/, '')).valid, false);
    // OpenSSH container whose check integers disagree.
    const ssh = sample('pem', 'openssh');
    const lines = ssh.trimEnd().split('\n');
    const body = Buffer.from(lines.slice(1, -1).join(''), 'base64');
    const at = body.indexOf(Buffer.from('ssh-ed25519'), body.indexOf(Buffer.from('ssh-ed25519')) + 11) - 12;
    body[at] = body[at]! ^ 0xff;
    const broken = `${lines[0]}\n${body.toString('base64')}\n${lines[lines.length - 1]}\n`;
    assert.equal(check(broken).valid, false);
  });
});
