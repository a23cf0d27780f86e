// The scan loop: sources' chunks through a chunk scanner, with counters, progress and a bound on chunks in flight.
import { emptyStats, type Finding, type ScanStats } from '../core/finding.js';
import type { Source, SourceChunk, SourceEvents } from '../sources/types.js';
import { publishFingerprints } from '../util/keyed-fingerprint.js';
import type { ChunkScanner } from './chunk-scanner.js';
import { NameScan, redactNames } from './names.js';

export interface ScanResult {
  findings: Finding[];
  stats: ScanStats;
  /** Findings of git blobs (chunks with `blob`), by blob id, for the provenance step. */
  blobMatches?: Map<string, Finding[]>;
  /** Secrets found in file names and commit messages: redacted in every path and subject added later too. */
  nameSecrets?: string[];
}

export interface RunOptions {
  /** Called about every 250 ms with running totals (for a progress line). */
  onProgress?: (stats: ScanStats) => void;
  /** Chunks in flight at once (worker pools want a few per worker). */
  inflight?: number;
}

/** Keeps a finding from a chunk only where the chunk says its lines count (staged text, ranges). */
export function place(chunk: SourceChunk, findings: Finding[]): Finding[] {
  const kept = chunk.lines ? findings.filter((f) => chunk.lines!.has(f.line)) : findings;
  if (chunk.commit) for (const f of kept) f.commit = chunk.commit;
  return kept;
}

/** Drives sources through a chunk scanner and collects findings and counters. */
export async function runScan(sources: Source[], scanner: ChunkScanner, opts: RunOptions = {}): Promise<ScanResult> {
  const started = Date.now();
  const stats = emptyStats();
  const findings: Finding[] = [];
  const blobMatches = new Map<string, Finding[]>();
  const events: SourceEvents = {
    warn: (m) => stats.warnings.push(m),
    skipped: (kind, path) => {
      stats.skipped[kind]++;
      if (kind === 'ignored') stats.ignoredPaths.push(path);
    },
    ignoredScanned: (path) => void stats.ignoredScanned.push(path),
  };
  let lastProgress = Date.now();
  const gate = new Gate(Math.max(1, opts.inflight ?? 1));
  const names = new NameScan();
  for (const source of sources) {
    for await (const chunk of source.chunks(events)) {
      names.addPath(chunk.path);
      await gate.enter();
      scanner
        .scan(chunk)
        .then(
          (o) => {
            if (o.warning) stats.warnings.push(o.warning);
            if (o.skipped) return void stats.skipped[o.skipped]++;
            stats.files++;
            stats.bytes += o.bytes;
            if (chunk.blob === undefined) findings.push(...place(chunk, o.findings));
            else if (o.findings.length > 0) blobMatches.set(chunk.blob, o.findings);
          },
          (e: Error) => void stats.warnings.push(`could not scan ${chunk.path}: ${e.message}`),
        )
        .finally(() => gate.leave());
      if (opts.onProgress && Date.now() - lastProgress > 250) {
        lastProgress = Date.now();
        opts.onProgress(stats);
      }
    }
    if (source.names) names.add(source.names());
  }
  await gate.drain();
  // a token used as a file name or written in a commit message is a finding, and redacted everywhere
  const named = await names.scan(scanner);
  findings.push(...named.findings);
  const result: ScanResult = { findings: [], stats, blobMatches, nameSecrets: named.secrets };
  addFindings(result, findings);
  stats.durationMs = Date.now() - started;
  return result;
}

/**
 * Adds findings to a result (those placed after the scan, by git provenance) in report order, counted;
 * paths and subjects holding a secret found in names are redacted, and fingerprints are keyed (before
 * anything is matched, cached, printed or written: allow entries, baselines and caches use these).
 */
export function addFindings(result: ScanResult, more: Finding[]): void {
  redactNames(more, result.stats, result.nameSecrets ?? []);
  if (more.length > 0) {
    const warning = publishFingerprints(more);
    if (warning && !result.stats.warnings.includes(warning)) result.stats.warnings.push(warning);
  }
  result.findings.push(...more);
  result.findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  for (const f of more) result.stats.findings[f.severity]++;
}

/** A source whose chunks are blobs: after the scan it places their matches at paths and commits (git history). */
export interface BlobSource {
  provenance(found: ReadonlyMap<string, Finding[]>, stats: ScanStats): Promise<Finding[]>;
}

/** Provenance, the explicit step after a blob scan: each blob's matches at every path and commit the blob had, one finding per secret. */
export async function joinProvenance(result: ScanResult, source: BlobSource): Promise<void> {
  addFindings(result, await source.provenance(result.blobMatches ?? new Map(), result.stats));
}

/** Bounds chunks in flight; a free slot is taken as soon as any chunk finishes (no head-of-line wait). */
class Gate {
  private active = 0;
  private waiters: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async enter(): Promise<void> {
    while (this.active >= this.limit) await new Promise<void>((r) => this.waiters.push(r));
    this.active++;
  }

  leave(): void {
    this.active--;
    this.waiters.shift()?.();
    if (this.active === 0) for (const w of this.waiters.splice(0)) w();
  }

  async drain(): Promise<void> {
    while (this.active > 0) await new Promise<void>((r) => this.waiters.push(r));
  }
}
