// One long-lived `git cat-file --batch-check` (sizes, missing objects) and one `git cat-file --batch`
// (contents) per scan. Requests are written as they are known; answers come back in request order.
import { GitStream } from './git-process.js';

export type ObjectInfo =
  | { sha: string; missing: false; type: string; size: number }
  | { sha: string; missing: true };

export type ObjectData =
  | { sha: string; missing: false; type: string; size: number; data: Buffer }
  /** Over the batch's `maxSize`: its bytes went past unkept. */
  | { sha: string; missing: false; type: string; size: number; data: null }
  | { sha: string; missing: true };

abstract class CatFile<T> {
  protected readonly git: GitStream;
  private requested = 0;
  private answered = 0;
  private ended = false;
  /** Requests not yet written: one write per turn of the event loop, not one per object. */
  private queued: string[] = [];

  constructor(mode: '--batch' | '--batch-check', cwd: string) {
    // sizes are answered one by one as the log names blobs (no --buffer: each answer is flushed at
    // once); contents are large enough that buffering costs no latency
    this.git = new GitStream(['cat-file', mode, ...(mode === '--batch' ? ['--buffer'] : [])], cwd);
  }

  /** Queues a request for one object id. */
  request(sha: string): void {
    if (this.ended) throw new Error('cat-file: request after end');
    this.requested++;
    this.queued.push(sha);
    if (this.queued.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    if (this.queued.length === 0) return;
    this.git.write(this.queued.join('\n') + '\n');
    this.queued = [];
  }

  /** No more requests: git answers the rest and exits. */
  end(): void {
    this.flush();
    this.ended = true;
    this.git.endInput();
  }

  get pending(): number {
    return this.requested - this.answered;
  }

  /** Answers in request order; stops early (with `stopped` set) if git dies. */
  async *answers(): AsyncGenerator<T> {
    try {
      for await (const a of this.parse(this.git.read())) {
        this.answered++;
        yield a;
      }
    } finally {
      this.git.kill();
    }
  }

  /** Why answers stopped before every request was answered, if they did. */
  stopped(): string | null {
    if (this.pending <= 0) return null;
    const why = this.git.stderr.trim().split('\n').pop() ?? '';
    return `git cat-file stopped with ${this.pending} object(s) unanswered${why ? `: ${why}` : ''}`;
  }

  kill(): void {
    this.git.kill();
  }

  protected abstract parse(chunks: AsyncIterable<Buffer>): AsyncGenerator<T>;
}

/** `<sha> <type> <size>` or `<sha> missing` per request. */
export class CatFileCheck extends CatFile<ObjectInfo> {
  constructor(cwd: string) {
    super('--batch-check', cwd);
  }

  protected async *parse(chunks: AsyncIterable<Buffer>): AsyncGenerator<ObjectInfo> {
    let rest = '';
    for await (const chunk of chunks) {
      const text = rest + chunk.toString('latin1');
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const line of lines) yield parseInfo(line);
    }
    if (rest) yield parseInfo(rest);
  }
}

function parseInfo(line: string): ObjectInfo {
  const parts = line.split(' ');
  if (parts.length === 3) return { sha: parts[0]!, missing: false, type: parts[1]!, size: Number(parts[2]) };
  // "<sha> missing", "<name> ambiguous" …: the object cannot be read
  return { sha: parts[0] ?? line, missing: true };
}

/** Header, then exactly `size` bytes and a newline, per request. */
export class CatFileBatch extends CatFile<ObjectData> {
  /**
   * Objects larger than this are answered without their bytes (`data: null`), which are read past and
   * never held: one process can then both size and read objects. Settable until answers are read.
   */
  maxSize = Infinity;

  constructor(cwd: string) {
    super('--batch', cwd);
  }

