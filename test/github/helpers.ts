// A mock GitHub on 127.0.0.1 for organisation scans: the REST listing endpoints with Link pagination
// and a rate-limit answer, and git's smart HTTP (git http-backend) serving bare repositories built in
// the test. Every request is recorded, so tests can check what arrived (auth headers, fetches).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CLI, Repo, tempDir, testEnv } from '../git/helpers.js';

export interface MockRepo {
  owner: string;
  name: string;
  id: number;
  private?: boolean;
  fork?: boolean;
  archived?: boolean;
  /** Work repository pushed to the served bare copy (absent: an empty repository). */
  work?: Repo;
  /** A clone URL of the mock's choosing (tests of broken ones). */
  cloneUrl?: string;
}

export interface RecordedRequest {
  method: string;
  url: string;
  authorization?: string;
  host?: string;
  /** Decoded request body of git POSTs. */
  body?: string;
}

export class MockGithub {
  readonly gitRoot = tempDir('keyhound-ghsrv-');
  readonly repos: MockRepo[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Repositories per page of the listing (the real API's per_page is honoured up to this). */
  pageSize = 2;
  /** Answer the next request for this page with 429 + retry-after (once). */
  rateLimitPage: number | null = null;
  rateLimitSeconds = 1;
  /** `retry-after`: a 429 with Retry-After; `reset`: a 403 with x-ratelimit-remaining 0 and x-ratelimit-reset. */
  rateLimitKind: 'retry-after' | 'reset' = 'retry-after';
  /** Link headers name this host instead of 127.0.0.1 (a listing that tries to send the client elsewhere). */
  linkHost: string | null = null;
  /** `GET /user` answers this login (with a token). */
  login = 'ci-bot';
  private server!: Server;
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: Error) => {
        res.statusCode = 500;
        res.end(e.message);
      });
    });
    this.server.requestTimeout = 30_000;
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Adds a repository served at /git/owner/name.git; `work` is pushed to it now. */
  add(repo: MockRepo): MockRepo {
    this.repos.push(repo);
    const bare = join(this.gitRoot, repo.owner, `${repo.name}.git`);
    mkdirSync(bare, { recursive: true });
    new Repo(bare).git('init', '-q', '--bare', '-b', 'main');
    if (repo.work) this.push(repo);
    return repo;
  }

  /** Pushes every branch and tag of the repository's work copy to the served bare copy. */
  push(repo: MockRepo): void {
    const bare = join(this.gitRoot, repo.owner, `${repo.name}.git`);
    repo.work!.git('push', '-q', '--mirror', bare);
  }

  /** POSTs that asked git for objects (protocol v2 `command=fetch`, or v0 `want` lines). */
  fetches(name?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method === 'POST' && r.url.includes('git-upload-pack') && (name === undefined || r.url.includes(`/${name}.git/`)) && /command=fetch|want [0-9a-f]{40}/.test(r.body ?? ''),
    );
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', ...headers });
    res.end(JSON.stringify(body));
  }

  private apiRepo(r: MockRepo): Record<string, unknown> {
    return {
      id: r.id,
      name: r.name,
      full_name: `${r.owner}/${r.name}`,
      owner: { login: r.owner },
      private: !!r.private,
      fork: !!r.fork,
      archived: !!r.archived,
      disabled: false,
      default_branch: 'main',
      size: r.work ? 10 : 0,
      clone_url: r.cloneUrl ?? `http://127.0.0.1:${this.port}/git/${r.owner}/${r.name}.git`,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body = Buffer.concat(chunks);
    const rec: RecordedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', authorization: req.headers.authorization, host: req.headers.host };
    this.requests.push(rec);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    if (url.pathname.startsWith('/git/')) {
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      rec.body = body.toString('latin1');
      return this.git(req, res, url, body);
    }
    if (url.pathname === '/api/user') {
      if (!req.headers.authorization) return this.json(res, 401, { message: 'Requires authentication' });
      return this.json(res, 200, { login: this.login });
    }
    const m = /^\/api\/(orgs|users)\/([^/]+)\/repos$/.exec(url.pathname) ?? /^\/api\/(user)\/(repos)$/.exec(url.pathname);
    if (!m) return this.json(res, 404, { message: 'Not Found' });
    const page = Number(url.searchParams.get('page') ?? '1');
    if (this.rateLimitPage === page) {
      this.rateLimitPage = null;
      if (this.rateLimitKind === 'reset') {
        const reset = String(Math.ceil(Date.now() / 1000) + this.rateLimitSeconds);
        return this.json(res, 403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
      }
      return this.json(res, 429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': String(this.rateLimitSeconds) });
    }
    const owner = m[1] === 'user' ? this.login : m[2]!;
    const all = this.repos.filter((r) => r.owner.toLowerCase() === owner.toLowerCase() && (!r.private || !!req.headers.authorization));
    if (all.length === 0 && m[1] !== 'user') return this.json(res, 404, { message: 'Not Found' });
    const per = Math.min(this.pageSize, Number(url.searchParams.get('per_page') ?? '30'));
    const last = Math.max(1, Math.ceil(all.length / per));
    const link = (p: number, rel: string) => {
      const u = new URL(url);
      u.searchParams.set('page', String(p));
      if (this.linkHost) u.hostname = this.linkHost;
      return `<${u.href}>; rel="${rel}"`;
    };
    const links = [page < last ? link(page + 1, 'next') : '', link(last, 'last'), page > 1 ? link(page - 1, 'prev') : ''].filter(Boolean);
    this.json(res, 200, all.slice((page - 1) * per, page * per).map((r) => this.apiRepo(r)), { link: links.join(', ') });
  }

  /** git smart HTTP through `git http-backend` (CGI). */
  private git(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    return new Promise((resolve) => {
      const env = testEnv({
        GIT_PROJECT_ROOT: this.gitRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname.slice('/git'.length)),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        CONTENT_LENGTH: String(body.length),
        REMOTE_ADDR: '127.0.0.1',
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
      });
      const child = spawn('git', ['http-backend'], { env, stdio: 'pipe' });
      const out: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.resume();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('close', () => {
        clearTimeout(timer);
        const all = Buffer.concat(out);
        const split = all.indexOf('\r\n\r\n');
        const head = split < 0 ? '' : all.subarray(0, split).toString('latin1');
        let status = 200;
        const headers: Record<string, string> = {};
        for (const line of head.split('\r\n')) {
          const i = line.indexOf(':');
          if (i < 0) continue;
          const k = line.slice(0, i).trim();
          const v = line.slice(i + 1).trim();
          if (k.toLowerCase() === 'status') status = Number(v.split(' ')[0]);
          else headers[k] = v;
        }
        res.writeHead(split < 0 ? 500 : status, headers);
        res.end(split < 0 ? all : all.subarray(split + 4));
        resolve();
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(body);
    });
  }
}

export interface AsyncCliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI without blocking this process (the mock server answers it meanwhile). */
export function runCliAsync(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<AsyncCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: testEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
