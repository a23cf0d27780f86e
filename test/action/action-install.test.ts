// The Action as a runner gets it: a fresh copy of the repository at the ref, action.yml's install step run
// in it (runtime dependencies only, nothing compiled), then its scan step on a pull request.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { CHECKOUT, devOnlyPackages, freshCopy, INSTALL_SKIP, installedPackages, offlineInstallEnv } from '../support/install-env.js';
import { checkout, cleanup, git, plantedToken, pullRequestPayload, Repo, runAction, tempDir } from './helpers.js';

interface Step {
  name?: string;
  id?: string;
  run?: string;
  uses?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
}

const action = parse(readFileSync(join(CHECKOUT, 'action.yml'), 'utf8')) as { runs: { steps: Step[] }; inputs: Record<string, { default?: string }> };
const steps = action.runs.steps;

/** `${{ … }}` as the runner evaluates it for the action at `actionPath`, every input at its default. */
function evaluate(value: string, actionPath: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_all, expr: string) => {
    if (expr === 'github.action_path') return actionPath;
    const m = /^inputs\.([a-z-]+)$/.exec(expr);
    if (!m) throw new Error(`unexpected expression ${expr}`);
    const def = action.inputs[m[1]!]?.default ?? '';
    return def === '${{ github.token }}' ? 'ghs_testtoken0000000000000000000000000000' : def;
  });
}

describe('the Action install', () => {
  after(cleanup);
  const hasGit = existsSync(join(CHECKOUT, '.git'));
  const hasRe2 = existsSync(join(CHECKOUT, 'node_modules/re2/build/Release/re2.node'));

  it('installs no devDependency and compiles nothing in a fresh copy; the scan step then blocks a planted secret', { skip: INSTALL_SKIP || (!hasGit || !hasRe2 ? 'needs a git checkout with its dependencies installed' : false), timeout: 900_000 }, async () => {
    const work = tempDir('keyhound-action-install-');
    const actionPath = freshCopy(join(work, 'action'));
    assert.ok(!existsSync(join(actionPath, 'node_modules')) && existsSync(join(actionPath, 'dist-bundle/action.mjs')), 'the copy holds the committed bundle and no dependencies');
    const { env, compilerCalls } = offlineInstallEnv(work);

    const install = steps.find((s) => s.name === 'Install keyhound');
    assert.ok(install?.run, 'the install step');
    const started = Date.now();
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', evaluate(install.run, actionPath)], {
      cwd: evaluate(install['working-directory'] ?? '.', actionPath),
      env,
      encoding: 'utf8',
      timeout: 600_000,
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(compilerCalls(), '', 'no compiler ran');

    const installed = installedPackages(join(actionPath, 'node_modules'));
    const dev = [...devOnlyPackages()].filter((p) => installed.has(p));
    assert.deepEqual(dev, [], 'no devDependency installed');
    assert.ok(installed.has('re2') && existsSync(join(actionPath, 'node_modules/re2/build/Release/re2.node')), 're2 and its binary');
    assert.ok(!existsSync(join(actionPath, 'dist/.tsbuildinfo')) && !existsSync(join(actionPath, 'dist/test')), 'nothing was built');
    const du = spawnSync('du', ['-sk', join(actionPath, 'node_modules')], { encoding: 'utf8' }).stdout.split('\t')[0];
    process.stderr.write(`# action install: ${((Date.now() - started) / 1000).toFixed(1)} s, node_modules ${(Number(du) / 1024).toFixed(1)} MB, ${installed.size} packages\n`);

    // the scan step of action.yml, from the installed copy, on a pull request that adds a secret
    const origin = Repo.init();
    const base = origin.commit('initial', '2024-03-01T10:00:00Z', { 'README.md': '# demo\n' });
    git(origin.dir, 'checkout', '-q', '-b', 'feature');
    const secret = plantedToken('action-install');
    const head = origin.commit('config', '2024-03-02T10:00:00Z', { 'app.env': `GITHUB_TOKEN=${secret}\n` });
    git(origin.dir, 'checkout', '-q', 'main');
    const ws = checkout(origin, { detach: head });
    const scan = steps.find((s) => s.id === 'scan')!;
    const scanEnv: NodeJS.ProcessEnv = { PATH: env.PATH };
    for (const [k, v] of Object.entries(scan.env ?? {})) scanEnv[k] = evaluate(v, actionPath);
    const res = await runAction({ workspace: ws, eventName: 'pull_request', payload: pullRequestPayload({ number: 4, base, head, commits: 1 }), shell: scan.run!, env: scanEnv });
    assert.equal(res.code, 1, res.stdout + res.stderr);
    assert.equal(res.outputs.findings, '1');
    assert.ok(existsSync(res.outputs['sarif-file']!) && !res.outputs['sarif-file']!.startsWith(ws), 'SARIF outside the workspace');
    assert.equal(git(ws, 'status', '--porcelain', '--ignored').trim(), '', 'nothing written into the workspace');
    for (const text of [res.stdout, res.stderr, res.summary, readFileSync(res.outputs['sarif-file']!, 'utf8')]) assert.ok(!text.includes(secret));
  });
});
