// One chunk of bytes as the passes see it: line index, and the text decoded once on demand.
import { LineIndex } from './lines.js';
import { hasRun, type RunGate } from './run-gate.js';

/** Lazily decoded views of one chunk, shared by all rules. */
export class Chunk {
  readonly lines: LineIndex;
  private decoded: string | null = null;
  constructor(readonly buf: Buffer) {
    this.lines = new LineIndex(buf);
  }
  private runs: Map<string, boolean> | null = null;
  /** Whether the chunk holds the gate's run (rules with the same run ask once). */
  hasRun(gate: RunGate): boolean {
    this.runs ??= new Map();
    let has = this.runs.get(gate.key);
    if (has === undefined) {
      has = hasRun(this.buf, gate);
      this.runs.set(gate.key, has);
    }
    return has;
  }
  get text(): string {
    if (this.decoded === null) this.decoded = this.buf.toString('utf8');
    return this.decoded;
  }
  private lastByte = 0;
  private lastChar = 0;
  /** Candidates come in ascending order per rule: decode on from the last answer, not from byte 0. */
  charIndex(byteOffset: number): number {
    if (byteOffset < this.lastByte) {
      this.lastByte = 0;
      this.lastChar = 0;
    }
    this.lastChar += this.buf.toString('utf8', this.lastByte, byteOffset).length;
    this.lastByte = byteOffset;
    return this.lastChar;
  }
}
