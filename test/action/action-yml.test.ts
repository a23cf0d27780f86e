// action.yml and the entry script agree: every declared input reaches the script (through the scan step's
// env) and is read by it, and the script reads no input action.yml does not declare.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { INPUT_NAMES, INPUTS, inputEnvNames, readInputs } from '../../src/action/inputs.js';
import { checkout, cleanup, git, pullRequestPayload, Repo, runAction } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root from test/action or dist/test/action. */
const root = [resolve(here, '../..'), resolve(here, '../../..')].find((d) => {
  try {
    return JSON.parse(readFileSync(resolve(d, 'package.json'), 'utf8')).name === 'keyhound';
  } catch {
    return false;
  }
})!;

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(resolve(root, 'action.yml'), 'utf8')) as ActionYml;
const steps = action.runs.steps;
const scanStep = steps.find((s) => s.id === 'scan')!;

/** Environment variable names the script looked at while reading its inputs. */
function readNames(env: NodeJS.ProcessEnv): Set<string> {
  const seen = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, key) {
      if (typeof key === 'string') seen.add(key);
      return target[key as string];
    },
  });
  readInputs(proxy);
  return seen;
}

/** `${{ … }}` in the scan step's env, evaluated as the runner would with every input at its default. */
function evaluate(value: string, actionPath: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_all, expr: string) => {
    if (expr === 'github.action_path') return actionPath;
    const m = /^inputs\.([a-z-]+)$/.exec(expr);
    if (!m) throw new Error(`unexpected expression ${expr}`);
    const def = action.inputs[m[1]!]?.default ?? '';
    return def === '${{ github.token }}' ? 'ghs_testtoken0000000000000000000000000000' : def;
  });
}

