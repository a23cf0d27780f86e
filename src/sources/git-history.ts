// Git history as a source: every blob that the walked commits put at a path is read once through
// one `git cat-file --batch` and scanned once; `git log --raw` gives where and when it lived.
//
//   git log --raw ──► new blob ids ──► cat-file --batch-check (size, missing) ──► cat-file --batch ──► engine
//        └──────────► provenance (adds / removals per blob and path) ──► provenance(): one finding per secret
//
// The source only yields blobs; the command joins the blob matches with provenance afterwards, as an
// explicit step (`provenance()`), once every blob is scanned.
import type { Finding, ScanStats } from '../core/finding.js';
import { isSkippedPath } from '../engine/skip-paths.js';
import { CatFileBatch, CatFileCheck, checkObjects, readObjects } from './git-cat-file.js';
import { addedLines } from './git-diff-lines.js';
import { isNullSha, logArgs, parseLog } from './git-log.js';
import { GitStream, firstLine, runGit } from './git-process.js';
import { mergeProvenance, ProvenanceLog, type AddEvent } from './git-provenance.js';
import type { RepoInfo } from './git-repo.js';
import { asText, type MessageText, type SourceNames, type Source, type SourceChunk, type SourceEvents } from './types.js';

/** Blob id → the engine's findings in that blob (each blob is scanned once, at its first path). */
export type BlobMatches = ReadonlyMap<string, Finding[]>;

export interface GitHistoryOptions {
  repo: RepoInfo;
  /** Revisions for `git log`: `--all`, refs, or one `BASE..HEAD` range. */
  revs: string[];
  /** `--since` for git log. */
  since?: string;
  /** Range mode: report only lines the walked commits added. */
  addedOnly?: boolean;
  /** Commit whose tree decides "still present" (HEAD, or the range tip); null when unborn. */
  tip: string | null;
  maxFileSize: number;
  isExcluded?: (path: string) => boolean;
  /** Clock for exposure of secrets still live (tests pin it). */
  now?: () => number;
}

const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/');
const MAX_LISTED = 5;

export class GitHistorySource implements Source {
  private readonly log: ProvenanceLog;
  /** blob → path it was first met at (the one given to the engine). */
  private readonly firstPath = new Map<string, string>();
  private readonly warnings: string[] = [];
  private missing = 0;
  private lfs = 0;
  private tooLarge: string[] = [];
  private commitCount = 0;
  /** Commit messages long enough to hold a secret, scanned after the blobs. */
  private readonly messages: MessageText[] = [];
  /** Excluded paths already counted as skipped. */
  private readonly excluded = new Set<string>();

  constructor(private readonly opts: GitHistoryOptions) {
    this.log = new ProvenanceLog(!!opts.addedOnly);
  }

  private readable(path: string): boolean {
    return !isSkippedPath(path) && !this.opts.isExcluded?.(path);
  }

