// Installing keyhound: supported Node versions, the tarball route (npm pack → npm install -g), and the
// committed build that the Action and the pre-commit hook run.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { expandExample } from '../../src/rules/example-values.js';
import { cleanup, tempDir } from '../git/helpers.js';
import { CHECKOUT, devOnlyPackages, INSTALL_SKIP, installedPackages, lockRegistry, offlineInstallEnv, run } from '../support/install-env.js';

after(cleanup);

/** A child process run without blocking this one (the loopback registry answers from here). */
function runAsync(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

const pkg = JSON.parse(readFileSync(join(CHECKOUT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  files: string[];
  bin: Record<string, string>;
  repository?: unknown;
  homepage?: string;
  bugs?: unknown;
  license: string;
};
const check = createRequire(import.meta.url)(join(CHECKOUT, 'scripts/check-node.cjs')) as {
  supported: (version: string, range: string) => boolean;
  main: (version: string, env: NodeJS.ProcessEnv) => number;
  describe: (range: string) => string;
};

describe('supported Node versions', () => {
  it('engines are those re2 publishes binaries and builds for (Node 22 and 24 LTS)', () => {
    const re2 = JSON.parse(readFileSync(join(CHECKOUT, 'node_modules/re2/package.json'), 'utf8')) as { engines: { node: string } };
    assert.equal(pkg.engines.node, re2.engines.node);
    for (const v of ['22.22.2', '22.30.0', '24.15.0', '24.22.3', '26.1.0']) assert.ok(check.supported(v, pkg.engines.node), v);
    for (const v of ['20.20.2', '22.12.0', '23.11.0', '24.14.9', '25.2.0', '18.20.0']) assert.ok(!check.supported(v, pkg.engines.node), v);
  });

  it('an unsupported Node stops the install at once, naming the supported versions', () => {
    // a clone: npm checks engines before installing anything
    assert.match(readFileSync(join(CHECKOUT, '.npmrc'), 'utf8'), /^engine-strict=true$/m);
    // the tarball: every preinstall runs before any dependency's install script (re2's build)
    assert.equal(pkg.scripts['preinstall'], 'node scripts/check-node.cjs');
    assert.ok(pkg.files.includes('scripts/check-node.cjs'));
    const script = join(CHECKOUT, 'scripts/check-node.cjs');
    const r = spawnSync(process.execPath, ['-e', `process.exitCode = require(${JSON.stringify(script)}).main('20.20.2', {})`], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr.split('\n')[0], 'keyhound: error: Node.js 20.20.2 is not supported; use Node.js 22 (22.22.2 or later), 24 (24.15.0 or later) or 26 and later.');
    assert.equal(check.describe(pkg.engines.node), 'Node.js 22 (22.22.2 or later), 24 (24.15.0 or later) or 26 and later');
  });

  it('package metadata: MIT LICENSE file, repository, homepage, bugs; npm pack builds what it ships', () => {
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(join(CHECKOUT, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.ok(pkg.repository && pkg.homepage && pkg.bugs);
    assert.equal(pkg.scripts['prepare'], 'npm run build');
  });
});

describe('npm pack → npm install -g', () => {
  const hasRe2 = existsSync(join(CHECKOUT, 'node_modules/re2/build/Release/re2.node'));
  it('installs into a clean prefix without devDependencies or a compiler, and `keyhound scan DIR` works', { skip: INSTALL_SKIP || (hasRe2 ? false : 'needs the checkout installed'), timeout: 900_000 }, async () => {
    const work = tempDir('keyhound-pack-');
    const { env, compilerCalls } = offlineInstallEnv(work);
    // the suite has just built dist/ (npm test); packing again would rewrite it under running tests,
    // so pack what is built (`prepare` builds when a user runs npm pack)
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], CHECKOUT, env);
    assert.equal(packed.status, 0, packed.stderr);
    const tgz = readdirSync(work).find((f) => /^keyhound-.*\.tgz$/.test(f))!;
    const list = run('tar', ['-tzf', join(work, tgz)], work, env).stdout.split('\n');
    assert.ok(list.includes('package/dist/src/cli/main.js') && list.includes('package/LICENSE') && list.includes('package/dist/src/rules/pack.json'));
    assert.ok(!list.some((f) => f.startsWith('package/dist/test/') || f.startsWith('package/src/')), 'ships the build, not sources or tests');

    const prefix = join(work, 'prefix');
    // version ranges resolve against a loopback registry of the lock file's packages (npm's cache holds
    // their tarballs, not their package documents)
    const registry = await lockRegistry(env.npm_config_cache!);
    const installed = await runAsync('npm', ['install', '--global', '--prefix', prefix, '--prefer-online', '--registry', registry.url, join(work, tgz)], work, { ...env, npm_config_offline: 'false' });
    await registry.close();
    assert.equal(installed.status, 0, installed.stdout + installed.stderr);
    assert.equal(compilerCalls(), '', 'no compiler ran');
    const modules = installedPackages(join(prefix, 'lib/node_modules/keyhound/node_modules'));
    assert.deepEqual([...devOnlyPackages()].filter((p) => modules.has(p)), [], 'no devDependency installed');

    // a project with a live-looking key, scanned from another folder
    const project = join(work, 'bot');
    mkdirSync(project);
    const secret = expandExample('{{github:ghp}}', 'keyhound-pack-install');
    writeFileSync(join(project, 'config.env'), `GITHUB_TOKEN=${secret}\n`);
    const scan = run(join(prefix, 'bin/keyhound'), ['scan', project], work, env, 120_000);
    assert.equal(scan.status, 1, scan.stdout + scan.stderr);
    assert.match(scan.stdout, /config\.env/);
    assert.ok(!scan.stdout.includes(secret) && !scan.stderr.includes(secret));
    const version = run(join(prefix, 'bin/keyhound'), ['--version'], work, env);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(CHECKOUT, 'package.json'), 'utf8')).version);
  });
});
