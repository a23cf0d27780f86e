// Funds at risk: addresses derived with @scure/@noble (checked against BIP49/BIP84 vectors), balances
// asked only of the RPC endpoints the user configured (JSON-RPC and Esplora mocks on loopback).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58 } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { evmAddress } from '../../src/validators/secp256k1-keys.js';
import { formatUnits } from '../../src/verify/funds/balances.js';
import { wifAddresses, xprvAddresses } from '../../src/verify/funds/addresses.js';
import { finding, json, mockServer, perTest, rule } from '../revoke/helpers.js';
import { assertNoSecrets, runVerify } from './helpers.js';

const b58c = createBase58check(sha256);
// the BIP39 test mnemonic (public), so derived vectors can be compared with the BIPs
const TEST_MNEMONIC = ['abandon', 'abandon', 'abandon', 'abandon', 'abandon', 'abandon', 'abandon', 'abandon', 'abandon', 'abandon', 'abandon', 'about'].join(' ');

function freshKey(): Uint8Array {
  return secp256k1.utils.randomSecretKey();
}

function wifOf(key: Uint8Array, compressed: boolean, testnet = false): string {
  return b58c.encode(new Uint8Array([testnet ? 0xef : 0x80, ...key, ...(compressed ? [1] : [])]));
}

const evmRule = rule({ id: 'evm-private-key', provider: 'ethereum', validate: 'evm-private-key', tags: ['wallet'] });
const solRule = rule({ id: 'solana-keypair-base58', provider: 'solana', validate: 'solana-keypair', tags: ['wallet'] });
const wifRule = rule({ id: 'bitcoin-wif-private-key', provider: 'bitcoin', validate: 'wif', tags: ['wallet'] });
const xprvRule = rule({ id: 'bip32-extended-private-key', provider: 'bitcoin', validate: 'bip32-xprv', tags: ['wallet'] });

