// Offline checks behind the token rules added for issue 12: GitLab routable tokens (CRC32 base36 and
// payload), GitHub's long refresh tokens and stateless installation tokens, P-256 PEM consistency,
// Discord webhook ids.
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import { validators } from '../../src/validators/index.js';
import { input } from './validator-input.js';

const check = (name: string, secret: string) => validators[name]!(input(secret));

/** A routable token built the way GitLab's generator documents it, independently of the seeded builder. */
function routable(prefix: string, routing: string, random = 'a'.repeat(16)): string {
  const payload = Buffer.from(`${random}${routing}${String.fromCharCode(routing.length)}`, 'latin1').toString('base64url');
  const body = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, '0')}`;
  return body + (zlib.crc32(body) >>> 0).toString(36).padStart(7, '0');
}

describe('gitlab-token', () => {
  it('accepts a routable token whose CRC32 and payload agree', () => {
    for (const prefix of ['glpat-', 'glrt-t2_', 'gldt-', 'gloas-']) {
      const r = check('gitlab-token', routable(prefix, 'c:1\no:2s\nu:9x'));
      assert.equal(r.valid, true, r.reason);
    }
  });
  it('rejects a wrong CRC, a wrong length field, and a payload without routing keys', () => {
    const good = routable('glpat-', 'o:1');
    const badCrc = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    assert.equal(check('gitlab-token', badCrc).valid, false);
    const at = good.lastIndexOf('.');
    const wrongLen = good.slice(0, at + 1) + 'zz';
    const body = wrongLen;
    assert.equal(check('gitlab-token', body + (zlib.crc32(body) >>> 0).toString(36).padStart(7, '0')).valid, false);
    assert.equal(check('gitlab-token', routable('glpat-', 'hello world')).valid, false);
  });
  it('takes legacy tokens by shape', () => {
    assert.equal(check('gitlab-token', `glpat-${'k3Q_'.repeat(5)}`).valid, true);
  });
});

describe('github-token, new forms', () => {
  it('checks the CRC32 of long refresh tokens (70 + 6) and rejects other lengths', () => {
    const body = 'Kq7'.repeat(23) + 'x';
    const crc = (zlib.crc32(body) >>> 0);
    const b62 = (n: number) => { let o = ''; for (let i = 0; i < 6; i++) { o = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[n % 62] + o; n = Math.floor(n / 62); } return o; };
    assert.equal(check('github-token', `ghr_${body}${b62(crc)}`).valid, true);
    assert.equal(check('github-token', `ghr_${body}${b62(crc + 1)}`).valid, false);
    assert.equal(check('github-token', `ghp_${body}${b62(crc)}`).valid, false, 'only refresh tokens come long');
  });
  it('decodes the JWT of a stateless installation token', () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc({ iss: 'github', exp: 1800000000 })}.${'s1G'.repeat(40)}`;
    assert.equal(check('github-token', `ghs_123456_${jwt}`).valid, true);
    assert.equal(check('github-token', `ghs_123456_${enc({ alg: 'RS256' })}.bm90IGpzb24.${'s1G'.repeat(40)}`).valid, false);
  });
});

describe('ec-p256-private-key', () => {
  it('accepts P-256 under EC, ECDSA and PKCS#8 labels; rejects other curves', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const sec1 = privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    assert.equal(check('ec-p256-private-key', sec1).valid, true);
    assert.equal(check('ec-p256-private-key', sec1.replace(/ EC PRIVATE/g, ' ECDSA PRIVATE')).valid, true);
    assert.equal(check('ec-p256-private-key', privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).valid, true);
    const k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    assert.equal(check('ec-p256-private-key', k1).valid, false);
  });
  it('rejects a block whose public key belongs to another scalar', () => {
    const a = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    const b = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    let mixed: string;
    try {
      mixed = createPrivateKey({ key: { ...a, x: b.x, y: b.y }, format: 'jwk' }).export({ type: 'sec1', format: 'pem' }) as string;
    } catch {
      return; // this OpenSSL refuses to build the inconsistent key at all
    }
    assert.equal(check('ec-p256-private-key', mixed).valid, false);
  });
});

describe('discord-webhook-url', () => {
  it('needs a snowflake id of a plausible time', () => {
    const token = 'aB3_'.repeat(17);
    assert.equal(check('discord-webhook-url', `https://discord.com/api/webhooks/1187318574000128040/${token}`).valid, true);
    assert.equal(check('discord-webhook-url', `https://discord.com/api/webhooks/99999999999999999999/${token}`).valid, false);
  });
});
