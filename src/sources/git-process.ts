// Child processes for git: bounded (timeouts, killed on error or when the caller stops), never
// prompting, never fetching. Byte streams (log, cat-file) go through here; repository questions
// go through simple-git (git-repo.ts) except on the staged path, which must start fast.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { UsageError } from '../core/errors.js';

/** A git invocation failed in a way the user must hear about (not a repository, unknown ref …): exit code 2. */
export class GitError extends UsageError {
  constructor(message: string, readonly stderr = '') {
    super(message);
    this.name = 'GitError';
  }
}

export class NotARepositoryError extends GitError {
  constructor(readonly path: string) {
    super(`not a git repository: ${path} (run it inside a clone, or pass the repository folder)`);
    this.name = 'NotARepositoryError';
  }
}

/**
 * Configuration that neutralises everything a repository's own config (or one planted in a hostile
 * clone) could make git run or fetch: fsmonitor hooks, hooks, pagers, external diff and text
 * conversion, credential helpers and askpass, ssh and proxy commands, signature programs. Every git
 * process keyhound starts, simple-git's included, gets it.
 */
export const HARDENED_GIT_CONFIG = [
  'core.fsmonitor=false',
  'core.pager=cat',
  'pager.log=false',
  'pager.diff=false',
  'diff.external=',
  'diff.noprefix=false',
  'core.sshCommand=false',
  'core.gitProxy=',
  'core.askPass=',
  'credential.helper=',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'log.showSignature=false',
  'core.untrackedCache=false',
  'protocol.allow=never',
  'protocol.ext.allow=never',
  'core.alternateRefsCommand=',
  'submodule.recurse=false',
];

/** Read-only scans never touch the network: no lazy fetch in partial clones, no credential prompt. */
export const GIT_READ_CONFIG = [
  ...HARDENED_GIT_CONFIG.flatMap((c) => ['-c', c]),
  '-c', 'core.quotePath=false',
  '-c', 'color.ui=false',
];

/** Environment for git children: the caller's (GIT_DIR / GIT_INDEX_FILE of a running hook are honoured) plus safety. */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_LAZY_FETCH: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GCM_INTERACTIVE: 'never',
    LC_ALL: process.env.LC_ALL ?? 'C',
    ...extra,
  };
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Kill after this many milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Kill when stdout grows past this (default 256 MiB). */
  maxBytes?: number;
  input?: string | Buffer;
  /** Extra environment (per-command configuration through GIT_CONFIG_COUNT …). */
  env?: NodeJS.ProcessEnv;
}

