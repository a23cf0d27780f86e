// End to end with the built CLI: config files, suppression, baselines, rules list/test, baseline prune.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expandExample } from '../../src/rules/example-values.js';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const gen = (t: string, seed: string) => expandExample(t, `suppress-cli:${seed}`);
const b64 = (s: string) => Buffer.from(s).toString('base64');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kh-suppress-cli-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function run(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  findings: Array<{ file: string; line: number; ruleId: string; decoded?: string }>;
  stats: { suppressed: { inline: number; ignoreFile: number; baseline: number; allow: number }; skipped: { ignored: number } };
}
function json(dir: string, args: string[]): { code: number | null; report: Report; all: string } {
  const r = run(dir, ['scan', '.', '--format', 'json', ...args]);
  assert.ok(r.stdout.startsWith('{'), `no JSON report: ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, all: r.stdout + r.stderr };
}

describe('mixed project: N findings, 0 after a baseline, 1 after a new secret', () => {
  const binance = gen('{{alnum:64}}', 'binance');
  const phemex = gen('{{alnum:40}}', 'phemex');
  const github = gen('{{github:ghp}}', 'github');
  const mnemonic = gen('{{bip39:12}}', 'mnemonic');
  const inline = gen('{{github:ghp}}', 'inline');
  const fixture = gen('{{github:ghp}}', 'fixture');
  const fresh = gen('{{github:ghp}}', 'fresh');
  const planted = [binance, phemex, github, mnemonic, inline, fixture, fresh];
  const dir = project({
    'config/app.yaml': `exchanges:\n  binance:\n    api_secret: ${binance}\n  phemex:\n    api_secret: ${phemex}\n`,
    '.env': `GITHUB_TOKEN=${github}\n`,
    'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\ndata:\n  MNEMONIC: ${b64(mnemonic)}\n`,
    'src/main.py': `TOKEN = "${inline}"  # keyhound:allow documented test token\n`,
    'test/fixtures/token.txt': `token: ${fixture}\n`,
    '.keyhoundignore': 'test/fixtures/\n',
  });
  const noLeak = (out: string) => {
    for (const p of planted) assert.ok(!out.includes(p), 'a planted secret was printed');
    for (const p of planted) assert.ok(!out.includes(b64(p)), 'an encoded planted secret was printed');
  };
  let n = 0;

  it('first scan reports N, counting inline and ignore-file suppression', () => {
    const { code, report, all } = json(dir, []);
    n = report.findings.length;
    assert.ok(n >= 4, `expected at least 4 findings, got ${n}: ${JSON.stringify(report.findings.map((f) => f.ruleId))}`);
    assert.equal(code, 1);
    assert.equal(report.stats.suppressed.inline, 1);
    assert.equal(report.stats.suppressed.ignoreFile, 1);
    assert.ok(report.findings.some((f) => f.file === 'k8s/secret.yaml' && f.decoded === 'base64'));
    assert.ok(report.findings.some((f) => f.ruleId === 'keypath-provider-secret' && f.line === 5));
    noLeak(all);
  });

  it('--write-baseline records them (no secrets in the file) and reports 0', () => {
    const r = json(dir, ['--write-baseline', '.keyhound-baseline.json']);
    assert.equal(r.code, 0);
    assert.equal(r.report.findings.length, 0);
    assert.equal(r.report.stats.suppressed.baseline, n);
    assert.match(r.all, new RegExp(`wrote baseline \\.keyhound-baseline\\.json \\(${n} entries\\)`));
    const text = readFileSync(join(dir, '.keyhound-baseline.json'), 'utf8');
    noLeak(text);
    assert.equal(JSON.parse(text).entries.length, n);
  });

  it('--baseline: 0 findings, also after moving and renaming', () => {
    const r = json(dir, ['--baseline', '.keyhound-baseline.json']);
    assert.equal(r.code, 0);
    assert.equal(r.report.findings.length, 0);
    assert.equal(r.report.stats.suppressed.baseline, n);
    renameSync(join(dir, 'config/app.yaml'), join(dir, 'config/live.yaml'));
    writeFileSync(join(dir, 'config/live.yaml'), `# moved\n\n${readFileSync(join(dir, 'config/live.yaml'), 'utf8')}`);
    const moved = json(dir, ['--baseline', '.keyhound-baseline.json']);
    assert.equal(moved.report.findings.length, 0, JSON.stringify(moved.report.findings));
    assert.equal(moved.code, 0);
  });

  it('a new secret: 1 finding, exit 1', () => {
    writeFileSync(join(dir, 'deploy.sh'), `export GH_TOKEN=${fresh}\n`);
    const r = json(dir, ['--baseline', '.keyhound-baseline.json']);
    assert.deepEqual(
      r.report.findings.map((f) => f.file),
      ['deploy.sh'],
    );
    assert.equal(r.code, 1);
    noLeak(r.all);
    const text = run(dir, ['scan', '.', '--baseline', '.keyhound-baseline.json']);
    assert.equal(text.code, 1);
    noLeak(text.stdout + text.stderr);
  });

  it('--no-suppress shows everything', () => {
    const r = json(dir, ['--baseline', '.keyhound-baseline.json', '--no-suppress']);
    assert.equal(r.report.findings.length, n + 1 + 2);
    assert.deepEqual(r.report.stats.suppressed, { inline: 0, ignoreFile: 0, baseline: 0, allow: 0 });
  });

  it('baseline prune drops entries no longer found', () => {
    unlinkSync(join(dir, '.env'));
    const r = run(dir, ['baseline', 'prune', '--baseline', '.keyhound-baseline.json']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`kept ${n - 1} of ${n} entries, dropped 1 no longer found`));
    assert.equal(JSON.parse(readFileSync(join(dir, '.keyhound-baseline.json'), 'utf8')).entries.length, n - 1);
    noLeak(r.stdout + r.stderr);
  });
});