  async *chunks(events: SourceEvents): AsyncIterable<SourceChunk> {
    const root = this.opts.repo.root;
    const local = this.opts.repo.partial ? await localBlobs(root) : null;
    const extra = this.opts.since ? [`--since=${this.opts.since}`] : [];
    const logProc = new GitStream(logArgs(this.opts.revs, extra), root);
    logProc.endInput();
    const check = new CatFileCheck(root);
    const batch = new CatFileBatch(root);
    const requested = new Set<string>();
    const ask = (sha: string) => {
      if (requested.has(sha)) return;
      requested.add(sha);
      if (local && !local.has(sha)) this.missing++;
      else check.request(sha);
    };

    // stage 1: the log names blobs and records provenance
    const logDone = (async () => {
      try {
        for await (const batch of parseLog(logProc)) for (const ev of batch) {
          if (ev.kind === 'commit') {
            this.log.addCommit(ev.commit);
            this.commitCount++;
            const c = ev.commit;
            if (/[^\s/\\.]{12,}/.test(c.subject) || /[^\s/\\.]{12,}/.test(c.body)) {
              this.messages.push({ commit: { sha: c.sha, author: c.author, email: c.email, date: c.date, subject: c.subject }, text: c.body ? `${c.subject}\n\n${c.body}` : c.subject });
            }
            continue;
          }
          const blob = this.log.addChange(ev.change);
          if (!blob || requested.has(blob)) continue;
          // blobs met only at lockfiles / excluded paths are never read; excluded paths are counted
          if (this.readable(ev.change.path)) {
            this.firstPath.set(blob, ev.change.path);
            ask(blob);
          } else if (this.opts.isExcluded?.(ev.change.path) && !this.excluded.has(ev.change.path)) {
            this.excluded.add(ev.change.path);
            events.skipped('ignored', ev.change.path);
          }
        }
        const code = await logProc.wait();
        if (code !== 0) {
          const why = firstLine(logProc.stderr) || `exit code ${code}`;
          this.warnings.push(`git log stopped early (${why}): history beyond that point was not scanned`);
        }
      } finally {
        check.end();
      }
    })();

    // stage 2: sizes first, so a huge blob is never read into memory
    const checkDone = (async () => {
      try {
        for await (const info of check.answers()) {
          if (info.missing) {
            this.missing++;
            continue;
          }
          if (info.type !== 'blob') continue;
          if (info.size > this.opts.maxFileSize) {
            const path = this.firstPath.get(info.sha) ?? info.sha;
            this.firstPath.delete(info.sha);
            this.tooLarge.push(`${path} (${info.sha.slice(0, 10)}, ${info.size} bytes)`);
            events.skipped('tooLarge', path);
            continue;
          }
          batch.request(info.sha);
        }
        const stop = check.stopped();
        if (stop) this.warnings.push(stop);
      } finally {
        batch.end();
      }
    })();
    // failures surface when awaited below; until then they must not count as unhandled
    logDone.catch(() => undefined);
    checkDone.catch(() => undefined);

    try {
      for await (const obj of batch.answers()) {
        // (data is null only over a maxSize, which this batch does not set: sizes were checked first)
        if (obj.missing || obj.data === null) {
          this.missing++;
          continue;
        }
        const path = this.firstPath.get(obj.sha) ?? obj.sha;
        this.firstPath.delete(obj.sha);
        if (obj.data.length < 1024 && obj.data.subarray(0, LFS_POINTER.length).equals(LFS_POINTER)) {
          this.lfs++;
          events.skipped('ignored', path);
          continue;
        }
        const text = asText(obj.data);
        if (!text) {
          events.skipped('binary', path);
          continue;
        }
        yield { path, data: text, blob: obj.sha };
      }
      const stop = batch.stopped();
      if (stop) this.warnings.push(stop);
      await Promise.all([logDone, checkDone]);
    } finally {
      logProc.kill();
      check.kill();
      batch.kill();
      await Promise.allSettled([logDone, checkDone]);
    }
  }

  names(): SourceNames {
    return { paths: this.log.paths, messages: this.messages };
  }

  /**
   * After the scan: each blob's matches placed at every path and commit that blob had, merged into one
   * finding per secret with its provenance; fills `stats.commits` / `stats.blobs` and the walk's warnings.
   */
  async provenance(found: BlobMatches, stats: ScanStats): Promise<Finding[]> {
    stats.commits = (stats.commits ?? 0) + this.commitCount;
    stats.blobs = (stats.blobs ?? 0) + this.log.adds.size;
    const { repo } = this.opts;
    if (repo.shallowCommits > 0) {
      stats.warnings.push(
        `shallow clone: history is truncated at ${repo.shallowCommits} commit(s); secrets older than that were not scanned ` +
          `and the oldest commit available is shown as their origin (git fetch --unshallow to scan everything)`,
      );
    }
    if (this.missing > 0) {
      stats.warnings.push(
        `${this.missing} object(s) missing from this clone (partial or damaged): their contents were not scanned`,
      );
    }
    if (this.tooLarge.length > 0) {
      const more = this.tooLarge.length > MAX_LISTED ? `, and ${this.tooLarge.length - MAX_LISTED} more` : '';
      stats.warnings.push(
        `skipped ${this.tooLarge.length} blob(s) over --max-file-size ${this.opts.maxFileSize} bytes: ${this.tooLarge.slice(0, MAX_LISTED).join(', ')}${more}`,
      );
    }
    if (this.lfs > 0) {
      stats.warnings.push(`${this.lfs} Git LFS pointer file(s) skipped: LFS contents live outside git history (scan a checkout after git lfs pull)`);
    }
    if (this.log.submodules.size > 0) {
      const list = [...this.log.submodules].slice(0, MAX_LISTED).join(', ');
      stats.warnings.push(`submodule(s) not scanned (their history is another repository): ${list}; run keyhound history inside each`);
    }
    stats.warnings.push(...this.warnings);
    if (found.size === 0) return [];
    const tipTree = await treeOf(repo.root, this.opts.tip, new Set(this.candidatePaths(found)));
    const lines = this.opts.addedOnly ? await this.rangeLines(found) : undefined;
    return mergeProvenance(this.log, found, {
      tipTree,
      now: (this.opts.now ?? Date.now)(),
      lines,
      isExcluded: (p) => !this.readable(p),
    });
  }

