// Repositories of a GitHub organisation or user through @octokit/rest: Link-header pagination,
// GITHUB_TOKEN for private ones, rate limits waited out (never hammered), a bound on requests in flight.
import { Octokit } from '@octokit/rest';
import pLimit from 'p-limit';
import { checkEndpointUrl, timeoutFetch, waitHint } from '../net/http.js';

export const GITHUB_API_DEFAULT = 'https://api.github.com';

export type GithubTarget = { org: string; user?: undefined } | { user: string; org?: undefined };

/** The fields of the API's repository object that an organisation scan uses. */
export interface ApiRepository {
  id: number;
  fullName: string;
  cloneUrl: string;
  defaultBranch: string | null;
  private: boolean;
  fork: boolean;
  archived: boolean;
  disabled: boolean;
  /** KiB as the API reports it (0 for an empty repository). */
  size: number;
}

export interface GithubClientOptions {
  apiUrl: string;
  token?: string;
  version: string;
  /** API requests in flight at once. */
  concurrency?: number;
  /** Longest single wait for a rate limit; a longer one fails the request (default 15 min). */
  maxWaitMs?: number;
  /** Attempts after a rate-limit answer before giving up (default 5). */
  retries?: number;
  timeoutMs?: number;
  /** Told about every wait (the CLI prints it). */
  onWait?: (ms: number, why: string) => void;
}

/** A GitHub API problem the user must hear about (unknown organisation, bad token, rate limit too long). */
export class GithubApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GithubApiError';
  }
}

const OWNER_OR_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** Owner and repository names as GitHub allows them; anything else (`..`, `/`, controls) is refused. */
export function isSafeFullName(fullName: string): boolean {
  const parts = fullName.split('/');
  return parts.length === 2 && parts.every((p) => OWNER_OR_NAME.test(p) && p !== '.' && p !== '..');
}

export class GithubClient {
  readonly octokit: Octokit;
  readonly apiUrl: URL;
  private blockedUntil = 0;
  waits = 0;
  requests = 0;

