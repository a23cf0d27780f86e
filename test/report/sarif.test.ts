import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { render } from '../../src/report/index.js';
import { grantsFunds } from '../../src/core/finding.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { artifactLocation, genericRemediation, primaryLocationLineHash, region, ruleName, securitySeverity, toSarif } from '../../src/report/sarif.js';
import { validateSarifFiles, type SarifValidation } from '../support/validate-sarif.js';
import { RULES, SECRETS, emptyInput, finding, hex, sampleFindings, sampleInput } from './fixtures.js';

const log = (input = sampleInput()) => JSON.parse(render('sarif', input, { color: false })) as Sarif.Log;

function edgeInput() {
  return sampleInput({
    findings: [
      finding(RULES.infura, SECRETS.infura, { file: 'weird/#hash?q=1&x.env', line: 0, column: 0, endLine: 0, endColumn: 0 }),
      finding(RULES.infura, SECRETS.infura, { file: './rel/start.env', line: 5, column: 9, endLine: 3, endColumn: 2 }),
      finding(RULES.github, SECRETS.github, { file: '-', line: 1, column: 1, endLine: 1, endColumn: 41 }),
      finding(RULES.github, SECRETS.github, { file: 'C:colon/first.txt', line: 2, column: 3, endLine: 2, endColumn: 3 }),
    ],
  });
}

