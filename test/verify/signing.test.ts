// Exchange signing functions against the test vectors their issuers document (recomputed by hand in
// the project reference), and JWTs checked with an independent verifier.
import assert from 'node:assert/strict';
import { generateKeyPairSync, verify as cryptoVerify } from 'node:crypto';
import { describe, it } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base64, base64urlnopad } from '@scure/base';
import {
  binanceSign,
  bitfinexSign,
  bybitSign,
  coinbaseJwt,
  gateSign,
  geminiSign,
  htxSignedQuery,
  htxTimestamp,
  krakenSign,
  kucoinPassphrase,
  prehashSign,
} from '../../src/net/signing.js';

describe('documented signing vectors', () => {
  it('Binance HMAC-SHA256 of the query string (spot API docs example)', () => {
    const secret = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
    const q = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    assert.equal(binanceSign(secret, q), 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
  });

  it('MEXC (the Binance scheme) against its corrected docs example', () => {
    const q = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=11&recvWindow=5000&timestamp=1644489390087';
    assert.equal(binanceSign('45d0b3c26f2644f19bfb98b07741b2f5', q), 'fd3e4e8543c5188531eb7279d68ae7d26a573d0fc5ab0d18eb692451654d837a');
  });

  it('KuCoin prehash timestamp + METHOD + path + body (docs example)', () => {
    const sig = prehashSign('f03a5284-5c39-4aaa-9b20-dea10bdcf8e3', '1547015186532', 'POST', '/api/v1/deposit-addresses', '{"currency":"BTC"}');
    assert.equal(sig, '7QP/oM0ykidMdrfNEUmng8eZjg/ZvPafjIqmxiVfYu4=');
  });

  it('Kraken HMAC-SHA512 of path + SHA256(nonce + postdata) (docs example)', () => {
    const secret = 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==';
    const data = 'nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25';
    assert.equal(
      krakenSign(secret, '/0/private/AddOrder', '1616492376594', data),
      '4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==',
    );
  });

  it('Gate v4 HMAC-SHA512 with the hashed body (docs example)', () => {
    const sig = gateSign('secret', 'GET', '/api/v4/futures/orders', 'contract=BTC_USD&status=finished&limit=50', '', '1541993715');
    assert.equal(
      sig,
      '55f84ea195d6fe57ce62464daaa7c3c02fa9d1dde954e4c898289c9a2407a3d6fb3faf24deff16790d726b66ac9f74526668b13bd01029199cc4fcc522418b8a',
    );
  });
});

describe('signing schemes without a published vector (checked against their definitions)', () => {
  it('Bybit signs timestamp + key + recvWindow + payload', () => {
    // same bytes, same HMAC: a change of order or separator changes the value
    assert.equal(bybitSign('s', '1', 'k', '5000', 'a=1'), bybitSign('s', '1k5000', '', '', 'a=1'));
    assert.notEqual(bybitSign('s', '1', 'k', '5000', 'a=1'), bybitSign('s', 'k', '1', '5000', 'a=1'));
    assert.match(bybitSign('s', '1', 'k', '5000', ''), /^[0-9a-f]{64}$/);
  });

  it('KuCoin passphrase is the HMAC of the passphrase', () => {
    assert.match(kucoinPassphrase('secret', 'pass'), /^[A-Za-z0-9+/]{43}=$/);
  });

  it('Bitfinex prefixes /api to the path and signs path + nonce + body with SHA-384', () => {
    assert.match(bitfinexSign('s', '/v2/auth/r/permissions', '1', '{}'), /^[0-9a-f]{96}$/);
  });

  it('Gemini payload is base64 JSON of request and nonce', () => {
    const { payload, signature } = geminiSign('s', '/v1/roles', '123');
    assert.deepEqual(JSON.parse(Buffer.from(payload, 'base64').toString()), { request: '/v1/roles', nonce: '123' });
    assert.match(signature, /^[0-9a-f]{96}$/);
  });

  it('HTX sorts and percent-encodes the parameters and appends the signature', () => {
    const q = htxSignedQuery('s', 'GET', 'API.huobi.pro', '/v2/user/uid', {
      Timestamp: '2017-05-11T15:19:30',
      SignatureVersion: '2',
      AccessKeyId: 'e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx',
      SignatureMethod: 'HmacSHA256',
    });
    assert.match(q, /^AccessKeyId=e2xxxxxx-99xxxxxx-84xxxxxx-7xxxx&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2017-05-11T15%3A19%3A30&Signature=[A-Za-z0-9%]+$/);
    assert.equal(htxTimestamp(Date.UTC(2017, 4, 11, 15, 19, 30, 123)), '2017-05-11T15:19:30');
  });

  it('Coinbase CDP JWT with a P-256 PEM key verifies as ES256 with the documented claims', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    const name = 'organizations/0f0f/apiKeys/1a1a';
    // found inside JSON: literal \n escapes
    const jwt = coinbaseJwt({ keyName: name, privateKey: pem.replace(/\n/g, '\\n'), uri: 'GET api.coinbase.com/api/v3/brokerage/key_permissions', nowSeconds: 1700000000 });
    const [h, c, s] = jwt.split('.');
    const header = JSON.parse(Buffer.from(base64urlnopad.decode(h!)).toString());
    const claims = JSON.parse(Buffer.from(base64urlnopad.decode(c!)).toString());
    assert.equal(header.alg, 'ES256');
    assert.equal(header.kid, name);
    assert.equal(header.typ, 'JWT');
    assert.match(header.nonce, /^[0-9a-f]{32}$/);
    assert.deepEqual(claims, { sub: name, iss: 'cdp', nbf: 1700000000, exp: 1700000120, uri: 'GET api.coinbase.com/api/v3/brokerage/key_permissions' });
    assert.ok(cryptoVerify('sha256', Buffer.from(`${h}.${c}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(base64urlnopad.decode(s!))));
  });

  it('Coinbase CDP JWT with an Ed25519 key verifies as EdDSA', () => {
    const seed = ed25519.utils.randomSecretKey();
    const pub = ed25519.getPublicKey(seed);
    const secret = base64.encode(new Uint8Array([...seed, ...pub]));
    const jwt = coinbaseJwt({ keyName: 'b7a1c3e0-0000-4000-8000-000000000001', privateKey: secret, uri: 'GET x/y' });
    const [h, c, s] = jwt.split('.');
    assert.equal(JSON.parse(Buffer.from(base64urlnopad.decode(h!)).toString()).alg, 'EdDSA');
    assert.ok(ed25519.verify(base64urlnopad.decode(s!), new TextEncoder().encode(`${h}.${c}`), pub));
  });
});
