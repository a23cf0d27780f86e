// Worker thread: one Engine per worker; it reads its own files, so I/O runs in parallel too.
import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSet } from '../core/rule.js';
import { createEngine, scanChunk } from './chunk-scanner.js';

export interface ScanRequest {
  id: number;
  path: string;
  file?: string;
  data?: Uint8Array;
}

const { ruleSet, maxFileSize } = workerData as { ruleSet: RuleSet; maxFileSize: number };
const engine = createEngine(ruleSet);

parentPort!.on('message', (batch: ScanRequest[]) => {
  parentPort!.postMessage(
    batch.map((req) => {
      try {
        const data = req.data ? Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength) : undefined;
        return { id: req.id, outcome: scanChunk(engine, { path: req.path, data, file: req.file }, maxFileSize) };
      } catch (e) {
        return { id: req.id, error: (e as Error).message };
      }
    }),
  );
});