describe('sarif report', () => {
  const input = sampleInput();
  const doc = log(input);
  const run = doc.runs[0]!;
  const rules = run.tool.driver.rules!;

  it('has the SARIF 2.1.0 envelope and tool driver', () => {
    assert.equal(doc.version, '2.1.0');
    assert.match(doc.$schema!, /sarif-2\.1\.0/);
    assert.equal(doc.runs.length, 1);
    assert.equal(run.tool.driver.name, 'keyhound');
    assert.equal(run.tool.driver.semanticVersion, '0.1.0');
    assert.equal(run.tool.driver.informationUri, 'https://github.com/keyhound/keyhound');
    assert.deepEqual(run.originalUriBaseIds, {
      '%SRCROOT%': { uri: 'file:///work/repo%20with%20space/', description: { text: 'The scanned repository or folder.' } },
    });
  });

  it('lists every active rule and every rule with a result, with full metadata', () => {
    const ids = rules.map((r) => r.id);
    for (const r of input.rules) assert.ok(ids.includes(r.id), r.id);
    assert.ok(ids.includes('coinbase-cdp-ec-private-key'), 'rule of a finding missing from the rule list');
    assert.ok(ids.includes('evm-private-key.known-public'));
    assert.equal(new Set(ids).size, ids.length);
    for (const r of rules) {
      assert.match(r.name!, /^[A-Z][A-Za-z0-9]*$/);
      assert.ok(r.shortDescription?.text && r.fullDescription?.text && r.help?.text && r.help.markdown, r.id);
      const tags = r.properties!['tags'] as string[];
      assert.ok(tags.includes('security') && tags.includes('secret'), r.id);
      assert.ok(['very-high', 'high', 'medium', 'low'].includes(r.properties!['precision'] as string));
      const sev = r.properties!['security-severity'];
      assert.equal(typeof sev, 'string');
      assert.ok(Number(sev) >= 0.1 && Number(sev) <= 10);
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration!.level!));
    }
    const evm = rules.find((r) => r.id === 'evm-private-key')!;
    assert.equal(evm.name, 'EvmPrivateKey');
    assert.equal(evm.properties!['security-severity'], '9.5');
    assert.match(evm.help!.markdown!, /move all funds/);
    assert.match(evm.help!.markdown!, /git history/);
    const bs = rules.find((r) => r.id === 'binance-api-secret')!;
    assert.match(bs.help!.text, /Binance API Management/, 'rule remediation is used');
    assert.equal(rules.find((r) => r.id === 'binance-api-key')!.properties!['security-severity'], '5.5');
    assert.equal(rules.find((r) => r.id === 'github-classic-token')!.properties!['security-severity'], '8.5');
    assert.equal(rules.find((r) => r.id === 'evm-private-key.known-public')!.properties!['security-severity'], '2.0');
  });

  it('maps security severity by level, offline check and funds access', () => {
    assert.equal(securitySeverity({ grants: 'wallet', validate: 'evm-private-key' }, 'error'), '9.5');
    assert.equal(securitySeverity({ grants: 'exchange-account', validate: 'kraken' }, 'error'), '9.5');
    assert.equal(securitySeverity({ grants: 'custody', validate: 'x' }, 'error'), '9.5');
    assert.equal(securitySeverity({ grants: 'exchange-account' }, 'error'), '8.5');
    assert.equal(securitySeverity({ grants: 'service', validate: 'github-token' }, 'error'), '8.5');
    assert.equal(securitySeverity({ grants: 'wallet', validate: 'x' }, 'warning'), '5.5');
    assert.equal(securitySeverity({ grants: 'wallet', validate: 'x' }, 'note'), '2.0');
  });

  it('behaviour follows grants, never tags; every built-in rule says in grants what its descriptive tags say', () => {
    // what the wallet/exchange/custody tags decided before the field existed: the SARIF output stays the same
    const funds = ['wallet', 'exchange', 'custody'];
    const wallet = ['wallet', 'private-key', 'mnemonic', 'seed-phrase', 'keystore'];
    for (const r of loadRuleDir().rules) {
      assert.ok(r.grants, r.id);
      assert.equal(grantsFunds(r.grants), r.tags.some((t) => funds.includes(t)), r.id);
      assert.equal(r.grants === 'wallet', r.tags.some((t) => wallet.includes(t)), r.id);
      assert.equal(r.grants === 'exchange-account', r.tags.includes('exchange'), r.id);
    }
    // tags alone change nothing
    const tagged = { ...RULES.github, tags: ['wallet', 'exchange', 'custody'] };
    assert.equal(securitySeverity(tagged, 'error'), '8.5');
    assert.doesNotMatch(genericRemediation(tagged).join(' '), /move all funds|withdrawal/);
    assert.match(genericRemediation({ provider: 'x', grants: 'wallet' }).join(' '), /move all funds/);
    assert.match(genericRemediation({ provider: 'x', grants: 'exchange-account' }).join(' '), /no withdrawal permission/);
  });

  it('gives every result a rule, a level, a message and exactly one location', () => {
    assert.equal(run.results!.length, input.findings.length);
    for (const r of run.results!) {
      assert.equal(rules[r.ruleIndex!]!.id, r.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(r.level!));
      assert.ok(r.message.text && /[.!?]$/.test(r.message.text));
      assert.equal(r.locations!.length, 1);
      const pl = r.locations![0]!.physicalLocation!;
      assert.equal(pl.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.ok(!pl.artifactLocation!.uri!.startsWith('/'));
      const g = pl.region!;
      assert.ok(g.startLine! >= 1 && g.startColumn! >= 1 && g.endLine! >= g.startLine!);
      if (g.endLine === g.startLine) assert.ok(g.endColumn! > g.startColumn!);
      assert.ok(!('snippet' in g), 'a snippet would carry the secret');
      assert.match(r.partialFingerprints!['primaryLocationLineHash']!, /^[0-9a-f]{16}:\d+$/);
      assert.match(r.properties!['fingerprint'] as string, /^[0-9a-f]{32}$/);
      assert.equal(typeof r.properties!['validated'], 'boolean');
    }
    const hh = run.results!.find((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === 'hardhat.config.ts')!;
    assert.equal(hh.ruleId, 'evm-private-key.known-public');
    assert.equal(hh.level, 'note');
    assert.match(hh.message.text!, /known public test key/);
  });

  it('percent-encodes repo-relative uris', () => {
    const uris = run.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    assert.ok(uris.includes('docs/%C3%9Cn%C3%AFcode%20%E6%97%A5%E6%9C%AC%20dir/notes%2C%20v1%3A%20100%25.md'));
    assert.deepEqual(artifactLocation('./a b/c#d?.txt'), { uri: 'a%20b/c%23d%3F.txt', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('C:x/y'), { uri: 'C%3Ax/y', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation('/abs/p q.txt'), { uri: 'file:///abs/p%20q.txt' });
  });

  it('guards regions against 0, equal and inverted columns', () => {
    assert.deepEqual(region({ line: 0, column: 0, endLine: 0, endColumn: 0 }), { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
    assert.deepEqual(region({ line: 7, column: 30, endLine: 7, endColumn: 30 }), { startLine: 7, startColumn: 30, endLine: 7, endColumn: 31 });
    assert.deepEqual(region({ line: 5, column: 9, endLine: 3, endColumn: 2 }), { startLine: 5, startColumn: 9, endLine: 5, endColumn: 10 });
    assert.deepEqual(region({ line: 3, column: 18, endLine: 6, endColumn: 30 }), { startLine: 3, startColumn: 18, endLine: 6, endColumn: 30 });
  });

  it('computes primaryLocationLineHash from rule, fingerprint and commit: stable across line moves', () => {
    const [f] = sampleFindings();
    const moved = { ...f!, line: f!.line + 40, endLine: f!.endLine + 40 };
    assert.equal(primaryLocationLineHash(f!), primaryLocationLineHash(moved));
    const inCommit = { ...f!, commit: { sha: hex('c1', 40) } };
    assert.notEqual(primaryLocationLineHash(f!), primaryLocationLineHash(inCommit));
    assert.notEqual(primaryLocationLineHash(inCommit), primaryLocationLineHash({ ...f!, commit: { sha: hex('c2', 40) } }));
    // the same secret twice in one file: occurrence index 1, 2
    const twice = toSarif(sampleInput({ findings: [f!, { ...f!, line: 80, endLine: 80 }] }));
    assert.deepEqual(
      twice.runs[0]!.results!.map((r) => r.partialFingerprints!['primaryLocationLineHash']!.split(':')[1]),
      ['1', '2'],
    );
    const a = log(sampleInput({ findings: [f!] })).runs[0]!.results![0]!;
    const b = log(sampleInput({ findings: [moved] })).runs[0]!.results![0]!;
    assert.deepEqual(a.partialFingerprints, b.partialFingerprints);
  });

  it('carries commit provenance in result properties and message', () => {
    const r = run.results!.find((x) => x.ruleId === 'github-classic-token')!;
    const c = r.properties!['commit'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(c), ['sha', 'author', 'date', 'removedIn', 'removedDate', 'exposureDays', 'presentAtHead', 'paths']);
    assert.equal(c['exposureDays'], 42);
    assert.match(r.message.text!, /Introduced in commit [0-9a-f]{8} by Ada Lovelace on 2024-01-02; removed in [0-9a-f]{8} on 2024-02-13; exposed for 42 days\./);
  });

  it('names pascal-case rules', () => {
    assert.equal(ruleName('bip32-xprv'), 'Bip32Xprv');
    assert.equal(ruleName('coinbase-cdp-ec-private-key'), 'CoinbaseCdpEcPrivateKey');
  });

  it('passes a clean scan and a zero-rule scan through the envelope', () => {
    const clean = log(emptyInput());
    assert.deepEqual(clean.runs[0]!.results, []);
    assert.ok(clean.runs[0]!.tool.driver.rules!.length > 0);
    const noRules = log(sampleInput({ rules: [] })).runs[0]!;
    assert.equal(noRules.results!.length, sampleFindings().length);
    for (const r of noRules.results!) assert.equal(noRules.tool.driver.rules![r.ruleIndex!]!.id, r.ruleId);
  });
});

function suppressedInput() {
  const fs = sampleFindings();
  (fs[0] as { suppressed?: string }).suppressed = 'inline';
  (fs[1] as { suppressed?: string }).suppressed = 'baseline';
  return sampleInput({ findings: fs });
}

describe('sarif report against Microsoft SARIF Multitool (validate --rule-kind "Gh;Sarif" --level "Error;Warning")', () => {
  const cases: [string, () => ReturnType<typeof sampleInput>][] = [
    ['sample findings', () => sampleInput()],
    ['sample findings without a root', () => sampleInput({ root: undefined })],
    ['sample findings with showSecrets', () => sampleInput({ showSecrets: true })],
    ['edge positions and paths', edgeInput],
    ['suppressed findings', suppressedInput],
    ['clean scan', emptyInput],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'keyhound-sarif-test-'));
  const files = cases.map(([name]) => join(dir, `${name.replace(/\W+/g, '-')}.sarif`));
  cases.forEach(([, make], i) => writeFileSync(files[i]!, render('sarif', make(), { color: false })));
  // a control: the validator must flag a result without a location
  const broken = log(sampleInput());
  delete broken.runs[0]!.results![0]!.locations;
  const brokenFile = join(dir, 'broken.sarif');
  writeFileSync(brokenFile, JSON.stringify(broken));

  let results: SarifValidation[] | undefined;
  let unavailable: string | undefined;
  before(() => {
    try {
      // one validator start for all files (a .NET start costs about a second)
      results = validateSarifFiles([...files, brokenFile]);
    } catch (e) {
      if (process.platform === 'linux' && process.arch === 'x64') throw e;
      unavailable = `!!! SARIF VALIDATOR NOT RUN: Sarif.Multitool is a linux-x64 binary, this is ${process.platform}-${process.arch}: ${(e as Error).message} !!!`;
      console.error(unavailable);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  cases.forEach(([name], i) => {
    it(`${name}: zero errors, zero warnings`, (t) => {
      if (unavailable) return t.skip(unavailable);
      const v = results![i]!;
      t.diagnostic(`validator: ${v.errors} errors, ${v.warnings} warnings${v.output ? `\n${v.output}` : ''}`);
      assert.equal(v.errors, 0, v.output);
      assert.equal(v.warnings, 0, v.output);
    });
  });

  it('the validator does report problems (no false clean)', (t) => {
    if (unavailable) return t.skip(unavailable);
    const v = results!.at(-1)!;
    assert.ok(v.errors > 0, v.output);
    assert.match(v.output, /locations/);
  });
});

describe('suppressed findings (--no-suppress)', () => {
  it('SARIF marks them with suppressions, and gives every other result an empty list', () => {
    const run = toSarif(suppressedInput()).runs[0]!;
    const kinds = run.results!.map((r) => r.suppressions!.map((s) => s.kind).join());
    assert.deepEqual(kinds.filter(Boolean).sort(), ['external', 'inSource']);
    assert.equal(kinds.filter((k) => k === '').length, run.results!.length - 2);
    assert.ok(toSarif(sampleInput()).runs[0]!.results!.every((r) => !('suppressions' in r)));
  });

  it('text and json show the suppression', () => {
    const input = suppressedInput();
    assert.match(render('text', input, { color: false }), /src\/deploy\.ts:12:27 {2}\[suppressed: inline\]/);
    const doc = JSON.parse(render('json', input, { color: false })) as { findings: Record<string, unknown>[] };
    assert.equal(doc.findings.find((f) => f['file'] === 'src/deploy.ts')!['suppressed'], 'inline');
    assert.deepEqual(Object.keys(doc.findings.find((f) => f['file'] === 'src/deploy.ts')!).slice(-1), ['suppressed']);
  });
});

describe('large scans', () => {
  it('caps a run at 25,000 results, most severe kept, with a notification', () => {
    const notes = Array.from({ length: 20 }, (_, i) => finding(RULES.infura, hex(`n${i}`, 32), { severity: 'note', file: `n/${i}.env` }));
    const errors = Array.from({ length: 25_000 }, (_, i) => {
      const f = finding(RULES.binanceSecret, hex(`e${i}`, 64), { file: `e/${i % 97}.env`, line: i + 1, endLine: i + 1 });
      f.related = [hex(`e${i ^ 1}`, 32)];
      return f;
    });
    const run = toSarif(sampleInput({ findings: [...notes, ...errors] })).runs[0]!;
    assert.equal(run.results!.length, 25_000);
    assert.ok(run.results!.every((r) => r.level === 'error'));
    assert.match(run.invocations![0]!.toolExecutionNotifications!.at(-1)!.message.text!, /^20 of 25020 findings were left out/);
  });
});
