// Combines the JSON reports of organisation-scan shards into one: repositories by name, findings keyed by
// repository + fingerprint + file (one secret in two files is two findings), totals summed.
import { lstatSync, readdirSync } from 'node:fs';
import { readRegularFile } from '../util/safe-fs.js';
import { join } from 'node:path';
import { emptyStats, type Finding, type ScanStats } from '../core/finding.js';
import { findingFromJson, type JsonReport } from './json.js';
import type { RepositoryStatus } from './types.js';

const MAX_REPORT_BYTES = 1024 ** 3;
const MAX_DEPTH = 6;

export interface MergedReport {
  repositories: RepositoryStatus[];
  findings: Finding[];
  stats: ScanStats;
  /** Report files read. */
  files: string[];
}

/** True for the JSON report of `keyhound github` (or of an earlier merge). */
export function isOrgReport(v: unknown): v is JsonReport & { repositories: RepositoryStatus[] } {
  const r = v as Partial<JsonReport> | null;
  return !!r && typeof r === 'object' && r.version === 1 && Array.isArray(r.repositories) && Array.isArray(r.findings) && !!r.stats;
}

/**
 * Organisation reports under each path (a file, or a folder searched a few levels deep, as
 * actions/download-artifact lays them out). Symlinks and special files are not followed or read.
 */
export function findOrgReports(paths: string[], warn: (m: string) => void): Array<{ file: string; report: JsonReport }> {
  const out: Array<{ file: string; report: JsonReport }> = [];
  const visit = (p: string, depth: number, explicit: boolean) => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      if (explicit) warn(`cannot read ${p}`);
      return;
    }
    if (st.isDirectory()) {
      if (depth > MAX_DEPTH) return;
      for (const name of readdirSync(p).sort()) visit(join(p, name), depth + 1, false);
      return;
    }
    if (!st.isFile()) {
      if (explicit) warn(`not a regular file or folder: ${p}`);
      return;
    }
    if (!explicit && !p.endsWith('.json')) return;
    if (st.size > MAX_REPORT_BYTES) {
      warn(`${p}: larger than 1 GiB, not read`);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readRegularFile(p, { maxBytes: MAX_REPORT_BYTES }).toString('utf8'));
    } catch {
      if (explicit) warn(`${p}: not JSON`);
      return;
    }
    if (isOrgReport(parsed)) out.push({ file: p, report: parsed });
    else if (explicit) warn(`${p}: not a keyhound github JSON report (no repositories list)`);
  };
  for (const p of paths) visit(p, 0, true);
  return out;
}

const RANK: Record<RepositoryStatus['status'], number> = { skipped: 0, scanned: 1, failed: 2 };

export function mergeOrgReports(reports: Array<{ file: string; report: JsonReport }>): MergedReport {
  const repos = new Map<string, RepositoryStatus>();
  const findings = new Map<string, Finding>();
  const stats = emptyStats();
  let anyGit = false;
  for (const { report } of reports) {
    for (const r of report.repositories ?? []) {
      if (!r || typeof r.full_name !== 'string') continue;
      const key = r.full_name.toLowerCase();
      const had = repos.get(key);
      // the same repository in two inputs (a shard run twice): a failure is not hidden by a success
      if (!had || RANK[r.status] > RANK[had.status]) repos.set(key, { ...r });
    }
    for (const j of report.findings) {
      const key = `${(j.repository ?? '').toLowerCase()}\0${j.fingerprint}\0${j.file}`;
      if (!findings.has(key)) findings.set(key, findingFromJson(j));
    }
    const s = report.stats;
    stats.files += s.files ?? 0;
    stats.bytes += s.bytes ?? 0;
    stats.durationMs = Math.max(stats.durationMs, s.durationMs ?? 0);
    for (const k of Object.keys(stats.skipped) as Array<keyof ScanStats['skipped']>) stats.skipped[k] += s.skipped?.[k] ?? 0;
    for (const k of Object.keys(stats.suppressed) as Array<keyof ScanStats['suppressed']>) stats.suppressed[k] += s.suppressed?.[k] ?? 0;
    if (s.commits !== undefined || s.blobs !== undefined) anyGit = true;
    stats.commits = (stats.commits ?? 0) + (s.commits ?? 0);
    stats.blobs = (stats.blobs ?? 0) + (s.blobs ?? 0);
    stats.warnings.push(...(s.warnings ?? []));
  }
  if (!anyGit) {
    delete stats.commits;
    delete stats.blobs;
  }
  const list = [...findings.values()];
  for (const f of list) stats.findings[f.severity]++;
  const repositories = [...repos.values()].sort((a, b) => (a.full_name.toLowerCase() < b.full_name.toLowerCase() ? -1 : 1));
  return { repositories, findings: list, stats, files: reports.map((r) => r.file) };
}
