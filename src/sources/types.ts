// What a source yields: byte chunks (or files to read) with their path and provenance.
import type { CommitInfo } from '../core/finding.js';

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
  /** A git blob (history): its findings are blob matches, placed afterwards by provenance. */
  blob?: string;
}

/** What a source reports besides chunks. Sources never throw for one bad file: they warn and go on. */
export interface SourceEvents {
  warn(message: string): void;
  skipped(kind: 'binary' | 'tooLarge' | 'unreadable' | 'ignored', path: string): void;
}

/** Yields chunks; that is all a source does (git provenance is a step of its own after the scan). */
export interface Source {
  chunks(events: SourceEvents): AsyncIterable<SourceChunk>;
}

/** NUL in the first 8 KiB: git's own test for binary content. */
export function looksBinary(data: Buffer): boolean {
  return data.subarray(0, 8000).includes(0);
}
