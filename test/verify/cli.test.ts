// keyhound scan --verify end to end: the CLI against loopback mocks set by the user's environment and
// --rpc; every output grepped for the planted secrets; a hostile .keyhound.yaml makes no request.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { evmAddress } from '../../src/validators/secp256k1-keys.js';
import { githubToken, json, mockServer, perTest, randomValue, runCli } from '../revoke/helpers.js';
import { assertNoSecrets } from './helpers.js';

interface JsonOut {
  findings: { ruleId: string; provider: string; key?: string; verification?: Record<string, unknown>; funds?: Record<string, unknown>[] }[];
  stats: { warnings: string[] };
}

function binanceMock(secret: string, body: object) {
  return mockServer((req, res) => {
    const [signed, sig] = (req.url.split('?')[1] ?? '').split('&signature=');
    if (createHmac('sha256', secret).update(signed ?? '').digest('hex') !== sig) return json(res, 400, { code: -1022, msg: 'Signature for this request is not valid.' });
    json(res, 200, body);
  }, 10);
}

describe('keyhound scan --verify', () => {
  const ctx = perTest();

  it('reports verification and funds in JSON, text and SARIF; --only-live keeps the live ones; no secret in any output', async () => {
    const key = randomValue(64);
    const secret = randomValue(64);
    const pk = secp256k1.utils.randomSecretKey();
    const pkHex = Buffer.from(pk).toString('hex');
    const address = evmAddress(pk);
    const token = await githubToken();
    ctx.t.write('.env', `# binance trading bot\nBINANCE_API_KEY=${key}\nBINANCE_API_SECRET=${secret}\nDEPLOYER_PRIVATE_KEY=0x${pkHex}\n`);
    ctx.t.write('ci.txt', `GITHUB_TOKEN=${token}\n`);
    ctx.mock = await binanceMock(secret, { ipRestrict: false, enableReading: true, enableWithdrawals: true, enableSpotAndMarginTrading: true, enableInternalTransfer: false, permitsUniversalTransfer: false });
    const gh = await mockServer((_req, res) => json(res, 401, { message: 'Bad credentials' }), 10);
    const rpc = await mockServer((req, res) => {
      const b = JSON.parse(req.body) as { id: number; method: string };
      json(res, 200, { jsonrpc: '2.0', id: b.id, result: b.method === 'eth_getBalance' ? '0xde0b6b3a7640000' : '0x0' });
    }, 20);
    try {
      const env = { KEYHOUND_BINANCE_API_URL: ctx.mock.url, GITHUB_API_URL: gh.url };
      const args = (fmt: string, ...more: string[]) => ['scan', ctx.t.dir, '--verify', '--rpc', `ethereum=${rpc.url}/rpc-key`, '--format', fmt, '--fail-on', 'never', ...more];
      const j = await runCli(args('json'), { cwd: ctx.t.dir, env });
      assert.equal(j.code, 0, j.stderr);
      const out = JSON.parse(j.stdout) as JsonOut;
      const by = (id: string) => out.findings.find((f) => f.ruleId === id);
      // a .env's KEY= and SECRET= lines: key-path findings, paired by provider and proximity
      const binance = out.findings.filter((f) => f.provider === 'binance');
      assert.equal(binance.length, 2);
      const v = binance[0]!.verification!;
      assert.equal(v.status, 'live');
      assert.equal(v.canWithdraw, true);
      assert.equal(v.host, `127.0.0.1:${ctx.mock.port}`);
      assert.deepEqual(binance[1]!.verification, v);
      assert.equal(by('github-classic-token')!.verification!.status, 'invalid');
      const evm = out.findings.find((f) => f.funds)!;
      assert.deepEqual(evm.funds, [{ chain: 'ethereum', address, balance: '1', unit: 'ETH', txCount: 0 }]);

      const t = await runCli(args('text'), { cwd: ctx.t.dir, env });
      assert.match(t.stdout, /verified: +live — can withdraw/);
      assert.match(t.stdout, /verified: +revoked or invalid/);
      assert.match(t.stdout, /funds: +1 ETH on ethereum/);
      const s = await runCli(args('sarif'), { cwd: ctx.t.dir, env });
      const sarif = JSON.parse(s.stdout) as { runs: { results: { ruleId: string }[] }[] };
      assert.equal(sarif.runs[0]!.results.filter((r) => r.ruleId.endsWith('.funds-at-risk')).length, 3, 'both Binance parts and the funded wallet');
      const only = await runCli(args('json', '--only-live'), { cwd: ctx.t.dir, env });
      const kept = (JSON.parse(only.stdout) as JsonOut).findings;
      assert.ok(!kept.some((f) => f.provider === 'github'), 'the revoked token is left out');
      assert.equal(kept.filter((f) => f.provider === 'binance').length, 2);
      assert.ok(kept.some((f) => f.funds), 'the wallet with funds stays');
      assert.equal(kept.length, 3);

      assert.equal(ctx.mock.requests.length, 4, 'one Binance check per run (key and secret together)');
      assertNoSecrets(
        [j, t, s, only].flatMap((r, i) => [
          { name: `stdout ${i}`, text: r.stdout },
          { name: `stderr ${i}`, text: r.stderr },
        ]),
        [key, secret, pkHex, token],
      );
    } finally {
      await gh.close();
      await rpc.close();
    }
  });

  it('--only-live, --rpc and --verify-config need --verify', async () => {
    const r = await runCli(['scan', ctx.t.dir, '--only-live'], { cwd: ctx.t.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--only-live only works with --verify/);
  });

  it('a malicious .keyhound.yaml naming verify endpoints makes no request to them', async () => {
    const key = randomValue(64);
    const secret = randomValue(64);
    ctx.mock = await mockServer((_req, res) => json(res, 200, { ipRestrict: false, enableWithdrawals: true }), 10);
    ctx.t.write('.env', `# binance\nBINANCE_API_KEY=${key}\nBINANCE_API_SECRET=${secret}\n`);
    // 1. endpoint settings in the tree's config: refused, nothing sent
    ctx.t.write(
      '.keyhound.yaml',
      `verify:\n  issuers:\n    binance:\n      apiUrl: ${ctx.mock.url}\nrpc:\n  ethereum: ${ctx.mock.url}\nKEYHOUND_BINANCE_API_URL: ${ctx.mock.url}\n`,
    );
    const a = await runCli(['scan', ctx.t.dir, '--verify', '--format', 'json'], { cwd: ctx.t.dir });
    assert.equal(a.code, 2, 'the config is refused');
    assert.equal(ctx.mock.requests.length, 0);

    // 2. a custom rule that labels any value as a GitHub token: its findings go nowhere, even to the user's endpoint
    ctx.t.write(
      '.keyhound.yaml',
      [
        'rules:',
        '  custom:',
        '    - id: exfil-as-github',
        '      title: anything',
        '      provider: github',
        '      severity: error',
        "      keywords: ['leak_me']",
        "      pattern: 'LEAK_ME=([A-Za-z0-9]{40})'",
        '      examples:',
        "        match: ['LEAK_ME={{alnum:40}}']",
        "        nomatch: ['LEAK_ME=short']",
        '',
      ].join('\n'),
    );
    const leaked = randomValue(40);
    ctx.t.write('notes.txt', `LEAK_ME=${leaked}\n`);
    const gh = await mockServer((_req, res) => json(res, 200, {}, { 'x-oauth-scopes': 'repo' }), 10);
    try {
      const b = await runCli(['scan', ctx.t.dir, '--verify', '--format', 'json', '--fail-on', 'never'], {
        cwd: ctx.t.dir,
        env: { GITHUB_API_URL: gh.url, KEYHOUND_BINANCE_API_URL: 'https://127.0.0.1:1' },
      });
      assert.equal(b.code, 0, b.stderr);
      assert.equal(gh.requests.length, 0, 'nothing sent for a rule from the scanned tree');
      const out = JSON.parse(b.stdout) as JsonOut;
      assert.ok(out.findings.some((f) => f.ruleId === 'exfil-as-github' && !f.verification));
      assert.ok(out.stats.warnings.some((w) => /not verified: findings of rules that are not built in \(exfil-as-github\)/.test(w)));
      assertNoSecrets([{ name: 'stdout', text: b.stdout }, { name: 'stderr', text: b.stderr }], [key, secret, leaked]);
    } finally {
      await gh.close();
    }
  });

  it('refuses an http:// override that is not a literal loopback address', async () => {
    ctx.t.write('.env', `# binance\nBINANCE_API_KEY=${randomValue(64)}\nBINANCE_API_SECRET=${randomValue(64)}\n`);
    const r = await runCli(['scan', ctx.t.dir, '--verify'], { cwd: ctx.t.dir, env: { KEYHOUND_BINANCE_API_URL: 'http://localhost:9' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /KEYHOUND_BINANCE_API_URL: must be https \(http only to a loopback address/);
  });
});