  private *candidatePaths(found: BlobMatches): Iterable<string> {
    for (const blob of found.keys()) for (const ev of this.log.adds.get(blob) ?? []) yield this.log.paths[ev.path]!;
  }

  /** Range mode: for blobs with findings, the lines each commit added (diff against each parent's blob). */
  private async rangeLines(found: BlobMatches): Promise<(blob: string, ev: AddEvent) => ReadonlySet<number> | null> {
    const need = new Set<string>();
    for (const blob of found.keys()) {
      need.add(blob);
      for (const ev of this.log.adds.get(blob) ?? []) for (const p of ev.parents ?? []) if (!isNullSha(p)) need.add(p);
    }
    const sizes = await checkObjects(this.opts.repo.root, [...need]);
    const small = [...need].filter((s) => {
      const i = sizes.get(s);
      return i && !i.missing && i.size <= this.opts.maxFileSize;
    });
    const data = await readObjects(this.opts.repo.root, small);
    const memo = new Map<string, ReadonlySet<number> | null>();
    return (blob, ev) => {
      const key = `${blob}\0${ev.commit}\0${ev.path}`;
      if (memo.has(key)) return memo.get(key)!;
      const next = data.get(blob);
      let result: Set<number> | null = null;
      if (next) {
        const parents = ev.parents && ev.parents.length > 0 ? ev.parents : ['0'];
        // a merge added a line only if it is new against every parent; a parent blob that could
        // not be read counts as absent (every line is new against it)
        const each = parents.map((p) => addedLines(isNullSha(p) ? null : (data.get(p) ?? null), next));
        result = intersect(each);
      }
      memo.set(key, result);
      return result;
    };
  }
}

function intersect(sets: Set<number>[]): Set<number> {
  const [first, ...rest] = sets;
  const out = new Set<number>();
  for (const l of first ?? []) if (rest.every((s) => s.has(l))) out.add(l);
  return out;
}

/** path → blob at `rev` for the paths asked about (ls-tree -r -z). */
export async function treeOf(root: string, rev: string | null, paths: Set<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!rev || paths.size === 0) return out;
  const r = await runGit(['ls-tree', '-r', '-z', '--full-tree', rev], { cwd: root, timeoutMs: 120_000, maxBytes: 1024 ** 3 });
  if (r.code !== 0) return out;
  let start = 0;
  const buf = r.stdout;
  for (;;) {
    const nul = buf.indexOf(0, start);
    if (nul < 0) break;
    const entry = buf.subarray(start, nul);
    start = nul + 1;
    const tab = entry.indexOf(0x09);
    if (tab < 0) continue;
    const path = entry.subarray(tab + 1).toString('utf8');
    if (!paths.has(path)) continue;
    const [, , sha] = entry.subarray(0, tab).toString('latin1').split(' ');
    if (sha) out.set(path, sha);
  }
  return out;
}

/** Blob ids present locally (partial clones): asking cat-file for others would try to fetch them. */
async function localBlobs(root: string): Promise<Set<string>> {
  const r = await runGit(['cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(objectname)'], {
    cwd: root,
    timeoutMs: 600_000,
    maxBytes: 4 * 1024 ** 3,
  });
  const out = new Set<string>();
  for (const line of r.stdout.toString('latin1').split('\n')) if (line.startsWith('blob ')) out.add(line.slice(5));
  return out;
}
