// The incremental state of organisation scans, kept in the cache folder: per repository, the ref tips
// already scanned and the findings found so far (redacted: the cache holds no secret and no token).
import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { readRegularFile } from '../util/safe-fs.js';
import type { Finding } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import { findingFromJson, jsonFinding, type JsonFinding } from '../report/json.js';
import { makeScrub } from '../report/common.js';
import { writeFileNoFollow } from '../util/safe-write.js';

export const STATE_FILE = 'keyhound-state.json';
const STATE_VERSION = 1;

export interface StoredFinding extends JsonFinding {
  /** Blob the finding was read from (decides whether it is still at HEAD after new commits). */
  blob?: string;
}

export interface RepoState {
  fullName: string;
  id?: number;
  /** ref → object id scanned. */
  tips: Record<string, string>;
  scannedAt: string;
  findings: StoredFinding[];
}

export interface OrgState {
  version: number;
  /** What the findings were produced with (tool version, rules, settings); a change means rescanning. */
  scanKey: string;
  repositories: Record<string, RepoState>;
}

/** Identity of what a scan finds: the tool version, every rule, and the settings that change findings. */
export function scanKeyOf(version: string, rules: RuleSpec[], settings: Record<string, unknown>): string {
  const h = createHash('sha256');
  h.update(version);
  for (const r of rules) h.update(JSON.stringify(r));
  h.update(JSON.stringify(settings));
  return h.digest('hex');
}

export function stateKey(fullName: string): string {
  return fullName.toLowerCase();
}

/** Reads the state; a missing, unreadable or foreign file, or another scan key, starts from nothing. */
export function loadState(path: string, scanKey: string): { state: OrgState; note?: string } {
  const empty: OrgState = { version: STATE_VERSION, scanKey, repositories: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readRegularFile(path, { maxBytes: 256 * 1024 * 1024 }).toString('utf8'));
  } catch (e) {
    if ((e as { errno?: string }).errno === 'ENOENT') return { state: empty };
    return { state: empty, note: 'the incremental state in the cache could not be read: every repository is scanned in full' };
  }
  const s = raw as Partial<OrgState>;
  if (!s || typeof s !== 'object' || s.version !== STATE_VERSION || !s.repositories || typeof s.repositories !== 'object') {
    return { state: empty, note: 'the incremental state in the cache has an unknown format: every repository is scanned in full' };
  }
  if (s.scanKey !== scanKey) {
    return { state: empty, note: 'rules, settings or the keyhound version changed since the cached scan: every repository is scanned in full' };
  }
  const repositories: Record<string, RepoState> = {};
  for (const [k, v] of Object.entries(s.repositories)) {
    if (v && typeof v.fullName === 'string' && v.tips && typeof v.tips === 'object' && Array.isArray(v.findings)) repositories[k] = v;
  }
  return { state: { version: STATE_VERSION, scanKey, repositories } };
}

export function saveState(path: string, state: OrgState): void {
  writeFileNoFollow(path, JSON.stringify(state) + '\n');
}

/** Findings as the cache keeps them: redacted JSON, no secret, plus the blob they came from. */
export function storedFindings(findings: Finding[], blobs: Map<Finding, string>): StoredFinding[] {
  const scrub = makeScrub(findings, false);
  return findings.map((f) => {
    const j: StoredFinding = jsonFinding(f, scrub, false);
    const blob = blobs.get(f);
    if (blob) j.blob = blob;
    return j;
  });
}

export function restoredFindings(stored: StoredFinding[]): Array<{ finding: Finding; blob?: string }> {
  return stored.map((j) => ({ finding: findingFromJson(j), blob: j.blob }));
}

export const LOCK_FILE = 'keyhound.lock';

/** Another run holds the cache (two runs would clone into and rewrite the same state). */
export class CacheBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheBusyError';
  }
}

/**
 * Takes the cache for this run: a lock file made with O_EXCL holding host and pid. A lock whose process is
 * gone (same host) is taken over; a live one refuses. Returns the release function.
 */
export function lockCache(path: string): () => void {
  const mine = `${hostname()} ${process.pid}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      writeSync(fd, mine);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder = '';
    try {
      holder = readRegularFile(path, { maxBytes: 4096 }).toString('utf8');
    } catch {
      /* removed meanwhile: try again */
    }
    const [host, pid] = holder.trim().split(' ');
    if (host === hostname() && Number(pid) > 0 && alive(Number(pid))) {
      throw new CacheBusyError(`the cache folder is in use by another keyhound github run (pid ${pid}); give each run its own --cache-dir`);
    }
    if (host && host !== hostname()) {
      throw new CacheBusyError(`the cache folder is locked by a run on ${host}; remove ${path} if that run is over`);
    }
    rmSync(path, { force: true });
  }
  throw new CacheBusyError('could not take the cache folder lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
