// Repository questions (is it a repository, where is its root, is it shallow or partial, what is
// HEAD, does a ref exist) through simple-git. Byte streams go through git-process.ts instead.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError, HARDENED_GIT_CONFIG, NotARepositoryError } from './git-process.js';

export { NotARepositoryError };

export interface RepoInfo {
  /** Worktree top folder; the git folder itself for a bare repository. Paths in findings are relative to it. */
  root: string;
  gitDir: string;
  bare: boolean;
  /** Commits at which a shallow clone's history is cut (0 when complete). */
  shallowCommits: number;
  /** Commit HEAD points at, null when unborn (a new repository, an orphan branch). */
  head: string | null;
  /** refs/heads/… HEAD is attached to, null when detached. */
  headRef: string | null;
  /** A partial clone: objects may be missing on purpose and must never be fetched by a scan. */
  partial: boolean;
}

/**
 * simple-git drops every ambient GIT_* variable unless allowed; keep the ones that say which
 * repository and which configuration, so its answers match the streams (git-process.ts) exactly.
 */
const REPO_ENV = [
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_NAMESPACE',
];

function client(dir: string): SimpleGit {
  // simple-git refuses these keys by default; we set them only to their harmless values (and pass
  // nothing else from outside), so allow exactly the categories the hardening list touches
  const unsafe = {
    allowUnsafeFsMonitor: true, allowUnsafePager: true, allowUnsafeDiffExternal: true,
    allowUnsafeSshCommand: true, allowUnsafeGitProxy: true, allowUnsafeAskPass: true, allowUnsafeCredentialHelper: true,
    allowUnsafeGpgProgram: true, allowUnsafeProtocolOverride: true, allowUnsafeCommandBinaries: true, allowUnsafeSubmodule: true,
  };
  return simpleGit({ baseDir: dir, timeout: { block: 60_000 }, maxConcurrentProcesses: 6, allowEnvironment: REPO_ENV, config: HARDENED_GIT_CONFIG, unsafe });
}

async function quiet(p: Promise<string>): Promise<string | null> {
  try {
    const s = (await p).trim();
    return s.length > 0 ? s : null;
  } catch {
    return null;
  }
}

/** Describes the repository at `path`; NotARepositoryError when it is not one. */
export async function openRepo(path: string): Promise<RepoInfo> {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new NotARepositoryError(path);
  const git = client(dir);
  // one round of git processes, not three: every question at once (each process costs a few ms to start)
  const where = git.revparse(['--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository']);
  where.catch(() => undefined);
  const [top, head, headRef, partialConfig] = await Promise.all([
    quiet(git.revparse(['--show-toplevel'])),
    quiet(git.raw(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])),
    quiet(git.raw(['symbolic-ref', '-q', 'HEAD'])),
    quiet(git.raw(['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'])),
  ]);
  let lines: string[];
  try {
    lines = (await where).trim().split('\n');
  } catch (e) {
    const msg = (e as Error).message;
    if (/not a git repository/i.test(msg)) throw new NotARepositoryError(path);
    throw new GitError(msg.split('\n')[0]!.replace(/^fatal: /, ''));
  }
  const [gitDir = '', bare, shallow] = lines.map((l) => l.trim());
  const partialExt = (partialConfig ?? '').split('\n').some((l) => /^extensions\.partialclone \S/i.test(l.trim()));
  const promisor = (partialConfig ?? '')
    .split('\n')
    .filter((l) => /^remote\..*\.promisor /i.test(l.trim()))
    .join('\n');
  const isBare = bare === 'true';
  const root = isBare ? gitDir : (top ?? dir);
  let shallowCommits = 0;
  if (shallow === 'true') {
    const file = (await quiet(git.raw(['rev-parse', '--git-path', 'shallow']))) ?? 'shallow';
    try {
      shallowCommits = readFileSync(resolve(dir, file), 'utf8').split('\n').filter((l) => l.trim()).length || 1;
    } catch {
      shallowCommits = 1;
    }
  }
  return {
    root,
    gitDir,
    bare: isBare,
    shallowCommits,
    head,
    headRef,
    partial: partialExt || promisor.split('\n').some((l) => / true$/i.test(l.trim())),
  };
}

/** Full id of the commit `rev` names, or null when it is not in this clone. */
export async function resolveCommit(repo: RepoInfo, rev: string): Promise<string | null> {
  if (rev.startsWith('-')) return null;
  const out = await quiet(client(repo.root).raw(['rev-parse', '--verify', '-q', '--end-of-options', `${rev}^{commit}`]));
  return out && /^[0-9a-f]{40,64}$/.test(out) ? out : null;
}
