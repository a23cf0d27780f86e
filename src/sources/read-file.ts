import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { asText } from './types.js';

export type ReadOutcome =
  | { data: Buffer }
  | { skipped: 'binary' | 'tooLarge' | 'unreadable'; warning?: string };

/**
 * Reads one file for scanning: regular files only (a FIFO would block), at most `maxSize` bytes,
 * binary content skipped. Synchronous: it runs inside scan workers, one file at a time each.
 */
export function readSourceFile(file: string, path: string, maxSize: number): ReadOutcome {
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
    const data = Buffer.allocUnsafeSlow(st.size);
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