describe('.keyhound.yaml on the command line', () => {
  const RULE = [
    '  - id: acme-key',
    '    title: ACME key',
    '    provider: acme',
    '    severity: error',
    '    keywords: [acme_]',
    "    pattern: '\\b(acme_[A-Za-z0-9]{20})\\b'",
    '    tags: [security, secret]',
    '    examples:',
    "      match: ['ACME = acme_{{alnum:20}}']",
    "      nomatch: ['ACME = acme_short']",
  ].join('\n');
  const acme = gen('acme_{{alnum:20}}', 'acme');

  it('a schema error exits 2 naming file, line and key', () => {
    const dir = project({ '.keyhound.yaml': 'fail-on: error\nexclude: [vendor/]\n' });
    const r = run(dir, ['scan', '.']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.keyhound\.yaml:2: exclude: unknown key "exclude"/);
    const revoke = project({ '.keyhound.yaml': 'revoke:\n  issuer: github\n' });
    const rv = run(revoke, ['scan', '.']);
    assert.equal(rv.code, 2);
    assert.match(rv.stderr, /\.keyhound\.yaml:2: revoke: only "revoke: false" is accepted/);
    assert.equal(run(project({ '.keyhound.yaml': 'revoke: false\n' }), ['scan', '.']).code, 0);
  });

  it('custom rules, severity, disable, paths.exclude, fail-on, allow', () => {
    const other = gen('acme_{{alnum:20}}', 'other');
    const dir = project({
      '.keyhound.yaml': [
        'rules:',
        '  severity: {acme-key: warning}',
        '  disable: [keypath-provider-secret]',
        '  custom:',
        RULE.replace(/^/gm, '  '),
        'paths:',
        '  exclude: [vendor/]',
        'fail-on: error',
        'allow:',
        `  - pattern: "^${other.slice(0, 12)}"`,
        '    reason: sandbox key from the ACME docs',
      ].join('\n'),
      'src/a.txt': `ACME = ${acme}\nOTHER = ${other}\n`,
      'vendor/b.txt': `ACME = ${gen('acme_{{alnum:20}}', 'vendored')}\n`,
    });
    const r = json(dir, []);
    assert.deepEqual(
      r.report.findings.map((f) => [f.ruleId, f.file]),
      [['acme-key', 'src/a.txt']],
    );
    assert.equal(r.report.stats.suppressed.allow, 1);
    assert.equal(r.report.stats.skipped.ignored, 1);
    assert.equal(r.code, 0, 'a warning under fail-on: error');
    assert.equal(json(dir, ['--fail-on', 'warning']).code, 1, 'the command line wins');
    const list = run(dir, ['rules', 'list']);
    assert.match(list.stdout, /^acme-key\s+acme\s+warning$/m);
    assert.doesNotMatch(list.stdout, /keypath-provider-secret/);
  });

  it('rules test FILE prints pass/fail per example', () => {
    const dir = project({
      'rules.yaml': `rules:\n${RULE.replace("nomatch: ['ACME = acme_short']", "nomatch: ['ACME = acme_short', 'ACME = acme_{{alnum:20}}']")}\n`,
      'good.yaml': `rules:\n${RULE}\n`,
      'bad.yaml': 'rules:\n  - id: Bad\n',
    });
    const r = run(dir, ['rules', 'test', 'rules.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^PASS {2}acme-key {2}match\[0\]$/m);
    assert.match(r.stdout, /^PASS {2}acme-key {2}nomatch\[0\]$/m);
    assert.match(r.stdout, /^FAIL {2}acme-key {2}nomatch\[1\] +expected no finding, got 1 \(error at 1:8\)$/m);
    assert.match(r.stdout, /1 rule, 3 examples: 2 passed, 1 failed/);
    const good = run(dir, ['rules', 'test', 'good.yaml']);
    assert.equal(good.code, 0);
    const bad = run(dir, ['rules', 'test', 'bad.yaml']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.yaml/);
    assert.ok(!existsSync(join(dir, '.keyhound-baseline.json')));
  });
});
