// `git log --raw --no-abbrev -z` without diffs: every commit with the blob ids it put at each path
// (and the ones it replaced). It is both the list of blobs to scan and their provenance.
import { GitStream, nulTokens } from './git-process.js';

export interface LogCommit {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  /** Author date, strict ISO 8601. */
  date: string;
  /** Author date, seconds since the epoch. */
  time: number;
  subject: string;
  /** The message after the subject line (often empty). */
  body: string;
  /** Committer date, seconds since the epoch: orders commits (ties: later in the log is older). */
  ctime: number;
  /** Position in the log output (git's default order: newest first, by commit date). */
  order: number;
}

/** One path changed by a commit (merges: only paths that differ from every parent). */
export interface RawChange {
  commit: LogCommit;
  path: string;
  /** Mode and blob id after the commit (`000000`, zeros when deleted). */
  newMode: string;
  newSha: string;
  /** Mode and blob id before, one per parent (one for ordinary commits and roots). */
  oldModes: string[];
  oldShas: string[];
  /** Status letter per parent: A, M, D, T … */
  status: string;
}

export type LogEvent = { kind: 'commit'; commit: LogCommit } | { kind: 'change'; change: RawChange };

export const LOG_FORMAT = '%x01%H%x00%P%x00%aN%x00%aE%x00%aI%x00%at%x00%ct%x00%s%x00%b';
const HEADER_FIELDS = 9;

/** Arguments for `git log` over `revs` (refs, ranges, `--all`), with provenance fields. */
export function logArgs(revs: string[], extra: string[] = []): string[] {
  return [
    '-c', 'log.showRoot=true',
    '-c', 'log.showSignature=false',
    // no --date-order / --topo-order: those walk the whole graph before printing the first commit
    'log', '-z', '--raw', '--no-abbrev', '--no-renames', '-c', '--no-color', '--no-show-signature',
    `--format=${LOG_FORMAT}`,
    ...extra,
    ...revs,
    '--',
  ];
}

/** Streams commits and their changed paths from a running `git log` (see logArgs). */
export async function* parseLog(git: GitStream): AsyncGenerator<LogEvent> {
  let header: string[] | null = null;
  let pending: { meta: string } | null = null;
  let commit: LogCommit | null = null;
  let order = 0;
  for await (const tok of nulTokens(git.read())) {
    if (pending) {
      // a path: any bytes, even ones that look like a header or a raw line
      const change = parseMeta(pending.meta, tok.toString('utf8'), commit!);
      pending = null;
      if (change) yield { kind: 'change', change };
      continue;
    }
    if (header) {
      header.push(tok.toString('utf8'));
      if (header.length === HEADER_FIELDS) {
        const [sha, parents, author, email, date, time, ctime, subject, body] = header as [string, string, string, string, string, string, string, string, string];
        commit = {
          sha,
          parents: parents ? parents.split(' ') : [],
          author,
          email,
          date,
          time: Number(time),
          ctime: Number(ctime),
          subject,
          body: body.replace(/\n+$/, ''),
          order: order++,
        };
        header = null;
        yield { kind: 'commit', commit };
      }
      continue;
    }
    let t = tok;
    while (t.length > 0 && t[0] === 0x0a) t = t.subarray(1);
    if (t.length === 0) continue;
    if (t[0] === 0x01) {
      header = [t.subarray(1).toString('utf8')];
      continue;
    }
    if (t[0] === 0x3a /* : */ && commit) {
      pending = { meta: t.toString('latin1') };
      continue;
    }
    // anything else is not ours to interpret
  }
}

/** `:100644 100644 <old> <new> M` or, for merges, `::100644 100644 100644 <p1> <p2> <new> MM`. */
function parseMeta(meta: string, path: string, commit: LogCommit): RawChange | null {
  let colons = 0;
  while (meta[colons] === ':') colons++;
  const parts = meta.slice(colons).split(' ');
  const n = colons; // parents compared
  if (parts.length < 2 * (n + 1) + 1) return null;
  const modes = parts.slice(0, n + 1);
  const shas = parts.slice(n + 1, 2 * (n + 1));
  const status = parts[2 * (n + 1)]!;
  return {
    commit,
    path,
    newMode: modes[n]!,
    newSha: shas[n]!,
    oldModes: modes.slice(0, n),
    oldShas: shas.slice(0, n),
    status,
  };
}

/** Regular files and executables: the blobs worth reading (not symlinks, not submodule commits). */
export function isFileMode(mode: string): boolean {
  return mode === '100644' || mode === '100755' || mode === '100664';
}

export function isNullSha(sha: string): boolean {
  return /^0+$/.test(sha);
}