/** Runs git to completion with a time and size bound; never throws for a non-zero exit (see `code`). */
export function runGit(args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn('git', [...GIT_READ_CONFIG, ...args], { cwd: opts.cwd, env: gitEnv(opts.env), stdio: 'pipe' });
    } catch (e) {
      reject(new GitError(`cannot run git: ${(e as Error).message}`));
      return;
    }
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    let killedFor: string | null = null;
    const limit = opts.maxBytes ?? 256 * 1024 * 1024;
    const timer = setTimeout(() => {
      killedFor = `timed out after ${opts.timeoutMs ?? 60_000} ms`;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.stdout.on('data', (d: Buffer) => {
      size += d.length;
      if (size > limit) {
        killedFor = `output over ${limit} bytes`;
        child.kill('SIGKILL');
        return;
      }
      out.push(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 64 * 1024) err += d.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new GitError(e.code === 'ENOENT' ? 'git is not installed or not on PATH' : `cannot run git: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (killedFor) reject(new GitError(`git ${args[0]} ${killedFor}`, err));
      else resolve({ code, stdout: Buffer.concat(out), stderr: err });
    });
    child.stdin.on('error', () => {
      /* git exited before reading all input: its exit code tells */
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs git and returns stdout as text; a non-zero exit throws GitError with git's message. */
export async function gitText(args: string[], opts: RunOptions): Promise<string> {
  const r = await runGit(args, opts);
  if (r.code !== 0) throw new GitError(firstLine(r.stderr) || `git ${args[0]} exited with ${r.code}`, r.stderr);
  return r.stdout.toString('utf8');
}

export function firstLine(s: string): string {
  return s.split('\n').map((l) => l.replace(/^(fatal|error): /, '').trim()).find((l) => l.length > 0) ?? '';
}

/**
 * A long-running git process whose stdout is read as a stream. `kill()` is idempotent and is called
 * by every consumer in a finally block; an idle watchdog kills it when it produces nothing for
 * `idleMs` while the consumer waits (a stuck git must not hang a scan).
 */
export class GitStream {
  readonly child: ChildProcessWithoutNullStreams;
  private stderrText = '';
  private exited: Promise<number | null>;
  private done = false;
  private inputEnded = false;

  constructor(args: string[], cwd: string, readonly idleMs = Number(process.env.KEYHOUND_GIT_IDLE_MS ?? 300_000)) {
    this.child = spawn('git', [...GIT_READ_CONFIG, ...args], { cwd, env: gitEnv(), stdio: 'pipe' });
    this.child.stderr.on('data', (d: Buffer) => {
      if (this.stderrText.length < 64 * 1024) this.stderrText += d.toString();
    });
    this.child.stdin.on('error', () => {
      /* git exited early: reported through its exit code and stderr */
    });
    this.exited = new Promise((resolve) => {
      this.child.on('error', (e) => {
        this.stderrText += `cannot run git: ${e.message}\n`;
        resolve(-1);
      });
      this.child.on('close', (code) => {
        this.done = true;
        resolve(code);
      });
    });
  }

  get stderr(): string {
    return this.stderrText;
  }

  /**
   * Stdout chunks, with the idle watchdog armed while waiting for each — once our input has ended
   * (before that, a quiet git may simply be waiting for requests we have not sent yet).
   */
  async *read(): AsyncGenerator<Buffer> {
    const it = this.child.stdout[Symbol.asyncIterator]();
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<'idle'>((resolve) => {
        const arm = () => {
          timer = setTimeout(() => (this.inputEnded ? resolve('idle') : arm()), this.idleMs);
        };
        arm();
      });
      const next = await Promise.race([it.next(), idle]);
      clearTimeout(timer);
      if (next === 'idle') {
        this.stderrText += `keyhound: git produced nothing for ${Math.round(this.idleMs / 1000)} s and was stopped\n`;
        this.kill();
        return;
      }
      if (next.done) return;
      yield next.value as Buffer;
    }
  }

  write(text: string): void {
    if (!this.child.stdin.destroyed && this.child.stdin.writable) this.child.stdin.write(text);
  }

  endInput(): void {
    this.inputEnded = true;
    if (!this.child.stdin.destroyed) this.child.stdin.end();
  }

  /** Exit code once the process has ended (after stdout was read to its end). */
  wait(): Promise<number | null> {
    return this.exited;
  }

  kill(): void {
    if (this.done) return;
    this.done = true;
    this.child.stdin.destroy();
    this.child.stdout.destroy();
    this.child.kill('SIGKILL');
  }
}

/**
 * Splits bytes on NUL into tokens (`-z` output) chunk by chunk, keeping a token cut across chunk borders.
 * Tokens are Buffers so paths that are not valid UTF-8 survive until the caller decodes them.
 */
export class NulSplitter {
  private rest: Buffer | null = null;

  /** The tokens completed by this chunk. */
  push(chunk: Buffer): Buffer[] {
    const buf: Buffer = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    const out: Buffer[] = [];
    let start = 0;
    for (;;) {
      const nul = buf.indexOf(0, start);
      if (nul < 0) break;
      out.push(buf.subarray(start, nul));
      start = nul + 1;
    }
    this.rest = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
    return out;
  }

  /** The last token when the stream did not end with NUL. */
  end(): Buffer | null {
    const r = this.rest;
    this.rest = null;
    return r && r.length > 0 ? r : null;
  }
}

/** nulTokens as an async stream of single tokens. */
export async function* nulTokens(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const split = new NulSplitter();
  for await (const chunk of chunks) yield* split.push(chunk);
  const last = split.end();
  if (last) yield last;
}
