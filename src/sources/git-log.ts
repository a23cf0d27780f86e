// `git log --raw --no-abbrev -z` without diffs: every commit with the blob ids it put at each path
// (and the ones it replaced). It is both the list of blobs to scan and their provenance.
import { NulSplitter, type GitStream } from './git-process.js';

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

/**
 * Streams commits and their changed paths from a running `git log` (see logArgs), in batches: one
 * array per chunk of git's output (an await per token or event would cost more than the parsing).
 */
export async function* parseLog(git: GitStream): AsyncGenerator<LogEvent[]> {
  const parser = new LogParser();
  const split = new NulSplitter();
  for await (const chunk of git.read()) {
    const events: LogEvent[] = [];
    for (const tok of split.push(chunk)) parser.token(tok, events);
    if (events.length > 0) yield events;
  }
  const last = split.end();
  const events: LogEvent[] = [];
  if (last) parser.token(last, events);
  if (events.length > 0) yield events;
}

/** The log's tokens in order → events. */
class LogParser {
  private header: string[] | null = null;
  private pending: string | null = null;
  private commit: LogCommit | null = null;
  private order = 0;

  token(tok: Buffer, out: LogEvent[]): void {
    if (this.pending !== null) {
      // a path: any bytes, even ones that look like a header or a raw line
      const change = parseMeta(this.pending, tok.toString('utf8'), this.commit!);
      this.pending = null;
      if (change) out.push({ kind: 'change', change });
      return;
    }
    if (this.header) {
      const header = this.header;
      header.push(tok.toString('utf8'));
      if (header.length === HEADER_FIELDS) {
        const [sha, parents, author, email, date, time, ctime, subject, body] = header as [string, string, string, string, string, string, string, string, string];
        this.commit = {
          sha,
          parents: parents ? parents.split(' ') : [],
          author,
          email,
          date,
          time: Number(time),
          ctime: Number(ctime),
          subject,
          body: body.replace(/\n+$/, ''),
          order: this.order++,
        };
        this.header = null;
        out.push({ kind: 'commit', commit: this.commit });
      }
      return;
    }
    let t = tok;
    while (t.length > 0 && t[0] === 0x0a) t = t.subarray(1);
    if (t.length === 0) return;
    if (t[0] === 0x01) {
      this.header = [t.subarray(1).toString('utf8')];
      return;
    }
    if (t[0] === 0x3a /* : */ && this.commit) {
      this.pending = t.toString('latin1');
      return;
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
