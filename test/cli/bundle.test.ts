// The bundled CLI (dist-bundle/keyhound.mjs, what `keyhound` runs) against the module build: same
// findings, its own scanning threads, and a pre-commit path that loads no dependency it does not use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildFixture, fixtureNames } from '../support/fixtures.js';
import { expandExample } from '../../src/rules/example-values.js';
import { cleanup, Repo, rulesPath, tempDir, testEnv, token } from '../git/helpers.js';

const checkout = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MODULES = join(checkout, 'dist/src/cli/main.js');
const pkg = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const BUNDLE = join(checkout, pkg.bin.keyhound!);
const built: string[] = [];
after(() => {
  built.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanup();
});

function run(cli: string, args: string[], cwd: string, node: string[] = [], env?: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [...node, cli, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Findings without run-specific fields, in a stable order. */
function findings(stdout: string): string[] {
  const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number; fingerprint: string; severity: string }> };
  return report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.fingerprint}`).sort();
}

describe('bundled CLI', () => {
  it('is committed as the build of the committed sources (after changing src/: npm run build, commit dist-bundle/)', (t) => {
    // npm test builds first, so the working tree holds a fresh build; git holds what a checkout runs
    const tracked = spawnSync('git', ['ls-files', '-z', 'dist-bundle'], { cwd: checkout, encoding: 'utf8' });
    if (tracked.status !== 0) return t.skip('not a git checkout');
    const files = tracked.stdout.split('\0').filter(Boolean).sort();
    assert.deepEqual(files, ['dist-bundle/action.mjs', 'dist-bundle/cli.mjs', 'dist-bundle/keyhound.mjs', 'dist-bundle/pack-docs.json', 'dist-bundle/pack.json', 'dist-bundle/scan-worker.mjs']);
    const changed = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist-bundle'], { cwd: checkout, encoding: 'utf8' }).stdout.trim();
    assert.equal(changed, '', 'dist-bundle/ differs from a fresh build of the sources: run npm run build and commit dist-bundle/');
  });

  it('is what the package runs, and knows its version', () => {
    assert.match(pkg.bin.keyhound!, /^dist-bundle\//);
    const r = run(BUNDLE, ['--version'], checkout);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('finds exactly what the module build finds in every sample project', () => {
    let total = 0;
    for (const name of fixtureNames()) {
      const { dir } = buildFixture(name);
      built.push(dir);
      const args = ['scan', '.', '--format', 'json', '--fail-on', 'never'];
      const a = run(BUNDLE, args, dir);
      const b = run(MODULES, args, dir);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      total += findings(a.stdout).length;
      assert.deepEqual(findings(a.stdout), findings(b.stdout), name);
    }
    assert.ok(total > 0, 'nothing found in any sample project');
  });

  it('scans a large folder in its bundled worker threads with the same findings', () => {
    const dir = tempDir('keyhound-bundle-');
    // past the inline threshold (200 files): the rest goes to scan-worker.mjs beside the bundle
    for (let i = 0; i < 400; i++) {
      mkdirSync(join(dir, `d${i % 20}`), { recursive: true });
      const secret = i % 50 === 7 ? `\nGITHUB_TOKEN=${token(`bundle-${i}`)}\n` : '\n';
      writeFileSync(join(dir, `d${i % 20}`, `f${i}.env`), `A=1\nREGION=eu${secret}`);
    }
    const args = ['scan', '.', '--format', 'json', '--fail-on', 'never', '--rules', rulesPath()];
    const a = run(BUNDLE, args, dir);
    const b = run(MODULES, args, dir);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(findings(a.stdout).length, 8, a.stdout);
    assert.deepEqual(findings(a.stdout), findings(b.stdout));
  });

  it('keyhound staged blocks a staged secret and loads no parser, schema or API library to do it', () => {
    const r = Repo.init();
    r.commit('init', '2024-01-01T00:00:00Z', { 'README.md': 'x\n', 'src/app.js': 'const a = 1;\n' });
    // a built-in rule: --rules would load the rule schema checker
    r.write('src/app.js', `const a = 1;\nconst token = '${expandExample('{{github:ghp}}', 'bundle-staged')}';\n`);
    r.git('add', 'src/app.js');
    const log = join(tempDir('keyhound-bundle-log-'), 'loaded.txt');
    const preload = join(dirname(log), 'preload.cjs');
    // every module id the process requires, ours bundled or not
    writeFileSync(preload, `const M = require('module'); const fs = require('fs'); const load = M._load;
