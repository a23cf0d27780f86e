// The executable's compile cache folder: per user, never shared or writable by others, never where the
// scanned tree could put it; and the CLI runs the same with the cache on, off, or in a folder of the user's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileCacheDir } from '../../src/cli/compile-cache.js';

const checkout = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const pkg = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const BIN = join(checkout, pkg.bin.keyhound!);
const base = join(tmpdir(), `keyhound-cc-${process.pid}`);
after(() => rmSync(base, { recursive: true, force: true }));
const posix = process.platform !== 'win32';

describe('compile cache folder', () => {
  it('is <XDG_CACHE_HOME>/keyhound/compile-cache, created private to this user', { skip: !posix }, () => {
    const xdg = join(base, 'xdg');
    const dir = compileCacheDir({ XDG_CACHE_HOME: xdg }, 'linux');
    assert.equal(dir, join(xdg, 'keyhound', 'compile-cache'));
    assert.ok(existsSync(dir!));
  });

  it('is refused when others could write to it, or when it is a link', { skip: !posix }, () => {
    const xdg = join(base, 'open');
    mkdirSync(join(xdg, 'keyhound', 'compile-cache'), { recursive: true });
    chmodSync(join(xdg, 'keyhound', 'compile-cache'), 0o777);
    assert.equal(compileCacheDir({ XDG_CACHE_HOME: xdg }, 'linux'), undefined);
    const linked = join(base, 'linked');
    mkdirSync(join(linked, 'keyhound'), { recursive: true });
    symlinkSync(join(base, 'xdg', 'keyhound', 'compile-cache'), join(linked, 'keyhound', 'compile-cache'));
    assert.equal(compileCacheDir({ XDG_CACHE_HOME: linked }, 'linux'), undefined);
  });

  it('ignores a relative XDG_CACHE_HOME (it would land in the current folder, the scanned tree)', { skip: !posix }, () => {
    const dir = compileCacheDir({ XDG_CACHE_HOME: 'relative/cache', HOME: join(base, 'home') }, 'linux');
    assert.ok(dir === undefined || resolve(dir) === dir);
    assert.ok(!dir?.startsWith(process.cwd() + '/relative'));
  });

  it('the CLI gives the same answer cached, uncached and with NODE_COMPILE_CACHE; the cache lands in the user folder only', () => {
    const xdg = join(base, 'run');
    const own = join(base, 'own');
    const cwd = join(base, 'cwd');
    mkdirSync(cwd, { recursive: true });
    const runs = [
      { XDG_CACHE_HOME: xdg },
      { XDG_CACHE_HOME: xdg }, // second run: from the cache
      { XDG_CACHE_HOME: xdg, NODE_DISABLE_COMPILE_CACHE: '1' },
      { XDG_CACHE_HOME: xdg, NODE_COMPILE_CACHE: own },
    ];
    for (const extra of runs) {
      const r = spawnSync(process.execPath, [BIN, '--version'], { cwd, env: { ...process.env, ...extra }, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), pkg.version);
      assert.equal(r.stderr, '');
    }
    if (posix) assert.ok(readdirSync(join(xdg, 'keyhound', 'compile-cache')).length > 0, 'nothing cached');
    assert.ok(existsSync(own), 'NODE_COMPILE_CACHE not honoured');
    assert.deepEqual(readdirSync(cwd), [], 'written into the current folder');
  });
});
