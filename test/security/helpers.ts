// Attack harness: hostile repositories built in temp folders, the built CLI run with a private home and
// state folder, and action.yml's own scan step run by bash as the runner would.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, lstatSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { expandExample } from '../../src/rules/example-values.js';
import { configFreeGit } from '../support/git-env.js';
import { runAction, type RunResult } from '../action/helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root (from test/security or dist/test/security). */
export const root = [resolve(here, '../..'), resolve(here, '../../..')].find((d) => {
  try {
    return JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).name === 'keyhound' && existsSync(join(d, 'dist/src/cli/main.js'));
  } catch {
    return false;
  }
})!;
export const CLI = join(root, 'dist/src/cli/main.js');

const made: string[] = [];
export function tmp(prefix = 'keyhound-attack-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}
export function cleanupAll(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A private home for one attack: git without config, a state folder of its own. */
export function home(): { dir: string; state: string; env: NodeJS.ProcessEnv } {
  const dir = tmp('keyhound-attack-home-');
  const state = join(dir, 'state');
  return { dir, state, env: { ...configFreeGit(dir), XDG_STATE_HOME: state, PATH: process.env.PATH } };
}

export function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** Writes files (Buffers as bytes) under `dir`. */
export function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
}

/** A git repository with `files` committed (message `message`). */
export function repo(files: Record<string, string | Buffer>, env: NodeJS.ProcessEnv, message = 'initial'): string {
  const dir = join(tmp('keyhound-attack-repo-'), 'repo');
  mkdirSync(dir);
  git(dir, env, 'init', '-q', '-b', 'main');
  write(dir, files);
  git(dir, env, 'add', '-A');
  git(dir, env, '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message);
  return dir;
}

/** A planted secret generated at test time (a checksummed GitHub classic token). */
export function token(name: string): string {
  return expandExample('{{github:ghp}}', `${name}-${randomBytes(8).toString('hex')}`);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI; a hang is a failure (killed after `timeoutMs`, reported as code null). */
export function cli(args: string[], o: { cwd: string; env: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number }): Promise<Run> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: o.cwd, env: { NO_COLOR: '1', ...o.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: signal ? null : code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(o.stdin ?? '');
  });
}

/** Every regular file below `dir` (links not followed), as path → text. */
export function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.set(p, readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

/** The encodings a leak could take: raw, JSON-escaped, percent/form-encoded, base64. */
export function encodings(secret: string): string[] {
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
  ].filter((v, i, a) => a.indexOf(v) === i);
}

/** Fails when any planted value, in any encoding, appears in any text. */
export function assertNoLeak(texts: Record<string, string>, secrets: string[]): void {
  for (const [name, text] of Object.entries(texts)) {
    for (const s of secrets) for (const e of encodings(s)) assert.ok(!text.includes(e), `${name} leaks a planted value (${e.slice(0, 6)}…)`);
  }
}

// ---- action.yml's scan step -----------------------------------------------------------------

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { steps: Step[] };
};
const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;

/** `${{ … }}` of the scan step's env, as the runner evaluates it with these inputs (defaults otherwise). */
function evaluate(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_all, expr: string) => {
    if (expr === 'github.action_path') return root;
    const m = /^inputs\.([a-z-]+)$/.exec(expr);
    if (!m) throw new Error(`unexpected expression ${expr}`);
    if (m[1]! in inputs) return inputs[m[1]!]!;
    const def = action.inputs[m[1]!]?.default ?? '';
    return def === '${{ github.token }}' ? 'ghs_testtoken0000000000000000000000000000' : def;
  });
}

/** Runs action.yml's own scan step (its shell text and env) in `workspace`. */
export function runScanStep(o: { workspace: string; eventName: string; payload: object; githubSha?: string; inputs?: Record<string, string>; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, ...(o.env ?? {}) };
  for (const [k, v] of Object.entries(scanStep.env ?? {})) env[k] = evaluate(v, o.inputs ?? {});
  return runAction({ workspace: o.workspace, eventName: o.eventName, payload: o.payload, githubSha: o.githubSha, shell: scanStep.run!, env });
}
