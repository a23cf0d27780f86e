// What to scan, from the mode input and the event payload ($GITHUB_EVENT_PATH):
//   pull_request / pull_request_target → pull_request.base.sha..pull_request.head.sha (GITHUB_SHA is the merge commit)
//   push         → before..after; an all-zero `before` (new branch) → the commits no other branch of the clone has,
//                  or the branch's full history when the clone has no other branch to compare with
//   merge_group  → merge_group.base_sha..merge_group.head_sha
//   anything else (schedule, workflow_dispatch …) or mode full → every commit reachable from all refs
import { readFileSync } from 'node:fs';
import { runGit } from '../sources/git-process.js';
import { resolveCommit, type RepoInfo } from '../sources/git-repo.js';
import { shortSha } from '../report/common.js';
import type { Mode } from './inputs.js';

/** A failure the user must fix (bad event, missing commits): exit code 2, message shown as an error annotation. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionError';
  }
}

export interface EventInfo {
  name: string;
  // the payload is GitHub's; only the fields read below are relied on
  payload: Record<string, unknown>;
}

/** The pull request a run belongs to, for review comments. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
}

export interface ScanPlan {
  /** `git log` revisions for the history source. */
  revs: string[];
  /** Commit whose tree decides "still present"; null on an unborn HEAD. */
  tip: string | null;
  /** Report only lines the walked commits added (pull requests, pushes). */
  addedOnly: boolean;
  /** One line for the log and the job summary. */
  description: string;
  /** Nothing to scan (a deleted branch). */
  empty?: boolean;
  pr?: PullRequestRef;
  /**
   * The commit whose configuration narrows the scan (exclusions, ignore file, allow entries, baseline,
   * max-file-size, rule switches): the base of a pull request or push, never the commits under scan.
   */
  configCommit?: string;
  warnings: string[];
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
const NULL_SHA = /^0+$/;

export function readEvent(env: NodeJS.ProcessEnv): EventInfo {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const file = env.GITHUB_EVENT_PATH;
  let payload: Record<string, unknown> = {};
  if (file) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) payload = parsed as Record<string, unknown>;
    } catch (e) {
      throw new ActionError(`cannot read the event payload GITHUB_EVENT_PATH=${file}: ${(e as Error).message}`);
    }
  }
  return { name, payload };
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function sha(v: unknown): string | undefined {
  const s = str(v);
  return s && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(s) ? s.toLowerCase() : undefined;
}

const short = shortSha;

function ownerRepo(env: NodeJS.ProcessEnv, payload: Record<string, unknown>): { owner: string; repo: string } | undefined {
  const full =
    str(obj(obj(obj(payload.pull_request).base).repo).full_name) ?? str(env.GITHUB_REPOSITORY) ?? str(obj(payload.repository).full_name);
  const m = full ? /^([^/]+)\/([^/]+)$/.exec(full) : null;
  return m ? { owner: m[1]!, repo: m[2]! } : undefined;
}

function fetchDepthHint(commits: number | undefined): string {
  return commits !== undefined && commits > 0
    ? `set \`fetch-depth: 0\` on actions/checkout (or at least \`fetch-depth: ${commits + 2}\`: the ${commits} new commit${commits === 1 ? '' : 's'} + 2)`
    : 'set `fetch-depth: 0` on actions/checkout (or a depth of at least the number of new commits + 2)';
}

function missingCommit(what: string, id: string, repo: RepoInfo, commits: number | undefined): ActionError {
  const shallow = repo.shallowCommits > 0 ? ' (a shallow clone: actions/checkout fetches one commit unless told otherwise)' : '';
  return new ActionError(`${what} ${id} is not in this clone${shallow}: ${fetchDepthHint(commits)}`);
}

