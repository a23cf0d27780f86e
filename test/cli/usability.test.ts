// The CLI as a new user meets it: ignored secrets, missing paths, lockfiles, warnings and -q, -o, one-line
// errors, help, wording, notes, --min-level, baseline: in the config, the blocked-commit command, version,
// init, completion and gitleaks's names.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadRuleDir } from '../../src/rules/loader.js';
import { expandExample } from '../../src/rules/example-values.js';
import { CLI, cleanup, Repo, runCli, tempDir, testEnv } from '../git/helpers.js';

after(cleanup);

const ghp = (seed: string) => expandExample('{{github:ghp}}', `usability-${seed}`);
const version = JSON.parse(readFileSync(join(dirname(CLI), '../../../package.json'), 'utf8')).version as string;

function project(files: Record<string, string>): string {
  const dir = tempDir('keyhound-cli-');
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

interface JsonOut {
  findings: Array<{ ruleId: string; file: string; severity: string; validated?: boolean; address?: string; keyType?: string; suppressed?: string }>;
  stats: { files: number; skipped: Record<string, number>; ignoredPaths: string[]; ignoredScanned: string[]; suppressed: Record<string, number> };
}
const json = (stdout: string) => JSON.parse(stdout) as JsonOut;

describe('scan: what is read and what is counted', () => {
  it('git-ignored files named like secrets are scanned; every ignored file is counted and named; a flag turns it off', () => {
    const secret = ghp('ignored');
    const dir = project({ '.gitignore': '.env\nbuild/\n*.log\n', '.env': `GITHUB_TOKEN=${secret}\n`, 'build/out.js': 'x\n', 'debug.log': 'y\n', 'app.js': 'z\n' });
    const r = runCli(dir, ['scan', '.', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const out = json(r.stdout);
    assert.deepEqual(out.findings.map((f) => f.file), ['.env']);
    assert.deepEqual(out.stats.ignoredScanned, ['.env']);
    assert.deepEqual(out.stats.ignoredPaths.sort(), ['build/', 'debug.log']);
    assert.equal(out.stats.skipped.ignored, 2);
    const text = runCli(dir, ['scan', '.']);
    assert.match(text.stdout, /ignored, not scanned: .*build\//);
    assert.match(text.stdout, /git-ignored but scanned \(named like secrets\): \.env/);
    const off = runCli(dir, ['scan', '.', '--format', 'json', '--no-ignored-secret-files']);
    assert.equal(off.code, 0, off.stderr);
    assert.deepEqual(json(off.stdout).stats.ignoredPaths.sort(), ['.env', 'build/', 'debug.log']);
    for (const o of [r, text, off]) assert.ok(!(o.stdout + o.stderr).includes(secret));
  });

  it('a path that does not exist exits 2 with one error line', () => {
    const r = runCli(tempDir(), ['scan', 'no-such-folder']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'keyhound: error: no such file or folder: no-such-folder\n');
    assert.equal(r.stdout, '');
  });

  it('lockfiles are counted as skipped, not as scanned', () => {
    const dir = project({ 'package-lock.json': '{"lockfileVersion":3}\n', 'go.sum': 'h1:abc\n', 'index.js': 'x\n' });
    const out = json(runCli(dir, ['scan', '.', '--format', 'json']).stdout);
    assert.equal(out.stats.files, 1);
    assert.equal(out.stats.skipped.lockfile, 2);
  });
});

describe('scan: output streams', () => {
  const dir = () => project({ 'big.txt': 'x'.repeat(4096), 'ok.txt': 'fine\n' });
  it('warnings go to standard error in every format; -q silences them', () => {
    const d = dir();
    for (const format of ['text', 'json']) {
      const r = runCli(d, ['scan', '.', '--max-file-size', '1KB', '--format', format]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^keyhound: warning: .*big\.txt/m, format);
      assert.doesNotMatch(r.stdout, /warning:/, format);
      const quiet = runCli(d, ['scan', '.', '--max-file-size', '1KB', '--format', format, '-q']);
      assert.equal(quiet.stderr, '', format);
    }
  });

  it('-o FILE writes the report and still prints a one-line summary', () => {
    const secret = ghp('output');
    const d = project({ 'config.env': `GITHUB_TOKEN=${secret}\n` });
    const report = join(d, '..', 'report.json');
    const r = runCli(d, ['scan', '.', '-o', report, '--format', 'json']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^keyhound: 1 finding \(1 error, 0 warning, 0 note\) in 1 file; report written to .*report\.json\n$/);
    assert.equal(json(readFileSync(report, 'utf8')).findings.length, 1);
  });
});

describe('errors and help', () => {
  it('a bad flag or value: one error line and where to read more, not the whole help', () => {
    const cases: Array<[string[], RegExp, string]> = [
      [['scan', '--bogus'], /^keyhound: error: unknown option '--bogus'$/, 'see keyhound scan --help'],
      [['scan', '--format', 'xml'], /^keyhound: error: option '-f, --format <format>' argument 'xml' is invalid/, 'see keyhound scan --help'],
      [['scan', '--max-file-size', 'huge'], /^keyhound: error: not a size: "huge"/, 'see keyhound scan --help'],
      [['history', '--fail-on', 'fatal'], /^keyhound: error: option '--fail-on <level>'/, 'see keyhound history --help'],
      [['git', '--bogus'], /^keyhound: error: unknown option '--bogus'$/, 'see keyhound history --help'],
      [['frobnicate'], /^keyhound: error: unknown command 'frobnicate'$/, 'see keyhound --help'],
    ];
    for (const [args, first, hint] of cases) {
      const r = runCli(tempDir(), args);
      assert.equal(r.code, 2, args.join(' '));
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, r.stderr);
      assert.match(lines[0]!, first);
      assert.equal(lines[1], hint);
      assert.doesNotMatch(r.stderr, /Usage:/);
    }
  });

  it('help: no doubled defaults, examples per command, revocation grouped, no --revoke or --write-baseline on staged', () => {
    for (const cmd of ['scan', 'history', 'staged']) {
      const h = runCli(tempDir(), [cmd, '--help']).stdout;
      assert.doesNotMatch(h, /\(default: [^)]*\)\s*\(default:/, cmd);
      assert.doesNotMatch(h, /\(default: false\)|\(default: \[\]\)/, cmd);
      assert.match(h, /\nExamples:\n {2}keyhound /, cmd);
    }
    const scan = runCli(tempDir(), ['scan', '--help']).stdout;
    assert.match(scan, /\nRevocation:\n(\s+--\S+.*\n)*?\s+--revoke\b/);
    const staged = runCli(tempDir(), ['staged', '--help']).stdout;
    assert.doesNotMatch(staged, /--revoke\b|--write-baseline|Revocation:/);
  });

  it('keyhound --version and keyhound version print the version', () => {
    assert.equal(runCli(tempDir(), ['--version']).stdout, `${version}\n`);
    assert.equal(runCli(tempDir(), ['version']).stdout, `${version}\n`);
  });
});

describe('report wording and what is shown', () => {
  it('an offline check reads "checksum ok", never "validated"; a PEM key names its key type, not an address', () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const d = project({ 'config.env': `GITHUB_TOKEN=${ghp('checksum')}\n`, 'deploy/server.pem': pem });
    const text = runCli(d, ['scan', '.']).stdout;
    assert.match(text, /✔ checksum ok/);
    assert.doesNotMatch(text, /validated/);
    assert.match(text, /key type: +RSA 2048/);
    const pemFinding = json(runCli(d, ['scan', '.', '--format', 'json']).stdout).findings.find((f) => f.file === 'deploy/server.pem')!;
    assert.equal(pemFinding.keyType, 'RSA 2048');
    assert.equal(pemFinding.address, undefined);
  });

  it('notes fold into one line in text unless --show-notes; JSON keeps them; --min-level chooses what is shown', () => {
    const known = loadRuleDir().knownPublic.find((k) => /^(0x)?[0-9a-f]{64}$/i.test(k.value))!;
    const d = project({ 'hardhat.config.js': `module.exports = { networks: { hardhat: { accounts: ['${known.value}'] } } };\n`, 'config.env': `GITHUB_TOKEN=${ghp('notes')}\n` });
    const out = json(runCli(d, ['scan', '.', '--format', 'json']).stdout);
    const notes = out.findings.filter((f) => f.severity === 'note').length;
    assert.ok(notes >= 1, 'the known public key is a note');
    const text = runCli(d, ['scan', '.']).stdout;
    assert.doesNotMatch(text, /^NOTE/m);
    assert.match(text, new RegExp(`${notes} notes? not listed .*--show-notes`));
    assert.match(runCli(d, ['scan', '.', '--show-notes']).stdout, /^NOTE/m);
    const errorsOnly = runCli(d, ['scan', '.', '--min-level', 'error', '--format', 'json']);
    assert.ok(json(errorsOnly.stdout).findings.every((f) => f.severity === 'error'));
    assert.match(runCli(d, ['scan', '.', '--min-level', 'error']).stdout, /below --min-level error not shown/);
  });
});

describe('baseline: in .keyhound.yaml', () => {
  it('scan, history and staged read it; the blocked-commit message gives a command that works where the hook runs', () => {
    const secret = ghp('baseline');
    const r = Repo.init();
    r.commit('add config', '2024-01-01T00:00:00Z', { 'config.env': `GITHUB_TOKEN=${secret}\n` });
    // blocked: the message names a command that runs here (this build is not `keyhound` on PATH)
    r.write('more.env', `TOKEN=${secret}\n`);
    r.git('add', 'more.env');
    const blocked = runCli(r.dir, ['staged']);
    assert.equal(blocked.code, 1);
    const m = /^ {2}(node \S+) scan --write-baseline \.keyhound-baseline\.json$/m.exec(blocked.stdout + blocked.stderr);
    assert.ok(m, blocked.stdout + blocked.stderr);
    const [node, script] = m[1]!.split(' ');
    const written = spawnSync(node!, [script!.replace(/^'|'$/g, ''), 'scan', '--write-baseline', '.keyhound-baseline.json', '-q'], { cwd: r.dir, env: testEnv(), encoding: 'utf8' });
    assert.ok(written.status === 0 || written.status === 1, written.stderr);
    assert.ok(existsSync(join(r.dir, '.keyhound-baseline.json')));
    // the config names the baseline: every scanning command suppresses what it records
    writeFileSync(join(r.dir, '.keyhound.yaml'), 'baseline: .keyhound-baseline.json\n');
    const scan = runCli(r.dir, ['scan', '.', '--format', 'json']);
    assert.equal(scan.code, 0, scan.stdout + scan.stderr);
    assert.equal(json(scan.stdout).stats.suppressed.baseline, 2);
    const staged = runCli(r.dir, ['staged', '--format', 'json']);
    assert.equal(staged.code, 0, staged.stdout + staged.stderr);
    const history = runCli(r.dir, ['history', '--format', 'json']);
    assert.equal(history.code, 0, history.stdout + history.stderr);
    assert.ok(json(history.stdout).stats.suppressed.baseline >= 1);
  });
});

describe('new commands', () => {
  it('init writes a commented .keyhound.yaml that loads, and on request a pre-commit config and a workflow; never overwrites', () => {
    const d = tempDir();
    const r = runCli(d, ['init', '--pre-commit', '--github-action']);
    assert.equal(r.code, 0, r.stderr);
    const config = readFileSync(join(d, '.keyhound.yaml'), 'utf8');
    assert.match(config, /^# keyhound configuration/);
    assert.match(config, /^# baseline: \.keyhound-baseline\.json$/m);
    assert.match(readFileSync(join(d, '.pre-commit-config.yaml'), 'utf8'), /- id: keyhound/);
    assert.match(readFileSync(join(d, '.github/workflows/keyhound.yml'), 'utf8'), /uses: keyhound\/keyhound@/);
    const scan = runCli(d, ['scan', '.']);
    assert.equal(scan.code, 0, scan.stderr);
    writeFileSync(join(d, '.keyhound.yaml'), 'fail-on: error\n');
    assert.match(runCli(d, ['init']).stdout, /kept \.keyhound\.yaml/);
    assert.equal(readFileSync(join(d, '.keyhound.yaml'), 'utf8'), 'fail-on: error\n');
    const linked = tempDir();
    symlinkSync(join(d, 'elsewhere.yaml'), join(linked, '.keyhound.yaml'));
    const refused = runCli(linked, ['init', '--force']);
    assert.equal(refused.code, 2);
    assert.ok(!existsSync(join(d, 'elsewhere.yaml')), 'nothing written through the link');
  });

  it('completion: a bash script that completes commands and options', () => {
    const script = runCli(tempDir(), ['completion', 'bash']).stdout;
    const complete = (words: string[]) =>
      spawnSync('bash', ['--norc', '-c', `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _keyhound; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim().split('\n');
    assert.deepEqual(complete(['keyhound', 'sc']), ['scan']);
    assert.ok(complete(['keyhound', 'scan', '--fo']).includes('--format'));
    assert.ok(complete(['keyhound', 'dir', '--no-ig']).includes('--no-ignored-secret-files'));
    assert.match(runCli(tempDir(), ['completion', 'zsh']).stdout, /bashcompinit/);
    assert.match(runCli(tempDir(), ['completion', 'fish']).stdout, /complete -c keyhound/);
  });

  it("gitleaks's names: dir and git, --report-format, --report-path, --baseline-path, --redact", () => {
    const secret = ghp('gitleaks');
    const r = Repo.init();
    r.commit('leak', '2024-01-01T00:00:00Z', { 'app.env': `GITHUB_TOKEN=${secret}\n` });
    const report = join(r.dir, '..', 'gl.json');
    const dir = runCli(r.dir, ['dir', '.', '--redact', '--report-format', 'json', '--report-path', report]);
    assert.equal(dir.code, 1, dir.stderr);
    assert.equal(json(readFileSync(report, 'utf8')).findings.length, 1);
    const git = runCli(r.dir, ['git', '--report-format', 'sarif', '-q']);
    assert.equal(git.code, 1);
    assert.equal((JSON.parse(git.stdout) as { version: string }).version, '2.1.0');
    runCli(r.dir, ['scan', '.', '--write-baseline', join(r.dir, '..', 'gl-baseline.json'), '-q']);
    const base = runCli(r.dir, ['dir', '.', '--baseline-path', join(r.dir, '..', 'gl-baseline.json')]);
    assert.equal(base.code, 0, base.stdout + base.stderr);
    assert.equal(runCli(r.dir, ['dir', '.', '--redact', '--show-secrets']).code, 2);
    for (const o of [dir, git, base]) assert.ok(!(o.stdout + o.stderr).includes(secret));
  });
});
