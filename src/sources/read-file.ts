// Reading one file for a scan: regular files only, bounded, binary content skipped.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { asText } from './types.js';

export type ReadOutcome =
  | { data: Buffer }
  | { skipped: 'binary' | 'tooLarge' | 'unreadable'; warning?: string };

/** Files up to this size are read into one reused buffer (no allocation, less GC); larger ones get their own. */
const REUSED_MAX = 8 * 1024 * 1024;

/**
 * One growing buffer that each read overwrites: the bytes a read returns stay valid only until the
 * next read with the same ReadBuffer (a scan thread reads, scans, then reads the next file).
 */
export class ReadBuffer {
  private buf = Buffer.allocUnsafeSlow(0);
  take(size: number): Buffer {
    if (size > REUSED_MAX) return Buffer.allocUnsafeSlow(size);
    if (this.buf.length < size) this.buf = Buffer.allocUnsafeSlow(Math.min(REUSED_MAX, Math.max(size, 64 * 1024, this.buf.length * 2)));
    return this.buf.subarray(0, size);
  }
}

/**
 * Reads one file for scanning: regular files only (a FIFO would block), at most `maxSize` bytes,
 * binary content skipped. Synchronous: it runs inside scan workers, one file at a time each. With
 * `into`, the bytes land in that reused buffer (valid until its next read).
 */
export function readSourceFile(file: string, path: string, maxSize: number, into?: ReadBuffer): ReadOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then rejects it
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { skipped: 'unreadable', warning: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { skipped: 'unreadable', warning: `skipped ${path}: not a regular file` };
    if (st.size > maxSize) {
      return { skipped: 'tooLarge', warning: `skipped ${path}: ${st.size} bytes is over --max-file-size ${maxSize}` };
    }
    const data = into ? into.take(st.size) : Buffer.allocUnsafeSlow(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, data, off, st.size - off, null);
      if (n === 0) break;
      off += n;
    }
    const got = off === st.size ? data : data.subarray(0, off);
    const text = asText(got);
    if (!text) return { skipped: 'binary' };
    return { data: text };
  } catch (e) {
    return { skipped: 'unreadable', warning: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}
