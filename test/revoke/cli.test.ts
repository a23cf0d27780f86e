// End to end through the real CLI and the built-in rules, against loopback mocks only.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { findingsFromInput } from '../../src/cli/commands/revoke.js';
import { findingMessage } from '../../src/report/messages.js';
import { newFinding } from '../../src/engine/candidate.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { FINGERPRINT_KEY_ENV, keyedFingerprint } from '../../src/util/keyed-fingerprint.js';
import { allFiles, assertSecretFree, githubToken, json, mockServer, randomValue, runCli, tempDir, type CliResult, type Mock, type TempDir } from './helpers.js';

const rules = (() => {
  try {
    return loadRuleDir().rules;
  } catch {
    return [];
  }
})();
const ghRule = rules.find((r) => r.revoker === 'github' && r.id === 'github-classic-token') ?? rules.find((r) => r.revoker === 'github');
const bybitKeyRule = rules.find((r) => r.revoker === 'bybit' && r.pair?.part === 'key');
const noGithubRule = ghRule ? false : 'no built-in rule with revoker github yet';

function texts(r: CliResult, dir: string) {
  return [
    { name: 'stdout', text: r.stdout },
    { name: 'stderr', text: r.stderr },
    ...allFiles(dir).filter((f) => !f.path.includes(`${join(dir, 'repo')}/`)).map((f) => ({ name: f.path, text: f.text })),
  ];
}

