import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../engine/types.js';
import type { RuleSet } from '../rules/loader.js';
import type { SourceChunk } from '../sources/types.js';
import { InlineScanner, type ChunkScanner } from './chunk-scanner.js';

interface Slot {
  worker: Worker;
  busy: number;
}

interface Waiter {
  resolve: (f: Finding[]) => void;
  reject: (e: Error) => void;
}

/** Below this many bytes a scan stays in this thread: starting workers costs more than it saves. */
const INLINE_BYTES = 4 * 1024 * 1024;

/**
 * Scans in this thread until the input proves large, then in worker threads (one Engine each).
 * Buffers are transferred, not copied, when they own their memory.
 */
export class AdaptiveScanner implements ChunkScanner {
  private readonly inline: InlineScanner;
  private slots: Slot[] | null = null;
  private readonly waiting = new Map<number, Waiter>();
  private nextId = 0;
  private seen = 0;
  private broken: Error | null = null;

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly threads = Math.max(1, Math.min(availableParallelism(), 8)),
  ) {
    this.inline = new InlineScanner(ruleSet);
  }

  /** Chunks worth keeping in flight so every worker stays busy. */
  get inflight(): number {
    return this.threads * 4;
  }

  scan(chunk: SourceChunk): Promise<Finding[]> {
    this.seen += chunk.data.length;
    if (this.threads < 2 || this.broken || (!this.slots && this.seen < INLINE_BYTES)) return this.inline.scan(chunk);
    if (!this.slots) this.start();
    const slot = this.slots!.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    const d = chunk.data;
    const owns = d.byteOffset === 0 && d.buffer.byteLength === d.byteLength && !(d.buffer instanceof SharedArrayBuffer);
    const data = owns ? new Uint8Array(d.buffer, 0, d.byteLength) : new Uint8Array(d);
    return new Promise<Finding[]>((resolve, reject) => {
      this.waiting.set(id, {
        resolve: (f) => {
          slot.busy--;
          resolve(f);
        },
        reject: (e) => {
          slot.busy--;
          reject(e);
        },
      });
      slot.worker.postMessage({ id, path: chunk.path, data }, owns ? [data.buffer as ArrayBuffer] : []);
    });
  }

  private start(): void {
    this.slots = [];
    for (let i = 0; i < this.threads; i++) {
      const worker = new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: { ruleSet: this.ruleSet } });
      worker.on('message', (msg: { id: number; findings?: Finding[]; error?: string }) => {
        const w = this.waiting.get(msg.id);
        if (!w) return;
        this.waiting.delete(msg.id);
        if (msg.error !== undefined) w.reject(new Error(msg.error));
        else w.resolve(msg.findings ?? []);
      });
      worker.on('error', (e) => this.fail(e));
      this.slots.push({ worker, busy: 0 });
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
