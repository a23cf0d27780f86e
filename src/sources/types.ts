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
  skipped(kind: 'binary' | 'tooLarge' | 'unreadable' | 'ignored' | 'lockfile', path: string): void;
  /** A git-ignored file scanned anyway because its name says it holds secrets. */
  ignoredScanned?(path: string): void;
}

/** A commit message to scan, with the commit it belongs to. */
export interface MessageText {
  commit: CommitInfo;
  text: string;
}

/** What a source met besides file contents: paths (beyond its chunks' own) and commit messages. */
export interface SourceNames {
  paths?: Iterable<string>;
  messages?: Iterable<MessageText>;
}

/** Yields chunks; that is all a source does (git provenance is a step of its own after the scan). */
export interface Source {
  chunks(events: SourceEvents): AsyncIterable<SourceChunk>;
  /** Optional, after the last chunk: names and messages to scan for secrets too. */
  names?(): SourceNames;
}

/** NUL in the first 8 KiB: git's own test for binary content. */
export function looksBinary(data: Buffer): boolean {
  return data.subarray(0, 8000).includes(0);
}

/**
 * UTF-16 text (Windows exports of .ps1, .reg, .config …): a byte-order mark, or NULs interleaved with
 * mostly-ASCII bytes in the first 8 KiB. Returns the byte order, or undefined.
 */
export function utf16Order(data: Buffer): 'le' | 'be' | undefined {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return 'le';
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return 'be';
  const n = Math.min(data.length, 8000) & ~1;
  if (n < 8) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) zeroEven++;
    if (data[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  // ASCII-range text in UTF-16: one byte of nearly every pair is 0, the other almost never
  if (zeroOdd >= pairs * 0.7 && zeroEven <= pairs * 0.02) return 'le';
  if (zeroEven >= pairs * 0.7 && zeroOdd <= pairs * 0.02) return 'be';
  return undefined;
}

/**
 * The bytes to scan as UTF-8 text: the data itself, UTF-16 transcoded to UTF-8 (lines and UTF-16
 * columns stay those of the original text), or undefined for binary content.
 */
export function asText(data: Buffer): Buffer | undefined {
  if (!looksBinary(data)) return data;
  const order = utf16Order(data);
  if (!order) return undefined;
  let body = data.subarray(0, data.length & ~1);
  if (order === 'be') body = Buffer.from(body).swap16();
  let text = body.toString('utf16le');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const out = Buffer.from(text, 'utf8');
  return looksBinary(out) ? undefined : out;
}
