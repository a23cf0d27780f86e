// What `git commit` would record: the staged blobs (not the working files), with the lines the
// index adds over HEAD. Built for pre-commit hooks: plain child processes only (simple-git costs
// ~30 ms to load), and `GIT_INDEX_FILE` of a running hook is honoured through the environment.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { isSkippedPath } from '../engine/skip-paths.js';
import { CatFileBatch, readObjectsUpTo } from './git-cat-file.js';
import { addedLines } from './git-diff-lines.js';
import { isFileMode, isNullSha } from './git-log.js';
import { GitError, NotARepositoryError, firstLine, runGit } from './git-process.js';
import { readRegularFile } from '../util/safe-fs.js';
import { asText, type Source, type SourceChunk, type SourceEvents } from './types.js';

export interface StagedEntry {
  path: string;
  oldMode: string;
  newMode: string;
  oldSha: string;
  newSha: string;
  status: string;
}

/**
 * `cwd` itself when it is plainly a work tree's top, where git runs hooks: a `.git` there, no GIT_DIR or
 * GIT_WORK_TREE, no core.worktree moving the tree elsewhere. Saves a git process on the pre-commit path;
 * anything less plain is left to rev-parse.
 */
function plainTop(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.GIT_DIR || env.GIT_WORK_TREE) return undefined;
  try {
    const dotGit = join(cwd, '.git');
    const st = lstatSync(dotGit);
    if (st.isFile()) return cwd; // a linked work tree or a submodule: its top holds the .git file
    if (!st.isDirectory()) return undefined;
    const config = readRegularFile(join(dotGit, 'config'), { maxBytes: 1 << 20 }).toString('latin1');
    // core.worktree, core.bare, per-worktree config and includes can move or remove the tree
    return /^\s*(worktree\b|worktreeconfig\b|bare\s*=\s*true\b|\[include)/im.test(config) ? undefined : cwd;
  } catch {
    return undefined;
  }
}

/** Work tree top of the repository around `cwd`; NotARepositoryError outside one, GitError in a bare one. */
export async function worktreeRoot(cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const plain = plainTop(cwd, env);
  if (plain !== undefined) return plain;
  const r = await runGit(['rev-parse', '--is-inside-work-tree', '--show-toplevel'], { cwd, timeoutMs: 30_000 });
  if (r.code !== 0) {
    if (/not a git repository/i.test(r.stderr)) throw new NotARepositoryError(cwd);
    throw new GitError(firstLine(r.stderr) || `git rev-parse exited with ${r.code}`);
  }
  const [inside, top] = r.stdout.toString('utf8').trim().split('\n');
  if (inside !== 'true' || !top) throw new GitError('staged needs a work tree (this is a bare repository or a .git folder)');
  return top;
}

/** `git diff --cached --raw -z` parsed: index against HEAD (against the empty tree when HEAD is unborn). */
export async function stagedEntries(root: string): Promise<StagedEntry[]> {
  const r = await runGit(
    ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff', '--no-textconv', '--ignore-submodules=all', '--diff-filter=ACMT'],
    { cwd: root, timeoutMs: 60_000 },
  );
  if (r.code !== 0) throw new GitError(firstLine(r.stderr) || `git diff --cached exited with ${r.code}`);
  const out: StagedEntry[] = [];
  const buf = r.stdout;
  let start = 0;
  let meta: string | null = null;
  for (;;) {
    const nul = buf.indexOf(0, start);
    if (nul < 0) break;
    const tok = buf.subarray(start, nul);
    start = nul + 1;
    if (meta === null) {
      meta = tok.toString('latin1');
      continue;
    }
    const [oldMode, newMode, oldSha, newSha, status] = meta.replace(/^:/, '').split(' ') as [string, string, string, string, string];
    meta = null;
    out.push({ path: tok.toString('utf8'), oldMode, newMode, oldSha, newSha, status });
  }
  return out;
}

/**
 * The one cat-file process a staged scan needs (it sizes and reads), started ahead of need so that
 * git's start-up overlaps other work (loading rules and the engine). Any folder inside the repository
 * will do. Used up by GitStagedSource; kill() when it never runs (idempotent).
 */
export class StagedReaders {
  readonly batch: CatFileBatch;

  constructor(cwd: string) {
    this.batch = new CatFileBatch(cwd);
  }

  kill(): void {
    this.batch.kill();
  }
}

export interface GitStagedOptions {
  root: string;
  maxFileSize: number;
  isExcluded?: (path: string) => boolean;
  /** Entries already read with stagedEntries (saves one git call). */
  entries?: StagedEntry[];
  /** cat-file processes already started (see StagedReaders). */
  readers?: StagedReaders;
}

/** Staged text of every added or modified regular file, with `lines` = the lines it adds. */
export class GitStagedSource implements Source {
  constructor(private readonly opts: GitStagedOptions) {}

  async *chunks(events: SourceEvents): AsyncIterable<SourceChunk> {
    try {
      yield* this.staged(events);
    } finally {
      this.opts.readers?.kill();
    }
  }

  private async *staged(events: SourceEvents): AsyncIterable<SourceChunk> {
    const { root, maxFileSize, readers } = this.opts;
    const entries = (this.opts.entries ?? (await stagedEntries(root))).filter((e) => {
      if (!isFileMode(e.newMode) || isNullSha(e.newSha)) return false; // symlinks, submodules, intent-to-add
      if (isSkippedPath(e.path) || this.opts.isExcluded?.(e.path)) {
        events.skipped('ignored', e.path);
        return false;
      }
      return true;
    });
    if (entries.length === 0) return;
    const olds = entries.filter((e) => isFileMode(e.oldMode) && !isNullSha(e.oldSha)).map((e) => e.oldSha);
    // objects over the size limit are answered without their bytes: never held in memory
    const data = await readObjectsUpTo(root, [...new Set([...entries.map((e) => e.newSha), ...olds])], maxFileSize, readers?.batch);
    for (const e of entries) {
      const obj = data.get(e.newSha);
      if (!obj || obj.missing) {
        events.warn(`cannot read the staged ${e.path}: object ${e.newSha.slice(0, 10)} is missing`);
        events.skipped('unreadable', e.path);
        continue;
      }
      if (!obj.data) {
        events.warn(`skipped ${e.path}: ${obj.size} bytes is over --max-file-size ${maxFileSize}`);
        events.skipped('tooLarge', e.path);
        continue;
      }
      const next = asText(obj.data);
      if (!next) {
        events.skipped('binary', e.path);
        continue;
      }
      const oldObj = isFileMode(e.oldMode) && !isNullSha(e.oldSha) ? data.get(e.oldSha) : undefined;
      const old = oldObj && !oldObj.missing ? oldObj.data : null;
      const prev = old ? (asText(old) ?? old) : null;
      const lines = addedLines(prev, next);
      if (lines.size === 0) continue;
      yield { path: e.path, data: next, lines };
    }
  }
}
