// Seeded PEM private keys for examples and fixtures: the same seed gives the same key on every run.
import { checkPrimeSync, createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { invert } from '@noble/curves/abstract/modular.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import type { SeededRandom } from './seeded-random.js';

export type PemKind = 'rsa' | 'rsa-pkcs8' | 'ec' | 'ed25519' | 'pkcs8' | 'openssh' | 'encrypted' | 'ec-escaped' | 'ecdsa' | 'ecdsa-escaped';
export const PEM_KINDS: readonly PemKind[] = ['rsa', 'rsa-pkcs8', 'ec', 'ed25519', 'pkcs8', 'openssh', 'encrypted', 'ec-escaped', 'ecdsa', 'ecdsa-escaped'];

const b64u = (b: Uint8Array) => base64urlnopad.encode(b);

function bigToBytes(n: bigint): Uint8Array {
  let h = n.toString(16);
  if (h.length % 2) h = '0' + h;
  return Uint8Array.from(Buffer.from(h, 'hex'));
}

function seededEc(rng: SeededRandom): KeyObject {
  let d: Uint8Array;
  do d = rng.bytes(32);
  while (!p256.utils.isValidSecretKey(d));
  const pub = p256.getPublicKey(d, false);
  const jwk: JsonWebKey = { kty: 'EC', crv: 'P-256', d: b64u(d), x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33)) };
  return createPrivateKey({ key: jwk, format: 'jwk' });
}

export function seededEd25519(rng: SeededRandom): { seed: Uint8Array; pub: Uint8Array } {
  const seed = rng.bytes(32);
  return { seed, pub: ed25519.getPublicKey(seed) };
}

function ed25519Key(rng: SeededRandom): KeyObject {
  const { seed, pub } = seededEd25519(rng);
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: b64u(seed), x: b64u(pub) }, format: 'jwk' });
}

const SMALL_PRIMES: bigint[] = (() => {
  const out: number[] = [];
  for (let p = 3; out.length < 300; p += 2) if (out.every((q) => p % q !== 0)) out.push(p);
  return out.map(BigInt);
})();

/** A prime of `bits` bits from seeded bytes: next prime after a random odd start (node's checkPrime). */
function seededPrime(rng: SeededRandom, bits: number, e: bigint): bigint {
  let x = BigInt('0x' + bytesToHex(rng.bytes(bits / 8))) | (3n << BigInt(bits - 2)) | 1n;
  for (;;) {
    if (SMALL_PRIMES.every((p) => x % p !== 0n) && (x - 1n) % e !== 0n && checkPrimeSync(x)) return x;
    x += 2n;
  }
}

const rsaCache = new Map<string, KeyObject>();

/** RSA-2048 from two seeded primes; node:crypto cannot seed its own generator. Cached per seed (≈50 ms each). */
function seededRsa(rng: SeededRandom): KeyObject {
  const tag = bytesToHex(rng.bytes(16));
  const hit = rsaCache.get(tag);
  if (hit) return hit;
  const e = 65537n;
  const p = seededPrime(rng, 1024, e);
  let q = seededPrime(rng, 1024, e);
  while (q === p) q = seededPrime(rng, 1024, e);
  const phi = (p - 1n) * (q - 1n);
  const d = invert(e, phi);
  const jwk: JsonWebKey = {
    kty: 'RSA',
    n: b64u(bigToBytes(p * q)),
    e: b64u(bigToBytes(e)),
    d: b64u(bigToBytes(d)),
    p: b64u(bigToBytes(p)),
    q: b64u(bigToBytes(q)),
    dp: b64u(bigToBytes(d % (p - 1n))),
    dq: b64u(bigToBytes(d % (q - 1n))),
    qi: b64u(bigToBytes(invert(q, p))),
  };
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  rsaCache.set(tag, key);
  return key;
}

// --- minimal DER writer for the encrypted PKCS#8 envelope ---
function der(tag: number, body: Uint8Array): Uint8Array {
  const len = body.length;
  const head = len < 0x80 ? [tag, len] : len < 0x100 ? [tag, 0x81, len] : [tag, 0x82, len >> 8, len & 0xff];
  return Uint8Array.from([...head, ...body]);
}
const seq = (...parts: Uint8Array[]) => der(0x30, Uint8Array.from(parts.flatMap((p) => [...p])));
const oid = (hex: string) => der(0x06, Uint8Array.from(Buffer.from(hex, 'hex')));
const octets = (b: Uint8Array) => der(0x04, b);
const int = (n: number) => der(0x02, n < 0x80 ? Uint8Array.of(n) : Uint8Array.of(n >> 8, n & 0xff));
const NULL = Uint8Array.of(0x05, 0x00);

/** PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) EncryptedPrivateKeyInfo with seeded salt, IV and ciphertext. */
function encryptedPkcs8(rng: SeededRandom): Uint8Array {
  const pbes2 = oid('2a864886f70d01050d');
  const pbkdf2 = oid('2a864886f70d01050c');
  const hmacSha256 = oid('2a864886f70d0209');
  const aes256cbc = oid('60864801650304012a');
  const kdf = seq(pbkdf2, seq(octets(rng.bytes(8)), int(2048), seq(hmacSha256, NULL)));
  const enc = seq(aes256cbc, octets(rng.bytes(16)));
  return seq(seq(pbes2, seq(kdf, enc)), octets(rng.bytes(16 * (8 + rng.int(3)))));
}

/** openssh-key-v1, unencrypted Ed25519, as `ssh-keygen -t ed25519` writes it. */
function opensshEd25519(rng: SeededRandom): Uint8Array {
  const { seed, pub } = seededEd25519(rng);
  const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  const str = (b: Uint8Array | string) => {
    const bytes = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    return Uint8Array.from([...u32(bytes.length), ...bytes]);
  };
  const cat = (...p: Uint8Array[]) => Uint8Array.from(p.flatMap((x) => [...x]));
  const pubBlob = cat(str('ssh-ed25519'), str(pub));
  const check = rng.bytes(4);
  let priv = cat(check, check, str('ssh-ed25519'), str(pub), str(cat(seed, pub)), str('deploy@build'));
  const pad: number[] = [];
  for (let i = 1; (priv.length + pad.length) % 8 !== 0; i++) pad.push(i);
  priv = cat(priv, Uint8Array.from(pad));
  return cat(Buffer.from('openssh-key-v1\0', 'latin1'), str('none'), str('none'), str(''), u32(1), str(pubBlob), str(priv));
}

function armour(label: string, body: Uint8Array, width = 64): string {
  const b64 = Buffer.from(body).toString('base64');
  const lines = b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** OpenPGP CRC24 (RFC 4880 §6.1), the checksum line of ASCII armour. */
function crc24(data: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

/** `keys export` output of the Cosmos SDK: bcrypt + xsalsa20 armour around an amino-encoded key. */
export function cosmosArmoredKey(rng: SeededRandom, type = 'secp256k1'): string {
  const keyLen = type === 'ed25519' ? 64 : 32;
  const body = rng.bytes(24 + 5 + keyLen + 16);
  const crc = crc24(body);
  const crcB64 = Buffer.from([crc >> 16, (crc >> 8) & 0xff, crc & 0xff]).toString('base64');
  const salt = bytesToHex(rng.bytes(16)).toUpperCase();
  const lines = Buffer.from(body).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN TENDERMINT PRIVATE KEY-----\nkdf: bcrypt\nsalt: ${salt}\ntype: ${type}\n\n${lines.join('\n')}\n=${crcB64}\n-----END TENDERMINT PRIVATE KEY-----\n`;
}

/** A PEM private key of the given kind. */
export function samplePem(rng: SeededRandom, kind: string = 'ec'): string {
  switch (kind) {
    case 'rsa':
      return seededRsa(rng).export({ type: 'pkcs1', format: 'pem' }) as string;
    case 'rsa-pkcs8':
      return seededRsa(rng).export({ type: 'pkcs8', format: 'pem' }) as string;
    case 'ec':
      return seededEc(rng).export({ type: 'sec1', format: 'pem' }) as string;
    case 'pkcs8':
      return seededEc(rng).export({ type: 'pkcs8', format: 'pem' }) as string;
    case 'ed25519':
      return ed25519Key(rng).export({ type: 'pkcs8', format: 'pem' }) as string;
    case 'openssh':
      return armour('OPENSSH PRIVATE KEY', opensshEd25519(rng), 70);
    case 'encrypted':
      return armour('ENCRYPTED PRIVATE KEY', encryptedPkcs8(rng));
    case 'ec-escaped':
      // As inside a JSON string (Coinbase CDP cdp_api_key.json): literal backslash-n.
      return (seededEc(rng).export({ type: 'sec1', format: 'pem' }) as string).replace(/\n/g, '\\n');
    case 'ecdsa':
    case 'ecdsa-escaped': {
      // The SEC1 key under the `ECDSA PRIVATE KEY` label some Coinbase CDP key downloads use.
      const pem = (seededEc(rng).export({ type: 'sec1', format: 'pem' }) as string).replace(/-----(BEGIN|END) EC PRIVATE KEY-----/g, '-----$1 ECDSA PRIVATE KEY-----');
      return kind === 'ecdsa' ? pem : pem.replace(/\n/g, '\\n');
    }
    default:
      throw new Error(`{{pem:${kind}}}: kind must be one of ${PEM_KINDS.join(', ')}`);
  }
}

/** The same PEM with its body cut short: armour intact, key data incomplete. */
export function truncatedPem(rng: SeededRandom, kind: string = 'ec'): string {
  const pem = samplePem(rng, kind.replace(/-escaped$/, ''));
  const lines = pem.trimEnd().split('\n');
  const body = lines.slice(1, -1);
  const keep = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
  // Drop a few characters too so the cut never lands on a whole DER boundary.
  keep[keep.length - 1] = keep[keep.length - 1]!.slice(0, -8);
  return [lines[0], ...keep, lines[lines.length - 1]].join('\n') + '\n';
}