  constructor(private readonly opts: GithubClientOptions) {
    this.apiUrl = checkEndpointUrl(opts.apiUrl, '--github-api-url');
    const limit = pLimit(Math.max(1, opts.concurrency ?? 4));
    this.octokit = new Octokit({
      baseUrl: opts.apiUrl.replace(/\/+$/, ''),
      auth: opts.token || undefined,
      userAgent: `keyhound/${opts.version}`,
      request: { fetch: timeoutFetch(opts.timeoutMs ?? 60_000), redirect: 'manual' },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    this.octokit.hook.wrap('request', (request, options) => {
      // pagination follows Link URLs from the answer: the token must not follow one to another host
      const target = new URL(String(options.url), `${this.apiUrl.href.replace(/\/+$/, '')}/`);
      if (target.origin !== this.apiUrl.origin) {
        throw new GithubApiError(`the GitHub API pointed to another host (${target.host}); not followed`);
      }
      return limit(() => this.withRateLimit(async () => request(options)));
    });
  }

  /** Runs one request; waits out rate limits (retry-after, x-ratelimit-reset) and retries a bounded number of times. */
  private async withRateLimit<T extends { headers: Record<string, unknown> }>(send: () => Promise<T>): Promise<T> {
    const retries = this.opts.retries ?? 5;
    const maxWait = this.opts.maxWaitMs ?? 15 * 60_000;
    for (let attempt = 0; ; attempt++) {
      const hold = this.blockedUntil - Date.now();
      if (hold > 0) await this.sleep(hold, 'rate limit exhausted until its reset');
      this.requests++;
      try {
        const res = await send();
        const h = toHeaders(res.headers);
        // the last request of the window: the next one waits for the reset instead of being refused
        if (h.get('x-ratelimit-remaining') === '0') {
          const wait = waitHint(h);
          if (wait !== undefined) this.blockedUntil = Date.now() + Math.min(wait, maxWait) + 1000;
        }
        return res;
      } catch (e) {
        const err = e as { status?: number; response?: { headers?: Record<string, unknown>; data?: unknown } };
        const status = err.status ?? 0;
        const h = toHeaders(err.response?.headers ?? {});
        const limited = status === 429 || (status === 403 && (h.has('retry-after') || h.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(bodyMessage(err.response?.data))));
        if (!limited) throw e;
        // secondary limits without a hint: GitHub asks for at least a minute
        const wait = waitHint(h) ?? 60_000;
        if (attempt >= retries) throw new GithubApiError(`GitHub API rate limit: still limited after ${retries} waits`, status);
        if (wait > maxWait) {
          throw new GithubApiError(
            `GitHub API rate limit: the reset is ${Math.ceil(wait / 1000)} s away (over --max-rate-limit-wait ${Math.round(maxWait / 1000)} s)`,
            status,
          );
        }
        await this.sleep(wait, `HTTP ${status}`);
      }
    }
  }

  private async sleep(ms: number, why: string): Promise<void> {
    this.waits++;
    this.opts.onWait?.(ms, why);
    // a little past the reset: clocks differ
    await new Promise((r) => setTimeout(r, ms + 250));
  }

  /** Every repository of the organisation or user, in the API's order. */
  async listRepositories(target: GithubTarget): Promise<ApiRepository[]> {
    const out: ApiRepository[] = [];
    try {
      const iterator = target.org !== undefined
        ? this.octokit.paginate.iterator('GET /orgs/{org}/repos', { org: target.org, type: 'all', per_page: 100 })
        : await this.userIterator(target.user);
      for await (const page of iterator) {
        for (const raw of page.data as unknown[]) {
          const repo = apiRepository(raw);
          if (repo) out.push(repo);
        }
      }
    } catch (e) {
      throw this.explain(e, target);
    }
    return out;
  }

  /** The token's own account lists its private repositories only through /user/repos. */
  private async userIterator(user: string) {
    if (this.opts.token) {
      try {
        const me = await this.octokit.request('GET /user');
        const login = (me.data as { login?: unknown }).login;
        if (typeof login === 'string' && login.toLowerCase() === user.toLowerCase()) {
          return this.octokit.paginate.iterator('GET /user/repos', { affiliation: 'owner', visibility: 'all', per_page: 100 });
        }
      } catch {
        /* an app or fine-grained token without a user: the public listing below */
      }
    }
    return this.octokit.paginate.iterator('GET /users/{username}/repos', { username: user, type: 'owner', per_page: 100 });
  }

  private explain(e: unknown, target: GithubTarget): Error {
    if (e instanceof GithubApiError) return e;
    const err = e as { status?: number; message?: string };
    const who = target.org !== undefined ? `organisation ${target.org}` : `user ${target.user}`;
    if (err.status === 404) return new GithubApiError(`${who} not found (or not visible with this token)`, 404);
    if (err.status === 401) return new GithubApiError('GitHub API: bad credentials (check GITHUB_TOKEN)', 401);
    if (err.status === 403) return new GithubApiError(`GitHub API refused to list the ${who} (HTTP 403: token lacks access?)`, 403);
    if (err.status) return new GithubApiError(`GitHub API answered HTTP ${err.status} listing the ${who}`, err.status);
    return new GithubApiError(`cannot reach the GitHub API at ${this.apiUrl.host}: ${err.message ?? String(e)}`);
  }
}

function toHeaders(h: Record<string, unknown>): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(h)) if (v !== undefined && v !== null) out.set(k, String(v));
  return out;
}

function bodyMessage(data: unknown): string {
  const m = (data as { message?: unknown } | undefined)?.message;
  return typeof m === 'string' ? m : '';
}

/** The API object → ApiRepository; null when a field the scan relies on is missing or malformed. */
export function apiRepository(raw: unknown): ApiRepository | null {
  const r = raw as Record<string, unknown>;
  if (!r || typeof r !== 'object') return null;
  if (typeof r.full_name !== 'string' || typeof r.clone_url !== 'string' || typeof r.id !== 'number') return null;
  return {
    id: r.id,
    fullName: r.full_name,
    cloneUrl: r.clone_url,
    defaultBranch: typeof r.default_branch === 'string' ? r.default_branch : null,
    private: r.private === true,
    fork: r.fork === true,
    archived: r.archived === true,
    disabled: r.disabled === true,
    size: typeof r.size === 'number' ? r.size : 0,
  };
}
