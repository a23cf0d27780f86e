// Seeded builders of valid values for each offline check, used by rule examples and fixtures.
// `-bad` kinds build look-alikes that fail their check, for nomatch tables.
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base58, base64, base64urlnopad } from '@scure/base';
import { entropyToMnemonic, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import type { Generator, SeededRandom } from './seeded-random.js';
import { b58check, decodeBase58check } from '../validators/base58check.js';
import { PRIVATE_VERSIONS } from '../validators/bip32-versions.js';
import { crc32, crc32Base62 } from '../validators/crc32-base62.js';
import { cosmosArmoredKey, samplePem, seededEd25519, truncatedPem } from './sample-pem.js';
import { SECP256K1_N, isValidScalar } from '../validators/secp256k1-keys.js';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

function oneOf<T extends string>(kind: string, arg: string | undefined, allowed: readonly T[], fallback: T): T {
  const v = (arg ?? fallback) as T;
  if (!allowed.includes(v)) throw new Error(`{{${kind}:${arg}}}: argument must be one of ${allowed.join(', ')}`);
  return v;
}

/** A secp256k1 private key in 1..n-1. */
export function secpScalar(rng: SeededRandom): Uint8Array {
  for (;;) {
    const k = rng.bytes(32);
    if (isValidScalar(k)) return k;
  }
}

/** Replaces one character with a different one of the same alphabet (never the first `keep`). */
function mutate(rng: SeededRandom, s: string, alphabet: string, keep = 0): string {
  const i = keep + rng.int(s.length - keep);
  let c = s[i]!;
  while (c === s[i]) c = alphabet[rng.int(alphabet.length)]!;
  return s.slice(0, i) + c + s.slice(i + 1);
}

/** A base58check string with one character changed so the checksum fails. */
function brokenBase58check(rng: SeededRandom, valid: string, keep: number): string {
  for (;;) {
    const bad = mutate(rng, valid, B58, keep);
    if (!decodeBase58check(bad)) return bad;
  }
}

function crcToken(rng: SeededRandom, prefix: string, bodyLength = 30): string {
  const body = rng.chars(ALNUM, bodyLength);
  return prefix + body + crc32Base62(body);
}

function badCrcToken(rng: SeededRandom, prefix: string, bodyLength = 30): string {
  const t = crcToken(rng, prefix, bodyLength);
  // Change the checksum itself: the body stays plausible, the last six no longer match.
  return t.slice(0, -6) + mutate(rng, t.slice(-6), ALNUM);
}

const WIF_KINDS = ['compressed', 'uncompressed', 'testnet', 'testnet-compressed'] as const;

function wifOf(rng: SeededRandom, arg: string | undefined): string {
  const kind = oneOf('wif', arg, WIF_KINDS, 'compressed');
  const testnet = kind.startsWith('testnet');
  const compressed = kind === 'compressed' || kind === 'testnet-compressed';
  const payload = [testnet ? 0xef : 0x80, ...secpScalar(rng), ...(compressed ? [0x01] : [])];
  return b58check.encode(Uint8Array.from(payload));
}

const XPRV_NAMES = PRIVATE_VERSIONS.map((v) => v.name);
const XPUB_NAMES = PRIVATE_VERSIONS.map((v) => v.publicName);

/** 78-byte BIP32 serialisation; `pub` swaps in the public version and compressed public key. */
function extendedKey(rng: SeededRandom, arg: string | undefined, pub: boolean): string {
  const name = arg ?? (pub ? 'xpub' : 'xprv');
  const v = PRIVATE_VERSIONS.find((x) => x.name === name || x.publicName === name);
  if (!v) throw new Error(`{{${pub ? 'xpub' : 'xprv'}:${arg}}}: unknown version, use one of ${[...XPRV_NAMES, ...XPUB_NAMES].join(', ')}`);
  const depth = rng.int(4);
  const out = new Uint8Array(78);
  const view = new DataView(out.buffer);
  view.setUint32(0, pub ? v.publicVersion : v.version);
  out[4] = depth;
  if (depth > 0) {
    out.set(rng.bytes(4), 5);
    view.setUint32(9, (rng.int(2) ? 0x80000000 : 0) + rng.int(100));
  }
  out.set(rng.bytes(32), 13);
  const key = secpScalar(rng);
  if (pub) out.set(secp256k1.getPublicKey(key, true), 45);
  else out.set(key, 46);
  return b58check.encode(out);
}

const BIP39_COUNTS = ['12', '15', '18', '21', '24'] as const;

function mnemonic(rng: SeededRandom, arg: string | undefined): string {
  const n = Number(oneOf('bip39', arg, BIP39_COUNTS, '12'));
  return entropyToMnemonic(rng.bytes((n / 3) * 4), wordlist);
}

function badMnemonic(rng: SeededRandom, arg: string | undefined): string {
  const words = mnemonic(rng, arg).split(' ');
  for (;;) {
    words[words.length - 1] = wordlist[rng.int(wordlist.length)]!;
    const phrase = words.join(' ');
    if (!validateMnemonic(phrase, wordlist)) return phrase;
  }
}

function ed25519Pair(rng: SeededRandom): Uint8Array {
  const { seed, pub } = seededEd25519(rng);
  return Uint8Array.from([...seed, ...pub]);
}

function solanaOf(bytes: Uint8Array, kind: string): string {
  return kind === 'json' ? `[${[...bytes].join(',')}]` : base58.encode(bytes);
}

function uuid(rng: SeededRandom): string {
  const h = rng.chars(HEX, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[rng.int(4)]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function keystore(rng: SeededRandom, arg: string | undefined): string {
  const kind = oneOf('keystore', arg, ['scrypt', 'pbkdf2', 'pretty'] as const, 'scrypt');
  const kdf = kind === 'pbkdf2' ? 'pbkdf2' : 'scrypt';
  const kdfparams =
    kdf === 'scrypt'
      ? { dklen: 32, n: 262144, p: 1, r: 8, salt: rng.chars(HEX, 64) }
      : { c: 262144, dklen: 32, prf: 'hmac-sha256', salt: rng.chars(HEX, 64) };
  const ks = {
    address: rng.chars(HEX, 40),
    crypto: {
      cipher: 'aes-128-ctr',
      ciphertext: rng.chars(HEX, 64),
      cipherparams: { iv: rng.chars(HEX, 32) },
      kdf,
      kdfparams,
      mac: rng.chars(HEX, 64),
    },
    id: uuid(rng),
    version: 3,
  };
  return kind === 'pretty' ? JSON.stringify(ks, null, 2) : JSON.stringify(ks);
}

/** priv_validator_key.json as CometBFT writes it; address = first 20 bytes of SHA-256(pubkey). */
function cosmosValidatorJson(rng: SeededRandom): string {
  const pair = ed25519Pair(rng);
  const pub = pair.subarray(32);
  const doc = {
    address: bytesToHex(sha256(pub).subarray(0, 20)).toUpperCase(),
    pub_key: { type: 'tendermint/PubKeyEd25519', value: base64.encode(pub) },
    priv_key: { type: 'tendermint/PrivKeyEd25519', value: base64.encode(pair) },
  };
  return JSON.stringify(doc, null, 2);
}

function cosmosNodeKeyJson(rng: SeededRandom): string {
  return JSON.stringify({ priv_key: { type: 'tendermint/PrivKeyEd25519', value: base64.encode(ed25519Pair(rng)) } });
}

/** An API token of web3.storage / NFT.Storage: HS256 JWT naming the account's DID and the issuer (`arg`). */
function didJwt(rng: SeededRandom, arg: string | undefined): string {
  const iss = oneOf('did-jwt', arg, ['web3-storage', 'nft-storage'] as const, 'web3-storage');
  const enc = (o: object) => base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  const addr = [...rng.chars('0123456789abcdef', 40)].map((c) => (rng.int(2) ? c.toUpperCase() : c)).join('');
  const payload = { sub: `did:ethr:0x${addr}`, iss, iat: 1_600_000_000_000 + rng.int(200_000_000) * 1000, name: rng.chars('abcdefghijklmnopqrstuvwxyz', 3 + rng.int(8)) };
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(payload)}.${base64urlnopad.encode(rng.bytes(32))}`;
}

const DISCORD_EPOCH = 1420070400000n;

/** A Discord snowflake (user, channel, webhook id) created between 2016 and 2024. */
function snowflake(rng: SeededRandom): bigint {
  const ms = BigInt(Date.UTC(2016, 0, 1) + rng.int(8 * 365) * 86400000 + rng.int(86400000));
  return ((ms - DISCORD_EPOCH) << 22n) | BigInt(rng.int(1 << 22));
}

function discord(rng: SeededRandom): string {
  const first = base64urlnopad.encode(new TextEncoder().encode(snowflake(rng).toString()));
  return `${first}.${rng.chars(ALNUM + '-_', 6)}.${rng.chars(ALNUM + '-_', 38)}`;
}


/**
 * A GitLab routable token: prefix + base64url(16 random bytes, routing text, its length) + `.01.` +
 * payload length (2 base36) + CRC32 of all before it (7 base36).
 */
function gitlabRoutable(rng: SeededRandom, arg: string | undefined): string {
  const prefix = arg ?? 'glpat-';
  if (!/^gl[a-z]{2,6}-(?:t[1-3]_)?$/.test(prefix)) throw new Error(`{{gitlab:${arg}}}: argument must be a GitLab token prefix such as glpat- or glrt-t1_`);
  const routing = `c:${rng.int(36 ** 2).toString(36)}\no:${(1 + rng.int(10_000_000)).toString(36)}\nu:${(1 + rng.int(30_000_000)).toString(36)}`;
  const payload = base64urlnopad.encode(Uint8Array.from([...rng.bytes(16), ...new TextEncoder().encode(routing), routing.length]));
  const body = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, '0')}`;
  return body + crc32(body).toString(36).padStart(7, '0');
}

/** The stateless GitHub App installation token: ghs_<app id>_<JWT signed by GitHub>. */
function githubStateless(rng: SeededRandom, bad: boolean): string {
  const appId = 100000 + rng.int(3_000_000);
  const enc = (o: object) => base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  const iat = 1780000000 + rng.int(20000000);
  const header = enc({ alg: 'RS256', kid: rng.chars(HEX, 16), typ: 'JWT' });
  const payload = enc({ iss: 'github', app_id: appId, installation_id: 10_000_000 + rng.int(90_000_000), iat, exp: iat + 3600, rid: uuid(rng) });
  // `bad`: the middle part is no JSON (a look-alike whose JWT does not decode)
  const middle = bad ? rng.chars(ALNUM, payload.length) : payload;
  return `ghs_${appId}_${header}.${middle}.${base64urlnopad.encode(rng.bytes(256))}`;
}

function jwt(rng: SeededRandom, arg: string | undefined): string {
  const alg = oneOf('jwt', arg, ['HS256', 'RS256', 'ES256', 'none'] as const, 'HS256');
  const enc = (o: object) => base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  const iat = 1700000000 + rng.int(50000000);
  const header = enc({ alg, typ: 'JWT' });
  const payload = enc({ sub: uuid(rng), role: 'service', iat, exp: iat + 3600 * (1 + rng.int(720)) });
  const sigLen = alg === 'none' ? 0 : alg === 'RS256' ? 256 : alg === 'ES256' ? 64 : 32;
  return `${header}.${payload}.${sigLen ? base64urlnopad.encode(rng.bytes(sigLen)) : ''}`;
}

export const sampleGenerators: Record<string, Generator> = {
  github: (r, a) => crcToken(r, `${oneOf('github', a, ['ghp', 'gho', 'ghu', 'ghs', 'ghr'] as const, 'ghp')}_`),
  'github-bad': (r, a) => badCrcToken(r, `${oneOf('github-bad', a, ['ghp', 'gho', 'ghu', 'ghs', 'ghr'] as const, 'ghp')}_`),
  /** The long refresh-token form: ghr_ + 70 + 6-character CRC32. */
  'github-long': (r) => crcToken(r, 'ghr_', 70),
  'github-long-bad': (r) => badCrcToken(r, 'ghr_', 70),
  'github-stateless': (r) => githubStateless(r, false),
  'github-stateless-bad': (r) => githubStateless(r, true),
  gitlab: gitlabRoutable,
  'gitlab-bad': (r, a) => {
    const t = gitlabRoutable(r, a);
    return t.slice(0, -7) + mutate(r, t.slice(-7), '0123456789abcdefghijklmnopqrstuvwxyz');
  },
  'discord-id': (r) => snowflake(r).toString(),
  'github-pat': (r) => `github_pat_11${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20)}_${r.chars(ALNUM, 59)}`,
  npm: (r) => crcToken(r, 'npm_'),
  'npm-bad': (r) => badCrcToken(r, 'npm_'),
  'evm-key': (r) => bytesToHex(secpScalar(r)),
  'evm-key-outofrange': (r) => (SECP256K1_N + BigInt('0x' + bytesToHex(r.bytes(15)))).toString(16),
  wif: wifOf,
  'wif-bad': (r, a) => brokenBase58check(r, wifOf(r, a), 2),
  bip38: (r) => {
    const ec = r.int(2) === 1;
    const flag = ec ? [0x00, 0x20][r.int(2)]! : [0xc0, 0xe0][r.int(2)]!;
    return b58check.encode(Uint8Array.from([0x01, ec ? 0x43 : 0x42, flag, ...r.bytes(36)]));
  },
  xprv: (r, a) => extendedKey(r, a, false),
  'xprv-bad': (r, a) => brokenBase58check(r, extendedKey(r, a, false), 4),
  xpub: (r, a) => extendedKey(r, a, true),
  bip39: mnemonic,
  'bip39-bad': badMnemonic,
  solana: (r, a) => solanaOf(ed25519Pair(r), oneOf('solana', a, ['b58', 'json'] as const, 'b58')),
  'solana-bad': (r, a) => {
    const kind = oneOf('solana-bad', a, ['b58', 'json'] as const, 'b58');
    const seed = r.bytes(32);
    return solanaOf(Uint8Array.from([...seed, ...ed25519.getPublicKey(r.bytes(32))]), kind);
  },
  'solana-pub': (r) => base58.encode(seededEd25519(r).pub),
  'ed25519-b64': (r) => base64.encode(ed25519Pair(r)),
  'cosmos-validator-json': cosmosValidatorJson,
  'cosmos-node-key-json': cosmosNodeKeyJson,
  'cosmos-armored-key': (r, a) => cosmosArmoredKey(r, oneOf('cosmos-armored-key', a, ['secp256k1', 'ed25519'] as const, 'secp256k1')),
  keystore,
  pem: samplePem,
  'pem-truncated': truncatedPem,
  discord,
  jwt,
  'did-jwt': didJwt,
};
