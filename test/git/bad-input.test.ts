// Every bad input the issue lists: each handled, nothing hangs, exit 2 only for usage problems.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanup, historyJson, Repo, rulesPath, runCli, tempDir, token } from './helpers.js';

after(cleanup);

function objectPath(r: Repo, sha: string): string {
  return join(r.dir, '.git', 'objects', sha.slice(0, 2), sha.slice(2));
}

function cloneOf(src: Repo, args: string[]): Repo {
  const parent = tempDir('keyhound-clone-');
  const dest = join(parent, 'clone');
  src.git('config', 'uploadpack.allowFilter', 'true');
  src.gitRaw(['clone', '-q', '--no-local', ...args, `file://${src.dir}`, dest]);
  return new Repo(dest);
}

function fiveCommits(): Repo {
  const r = Repo.init();
  r.commit('c1', '2024-01-01T00:00:00Z', { 'old.env': `T=${token('deep-old')}\n` });
  r.commit('c2', '2024-01-02T00:00:00Z', { 'a.txt': '2\n' });
  r.commit('c3', '2024-01-03T00:00:00Z', { 'a.txt': '3\n' });
  r.commit('c4', '2024-01-04T00:00:00Z', { 'new.env': `T=${token('deep-new')}\n` });
  r.commit('c5', '2024-01-05T00:00:00Z', { 'a.txt': '5\n' });
  return r;
}

