// The HTML reporter without a browser: escaping of every scanned field, redaction, links, verification.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderHtml, renderHtmlReport } from '../../src/report/html.js';
import { webUrlOfRemote } from '../../src/report/html-page.js';
import { toJsonReport, type JsonReport } from '../../src/report/json.js';
import { assertNoLeak, emptyInput, sampleFindings, sampleInput, SECRETS } from './fixtures.js';

const EVIL = '<script>alert(1)</script>"\'&';

/** Markup that scanned text must never become. */
function assertInert(html: string): void {
  assert.ok(!html.includes('<script>alert'), 'no injected script');
  assert.ok(!html.includes('<img'), 'no injected image');
  assert.equal((html.match(/<script>/g) ?? []).length, 1, 'only the report script');
}

describe('HTML report', () => {
  it('is redacted and escapes every field that comes from scanned content', () => {
    const findings = sampleFindings();
    const f = findings.find((x) => x.commit)!;
    f.file = '<img src=x onerror=alert(1)>.env';
    f.key = EVIL;
    f.message = `message ${EVIL}`;
    f.commit = { ...f.commit!, author: EVIL, subject: EVIL, paths: [EVIL, 'b\u202eevil'] };
    findings[0]!.decoded = EVIL;
    const html = renderHtml(sampleInput({ findings, scan: { command: 'history', startedAt: '2025-06-01T00:00:00Z', refs: [EVIL] } }));
    assertNoLeak(html, 'html');
    assertInert(html);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;\.env/);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;'));
    assert.ok(!html.includes('\u202e'), 'bidi override shown as an escape');
    assert.ok(html.includes('b\\u202eevil'));
  });

  it('carries summary, suppressed and skipped counts, known public keys collapsed, remediation', () => {
    const html = renderHtml(sampleInput());
    assert.match(html, /id="count-error"><div class="n">4</);
    assert.match(html, /id="count-known"><div class="n">1</);
    assert.match(html, /Suppressed: 8 \(2 inline, 5 baseline, 1 allow-list\)\. Skipped: 21 \(3 binary, 1 too large, 17 ignored\)\./);
    assert.match(html, /<details id="known-public"><summary>1 known public test key/);
    assert.match(html, /could not read \.git\/packed-refs/);
    // the rule's own remediation, and the generic wallet steps for the EVM rule without one
    assert.match(html, /Delete the key in Binance API Management/);
    assert.match(html, /move all funds, tokens and NFTs now to a new wallet/);
    assert.match(html, /other part of the same credential: <code>binance-api-secret<\/code> at <code>config\/\.env:3<\/code>/);
    assert.match(html, /id="timeline"/);
  });

  it('shows secrets only with showSecrets and says so', () => {
    const html = renderHtml(sampleInput({ showSecrets: true }));
    assert.ok(html.includes(SECRETS.evm));
    assert.match(html, /written with --show-secrets: keep it private/);
  });

  it('links to files and commits only for an https repository address', () => {
    const base = toJsonReport(sampleInput());
    const withUrl = (u: string): string => renderHtmlReport({ ...base, scan: { tool: 'keyhound', version: '1', command: 'history', startedAt: '2025-01-01T00:00:00Z', repositoryUrl: u } });
    const good = withUrl('https://github.com/acme/app');
    assert.match(good, /href="https:\/\/github\.com\/acme\/app\/blob\/[0-9a-f]{40}\/old\/secrets\.txt#L4"/);
    assert.match(good, /href="https:\/\/github\.com\/acme\/app\/commit\/[0-9a-f]{40}"/);
    for (const bad of ['javascript:alert(1)', 'http://example.test/x', 'data:text/html,x', '//evil.test']) {
      assert.doesNotMatch(withUrl(bad), /<a href/, bad);
    }
  });

  it('renders verification and funds when present; org scans show the repository', () => {
    const report: JsonReport = toJsonReport(sampleInput());
    const evm = report.findings.find((f) => f.ruleId === 'evm-private-key' && !f.knownPublic)!;
    evm.funds = [{ chain: 'ethereum', address: evm.address!, balance: '1.5', unit: 'ETH', txCount: 12 }];
    evm.repository = 'acme/<b>wallet</b>';
    const key = report.findings.find((f) => f.ruleId === 'binance-api-secret')!;
    key.verification = { status: 'live', checkedAt: '2025-06-01T00:00:00Z', issuer: 'binance', host: 'api.binance.com', canWithdraw: true, ipRestricted: false, permissions: ['spot', 'withdraw'] };
    const html = renderHtmlReport(report);
    assert.match(html, /<span class="chip bad">live<\/span> <span class="chip bad">can withdraw<\/span>/);
    assert.match(html, /no IP allow-list/);
    assert.match(html, /permissions: spot, withdraw/);
    assert.match(html, /holds 1\.5 ETH/);
    assert.match(html, /12 transactions/);
    assert.match(html, /acme\/&lt;b&gt;wallet&lt;\/b&gt;: src\/deploy\.ts/);
  });

  it('an empty scan says so and ships no script', () => {
    const html = renderHtml(emptyInput());
    assert.match(html, /<strong>No secrets found\.<\/strong>/);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /script-src &#39;none&#39;/);
  });

  it('a report from disk with missing fields still renders', () => {
    const html = renderHtmlReport({ version: 1, findings: [], stats: sampleInput().stats } as JsonReport);
    assert.match(html, /<!DOCTYPE html>/);
  });

  it('links only to plain https or ssh remotes, never to one that carries credentials', () => {
    assert.equal(webUrlOfRemote('git@github.com:acme/app.git\n'), 'https://github.com/acme/app');
    assert.equal(webUrlOfRemote('https://gitlab.example.test/group/app.git'), 'https://gitlab.example.test/group/app');
    assert.equal(webUrlOfRemote('https://x-access-token:abc123@github.com/acme/app.git'), undefined);
    assert.equal(webUrlOfRemote('ext::sh -c evil'), undefined);
    assert.equal(webUrlOfRemote('file:///tmp/repo'), undefined);
    assert.equal(webUrlOfRemote(undefined), undefined);
  });
});