describe('keyhound CLI revocation', () => {
  let t: TempDir;
  const mocks: Mock[] = [];
  beforeEach(() => {
    t = tempDir();
    mkdirSync(join(t.dir, 'repo'));
  });
  afterEach(async () => {
    for (const m of mocks.splice(0)) await m.close();
    t.cleanup();
  });

  it('scan --revoke prints the plan and sends nothing; --yes revokes; a second run sends nothing', { skip: noGithubRule }, async () => {
    const github = await mockServer((_req, res) => json(res, 202, []), 3);
    mocks.push(github);
    const tok = await githubToken('ghp');
    t.write('repo/deploy.env', `GH_TOKEN=${tok}\n`);
    const args = ['scan', 'repo', '--revoke', '--github-api-url', github.url];

    const dry = await runCli(args, { cwd: t.dir });
    assert.equal(dry.code, 1, dry.stderr);
    assert.equal(github.requests.length, 0);
    assert.match(dry.stderr, /revocation plan \(dry run: nothing was sent; add --yes to revoke\)/);
    assert.match(dry.stderr, new RegExp(`would revoke\\s+${ghRule!.id}\\s+ghp_…\\s+github\\s+127\\.0\\.0\\.1:${github.port}`));
    assert.equal(existsSync(join(t.dir, '.keyhound')), false, 'a dry run writes nothing');

    const real = await runCli([...args, '--yes', '--format', 'json'], { cwd: t.dir });
    assert.equal(real.code, 1, real.stderr);
    assert.equal(github.requests.length, 1);
    assert.deepEqual((JSON.parse(github.requests[0]!.body) as { credentials: string[] }).credentials, [tok]);
    assert.match(real.stderr, /1 revoked, 0 already gone, 0 failed, 0 skipped; audit log: .*\.local\/state\/keyhound\/audit\.jsonl/);
    JSON.parse(real.stdout); // the report on stdout stays valid JSON

    const again = await runCli([...args, '--yes'], { cwd: t.dir });
    assert.equal(github.requests.length, 1, 'idempotent across runs');
    assert.match(again.stderr, /done earlier/);
    for (const r of [dry, real, again]) assertSecretFree(texts(r, t.dir), [tok]);
  });

  it('a malicious .keyhound.yaml in the scanned repo cannot redirect secrets', { skip: noGithubRule }, async () => {
    const attacker = await mockServer((_req, res) => json(res, 200, {}), 5);
    const github = await mockServer((_req, res) => json(res, 202, []), 2);
    mocks.push(attacker, github);
    const tok = await githubToken('gho');
    t.write('repo/app.env', `TOKEN=${tok}\n`);
    t.write('repo/.keyhound.yaml', `revoke:\n  webhooks:\n    - url: ${attacker.url}/collect\nwebhooks:\n  - url: ${attacker.url}/collect\n`);
    const r = await runCli(['scan', 'repo', '--revoke', '--yes', '--github-api-url', github.url], { cwd: t.dir, env: { KEYHOUND_WEBHOOK_SECRET: 'x' } });
    assert.equal(attacker.requests.length, 0, 'nothing reached the attacker');
    // either keyhound refused the settings with a warning, or the config loader refused the file (exit 2)
    assert.ok(/refused revocation settings/.test(r.stderr) || r.code === 2, r.stderr);
    assertSecretFree(texts(r, t.dir), [tok]);
  });

  it('revoke: false in the scanned repo disables revocation', { skip: noGithubRule }, async () => {
    const github = await mockServer((_req, res) => json(res, 202, []), 1);
    mocks.push(github);
    t.write('repo/app.env', `TOKEN=${await githubToken('ghu')}\n`);
    t.write('repo/.keyhound.yaml', 'revoke: false\n');
    const r = await runCli(['scan', 'repo', '--revoke', '--yes', '--github-api-url', github.url], { cwd: t.dir });
    assert.equal(github.requests.length, 0);
    if (r.code !== 2) assert.match(r.stderr, /revocation disabled by .keyhound.yaml \(revoke: false\)/);
  });

  it('keyhound revoke reads the secret from stdin, never from argv', { skip: noGithubRule }, async () => {
    const github = await mockServer((_req, res) => json(res, 202, []), 3);
    mocks.push(github);
    const tok = await githubToken('ghp');
    const base = ['revoke', '--rule', ghRule!.id, '--github-api-url', github.url];

    const argv = await runCli([...base, tok], { cwd: t.dir });
    assert.equal(argv.code, 2);
    assert.match(argv.stderr, /standard input only/);
    assert.equal(github.requests.length, 0);

    const dry = await runCli([...base, '--dry-run'], { cwd: t.dir, stdin: `${tok}\n` });
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(github.requests.length, 0);
    assert.match(dry.stdout, /would revoke/);

    const ok = await runCli([...base, '--format', 'json'], { cwd: t.dir, stdin: `${tok}\n` });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(github.requests.length, 1);
    const out = JSON.parse(ok.stdout) as { results: { outcome: string; file: string; redacted: string }[] };
    assert.deepEqual(out.results.map((x) => [x.outcome, x.file, x.redacted]), [['revoked', '-', 'ghp_…']]);

    const again = await runCli(base, { cwd: t.dir, stdin: tok });
    assert.equal(again.code, 0);
    assert.equal(github.requests.length, 1);
    assert.match(again.stdout, /done earlier/);

    const unknown = await runCli(['revoke', '--rule', 'no-such-rule'], { cwd: t.dir, stdin: tok });
    assert.equal(unknown.code, 2);
    for (const r of [argv, dry, ok, again, unknown]) {
      assert.ok(!r.stdout.includes(tok) && !r.stderr.includes(tok));
    }
    assertSecretFree(texts(ok, t.dir), [tok]);
  });

  it('keyhound revoke --rule <bybit key rule> takes the key and its secret on stdin', { skip: bybitKeyRule ? false : 'no built-in bybit rule yet' }, async () => {
    const bybit = await mockServer((_req, res) => json(res, 200, { retCode: 0, retMsg: 'OK' }), 2);
    mocks.push(bybit);
    t.write('revoke.yaml', `issuers:\n  bybit:\n    baseUrl: ${bybit.url}\n`);
    const key = randomValue(18);
    const secret = randomValue(36);
    const r = await runCli(['revoke', '--rule', bybitKeyRule!.id, '--revoke-config', 'revoke.yaml'], { cwd: t.dir, stdin: `${key}\n${secret}\n` });
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(bybit.requests.length, 1);
    assert.equal(bybit.requests[0]!.headers['x-bapi-api-key'], key);
    assertSecretFree(texts(r, t.dir), [key, secret]);
  });

  it('a secret from standard input becomes a finding through the one constructor, without a place', { skip: noGithubRule }, async () => {
    const tok = await githubToken();
    // a key from the environment: nothing is written to the state folder, the fingerprint is predictable
    const before = process.env[FINGERPRINT_KEY_ENV];
    process.env[FINGERPRINT_KEY_ENV] = 'test-key';
    try {
      const [f, ...more] = await findingsFromInput(`${tok}\n`, ghRule!, rules);
      assert.equal(more.length, 0);
      const nowhere = { file: '-', line: 0, column: 0, endLine: 0, endColumn: 0 };
      const made = newFinding(ghRule!, tok, nowhere, { messageId: 'secret', messageData: { title: ghRule!.title } });
      assert.deepEqual(f, { ...made, fingerprint: keyedFingerprint(Buffer.from('test-key'), ghRule!.id, tok), ...(ghRule!.pair ? { pair: ghRule!.pair } : {}) });
      assert.equal(findingMessage(f!), ghRule!.title);
      assert.notEqual(f!.redacted, tok);
    } finally {
      if (before === undefined) delete process.env[FINGERPRINT_KEY_ENV];
      else process.env[FINGERPRINT_KEY_ENV] = before;
    }
  });

  it('--yes without --revoke is a usage error', async () => {
    const r = await runCli(['scan', 'repo', '--yes'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--yes only confirms --revoke/);
  });
});
