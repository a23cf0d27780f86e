// End to end: the built CLI on temp folders (exit codes, formats, redaction, bad input).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// A test-only rule with a distinctive prefix, so these tests don't depend on the evolving pack.
const RULES = `rules:
  - id: kh-test-token
    title: keyhound test token
    provider: keyhound-test
    severity: error
    keywords: [khtest_]
    pattern: '\\b(khtest_[A-Za-z0-9]{24})\\b'
    tags: [security, secret]
    examples:
      match: ['t = khtest_{{alnum:24}}']
      nomatch: ['t = khtest_short']
  - id: kh-test-id
    title: keyhound test id
    provider: keyhound-test
    severity: warning
    keywords: [khid_]
    pattern: '\\b(khid_[A-Za-z0-9]{12})\\b'
    tags: [security, secret]
    examples:
      match: ['i = khid_{{alnum:12}}']
      nomatch: ['i = khid_']
`;
const TOKEN = 'khtest_Q3v9ZpL2mX8rT4wK7yB1nC5d';
const ID = 'khid_R7tY2uI9oP4a';

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyhound-cli-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'test-rules.yaml'), RULES);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'src', name)), { recursive: true });
    writeFileSync(join(dir, 'src', name), content);
  }
  return dir;
}

function run(dir: string, args: string[], opts: { input?: string; uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    input: opts.input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const scan = (dir: string, ...args: string[]) => run(dir, ['scan', 'src', '--rules', 'test-rules.yaml', ...args]);
const json = (out: string) => JSON.parse(out) as { version: number; findings: Array<Record<string, unknown>>; stats: Record<string, any> };

describe('keyhound scan (end to end)', () => {
  it('exit 0 on a clean folder, 1 with a finding, 0 with --fail-on never', () => {
    const clean = project({ 'a.txt': 'nothing here\n' });
    assert.equal(scan(clean).code, 0);
    const dirty = project({ 'a.txt': `token = ${TOKEN}\n` });
    assert.equal(scan(dirty).code, 1);
    assert.equal(scan(dirty, '--fail-on', 'never').code, 0);
  });

  it('--fail-on compares severities', () => {
    const dir = project({ 'a.txt': `id = ${ID}\n` });
    assert.equal(scan(dir, '--fail-on', 'error').code, 0);
    assert.equal(scan(dir, '--fail-on', 'warning').code, 1);
    assert.equal(scan(dir, '--fail-on', 'note').code, 1);
  });

  it('JSON shape, positions and fingerprints', () => {
    const dir = project({ 'conf/a.env': `# header\nTOKEN=${TOKEN}\n` });
    const r = scan(dir, '--format', 'json');
    assert.equal(r.code, 1);
    const j = json(r.out);
    assert.equal(j.version, 1);
    const f = j.findings.find((x) => x.ruleId === 'kh-test-token')!;
    assert.equal(f.file, 'conf/a.env');
    assert.equal(f.line, 2);
    assert.equal(f.column, 7);
    assert.equal(f.endColumn, 7 + TOKEN.length);
    assert.equal(f.severity, 'error');
    assert.match(String(f.fingerprint), /^[0-9a-f]{16,}/);
    assert.equal(j.stats.files, 1);
  });

  it('redacts secrets in every format unless --show-secrets', () => {
    const dir = project({ 'a.txt': `token = ${TOKEN}\nid: ${ID}\n` });
    for (const format of ['text', 'json', 'sarif']) {
      const r = scan(dir, '--format', format);
      assert.equal(r.code, 1, format);
      assert.ok(!(r.out + r.err).includes(TOKEN), `${format} leaks the token`);
      assert.ok(!(r.out + r.err).includes(ID), `${format} leaks the id`);
      assert.ok(!(r.out + r.err).includes(TOKEN.slice(4, 20)), `${format} leaks part of the token`);
    }
    const shown = scan(dir, '--format', 'json', '--show-secrets');
    assert.ok(shown.out.includes(TOKEN));
  });

  it('--output writes the report to a file', () => {
    const dir = project({ 'a.txt': `token = ${TOKEN}\n` });
    const r = scan(dir, '--format', 'sarif', '--output', 'out.sarif');
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    const sarif = JSON.parse(spawnSync('cat', [join(dir, 'out.sarif')], { encoding: 'utf8' }).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, 1);
  });

  it('reads standard input with -', () => {
    const dir = project({});
    const r = run(dir, ['scan', '-', '--rules', 'test-rules.yaml', '--format', 'json'], { input: `x ${TOKEN}\n` });
    assert.equal(r.code, 1);
    assert.equal(json(r.out).findings[0]!.file, '-');
  });

  it('skips binary files, scans invalid UTF-8 and huge single lines', () => {
    const dir = project({
      'bin.dat': Buffer.concat([Buffer.from(`${TOKEN}\0\0\0`), Buffer.alloc(100, 1)]),
      'latin.txt': Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]), Buffer.from(`k=${TOKEN}\n`)]),
      'one-line.min.js': 'var a="x";'.repeat(300_000) + `t="${TOKEN}";`,
    });
    const r = scan(dir, '--format', 'json');
    const j = json(r.out);
    assert.equal(j.stats.skipped.binary, 1);
    const files = j.findings.map((f) => f.file).sort();
    assert.deepEqual(files, ['latin.txt', 'one-line.min.js']);
    assert.equal(j.findings.find((f) => f.file === 'one-line.min.js')!.line, 1);
  });

  it('skips files over --max-file-size with a warning', () => {
    const dir = project({ 'big.txt': `${TOKEN}\n`.repeat(2000) });
    const r = scan(dir, '--format', 'json', '--max-file-size', '10KB');
    const j = json(r.out);
    assert.equal(j.findings.length, 0);
    assert.equal(j.stats.skipped.tooLarge, 1);
    assert.match(r.err, /max-file-size/);
  });

  // Root reads everything, so the test runs the CLI as nobody; that needs a checkout nobody can read
  // (a clone inside a 0700 temp folder is not). test/pipeline covers the same path without privileges.
  const nobodyCanRun = () =>
    process.getuid?.() === 0 && spawnSync(process.execPath, [CLI, '--version'], { uid: 65534, gid: 65534, timeout: 30_000 }).status === 0;
  it('warns about unreadable files and goes on', { skip: !nobodyCanRun() && 'needs root and a checkout readable by nobody' }, () => {
    const dir = project({ 'locked.txt': `${TOKEN}\n`, 'open.txt': `${TOKEN}\n` });
    chmodSync(join(dir, 'src', 'locked.txt'), 0o000);
    chmodSync(dir, 0o755);
    const r = run(dir, ['scan', 'src', '--rules', 'test-rules.yaml', '--format', 'json'], { uid: 65534, gid: 65534 });
    const j = json(r.out);
    assert.deepEqual(j.findings.map((f) => f.file), ['open.txt']);
    assert.equal(j.stats.skipped.unreadable, 1);
    assert.match(r.err, /locked\.txt/);
  });

  it('FIFOs are warnings, not hangs; a missing path is an error (exit 2)', () => {
    const dir = project({ 'a.txt': `${TOKEN}\n` });
    spawnSync('mkfifo', [join(dir, 'src', 'pipe')]);
    const r = run(dir, ['scan', 'src/a.txt', 'src/pipe', '--rules', 'test-rules.yaml', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.match(r.err, /pipe: not a regular file/);
    const missing = run(dir, ['scan', 'src/a.txt', 'nope.txt', '--rules', 'test-rules.yaml', '--format', 'json']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^keyhound: error: no such file or folder: nope\.txt$/m);
  });

  it('honours .gitignore unless --no-gitignore, never descends into .git', () => {
    const dir = project({ '.gitignore': 'secret/\n*.log\n', 'secret/a.txt': `${TOKEN}\n`, 'b.log': `${TOKEN}\n`, 'keep.txt': 'x\n' });
    mkdirSync(join(dir, 'src', '.git'));
    writeFileSync(join(dir, 'src', '.git', 'config'), `${TOKEN}\n`);
    assert.equal(json(scan(dir, '--format', 'json').out).findings.length, 0);
    const all = json(scan(dir, '--format', 'json', '--no-gitignore').out).findings.map((f) => f.file).sort();
    assert.deepEqual(all, ['b.log', 'secret/a.txt']);
  });

  it('does not follow symbolic links unless asked', () => {
    const dir = project({ 'real/a.txt': `${TOKEN}\n` });
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'b.txt'), `${TOKEN}\n`);
    symlinkSync(join(dir, 'other'), join(dir, 'src', 'link'));
    assert.deepEqual(json(scan(dir, '--format', 'json').out).findings.map((f) => f.file), ['real/a.txt']);
    const followed = json(scan(dir, '--format', 'json', '--follow-symlinks').out).findings.map((f) => f.file).sort();
    assert.deepEqual(followed, ['link/b.txt', 'real/a.txt']);
  });

  it('a bad rule file is exit 2 naming file, rule and field', () => {
    const dir = project({ 'a.txt': 'x\n' });
    writeFileSync(join(dir, 'bad.yaml'), RULES.replace('severity: error', 'severity: critical'));
    const r = run(dir, ['scan', 'src', '--rules', 'bad.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /bad\.yaml: rule "kh-test-token": field "severity": must be one of error, warning, note/);
    writeFileSync(join(dir, 'bad2.yaml'), RULES.replace("pattern: '\\b(khid_", "pattern: '(?<=x)(khid_"));
    const r2 = run(dir, ['scan', 'src', '--rules', 'bad2.yaml']);
    assert.equal(r2.code, 2);
    assert.match(r2.err, /bad2\.yaml: rule "kh-test-id": field "pattern": not a valid RE2 pattern/);
  });

  it('usage errors are exit 2', () => {
    const dir = project({});
    assert.equal(run(dir, ['scan', '--format', 'xml']).code, 2);
    assert.equal(run(dir, ['scan', '--max-file-size', 'huge']).code, 2);
    assert.equal(run(dir, ['frobnicate']).code, 2);
    assert.equal(run(dir, ['--help']).code, 0);
  });
});
