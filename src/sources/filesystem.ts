// Files and folders as a source (gitignore-aware walk, links not followed, secret-named files kept), and standard input.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { isSkippedPath } from '../engine/skip-paths.js';
import { gitignores, loadGitignore, type IgnoreRules } from './gitignore-filter.js';
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

/** Version-control folders: never walked, never listed. */
const VCS_DIRS = new Set(['.git', '.hg', '.svn']);
/** Followed symbolic links nest at most this deep (a bound besides the loop check). */
const MAX_LINK_DEPTH = 40;

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** A folder still to read: absolute path, path relative to the walked folder, .gitignore chain. */
interface Pending {
  abs: string;
  rel: string;
  chain: IgnoreRules[];
  depth: number;
}

/** Walks folders (honouring .gitignore), yielding files for the scanner to read. */
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
      const prefix = toPosix(relative(root, abs));
      for (const file of this.walk(abs, events)) yield { path: prefix ? `${prefix}/${file.rel}` : file.rel, file: file.abs };
    }
  }

  /**
   * Depth-first over one folder, each folder read once (readdir with file types: no stat per entry), in
   * name order. Folders .gitignore ignores are never entered: they are named in the summary, and files
   * directly in a walked folder that it ignores are scanned when named like secrets. Symbolic links are
   * skipped unless followed; followed, each real folder and each linked file is read once.
   */
  private *walk(dir: string, events: SourceEvents): Generator<{ abs: string; rel: string }> {
    const root = resolve(this.opts.root);
    const prefix = toPosix(relative(root, dir));
    const relRoot = (r: string) => (prefix ? `${prefix}/${r}` : r);
    const follow = this.opts.followSymlinks;
    const seenDirs = new Set<string>();
    const seenFiles = new Set<string>();
    if (follow) seenDirs.add(safeRealpath(dir) ?? dir);
    const stack: Pending[] = [{ abs: dir, rel: '', chain: [], depth: 0 }];
    while (stack.length > 0) {
      const d = stack.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(d.abs, { withFileTypes: true });
      } catch {
        continue; // gone or unreadable since it was listed
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      let chain = d.chain;
      if (this.opts.gitignore && entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
        const own = loadGitignore(dir, d.rel, (m) => events.warn(m));
        if (own) chain = [...chain, own];
      }
      const subdirs: Pending[] = [];
      for (const e of entries) {
        const name = e.name;
        const rel = d.rel ? `${d.rel}/${name}` : name;
        const abs = join(d.abs, name);
        let isDir = e.isDirectory();
        if (e.isSymbolicLink()) {
          if (!follow) continue;
          const real = safeRealpath(abs);
          if (!real) continue;
          let st;
          try {
            st = statSync(real);
          } catch {
            continue;
          }
          isDir = st.isDirectory();
          // a link loop or two links to one file or folder: read each once
          const seen = isDir ? seenDirs : seenFiles;
          if (seen.has(real) || (isDir && d.depth >= MAX_LINK_DEPTH)) continue;
          seen.add(real);
        } else if (isDir && follow) {
          const real = safeRealpath(abs);
          if (!real || seenDirs.has(real)) continue;
          seenDirs.add(real);
        }
        if (isDir) {
          if (VCS_DIRS.has(name)) continue;
          if (gitignores(chain, `${rel}/`)) events.skipped('ignored', `${relRoot(rel)}/`);
          else subdirs.push({ abs, rel, chain, depth: d.depth + 1 });
          continue;
        }
        const r = relRoot(rel);
        if (this.opts.isExcluded?.(r)) {
          events.skipped('ignored', r);
          continue;
        }
        if (gitignores(chain, rel) && !this.scanIgnored(rel, r, events)) continue;
        if (isSkippedPath(name)) {
          events.skipped('lockfile', r);
          continue;
        }
        yield { abs, rel };
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
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

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
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
    const data = asText(Buffer.concat(parts));
    if (!data) {
      events.skipped('binary', '-');
      return;
    }
    yield { path: '-', data };
  }
}
