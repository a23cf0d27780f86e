// The JSON reader as it was before strings became slices of one decoded text (kept verbatim as the oracle
// of the differential test in test/engine/structure-fast-path.test.ts).
import type { StructValue } from '../../src/engine/structure/types.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

class JsonError extends Error {}

/** Returns string values with key paths, or null when the bytes are not JSON. */
export function parseJsonReference(buf: Buffer): StructValue[] | null {
  try {
    return new Reader(buf).document();
  } catch (e) {
    if (e instanceof JsonError || e instanceof SyntaxError) return null;
    throw e;
  }
}

class Reader {
  private pos = 0;
  private readonly out: StructValue[] = [];
  constructor(private readonly buf: Buffer) {}

  document(): StructValue[] {
    if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) this.pos = 3;
    this.space();
    this.value([], 0);
    this.space();
    if (this.pos < this.buf.length) throw new JsonError('trailing data');
    return this.out;
  }

  private fail(): never {
    throw new JsonError(`unexpected byte at ${this.pos}`);
  }

  private space(): void {
    const b = this.buf;
    for (;;) {
      const c = b[this.pos];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else if (c === 0x2f && b[this.pos + 1] === 0x2f) {
        const nl = b.indexOf(0x0a, this.pos);
        this.pos = nl === -1 ? b.length : nl + 1;
      } else if (c === 0x2f && b[this.pos + 1] === 0x2a) {
        const close = b.indexOf('*/', this.pos + 2);
        if (close === -1) this.fail();
        this.pos = close + 2;
      } else return;
    }
  }

  /** Reads a string at pos (on the quote); returns its value and the span of its content. */
  private string(): { value: string; start: number; end: number } {
    const b = this.buf;
    const start = ++this.pos;
    let escaped = false;
    for (;;) {
      const q = b.indexOf(QUOTE, this.pos);
      if (q === -1) this.fail();
      let n = 0;
      for (let i = q - 1; i >= start && b[i] === BACKSLASH; i--) n++;
      this.pos = q + 1;
      if (n > 0) escaped = true;
      if (n % 2 === 0) {
        const raw = b.toString('utf8', start, q);
        if (raw.includes('\n')) this.fail();
        const value = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        return { value, start, end: q };
      }
    }
  }

  private value(path: string[], depth: number): void {
    if (depth > 256) this.fail();
    const b = this.buf;
    const c = b[this.pos];
    if (c === 0x7b) {
      this.pos++;
      this.space();
      while (b[this.pos] !== 0x7d) {
        if (b[this.pos] !== QUOTE) this.fail();
        const key = this.string().value;
        this.space();
        if (b[this.pos] !== 0x3a) this.fail();
        this.pos++;
        this.space();
        this.value([...path, key], depth + 1);
        this.space();
        if (b[this.pos] === 0x2c) {
          this.pos++;
          this.space();
        } else if (b[this.pos] !== 0x7d) this.fail();
      }
      this.pos++;
      return;
    }
    if (c === 0x5b) {
      this.pos++;
      this.space();
      let i = 0;
      while (b[this.pos] !== 0x5d) {
        this.value([...path, String(i++)], depth + 1);
        this.space();
        if (b[this.pos] === 0x2c) {
          this.pos++;
          this.space();
        } else if (b[this.pos] !== 0x5d) this.fail();
      }
      this.pos++;
      return;
    }
    if (c === QUOTE) {
      const s = this.string();
      if (s.end > s.start) this.out.push({ path, start: s.start, end: s.end, value: s.value });
      return;
    }
    // number, true, false, null
    const start = this.pos;
    while (this.pos < b.length && /[-+.\w]/.test(String.fromCharCode(b[this.pos]!))) this.pos++;
    if (this.pos === start) this.fail();
    const word = b.toString('latin1', start, this.pos);
    if (!/^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(word)) this.fail();
  }
}
