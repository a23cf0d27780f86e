// One chunk of bytes as the passes see it: line index, and the text decoded once on demand.
import { LineIndex } from './lines.js';
import { hasRun, type RunGate } from './run-gate.js';

const table = (re: RegExp): Uint8Array => Uint8Array.from({ length: 256 }, (_, c) => (re.test(String.fromCharCode(c)) ? 1 : 0));
/** A data URI's base64 body `[A-Za-z0-9+/=]`, and its media type `[\w/+.-]`. */
const BASE64_BODY = table(/[A-Za-z0-9+/=]/);
const MEDIA_TYPE = table(/[\w/+.-]/);

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
  /** The offset last asked about by inDataUri and where its base64 run starts (asked in ascending order, mostly). */
  private runAt = -1;
  private runLo = -1;

  /**
   * Whether `at` lies in the body of a `data:<type>;base64,` URI that starts on its line (at or after
   * `lineStart`): `/data:[\w/+.-]*;base64,[A-Za-z0-9+/=]*$/` on the text before it, read backwards over
   * the bytes, so a long inline image costs one walk, not one per match inside it.
   */
  inDataUri(lineStart: number, at: number): boolean {
    const b = this.buf;
    let lo = at;
    if (this.runAt >= lineStart && this.runAt <= at) {
      let k = this.runAt;
      while (k < at && BASE64_BODY[b[k]!] === 1) k++;
      if (k === at) lo = this.runLo;
    }
    while (lo > lineStart && BASE64_BODY[b[lo - 1]!] === 1) lo--;
    this.runAt = at;
    this.runLo = lo;
    if (lo - 8 < lineStart || b.toString('latin1', lo - 8, lo) !== ';base64,') return false;
    let j = lo - 8;
    while (j > lineStart && MEDIA_TYPE[b[j - 1]!] === 1) j--;
    return j - 5 >= lineStart && b.toString('latin1', j - 5, j) === 'data:';
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
