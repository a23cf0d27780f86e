// Provenance of blobs from `git log --raw`: which commit put each blob at each path and which
// commit took it away. Findings of a blob scanned once become one finding per secret and file
// lineage, stamped with the introducing commit and the exposure window.
import type { CommitInfo, Finding } from '../core/finding.js';
import { isFileMode, isNullSha, type LogCommit, type RawChange } from './git-log.js';

export interface AddEvent {
  /** Index into `commits` (its position in the log). */
  commit: number;
  path: number;
  /** Blob at this path in each parent (zeros when absent); kept for range mode only. */
  parents?: string[];
}

export interface RemoveEvent {
  commit: number;
  path: number;
}

const DAY_MS = 86_400_000;

export class ProvenanceLog {
  readonly commits: LogCommit[] = [];
  readonly paths: string[] = [];
  private readonly pathIds = new Map<string, number>();
  readonly adds = new Map<string, AddEvent[]>();
  readonly removes = new Map<string, RemoveEvent[]>();
  /** Submodule paths met (gitlinks): their contents live in other repositories. */
  readonly submodules = new Set<string>();

  constructor(private readonly keepParents = false) {}

  addCommit(c: LogCommit): void {
    this.commits[c.order] = c;
  }

  pathId(path: string): number {
    let id = this.pathIds.get(path);
    if (id === undefined) {
      id = this.paths.length;
      this.paths.push(path);
      this.pathIds.set(path, id);
    }
    return id;
  }

  /** Records one raw line; returns the blob it added when it is a regular file's content. */
  addChange(ch: RawChange): string | null {
    if (ch.newMode === '160000' || ch.oldModes.includes('160000')) this.submodules.add(ch.path);
    const path = this.pathId(ch.path);
    const commit = ch.commit.order;
    ch.oldShas.forEach((old, i) => {
      if (isNullSha(old) || old === ch.newSha || !isFileMode(ch.oldModes[i]!)) return;
      let list = this.removes.get(old);
      if (!list) this.removes.set(old, (list = []));
      if (!list.some((e) => e.commit === commit && e.path === path)) list.push({ commit, path });
    });
    if (isNullSha(ch.newSha) || !isFileMode(ch.newMode)) return null;
    let list = this.adds.get(ch.newSha);
    if (!list) this.adds.set(ch.newSha, (list = []));
    const ev: AddEvent = { commit, path };
    if (this.keepParents) ev.parents = ch.oldShas.map((s, i) => (isFileMode(ch.oldModes[i]!) ? s : '0'));
    list.push(ev);
    return ch.newSha;
  }

  /** Negative when commit `a` is older than `b` (committer date; ties: later in the log is older). */
  compare(a: number, b: number): number {
    const ca = this.commits[a]!;
    const cb = this.commits[b]!;
    return ca.ctime - cb.ctime || b - a;
  }

  oldest(list: number[]): number {
    return list.reduce((x, y) => (this.compare(y, x) < 0 ? y : x));
  }

  newest(list: number[]): number {
    return list.reduce((x, y) => (this.compare(y, x) > 0 ? y : x));
  }

  commitInfo(order: number): CommitInfo {
    const c = this.commits[order]!;
    return { sha: c.sha, author: c.author, email: c.email, date: c.date, subject: c.subject };
  }
}

export interface MergeOptions {
  /** path → blob at HEAD (or the range tip); empty when HEAD is unborn. */
  tipTree: Map<string, string>;
  /** Milliseconds since the epoch, for the exposure of secrets still live. */
  now: number;
  /** Range mode: lines the commit added to that blob at that path (absent = the event is not in range). */
  lines?: (blob: string, ev: AddEvent) => ReadonlySet<number> | null;
  /** Paths excluded by configuration. */
  isExcluded?: (path: string) => boolean;
}

interface Occurrence {
  finding: Finding;
  blob: string;
  path: number;
  adds: number[];
  removes: number[];
}

/**
 * One finding per secret (fingerprint) and file lineage: two paths are one lineage when a commit took
 * the secret from one to the other (a rename, with or without edits). Copies that live side by side
 * stay separate findings, as a folder scan would report them.
 */
