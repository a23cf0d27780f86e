// Scanning one chunk in this thread: read its file when needed, run the engine on the bytes.
import { Engine } from '../engine/scanner.js';
import type { Finding } from '../core/finding.js';
import type { RuleSet } from '../core/rule.js';
import { ReadBuffer, readSourceFile } from '../sources/read-file.js';
import type { SourceChunk } from '../sources/types.js';
import { validators, wellKnownConstant } from '../validators/index.js';

/** What scanning one chunk gave: findings, or why it was skipped. */
export interface ScanOutcome {
  findings: Finding[];
  bytes: number;
  skipped?: 'binary' | 'tooLarge' | 'unreadable';
  warning?: string;
}

/** Scans chunks in this thread or in a pool of workers; both give the same outcome. */
export interface ChunkScanner {
  scan(chunk: SourceChunk): Promise<ScanOutcome>;
  close(): Promise<void>;
}

/**
 * Reads the chunk's file when it has no bytes yet (into `reuse`, when given), then runs the engine.
 * Shared by inline and worker scans.
 */
export function scanChunk(
  engine: Engine,
  chunk: Pick<SourceChunk, 'path' | 'data' | 'file'>,
  maxFileSize: number,
  reuse?: ReadBuffer,
): ScanOutcome {
  let data = chunk.data;
  if (!data) {
    if (!chunk.file) return { findings: [], bytes: 0 };
    const read = readSourceFile(chunk.file, chunk.path, maxFileSize, reuse);
    if (!('data' in read)) return { findings: [], bytes: 0, ...read };
    data = read.data;
  }
  return { findings: engine.scan(data, chunk.path), bytes: data.length };
}

export function createEngine(ruleSet: RuleSet): Engine {
  return new Engine(ruleSet.rules, { validators, wellKnownConstant, knownPublic: ruleSet.knownPublic });
}

export class InlineScanner implements ChunkScanner {
  private readonly engine: Engine;
  private readonly reuse = new ReadBuffer();
  constructor(ruleSet: RuleSet, private readonly maxFileSize = Infinity) {
    this.engine = createEngine(ruleSet);
  }
  async scan(chunk: SourceChunk): Promise<ScanOutcome> {
    return scanChunk(this.engine, chunk, this.maxFileSize, this.reuse);
  }
  async close(): Promise<void> {}
}
