import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isGithubDotCom } from '../../src/revoke/issuers/github.js';
import { allFiles, assertSecretFree, finding, githubToken, json, mockServer, revokeYaml, rule, runRevoke, perTest } from './helpers.js';

const gh = rule({ id: 'github-classic-token', provider: 'github', revoker: 'github' });
const ghPat = rule({ id: 'github-fine-grained-token', provider: 'github', revoker: 'github' });

describe('github issuer (POST /credentials/revoke via octokit)', () => {
  const ctx = perTest();

  it('sends batches of at most 1,000 credentials, unauthenticated without GITHUB_TOKEN', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 202, []), 5);
    const tokens = await Promise.all(Array.from({ length: 1500 }, (_, i) => githubToken('ghp', `batch-${i}`)));
    const findings = tokens.map((s, i) => finding(gh, s, { file: `f${i}.env`, line: 1 }));
    const cfg = revokeYaml(ctx.t, '');
    const r = await runRevoke(findings, [gh], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg, githubApiUrl: ctx.mock.url });
    assert.equal(ctx.mock.requests.length, 2);
    const sizes = ctx.mock.requests.map((q) => (JSON.parse(q.body) as { credentials: string[] }).credentials.length).sort((a, b) => b - a);
    assert.deepEqual(sizes, [1000, 500]);
    for (const q of ctx.mock.requests) {
      assert.equal(q.method, 'POST');
      assert.equal(q.url, '/credentials/revoke');
      assert.equal(q.headers.authorization, undefined);
      assert.match(String(q.headers['user-agent']), /keyhound/);
    }
    const sent = new Set(ctx.mock.requests.flatMap((q) => (JSON.parse(q.body) as { credentials: string[] }).credentials));
    assert.equal(sent.size, 1500);
    assert.equal(r.results.filter((x) => x.outcome === 'revoked').length, 1500);
    assertSecretFree([{ name: 'output', text: r.out }, ...allFiles(ctx.t.dir).map((f) => ({ name: f.path, text: f.text }))], tokens);
  });

  it('uses GITHUB_TOKEN on GitHub Enterprise, never on api.github.com', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 202, []), 2);
    const tok = await githubToken('gho');
    const token = 'ent-token-' + Date.now();
    await runRevoke([finding(gh, tok)], [gh], { cwd: ctx.t.dir, yes: true, revokeConfig: revokeYaml(ctx.t, '') }, { GITHUB_TOKEN: token, GITHUB_API_URL: ctx.mock.url });
    assert.equal(ctx.mock.requests.length, 1);
    assert.equal(ctx.mock.requests[0]!.headers.authorization, `token ${token}`);
    assert.equal(isGithubDotCom(new URL('https://api.github.com')), true);
    assert.equal(isGithubDotCom(new URL('https://ghe.example.com/api/v3')), false);
  });

  it('--github-api-url wins over GITHUB_API_URL', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 202, []), 2);
    const tok = await githubToken('ghu');
    const r = await runRevoke([finding(gh, tok)], [gh], { cwd: ctx.t.dir, yes: true, githubApiUrl: ctx.mock.url, revokeConfig: revokeYaml(ctx.t, '') }, { GITHUB_API_URL: 'http://127.0.0.1:9/never' });
    assert.equal(ctx.mock.requests.length, 1);
    assert.equal(r.results[0]!.outcome, 'revoked');
  });

  it('retries 429 with Retry-After and 403 with rate-limit headers, then succeeds', async () => {
    ctx.mock = await mockServer((_req, res, n) => {
      if (n === 1) return json(res, 429, { message: 'slow down' }, { 'retry-after': '0' });
      if (n === 2) return json(res, 403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) });
      if (n === 3) return json(res, 502, { message: 'bad gateway' });
      return json(res, 202, []);
    }, 6);
    const tok = await githubToken('ghr');
    const r = await runRevoke([finding(gh, tok)], [gh], { cwd: ctx.t.dir, yes: true, githubApiUrl: ctx.mock.url, revokeConfig: revokeYaml(ctx.t, '') });
    assert.equal(ctx.mock.requests.length, 4);
    assert.equal(r.results[0]!.outcome, 'revoked');
    assert.equal(r.results[0]!.attempts, 4);
    const audit = allFiles(ctx.t.dir).find((f) => f.path.endsWith('audit.jsonl'))!.text.trim().split('\n').map((l) => JSON.parse(l) as { attempt: number; status: number; outcome: string }).filter((a) => a.outcome !== 'sending');
    assert.deepEqual(audit.map((a) => [a.attempt, a.status, a.outcome]), [
      [1, 429, 'retrying'],
      [2, 403, 'retrying'],
      [3, 502, 'retrying'],
      [4, 202, 'revoked'],
    ]);
  });

  it('422 fails without retry; the token is not recorded as revoked', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 422, { message: 'Validation Failed' }), 3);
    const tok = await githubToken('ghp');
    const r = await runRevoke([finding(gh, tok)], [gh], { cwd: ctx.t.dir, yes: true, githubApiUrl: ctx.mock.url, revokeConfig: revokeYaml(ctx.t, '') });
    assert.equal(ctx.mock.requests.length, 1);
    assert.equal(r.results[0]!.outcome, 'failed');
    assert.equal(r.results[0]!.status, 422);
    assert.match(r.out, /FAILED/);
    const state = allFiles(ctx.t.dir).find((f) => f.path.endsWith('revoke-state.json'));
    // the journal keeps the request's delivery id for a later retry; nothing is recorded as revoked
    assert.deepEqual((JSON.parse(state!.text) as { revoked: object }).revoked, {});
  });

  it('a Retry-After longer than retry.maxWait fails now instead of hanging', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 429, {}, { 'retry-after': '3600' }), 3);
    const tok = await githubToken('ghp');
    const started = Date.now();
    const r = await runRevoke([finding(gh, tok)], [gh], { cwd: ctx.t.dir, yes: true, githubApiUrl: ctx.mock.url, revokeConfig: revokeYaml(ctx.t, '') });
    assert.ok(Date.now() - started < 5000);
    assert.equal(ctx.mock.requests.length, 1);
    assert.equal(r.results[0]!.outcome, 'failed');
    assert.match(r.results[0]!.reason!, /maxWait/);
  });

  it('skips ghs_ tokens, which the endpoint does not accept; accepts github_pat_', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 202, []), 2);
    const ghs = await githubToken('ghs');
    const pat = `github_pat_11${'A'.repeat(2)}${Date.now().toString(36).toUpperCase().padEnd(18, 'Q')}_${'b'.repeat(30)}${Date.now()}`.slice(0, 93);
    const r = await runRevoke([finding(gh, ghs), finding(ghPat, pat)], [gh, ghPat], { cwd: ctx.t.dir, yes: true, githubApiUrl: ctx.mock.url, revokeConfig: revokeYaml(ctx.t, '') });
    assert.equal(ctx.mock.requests.length, 1);
    assert.deepEqual((JSON.parse(ctx.mock.requests[0]!.body) as { credentials: string[] }).credentials, [pat]);
    const skipped = r.results.find((x) => x.outcome === 'skipped')!;
    assert.equal(skipped.target.ruleId, gh.id);
    assert.match(skipped.reason!, /ghs_/);
  });

  it('dry run (no --yes) sends nothing and writes nothing', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 202, []), 1);
    const tok = await githubToken('ghp');
    const r = await runRevoke([finding(gh, tok)], [gh], { cwd: ctx.t.dir, yes: false, githubApiUrl: ctx.mock.url });
    assert.equal(ctx.mock.requests.length, 0);
    assert.equal(r.dryRun, true);
    assert.equal(r.results[0]!.outcome, 'planned');
    assert.match(r.out, /dry run/);
    assert.match(r.out, /github-classic-token/);
    assert.match(r.out, new RegExp(`127\\.0\\.0\\.1:${ctx.mock.port}`));
    assert.ok(r.out.includes('ghp_…'));
    assert.deepEqual(allFiles(ctx.t.dir), []);
  });

  it('a timeout is retried and then reported, never hangs', async () => {
    ctx.mock = await mockServer(() => {
      /* never answers */
    }, 3);
    const tok = await githubToken('ghp');
    const cfg = revokeYaml(ctx.t, 'issuers:\n  github:\n    timeout: 200ms\n    retries: 1\n');
    const r = await runRevoke([finding(gh, tok)], [gh], { cwd: ctx.t.dir, yes: true, githubApiUrl: ctx.mock.url, revokeConfig: cfg });
    assert.equal(ctx.mock.requests.length, 2);
    assert.equal(r.results[0]!.outcome, 'failed');
    assert.match(r.results[0]!.reason!, /no answer within 200 ms/);
  });
});