  protected async *parse(chunks: AsyncIterable<Buffer>): AsyncGenerator<ObjectData> {
    let head: Buffer | null = null; // a header line cut across chunks
    let body: Buffer | null = null;
    let filled = 0;
    let skip = 0; // bytes of an object over maxSize still to read past
    let size = 0;
    let sha = '';
    let type = '';
    let skipNewline = false;
    for await (const input of chunks) {
      let chunk = input;
      let pos = 0;
      while (pos < chunk.length) {
        if (skipNewline) {
          skipNewline = false;
          if (chunk[pos] === 0x0a) pos++;
          continue;
        }
        if (skip > 0) {
          const n = Math.min(skip, chunk.length - pos);
          skip -= n;
          pos += n;
          if (skip === 0) {
            yield { sha, missing: false, type, size, data: null };
            skipNewline = true;
          }
          continue;
        }
        if (body) {
          const n = Math.min(body.length - filled, chunk.length - pos);
          chunk.copy(body, filled, pos, pos + n);
          filled += n;
          pos += n;
          if (filled === body.length) {
            yield { sha, missing: false, type, size, data: body };
            body = null;
            skipNewline = true;
          }
          continue;
        }
        const nl = chunk.indexOf(0x0a, pos);
        if (nl < 0) {
          head = head ? Buffer.concat([head, chunk.subarray(pos)]) : Buffer.from(chunk.subarray(pos));
          break;
        }
        const line = (head ? Buffer.concat([head, chunk.subarray(pos, nl)]) : chunk.subarray(pos, nl)).toString('latin1');
        head = null;
        pos = nl + 1;
        const parts = line.split(' ');
        if (parts.length !== 3) {
          yield { sha: parts[0] ?? line, missing: true };
          continue;
        }
        sha = parts[0]!;
        type = parts[1]!;
        size = Number(parts[2]);
        if (size === 0) {
          yield { sha, missing: false, type, size, data: Buffer.alloc(0) };
          skipNewline = true;
          continue;
        }
        if (size > this.maxSize) {
          skip = size;
          continue;
        }
        // its own memory, so a worker scanner can take it without a copy
        body = Buffer.allocUnsafeSlow(size);
        filled = 0;
      }
      chunk = Buffer.alloc(0);
    }
  }
}

/** A cat-file process asked about every id, read to the end, then stopped (nothing started when there is no id). */
async function askAll<A extends { sha: string }>(
  shas: string[],
  started: { kill(): void } | undefined,
  start: () => { request(sha: string): void; end(): void; answers(): AsyncIterable<A>; kill(): void },
  each: (a: A) => void,
): Promise<void> {
  if (shas.length === 0) {
    started?.kill();
    return;
  }
  const proc = start();
  try {
    for (const s of shas) proc.request(s);
    proc.end();
    for await (const a of proc.answers()) each(a);
  } finally {
    proc.kill();
  }
}

/**
 * Reads a few objects to the end (range diffs): id → bytes, missing ones absent.
 * `started`: a --batch process started earlier (nothing requested from it yet); it is used up.
 */
export async function readObjects(cwd: string, shas: string[], started?: CatFileBatch): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const [sha, a] of await readObjectsUpTo(cwd, shas, Infinity, started)) if (!a.missing && a.data) out.set(sha, a.data);
  return out;
}

/**
 * Reads a few objects to the end through one process (staged files), keeping the bytes of those up to
 * `maxSize`: id → answer, missing ones absent. `started`: as for readObjects.
 */
export async function readObjectsUpTo(cwd: string, shas: string[], maxSize: number, started?: CatFileBatch): Promise<Map<string, ObjectData>> {
  const out = new Map<string, ObjectData>();
  await askAll(
    shas,
    started,
    () => {
      const batch = started ?? new CatFileBatch(cwd);
      batch.maxSize = maxSize;
      return batch;
    },
    (a) => {
      if (!a.missing) out.set(a.sha, a);
    },
  );
  return out;
}

/** Sizes of a few objects: id → info. `started`: as for readObjects. */
export async function checkObjects(cwd: string, shas: string[], started?: CatFileCheck): Promise<Map<string, ObjectInfo>> {
  const out = new Map<string, ObjectInfo>();
  await askAll(shas, started, () => started ?? new CatFileCheck(cwd), (a) => out.set(a.sha, a));
  return out;
}
