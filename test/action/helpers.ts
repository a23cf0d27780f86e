// A simulated GitHub Actions runner for the action's entry script: real git repositories in temp folders
// (an "origin" and the workspace clone actions/checkout would make), real-shaped event payloads, the
// runner's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) and a loopback mock of the REST API.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandExample } from '../../src/rules/example-values.js';
import { configFreeGit } from '../support/git-env.js';

const here = dirname(fileURLToPath(import.meta.url));

/** How to start the entry script: built (dist/test/action → dist/src/action/main.js) or through tsx. */
function entryCommand(): string[] {
  const built = resolve(here, '../../src/action/main.js');
  if (existsSync(built)) return [built];
  return ['--import', import.meta.resolve('tsx'), resolve(here, '../../src/action/main.ts')];
}

const made: string[] = [];
export function tempDir(prefix = 'keyhound-action-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}
export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A home with no git config, so nothing of the caller's git setup leaks in. */
let home: string | undefined;
function testHome(): string {
  home ??= tempDir('keyhound-action-home-');
  return home;
}

/** process.env without GIT_*, GITHUB_*, INPUT_*, RUNNER_* plus a fixed, config-free git. */
export function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GIT_|GITHUB_|INPUT_|RUNNER_|ACTIONS_|PRE_COMMIT)/.test(k)) continue;
    env[k] = v;
  }
  const h = testHome();
  return {
    ...env,
    ...configFreeGit(h),
    ...extra,
  };
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: baseEnv(), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

export class Repo {
  constructor(readonly dir: string) {}

  static init(branch = 'main'): Repo {
    const r = new Repo(tempDir('keyhound-action-origin-'));
    git(r.dir, 'init', '-q', '-b', branch);
    git(r.dir, 'config', 'commit.gpgsign', 'false');
    return r;
  }

