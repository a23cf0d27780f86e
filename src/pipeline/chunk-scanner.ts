import { Engine } from '../engine/scanner.js';
import type { Finding } from '../engine/types.js';
import type { RuleSet } from '../rules/loader.js';
import type { SourceChunk } from '../sources/types.js';
import { validators } from '../validators/index.js';

/** Scans chunks in this thread or in a pool of workers; both give the same findings. */
export interface ChunkScanner {
  scan(chunk: SourceChunk): Promise<Finding[]>;
  close(): Promise<void>;
}

export class InlineScanner implements ChunkScanner {
  private readonly engine: Engine;
  constructor(ruleSet: RuleSet) {
    this.engine = new Engine(ruleSet.rules, { validators, knownPublic: ruleSet.knownPublic });
  }
  async scan(chunk: SourceChunk): Promise<Finding[]> {
    return this.engine.scan(chunk.data, chunk.path);
  }
  async close(): Promise<void> {}
}
