// Addresses a wallet secret controls, derived with @noble/@scure libraries: EVM (the address the
// validator reported), Solana (the keypair's public key), Bitcoin WIF (P2PKH, P2SH-P2WPKH, P2WPKH) and
// extended private keys (first addresses of the BIP44/49/84 accounts, or of the account a depth-3 key is).
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import { NETWORK, TEST_NETWORK, p2pkh, p2sh, p2wpkh } from '@scure/btc-signer';
import { base58 } from '@scure/base';
import type { Finding } from '../../core/finding.js';
import { decodeBase58check } from '../../validators/base58check.js';
import { privateVersion } from '../../validators/bip32-versions.js';
import { evmAddress } from '../../validators/secp256k1-keys.js';
import { solanaKeypair } from '../../validators/solana-keypair.js';

export type ChainFamily = 'evm' | 'solana' | 'bitcoin' | 'bitcoin-testnet';

export interface WalletAddress {
  family: ChainFamily;
  address: string;
  /** Script type or derivation path, for messages. */
  path?: string;
}

type Net = typeof NETWORK;
type Script = 'p2pkh' | 'p2sh-p2wpkh' | 'p2wpkh';

function scriptAddress(pub: Uint8Array, script: Script, net: Net): string {
  if (script === 'p2pkh') return p2pkh(pub, net).address!;
  if (script === 'p2wpkh') return p2wpkh(pub, net).address!;
  return p2sh(p2wpkh(pub, net), net).address!;
}

/** WIF: every standard single-key script (segwit only for compressed keys). */
export function wifAddresses(wif: string): WalletAddress[] {
  const data = decodeBase58check(wif.trim());
  if (!data || (data[0] !== 0x80 && data[0] !== 0xef)) return [];
  const compressed = data.length === 34 && data[33] === 0x01;
  if (!compressed && data.length !== 33) return [];
  const testnet = data[0] === 0xef;
  const net = testnet ? TEST_NETWORK : NETWORK;
  const family: ChainFamily = testnet ? 'bitcoin-testnet' : 'bitcoin';
  const key = data.subarray(1, 33);
  const pub = secp256k1.getPublicKey(key, compressed);
  const scripts: Script[] = compressed ? ['p2pkh', 'p2sh-p2wpkh', 'p2wpkh'] : ['p2pkh'];
  return scripts.map((s) => ({ family, address: scriptAddress(pub, s, net), path: s }));
}

const PURPOSE: Record<Script, number> = { p2pkh: 44, 'p2sh-p2wpkh': 49, p2wpkh: 84 };
/** Script types an extended key's version implies (SLIP-132); xprv/tprv may be any of them. */
const SCRIPTS_BY_VERSION: Record<string, Script[]> = {
  xprv: ['p2pkh', 'p2sh-p2wpkh', 'p2wpkh'],
  tprv: ['p2pkh', 'p2sh-p2wpkh', 'p2wpkh'],
  yprv: ['p2sh-p2wpkh'],
  uprv: ['p2sh-p2wpkh'],
  zprv: ['p2wpkh'],
  vprv: ['p2wpkh'],
};

/** Receive addresses 0/0…0/(n-1) and change 1/0 of each account. */
export const RECEIVE_ADDRESSES = 3;

/**
 * Extended private keys: a master key (depth 0) derives m/44'|49'|84'/coin'/0'/0/i; an account key
 * (depth 3) derives 0/i and 1/0 itself; other depths are taken as account keys too. Multisig
 * versions (Yprv, Zprv …) and other coins are skipped.
 */
export function xprvAddresses(xprv: string): WalletAddress[] {
  const data = decodeBase58check(xprv.trim());
  if (!data || data.length !== 78) return [];
  const v = privateVersion(new DataView(data.buffer, data.byteOffset).getUint32(0));
  const scripts = v && SCRIPTS_BY_VERSION[v.name];
  if (!v || !scripts) return [];
  const testnet = ['tprv', 'uprv', 'vprv'].includes(v.name);
  const net = testnet ? TEST_NETWORK : NETWORK;
  const family: ChainFamily = testnet ? 'bitcoin-testnet' : 'bitcoin';
  let root: HDKey;
  try {
    root = HDKey.fromExtendedKey(xprv.trim(), { private: v.version, public: v.publicVersion });
  } catch {
    return [];
  }
  const out: WalletAddress[] = [];
  for (const script of scripts) {
    const account = root.depth === 0 ? `m/${PURPOSE[script]}'/${testnet ? 1 : 0}'/0'` : 'm';
    const paths = [...Array.from({ length: RECEIVE_ADDRESSES }, (_, i) => `0/${i}`), '1/0'];
    for (const p of paths) {
      const child = root.derive(`${account}/${p}`);
      if (!child.publicKey) continue;
      out.push({ family, address: scriptAddress(child.publicKey, script, net), path: `${account === 'm' ? '' : account.slice(1)}/${p}`.replace(/^\//, '') });
    }
  }
  return out;
}

/** The addresses a wallet finding controls, by its rule's validator; [] for other findings. */
export function walletAddresses(f: Finding, validate: string | undefined): WalletAddress[] {
  switch (validate) {
    case 'evm-private-key': {
      if (f.address) return [{ family: 'evm', address: f.address }];
      const hex = f.secret.trim().replace(/^0x/i, '');
      if (!/^[0-9a-fA-F]{64}$/.test(hex)) return [];
      try {
        return [{ family: 'evm', address: evmAddress(Buffer.from(hex, 'hex')) }];
      } catch {
        return [];
      }
    }
    case 'solana-keypair': {
      const addr = f.address ?? solanaKeypair({ secret: f.secret, match: f.secret, text: () => f.secret, index: () => 0 }).address;
      return addr && base58.decode(addr).length === 32 ? [{ family: 'solana', address: addr }] : [];
    }
    case 'wif':
      return wifAddresses(f.secret);
    case 'bip32-xprv':
      return xprvAddresses(f.secret);
    default:
      return [];
  }
}
