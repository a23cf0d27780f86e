// keyhound staged: the index, not the working files; only the lines the index adds; short output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanup, Repo, rulesPath, runCli, tempDir, testEnv, token } from './helpers.js';

after(cleanup);

const staged = (r: Repo, args: string[] = [], env: NodeJS.ProcessEnv = {}) => runCli(r.dir, ['staged', '--rules', rulesPath(), ...args], env);

describe('staged', () => {
  it('a staged secret blocks (exit 1) with file:line, rule, redacted value and how to allow or baseline', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'README.md': 'x\n' });
    const secret = token('staged-basic');
    r.write('conf/app.env', `A=1\nB=2\nTOKEN=${secret}\n`);
    r.git('add', 'conf/app.env');
    const out = staged(r);
    assert.equal(out.code, 1, out.stderr);
    assert.match(out.stdout, /conf\/app\.env:3\s+kh-git-token\s+khgi…/);
    assert.match(out.stdout, /commit blocked/);
    assert.match(out.stdout, /keyhound:allow/);
    // a command that runs here (this build is not `keyhound` on PATH), and the config key the hook reads
    assert.match(out.stdout, /^ {2}node \S+main\.js'? scan --write-baseline \.keyhound-baseline\.json$/m);
    assert.match(out.stdout, /baseline: \.keyhound-baseline\.json` to \.keyhound\.yaml/);
    assert.ok(!out.stdout.includes(secret) && !out.stderr.includes(secret), 'the secret leaked');
  });

  it('the same secret only in the unstaged working file does not block', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'app.env': 'A=1\n' });
    r.write('app.env', `A=1\nTOKEN=${token('unstaged')}\n`);
    const out = staged(r);
    assert.equal(out.code, 0, out.stdout + out.stderr);
    assert.equal(out.stdout, '');
  });

  it('a partly staged file is judged by its staged text, with staged line numbers', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'a.txt': 'l1\nl2\nl3\n' });
    const secret = token('partial');
    // stage: a secret on line 2 of the staged text
    r.write('a.txt', `l1\nT=${secret}\nl2\nl3\n`);
    r.git('add', 'a.txt');
    // then the working file moves it down and adds another secret that is not staged
    r.write('a.txt', `new top\nnew top 2\nl1\nT=${secret}\nl2\nl3\nU=${token('not-staged')}\n`);
    const out = staged(r, ['--format', 'json']);
    assert.equal(out.code, 1);
    const report = JSON.parse(out.stdout) as { findings: { file: string; line: number }[] };
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line}`), ['a.txt:2']);
  });

  it('a secret already committed is not re-reported when other lines of its file change', () => {
    const r = Repo.init();
    r.commit('old leak', '2024-01-01T00:00:00Z', { 'a.env': `T=${token('old-leak')}\nA=1\n` });
    r.write('a.env', `T=${token('old-leak')}\nA=2\n`);
    r.git('add', 'a.env');
    assert.equal(staged(r).code, 0);
  });

  it('works on an unborn HEAD (the first commit)', () => {
    const r = Repo.init();
    r.write('first.env', `T=${token('first')}\n`);
    r.git('add', 'first.env');
    const out = staged(r);
    assert.equal(out.code, 1);
    assert.match(out.stdout, /first\.env:1/);
  });

  it('nothing staged: exit 0, no output; notes do not block by default', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'a.txt': 'x\n' });
    assert.deepEqual(staged(r), { code: 0, stdout: '', stderr: '' });
    r.write('n.txt', 'v = khnote_AbCdEfGhJk12\n');
    r.git('add', 'n.txt');
    const out = staged(r);
    assert.equal(out.code, 0);
    assert.match(out.stdout, /n\.txt:1\s+kh-git-note/);
    assert.doesNotMatch(out.stdout, /commit blocked/);
  });

  it('honours GIT_INDEX_FILE (git commit <paths> runs hooks on a temporary index)', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'a.txt': 'x\n' });
    r.write('b.env', `T=${token('alt-index')}\n`);
    const index = `${r.dir}/.git/alt-index`;
    r.gitRaw(['read-tree', 'HEAD'], { env: { GIT_INDEX_FILE: index } });
    r.gitRaw(['add', 'b.env'], { env: { GIT_INDEX_FILE: index } });
    assert.equal(staged(r).code, 0, 'the normal index has nothing staged');
    assert.equal(staged(r, [], { GIT_INDEX_FILE: index }).code, 1);
  });

  it('runs from a subfolder and reports repository-relative paths; skips binary, symlinks, deletions', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'gone.env': 'x\n', 'sub/keep.txt': 'k\n' });
    r.write('sub/deep/c.env', `T=${token('subdir')}\n`);
    r.write('bin.dat', Buffer.concat([Buffer.from(`T=${token('bin')}\n`), Buffer.from([0, 1, 2])]));
    r.git('add', 'sub/deep/c.env', 'bin.dat');
    r.git('rm', '-q', 'gone.env');
    r.gitRaw(['update-index', '--add', '--cacheinfo', `120000,${r.gitRaw(['hash-object', '-w', '--stdin'], { input: token('link') }).stdout.trim()},link.env`]);
    const out = runCli(`${r.dir}/sub`, ['staged', '--rules', rulesPath(), '--format', 'json']);
    assert.equal(out.code, 1, out.stderr);
    const report = JSON.parse(out.stdout) as { findings: { file: string }[]; stats: { skipped: { binary: number } } };
    assert.deepEqual(report.findings.map((f) => f.file), ['sub/deep/c.env']);
    assert.equal(report.stats.skipped.binary, 1);
  });

  it('file names with spaces, newlines and UTF-8', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'a.txt': 'x\n' });
    const names = ['with space.env', 'new\nline.env', 'ünïcødé/ключ.env'];
    names.forEach((n, i) => r.write(n, `T=${token(`odd-${i}`)}\n`));
    r.git('add', '--', ...names);
    const out = staged(r, ['--format', 'json']);
    assert.equal(out.code, 1);
    const files = (JSON.parse(out.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file).sort();
    assert.deepEqual(files, [...names].sort());
  });

  it('over --max-file-size: skipped with a warning, not read', () => {
    const r = Repo.init();
    r.write('big.env', `T=${token('big')}\n${'x'.repeat(5000)}\n`);
    r.git('add', 'big.env');
    const out = staged(r, ['--max-file-size', '1KB']);
    assert.equal(out.code, 0);
    assert.match(out.stderr, /big\.env: \d+ bytes is over --max-file-size/);
  });

  it('the hints work: an inline keyhound:allow passes, and so does a baseline written by scan', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'a.txt': 'x\n' });
    r.write('allowed.env', `T=${token('allowed')} # keyhound:allow test fixture\n`);
    r.git('add', 'allowed.env');
    assert.equal(staged(r).code, 0, 'inline allow');
    r.write('known.env', `T=${token('baselined')}\n`);
    r.git('add', 'known.env');
    assert.equal(staged(r).code, 1);
    const w = runCli(r.dir, ['scan', '--write-baseline', '.keyhound-baseline.json', '--rules', rulesPath(), '--quiet', '.']);
    assert.ok(w.code === 0 || w.code === 1, w.stderr);
    const out = staged(r, ['--baseline', '.keyhound-baseline.json']);
    assert.equal(out.code, 0, out.stdout + out.stderr);
  });

  it('finds the work tree top in a linked work tree, and defers to git where core.worktree moves it', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'a.txt': 'x\n' });
    // a linked work tree: its top holds a .git file
    const linked = join(tempDir(), 'linked');
    r.git('worktree', 'add', '-q', linked);
    writeFileSync(join(linked, 'l.env'), `T=${token('linked')}\n`);
    spawnSync('git', ['add', 'l.env'], { cwd: linked, env: testEnv() });
    const inLinked = runCli(linked, ['staged', '--rules', rulesPath()]);
    assert.equal(inLinked.code, 1, inLinked.stdout + inLinked.stderr);
    assert.match(inLinked.stdout, /^ {2}l\.env:1 /m);
    // a .git folder whose core.worktree points elsewhere: its folder is not the work tree (git's answer)
    const r2 = Repo.init();
    const tree = tempDir();
    r2.git('config', 'core.worktree', tree);
    writeFileSync(join(tree, 'm.env'), `T=${token('moved')}\n`);
    spawnSync('git', ['--git-dir', join(r2.dir, '.git'), 'add', 'm.env'], { cwd: tree, env: testEnv() });
    const moved = runCli(r2.dir, ['staged', '--rules', rulesPath()]);
    assert.equal(moved.code, 2, moved.stdout + moved.stderr);
    assert.match(moved.stderr, /work tree/);
  });

  it('outside a repository: exit 2 with a clear message', () => {
    const out = runCli(tempDir(), ['staged']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /not a git repository/);
  });

  it('in a bare repository: exit 2', () => {
    const r = Repo.init({ bare: true });
    const out = runCli(r.dir, ['staged']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /work tree/);
  });
});
