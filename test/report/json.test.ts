import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/report/index.js';
import { SECRETS, emptyInput, sampleInput } from './fixtures.js';

const parse = (s: string) => JSON.parse(s) as { version: number; findings: Record<string, unknown>[]; stats: Record<string, unknown> };

describe('json report', () => {
  const input = sampleInput();
  const out = render('json', input, { color: false });
  const doc = parse(out);

  it('is exactly {version, findings, stats}', () => {
    assert.deepEqual(Object.keys(doc), ['version', 'findings', 'stats']);
    assert.equal(doc.version, 1);
    assert.equal(doc.findings.length, input.findings.length);
    assert.deepEqual(doc.stats, input.stats);
    assert.deepEqual(Object.keys(doc.stats), Object.keys(input.stats));
  });

  it('has a stable key order per finding, optional keys only when present', () => {
    const base = ['ruleId', 'title', 'provider', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'fingerprint', 'redacted', 'validated', 'message', 'tags', 'grants'];
    const byRule = (id: string, file?: string) => doc.findings.find((f) => f['ruleId'] === id && (!file || f['file'] === file))!;
    assert.deepEqual(Object.keys(byRule('infura-project-id')), base);
    assert.deepEqual(Object.keys(byRule('evm-private-key', 'src/deploy.ts')), [...base, 'address', 'key']);
    assert.deepEqual(Object.keys(byRule('evm-private-key', 'hardhat.config.ts')), [...base, 'address', 'key', 'knownPublic']);
    assert.deepEqual(Object.keys(byRule('binance-api-key')), [...base, 'key', 'related']);
    const gh = byRule('github-classic-token');
    assert.deepEqual(Object.keys(gh), [...base, 'commit', 'decoded']);
    assert.deepEqual(Object.keys(gh['commit'] as object), ['sha', 'author', 'email', 'date', 'subject', 'removedIn', 'removedDate', 'exposureDays', 'presentAtHead', 'paths']);
    assert.equal((gh['commit'] as { exposureDays: number }).exposureDays, 42);
    assert.equal(gh['redacted'], 'ghp_…');
    assert.equal(gh['validated'], true);
    assert.ok(!('secret' in gh));
  });

  it('is sorted by file and line, and deterministic', () => {
    const files = doc.findings.map((f) => `${f['file']}:${String(f['line']).padStart(5, '0')}`);
    assert.deepEqual(files, [...files].sort());
    const shuffled = sampleInput({ findings: [...input.findings].reverse() });
    assert.equal(render('json', shuffled, { color: false }), out);
  });

  it('adds the raw secret only with showSecrets, as the last key', () => {
    const shown = parse(render('json', sampleInput({ showSecrets: true }), { color: false }));
    for (const f of shown.findings) assert.equal(Object.keys(f).at(-1), 'secret');
    assert.ok(shown.findings.some((f) => f['secret'] === SECRETS.cdp));
  });

  it('renders a clean scan', () => {
    const clean = parse(render('json', emptyInput(), { color: false }));
    assert.deepEqual(clean.findings, []);
    assert.equal(clean.stats['files'], 10);
  });
});
