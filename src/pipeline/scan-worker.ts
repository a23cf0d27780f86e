// Worker thread: one Engine per worker, chunks in, findings out.
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../engine/scanner.js';
import type { RuleSet } from '../rules/loader.js';
import { validators } from '../validators/index.js';

export interface ScanRequest {
  id: number;
  path: string;
  data: Uint8Array;
}

const { ruleSet } = workerData as { ruleSet: RuleSet };
const engine = new Engine(ruleSet.rules, { validators, knownPublic: ruleSet.knownPublic });

parentPort!.on('message', (req: ScanRequest) => {
  try {
    const buf = Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength);
    parentPort!.postMessage({ id: req.id, findings: engine.scan(buf, req.path) });
  } catch (e) {
    parentPort!.postMessage({ id: req.id, error: (e as Error).message });
  }
});
