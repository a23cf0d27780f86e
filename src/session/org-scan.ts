// Organisation scans: list the repositories (GitHub API), keep this shard's, mirror each into the cache
// (clone once, then fetch), run the history scan over the commits not scanned before, and report the
// union with the findings of earlier runs. One repository failing never stops the others.
import { join } from 'node:path';
import pLimit from 'p-limit';
import { emptyStats, type Finding, type ScanStats } from '../core/finding.js';
import type { ChunkScanner } from '../pipeline/chunk-scanner.js';
import { joinProvenance, runScan } from '../pipeline/scan.js';
import type { RepositoryStatus } from '../report/types.js';
import { checkObjects } from '../sources/git-cat-file.js';
import { GitHistorySource, treeOf } from '../sources/git-history.js';
import { checkCloneUrl, mirrorDir, sameGithubHost, scrubToken, syncMirror, type MirrorResult } from '../sources/git-mirror.js';
import { runGit } from '../sources/git-process.js';
import type { RepoInfo } from '../sources/git-repo.js';
import { isSafeFullName, type ApiRepository, type GithubClient, type GithubTarget } from '../sources/github-repos.js';
import { repoMatcher, selectRepositories, shardOf, type SelectionOptions } from '../sources/repo-selection.js';
import { LOCK_FILE, lockCache, loadState, restoredFindings, saveState, STATE_FILE, stateKey, storedFindings, type OrgState, type RepoState } from './org-state.js';

const DAY_MS = 86_400_000;

export interface OrgScanRequest {
  client: GithubClient;
  target: GithubTarget;
  selection: SelectionOptions;
  cacheDir: string;
  token?: string;
  scanner: ChunkScanner & { inflight?: number };
  maxFileSize: number;
  isExcluded?: (path: string) => boolean;
  /** Identity of rules and settings (see scanKeyOf): cached results of another key are not reused. */
  scanKey: string;
  /** Also scan pull-request heads (refs/pull/N/head): commits pushed to pull requests, forks' included. */
  pullRequests?: boolean;
  /** Repositories cloned or fetched at once (network). */
  concurrency?: number;
  cloneTimeoutMs?: number;
  now?: () => number;
  /** One line per repository and per wait (the CLI prints them to stderr unless --quiet). */
  log?: (line: string) => void;
}

/** Counters for the closing summary and benchmarks. */
export interface OrgScanTiming {
  listMs: number;
  /** Summed over repositories (they overlap: wall time is less). */
  syncMs: number;
  scanMs: number;
  wallMs: number;
  cloned: number;
  fetched: number;
  unchanged: number;
  /** Blobs read and scanned in this run. */
  blobsScanned: number;
}

export interface OrgScanResult {
  findings: Finding[];
  stats: ScanStats;
  repositories: RepositoryStatus[];
  timing: OrgScanTiming;
}

interface RepoOutcome {
  status: RepositoryStatus;
  findings: Finding[];
  stats?: ScanStats;
}

export async function scanOrganisation(req: OrgScanRequest): Promise<OrgScanResult> {
  const started = Date.now();
  const statePath = join(req.cacheDir, STATE_FILE);
  mirrorDir(req.cacheDir, []);
  const unlock = lockCache(join(req.cacheDir, LOCK_FILE));
  try {
    return await scanLocked(req, statePath, started);
  } finally {
    unlock();
  }
}

