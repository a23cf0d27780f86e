import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '../../src/revoke/index.js';
import { renderBody } from '../../src/revoke/issuers/webhook.js';
import { allFiles, assertSecretFree, finding, json, mockServer, randomValue, revokeYaml, rule, runRevoke, perTest, type TempDir } from './helpers.js';

const cdp = rule({ id: 'coinbase-cdp-api-key-name', provider: 'coinbase' });
const kraken = rule({ id: 'kraken-api-key', provider: 'kraken', revoker: 'kraken-hook' });

function hookYaml(t: TempDir, url: string, extra = ''): string {
  return revokeYaml(
    t,
    `issuers:
  security-hook:
    type: webhook
    url: ${url}/revoke
    headers:
      Authorization: Bearer \${HOOK_TOKEN}
    body: '{"secret":"{{secret}}","rule":"{{rule}}","provider":"{{provider}}","fingerprint":"{{fingerprint}}","file":"{{file}}","line":{{line}},"commit":"{{commit}}"}'
    timeout: 1500ms
    retries: 4
    providers: [coinbase]
${extra}`,
  );
}

describe('webhook issuer', () => {
  const ctx = perTest();
  const signing = 'whsec-' + randomValue(24);
  const env = () => ({ KEYHOUND_WEBHOOK_SECRET: signing, HOOK_TOKEN: 'hook-token-' + randomValue(8) });

  it('fails, times out, gets 429 with Retry-After, then succeeds; every request is signed over the exact body', async () => {
    const seen: { ok: boolean; attempt: string | undefined; delivery: string | undefined }[] = [];
    ctx.mock = await mockServer(async (req, res, n) => {
      seen.push({
        ok: verifyWebhookSignature(signing, req.body, req.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string),
        attempt: req.headers['x-keyhound-attempt'] as string,
        delivery: req.headers['x-keyhound-delivery'] as string,
      });
      if (n === 1) return json(res, 500, { error: 'boom' });
      if (n === 2) return; // never answers: the client times out
      if (n === 3) return json(res, 429, {}, { 'retry-after': '1' });
      return json(res, 200, { revoked: true });
    }, 6);
    const secret = `organizations/${randomValue(8)}/apiKeys/${randomValue(12)}`;
    const f = finding(cdp, secret, { file: 'deploy/"evil",\n.env', line: 7, commit: { sha: 'abc123def4567890' } });
    const e = env();
    const started = Date.now();
    const r = await runRevoke([f], [cdp], { cwd: ctx.t.dir, yes: true, revokeConfig: hookYaml(ctx.t, ctx.mock.url) }, e);
    assert.equal(ctx.mock.requests.length, 4);
    assert.ok(Date.now() - started >= 900, 'honoured Retry-After: 1');
    assert.equal(r.results[0]!.outcome, 'revoked');
    assert.deepEqual(seen.map((s) => s.ok), [true, true, true, true]);
    assert.deepEqual(seen.map((s) => s.attempt), ['1', '2', '3', '4']);
    assert.equal(new Set(seen.map((s) => s.delivery)).size, 1, 'one delivery id across retries');
    const last = ctx.mock.requests[3]!;
    assert.equal(last.method, 'POST');
    assert.equal(last.url, '/revoke');
    assert.equal(last.headers.authorization, `Bearer ${e.HOOK_TOKEN}`);
    assert.equal(last.headers['content-type'], 'application/json');
    const body = JSON.parse(last.body) as Record<string, unknown>;
    assert.deepEqual(body, {
      secret,
      rule: cdp.id,
      provider: 'coinbase',
      fingerprint: f.fingerprint,
      file: 'deploy/"evil",\n.env',
      line: 7,
      commit: 'abc123def4567890',
    });
    // a tampered body or a wrong key fails verification
    assert.equal(verifyWebhookSignature(signing, last.body + ' ', last.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string), false);
    assert.equal(verifyWebhookSignature('other', last.body, last.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string), false);
    assert.equal(verifyWebhookSignature(signing, last.body, undefined), false);
    const audit = allFiles(ctx.t.dir).find((x) => x.path.endsWith('audit.jsonl'))!.text.trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; status: number | null }).filter((a) => a.outcome !== 'sending');
    assert.deepEqual(audit.map((a) => [a.status, a.outcome]), [
      [500, 'retrying'],
      [null, 'retrying'],
      [429, 'retrying'],
      [200, 'revoked'],
    ]);
    assertSecretFree([{ name: 'output', text: r.out }, ...allFiles(ctx.t.dir).map((x) => ({ name: x.path, text: x.text }))], [secret, e.HOOK_TOKEN, signing]);
  });

  it('404/410 mean already gone; other 4xx fail at once; 3xx is not followed', async () => {
    const codes = [410, 400, 302];
    ctx.mock = await mockServer((_req, res, n) => {
      const code = codes[n - 1]!;
      if (code === 302) {
        res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
        res.end();
        return;
      }
      json(res, code, {});
    }, 5);
    const secrets = [randomValue(20), randomValue(20), randomValue(20)];
    const findings = secrets.map((s) => finding(cdp, s));
    const cfg = hookYaml(ctx.t, ctx.mock.url, '    concurrency: 1\n');
    const r = await runRevoke(findings, [cdp], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg }, env());
    assert.equal(ctx.mock.requests.length, 3);
    const by = new Map(r.results.map((x) => [x.status, x]));
    assert.equal(by.get(410)!.outcome, 'already-revoked');
    assert.equal(by.get(400)!.outcome, 'failed');
    assert.equal(by.get(302)!.outcome, 'failed');
    assert.match(by.get(302)!.reason!, /redirect/);
  });

  it('without its signing secret in the environment the webhook sends nothing', async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 200, {}), 1);
    const r = await runRevoke([finding(cdp, randomValue(20))], [cdp], { cwd: ctx.t.dir, yes: true, revokeConfig: hookYaml(ctx.t, ctx.mock.url) }, { HOOK_TOKEN: 'x' });
    assert.equal(ctx.mock.requests.length, 0);
    assert.equal(r.results[0]!.outcome, 'skipped');
    assert.match(r.results[0]!.reason!, /KEYHOUND_WEBHOOK_SECRET/);
  });

  it("a rule's revoker can name a webhook; form bodies are URL-encoded", async () => {
    ctx.mock = await mockServer((_req, res) => json(res, 202, {}), 2);
    const cfg = revokeYaml(
      ctx.t,
      `issuers:
  kraken-hook:
    type: webhook
    url: ${ctx.mock.url}/k
    method: PUT
    headers: { Content-Type: application/x-www-form-urlencoded }
    body: 'key={{secret}}&where={{file}}'
    signingSecretEnv: KRAKEN_HOOK_SECRET
    signatureHeader: X-Signature
`,
    );
    const secret = randomValue(40) + '/+=';
    const r = await runRevoke([finding(kraken, secret, { file: 'a b&c.env' })], [kraken], { cwd: ctx.t.dir, yes: true, revokeConfig: cfg }, { KRAKEN_HOOK_SECRET: 'k-secret' });
    assert.equal(r.results[0]!.outcome, 'revoked');
    const q = ctx.mock.requests[0]!;
    assert.equal(q.method, 'PUT');
    assert.equal(q.body, `key=${encodeURIComponent(secret)}&where=a%20b%26c.env`);
    assert.ok(verifyWebhookSignature('k-secret', q.body, q.headers['x-signature'] as string));
  });

  it('renders JSON templates with escaped values', () => {
    const out = renderBody('{"a":"{{file}}","n":{{line}}}', { file: 'x"}, "injected": {"', line: '3' }, 'json');
    assert.deepEqual(JSON.parse(out), { a: 'x"}, "injected": {"', n: 3 });
  });
});
