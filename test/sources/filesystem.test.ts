import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FilesystemSource, type FilesystemOptions } from '../../src/sources/filesystem.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyhound-walk-'));
  dirs.push(dir);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

async function walk(dir: string, opts: Partial<FilesystemOptions> = {}) {
  const src = new FilesystemSource({ paths: [dir], root: dir, gitignore: true, followSymlinks: false, maxFileSize: 1e6, ...opts });
  const files: string[] = [];
  const ignored: string[] = [];
  const scannedAnyway: string[] = [];
  const lockfiles: string[] = [];
  const events = {
    warn: () => {},
    skipped: (kind: string, p: string) => void (kind === 'ignored' ? ignored : kind === 'lockfile' ? lockfiles : []).push(p),
    ignoredScanned: (p: string) => void scannedAnyway.push(p),
  };
  for await (const c of src.chunks(events)) {
    assert.equal(c.file, join(dir, c.path));
    files.push(c.path);
  }
  return { files, ignored, scannedAnyway, lockfiles };
}

describe('directory walk', () => {
  it('yields every file once, a folder\'s files first, in name order; never enters .git; counts lockfiles', async () => {
    const dir = tree({ 'b/x.txt': '', 'a.txt': '', '.hidden/y': '', '.git/config': '', 'sub/.hg/z': '', 'package-lock.json': '{}' });
    const r = await walk(dir);
    assert.deepEqual(r.files, ['a.txt', '.hidden/y', 'b/x.txt']);
    assert.deepEqual(r.lockfiles, ['package-lock.json']);
  });

  it('nested .gitignore files apply below their folder, deepest first; ignored folders are named, never entered', async () => {
    const dir = tree({
      '.gitignore': 'build/\n*.log\n',
      'a.log': '',
      'build/out.txt': '',
      'build/.env': '',
      'pkg/.gitignore': 'tmp\n!keep.log\n',
      'pkg/tmp/t.txt': '',
      'pkg/keep.log': '',
      'pkg/src/tmp': '',
      'pkg/src/m.js': '',
      'other/tmp/t.txt': '',
      'other/.env': '',
    });
    const r = await walk(dir);
    // as in git, the deeper .gitignore re-includes keep.log that the root's `*.log` ignores
    assert.deepEqual(r.files, ['.gitignore', 'other/.env', 'other/tmp/t.txt', 'pkg/.gitignore', 'pkg/keep.log', 'pkg/src/m.js']);
    assert.deepEqual(r.ignored.sort(), ['a.log', 'build/', 'pkg/src/tmp', 'pkg/tmp/']);
    assert.deepEqual(r.scannedAnyway, []);
    const none = await walk(dir, { gitignore: false });
    assert.equal(none.files.length, 11);
  });

  it('an ignored file named like a secret in a walked folder is scanned anyway', async () => {
    const dir = tree({ '.gitignore': '.env\n*.pem\n', '.env': 'A=1', 'k.pem': '', 'x.txt': '' });
    const r = await walk(dir);
    assert.deepEqual(r.files, ['.env', '.gitignore', 'k.pem', 'x.txt']);
    assert.deepEqual(r.scannedAnyway, ['.env', 'k.pem']);
    const off = await walk(dir, { ignoredSecretFiles: false });
    assert.deepEqual(off.files, ['.gitignore', 'x.txt']);
  });

  it('paths are relative to the root when a sub-folder is walked; exclusions see root-relative paths', async () => {
    const dir = tree({ 'src/a/b.txt': '', 'src/vendor/v.txt': '' });
    const src = new FilesystemSource({
      paths: [join(dir, 'src')],
      root: dir,
      gitignore: true,
      followSymlinks: false,
      maxFileSize: 1e6,
      isExcluded: (rel) => rel.startsWith('src/vendor/'),
    });
    const files: string[] = [];
    const ignored: string[] = [];
    for await (const c of src.chunks({ warn: () => {}, skipped: (k, p) => void ignored.push(p) })) files.push(c.path);
    assert.deepEqual(files, ['src/a/b.txt']);
    assert.deepEqual(ignored, ['src/vendor/v.txt']);
  });

  it('symbolic links are skipped unless followed; followed, loops end and each real file is read once', async () => {
    const dir = tree({ 'real/a.txt': '', 'real/deep/b.txt': '' });
    symlinkSync(join(dir, 'real'), join(dir, 'real', 'deep', 'loop'));
    symlinkSync(join(dir, 'real', 'a.txt'), join(dir, 'l1.txt'));
    symlinkSync(join(dir, 'real', 'a.txt'), join(dir, 'l2.txt'));
    symlinkSync('/nonexistent/keyhound', join(dir, 'dangling'));
    assert.deepEqual((await walk(dir)).files, ['real/a.txt', 'real/deep/b.txt']);
    const followed = (await walk(dir, { followSymlinks: true })).files;
    assert.deepEqual(followed, ['l1.txt', 'real/a.txt', 'real/deep/b.txt']);
  });
});