async function scanLocked(req: OrgScanRequest, statePath: string, started: number): Promise<OrgScanResult> {
  const log = req.log ?? (() => undefined);
  const now = req.now ?? Date.now;
  const { state, note } = loadState(statePath, req.scanKey);
  const warnings: string[] = [];
  if (note) warnings.push(note);

  const listed = await req.client.listRepositories(req.target);
  const listMs = Date.now() - started;
  const selected = selectRepositories(listed, req.selection);
  const timing: OrgScanTiming = { listMs, syncMs: 0, scanMs: 0, wallMs: 0, cloned: 0, fetched: 0, unchanged: 0, blobsScanned: 0 };

  renamed(state, listed);
  const outcomes: RepoOutcome[] = [];
  for (const s of selected) if (s.skip) outcomes.push({ status: { full_name: s.repo.fullName, status: 'skipped', reason: s.skip }, findings: [] });
  outcomes.push(...gone(state, listed, req.selection));

  const syncLimit = pLimit(Math.max(1, req.concurrency ?? 4));
  // scanning is CPU work on one shared scanner: two repositories at a time keep git and the engine busy
  const scanLimit = pLimit(2);
  const hostDir = hostFolder(req.client.apiUrl);
  // progress survives an interrupted run; written at most every few seconds (the file grows with the organisation)
  let savedAt = Date.now();
  const save = (force = false) => {
    if (!force && Date.now() - savedAt < 5000) return;
    saveState(statePath, state);
    savedAt = Date.now();
  };
  await Promise.all(
    selected
      .filter((s) => !s.skip)
      .map((s) =>
        syncLimit(async () => {
          const t0 = Date.now();
          const prev = state.repositories[stateKey(s.repo.fullName)];
          let mirror: MirrorResult & { dir: string };
          try {
            mirror = await mirrorOf(s.repo, req, hostDir, prev?.tips);
          } catch (e) {
            outcomes.push(failed(s.repo.fullName, `cannot clone or fetch: ${message(e, req.token)}`, prev));
            return;
          } finally {
            timing.syncMs += Date.now() - t0;
          }
          timing[mirror.action]++;
          await scanLimit(async () => {
            const t1 = Date.now();
            try {
              const out = await scanMirror(s.repo, mirror, prev, req, now());
              timing.blobsScanned += out.blobsScanned;
              state.repositories[stateKey(s.repo.fullName)] = out.state;
              save();
              outcomes.push({ status: { full_name: s.repo.fullName, status: 'scanned' }, findings: out.findings, stats: out.stats });
              log(
                `${s.repo.fullName}: ${mirror.action}, ${out.blobsScanned} new blob(s) scanned, ${out.findings.length} finding(s) ` +
                  `(${((t1 - t0) / 1000).toFixed(1)} s sync, ${((Date.now() - t1) / 1000).toFixed(1)} s scan)`,
              );
            } catch (e) {
              outcomes.push(failed(s.repo.fullName, `scan failed: ${message(e, req.token)}`, prev));
            } finally {
              timing.scanMs += Date.now() - t1;
            }
          });
        }),
      ),
  );
  save(true);

  const stats = emptyStats();
  stats.commits = 0;
  stats.blobs = 0;
  stats.warnings.push(...warnings);
  const findings: Finding[] = [];
  for (const o of outcomes) {
    findings.push(...o.findings);
    if (o.status.status === 'failed') log(`${o.status.full_name}: FAILED: ${o.status.error}`);
    if (!o.stats) continue;
    stats.files += o.stats.files;
    stats.bytes += o.stats.bytes;
    stats.commits += o.stats.commits ?? 0;
    stats.blobs += o.stats.blobs ?? 0;
    for (const k of Object.keys(stats.skipped) as Array<keyof ScanStats['skipped']>) stats.skipped[k] += o.stats.skipped[k];
    for (const w of o.stats.warnings) stats.warnings.push(`${o.status.full_name}: ${w}`);
  }
  for (const f of findings) stats.findings[f.severity]++;
  timing.wallMs = Date.now() - started;
  stats.durationMs = timing.wallMs;
  const repositories = outcomes.map((o) => o.status).sort((a, b) => cmp(a.full_name.toLowerCase(), b.full_name.toLowerCase()));
  return { findings, stats, repositories, timing };
}

/** A failure keeps the findings of earlier runs: a repository that cannot be read now is not clean. */
function failed(fullName: string, error: string, prev: RepoState | undefined): RepoOutcome {
  const findings = prev ? restoredFindings(prev.findings).map((r) => r.finding) : [];
  const kept = findings.length > 0 ? ` (${findings.length} finding(s) from its last scan kept)` : '';
  return { status: { full_name: fullName, status: 'failed', error: error + kept }, findings };
}

/** Repositories scanned before that the API no longer lists (this shard's, matching --repo). */
function gone(state: OrgState, listed: ApiRepository[], sel: SelectionOptions): RepoOutcome[] {
  const names = new Set(listed.map((r) => stateKey(r.fullName)));
  const matches = repoMatcher(sel.patterns);
  const out: RepoOutcome[] = [];
  for (const [key, rs] of Object.entries(state.repositories)) {
    if (names.has(key) || !matches(rs.fullName)) continue;
    if (sel.shard && shardOf(rs.fullName, sel.shard.count) !== sel.shard.index) continue;
    out.push(failed(rs.fullName, 'no longer listed by the API: deleted, or not accessible with this token', rs));
  }
  return out;
}

