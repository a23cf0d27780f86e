import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import pLimit from 'p-limit';
import { GitignoreFilter } from './gitignore-filter.js';
import { looksBinary, type Source, type SourceChunk, type SourceEvents } from './types.js';

export interface FilesystemOptions {
  /** Files or folders to scan. */
  paths: string[];
  /** Paths in findings are relative to this folder. */
  root: string;
  gitignore: boolean;
  followSymlinks: boolean;
  maxFileSize: number;
  /** Extra gitignore-syntax exclusions (config, .keyhoundignore), relative to root. */
  isExcluded?: (rel: string) => boolean;
  /** Open files at once. */
  concurrency?: number;
}

const ALWAYS_PRUNE = ['**/.git/**', '**/.hg/**', '**/.svn/**'];

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Walks folders with fast-glob (honouring .gitignore), reads files with bounded concurrency. */
export class FilesystemSource implements Source {
  constructor(private readonly opts: FilesystemOptions) {}

  async *chunks(events: SourceEvents): AsyncIterable<SourceChunk> {
    const root = resolve(this.opts.root);
    const files: string[] = [];
    for (const p of this.opts.paths) {
      const abs = resolve(p);
      let st;
      try {
        st = await stat(abs);
      } catch (e) {
        events.warn(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        events.skipped('unreadable', p);
        continue;
      }
      if (st.isDirectory()) files.push(...(await this.walk(abs, events)));
      else files.push(abs);
    }
    const limit = pLimit(this.opts.concurrency ?? 16);
    const rel = (abs: string) => toPosix(relative(root, abs)) || basename(abs);
    // Reads run ahead of the consumer, bounded by the limit and by a window of pending reads.
    const window = 64;
    const pending: Promise<SourceChunk | null>[] = [];
    let next = 0;
    const start = () => {
      while (pending.length < window && next < files.length) {
        const abs = files[next++]!;
        pending.push(limit(() => this.read(abs, rel(abs), events)));
      }
    };
    start();
    while (pending.length > 0) {
      const chunk = await pending.shift()!;
      start();
      if (chunk) yield chunk;
    }
  }

  private async read(abs: string, path: string, events: SourceEvents): Promise<SourceChunk | null> {
    try {
      const st = await stat(abs);
      if (!st.isFile()) {
        // FIFOs, sockets and devices would block or never end
        events.warn(`skipped ${path}: not a regular file`);
        events.skipped('unreadable', path);
        return null;
      }
      if (st.size > this.opts.maxFileSize) {
        events.warn(`skipped ${path}: ${st.size} bytes is over --max-file-size ${this.opts.maxFileSize}`);
        events.skipped('tooLarge', path);
        return null;
      }
      const data = await readFile(abs);
      if (looksBinary(data)) {
        events.skipped('binary', path);
        return null;
      }
      return { path, data };
    } catch (e) {
      events.warn(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      events.skipped('unreadable', path);
      return null;
    }
  }

  private async walk(dir: string, events: SourceEvents): Promise<string[]> {
    const root = resolve(this.opts.root);
    const filter = this.opts.gitignore ? await GitignoreFilter.load(dir, ALWAYS_PRUNE) : null;
    const entries = await fg('**/*', {
      cwd: dir,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: this.opts.followSymlinks,
      ignore: filter ? filter.pruneGlobs : ALWAYS_PRUNE,
      suppressErrors: true,
      unique: true,
    });
    const out: string[] = [];
    const seenReal = new Set<string>();
    for (const e of entries.sort()) {
      const abs = resolve(dir, e);
      const relRoot = toPosix(relative(root, abs));
      if (filter?.ignores(e) || this.opts.isExcluded?.(relRoot)) {
        events.skipped('ignored', relRoot);
        continue;
      }
      if (!this.opts.followSymlinks) {
        const l = await lstat(abs).catch(() => null);
        if (!l || l.isSymbolicLink()) continue;
      } else {
        // a link loop or two links to one file: read each real file once
        const real = await realpath(abs).catch(() => null);
        if (!real || seenReal.has(real)) continue;
        seenReal.add(real);
      }
      out.push(abs);
    }
    return out;
  }
}

/** Standard input as one chunk named `-`. */
export class StdinSource implements Source {
  constructor(private readonly maxSize: number, private readonly stream: NodeJS.ReadableStream = process.stdin) {}

  async *chunks(events: SourceEvents): AsyncIterable<SourceChunk> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const part of this.stream) {
      const b = typeof part === 'string' ? Buffer.from(part) : (part as Buffer);
      size += b.length;
      if (size > this.maxSize) {
        events.warn(`standard input is over --max-file-size ${this.maxSize}; scanned the first ${this.maxSize} bytes`);
        parts.push(b.subarray(0, b.length - (size - this.maxSize)));
        break;
      }
      parts.push(b);
    }
    const data = Buffer.concat(parts);
    if (looksBinary(data)) {
      events.skipped('binary', '-');
      return;
    }
    yield { path: '-', data };
  }
}
