// Which listed repositories a run takes: --repo patterns, forks and archives, and --shard I/N by a
// stable hash of owner/name, so N jobs cover every repository exactly once whatever the API's order.
import { createHash } from 'node:crypto';
import type { ApiRepository } from './github-repos.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `I/N` with 1 ≤ I ≤ N; throws a message for anything else. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`--shard needs I/N, such as 2/5 (got "${text}")`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 10_000 || index < 1 || index > count) throw new Error(`--shard ${text}: I must be between 1 and N (N at most 10000)`);
  return { index, count };
}

/** 1-based shard of a repository: SHA-256 of its lower-cased full name, first 6 bytes, modulo N. */
export function shardOf(fullName: string, count: number): number {
  const digest = createHash('sha256').update(fullName.toLowerCase()).digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}

/** A glob over `owner/name` or `name` (`*`, `?`, `[…]`), case-insensitive; a leading `!` excludes. */
export function repoMatcher(patterns: string[]): (fullName: string) => boolean {
  const include = patterns.filter((p) => !p.startsWith('!')).map(globRegex);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globRegex(p.slice(1)));
  return (fullName) => {
    const name = fullName.slice(fullName.indexOf('/') + 1);
    const hit = (re: RegExp) => re.test(fullName) || re.test(name);
    return (include.length === 0 || include.some(hit)) && !exclude.some(hit);
  };
}

function globRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

export interface SelectionOptions {
  patterns: string[];
  includeForks: boolean;
  includeArchived: boolean;
  shard?: Shard;
}

export interface Selected {
  repo: ApiRepository;
  /** Why it is listed but not scanned; absent when it is scanned. */
  skip?: string;
}

/**
 * The repositories of this shard, each either to scan or skipped with its reason. Repositories of other
 * shards are left out entirely (their shard lists them), so merged shards list each one once.
 */
export function selectRepositories(repos: ApiRepository[], opts: SelectionOptions): Selected[] {
  const matches = repoMatcher(opts.patterns);
  const seen = new Set<string>();
  const out: Selected[] = [];
  for (const repo of repos) {
    const key = repo.fullName.toLowerCase();
    if (seen.has(key)) continue; // a page boundary moved under us: listed twice
    seen.add(key);
    if (opts.shard && shardOf(repo.fullName, opts.shard.count) !== opts.shard.index) continue;
    let skip: string | undefined;
    if (!matches(repo.fullName)) skip = 'does not match --repo';
    else if (repo.fork && !opts.includeForks) skip = 'fork (add --include-forks)';
    else if (repo.archived && !opts.includeArchived) skip = 'archived (add --include-archived)';
    else if (repo.disabled) skip = 'disabled by GitHub';
    out.push(skip ? { repo, skip } : { repo });
  }
  return out.sort((a, b) => cmp(a.repo.fullName.toLowerCase(), b.repo.fullName.toLowerCase()));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
