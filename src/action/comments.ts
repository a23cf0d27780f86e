// Pull-request review comments, one per finding, on the line the pull request added. Each comment carries
// a hidden marker (a hash of rule, introducing commit and path, and a hash of the path), so a re-run finds
// its own comments and skips them (same text) or updates them (text changed) instead of posting duplicates.
// Nothing in a comment is derived from the secret: fingerprints are keyed per run in the Action unless
// KEYHOUND_FINGERPRINT_KEY is set, and a public comment is the last place for one.
import { createHash } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import type { Finding } from '../core/finding.js';
import { bySeverity, makeScrub, sentence, shortSha, type Scrub } from '../report/common.js';
import type { PullRequestRef } from './plan.js';
import { findingMessage } from '../report/messages.js';

const MARKER = /<!-- keyhound:finding ([0-9a-f]{8,64}):([0-9a-f]{16}) -->/;
/** Pages of existing comments read at most (100 per page). */
const MAX_PAGES = 30;
const REQUEST_TIMEOUT_MS = 30_000;

export interface CommentOptions {
  pr: PullRequestRef;
  token: string;
  /** GITHUB_API_URL (https://api.github.com on github.com). */
  apiUrl: string;
  /** At most this many comments created or updated per run; the rest are in the job summary. */
  max: number;
  userAgent: string;
}

export interface CommentOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Findings not commented on: over the limit, or GitHub refused the position. */
  skipped: number;
  warnings: string[];
}

/** The hidden marker that identifies a finding's comment across runs. */
export function commentMarker(f: Pick<Finding, 'ruleId' | 'file' | 'commit'>): string {
  const pathHash = createHash('sha256').update(f.file).digest('hex').slice(0, 16);
  const id = createHash('sha256').update(`keyhound:comment\0${f.ruleId}\0${f.commit?.sha ?? ''}\0${f.file}`).digest('hex').slice(0, 32);
  return `<!-- keyhound:finding ${id}:${pathHash} -->`;
}

/** Comment text for a finding: redacted, deterministic (a re-run produces the same text). */
export function commentBody(f: Finding, scrub: Scrub): string {
  const lines = [
    commentMarker(f),
    `**keyhound: ${md(scrub(f.title))}** (\`${f.ruleId}\`, ${f.severity}${f.validated ? ', checksum/structure verified' : ''})`,
    '',
    sentence(md(scrub(findingMessage(f)))),
    '',
    `Redacted: \`${f.redacted.replace(/`/g, "'")}\`${f.commit ? ` · introduced in ${shortSha(f.commit.sha)}` : ''}`,
    '',
    'Deleting this line in a later commit does not remove the secret from the branch history: ' +
      'rotate or revoke the credential. If it is not a secret (a test value, a public sample), mark the line with ' +
      '`keyhound:allow` or record it in the baseline.',
  ];
  return lines.join('\n');
}

function md(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

function timeoutFetch(ms: number): typeof fetch {
  return (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });
}

interface ExistingComment {
  id: number;
  body: string;
}

function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown }).status;
  return typeof s === 'number' ? s : undefined;
}

function describe(e: unknown): string {
  const status = statusOf(e);
  const msg = ((e as Error).message ?? String(e)).split('\n')[0]!.slice(0, 200);
  return status ? `HTTP ${status}: ${msg}` : msg;
}

/** Posts (or updates) one review comment per finding. Never throws for API failures: they become warnings. */
export async function postReviewComments(findings: readonly Finding[], opts: CommentOptions): Promise<CommentOutcome> {
  const out: CommentOutcome = { created: 0, updated: 0, unchanged: 0, skipped: 0, warnings: [] };
  if (findings.length === 0) return out;
  const { owner, repo, number: pull_number, headSha } = opts.pr;
  const octokit = new Octokit({
    auth: opts.token,
    baseUrl: opts.apiUrl.replace(/\/+$/, ''),
    userAgent: opts.userAgent,
    request: { fetch: timeoutFetch(REQUEST_TIMEOUT_MS), retries: 0 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const scrub = makeScrub(findings, false);

  const existing = new Map<string, ExistingComment>();
  try {
    let page = 0;
    for await (const res of octokit.paginate.iterator(octokit.rest.pulls.listReviewComments, { owner, repo, pull_number, per_page: 100 })) {
      for (const c of res.data) {
        const m = MARKER.exec(c.body ?? '');
        if (m && !existing.has(`${m[1]}:${m[2]}`)) existing.set(`${m[1]}:${m[2]}`, { id: c.id, body: c.body });
      }
      if (++page >= MAX_PAGES) break;
    }
  } catch (e) {
    out.skipped = findings.length;
    out.warnings.push(`review comments: cannot list the pull request's comments (${describe(e)}); no comments posted${hint(e)}`);
    return out;
  }

  let budget = opts.max;
  for (const f of [...findings].sort(bySeverity)) {
    const body = commentBody(f, scrub);
    const key = MARKER.exec(body)!.slice(1, 3).join(':');
    const old = existing.get(key);
    if (old && old.body === body) {
      out.unchanged++;
      continue;
    }
    if (budget <= 0) {
      out.skipped++;
      continue;
    }
    budget--;
    try {
      if (old) {
        await octokit.rest.pulls.updateReviewComment({ owner, repo, comment_id: old.id, body });
        out.updated++;
        continue;
      }
      try {
        await octokit.rest.pulls.createReviewComment({ owner, repo, pull_number, commit_id: headSha, path: f.file, line: f.line, side: 'RIGHT', body });
      } catch (e) {
        // 422: the line is not part of the pull request's diff at its head (changed again by a later commit)
        if (statusOf(e) !== 422) throw e;
        await octokit.rest.pulls.createReviewComment({ owner, repo, pull_number, commit_id: headSha, path: f.file, subject_type: 'file', body });
      }
      existing.set(key, { id: -1, body });
      out.created++;
    } catch (e) {
      out.skipped++;
      out.warnings.push(`review comment on ${scrub(f.file)}:${f.line} not posted (${describe(e)})${hint(e)}`);
      if (statusOf(e) === 403 || statusOf(e) === 401) {
        // the token cannot write: every further attempt fails the same way
        out.skipped += findings.length - out.created - out.updated - out.unchanged - out.skipped;
        break;
      }
    }
  }
  return out;
}

function hint(e: unknown): string {
  const s = statusOf(e);
  if (s === 403 || s === 401) {
    return ': the workflow needs `permissions: pull-requests: write` (pull requests from forks get a read-only token)';
  }
  return '';
}
