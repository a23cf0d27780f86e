// Files keyhound reads and writes on its own behalf (config, ignore files, baselines, reports, audit
// log, revocation state): regular files only, bounded reads, and writes that never follow a symbolic
// link the scanned tree could have planted, nor a special file (/dev/full, a FIFO) that would hang.
import {
  closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { nodeCrypto } from './lazy-require.js';

/** A file keyhound refuses to read or write; the message names the file and never its content. */
export class UnsafeFileError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'UnsafeFileError';
  }
}

const MiB = 1024 * 1024;
/** Default cap for settings files (config, ignore files, revoke.yaml). */
export const SETTINGS_MAX_BYTES = 4 * MiB;

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

// ---- reading ----

export interface ReadOptions {
  /** Refuse files larger than this (default SETTINGS_MAX_BYTES). */
  maxBytes?: number;
  /** What the file is, for messages ("config file", "baseline"). */
  what?: string;
}

/**
 * Reads a regular file of bounded size. A FIFO, device or directory is refused without blocking
 * (opened non-blocking, checked with fstat before any read); so is a file over `maxBytes`, checked both
 * by size and while reading (files under /proc report size 0).
 */
export function readRegularFile(file: string, opts: ReadOptions = {}): Buffer {
  const max = opts.maxBytes ?? SETTINGS_MAX_BYTES;
  const what = opts.what ? `${opts.what} ` : '';
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | O_NONBLOCK);
  } catch (e) {
    throw Object.assign(new UnsafeFileError(file, `cannot read ${what}(${code(e)})`), { errno: code(e) });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnsafeFileError(file, `${what}is not a regular file`);
    if (st.size > max) throw new UnsafeFileError(file, `${what}is ${st.size} bytes, over the limit of ${max}`);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(st.size + 1, 64 * 1024)));
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) throw new UnsafeFileError(file, `${what}is over the limit of ${max} bytes`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** readRegularFile as UTF-8 text; undefined when the file does not exist. */
export function readTextIfExists(file: string, opts: ReadOptions = {}): string | undefined {
  try {
    return readRegularFile(file, opts).toString('utf8');
  } catch (e) {
    if ((e as { errno?: string }).errno === 'ENOENT' || (e as { errno?: string }).errno === 'ENOTDIR') return undefined;
    throw e;
  }
}

// ---- writing ----

/** Folders whose contents the scanned repository controls (registered by the scanning commands). */
const guarded = new Set<string>();

/** Marks a tree as untrusted: no write below it may pass through a symbolic link inside it. */
export function guardTree(root: string): void {
  guarded.add(resolve(root));
}

/** Trees registered with guardTree (for tests and for messages). */
export function guardedTrees(): string[] {
  return [...guarded];
}

function inside(root: string, p: string): string | undefined {
  const rel = relative(root, p);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return undefined;
  return rel;
}

/** Throws when a folder between a guarded tree's root and `dir` (inclusive) is a symbolic link. */
function checkParents(file: string, dir: string): void {
  for (const root of guarded) {
    const rel = inside(root, dir) ?? (resolve(dir) === root ? '' : undefined);
    if (rel === undefined) continue;
    let cur = root;
    for (const part of rel.split(sep).filter(Boolean)) {
      cur = join(cur, part);
      let st;
      try {
        st = lstatSync(cur);
      } catch {
        break; // missing: created below by us, not by the repository
      }
      if (st.isSymbolicLink()) throw new UnsafeFileError(file, `refusing to write through the symbolic link ${cur} inside the scanned tree ${root}`);
      if (!st.isDirectory()) throw new UnsafeFileError(file, `${cur} is not a folder`);
    }
  }
}

/** The final path component must be absent or a regular file, never a special file; a link only when `replaceLink`. */
function checkTarget(file: string, replaceLink = false): boolean {
  let st;
  try {
    st = lstatSync(file);
  } catch (e) {
    if (code(e) === 'ENOENT') return false;
    throw new UnsafeFileError(file, `cannot write (${code(e)})`);
  }
  if (st.isSymbolicLink()) {
    if (replaceLink) return true;
    throw new UnsafeFileError(file, 'refusing to write through a symbolic link');
  }
  if (!st.isFile()) throw new UnsafeFileError(file, 'refusing to write: not a regular file');
  return true;
}

/** Creates a folder (and missing parents) after checking that no guarded parent is a symbolic link. */
export function ensureDir(dir: string, mode = 0o755): void {
  const abs = resolve(dir);
  checkParents(abs, abs);
  try {
    mkdirSync(abs, { recursive: true, mode });
  } catch (e) {
    throw new UnsafeFileError(abs, `cannot create folder (${code(e)})`);
  }
  checkParents(abs, abs);
}

export interface WriteOptions {
  /** Permission bits of a new file (default 0o644, less the umask). */
  mode?: number;
  /** Create missing parent folders (with this mode). */
  mkdir?: number;
  /**
   * Replace a symbolic link at the target by the new file (for keyhound's own caches and state, where a
   * link can only be someone else's plant) instead of refusing; it is never written through either way.
   */
  replaceLink?: boolean;
}

/**
 * Replaces a file's content atomically: a fresh temp file beside it (O_CREAT|O_EXCL|O_NOFOLLOW, so
 * nothing planted can be written through), then rename over the target. The target itself must be
 * absent or a regular file; a symbolic link or a device is refused before anything is written.
 */
export function writeFileSafe(file: string, data: string | Buffer, opts: WriteOptions = {}): void {
  const abs = resolve(file);
  const dir = dirname(abs);
  if (opts.mkdir !== undefined) ensureDir(dir, opts.mkdir);
  checkParents(abs, dir);
  checkTarget(abs, opts.replaceLink);
  const tmp = join(dir, `.${basename(abs)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, opts.mode ?? 0o644);
  } catch (e) {
    throw new UnsafeFileError(abs, `cannot write (${code(e)})`);
  }
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd); // a journal entry must be on disk before the request it announces leaves
    closeSync(fd);
    fd = -1;
    checkTarget(abs, opts.replaceLink); // a link planted while we wrote is replaced by rename, never followed
    renameSync(tmp, abs);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    if (e instanceof UnsafeFileError) throw e;
    throw new UnsafeFileError(abs, `cannot write (${code(e)})`);
  }
}

/**
 * Appends to a file opened with O_NOFOLLOW|O_APPEND (created when missing): a symbolic link at the
 * final component fails to open, a special file is refused by fstat before writing.
 */
export function appendFileSafe(file: string, data: string | Buffer, opts: WriteOptions = {}): void {
  const abs = resolve(file);
  const dir = dirname(abs);
  if (opts.mkdir !== undefined) ensureDir(dir, opts.mkdir);
  checkParents(abs, dir);
  let fd: number;
  try {
    fd = openSync(abs, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | O_NOFOLLOW | O_NONBLOCK, opts.mode ?? 0o644);
  } catch (e) {
    const c = code(e);
    throw new UnsafeFileError(abs, c === 'ELOOP' ? 'refusing to write through a symbolic link' : `cannot write (${c})`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UnsafeFileError(abs, 'refusing to write: not a regular file');
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  } catch (e) {
    if (e instanceof UnsafeFileError) throw e;
    throw new UnsafeFileError(abs, `cannot write (${code(e)})`);
  } finally {
    closeSync(fd);
  }
}