describe('history: bad input', () => {
  it('not a git repository: exit 2 with a clear message', () => {
    const dir = tempDir();
    const out = runCli(dir, ['history']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /not a git repository/);
    const missing = runCli(dir, ['history', join(dir, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /not a git repository/);
  });

  it('an empty repository: exit 0 and says there is nothing yet', () => {
    const r = Repo.init();
    const { code, report } = historyJson(r.dir);
    assert.equal(code, 0);
    assert.equal(report.findings.length, 0);
    assert.ok(report.stats.warnings.some((w) => /no commits yet/.test(w)), report.stats.warnings.join('\n'));
  });

  it('unborn HEAD on an orphan branch: other refs are still scanned', () => {
    const r = Repo.init();
    r.commit('main', '2024-01-01T00:00:00Z', { 'a.env': `T=${token('orphan')}\n` });
    r.git('checkout', '-q', '--orphan', 'fresh');
    const { code, report } = historyJson(r.dir);
    assert.equal(code, 1);
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]!.commit?.presentAtHead, false);
  });

  it('detached HEAD: scanned, and presence is judged at the detached commit', () => {
    const r = Repo.init();
    const first = r.commit('add', '2024-01-01T00:00:00Z', { 'a.env': `T=${token('detached')}\n` });
    r.commit('remove', '2024-01-02T00:00:00Z', { 'a.env': null });
    r.git('checkout', '-q', '--detach', first);
    const { report } = historyJson(r.dir);
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]!.commit?.presentAtHead, true);
  });

  it('missing objects (damaged clone): a warning with the count, the rest is scanned', () => {
    const r = Repo.init();
    r.commit('one', '2024-01-01T00:00:00Z', { 'keep.env': `T=${token('kept')}\n`, 'lost.env': `T=${token('lost')}\n` });
    const lost = r.git('rev-parse', 'HEAD:lost.env').trim();
    rmSync(objectPath(r, lost));
    const { code, report } = historyJson(r.dir);
    assert.equal(code, 1);
    assert.deepEqual(report.findings.map((f) => f.file), ['keep.env']);
    assert.ok(report.stats.warnings.some((w) => /^1 object\(s\) missing/.test(w)), report.stats.warnings.join('\n'));
  });

  it('a damaged history (a tree is gone): warns that git log stopped, never hangs', () => {
    const r = Repo.init();
    r.commit('one', '2024-01-01T00:00:00Z', { 'd/a.env': `T=${token('tree-1')}\n` });
    const tree = r.git('rev-parse', 'HEAD^{tree}').trim();
    r.commit('two', '2024-01-02T00:00:00Z', { 'b.env': `T=${token('tree-2')}\n` });
    rmSync(objectPath(r, tree));
    const { report } = historyJson(r.dir);
    assert.ok(report.stats.warnings.some((w) => /git log stopped early/.test(w)), report.stats.warnings.join('\n'));
  });

  it('a git that stops answering is killed by the idle watchdog: a warning, no hang', () => {
    const r = fiveCommits();
    const bin = tempDir('keyhound-fake-git-');
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nfor a in "$@"; do [ "$a" = log ] && exec sleep 30; done\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const started = Date.now();
    const { code, report } = historyJson(r.dir, [], { PATH: `${bin}:${process.env.PATH}`, KEYHOUND_GIT_IDLE_MS: '300' });
    assert.ok(Date.now() - started < 20_000, 'finished well before the stuck git would have');
    assert.equal(code, 0);
    assert.ok(report.stats.warnings.some((w) => /git log stopped early .*produced nothing/.test(w)), report.stats.warnings.join('\n'));
  });

  it('a partial clone: absent blobs are counted, never fetched', () => {
    const src = fiveCommits();
    const clone = cloneOf(src, ['--filter=blob:none', '--no-checkout']);
    // the origin disappears: any fetch attempt would fail loudly instead of passing silently
    renameSync(src.dir, `${src.dir}-moved`);
    const { code, report, stderr } = historyJson(clone.dir);
    assert.equal(code, 0, stderr);
    assert.ok(report.stats.warnings.some((w) => /^5 object\(s\) missing/.test(w)), report.stats.warnings.join('\n'));
    renameSync(`${src.dir}-moved`, src.dir);
  });

  it('a shallow clone: scans what exists and says the history is truncated', () => {
    const src = fiveCommits();
    const clone = cloneOf(src, ['--depth', '2']);
    const { report } = historyJson(clone.dir);
    assert.ok(report.stats.warnings.some((w) => /shallow clone: history is truncated/.test(w)), report.stats.warnings.join('\n'));
    assert.equal(report.stats.commits, 2);
    // the base commit holds new.env from c4 and old.env from c1: both visible, attributed to the boundary
    assert.deepEqual(report.findings.map((f) => f.file).sort(), ['new.env', 'old.env']);
  });

  it('a range whose base is outside a shallow clone: exit 2 naming the commit and the fetch-depth fix', () => {
    const src = fiveCommits();
    const base = src.git('rev-parse', 'HEAD~3').trim();
    const clone = cloneOf(src, ['--depth', '1']);
    const out = runCli(clone.dir, ['history', '--range', `${base}..HEAD`, '--rules', rulesPath()]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, new RegExp(`range base ${base} is not in this clone \\(it is a shallow clone\\)`));
    assert.match(out.stderr, /fetch-depth: 0/);
  });

  it('a null range base (a push that created a branch): exit 2 with what to do', () => {
    const r = fiveCommits();
    const out = runCli(r.dir, ['history', '--range', `${'0'.repeat(40)}..HEAD`]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /null commit/);
  });

  it('submodules: the gitlink is noted, not read', () => {
    const r = Repo.init();
    const sub = Repo.init();
    const subHead = sub.commit('sub', '2024-01-01T00:00:00Z', { 'inner.env': `T=${token('in-sub')}\n` });
    r.gitRaw(['update-index', '--add', '--cacheinfo', `160000,${subHead},vendor/lib`]);
    r.write('.gitmodules', '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = ../lib\n');
    r.git('add', '.gitmodules');
    r.commit('add submodule', '2024-01-02T00:00:00Z');
    const { code, report } = historyJson(r.dir);
    assert.equal(code, 0);
    assert.ok(report.stats.warnings.some((w) => /submodule.*vendor\/lib/.test(w)), report.stats.warnings.join('\n'));
  });

  it('LFS pointer files are skipped with a note; binary blobs are skipped and counted', () => {
    const r = Repo.init();
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${'ab'.repeat(32)}\nsize 123456\n`;
    const binary = Buffer.concat([Buffer.from(`T=${token('in-binary')}\n`), Buffer.from([0, 0, 1, 2, 3])]);
    r.commit('assets', '2024-01-01T00:00:00Z', { 'model.bin': pointer, 'blob.dat': binary });
    const { code, report } = historyJson(r.dir);
    assert.equal(code, 0);
    assert.equal(report.findings.length, 0);
    assert.equal(report.stats.skipped.binary, 1);
    assert.ok(report.stats.warnings.some((w) => /1 Git LFS pointer/.test(w)), report.stats.warnings.join('\n'));
  });

  it('a blob over --max-file-size is skipped from its size alone, with a warning', () => {
    const r = Repo.init();
    r.commit('big', '2024-01-01T00:00:00Z', { 'big.env': `T=${token('big')}\n${'y'.repeat(3 * 1024 * 1024)}\n`, 'small.env': `T=${token('small')}\n` });
    const { report } = historyJson(r.dir, ['--max-file-size', '1MB']);
    assert.deepEqual(report.findings.map((f) => f.file), ['small.env']);
    assert.equal(report.stats.skipped.tooLarge, 1);
    assert.ok(report.stats.warnings.some((w) => /over --max-file-size .*big\.env/.test(w)), report.stats.warnings.join('\n'));
  });

  it('file names with spaces, newlines, UTF-8 and leading colons', () => {
    const r = Repo.init();
    const names = ['with space.env', 'new\nline.env', 'ünïcødé/ключ.env', ':colon.env', '\u0001ctl.env', 'tab\there.env'];
    const files: Record<string, string> = {};
    names.forEach((n, i) => (files[n] = `T=${token(`hist-odd-${i}`)}\n`));
    r.commit('odd names', '2024-01-01T00:00:00Z', files);
    const { report } = historyJson(r.dir);
    assert.deepEqual(report.findings.map((f) => f.file).sort(), [...names].sort());
  });

  it('a bare repository is scanned', () => {
    const src = fiveCommits();
    const parent = tempDir('keyhound-bare-');
    src.gitRaw(['clone', '-q', '--bare', src.dir, join(parent, 'b.git')]);
    const { report } = historyJson(join(parent, 'b.git'));
    assert.equal(report.findings.length, 2);
    assert.ok(existsSync(join(parent, 'b.git', 'HEAD')));
  });
});