/** Other branches of the clone (remote-tracking refs except `branch` itself), for "commits only this push brought". */
async function otherRemoteRefs(repo: RepoInfo, branch: string | undefined): Promise<string[]> {
  const r = await runGit(['for-each-ref', '--format=%(refname)', 'refs/remotes/'], { cwd: repo.root, timeoutMs: 60_000 });
  if (r.code !== 0) return [];
  return r.stdout
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.endsWith('/HEAD'))
    .filter((l) => !branch || l.replace(/^refs\/remotes\/[^/]+\//, '') !== branch);
}

/** Revisions for the commits on `head` that no other branch of the clone has; full history when there is no other branch. */
async function pushedCommits(repo: RepoInfo, head: string, branch: string | undefined, why: string): Promise<ScanPlan> {
  const others = await otherRemoteRefs(repo, branch);
  if (others.length === 0) {
    return {
      revs: [head],
      tip: head,
      addedOnly: false,
      description: `${why}: no other branch in this clone to compare with, so the full history of ${branch ?? short(head)} (${short(head)})`,
      warnings: [],
    };
  }
  // `--exclude … --remotes` rather than every ref on the command line (clones can have thousands of
  // branches). `*` also matches `/`, so a glob may leave out more refs than the branch itself: that
  // only scans more commits, never fewer. */HEAD is left out too: it may point at the pushed branch.
  const glob = (name: string) => name.replace(/[\\*?[\]]/g, (c) => `\\${c}`);
  return {
    revs: [head, '--not', '--exclude=*/HEAD', ...(branch ? [`--exclude=*/${glob(branch)}`] : []), '--remotes'],
    tip: head,
    addedOnly: true,
    description: `${why}: the commits on ${branch ?? short(head)} (${short(head)}) that no other branch has`,
    warnings: [],
  };
}

function full(repo: RepoInfo, why: string): ScanPlan {
  return { revs: ['--all'], tip: repo.head, addedOnly: false, description: `${why}: full history (every commit reachable from all refs)`, warnings: [] };
}

async function rangePlan(repo: RepoInfo, base: string, head: string, what: { base: string; head: string }, commits: number | undefined, description: string): Promise<ScanPlan> {
  const b = await resolveCommit(repo, base);
  if (!b) throw missingCommit(what.base, base, repo, commits);
  const h = await resolveCommit(repo, head);
  if (!h) throw missingCommit(what.head, head, repo, commits);
  return { revs: [`${b}..${h}`], tip: h, addedOnly: true, description, configCommit: b, warnings: [] };
}

/** Decides what to scan. Throws ActionError when the event cannot be scanned as asked. */
export async function planScan(mode: Mode, event: EventInfo, repo: RepoInfo, env: NodeJS.ProcessEnv): Promise<ScanPlan> {
  const p = event.payload;
  const isPr = PR_EVENTS.has(event.name) && !!p.pull_request;
  const isPush = event.name === 'push';

  if (mode === 'full') return full(repo, 'mode full');
  if (mode === 'pr' && !isPr) {
    throw new ActionError(`mode pr needs a pull_request or pull_request_target event (this run is "${event.name || 'unknown'}")`);
  }
  if (mode === 'push' && !isPush) throw new ActionError(`mode push needs a push event (this run is "${event.name || 'unknown'}")`);

  if (isPr && (mode === 'auto' || mode === 'pr')) {
    const pr = obj(p.pull_request);
    const base = sha(obj(pr.base).sha);
    const head = sha(obj(pr.head).sha);
    const number = typeof pr.number === 'number' ? pr.number : typeof p.number === 'number' ? p.number : undefined;
    if (!base || !head) throw new ActionError(`the ${event.name} payload has no pull_request.base.sha / pull_request.head.sha`);
    const commits = typeof pr.commits === 'number' ? pr.commits : undefined;
    if (event.name === 'pull_request_target' && !(await resolveCommit(repo, head))) {
      // pull_request_target checks out the base branch; a fork's head is on no branch of this repository
      throw new ActionError(
        `the pull request's head commit ${head} is not in this clone: on pull_request_target, check it out ` +
          '(actions/checkout with `ref: ${{ github.event.pull_request.head.sha }}` and `fetch-depth: 0`)',
      );
    }
    const plan = await rangePlan(
      repo,
      base,
      head,
      { base: "the pull request's base commit", head: "the pull request's head commit" },
      commits,
      `pull request${number !== undefined ? ` #${number}` : ''}: ${short(base)}..${short(head)}, the lines its commits added`,
    );
    const where = ownerRepo(env, p);
    if (where && number !== undefined) plan.pr = { ...where, number, headSha: plan.tip! };
    return plan;
  }

  if (isPush && (mode === 'auto' || mode === 'push')) {
    const before = str(p.before);
    const after = str(p.after);
    const ref = str(p.ref) ?? '';
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref.startsWith('refs/tags/') ? undefined : ref || undefined;
    const commits = Array.isArray(p.commits) ? p.commits.length : undefined;
    if (p.deleted === true || !after || NULL_SHA.test(after)) {
      return { revs: [], tip: null, addedOnly: true, description: `push deleted ${ref || 'a ref'}: nothing to scan`, empty: true, warnings: [] };
    }
    if (!sha(after)) throw new ActionError(`the push payload's "after" is not a commit id: ${after}`);
    const head = await resolveCommit(repo, after);
    if (!head) throw missingCommit("the pushed commit", after, repo, commits);
    if (!before || NULL_SHA.test(before)) return pushedCommits(repo, head, branch, `push of new ${branch ? `branch ${branch}` : 'ref'}`);
    const base = await resolveCommit(repo, before);
    if (!base) {
      if (p.forced === true && repo.shallowCommits === 0) {
        // a force push: the old tip is gone from the remote, so a complete clone cannot have it
        const plan = await pushedCommits(repo, head, branch, `force push to ${branch ?? ref}`);
        plan.warnings.push(`the commit this force push replaced (${short(before)}) is not in the clone; scanned the commits no other branch has instead`);
        return plan;
      }
      throw missingCommit("the push's previous commit", before, repo, commits);
    }
    return {
      revs: [`${base}..${head}`],
      tip: head,
      addedOnly: true,
      description: `push to ${branch ?? ref}: ${short(base)}..${short(head)}, the lines its commits added`,
      configCommit: base,
      warnings: [],
    };
  }

  if (event.name === 'merge_group' && mode === 'auto') {
    const mg = obj(p.merge_group);
    const base = sha(mg.base_sha);
    const head = sha(mg.head_sha);
    if (base && head) {
      return rangePlan(repo, base, head, { base: "the merge group's base commit", head: "the merge group's head commit" }, undefined, `merge group: ${short(base)}..${short(head)}, the lines its commits added`);
    }
  }

  return full(repo, `${event.name || 'no'} event`);
}