M._load = function (id) { fs.appendFileSync(${JSON.stringify(log)}, id + '\\n'); return load.apply(this, arguments); };\n`);
    const out = run(BUNDLE, ['staged'], r.dir, ['-r', preload], testEnv());
    assert.equal(out.code, 1, out.stdout + out.stderr);
    assert.match(out.stdout, /src\/app\.js:2/);
    const loaded = readFileSync(log, 'utf8').split('\n');
    for (const heavy of ['ajv', 'yaml', '@octokit/rest', 'simple-git', 'fast-glob', 'smol-toml', '@noble/curves', '@noble/hashes', '@scure/bip39']) {
      assert.ok(!loaded.some((id) => id === heavy || id.startsWith(`${heavy}/`)), `${heavy} was loaded`);
    }
  });

  it('without its dependencies installed (no npm ci, or an install refused on an unsupported Node.js) says so in one line', () => {
    const dir = tempDir('keyhound-bare-');
    built.push(dir);
    for (const f of ['dist-bundle', 'rules']) cpSync(join(checkout, f), join(dir, f), { recursive: true });
    cpSync(join(checkout, 'package.json'), join(dir, 'package.json'));
    const r = run(join(dir, 'dist-bundle/keyhound.mjs'), ['--version'], dir, [], { ...testEnv(), NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    const engines = (JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    assert.match(r.stderr, /^keyhound: error: keyhound's dependencies are not installed \(cannot load [\w@/.-]+\)\. Install them where keyhound is \(npm ci\)/);
    assert.ok(r.stderr.includes(engines), r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line, no stack or require chain: ${r.stderr}`);
  });

  it('uses the built rule pack whatever the files\' times (a checkout sets them), never once a rule file changed', () => {
    // a copy of the runnable layout whose pack carries a marker title: seen only when the pack is used
    const dir = tempDir('keyhound-pack-');
    built.push(dir);
    for (const f of ['dist-bundle', 'rules']) cpSync(join(checkout, f), join(dir, f), { recursive: true });
    cpSync(join(checkout, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(checkout, 'node_modules'), join(dir, 'node_modules'));
    const packFile = join(dir, 'dist-bundle/pack.json');
    const pack = JSON.parse(readFileSync(packFile, 'utf8')) as { ruleSet: { rules: Array<{ id: string; provider: string }> } };
    const first = pack.ruleSet.rules[0]!;
    first.provider = 'pack-marker';
    writeFileSync(packFile, JSON.stringify(pack));
    const future = new Date(Date.now() + 3600_000);
    for (const f of ['exchanges.yaml', 'general.yaml']) utimesSync(join(dir, 'rules', f), future, future);
    const cli = join(dir, 'dist-bundle/keyhound.mjs');
    const env = { ...testEnv(), NODE_DISABLE_COMPILE_CACHE: '1' };
    const fresh = run(cli, ['rules', 'list'], dir, [], env);
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /pack-marker/, 'rule files newer than the pack but unchanged: the pack is used');
    writeFileSync(join(dir, 'rules/general.yaml'), `${readFileSync(join(dir, 'rules/general.yaml'), 'utf8')}\n# edited\n`);
    const stale = run(cli, ['rules', 'list'], dir, [], env);
    assert.equal(stale.code, 0, stale.stderr);
    assert.doesNotMatch(stale.stdout, /pack-marker/, 'a changed rule file: the rules are read from YAML');
    assert.match(stale.stdout, new RegExp(first.id));
  });
});
