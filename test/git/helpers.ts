// Temporary git repositories for tests: fixed identities and dates, no global or system config,
// no GIT_* variables from the caller, never the network.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFreeGit } from '../support/git-env.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The built CLI: dist/test/git → dist/src/cli; test/git (tsx) → dist/src/cli. */
export const CLI = existsSync(resolve(here, '../../src/cli/main.js'))
  ? resolve(here, '../../src/cli/main.js')
  : resolve(here, '../../dist/src/cli/main.js');

const made: string[] = [];
export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function tempDir(prefix = 'keyhound-git-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** A home with no git config: the caller's identity, hooks, aliases and signing never leak in. */
const HOME = tempDir('keyhound-home-');

/** process.env without GIT_* plus a fixed, config-free git setup. */
export function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && !k.startsWith('PRE_COMMIT')) env[k] = v;
  return {
    ...env,
    ...configFreeGit(HOME),
    ...extra,
  };
}

export class Repo {
  constructor(readonly dir: string) {}

  static init(opts: { bare?: boolean; branch?: string } = {}): Repo {
    const dir = tempDir('keyhound-repo-');
    const r = new Repo(dir);
    r.git('init', '-q', '-b', opts.branch ?? 'main', ...(opts.bare ? ['--bare'] : []));
    r.git('config', 'commit.gpgsign', 'false');
    r.git('config', 'core.autocrlf', 'false');
    return r;
  }

  /** Runs git; throws with its stderr on failure unless `allowFail`. */
  git(...args: string[]): string {
    return this.gitRaw(args).stdout;
  }

  gitRaw(args: string[], opts: { allowFail?: boolean; env?: NodeJS.ProcessEnv; input?: string } = {}): SpawnSyncReturns<string> {
    const r = spawnSync('git', args, { cwd: this.dir, env: testEnv(opts.env), encoding: 'utf8', timeout: 60_000, input: opts.input });
    if (r.status !== 0 && !opts.allowFail) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
    return r;
  }

  write(path: string, content: string | Buffer): void {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }

  remove(path: string): void {
    rmSync(join(this.dir, path), { force: true });
  }

  /** Stages `files` (null deletes) and commits at `date` (ISO, both author and committer). Returns the sha. */
  commit(message: string, date: string, files: Record<string, string | Buffer | null> = {}): string {
    for (const [p, c] of Object.entries(files)) {
      const literal = { GIT_LITERAL_PATHSPECS: '1' };
      if (c === null) this.gitRaw(['rm', '-q', '--', p], { env: literal });
      else {
        this.write(p, c);
        this.gitRaw(['add', '--', p], { env: literal });
      }
    }
    this.gitRaw(['commit', '-q', '--allow-empty', '-m', message], { env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    return this.git('rev-parse', 'HEAD').trim();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd`. */
export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: testEnv(env), encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Test-only rules with distinctive prefixes, so these tests don't depend on the evolving pack.
export const RULES_YAML = `rules:
  - id: kh-git-token
    title: keyhound git test token
    provider: keyhound-test
    severity: error
    keywords: [khgit_]
    pattern: '\\b(khgit_[A-Za-z0-9]{24})\\b'
    tags: [security, secret]
    examples:
      match: ['t = khgit_{{alnum:24}}']
      nomatch: ['t = khgit_short']
  - id: kh-git-note
    title: keyhound git test public value
    provider: keyhound-test
    severity: note
    keywords: [khnote_]
    pattern: '\\b(khnote_[A-Za-z0-9]{12})\\b'
    tags: [security]
    examples:
      match: ['n = khnote_{{alnum:12}}']
      nomatch: ['n = khnote_']
`;

let rulesFile: string | null = null;
/** Path of the test rule file (outside every test repository). */
export function rulesPath(): string {
  if (!rulesFile) {
    const d = tempDir('keyhound-rules-');
    rulesFile = join(d, 'git-test-rules.yaml');
    writeFileSync(rulesFile, RULES_YAML);
  }
  return rulesFile;
}

/** A distinct secret per name, stable across runs (no live-looking value in the repository). */
export function token(name: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let h = 2166136261;
  let out = '';
  for (let i = 0; out.length < 24; i++) {
    h = Math.imul(h ^ (name.charCodeAt(i % name.length) + i), 16777619) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return `khgit_${out}`;
}

/** The JSON report as keyhound writes it (`secret` present with --show-secrets). */
export type { JsonFinding, JsonReport } from '../../src/report/json.js';
import type { JsonReport } from '../../src/report/json.js';

/** `keyhound history --format json` with the test rules; parsed. */
export function historyJson(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): { code: number | null; report: JsonReport; stderr: string; stdout: string } {
  const r = runCli(cwd, ['history', ...args, '--format', 'json', '--rules', rulesPath(), '--quiet'], env);
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, report, stderr: r.stderr, stdout: r.stdout };
}
