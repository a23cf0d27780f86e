// Ethereum keystore v3 (Web3 Secret Storage): encrypted, but the password can be brute-forced offline.
import type { Validator } from '../core/validator.js';
import { locateObject } from './json-enclosing.js';
import { toChecksumAddress } from './secp256k1-keys.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isHex = (v: unknown, min = 2): boolean =>
  typeof v === 'string' && v.replace(/^0x/i, '').length >= min && /^[0-9a-f]+$/i.test(v.replace(/^0x/i, ''));
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0;

const cryptoOf = (o: Obj): unknown => o.crypto ?? o.Crypto;

/** Why a parsed object is not a v3 keystore, or null when it is one. */
export function keystoreProblem(o: Obj): string | null {
  if (Number(o.version) !== 3) return 'version is not 3';
  const c = cryptoOf(o);
  if (!isObj(c)) return 'no crypto object';
  if (typeof c.cipher !== 'string' || c.cipher.length === 0) return 'no cipher';
  if (!isHex(c.ciphertext, 32)) return 'ciphertext is not hex';
  if (!isObj(c.cipherparams) || !isHex(c.cipherparams.iv, 16)) return 'cipherparams.iv is not hex';
  const p = c.kdfparams;
  if (!isObj(p)) return 'no kdfparams';
  if (!isHex(p.salt, 16) || !isNum(p.dklen)) return 'kdfparams lack salt or dklen';
  if (c.kdf === 'scrypt') {
    if (!isNum(p.n) || !isNum(p.r) || !isNum(p.p)) return 'scrypt kdfparams lack n, r or p';
  } else if (c.kdf === 'pbkdf2') {
    if (!isNum(p.c)) return 'pbkdf2 kdfparams lack c';
  } else {
    return 'kdf is neither scrypt nor pbkdf2';
  }
  if (!isHex(c.mac, 32)) return 'mac is not hex';
  return null;
}

const looksLikeKeystore = (o: Obj): boolean => isObj(cryptoOf(o)) && 'version' in o;

export const ethKeystore: Validator = (input) => {
  const text = input.text();
  const secret = input.secret.toLowerCase();
  const holdsSecret = (o: Obj) => {
    const c = cryptoOf(o);
    return isObj(c) && typeof c.ciphertext === 'string' && c.ciphertext.toLowerCase().replace(/^0x/, '') === secret.replace(/^0x/, '');
  };
  const ks = locateObject(text, input.match, input.index, holdsSecret, looksLikeKeystore);
  if (!ks) return { valid: false, reason: 'no enclosing keystore JSON object' };
  const problem = keystoreProblem(ks);
  if (problem) return { valid: false, reason: problem };
  const c = cryptoOf(ks) as Obj;
  const addr = typeof ks.address === 'string' && /^(0x)?[0-9a-f]{40}$/i.test(ks.address) ? toChecksumAddress(ks.address) : undefined;
  return {
    valid: true,
    reason: `keystore v3 (${String(c.kdf)}, ${String(c.cipher)}): encrypted, password can be brute-forced offline`,
    ...(addr ? { address: addr } : {}),
  };
};