  /** Writes `files` (null deletes), commits at `date`, returns the sha. */
  commit(message: string, date: string, files: Record<string, string | null>): string {
    for (const [p, c] of Object.entries(files)) {
      if (c === null) git(this.dir, 'rm', '-q', '--', p);
      else {
        mkdirSync(dirname(join(this.dir, p)), { recursive: true });
        writeFileSync(join(this.dir, p), c);
        git(this.dir, 'add', '--', p);
      }
    }
    const r = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
      cwd: this.dir,
      env: baseEnv({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`git commit failed: ${r.stderr}`);
    return git(this.dir, 'rev-parse', 'HEAD');
  }
}

/** The workspace actions/checkout makes: a clone of `origin` (all history, or `depth` commits of `branch`). */
export function checkout(origin: Repo, opts: { depth?: number; branch?: string; detach?: string } = {}): string {
  const ws = join(tempDir('keyhound-action-ws-'), 'repo');
  const args = ['clone', '-q', '--no-local'];
  if (opts.depth) args.push('--depth', String(opts.depth));
  if (opts.branch) args.push('--branch', opts.branch);
  args.push(opts.depth ? `file://${origin.dir}` : origin.dir, ws);
  git(tmpdir(), ...args);
  if (opts.detach) git(ws, 'checkout', '-q', '--detach', opts.detach);
  return ws;
}

/** A planted secret, generated at test time (a checksummed GitHub classic token). */
export function plantedToken(name: string): string {
  return expandExample('{{github:ghp}}', `${name}-${randomBytes(8).toString('hex')}`);
}

const REPOSITORY = {
  id: 1,
  node_id: 'R_kgDOA',
  name: 'demo',
  full_name: 'octo/demo',
  private: false,
  owner: { login: 'octo', id: 2, type: 'Organization' },
  html_url: 'https://github.com/octo/demo',
  default_branch: 'main',
};

/** A pull_request payload (action "synchronize") shaped like GitHub's. */
export function pullRequestPayload(o: { number: number; base: string; head: string; commits: number; headRef?: string }): object {
  return {
    action: 'synchronize',
    number: o.number,
    before: o.base,
    after: o.head,
    pull_request: {
      url: `https://api.github.com/repos/octo/demo/pulls/${o.number}`,
      id: 100 + o.number,
      number: o.number,
      state: 'open',
      title: 'Add the exchange client',
      user: { login: 'contributor', id: 3, type: 'User' },
      commits: o.commits,
      draft: false,
      merged: false,
      head: { label: `octo:${o.headRef ?? 'feature'}`, ref: o.headRef ?? 'feature', sha: o.head, user: { login: 'octo' }, repo: REPOSITORY },
      base: { label: 'octo:main', ref: 'main', sha: o.base, user: { login: 'octo' }, repo: REPOSITORY },
    },
    repository: REPOSITORY,
    sender: { login: 'contributor', id: 3, type: 'User' },
  };
}

/** A push payload shaped like GitHub's (`before` all zeros for a new branch). */
export function pushPayload(o: { ref: string; before: string; after: string; commits: string[]; created?: boolean; forced?: boolean }): object {
  return {
    ref: o.ref,
    before: o.before,
    after: o.after,
    created: o.created ?? /^0+$/.test(o.before),
    deleted: false,
    forced: o.forced ?? false,
    base_ref: null,
    compare: `https://github.com/octo/demo/compare/${o.before.slice(0, 12)}...${o.after.slice(0, 12)}`,
    commits: o.commits.map((id) => ({ id, tree_id: id, distinct: true, message: 'change', author: { name: 'Ada Author', email: 'ada@example.test' } })),
    head_commit: { id: o.after },
    repository: { ...REPOSITORY, master_branch: 'main' },
    pusher: { name: 'ada', email: 'ada@example.test' },
    sender: { login: 'ada', id: 4, type: 'User' },
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputsText: string;
  outputs: Record<string, string>;
  /** Workflow-command annotations printed (::error/::warning/::notice lines). */
  annotations: string[];
}

/** Parses $GITHUB_OUTPUT (`name=value` and `name<<DELIM … DELIM`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** Inputs as action.yml passes them: INPUT_<NAME>, upper case, `-` → `_`. */
export function inputEnv(inputs: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, '_')}`] = v;
  return env;
}

/**
 * Runs the entry script like the runner would. Asynchronous on purpose: the mock API lives in this
 * process and must keep answering while the script runs.
 */
export async function runAction(o: {
  workspace: string;
  eventName: string;
  payload: object;
  inputs?: Record<string, string>;
  apiUrl?: string;
  githubSha?: string;
  env?: NodeJS.ProcessEnv;
  /** Run this shell text with bash instead of the entry script (action.yml's own step); `inputs` are then not mapped. */
  shell?: string;
}): Promise<RunResult> {
  const runner = tempDir('keyhound-action-runner-');
  const eventPath = join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.payload, null, 2));
  const summaryPath = join(runner, 'step_summary.md');
  const outputPath = join(runner, 'output.txt');
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const env = baseEnv({
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_REPOSITORY: 'octo/demo',
    GITHUB_SHA: o.githubSha ?? '',
    GITHUB_API_URL: o.apiUrl ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: join(runner, 'tmp'),
    ...(o.shell ? {} : inputEnv({ 'github-token': 'ghs_testtoken0000000000000000000000000000', ...(o.inputs ?? {}) })),
    ...(o.env ?? {}),
  });
  mkdirSync(join(runner, 'tmp'));
  const child = o.shell
    ? spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', o.shell], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, entryCommand(), { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  clearTimeout(timer);
  const outputsText = readFileSync(outputPath, 'utf8');
  return {
    code,
    stdout,
    stderr,
    summary: readFileSync(summaryPath, 'utf8'),
    outputsText,
    outputs: parseOutputs(outputsText),
    annotations: stdout.split('\n').filter((l) => /^::(error|warning|notice)( |::)/.test(l)),
  };
}

// ─────────────────────────────── loopback mock of the REST API ───────────────────────────────

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface ReviewComment {
  id: number;
  body: string;
  path: string;
  line: number | null;
  side?: string;
  commit_id: string;
  subject_type?: string;
  user: { login: string; type: string };
}

export interface GitHubMock {
  url: string;
  requests: Recorded[];
  comments: ReviewComment[];
  /** Bodies of POST /credentials/revoke. */
  revoked: string[][];
  /** Requests that were over the bound or to an unknown route. */
  unexpected: Recorded[];
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/**
 * GitHub's review-comment endpoints for one pull request (list with pagination, create, update) and
 * credential revocation, on 127.0.0.1, answering at most `max` requests.
 */
export async function githubMock(
  o: {
    owner?: string;
    repo?: string;
    pull?: number;
    max?: number;
    pageSize?: number;
    /** Answers a request before the default routes do (status and JSON body), e.g. to simulate 403/422. */
    override?: (rec: Recorded) => { status: number; body: unknown } | undefined;
  } = {},
): Promise<GitHubMock> {
  const owner = o.owner ?? 'octo';
  const repo = o.repo ?? 'demo';
  const pull = o.pull ?? 7;
  const max = o.max ?? 40;
  const requests: Recorded[] = [];
  const unexpected: Recorded[] = [];
  const comments: ReviewComment[] = [];
  const revoked: string[][] = [];
  let nextId = 1000;
  let port = 0;
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const rec: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      if (requests.length > max || size > MAX_BODY) {
        unexpected.push(rec);
        return send(res, 503, { message: 'mock: request bound reached' });
      }
      const forced = o.override?.(rec);
      if (forced) return send(res, forced.status, forced.body);
      const url = new URL(rec.url, 'http://127.0.0.1');
      const list = `/repos/${owner}/${repo}/pulls/${pull}/comments`;
      if (rec.method === 'GET' && url.pathname === list) {
        const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), o.pageSize ?? 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = comments.slice((page - 1) * per, page * per);
        const headers: Record<string, string> = {};
        if (page * per < comments.length) headers.link = `<http://127.0.0.1:${port}${list}?per_page=${per}&page=${page + 1}>; rel="next"`;
        return send(res, 200, slice, headers);
      }
      if (rec.method === 'POST' && url.pathname === list) {
        const b = JSON.parse(rec.body) as Partial<ReviewComment> & { line?: number };
        if (!b.body || !b.path || !b.commit_id || (b.subject_type !== 'file' && !b.line)) {
          return send(res, 422, { message: 'Validation Failed' });
        }
        const c: ReviewComment = {
          id: nextId++,
          body: b.body,
          path: b.path,
          line: b.line ?? null,
          side: b.side,
          commit_id: b.commit_id,
          subject_type: b.subject_type,
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        comments.push(c);
        return send(res, 201, c);
      }
      const patch = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/comments\/(\d+)$/.exec(url.pathname);
      if (rec.method === 'PATCH' && patch && patch[1] === owner && patch[2] === repo) {
        const c = comments.find((x) => x.id === Number(patch[3]));
        if (!c) return send(res, 404, { message: 'Not Found' });
        c.body = (JSON.parse(rec.body) as { body: string }).body;
        return send(res, 200, c);
      }
      if (rec.method === 'POST' && url.pathname === '/credentials/revoke') {
        revoked.push((JSON.parse(rec.body) as { credentials: string[] }).credentials);
        return send(res, 202, []);
      }
      unexpected.push(rec);
      return send(res, 404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    comments,
    revoked,
    unexpected,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