export function mergeProvenance(log: ProvenanceLog, found: ReadonlyMap<string, Finding[]>, opts: MergeOptions): Finding[] {
  const byPrint = new Map<string, Occurrence[]>();
  for (const [blob, findings] of found) {
    const adds = log.adds.get(blob) ?? [];
    const removes = log.removes.get(blob) ?? [];
    const perPath = new Map<number, { adds: AddEvent[]; removes: number[] }>();
    for (const ev of adds) {
      if (opts.isExcluded?.(log.paths[ev.path]!)) continue;
      let p = perPath.get(ev.path);
      if (!p) perPath.set(ev.path, (p = { adds: [], removes: [] }));
      p.adds.push(ev);
    }
    for (const ev of removes) perPath.get(ev.path)?.removes.push(ev.commit);
    for (const f of findings) {
      for (const [path, p] of perPath) {
        const inRange = opts.lines ? p.adds.filter((ev) => opts.lines!(blob, ev)?.has(f.line)) : p.adds;
        if (inRange.length === 0) continue;
        let list = byPrint.get(f.fingerprint);
        if (!list) byPrint.set(f.fingerprint, (list = []));
        list.push({ finding: f, blob, path, adds: inRange.map((e) => e.commit), removes: p.removes });
      }
    }
  }
  const out: Finding[] = [];
  for (const occ of byPrint.values()) {
    for (const group of lineages(occ)) out.push(merged(log, group, opts));
  }
  return out;
}

/** Splits one secret's occurrences into file lineages (union-find over paths). */
function lineages(occ: Occurrence[]): Occurrence[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const o of occ) find(o.path);
  const addedAt = new Map<number, number[]>();
  for (const o of occ) {
    for (const c of o.adds) {
      let l = addedAt.get(c);
      if (!l) addedAt.set(c, (l = []));
      l.push(o.path);
    }
  }
  for (const o of occ) for (const c of o.removes) for (const p of addedAt.get(c) ?? []) union(o.path, p);
  const groups = new Map<number, Occurrence[]>();
  for (const o of occ) {
    const r = find(o.path);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(o);
  }
  return [...groups.values()];
}

function merged(log: ProvenanceLog, group: Occurrence[], opts: MergeOptions): Finding {
  // introduced: the oldest add; on a tie, the earlier line
  let intro = group[0]!;
  let introCommit = log.oldest(intro.adds);
  for (const o of group.slice(1)) {
    const c = log.oldest(o.adds);
    const cmp = log.compare(c, introCommit);
    if (cmp < 0 || (cmp === 0 && o.finding.line < intro.finding.line)) {
      intro = o;
      introCommit = c;
    }
  }
  const commit = log.commitInfo(introCommit);
  const firstSeen = new Map<number, number>();
  for (const o of group) {
    const c = log.oldest(o.adds);
    const prev = firstSeen.get(o.path);
    if (prev === undefined || log.compare(c, prev) < 0) firstSeen.set(o.path, c);
  }
  const paths = [...firstSeen].sort((a, b) => log.compare(a[1], b[1]) || a[0] - b[0]).map(([p]) => log.paths[p]!);
  if (paths.length > 1) commit.paths = paths;

  const present = group.some((o) => opts.tipTree.get(log.paths[o.path]!) === o.blob);
  commit.presentAtHead = present;
  let end = opts.now;
  if (!present) {
    // gone when every (blob, path) pair has a removal newer than its newest add; gone at the newest of those
    const removals: number[] = [];
    let allRemoved = true;
    for (const o of group) {
      const lastAdd = log.newest(o.adds);
      const after = o.removes.filter((r) => log.compare(r, lastAdd) > 0);
      if (after.length === 0) {
        allRemoved = false;
        break;
      }
      removals.push(log.newest(after));
    }
    if (allRemoved && removals.length > 0) {
      const r = log.commits[log.newest(removals)]!;
      commit.removedIn = r.sha;
      commit.removedDate = r.date;
      end = r.time * 1000;
    }
  }
  const introTime = log.commits[introCommit]!.time * 1000;
  commit.exposureDays = Math.max(0, Math.floor((end - introTime) / DAY_MS));
  return { ...intro.finding, file: log.paths[intro.path]!, commit };
}
