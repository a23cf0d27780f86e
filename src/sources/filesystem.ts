import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { isSkippedPath } from '../engine/skip-paths.js';
import { GitignoreFilter } from './gitignore-filter.js';
import { namedLikeSecret } from './secret-file-names.js';
import { asText, type Source, type SourceChunk, type SourceEvents } from './types.js';

export interface FilesystemOptions {
  /** Files or folders to scan. */
  paths: string[];
  /** Paths in findings are relative to this folder. */
  root: string;
  gitignore: boolean;
  /** Scan git-ignored files named like secrets (.env, *.pem …) anyway (default true). */
  ignoredSecretFiles?: boolean;
  followSymlinks: boolean;
  maxFileSize: number;
  /** Extra gitignore-syntax exclusions (config, .keyhoundignore), relative to root. */
  isExcluded?: (rel: string) => boolean;
}

const ALWAYS_PRUNE = ['**/.git/**', '**/.hg/**', '**/.svn/**'];

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Walks folders with fast-glob (honouring .gitignore), reads files with bounded concurrency. */
export class FilesystemSource implements Source {
  constructor(private readonly opts: FilesystemOptions) {}

  /** Yields file references; the scanner reads them (in worker threads for large scans). */
  async *chunks(events: SourceEvents): AsyncIterable<SourceChunk> {
    const root = resolve(this.opts.root);
    const rel = (abs: string) => toPosix(relative(root, abs)) || basename(abs);
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
      if (!st.isDirectory()) {
        if (isSkippedPath(abs)) events.skipped('lockfile', rel(abs));
        else yield { path: rel(abs), file: abs };
        continue;
      }
      for await (const file of this.walk(abs, events)) yield { path: rel(file), file };
    }
  }

  /** Streams the walk so workers start on the first files while fast-glob is still reading folders. */
  private async *walk(dir: string, events: SourceEvents): AsyncIterable<string> {
    const root = resolve(this.opts.root);
    const filter = this.opts.gitignore ? await GitignoreFilter.load(dir, ALWAYS_PRUNE) : null;
    for (const w of filter?.warnings ?? []) events.warn(w);
    const stream = fg.stream('**/*', {
      cwd: dir,
      dot: true,
      // folders too: they are where .gitignore-pruned entries are looked for after the walk
      onlyFiles: !this.opts.gitignore,
      objectMode: true,
      followSymbolicLinks: this.opts.followSymlinks,
      // symlink cycles would otherwise recurse until paths get too long
      deep: this.opts.followSymlinks ? 40 : Infinity,
      ignore: filter ? filter.pruneGlobs : ALWAYS_PRUNE,
      suppressErrors: true,
      // one pattern yields each path once; `unique` would keep a set of every path (~2% of the main thread)
      unique: false,
    }) as AsyncIterable<{ path: string; dirent: Dirent }>;
    // what .gitignore prunes from the walk, listed without entering folders: named in the summary, and
    // files named like secrets scanned anyway
    const visited: string[] = [''];
    const seenIgnored = new Set<string>();
    const seenReal = new Set<string>();
    for await (const e of stream) {
      if (e.dirent.isDirectory()) {
        visited.push(e.path);
        continue;
      }
      const abs = resolve(dir, e.path);
      const relRoot = toPosix(relative(root, abs));
      if (this.opts.isExcluded?.(relRoot)) {
        events.skipped('ignored', relRoot);
        continue;
      }
      if (filter?.ignores(e.path)) {
        seenIgnored.add(e.path);
        if (!this.scanIgnored(e.path, relRoot, events)) continue;
      }
      if (isSkippedPath(e.path)) {
        events.skipped('lockfile', relRoot);
        continue;
      }
      if (e.dirent.isSymbolicLink()) {
        if (!this.opts.followSymlinks) continue;
        // a link loop or two links to one file: read each real file once
        const real = await realpath(abs).catch(() => null);
        if (!real || seenReal.has(real)) continue;
        seenReal.add(real);
      }
      yield abs;
    }
    for (const p of filter ? await prunedEntries(dir, visited, filter, seenIgnored) : []) {
      const abs = resolve(dir, p);
      const relRoot = toPosix(relative(root, abs)) + (p.endsWith('/') ? '/' : '');
      if (p.endsWith('/') || this.opts.isExcluded?.(relRoot)) events.skipped('ignored', relRoot);
      else if (this.scanIgnored(p, relRoot, events) && !isSkippedPath(p)) yield abs;
    }
  }

  /** A git-ignored file: scanned when named like a secret (unless turned off), else counted and named. */
  private scanIgnored(path: string, relRoot: string, events: SourceEvents): boolean {
    if (this.opts.ignoredSecretFiles === false || !namedLikeSecret(path)) {
      events.skipped('ignored', relRoot);
      return false;
    }
    events.ignoredScanned?.(relRoot);
    return true;
  }
}

/**
 * Files and folders (ending in `/`) of the walked folders that .gitignore pruned from the walk, found by
 * reading each walked folder once more (never entering an ignored one); never .git and the like.
 */
async function prunedEntries(dir: string, visited: string[], filter: GitignoreFilter, seen: Set<string>): Promise<string[]> {
  const out: string[] = [];
  const walked = new Set(visited);
  for (const d of visited) {
    const entries = await readdir(resolve(dir, d), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const rel = d ? `${d}/${e.name}` : e.name;
      if (e.name === '.git' || e.name === '.hg' || e.name === '.svn') continue;
      if (e.isDirectory()) {
        if (!walked.has(rel) && filter.ignores(`${rel}/`)) out.push(`${rel}/`);
      } else if (e.isFile() && !seen.has(rel) && filter.ignores(rel)) {
        out.push(rel);
      }
    }
  }
  return out.sort();
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
    const data = asText(Buffer.concat(parts));
    if (!data) {
      events.skipped('binary', '-');
      return;
    }
    yield { path: '-', data };
  }
}