/** A repository renamed since the last run keeps its state (same id, new name). */
function renamed(state: OrgState, listed: ApiRepository[]): void {
  const byId = new Map<number, string>();
  for (const [key, rs] of Object.entries(state.repositories)) if (rs.id !== undefined) byId.set(rs.id, key);
  for (const repo of listed) {
    const key = stateKey(repo.fullName);
    const old = byId.get(repo.id);
    if (old === undefined || old === key || state.repositories[key]) continue;
    const rs = state.repositories[old]!;
    delete state.repositories[old];
    rs.fullName = repo.fullName;
    for (const f of rs.findings) f.repository = repo.fullName;
    state.repositories[key] = rs;
  }
}

function hostFolder(api: URL): string {
  return api.host.replace(/[^A-Za-z0-9.-]/g, '_').replace(/^api\./, '') || 'github';
}

async function mirrorOf(repo: ApiRepository, req: OrgScanRequest, hostDir: string, known?: Record<string, string>): Promise<MirrorResult & { dir: string }> {
  if (!isSafeFullName(repo.fullName)) throw new Error('the API gave a repository name that is not owner/name');
  const url = checkCloneUrl(repo.cloneUrl, req.client.apiUrl);
  const [owner, name] = repo.fullName.toLowerCase().split('/') as [string, string];
  const dir = join(mirrorDir(req.cacheDir, [hostDir, owner]), `${name}.git`);
  const res = await syncMirror({
    dir,
    cloneUrl: url.href,
    defaultBranch: repo.defaultBranch,
    token: req.token,
    sendToken: sameGithubHost(url, req.client.apiUrl),
    timeoutMs: req.cloneTimeoutMs,
    known,
    pullRequests: req.pullRequests,
  });
  return { ...res, dir };
}

interface ScannedRepo {
  findings: Finding[];
  stats?: ScanStats;
  state: RepoState;
  blobsScanned: number;
}

/** The history scan over commits not scanned before; the union with earlier findings, updated. */
async function scanMirror(repo: ApiRepository, mirror: MirrorResult & { dir: string }, prev: RepoState | undefined, req: OrgScanRequest, now: number): Promise<ScannedRepo> {
  const tips = Object.fromEntries(mirror.tips);
  const newTips = [...new Set(mirror.tips.values())];
  const prevTips = prev ? [...new Set(Object.values(prev.tips))] : [];
  // nothing new: no git process at all; otherwise the earlier tips this clone still has bound the walk
  const unchanged = !!prev && newTips.every((t) => prevTips.includes(t));
  const known = unchanged ? newTips : await present(mirror.dir, prevTips);
  const fresh = newTips.filter((t) => !known.includes(t));
  const old = prev ? restoredFindings(prev.findings) : [];
  for (const o of old) o.finding.repository = repo.fullName;

  let found: Finding[] = [];
  let stats: ScanStats | undefined;
  const blobs = new Map<Finding, string>();
  if (fresh.length > 0) {
    const info: RepoInfo = { root: mirror.dir, gitDir: mirror.dir, bare: true, shallowCommits: 0, head: mirror.head, headRef: null, partial: false };
    const source = new GitHistorySource({
      repo: info,
      revs: known.length > 0 ? [...newTips, '--not', ...known] : newTips,
      tip: mirror.head,
      maxFileSize: req.maxFileSize,
      isExcluded: req.isExcluded,
      now: () => now,
    });
    const result = await runScan([source], req.scanner, { inflight: req.scanner.inflight });
    await joinProvenance(result, source);
    found = result.findings;
    stats = result.stats;
    for (const f of found) f.repository = repo.fullName;
    const ids = await blobIds(mirror.dir, found);
    found.forEach((f, i) => ids[i] && blobs.set(f, ids[i]!));
  }

  // earlier findings: the same secret at the same path keeps its first provenance
  const byKey = new Map<string, Finding>();
  for (const f of found) byKey.set(`${f.fingerprint}\0${f.file}`, f);
  const merged: Finding[] = [];
  const stillOld: Array<{ finding: Finding; blob?: string }> = [];
  for (const o of old) {
    const key = `${o.finding.fingerprint}\0${o.finding.file}`;
    const again = byKey.get(key);
    if (again) {
      byKey.delete(key);
      if (o.finding.commit && again.commit) o.finding.commit.presentAtHead = again.commit.presentAtHead;
      // the secret value of a finding seen again is known in this run: keep it for --show-secrets
      o.finding.secret = again.secret;
      const b = blobs.get(again);
      if (b) blobs.set(o.finding, b);
    } else stillOld.push(o);
    merged.push(o.finding);
    if (o.blob && !blobs.has(o.finding)) blobs.set(o.finding, o.blob);
  }
  merged.push(...byKey.values());
  if (fresh.length > 0) await refreshPresence(mirror, stillOld, known, now);
  else for (const o of stillOld) ageExposure(o.finding, now);

  const state: RepoState = { fullName: repo.fullName, id: repo.id, tips, scannedAt: new Date(now).toISOString(), findings: storedFindings(merged, blobs) };
  return { findings: merged, stats, state, blobsScanned: stats?.files ?? 0 };
}

