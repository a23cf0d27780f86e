// Each crypto issuer template against a loopback mock that checks the documented signing scheme and
// parameters independently (node:crypto here, not keyhound's own signing helpers).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { allFiles, assertSecretFree, finding, json, link, mockServer, randomValue, revokeYaml, rule, runRevoke, perTest } from './helpers.js';

const hmac = (key: string, msg: string) => createHmac('sha256', key).update(msg).digest('hex');

const bybitKey = rule({ id: 'bybit-api-key', provider: 'bybit', revoker: 'bybit', pair: { id: 'bybit', part: 'key' } });
const bybitSecret = rule({ id: 'bybit-api-secret', provider: 'bybit', revoker: 'bybit', pair: { id: 'bybit', part: 'secret' } });
const binanceKey = rule({ id: 'binance-api-key', provider: 'binance', revoker: 'binance', pair: { id: 'binance', part: 'key' } });
const binanceSecret = rule({ id: 'binance-api-secret', provider: 'binance', revoker: 'binance', pair: { id: 'binance', part: 'secret' } });
const alchemy = rule({ id: 'alchemy-api-key-url', provider: 'alchemy', revoker: 'alchemy' });

describe('crypto issuer templates', () => {
  const ctx = perTest();

  describe('bybit (POST /v5/user/delete-api, signed by the leaked key itself)', () => {
    it('signs timestamp + apiKey + recvWindow + body with the leaked secret', async () => {
      const key = randomValue(18);
      const secret = randomValue(36);
      const problems: string[] = [];
      ctx.mock = await mockServer((req, res) => {
        const h = req.headers;
        const ts = String(h['x-bapi-timestamp']);
        if (req.method !== 'POST') problems.push(`method ${req.method}`);
        if (req.url !== '/v5/user/delete-api') problems.push(`path ${req.url}`);
        if (h['x-bapi-api-key'] !== key) problems.push('api key header');
        if (h['x-bapi-recv-window'] !== '5000') problems.push('recv window');
        if (!/^\d{13}$/.test(ts) || Math.abs(Number(ts) - Date.now()) > 5000) problems.push('timestamp');
        if (h['x-bapi-sign'] !== hmac(secret, ts + key + '5000' + req.body)) problems.push('signature');
        if (!String(h['content-type']).startsWith('application/json')) problems.push('content type');
        if (req.body !== '{}') problems.push('body');
        json(res, 200, problems.length ? { retCode: 10004, retMsg: 'error sign!' } : { retCode: 0, retMsg: '', result: {}, retExtInfo: {}, time: Date.now() });
      }, 3);
      const k = finding(bybitKey, key, { file: '.env', line: 1 });
      const s = finding(bybitSecret, secret, { file: '.env', line: 2 });
      link(k, s);
      const cfg = revokeYaml(ctx.t, `issuers:\n  bybit:\n    baseUrl: ${ctx.mock.url}\n`);
      const r = await runRevoke([k, s], [bybitKey, bybitSecret], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg });
      assert.deepEqual(problems, []);
      assert.equal(ctx.mock.requests.length, 1);
      assert.equal(r.results.length, 1, 'the secret rides along with its key');
      assert.equal(r.results[0]!.outcome, 'revoked');
      const state = JSON.parse(allFiles(ctx.t.dir).find((f) => f.path.endsWith('revoke-state.json'))!.text) as { revoked: Record<string, unknown> };
      assert.deepEqual(Object.keys(state.revoked).sort(), [k.fingerprint, s.fingerprint].sort());
      assertSecretFree([{ name: 'output', text: r.out }, ...allFiles(ctx.t.dir).map((f) => ({ name: f.path, text: f.text }))], [key, secret]);
    });

    it('sub-account keys use /v5/user/delete-sub-api; retCode 10006 is retried, 10003 means already gone', async () => {
      ctx.mock = await mockServer((req, res, n) => {
        assert.equal(req.url, '/v5/user/delete-sub-api');
        if (n === 1) return json(res, 200, { retCode: 10006, retMsg: 'Too many visits!' }, { 'x-bapi-limit-status': '0', 'x-bapi-limit-reset-timestamp': String(Date.now() + 50) });
        return json(res, 200, { retCode: 10003, retMsg: 'API key is invalid.' });
      }, 3);
      const k = finding(bybitKey, randomValue(18));
      const s = finding(bybitSecret, randomValue(36));
      link(k, s);
      const cfg = revokeYaml(ctx.t, `issuers:\n  bybit:\n    baseUrl: ${ctx.mock.url}\n    account: sub\n`);
      const r = await runRevoke([k, s], [bybitKey, bybitSecret], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg });
      assert.equal(ctx.mock.requests.length, 2);
      assert.equal(r.results[0]!.outcome, 'already-revoked');
    });

    it('a key without its secret, or a secret without its key, is skipped and nothing is sent', async () => {
      ctx.mock = await mockServer((_req, res) => json(res, 200, { retCode: 0 }), 1);
      const cfg = revokeYaml(ctx.t, `issuers:\n  bybit:\n    baseUrl: ${ctx.mock.url}\n`);
      const r = await runRevoke([finding(bybitKey, randomValue(18), { line: 1 }), finding(bybitSecret, randomValue(36), { line: 40 })], [bybitKey, bybitSecret], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg });
      assert.equal(ctx.mock.requests.length, 0);
      assert.deepEqual(r.results.map((x) => x.outcome), ['skipped', 'skipped']);
      assert.match(r.out, /secret was not found next to it/);
      assert.match(r.out, /key was not found next to it/);
    });
  });

  describe('binance (DELETE /sapi/v1/sub-account/subAccountApi, master key from the environment)', () => {
    const env = () => ({ BINANCE_MASTER_API_KEY: randomValue(64), BINANCE_MASTER_API_SECRET: randomValue(64), BINANCE_SUB_ACCOUNT_EMAIL: 'bot@sub.example' });

    it('signs the query string with the master secret; X-MBX-APIKEY carries the master key', async () => {
      const e = env();
      const leaked = randomValue(64);
      const leakedSecret = randomValue(64);
      const problems: string[] = [];
      ctx.mock = await mockServer((req, res, n) => {
        if (n === 1) return json(res, 429, { code: -1003, msg: 'Too many requests' }, { 'retry-after': '0' });
        const url = new URL(req.url, 'http://x');
        const raw = req.url.slice(req.url.indexOf('?') + 1);
        const unsigned = raw.slice(0, raw.lastIndexOf('&signature='));
        const p = url.searchParams;
        if (req.method !== 'DELETE') problems.push(`method ${req.method}`);
        if (url.pathname !== '/sapi/v1/sub-account/subAccountApi') problems.push(`path ${url.pathname}`);
        if (req.headers['x-mbx-apikey'] !== e.BINANCE_MASTER_API_KEY) problems.push('X-MBX-APIKEY');
        if (p.get('email') !== 'bot@sub.example') problems.push('email');
        if (p.get('subAccountApiKey') !== leaked) problems.push('subAccountApiKey');
        if (p.get('recvWindow') !== '5000') problems.push('recvWindow');
        if (Math.abs(Number(p.get('timestamp')) - Date.now()) > 5000) problems.push('timestamp');
        if (p.get('signature') !== hmac(e.BINANCE_MASTER_API_SECRET, unsigned)) problems.push('signature');
        if (req.body !== '') problems.push('body');
        if (problems.length) return json(res, 400, { code: -1022, msg: 'Signature for this request is not valid.' });
        json(res, 200, {});
      }, 4);
      const k = finding(binanceKey, leaked, { line: 1 });
      const s = finding(binanceSecret, leakedSecret, { line: 2 });
      link(k, s);
      const cfg = revokeYaml(ctx.t, `issuers:\n  binance:\n    baseUrl: ${ctx.mock.url}\n`);
      const r = await runRevoke([k, s], [binanceKey, binanceSecret], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg }, e);
      assert.deepEqual(problems, []);
      assert.equal(ctx.mock.requests.length, 2);
      assert.equal(r.results.length, 1);
      assert.equal(r.results[0]!.outcome, 'revoked');
      assertSecretFree(
        [{ name: 'output', text: r.out }, ...allFiles(ctx.t.dir).map((f) => ({ name: f.path, text: f.text }))],
        [leaked, leakedSecret, e.BINANCE_MASTER_API_KEY, e.BINANCE_MASTER_API_SECRET],
      );
    });

    it('without master credentials nothing is sent and the plan says what is missing', async () => {
      ctx.mock = await mockServer((_req, res) => json(res, 200, {}), 1);
      const cfg = revokeYaml(ctx.t, `issuers:\n  binance:\n    baseUrl: ${ctx.mock.url}\n`);
      const r = await runRevoke([finding(binanceKey, randomValue(64))], [binanceKey], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg }, { BINANCE_SUB_ACCOUNT_EMAIL: 'a@b.c' });
      assert.equal(ctx.mock.requests.length, 0);
      assert.equal(r.results[0]!.outcome, 'skipped');
      assert.match(r.results[0]!.reason!, /BINANCE_MASTER_API_KEY and BINANCE_MASTER_API_SECRET/);
    });

    it('an API error is a failure with its code, scrubbed of every credential', async () => {
      const e = env();
      const leaked = randomValue(64);
      ctx.mock = await mockServer((_req, res) => json(res, 400, { code: -2015, msg: `Invalid API-key ${leaked}, IP, or permissions for action.` }), 2);
      const cfg = revokeYaml(ctx.t, `issuers:\n  binance:\n    baseUrl: ${ctx.mock.url}\n`);
      const r = await runRevoke([finding(binanceKey, leaked)], [binanceKey], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg }, e);
      assert.equal(ctx.mock.requests.length, 1);
      assert.equal(r.results[0]!.outcome, 'failed');
      assert.match(r.results[0]!.reason!, /code -2015/);
      assertSecretFree([{ name: 'output', text: r.out }, ...allFiles(ctx.t.dir).map((f) => ({ name: f.path, text: f.text }))], [leaked]);
    });
  });

  describe('alchemy (Admin API: list apps, delete the app holding the key)', () => {
    it('finds the app across pages and deletes it with the admin bearer token', async () => {
      const token = 'alch-admin-' + randomValue(20);
      const leaked = randomValue(32);
      const problems: string[] = [];
      ctx.mock = await mockServer((req, res) => {
        if (req.headers.authorization !== `Bearer ${token}`) problems.push('authorization');
        const url = new URL(req.url, 'http://x');
        if (req.method === 'GET' && url.pathname === '/v1/apps') {
          if (url.searchParams.get('limit') !== '25') problems.push('limit');
          if (!url.searchParams.get('cursor')) return json(res, 200, { data: { apps: [{ id: 'app-one', apiKey: randomValue(32) }], cursor: 'page-2' } });
          return json(res, 200, { data: { apps: [{ id: 'app-two', name: 'leaky', apiKey: leaked }] } });
        }
        if (req.method === 'DELETE' && url.pathname === '/v1/apps/app-two') return json(res, 200, {});
        problems.push(`${req.method} ${url.pathname}`);
        json(res, 404, {});
      }, 5);
      const cfg = revokeYaml(ctx.t, `issuers:\n  alchemy:\n    baseUrl: ${ctx.mock.url}\n`);
      const r = await runRevoke([finding(alchemy, leaked)], [alchemy], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg }, { ALCHEMY_ADMIN_ACCESS_KEY: token });
      assert.deepEqual(problems, []);
      assert.deepEqual(ctx.mock.requests.map((q) => q.method), ['GET', 'GET', 'DELETE']);
      assert.equal(r.results[0]!.outcome, 'revoked');
      assert.match(r.results[0]!.reason!, /app-two/);
      assertSecretFree([{ name: 'output', text: r.out }, ...allFiles(ctx.t.dir).map((f) => ({ name: f.path, text: f.text }))], [leaked, token]);
    });

    it('a key no app uses fails; a 404 on delete means already gone; no token = skipped', async () => {
      const token = 'alch-admin-' + randomValue(20);
      const [a, b] = [randomValue(32), randomValue(32)];
      ctx.mock = await mockServer((req, res) => {
        if (req.method === 'GET') return json(res, 200, { data: { apps: [{ id: 'gone', apiKey: b }] } });
        json(res, 404, { message: 'App not found' });
      }, 5);
      const cfg = revokeYaml(ctx.t, `issuers:\n  alchemy:\n    baseUrl: ${ctx.mock.url}\n`);
      const r = await runRevoke([finding(alchemy, a), finding(alchemy, b)], [alchemy], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg }, { ALCHEMY_ADMIN_ACCESS_KEY: token });
      const by = new Map(r.results.map((x) => [x.target.secret, x.outcome]));
      assert.equal(by.get(a), 'failed');
      assert.equal(by.get(b), 'already-revoked');
      assert.equal(ctx.mock.requests.filter((q) => q.method === 'GET').length, 1, 'apps listed once per run');
      const none = await runRevoke([finding(alchemy, randomValue(32))], [alchemy], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg });
      assert.equal(none.results[0]!.outcome, 'skipped');
      assert.match(none.results[0]!.reason!, /ALCHEMY_ADMIN_ACCESS_KEY/);
    });
  });
});
