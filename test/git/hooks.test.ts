// keyhound install-hook, the .pre-commit-hooks.yaml entry, and the real pre-commit framework end to end.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expandExample } from '../../src/rules/example-values.js';
import { devOnlyPackages, INSTALL_SKIP, installedPackages, offlineInstallEnv } from '../support/install-env.js';
import { CLI, cleanup, Repo, rulesPath, runCli, tempDir, testEnv, token } from './helpers.js';

after(cleanup);

const here = dirname(fileURLToPath(import.meta.url));
const CHECKOUT = [resolve(here, '../..'), resolve(here, '../../..')].find((d) => existsSync(join(d, '.pre-commit-hooks.yaml')))!;

/** A project whose node_modules/.bin/keyhound runs this build with the test rules (as `npm i -D` would install it). */
function projectWithLocalKeyhound(): Repo {
  const r = Repo.init();
  const bin = join(r.dir, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'keyhound'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@" --rules '${rulesPath()}'\n`);
  chmodSync(join(bin, 'keyhound'), 0o755);
  r.write('.gitignore', 'node_modules/\n');
  r.commit('init', '2024-01-01T00:00:00Z', { '.gitignore': 'node_modules/\n', 'app.env': 'A=1\n' });
  return r;
}

function commit(r: Repo, message: string) {
  return r.gitRaw(['commit', '-m', message], { allowFail: true, env: { GIT_AUTHOR_DATE: '2024-02-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-02-01T00:00:00Z' } });
}

describe('install-hook', () => {
  it('writes an executable .git/hooks/pre-commit that blocks a staged secret and passes an unstaged one', () => {
    const r = projectWithLocalKeyhound();
    const out = runCli(r.dir, ['install-hook']);
    assert.equal(out.code, 0, out.stderr);
    const hook = join(r.dir, '.git', 'hooks', 'pre-commit');
    assert.ok(statSync(hook).mode & 0o100, 'executable');
    assert.match(readFileSync(hook, 'utf8'), /keyhound staged/);

    const secret = token('hook-blocks');
    r.write('app.env', `A=1\nT=${secret}\n`);
    r.git('add', 'app.env');
    const blocked = commit(r, 'with secret');
    assert.equal(blocked.status, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout + blocked.stderr, /app\.env:2\s+kh-git-token/);
    assert.ok(!(blocked.stdout + blocked.stderr).includes(secret));
    assert.equal(r.git('log', '--format=%s').trim(), 'init');

    // the secret stays in the working file only: the commit of other staged lines goes through
    r.git('reset', '-q');
    r.write('other.txt', 'fine\n');
    r.git('add', 'other.txt');
    const ok = commit(r, 'clean');
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  });

  it('honours core.hooksPath', () => {
    const r = projectWithLocalKeyhound();
    r.git('config', 'core.hooksPath', '.githooks');
    assert.equal(runCli(r.dir, ['install-hook']).code, 0);
    assert.ok(existsSync(join(r.dir, '.githooks', 'pre-commit')));
    assert.ok(!existsSync(join(r.dir, '.git', 'hooks', 'pre-commit')));
  });

  it('refuses to overwrite a hook it did not write unless --force; --uninstall restores it', () => {
    const r = projectWithLocalKeyhound();
    const hook = join(r.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho mine\n');
    const refused = runCli(r.dir, ['install-hook']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /not written by keyhound/);
    assert.equal(readFileSync(hook, 'utf8'), '#!/bin/sh\necho mine\n');
    assert.equal(runCli(r.dir, ['install-hook', '--force']).code, 0);
    assert.match(readFileSync(hook, 'utf8'), /keyhound-hook/);
    assert.equal(runCli(r.dir, ['install-hook']).code, 0, 'reinstalling over its own hook is fine');
    const un = runCli(r.dir, ['install-hook', '--uninstall']);
    assert.equal(un.code, 0);
    assert.equal(readFileSync(hook, 'utf8'), '#!/bin/sh\necho mine\n', 'the replaced hook is back');
    assert.equal(runCli(r.dir, ['install-hook', '--uninstall']).code, 2, 'not ours: left alone');
    assert.equal(runCli(r.dir, ['install-hook', '--uninstall', '--force']).code, 0);
    assert.ok(!existsSync(hook));
    assert.equal(runCli(r.dir, ['install-hook', '--uninstall']).code, 0, 'nothing to remove');
  });

  it('outside a repository: exit 2', () => {
    const out = runCli(tempDir(), ['install-hook']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /not a git repository/);
  });
});

describe('pre-commit framework', () => {
  const precommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  it('.pre-commit-hooks.yaml declares the script hook running `keyhound staged` from the committed build', () => {
    const hooks = parse(readFileSync(join(CHECKOUT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    const h = hooks.find((x) => x['id'] === 'keyhound')!;
    assert.equal(h['entry'], 'scripts/pre-commit-hook.sh');
    assert.equal(h['language'], 'script');
    assert.equal(h['pass_filenames'], false);
    assert.ok(statSync(join(CHECKOUT, 'scripts/pre-commit-hook.sh')).mode & 0o100, 'executable');
    assert.match(readFileSync(join(CHECKOUT, 'scripts/pre-commit-hook.sh'), 'utf8'), /dist-bundle\/keyhound\.mjs" staged/);
  });

  // The published hook itself: pre-commit clones this checkout at HEAD; the first commit installs the
  // runtime dependencies (offline here: npm's cache, re2's binary from a local mirror, no compiler).
  it('the hook from this checkout installs once without devDependencies or a compiler and blocks a staged secret', { skip: INSTALL_SKIP || (precommit.status !== 0 ? 'pre-commit is not installed (.ci/run installs it)' : !existsSync(join(CHECKOUT, 'node_modules/re2/build/Release/re2.node')) ? 'needs the checkout installed' : false), timeout: 900_000 }, () => {
    const rev = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: CHECKOUT, encoding: 'utf8' }).stdout.trim();
    const work = tempDir('keyhound-hook-install-');
    const preCommitHome = join(work, 'pre-commit-home');
    const { env: installEnv, compilerCalls } = offlineInstallEnv(work, { PRE_COMMIT_HOME: preCommitHome });
    const env: NodeJS.ProcessEnv = {};
    for (const k of ['PATH', 'PRE_COMMIT_HOME', 'RE2_DOWNLOAD_MIRROR', 'npm_config_cache', 'npm_config_offline', 'npm_config_userconfig', 'npm_config_nodedir']) if (installEnv[k]) env[k] = installEnv[k];
    const r = Repo.init();
    const config = `repos:\n  - repo: ${JSON.stringify(CHECKOUT)}\n    rev: ${rev}\n    hooks:\n      - id: keyhound\n`;
    r.commit('init', '2024-01-01T00:00:00Z', { '.pre-commit-config.yaml': config });
    let started = Date.now();
    const installed = spawnSync('pre-commit', ['install', '--install-hooks'], { cwd: r.dir, env: testEnv(env), encoding: 'utf8', timeout: 600_000 });
    assert.equal(installed.status, 0, installed.stdout + installed.stderr);
    // the built-in pack: a GitHub classic token with a valid checksum
    const secret = expandExample('{{github:ghp}}', 'keyhound-e2e-node-hook');
    r.write('app.env', `GITHUB_TOKEN=${secret}\n`);
    r.git('add', 'app.env');
    const blocked = r.gitRaw(['commit', '-m', 'leak'], { allowFail: true, env });
    const firstRun = Date.now() - started;
    assert.equal(blocked.status, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout + blocked.stderr, /app\.env:1\s+github/);
    assert.ok(!(blocked.stdout + blocked.stderr).includes(secret));
    assert.equal(compilerCalls(), '', 'no compiler ran');
    const clone = readdirSync(preCommitHome).map((d) => join(preCommitHome, d)).find((d) => existsSync(join(d, 'scripts/pre-commit-hook.sh')))!;
    const dev = [...devOnlyPackages()].filter((p) => installedPackages(join(clone, 'node_modules')).has(p));
    assert.deepEqual(dev, [], 'no devDependency installed');
    // later commits reuse the installation
    r.git('reset', '-q');
    r.write('notes.txt', 'clean\n');
    r.git('add', 'notes.txt');
    started = Date.now();
    const passed = r.gitRaw(['commit', '-m', 'clean'], { allowFail: true, env });
    assert.equal(passed.status, 0, passed.stdout + passed.stderr);
    assert.doesNotMatch(passed.stdout + passed.stderr, /first run/);
    process.stderr.write(`# pre-commit hook: first commit (install + scan) ${(firstRun / 1000).toFixed(1)} s, next commit ${((Date.now() - started) / 1000).toFixed(2)} s\n`);
  });

  it('a staged secret blocks the commit; the same secret only in the working file does not', { skip: precommit.status !== 0 ? 'pre-commit is not installed (.ci/run installs it)' : false }, () => {
    const r = Repo.init();
    const env = { PRE_COMMIT_HOME: tempDir('keyhound-pre-commit-home-') };
    // repo: local with language: system runs this build; the published hook is the language: node one above
    const entry = [process.execPath, CLI, 'staged', '--rules', rulesPath()].map((a) => `'${a}'`).join(' ');
    r.write(
      '.pre-commit-config.yaml',
      `repos:\n  - repo: local\n    hooks:\n      - id: keyhound\n        name: keyhound\n        entry: ${JSON.stringify(entry)}\n        language: system\n        pass_filenames: false\n        require_serial: true\n`,
    );
    r.commit('init', '2024-01-01T00:00:00Z', { '.pre-commit-config.yaml': readFileSync(join(r.dir, '.pre-commit-config.yaml'), 'utf8'), 'app.env': 'A=1\n' });
    const inst = r.gitRaw(['status'], { allowFail: true });
    assert.equal(inst.status, 0);
    const installed = spawnSync('pre-commit', ['install'], { cwd: r.dir, env: testEnv(env), encoding: 'utf8', timeout: 120_000 });
    assert.equal(installed.status, 0, installed.stdout + installed.stderr);

    const secret = token('pre-commit-e2e');
    r.write('app.env', `A=1\nT=${secret}\n`);
    r.git('add', 'app.env');
    const blocked = r.gitRaw(['commit', '-m', 'leak'], { allowFail: true, env });
    assert.equal(blocked.status, 1, blocked.stdout + blocked.stderr);
    assert.match(blocked.stdout + blocked.stderr, /keyhound\.+Failed/);
    assert.match(blocked.stdout + blocked.stderr, /app\.env:2\s+kh-git-token/);
    assert.ok(!(blocked.stdout + blocked.stderr).includes(secret), 'secret printed');
    assert.equal(r.git('rev-list', '--count', 'HEAD').trim(), '1');

    // unstage it: the secret is now only in the working file, and another change is staged
    r.git('reset', '-q');
    r.write('notes.txt', 'clean\n');
    r.git('add', 'notes.txt');
    const passed = r.gitRaw(['commit', '-m', 'clean'], { allowFail: true, env });
    assert.equal(passed.status, 0, passed.stdout + passed.stderr);
    assert.match(passed.stdout + passed.stderr, /keyhound\.+Passed/);
    assert.ok(readFileSync(join(r.dir, 'app.env'), 'utf8').includes(secret), 'pre-commit put the unstaged change back');
  });
});