/** The tips of an earlier run that this mirror still has (a force-push may have dropped some). */
async function present(dir: string, shas: string[]): Promise<string[]> {
  if (shas.length === 0) return [];
  const info = await checkObjects(dir, shas);
  return shas.filter((s) => {
    const i = info.get(s);
    return i && !i.missing;
  });
}

/** Blob id each finding was read from (its introducing commit at its path). */
async function blobIds(dir: string, findings: Finding[]): Promise<Array<string | undefined>> {
  const specs = findings.map((f) => (f.commit ? `${f.commit.sha}:${f.file}` : ''));
  const wanted = specs.filter((s) => s && !s.includes('\n'));
  if (wanted.length === 0) return findings.map(() => undefined);
  const r = await runGit(['cat-file', '--batch-check=%(objectname) %(objecttype)'], { cwd: dir, input: wanted.join('\n') + '\n', timeoutMs: 120_000 });
  const lines = r.stdout.toString('utf8').split('\n');
  const answer = new Map<string, string>();
  wanted.forEach((spec, i) => {
    const m = /^([0-9a-f]{40,64}) blob$/.exec(lines[i] ?? '');
    if (m) answer.set(spec, m[1]!);
  });
  return specs.map((s) => answer.get(s));
}

/** Earlier findings after new commits: still at HEAD, or removed by one of the new commits. */
async function refreshPresence(mirror: MirrorResult & { dir: string }, items: Array<{ finding: Finding; blob?: string }>, known: string[], now: number): Promise<void> {
  const paths = new Set(items.map((o) => o.finding.file));
  const tree = await treeOf(mirror.dir, mirror.head, paths);
  for (const o of items) {
    const c = o.finding.commit;
    if (!c) continue;
    const wasPresent = c.presentAtHead === true;
    const isPresent = !!o.blob && tree.get(o.finding.file) === o.blob;
    if (wasPresent && !isPresent && mirror.head) {
      const r = await runGit(['log', '-1', '--format=%H%x00%aI%x00%at', mirror.head, ...(known.length ? ['--not', ...known] : []), '--', o.finding.file], {
        cwd: mirror.dir,
        timeoutMs: 120_000,
      });
      const [sha, date, time] = r.stdout.toString('utf8').trim().split('\0');
      if (sha && date) {
        c.removedIn = sha;
        c.removedDate = date;
        if (c.date) c.exposureDays = Math.max(0, Math.floor((Number(time) * 1000 - Date.parse(c.date)) / DAY_MS));
      }
      c.presentAtHead = false;
    } else if (isPresent) {
      c.presentAtHead = true;
    }
    ageExposure(o.finding, now);
  }
}

/** A secret still present has been exposed until now. */
function ageExposure(f: Finding, now: number): void {
  const c = f.commit;
  if (c?.presentAtHead && c.date) c.exposureDays = Math.max(0, Math.floor((now - Date.parse(c.date)) / DAY_MS));
}

function message(e: unknown, token?: string): string {
  return scrubToken((e as Error)?.message ?? String(e), token).replace(/\s+/g, ' ').slice(0, 300);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