describe('action.yml', () => {
  after(() => cleanup());
  it('is a composite action: Node 24, a runtime-only install in the action folder, then the bundled entry script', () => {
    assert.equal(action.runs.using, 'composite');
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    assert.ok(node, 'actions/setup-node');
    assert.equal(String(node.with?.['node-version']), '24');
    const install = steps.find((s) => s.name === 'Install keyhound');
    assert.ok(install, 'an install step');
    assert.equal(install.run, 'bash scripts/install-runtime.sh', 'runtime dependencies only (no --include=dev, no build)');
    assert.equal(install['working-directory'], '${{ github.action_path }}');
    assert.ok(steps.indexOf(node) < steps.indexOf(install) && steps.indexOf(install) < steps.indexOf(scanStep));
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
    assert.ok(cache && steps.indexOf(cache) < steps.indexOf(install), 'the npm cache is restored before the install');
    assert.match(String(cache.with?.key), /steps\.npm-cache-key\.outputs\.hash/, 'keyed on the lock file');
    assert.match(scanStep.run ?? '', /^node "\$ACTION_ENTRY"$/);
    assert.equal(scanStep.env?.ACTION_ENTRY, '${{ github.action_path }}/dist-bundle/action.mjs');
    for (const s of steps) if (s.run) assert.ok(s.shell, `step "${s.name}" names its shell (required in composite actions)`);
  });

  it('declares the inputs and outputs of issue 6 with their defaults', () => {
    const contract: Record<string, string | undefined> = {
      path: '.',
      mode: 'auto',
      'fail-on': 'warning',
      config: '',
      baseline: '',
      'sarif-file': '',
      comment: 'false',
      'github-token': '${{ github.token }}',
      revoke: 'false',
    };
    for (const [name, def] of Object.entries(contract)) {
      assert.ok(action.inputs[name], `input ${name}`);
      assert.equal(action.inputs[name].default ?? '', def, `default of ${name}`);
    }
    assert.deepEqual(Object.keys(action.outputs).sort(), ['findings', 'html-report', 'sarif-file']);
    assert.equal(action.outputs.findings!.value, '${{ steps.scan.outputs.findings }}');
    assert.equal(action.outputs['sarif-file']!.value, '${{ steps.scan.outputs.sarif-file }}');
  });

  it('the script declares exactly the inputs action.yml declares, with the same defaults', () => {
    assert.deepEqual([...INPUT_NAMES].sort(), Object.keys(action.inputs).sort());
    for (const name of INPUT_NAMES) {
      if (name === 'github-token') continue; // ${{ github.token }} is resolved by the runner
      assert.equal(action.inputs[name]!.default ?? '', INPUTS[name], `default of ${name}`);
    }
  });

  it('every input is passed to the entry step as INPUT_<NAME>, and nothing else is', () => {
    const env = scanStep.env ?? {};
    const passed = Object.keys(env).filter((k) => k.startsWith('INPUT_'));
    for (const name of Object.keys(action.inputs)) {
      const key = inputEnvNames(name)[0]!;
      assert.equal(env[key], `\${{ inputs.${name} }}`, `${key} carries inputs.${name}`);
    }
    assert.equal(passed.length, Object.keys(action.inputs).length, `unexpected: ${passed.join(', ')}`);
  });

  it('the script reads every declared input, and no undeclared one', () => {
    const env: NodeJS.ProcessEnv = {};
    const seen = readNames(env);
    const inputsRead = [...seen].filter((k) => k.startsWith('INPUT_'));
    const stepKeys = new Set(Object.keys(scanStep.env ?? {}).filter((k) => k.startsWith('INPUT_')));
    for (const key of stepKeys) assert.ok(seen.has(key), `the script reads ${key}`);
    for (const key of inputsRead) {
      const declared = [...stepKeys].some((k) => k === key) || Object.keys(action.inputs).some((n) => inputEnvNames(n).includes(key));
      assert.ok(declared, `the script reads ${key}, which action.yml does not declare`);
    }
    // and the values arrive: a non-default value per input changes what readInputs returns
    const custom = readInputs({
      INPUT_PATH: 'sub',
      INPUT_MODE: 'full',
      INPUT_FAIL_ON: 'error',
      INPUT_CONFIG: 'kh.yaml',
      INPUT_BASELINE: 'base.json',
      INPUT_SARIF_FILE: 'out.sarif',
      INPUT_COMMENT: 'true',
      INPUT_GITHUB_TOKEN: 't',
      INPUT_REVOKE: 'true',
      INPUT_REVOKE_CONFIG: 'issuers: {}',
      INPUT_RULES: 'a.yaml\nb/',
      INPUT_MAX_COMMENTS: '3',
      INPUT_VERIFY: 'true',
      INPUT_RPC: 'ethereum=https://rpc.example/k\nbitcoin=https://esplora.example/api',
      INPUT_HTML_REPORT: 'out/report.html',
      INPUT_HTML_ARTIFACT: 'false',
    });
    assert.deepEqual(custom, {
      path: 'sub',
      mode: 'full',
      failOn: 'error',
      config: 'kh.yaml',
      baseline: 'base.json',
      sarifFile: 'out.sarif',
      comment: true,
      githubToken: 't',
      revoke: true,
      revokeConfig: 'issuers: {}',
      rules: ['a.yaml', 'b/'],
      maxComments: 3,
      verify: true,
      rpc: ['ethereum=https://rpc.example/k', 'bitcoin=https://esplora.example/api'],
      htmlReport: 'out/report.html',
      htmlArtifact: undefined,
    });
  });

  it('accepts the hyphenated names JavaScript actions get, and rejects bad values', () => {
    assert.equal(readInputs({ 'INPUT_FAIL-ON': 'note' }).failOn, 'note');
    assert.throws(() => readInputs({ INPUT_MODE: 'nightly' }), /input "mode" must be one of auto, pr, push, full/);
    assert.throws(() => readInputs({ INPUT_COMMENT: 'sometimes' }), /input "comment" must be true or false/);
    assert.throws(() => readInputs({ INPUT_FAIL_ON: 'critical' }), /input "fail-on"/);
    assert.equal(readInputs({}).verify, false, 'verify is off by default');
    assert.throws(() => readInputs({ INPUT_VERIFY: 'maybe' }), /input "verify" must be true or false/);
  });

  it('no run step interpolates an input or event field into shell text (script injection)', () => {
    for (const s of steps) {
      if (!s.run) continue;
      assert.ok(!/\$\{\{\s*(inputs|github\.event)\./.test(s.run), `step "${s.name}" runs ${s.run}`);
    }
  });

  it("its scan step, with the declared defaults, runs the built entry script on a pull request", async (t) => {
    const entry = resolve(root, 'dist-bundle/action.mjs');
    if (!here.includes('/dist/') || !existsSync(entry)) {
      t.skip('needs the build (node --test dist/test/action/*.test.js)');
      return;
    }
    const origin = Repo.init();
    const base = origin.commit('initial', '2024-03-01T10:00:00Z', { 'README.md': '# demo\n' });
    git(origin.dir, 'checkout', '-q', '-b', 'feature');
    const head = origin.commit('docs', '2024-03-02T10:00:00Z', { 'docs/usage.md': 'Run it.\n' });
    git(origin.dir, 'checkout', '-q', 'main');
    const ws = checkout(origin, { detach: head });
    const env: NodeJS.ProcessEnv = { PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
    for (const [k, v] of Object.entries(scanStep.env ?? {})) env[k] = evaluate(v, root);
    const r = await runAction({
      workspace: ws,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 3, base, head, commits: 1 }),
      shell: scanStep.run!,
      env,
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.findings, '0');
    // SARIF under $RUNNER_TEMP by default: nothing untracked lands in the workspace
    assert.match(r.outputs['sarif-file']!, /[\\/]tmp[\\/]keyhound\.sarif$/);
    assert.ok(!r.outputs['sarif-file']!.startsWith(ws) && existsSync(r.outputs['sarif-file']!));
    assert.equal(git(ws, 'status', '--porcelain', '--ignored').trim(), '');
    assert.match(r.summary, /No secrets found/);
  });
});