describe('address derivation', () => {
  it('an xprv derives the BIP84 and BIP44/49 first receive addresses (BIP84 test vector)', () => {
    const root = HDKey.fromMasterSeed(mnemonicToSeedSync(TEST_MNEMONIC));
    const addrs = xprvAddresses(root.privateExtendedKey);
    assert.ok(addrs.some((a) => a.address === 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu' && a.path === "84'/0'/0'/0/0"), 'BIP84 m/84h/0h/0h/0/0');
    assert.equal(addrs.length, 3 * 4);
    assert.ok(addrs.every((a) => a.family === 'bitcoin'));
  });

  it('a tprv derives BIP49 testnet addresses (BIP49 test vector)', () => {
    const root = HDKey.fromMasterSeed(mnemonicToSeedSync(TEST_MNEMONIC), { private: 0x04358394, public: 0x043587cf });
    const addrs = xprvAddresses(root.privateExtendedKey);
    assert.ok(addrs.some((a) => a.address === '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2'), "BIP49 m/49'/1'/0'/0/0");
    assert.ok(addrs.every((a) => a.family === 'bitcoin-testnet'));
  });

  it('an account-level zprv derives its own receive chain as P2WPKH', () => {
    const root = HDKey.fromMasterSeed(mnemonicToSeedSync(TEST_MNEMONIC));
    const account = root.derive("m/84'/0'/0'");
    const zprv = b58c.encode(new Uint8Array([0x04, 0xb2, 0x43, 0x0c, ...b58c.decode(account.privateExtendedKey).slice(4)]));
    const addrs = xprvAddresses(zprv);
    assert.equal(addrs[0]!.address, 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
    assert.equal(addrs.length, 4);
  });

  it('a compressed WIF gives P2PKH, P2SH-P2WPKH and P2WPKH; an uncompressed one P2PKH only', () => {
    const key = freshKey();
    const c = wifAddresses(wifOf(key, true));
    assert.deepEqual(c.map((a) => a.path), ['p2pkh', 'p2sh-p2wpkh', 'p2wpkh']);
    assert.match(c[0]!.address, /^1/);
    assert.match(c[1]!.address, /^3/);
    assert.match(c[2]!.address, /^bc1q/);
    const u = wifAddresses(wifOf(key, false));
    assert.equal(u.length, 1);
    assert.notEqual(u[0]!.address, c[0]!.address);
    assert.match(wifAddresses(wifOf(key, true, true))[2]!.address, /^tb1q/);
  });

  it('formats whole units exactly', () => {
    assert.equal(formatUnits(1_500_000_000_000_000_000n, 18), '1.5');
    assert.equal(formatUnits(0n, 18), '0');
    assert.equal(formatUnits(1n, 9), '0.000000001');
    assert.equal(formatUnits(2_100_000_000_000_000n, 8), '21000000');
  });
});

describe('wallet funds against the configured RPC endpoints only', () => {
  const ctx = perTest();

  it('EVM: eth_getBalance and eth_getTransactionCount on every configured EVM chain', async () => {
    const key = freshKey();
    const hex = Buffer.from(key).toString('hex');
    const address = evmAddress(key);
    ctx.mock = await mockServer((req, res) => {
      const body = JSON.parse(req.body) as { method: string; params: unknown[]; id: number };
      assert.equal(req.url.split('?')[0], req.url.includes('/poly') ? '/poly' : '/eth/rpc-key');
      assert.deepEqual(body.params, [address, 'latest']);
      const result = body.method === 'eth_getBalance' ? (req.url.includes('/poly') ? '0x0' : '0x14d1120d7b160000') : body.method === 'eth_getTransactionCount' ? '0x3' : undefined;
      json(res, 200, result === undefined ? { jsonrpc: '2.0', id: body.id, error: { code: -32601, message: 'no' } } : { jsonrpc: '2.0', id: body.id, result });
    }, 8);
    const f = finding(evmRule, hex, { address });
    ctx.t.write('verify.yaml', `rpc:\n  polygon: ${ctx.mock.url}/poly\n`);
    const run = await runVerify([f], [evmRule], ctx.t.dir, {}, { verifyConfig: `${ctx.t.dir}/verify.yaml`, rpc: [`ethereum=${ctx.mock.url}/eth/rpc-key`] });
    assert.deepEqual(f.funds, [
      { chain: 'ethereum', address, balance: '1.5', unit: 'ETH', txCount: 3 },
      { chain: 'polygon', address, balance: '0', unit: 'POL', txCount: 3 },
    ]);
    assert.equal(ctx.mock.requests.length, 4);
    assert.equal(run.walletsWithFunds, 1);
    assertNoSecrets([{ name: 'requests', text: ctx.mock.requests.map((r) => r.url + r.body).join('\n') }, { name: 'funds', text: JSON.stringify(f.funds) }], [hex]);
  });

  it('Solana: getBalance (lamports) and the signature count', async () => {
    const seed = ed25519.utils.randomSecretKey();
    const pub = ed25519.getPublicKey(seed);
    const secret = base58.encode(new Uint8Array([...seed, ...pub]));
    const address = base58.encode(pub);
    ctx.mock = await mockServer((req, res) => {
      const body = JSON.parse(req.body) as { method: string; params: unknown[]; id: number };
      assert.equal(body.params[0], address);
      if (body.method === 'getBalance') return json(res, 200, { jsonrpc: '2.0', id: body.id, result: { context: { slot: 1 }, value: 2_500_000_000 } });
      if (body.method === 'getSignaturesForAddress') return json(res, 200, { jsonrpc: '2.0', id: body.id, result: [{ signature: 'a' }, { signature: 'b' }] });
      json(res, 200, { jsonrpc: '2.0', id: body.id, error: { code: -32601 } });
    }, 4);
    const f = finding(solRule, secret, { address });
    await runVerify([f], [solRule], ctx.t.dir, {}, { rpc: [`solana=${ctx.mock.url}`] });
    assert.deepEqual(f.funds, [{ chain: 'solana', address, balance: '2.5', unit: 'SOL', txCount: 2 }]);
  });

  it('Bitcoin WIF and xprv: Esplora /address/:addr, balance = funded − spent over chain and mempool', async () => {
    const key = freshKey();
    const wif = wifOf(key, true);
    const addrs = wifAddresses(wif);
    const funded = addrs[2]!.address;
    const stats = (f: number, s: number, n: number) => ({ funded_txo_count: n, funded_txo_sum: f, spent_txo_count: 0, spent_txo_sum: s, tx_count: n });
    ctx.mock = await mockServer((req, res) => {
      const addr = decodeURIComponent(req.url.replace(/^\/api\/address\//, ''));
      if (addr === funded) return json(res, 200, { address: addr, chain_stats: stats(150_000_000, 50_000_000, 2), mempool_stats: stats(1000, 0, 1) });
      json(res, 200, { address: addr, chain_stats: stats(0, 0, 0), mempool_stats: stats(0, 0, 0) });
    }, 30);
    const f = finding(wifRule, wif);
    const x = finding(xprvRule, HDKey.fromMasterSeed(mnemonicToSeedSync(TEST_MNEMONIC)).privateExtendedKey);
    await runVerify([f, x], [wifRule, xprvRule], ctx.t.dir, {}, { rpc: [`bitcoin=${ctx.mock.url}/api`] });
    assert.deepEqual(f.funds, [{ chain: 'bitcoin', address: funded, balance: '1.00001', unit: 'BTC', txCount: 3 }]);
    assert.equal(x.funds?.length, 1, 'an empty wallet shows its first address, checked');
    assert.equal(x.funds![0]!.balance, '0');
    assert.equal(ctx.mock.requests.length, 3 + 12);
  });

  it('without a configured endpoint no address leaves the machine, and the user is told', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 500, {}), 1);
    const key = freshKey();
    const f = finding(evmRule, Buffer.from(key).toString('hex'), { address: evmAddress(key) });
    const run = await runVerify([f], [evmRule], ctx.t.dir, { KEYHOUND_ETHEREUM_API_URL: ctx.mock.url, ETH_RPC_URL: ctx.mock.url });
    assert.equal(f.funds, undefined);
    assert.equal(ctx.mock.requests.length, 0);
    assert.ok(run.warned.some((w) => /no RPC endpoint configured/.test(w)));
  });

  it('refuses http:// RPC endpoints other than literal loopback addresses', async () => {
    const f = finding(evmRule, Buffer.from(freshKey()).toString('hex'));
    await assert.rejects(runVerify([f], [evmRule], ctx.t.dir, {}, { rpc: ['ethereum=http://localhost:8545'] }), /http only to a loopback address/);
    await assert.rejects(runVerify([f], [evmRule], ctx.t.dir, {}, { rpc: ['ethereum=http://rpc.example.org/'] }), /https/);
  });
});
