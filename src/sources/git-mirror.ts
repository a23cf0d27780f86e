// Bare mirrors of remote repositories in a cache folder: all branches and tags, cloned once and then
// fetched incrementally. The token travels as a per-command HTTP header in the environment: never in a
// URL, an argument or the repository's config, and only to the API's own host.
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isLoopbackHost } from '../net/http.js';
import { firstLine, runGit } from './git-process.js';
import { writeFileNoFollow } from '../util/safe-write.js';

/**
 * On top of the hardened configuration every git run gets (runGit: no fsmonitor, pager, external diff,
 * credential helper, askpass, ssh or proxy command, signature program; protocol.allow=never): what a
 * fetch into a mirror needs besides — no hooks (a fetch runs reference-transaction), http(s) as the only
 * transports, no submodules, no background gc.
 */
export const MIRROR_CONFIG = [
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'protocol.https.allow=always',
  '-c', 'protocol.http.allow=always',
  '-c', 'fetch.recurseSubmodules=false',
  '-c', 'gc.auto=0',
  '-c', 'maintenance.auto=false',
];

/** The config a mirror may have: rewritten before every use, so a tampered cache cannot run commands. */
const BARE_CONFIG = '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n';

/** Branches and tags; with pull requests, GitHub's refs/pull/N/head too (commits of forks, even of closed PRs). */
const REFSPECS = ['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'];
const PULL_REFSPEC = '+refs/pull/*/head:refs/pull/*/head';

export interface MirrorRequest {
  /** The bare repository folder (created when missing). */
  dir: string;
  cloneUrl: string;
  defaultBranch: string | null;
  /** Sent only when `sendToken` (the clone URL is on the API's host). */
  token?: string;
  sendToken: boolean;
  timeoutMs?: number;
  /** Tips already scanned (the incremental state): `unchanged` means the fetch brought none other. */
  known?: Record<string, string>;
  /** Also fetch and scan pull-request heads (refs/pull/N/head). */
  pullRequests?: boolean;
}

export interface MirrorResult {
  /** `cloned`: the cache had no copy; `fetched`: refs moved since the known tips; `unchanged`: nothing new. */
  action: 'cloned' | 'fetched' | 'unchanged';
  /** ref name → object id after the sync. */
  tips: Map<string, string>;
  /** HEAD's commit (the default branch), null when the repository is empty. */
  head: string | null;
}

export class MirrorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MirrorError';
  }
}

/** https always; http only for a loopback host or when the API itself is plain http (a lab GHES). */
export function checkCloneUrl(cloneUrl: string, api: URL): URL {
  let url: URL;
  try {
    url = new URL(cloneUrl);
  } catch {
    throw new MirrorError('the API gave a clone URL that is not a URL');
  }
  if (url.username || url.password) throw new MirrorError('the API gave a clone URL with credentials in it');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (isLoopbackHost(url.hostname) || api.protocol === 'http:')) return url;
  throw new MirrorError(`clone URL scheme ${url.protocol} is not allowed (https only)`);
}

/** The token goes only to the API's host (api.github.com → github.com; GHES: the same host). */
export function sameGithubHost(clone: URL, api: URL): boolean {
  const apiHost = api.host.toLowerCase().replace(/^api\./, '');
  const host = clone.host.toLowerCase();
  return host === api.host.toLowerCase() || host === apiHost;
}

