import type { CommitInfo, Finding, ScanStats } from '../core/finding.js';

/** A piece of bytes to scan, with where it came from. */
export interface SourceChunk {
  /** Path relative to the scan root, `/`-separated; `-` for stdin. */
  path: string;
  /** The bytes, or … */
  data?: Buffer;
  /** … an absolute file path that the scanner reads itself (in its worker thread, in parallel). */
  file?: string;
  /** Git provenance (history sources). */
  commit?: CommitInfo;
  /** Only findings starting on these 1-based lines are kept (staged diffs, commit ranges). */
  lines?: ReadonlySet<number>;
}

/** What a source reports besides chunks. Sources never throw for one bad file: they warn and go on. */
export interface SourceEvents {
  warn(message: string): void;
  skipped(kind: 'binary' | 'tooLarge' | 'unreadable' | 'ignored', path: string): void;
}

export interface Source {
  chunks(events: SourceEvents): AsyncIterable<SourceChunk>;
  /**
   * Optional: turns one chunk's engine findings into reported findings. Default: keep `chunk.lines`,
   * stamp `chunk.commit`. Git history scans each blob once and places its findings at every path and
   * commit that blob had (or holds them until `finish`).
   */
  place?(chunk: SourceChunk, findings: Finding[]): Finding[];
  /**
   * Optional: called once after the last chunk with the findings this source placed; returns the
   * findings to report (git: merges one secret's occurrences into one finding with its provenance).
   * May fill source-specific counters (`stats.commits`, `stats.blobs`) and add warnings.
   */
  finish?(findings: Finding[], stats: ScanStats): Promise<Finding[]> | Finding[];
}

/** NUL in the first 8 KiB: git's own test for binary content. */
export function looksBinary(data: Buffer): boolean {
  return data.subarray(0, 8000).includes(0);
}
