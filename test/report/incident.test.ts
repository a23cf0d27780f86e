// keyhound incident: a generated history with two leaked credentials, one revoked through a loopback mock
// (recorded in the audit log) and one not; the report says what leaked, since when, what was done and
// what remains, and its "append" commands really extract the values. No planted secret in any output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expandExample } from '../../src/rules/example-values.js';
import { buildIncident, extractCommand, shellQuote } from '../../src/report/incident.js';
import { codeSpan, renderIncidentHtml, renderIncidentMarkdown } from '../../src/report/incident-render.js';
import type { JsonReport } from '../../src/report/json.js';
import { emptyStats } from '../../src/core/finding.js';
import { cleanup, Repo, testEnv } from '../git/helpers.js';
import { allFiles, assertSecretFree, json, mockServer, perTest, runCli, type CliResult } from '../revoke/helpers.js';

after(cleanup);

/** The section of one credential (from its heading to the next). */
function section(md: string, id: string): string {
  const start = md.indexOf(`## ${id} · `);
  assert.ok(start >= 0, `section ${id}`);
  const next = md.indexOf('\n## ', start + 4);
  return md.slice(start, next < 0 ? undefined : next);
}

describe('keyhound incident', () => {
  const s = perTest();

  it('two leaked keys, one revoked through a mock issuer: provenance, outcome, pending steps, filter-repo', async () => {
    const secrets = {
      github: expandExample('{{github:ghp}}', 'incident-github'),
      binanceKey: expandExample('{{alnum:64}}', 'incident-binance-key'),
      binanceSecret: expandExample('{{alnum:64}}', 'incident-binance-secret'),
    };
    const r = Repo.init();
    r.commit('initial', '2025-01-06T09:00:00Z', { 'README.md': '# bot\n' });
    const binanceCommit = r.commit('add exchange settings', '2025-02-03T10:30:00Z', {
      'config/.env': `EXCHANGE=binance\nBINANCE_API_KEY=${secrets.binanceKey}\nBINANCE_API_SECRET=${secrets.binanceSecret}\n`,
    });
    const githubCommit = r.commit('release automation', '2025-04-01T08:00:00Z', { 'ci/release.env': `# release\nGITHUB_TOKEN=${secrets.github}\n` });
    const removed = r.commit('move the token to CI secrets', '2025-05-20T12:00:00Z', { 'ci/release.env': null });

    const github = await mockServer((_req, res) => json(res, 202, []), 3);
    s.mock = github;
    const report = join(s.t.dir, 'report.json');
    const audit = join(s.t.dir, 'audit.jsonl');
    const outputs: CliResult[] = [];
    const scan = await runCli(
      ['history', r.dir, '--format', 'json', '-o', report, '--quiet', '--revoke', '--yes', '--github-api-url', github.url, '--audit-log', audit],
      { cwd: s.t.dir, timeoutMs: 60_000 },
    );
    outputs.push(scan);
    assert.equal(scan.code, 1, scan.stderr);
    assert.equal(github.requests.length, 1, 'the GitHub token went to the mock, once');
    assert.deepEqual((JSON.parse(github.requests[0]!.body) as { credentials: string[] }).credentials, [secrets.github]);
    const doc = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    assert.equal(doc.scan?.command, 'history');
    const binanceDays = doc.findings.find((f) => f.ruleId.startsWith('binance'))!.commit!.exposureDays!;

    const md = await runCli(['incident', report, '--audit-log', audit], { cwd: s.t.dir });
    outputs.push(md);
    assert.equal(md.code, 0, md.stderr);
    const text = md.stdout;
    // KEYHOUND_INCIDENT_SAMPLE=FILE keeps a copy (the README's excerpt comes from it)
    if (process.env.KEYHOUND_INCIDENT_SAMPLE) writeFileSync(process.env.KEYHOUND_INCIDENT_SAMPLE, text);
    assert.match(text, /^# Incident report: 2 leaked credentials\n/);
    assert.match(text, /\| \*\*Refs\*\* \| `all refs \(--all\)` \|/);
    assert.match(text, /2 leaked credentials \(3 findings\): 1 revoked, 0 reported invalid by the issuer, 0 verified live, 1 not revoked or checked\./);

    // C1: the Binance pair (introduced first), one credential of two parts, not revoked
    const c1 = section(text, 'C1');
    assert.match(c1, /^## C1 · Binance API secret \+ Binance API key — not revoked/);
    assert.ok(c1.includes(`2025-02-03 in \`${binanceCommit.slice(0, 8)}\` by Ada Author — “add exchange settings”`), c1);
    assert.match(c1, /\*\*Removed:\*\* \*\*no — still present at HEAD\*\*/);
    assert.ok(c1.includes(`**Exposed:** ${binanceDays} days and counting`));
    assert.match(c1, /- \[ \] (Revoke it now|Revocation through binance was skipped .*?): delete the key at \[https:\/\/www\.binance\.com\/en\/my\/settings\/api-management\]/);
    assert.match(c1, /- \[ \] Remove it from the working tree \(`config\/\.env`\)/);
    assert.match(c1, /- \[ \] Purge it from git history: .*`git filter-repo --replace-text \.\.\/keyhound-replacements\.txt`/);
    assert.ok(c1.includes(`git show ${binanceCommit}:config/.env | sed -n '3p' | cut -c 20-83 >> ../keyhound-replacements.txt`), c1);
    assert.ok(c1.includes(`git show ${binanceCommit}:config/.env | sed -n '2p' | cut -c 17-80 >> ../keyhound-replacements.txt`), c1);

    // C2: the GitHub token, revoked through the mock, with the audit entry
    const c2 = section(text, 'C2');
    assert.match(c2, /^## C2 · GitHub token[^\n]* — revoked/);
    assert.ok(c2.includes(`2025-04-01 in \`${githubCommit.slice(0, 8)}\` by Ada Author — “release automation”`), c2);
    assert.ok(c2.includes(`**Removed:** 2025-05-20 in \`${removed.slice(0, 8)}\``), c2);
    assert.match(c2, /\*\*Exposed:\*\* 49 days\n/);
    assert.match(c2, new RegExp(`revocation through github \\(\`127\\.0\\.0\\.1:${github.port}\`\\), attempt 1: \\*\\*revoked\\*\\* \\(HTTP 202\\)`));
    assert.match(c2, /- \[x\] Revoked through github \(127\.0\.0\.1:\d+\) on [0-9T:.-]+Z: revoked \(HTTP 202\)\./);
    assert.match(c2, /Check the security log \(https:\/\/github\.com\/settings\/security-log\).* between 2025-04-01 and \d{4}-\d\d-\d\d\./);
    assert.ok(c2.includes(`git show ${githubCommit}:ci/release.env | sed -n '2p' | cut -c 14-53 >> ../keyhound-replacements.txt`), c2);
    assert.match(c2, /git filter-repo --replace-text/);
    assert.doesNotMatch(c2, /Remove it from the working tree/);

    // timeline and purge section
    assert.match(text, /## Timeline\n\n\| Date \(UTC\) \| Credential \| Event \|/);
    assert.match(text, /\| 2025-05-20 12:00:00 \| C2 \| removed from the tree in `/);
    assert.match(text, /\| C2 \| revocation through github: revoked \(HTTP 202\) \|/);
    assert.match(text, /## Purging history/);

    // the "append" commands of the report really extract the three values, and print nothing: run them in a
    // mirror clone as the report says (the replacements file lands beside it, in this test's folder)
    const work = join(s.t.dir, 'purge');
    mkdirSync(work);
    assert.equal(spawnSync('git', ['clone', '-q', '--mirror', r.dir, join(work, 'repo.git')], { env: testEnv() }).status, 0);
    for (const id of ['C1', 'C2']) {
      for (const cmd of section(text, id).split('\n').filter((l) => l.includes('>> ../keyhound-replacements.txt'))) {
        const run = spawnSync('bash', ['-c', cmd.trim()], { cwd: join(work, 'repo.git'), env: testEnv(), encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stdout, '');
      }
    }
    const replacements = readFileSync(join(work, 'keyhound-replacements.txt'), 'utf8').split('\n').filter(Boolean).sort();
    assert.deepEqual(replacements, Object.values(secrets).sort());

    // HTML shares the content and the page style
    const htmlFile = join(s.t.dir, 'incident.html');
    const html = await runCli(['incident', report, '--audit-log', audit, '--format', 'html', '-o', htmlFile], { cwd: s.t.dir });
    outputs.push(html);
    assert.equal(html.code, 0, html.stderr);
    const page = readFileSync(htmlFile, 'utf8');
    if (process.env.KEYHOUND_INCIDENT_SAMPLE) writeFileSync(`${process.env.KEYHOUND_INCIDENT_SAMPLE}.html`, page);
    assert.match(page, /<meta http-equiv="Content-Security-Policy"/);
    assert.match(page, /<li class="done">Revoked through github/);
    assert.ok(page.includes(`<code>${githubCommit.slice(0, 8)}</code>`));

    // no planted value in any report, log or output (the replacements file lives outside this folder)
    assertSecretFree(
      [...outputs.flatMap((o, i) => [{ name: `stdout ${i}`, text: o.stdout }, { name: `stderr ${i}`, text: o.stderr }]), ...allFiles(s.t.dir)
        .filter((f) => !f.path.startsWith(`${work}/`))
        .map((f) => ({ name: f.path, text: f.text }))],
      Object.values(secrets),
    );
    for (const o of [md, html]) assert.equal(o.stderr, '');
  });

  it('a missing or foreign report is a usage error', async () => {
    const missing = await runCli(['incident', join(s.t.dir, 'nope.json')], { cwd: s.t.dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /does not exist/);
    s.t.write('sarif.json', '{"version":"2.1.0","runs":[]}');
    const foreign = await runCli(['incident', join(s.t.dir, 'sarif.json')], { cwd: s.t.dir });
    assert.equal(foreign.code, 2);
    assert.match(foreign.stderr, /not a keyhound JSON report/);
  });
});

describe('incident report rendering', () => {
  const hostile = '<img src=x onerror=alert(1)>`|*.env';
  const report: JsonReport = {
    version: 1,
    scan: { tool: 'keyhound', version: '0.1.0', command: 'history', startedAt: '2025-07-01T00:00:00Z', refs: ['--all'] },
    findings: [
      {
        ruleId: 'evm-private-key',
        title: 'EVM private key',
        provider: 'ethereum',
        severity: 'error',
        file: hostile,
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 69,
        fingerprint: 'fp-evm',
        redacted: 'ab12…',
        validated: true,
        message: 'EVM private key',
        tags: ['wallet'],
        address: '0x00000000000000000000000000000000000000aa',
        commit: { sha: 'a'.repeat(40), author: '<b>Mallory</b>', date: '2025-03-01T00:00:00Z', subject: '`rm -rf`', presentAtHead: true, exposureDays: 122 },
        funds: [{ chain: 'ethereum', address: '0x00000000000000000000000000000000000000aa', balance: '0.25', unit: 'ETH', txCount: 3 }],
      },
      {
        ruleId: 'binance-api-secret',
        title: 'Binance API secret',
        provider: 'binance',
        severity: 'error',
        file: "it's\nodd.env",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 65,
        fingerprint: 'fp-bin',
        redacted: 'Xy…',
        validated: false,
        message: 'Binance API secret',
        tags: ['exchange'],
        verification: { status: 'live', checkedAt: '2025-07-01T00:01:00Z', issuer: 'binance', host: 'api.binance.com', canWithdraw: true, permissions: ['withdraw'] },
      },
      { ruleId: 'x', title: 'x', provider: 'ethereum', severity: 'note', file: 'h.ts', line: 1, column: 1, endLine: 1, endColumn: 2, fingerprint: 'fp-k', redacted: 'a…', validated: true, message: 'x', tags: [], knownPublic: 'Hardhat #0' },
    ],
    stats: { ...emptyStats(), files: 3, bytes: 10, durationMs: 5, findings: { error: 2, warning: 0, note: 1 }, suppressed: { ...emptyStats().suppressed, inline: 1 } },
  };

  it('wallets get move-the-funds steps, live exchange keys an urgent revoke; scanned text stays text', () => {
    const incident = buildIncident({ report, showSecrets: false, version: 'test', now: '2025-07-02T00:00:00Z' });
    assert.equal(incident.credentials.length, 2);
    const md = renderIncidentMarkdown(incident);
    assert.match(md, /1 known public test key, 0 notes, 1 suppressed finding \(1 inline\)/);
    assert.match(md, /\*\*Move every asset now\*\* \(coins, tokens, NFTs; the address held 0\.25 ETH on ethereum when checked\)/);
    assert.match(md, /\[https:\/\/etherscan\.io\/address\/0x0+aa\]\(https:\/\/etherscan\.io\/address\/0x0+aa\)/);
    assert.match(md, /\*\*Urgent: the key was live with withdrawal or transfer rights\. \*\*/);
    assert.match(md, /LIVE — act now/);
    // scanned text is either escaped or inside code (spans and fenced blocks show it literally)
    const prose = md.replace(/^ *(`{3,})sh\n[\s\S]*?\n *\1$/gm, '').replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '');
    assert.ok(!prose.includes('<img'), 'file name escaped in Markdown');
    assert.ok(!prose.includes('<b>Mallory'), 'author escaped in Markdown');
    assert.ok(md.includes('&lt;b&gt;Mallory&lt;/b&gt;'));
    assert.ok(md.includes("$'it\\'s\\x0aodd.env'"), 'a newline in a path is quoted for the shell, not a line break');
    const html = renderIncidentHtml(incident);
    assert.ok(!html.includes('<img') && !html.includes('<b>Mallory'));
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('quotes for the shell and for Markdown code spans', () => {
    assert.equal(shellQuote('config/.env'), 'config/.env');
    assert.equal(shellQuote("a b'c"), "'a b'\\''c'");
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x'), '`` `x ``');
    const f = report.findings[0]!;
    assert.equal(extractCommand(f), `git show '${'a'.repeat(40)}:<img src=x onerror=alert(1)>\`|*.env' | sed -n '2p' | cut -c 5-68 >> ../keyhound-replacements.txt`);
    assert.equal(extractCommand({ ...f, commit: undefined, endLine: 6 }), `sed -n '3,5p' '<img src=x onerror=alert(1)>\`|*.env' >> ../keyhound-replacements.txt`);
  });

  it('with showSecrets and a report holding secrets, the value is shown and flagged; otherwise never', () => {
    const withSecret: JsonReport = { ...report, findings: report.findings.map((f) => (f.fingerprint === 'fp-bin' ? { ...f, secret: 'S3cr3tValueThatMustNotLeak' , message: 'has S3cr3tValueThatMustNotLeak inside' } : f)) };
    const redacted = renderIncidentMarkdown(buildIncident({ report: withSecret, showSecrets: false, version: 't' }));
    assert.ok(!redacted.includes('S3cr3tValueThatMustNotLeak'));
    const shown = buildIncident({ report: withSecret, showSecrets: true, version: 't' });
    const md = renderIncidentMarkdown(shown, true);
    assert.ok(md.includes('`S3cr3tValueThatMustNotLeak`'));
    assert.match(md, /\[!CAUTION\]/);
  });
});
