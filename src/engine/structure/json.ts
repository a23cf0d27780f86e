// A position-aware JSON reader (comments and trailing commas tolerated, as in tsconfig and VS Code
// settings): string values with their key paths and byte spans.
import { isAscii } from 'node:buffer';
import type { StructValue } from './types.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LITERAL = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;

type Slicer = (this: Buffer, start: number, end: number) => string;
/** Buffer's own decoders, without toString's argument handling (much of the cost of a short string). */
const utf8Slice: Slicer =
  (Buffer.prototype as unknown as { utf8Slice?: Slicer }).utf8Slice ??
  function (this: Buffer, start: number, end: number) {
    return this.toString('utf8', start, end);
  };

class JsonError extends Error {}

/** Returns string values with key paths, or null when the bytes are not JSON. */
export function parseJson(buf: Buffer): StructValue[] | null {
  try {
    return (isAscii(buf) ? new AsciiReader(buf) : new Utf8Reader(buf)).document();
  } catch (e) {
    if (e instanceof JsonError || e instanceof SyntaxError) return null;
    throw e;
  }
}

/** Characters a number or literal word is made of (`[-+.\w]`). */
function wordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x2d || c === 0x2b || c === 0x2e;
}

/** The grammar, over character codes at byte offsets; the subclasses say how bytes are read. */
abstract class Reader {
  protected pos = 0;
  private readonly out: StructValue[] = [];
  /** Key path of the value being read; copied only for the string values that are kept. */
  private readonly path: string[] = [];

  constructor(protected readonly buf: Buffer) {}

  protected abstract code(i: number): number;
  /** Index of the next `"` from `from`, or -1. */
  protected abstract quote(from: number): number;
  protected abstract text(start: number, end: number): string;

  document(): StructValue[] {
    if (this.code(0) === 0xef && this.code(1) === 0xbb && this.code(2) === 0xbf) this.pos = 3;
    this.space();
    this.value(0);
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
      const c = this.code(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else if (c === 0x2f && this.code(this.pos + 1) === 0x2f) {
        const nl = b.indexOf(0x0a, this.pos);
        this.pos = nl === -1 ? b.length : nl + 1;
      } else if (c === 0x2f && this.code(this.pos + 1) === 0x2a) {
        const close = b.indexOf('*/', this.pos + 2);
        if (close === -1) this.fail();
        this.pos = close + 2;
      } else return;
    }
  }

  /** Reads a string at pos (on the quote); returns its value; its content ends at pos - 1. */
  private string(): string {
    const start = ++this.pos;
    let escaped = false;
    for (;;) {
      const q = this.quote(this.pos);
      if (q === -1) this.fail();
      let n = 0;
      for (let i = q - 1; i >= start && this.code(i) === BACKSLASH; i--) n++;
      this.pos = q + 1;
      if (n > 0) escaped = true;
      if (n % 2 === 0) {
        const raw = this.text(start, q);
        if (raw.includes('\n')) this.fail();
        return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
    }
  }

  private value(depth: number): void {
    if (depth > 256) this.fail();
    const c = this.code(this.pos);
    if (c === 0x7b) {
      this.pos++;
      this.space();
      while (this.code(this.pos) !== 0x7d) {
        if (this.code(this.pos) !== QUOTE) this.fail();
        this.path.push(this.string());
        this.space();
        if (this.code(this.pos) !== 0x3a) this.fail();
        this.pos++;
        this.space();
        this.value(depth + 1);
        this.path.pop();
        this.space();
        if (this.code(this.pos) === 0x2c) {
          this.pos++;
          this.space();
        } else if (this.code(this.pos) !== 0x7d) this.fail();
      }
      this.pos++;
      return;
    }
    if (c === 0x5b) {
      this.pos++;
      this.space();
      let i = 0;
      while (this.code(this.pos) !== 0x5d) {
        this.path.push(String(i++));
        this.value(depth + 1);
        this.path.pop();
        this.space();
        if (this.code(this.pos) === 0x2c) {
          this.pos++;
          this.space();
        } else if (this.code(this.pos) !== 0x5d) this.fail();
      }
      this.pos++;
      return;
    }
    if (c === QUOTE) {
      const start = this.pos + 1;
      const value = this.string();
      const end = this.pos - 1;
      if (end > start) this.out.push({ path: this.path.slice(), start, end, value });
      return;
    }
    // number, true, false, null
    const start = this.pos;
    while (this.pos < this.buf.length && wordChar(this.code(this.pos))) this.pos++;
    if (this.pos === start) this.fail();
    if (!LITERAL.test(this.text(start, this.pos))) this.fail();
  }
}

/** ASCII bytes read as one string (a single copy): strings are slices of it, no decoding call each. */
class AsciiReader extends Reader {
  private readonly chars: string;
  constructor(buf: Buffer) {
    super(buf);
    this.chars = buf.toString('latin1');
  }
  protected code(i: number): number {
    return this.chars.charCodeAt(i);
  }
  protected quote(from: number): number {
    return this.chars.indexOf('"', from);
  }
  protected text(start: number, end: number): string {
    return this.chars.slice(start, end);
  }
}

/** Other bytes read in place, each string decoded as UTF-8. */
class Utf8Reader extends Reader {
  protected code(i: number): number {
    const c = this.buf[i];
    return c === undefined ? NaN : c;
  }
  protected quote(from: number): number {
    return this.buf.indexOf(QUOTE, from);
  }
  protected text(start: number, end: number): string {
    return utf8Slice.call(this.buf, start, end);
  }
}
