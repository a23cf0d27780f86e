// Worker thread: one Engine per worker; it reads its own files, so I/O runs in parallel too.
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSet } from '../core/rule.js';
import { ReadBuffer } from '../sources/read-file.js';
import { createEngine, scanChunk, type ScanOutcome } from './chunk-scanner.js';

/**
 * A batch of chunks, packed so a message clones a few strings rather than an object per file: ids,
 * and paths and files joined with NUL (never in a path); `data` holds the bytes of chunks that have them.
 */
export interface ScanBatch {
  ids: number[];
  paths: string;
  files: string;
  data: Array<Uint8Array | null>;
}

/**
 * A batch's results: `clean` holds id, bytes pairs of chunks read and scanned with nothing to report
 * (most of them); `rest` the others.
 */
export interface ScanResults {
  clean: Float64Array;
  rest: Array<{ id: number; outcome?: ScanOutcome; error?: string }>;
}

const { ruleSet, maxFileSize } = workerData as { ruleSet: RuleSet; maxFileSize: number };
const engine = createEngine(ruleSet);
const reuse = new ReadBuffer();

parentPort!.on('message', (batch: ScanBatch) => {
  const paths = batch.paths.split('\0');
  const files = batch.files.split('\0');
  const clean: number[] = [];
  const rest: ScanResults['rest'] = [];
  batch.ids.forEach((id, i) => {
    try {
      const d = batch.data[i];
      const data = d ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : undefined;
      const outcome = scanChunk(engine, { path: paths[i]!, data, file: files[i] || undefined }, maxFileSize, reuse);
      if (outcome.findings.length === 0 && !outcome.skipped && outcome.warning === undefined) clean.push(id, outcome.bytes);
      else rest.push({ id, outcome });
    } catch (e) {
      rest.push({ id, error: (e as Error).message });
    }
  });
  const results: ScanResults = { clean: Float64Array.from(clean), rest };
  parentPort!.postMessage(results, [results.clean.buffer as ArrayBuffer]);
});