/** `Authorization` header value git sends over HTTP (the form actions/checkout uses). */
export function authHeader(token: string): string {
  return `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}

/** Per-command configuration through the environment (GIT_CONFIG_COUNT), after any the caller set. */
function envConfig(pairs: Array<[string, string]>): NodeJS.ProcessEnv {
  const base = Number(process.env.GIT_CONFIG_COUNT ?? 0);
  const start = Number.isInteger(base) && base > 0 ? base : 0;
  const env: NodeJS.ProcessEnv = { GIT_CONFIG_COUNT: String(start + pairs.length) };
  pairs.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = k;
    env[`GIT_CONFIG_VALUE_${start + i}`] = v;
  });
  return env;
}

/** Removes the token (and its header form) from a message, whatever git put in it. */
export function scrubToken(text: string, token?: string): string {
  if (!token) return text;
  let out = text;
  for (const v of [token, Buffer.from(`x-access-token:${token}`).toString('base64'), encodeURIComponent(token)]) {
    if (v.length >= 4) out = out.split(v).join('***');
  }
  return out;
}

/** Folders on the way to `dir` must be real folders: a symlink planted in the cache could point anywhere. */
function ensureRealDir(path: string): void {
  if (existsSync(path)) {
    if (!lstatSync(path).isDirectory()) throw new MirrorError(`cache path is not a plain folder (symlink or file): ${path}`);
    return;
  }
  mkdirSync(path, { recursive: true, mode: 0o700 });
}

/** Creates `dir` (each segment below `root` a real folder) and returns it. */
export function mirrorDir(root: string, segments: string[]): string {
  ensureRealDir(root);
  let dir = root;
  for (const s of segments) {
    dir = join(dir, s);
    ensureRealDir(dir);
  }
  return dir;
}

async function git(dir: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; token?: string } = {}): Promise<string> {
  const r = await runGit([...MIRROR_CONFIG, ...args], { cwd: dir, env: opts.env, timeoutMs: opts.timeoutMs ?? 120_000, maxBytes: 512 * 1024 ** 2 });
  if (r.code !== 0) throw new MirrorError(scrubToken(firstLine(r.stderr) || `git ${args[0]} exited with ${r.code}`, opts.token));
  return r.stdout.toString('utf8');
}

/** ref → object id of every branch and tag that leads to a commit (tags of trees or blobs have no history). */
export async function refTips(dir: string, pullRequests = false): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const spaces = ['refs/heads', 'refs/tags', ...(pullRequests ? ['refs/pull'] : [])];
  const text = await git(dir, ['for-each-ref', '--format=%(objectname) %(objecttype) %(*objecttype) %(refname)', ...spaces]);
  for (const line of text.split('\n')) {
    const [sha, type, peeled, ref] = line.split(' ');
    if (sha && ref && (type === 'commit' || peeled === 'commit')) out.set(ref, sha);
  }
  return out;
}

/** Clones `cloneUrl` into `dir` (bare, branches and tags) or fetches what is new. */
export async function syncMirror(req: MirrorRequest): Promise<MirrorResult> {
  const fresh = !existsSync(join(req.dir, 'HEAD'));
  if (fresh) {
    // a half-made folder from an interrupted run is started again
    rmSync(req.dir, { recursive: true, force: true });
    const tmp = `${req.dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    await git('.', ['init', '--bare', '--quiet', '--template=', tmp]);
    renameSync(tmp, req.dir);
  }
  writeFileNoFollow(join(req.dir, 'config'), BARE_CONFIG);
  rmSync(join(req.dir, 'hooks'), { recursive: true, force: true });

  const pairs: Array<[string, string]> = [];
  if (req.token && req.sendToken) pairs.push(['http.extraHeader', authHeader(req.token)], ['http.followRedirects', 'false']);
  const env = {
    ...envConfig(pairs),
    // traces could print the header
    GIT_TRACE: '0', GIT_TRACE_CURL: '0', GIT_TRACE_PACKET: '0', GIT_CURL_VERBOSE: '0',
    GIT_ASKPASS: '', SSH_ASKPASS: '',
  };
  await git(req.dir, ['fetch', '--quiet', '--prune', '--no-tags', '--no-write-fetch-head', '--no-recurse-submodules', '--', req.cloneUrl, ...REFSPECS, ...(req.pullRequests ? [PULL_REFSPEC] : [])], {
    env,
    timeoutMs: req.timeoutMs ?? 30 * 60_000,
    token: req.token,
  });
  // one git process after the fetch: HEAD is written here, and a branch tip is always a commit
  const tips = await refTips(req.dir, req.pullRequests);
  const branch = req.defaultBranch && tips.has(`refs/heads/${req.defaultBranch}`) ? `refs/heads/${req.defaultBranch}` : null;
  const headRef = branch ?? [...tips.keys()].find((r) => r.startsWith('refs/heads/'));
  if (headRef) writeFileNoFollow(join(req.dir, 'HEAD'), `ref: ${headRef}\n`, 0o644);
  const head = headRef ? tips.get(headRef)! : null;
  const known = req.known ?? {};
  const changed = Object.keys(known).length !== tips.size || [...tips].some(([r, s]) => known[r] !== s);
  return { action: fresh ? 'cloned' : changed ? 'fetched' : 'unchanged', tips, head };
}
