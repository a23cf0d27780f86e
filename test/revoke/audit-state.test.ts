// Idempotency across runs, and an audit trail that is complete and free of secrets.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { allFiles, assertSecretFree, finding, githubToken, json, link, mockServer, randomValue, revokeYaml, rule, runRevoke, tempDir, type Mock, type TempDir } from './helpers.js';

const gh = rule({ id: 'github-classic-token', provider: 'github', revoker: 'github' });
const cdp = rule({ id: 'coinbase-cdp-private-key', provider: 'coinbase' });
const bybitKey = rule({ id: 'bybit-api-key', provider: 'bybit', revoker: 'bybit', pair: { id: 'bybit', part: 'key' } });
const bybitSecret = rule({ id: 'bybit-api-secret', provider: 'bybit', revoker: 'bybit', pair: { id: 'bybit', part: 'secret' } });
const FIELDS = ['time', 'run', 'rule', 'provider', 'fingerprint', 'redacted', 'issuer', 'endpoint', 'attempt', 'status', 'outcome', 'commit', 'file', 'line'];

describe('state file and audit log', () => {
  let t: TempDir;
  const mocks: Mock[] = [];
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(async () => {
    for (const m of mocks.splice(0)) await m.close();
    t.cleanup();
  });

  it('a secret revoked in one run is never sent again in the next; the audit log covers both runs', async () => {
    const github = await mockServer((_req, res) => json(res, 202, []), 3);
    const hook = await mockServer((_req, res) => json(res, 200, {}), 3);
    const bybit = await mockServer((_req, res) => json(res, 200, { retCode: 0 }), 3);
    mocks.push(github, hook, bybit);
    const cfg = revokeYaml(
      t,
      `issuers:
  bybit:
    baseUrl: ${bybit.url}
  sec:
    type: webhook
    url: ${hook.url}/hook
    providers: [coinbase]
`,
    );
    const tok = await githubToken('ghp');
    const pem = `-----BEGIN EC PRIVATE KEY-----\\n${randomValue(60)}\\n-----END EC PRIVATE KEY-----`;
    const bk = randomValue(18);
    const bs = randomValue(36);
    const planted = [tok, pem, bk, bs];
    const make = () => {
      const k = finding(bybitKey, bk, { file: 'svc/.env', line: 4, commit: { sha: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00' } });
      const s = finding(bybitSecret, bs, { file: 'svc/.env', line: 5, commit: { sha: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00' } });
      link(k, s);
      return [
        finding(gh, tok, { file: 'a.env', line: 1 }),
        finding(gh, tok, { file: 'b.env', line: 9 }), // same secret elsewhere: one request
        finding(cdp, pem, { file: 'cdp_api_key.json', line: 2 }),
        k,
        s,
      ];
    };
    const env = { KEYHOUND_WEBHOOK_SECRET: 'sig-' + randomValue(16) };
    const opts = { cwd: t.dir, yes: true, revokeConfig: cfg, githubApiUrl: github.url };
    const first = await runRevoke(make(), [gh, cdp, bybitKey, bybitSecret], opts, env);
    assert.deepEqual([github.requests.length, hook.requests.length, bybit.requests.length], [1, 1, 1]);
    assert.deepEqual(first.results.map((r) => r.outcome).sort(), ['revoked', 'revoked', 'revoked']);
    assert.equal(first.results.find((r) => r.issuer === 'github')!.target.locations, 2);

    const second = await runRevoke(make(), [gh, cdp, bybitKey, bybitSecret], opts, env);
    assert.deepEqual([github.requests.length, hook.requests.length, bybit.requests.length], [1, 1, 1], 'nothing sent twice');
    assert.deepEqual(second.results.map((r) => [r.outcome, r.skip]), [
      ['skipped', 'state'],
      ['skipped', 'state'],
      ['skipped', 'state'],
    ]);
    assert.match(second.out, /done earlier/);

    const files = allFiles(t.dir);
    const audit = files.find((f) => f.path.endsWith('.local/state/keyhound/audit.jsonl'))!;
    const state = files.find((f) => f.path.endsWith('.local/state/keyhound/revoke-state.json'))!;
    const all = audit.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // each request has its intent record (written before it is sent) and its outcome, same delivery id
    const intents = all.filter((l) => l.outcome === 'sending');
    const lines = all.filter((l) => l.outcome !== 'sending');
    assert.equal(intents.length, 3);
    for (const i of intents) assert.ok(lines.some((l) => l.delivery === i.delivery && l.outcome === 'revoked'));
    assert.equal(lines.length, 6);
    for (const l of lines) for (const k of FIELDS) assert.ok(k in l, `audit line has ${k}`);
    const runs = new Set(lines.map((l) => l.run));
    assert.equal(runs.size, 2);
    const bybitLine = lines.find((l) => l.issuer === 'bybit' && l.outcome === 'revoked')!;
    assert.equal(bybitLine.endpoint, `127.0.0.1:${bybit.port}`);
    assert.equal(bybitLine.commit, 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00');
    assert.equal(bybitLine.file, 'svc/.env');
    assert.equal(bybitLine.line, 4);
    assert.equal(bybitLine.status, 200);
    assert.equal(bybitLine.attempt, 1);
    const ghLine = lines.find((l) => l.issuer === 'github')!;
    assert.equal(ghLine.redacted, 'ghp_…');
    assert.match(String(ghLine.fingerprint), /^[0-9a-f]{32}$/);
    assert.deepEqual(lines.slice(3).map((l) => l.outcome), ['skipped', 'skipped', 'skipped']);
    assert.equal(Object.keys((JSON.parse(state.text) as { revoked: object }).revoked).length, 4, 'github, webhook, bybit key and its secret');
    assertSecretFree(
      [
        { name: 'first output', text: first.out + first.warnings.join('\n') },
        { name: 'second output', text: second.out + second.warnings.join('\n') },
        ...files.map((f) => ({ name: f.path, text: f.text })),
      ],
      planted,
    );
  });

  it('--audit-log and --revoke-state choose the files', async () => {
    const github = await mockServer((_req, res) => json(res, 202, []), 2);
    mocks.push(github);
    const r = await runRevoke([finding(gh, await githubToken('gho'))], [gh], {
      cwd: t.dir,
      yes: true,
      githubApiUrl: github.url,
      auditLog: 'logs/revocations.jsonl',
      revokeState: 'state/done.json',
      revokeConfig: revokeYaml(t, ''),
    });
    assert.ok(r.auditLog!.endsWith('logs/revocations.jsonl'));
    const names = allFiles(t.dir).map((f) => f.path.slice(t.dir.length + 1)).sort();
    assert.deepEqual(names, ['logs/revocations.jsonl', 'revoke.yaml', 'state/done.json']);
  });

  it('known public test keys are never sent', async () => {
    const github = await mockServer((_req, res) => json(res, 202, []), 1);
    mocks.push(github);
    const r = await runRevoke([finding(gh, await githubToken('ghp'), { knownPublic: 'docs sample' })], [gh], { cwd: t.dir, yes: true, githubApiUrl: github.url });
    assert.equal(github.requests.length, 0);
    assert.match(r.out, /known public test key/);
  });
});
