// Chunk scanning that moves to worker threads once the input proves large.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { RuleSet } from '../core/rule.js';
import type { SourceChunk } from '../sources/types.js';
import { workerThreads } from '../util/lazy-require.js';
import { InlineScanner, type ChunkScanner, type ScanOutcome } from './chunk-scanner.js';
import type { ScanBatch, ScanResults } from './scan-worker.js';

interface Slot {
  worker: Worker;
  busy: number;
  /** Requests gathered for the next message: one message per batch, not per file. */
  batch: Array<{ id: number; path: string; file?: string; data?: Uint8Array }>;
  transfer: ArrayBuffer[];
}

/** The worker module beside this one (in the bundle, the bundled worker). */
const WORKER = new URL(import.meta.url.endsWith('.mjs') ? './scan-worker.mjs' : './scan-worker.js', import.meta.url);

/** Files per message: a message costs ~60 µs either side, a small file about as much to scan. */
const BATCH = 32;

interface Waiter {
  resolve: (o: ScanOutcome) => void;
  reject: (e: Error) => void;
}

/** Until this much input has been seen a scan stays in this thread: starting workers costs ~100 ms. */
const INLINE_BYTES = 4 * 1024 * 1024;
const INLINE_FILES = 200;

/**
 * Scans in this thread until the input proves large, then in worker threads (one Engine each) that
 * read their own files. Byte chunks are transferred, not copied, when they own their memory.
 */
export class AdaptiveScanner implements ChunkScanner {
  private readonly inline: InlineScanner;
  private slots: Slot[] | null = null;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 0;
  private seenBytes = 0;
  private seenFiles = 0;
  private broken: Error | null = null;
  /** Whether the first chunks were placed (this thread or the workers). */
  private decided = false;
  private held: Array<{ chunk: SourceChunk; resolve: (o: ScanOutcome) => void; reject: (e: Error) => void }> = [];

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly maxFileSize: number,
    private readonly threads = Math.max(1, Math.min(availableParallelism(), 8)),
  ) {
    this.inline = new InlineScanner(ruleSet, maxFileSize);
  }

  /** Chunks worth keeping in flight so every worker stays busy. */
  get inflight(): number {
    return this.threads * BATCH * 3;
  }

  scan(chunk: SourceChunk): Promise<ScanOutcome> {
    this.seenBytes += chunk.data?.length ?? 0;
    this.seenFiles += chunk.file ? 1 : 0;
    if (this.threads < 2 || this.broken) return this.inline.scan(chunk);
    if (this.slots) return this.toWorker(chunk);
    if (!this.small()) {
      this.start();
      return this.toWorker(chunk);
    }
    if (this.decided) return this.inline.scan(chunk);
    // Undecided: hold the first chunks until the event loop turns. A walk that fills every slot of the
    // scan loop before then is large, and its first files go to the workers too (no warm-up of an
    // engine in this thread for them); otherwise they are scanned here.
    return new Promise<ScanOutcome>((resolve, reject) => {
      this.held.push({ chunk, resolve, reject });
      if (this.held.length === 1) setImmediate(() => this.decide());
      if (this.held.length >= this.inflight) this.decide();
    });
  }

  private small(): boolean {
    return this.seenBytes < INLINE_BYTES && this.seenFiles < INLINE_FILES;
  }

  private decide(): void {
    if (this.decided) return;
    this.decided = true;
    const held = this.held.splice(0);
    const large = held.length >= this.inflight || !this.small();
    if (large && !this.slots) this.start();
    for (const h of held) (this.slots ? this.toWorker(h.chunk) : this.inline.scan(h.chunk)).then(h.resolve, h.reject);
  }

  private toWorker(chunk: SourceChunk): Promise<ScanOutcome> {
    const slot = this.slots!.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    let data: Uint8Array | undefined;
    let transfer: ArrayBuffer[] = [];
    const d = chunk.data;
    if (d) {
      const owns = d.byteOffset === 0 && d.buffer.byteLength === d.byteLength && !(d.buffer instanceof SharedArrayBuffer);
      data = owns ? new Uint8Array(d.buffer, 0, d.byteLength) : new Uint8Array(d);
      transfer = [data.buffer as ArrayBuffer];
    }
    return new Promise<ScanOutcome>((resolve, reject) => {
      const done = () => slot.busy--;
      this.waiting.set(id, {
        resolve: (o) => (done(), resolve(o)),
        reject: (e) => (done(), reject(e)),
      });
      slot.batch.push({ id, path: chunk.path, file: chunk.file, data });
      slot.transfer.push(...transfer);
      if (slot.batch.length >= BATCH) this.flush(slot);
      else if (slot.batch.length === 1) setImmediate(() => this.flush(slot));
    });
  }

  private flush(slot: Slot): void {
    if (slot.batch.length === 0) return;
    const batch = slot.batch;
    const transfer = slot.transfer;
    slot.batch = [];
    slot.transfer = [];
    const msg: ScanBatch = {
      ids: batch.map((r) => r.id),
      paths: batch.map((r) => r.path).join('\0'),
      files: batch.map((r) => r.file ?? '').join('\0'),
      data: batch.map((r) => r.data ?? null),
    };
    slot.worker.postMessage(msg, transfer);
  }

  private start(): void {
    this.slots = [];
    for (let i = 0; i < this.threads; i++) {
      const worker = new (workerThreads().Worker)(WORKER, {
        workerData: { ruleSet: this.ruleSet, maxFileSize: this.maxFileSize },
      });
      worker.on('message', ({ clean, rest }: ScanResults) => {
        for (let i = 0; i < clean.length; i += 2) {
          const id = clean[i]!;
          const w = this.waiting.get(id);
          if (!w) continue;
          this.waiting.delete(id);
          w.resolve({ findings: [], bytes: clean[i + 1]! });
        }
        for (const msg of rest) {
          const w = this.waiting.get(msg.id);
          if (!w) continue;
          this.waiting.delete(msg.id);
          if (msg.error !== undefined || !msg.outcome) w.reject(new Error(msg.error ?? 'no result'));
          else w.resolve(msg.outcome);
        }
      });
      worker.on('error', (e) => this.fail(e));
      this.slots.push({ worker, busy: 0, batch: [], transfer: [] });
    }
  }

  /** A dead worker fails its pending chunks (each becomes a warning); later chunks scan inline. */
  private fail(e: Error): void {
    this.broken = e;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      w.reject(new Error(`worker failed: ${e.message}`));
    }
  }

  async close(): Promise<void> {
    const slots = this.slots ?? [];
    this.slots = null;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
