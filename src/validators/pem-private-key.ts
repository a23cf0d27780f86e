// PEM private keys, also as found inside JSON strings (literal \n) or code (quotes, indentation).
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { Validator, ValidationResult } from '../core/validator.js';

const BEGIN = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----/;
const CURVES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp256k1: 'secp256k1',
};

export interface PemParts {
  label: string;
  /** Header lines such as Proc-Type / DEK-Info (legacy encrypted PEM). */
  headers: string[];
  body: string;
}

/** Undoes string escaping and code syntax around a PEM block, then splits it into label, headers and base64 body. */
export function parsePemBlock(raw: string): PemParts | null {
  const text = raw
    .replace(/\\r/g, '')
    .replace(/\\n/g, '\n')
    .replace(/\r/g, '');
  const begin = BEGIN.exec(text);
  if (!begin) return null;
  const label = begin[1]!;
  const endMarker = `-----END ${label}-----`;
  const endAt = text.indexOf(endMarker, begin.index);
  if (endAt < 0) return null;
  const inner = text.slice(begin.index + begin[0].length, endAt);
  const headers: string[] = [];
  let body = '';
  for (const line of inner.split('\n')) {
    // Code around the lines: quotes, string concatenation, trailing commas and backslashes.
    const l = line.replace(/["'`]\s*\+\s*["'`]?/g, '').replace(/["'`;\\]/g, '').trim();
    if (l.length === 0) continue;
    if (/^[A-Za-z-]+:\s/.test(l)) {
      headers.push(l);
      continue;
    }
    const b = l.replace(/[,\s]+/g, '');
    if (/^=[A-Za-z0-9+/]{4}$/.test(b)) continue; // OpenPGP-style armour CRC24 line (PGP, Cosmos SDK)
    body += b;
  }
  return { label, headers, body };
}

/** Strict base64 (padding required, no stray characters). */
function decodeBody(body: string): Buffer | null {
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  return Buffer.from(body, 'base64');
}

/** DER length of the outer SEQUENCE equals the data length (truncation check). */
function isWholeDerSequence(der: Uint8Array): boolean {
  if (der.length < 2 || der[0] !== 0x30) return false;
  let len = der[1]!;
  let at = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || der.length < 2 + n) return false;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[2 + i]!;
    at = 2 + n;
  }
  return at + len === der.length;
}

function describeKey(k: KeyObject): string {
  const d = k.asymmetricKeyDetails ?? {};
  switch (k.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return `RSA ${d.modulusLength ?? ''}`.trim();
    case 'dsa':
      return `DSA ${d.modulusLength ?? ''}`.trim();
    case 'ec':
      return `EC ${CURVES[d.namedCurve ?? ''] ?? d.namedCurve ?? ''}`.trim();
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    default:
      return String(k.asymmetricKeyType ?? 'unknown').toUpperCase();
  }
}

/** Walks the openssh-key-v1 container far enough to catch truncation; returns the key type. */
function opensshKeyType(b: Buffer): string | null {
  const MAGIC = 'openssh-key-v1\0';
  if (b.length < MAGIC.length || b.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  let at = MAGIC.length;
  const str = (): Buffer | null => {
    if (at + 4 > b.length) return null;
    const n = b.readUInt32BE(at);
    if (at + 4 + n > b.length) return null;
    const s = b.subarray(at + 4, at + 4 + n);
    at += 4 + n;
    return s;
  };
  const cipher = str();
  const kdf = str();
  const kdfOptions = str();
  if (!cipher || !kdf || !kdfOptions || at + 4 > b.length) return null;
  const nkeys = b.readUInt32BE(at);
  at += 4;
  if (nkeys < 1 || nkeys > 16) return null;
  let type = '';
  for (let i = 0; i < nkeys; i++) {
    const pub = str();
    if (!pub || pub.length < 4) return null;
    const n = pub.readUInt32BE(0);
    if (i === 0 && 4 + n <= pub.length) type = pub.toString('latin1', 4, 4 + n);
  }
  const priv = str();
  if (!priv || priv.length === 0) return null;
  if (cipher.toString() === 'none') {
    // Unencrypted: the two check integers must agree.
    if (priv.length < 8 || priv.readUInt32BE(0) !== priv.readUInt32BE(4)) return null;
    return type;
  }
  return `${type}, encrypted (${cipher.toString()})`;
}

/** A plain (unencrypted PKCS#1/SEC1/PKCS#8) block parsed by node:crypto, or why not. */
export function keyObjectOf(parts: PemParts): KeyObject | { error: string } {
  // `ECDSA PRIVATE KEY` (Coinbase CDP downloads, some SDKs) armours the same SEC1 structure as `EC PRIVATE KEY`.
  const armour = parts.label === 'ECDSA PRIVATE KEY' ? 'EC PRIVATE KEY' : parts.label;
  const pem = `-----BEGIN ${armour}-----\n${parts.body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${armour}-----\n`;
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    return { error: (e as { code?: string }).code ?? 'error' };
  }
}

export const pemPrivateKey: Validator = ({ match, secret }) => {
  const parts = parsePemBlock(match.includes('-----BEGIN') ? match : secret);
  if (!parts) return { valid: false, reason: 'no complete BEGIN/END PRIVATE KEY block' };
  const der = decodeBody(parts.body);
  if (!der) return { valid: false, reason: 'body is not complete base64' };
  const { label } = parts;
  let result: ValidationResult;
  if (label === 'OPENSSH PRIVATE KEY') {
    const type = opensshKeyType(der);
    result = type === null
      ? { valid: false, reason: 'not a complete openssh-key-v1 container' }
      : { valid: true, reason: 'OpenSSH private key container', keyType: `OpenSSH ${type}`.trim() };
  } else if (label === 'ENCRYPTED PRIVATE KEY') {
    result = isWholeDerSequence(der)
      ? { valid: true, reason: 'encrypted PKCS#8 (cannot decrypt; still sensitive)', keyType: 'encrypted PKCS#8' }
      : { valid: false, reason: 'not a complete DER structure' };
  } else if (parts.headers.some((h) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(h))) {
    // Legacy OpenSSL encryption: ciphertext in whole cipher blocks.
    result = der.length >= 64 && der.length % 8 === 0
      ? { valid: true, reason: 'legacy encrypted PEM (cannot decrypt; still sensitive)', keyType: `${label.replace(/ PRIVATE KEY$/, '')} encrypted` }
      : { valid: false, reason: 'encrypted body is not whole cipher blocks' };
  } else if (label === 'TENDERMINT PRIVATE KEY') {
    // Cosmos SDK `keys export`: bcrypt-derived key, xsalsa20 secretbox (24-byte nonce + ciphertext + 16-byte tag).
    const header = (name: string) => parts.headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
    const kdf = header('kdf');
    result = kdf && der.length >= 24 + 16 + 32
      ? { valid: true, reason: `Cosmos SDK armoured key (${kdf}-encrypted; the passphrase can be brute-forced)`, keyType: `Cosmos ${header('type') ?? 'key'} encrypted` }
      : { valid: false, reason: 'no kdf header or body too short for an encrypted key' };
  } else if (label === 'PGP PRIVATE KEY BLOCK') {
    // First packet: secret key, old format tag 5 (0x94–0x97) or new format (0xc5).
    const t = der[0]!;
    result = (t >= 0x94 && t <= 0x97) || t === 0xc5
      ? { valid: true, reason: 'OpenPGP secret key packet', keyType: 'PGP secret key' }
      : { valid: false, reason: 'first packet is not an OpenPGP secret key' };
  } else {
    const key = keyObjectOf(parts);
    result = 'error' in key
      ? { valid: false, reason: `does not parse as a private key (${key.error})` }
      : { valid: true, reason: 'private key parses', keyType: describeKey(key) };
  }
  return result;
};
