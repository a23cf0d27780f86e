import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { authHeader, checkCloneUrl, sameGithubHost, scrubToken } from '../../src/sources/git-mirror.js';
import { apiRepository, isSafeFullName, type ApiRepository } from '../../src/sources/github-repos.js';
import { parseShard, repoMatcher, selectRepositories, shardOf } from '../../src/sources/repo-selection.js';
import { writeFileNoFollow } from '../../src/util/safe-write.js';

const repo = (fullName: string, over: Partial<ApiRepository> = {}): ApiRepository => ({
  id: 1,
  fullName,
  cloneUrl: `https://github.com/${fullName}.git`,
  defaultBranch: 'main',
  private: false,
  fork: false,
  archived: false,
  disabled: false,
  size: 1,
  ...over,
});

describe('shards', () => {
  it('parses I/N and refuses anything else', () => {
    assert.deepEqual(parseShard('2/5'), { index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '-1/3']) assert.throws(() => parseShard(bad), /--shard/);
  });

  it('puts every repository in exactly one shard, whatever the listing order, and spreads them', () => {
    const names = Array.from({ length: 300 }, (_, i) => `org/repo-${i}`);
    const sizes = [0, 0, 0, 0];
    const taken = new Map<string, number>();
    for (let i = 1; i <= 4; i++) {
      const order = i % 2 ? names : [...names].reverse();
      for (const s of selectRepositories(order.map((n) => repo(n)), { patterns: [], includeForks: false, includeArchived: false, shard: { index: i, count: 4 } })) {
        assert.ok(!taken.has(s.repo.fullName));
        taken.set(s.repo.fullName, i);
        sizes[i - 1]!++;
      }
    }
    assert.equal(taken.size, 300);
    for (const n of sizes) assert.ok(n > 45 && n < 105, `uneven shards: ${sizes}`);
    // stable: case does not move a repository
    assert.equal(shardOf('Org/Repo-1', 7), shardOf('org/repo-1', 7));
  });
});

describe('selection', () => {
  it('skips forks, archives and non-matching names with a reason', () => {
    const sel = selectRepositories(
      [repo('o/a'), repo('o/b', { fork: true }), repo('o/c', { archived: true }), repo('o/api-x'), repo('o/a')],
      { patterns: ['a', 'api-*', 'b', 'c', '!o/api-x'], includeForks: false, includeArchived: false },
    );
    assert.deepEqual(
      sel.map((s) => [s.repo.fullName, s.skip ?? '']),
      [
        ['o/a', ''],
        ['o/api-x', 'does not match --repo'],
        ['o/b', 'fork (add --include-forks)'],
        ['o/c', 'archived (add --include-archived)'],
      ],
    );
    const all = selectRepositories([repo('o/b', { fork: true }), repo('o/c', { archived: true })], { patterns: [], includeForks: true, includeArchived: true });
    assert.ok(all.every((s) => !s.skip));
  });

  it('globs match name or owner/name, case-insensitively', () => {
    const m = repoMatcher(['Acme/web-*', 'tool?']);
    assert.ok(m('acme/WEB-app'));
    assert.ok(m('x/tool1'));
    assert.ok(!m('acme/web'));
    assert.ok(!m('other/web-app'));
  });
});

describe('API answers are untrusted', () => {
  it('refuses names that could leave the cache folder and malformed objects', () => {
    for (const bad of ['../x', 'a/..', 'a/b/c', 'a/', 'a/b\n', '.']) assert.ok(!isSafeFullName(bad), bad);
    assert.ok(isSafeFullName('my-org/repo.name_1'));
    assert.equal(apiRepository({ full_name: 'a/b' }), null);
    assert.equal(apiRepository(null), null);
  });

  it('clone URLs: https, or http to loopback; no credentials; the token only to the API host', () => {
    const api = new URL('https://api.github.com');
    assert.throws(() => checkCloneUrl('file:///etc', api), /not allowed/);
    assert.throws(() => checkCloneUrl('ext::sh -c id', api), /not a URL|not allowed/);
    assert.throws(() => checkCloneUrl('http://evil.example/x.git', api), /not allowed/);
    assert.throws(() => checkCloneUrl('https://u:p@github.com/x.git', api), /credentials/);
    assert.ok(checkCloneUrl('http://127.0.0.1:9/x.git', api));
    assert.ok(sameGithubHost(new URL('https://github.com/o/r.git'), api));
    assert.ok(!sameGithubHost(new URL('https://evil.example/o/r.git'), api));
    const ghes = new URL('https://ghe.corp.example/api/v3');
    assert.ok(sameGithubHost(new URL('https://ghe.corp.example/o/r.git'), ghes));
    const t = 'ghp_abcdefghijklmnop';
    assert.equal(scrubToken(`x ${t} ${authHeader(t).split(' ').pop()} y`, t), 'x *** *** y');
  });
});

describe('writeFileNoFollow', () => {
  it('replaces a planted symlink instead of writing through it', () => {
    const d = mkdtempSync(join(tmpdir(), 'keyhound-sw-'));
    try {
      writeFileSync(join(d, 'victim'), 'keep');
      symlinkSync(join(d, 'victim'), join(d, 'state.json'));
      writeFileNoFollow(join(d, 'state.json'), '{}');
      assert.equal(readFileSync(join(d, 'victim'), 'utf8'), 'keep');
      assert.ok(lstatSync(join(d, 'state.json')).isFile());
      assert.equal(readFileSync(join(d, 'state.json'), 'utf8'), '{}');
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
