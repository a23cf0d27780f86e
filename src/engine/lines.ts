// Line and column positions of byte offsets in a chunk.
/** Index of the last value ≤ x in an ascending array that starts at or below x (binary search). */
export function lastAtOrBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Bytes of a line read around a value (its binding, nearby words, a decoded value's context): all of an
 * ordinary line, a bounded part of a long one (minified code), so each value costs the same whatever
 * the line's length.
 */
export const NEAR_BYTES = 4096;

/** Maps byte offsets of a chunk to 1-based lines and UTF-16 columns, built lazily. */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly buf: Buffer) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const buf = this.buf;
    if (buf.indexOf(13) === -1) {
      let i = buf.indexOf(10);
      while (i !== -1) {
        starts.push(i + 1);
        i = buf.indexOf(10, i + 1);
      }
    } else {
      // LF, CRLF and a lone CR (classic Mac, some exports) each end a line
      for (let i = 0; i < buf.length; i++) {
        const b = buf[i];
        if (b === 10 || (b === 13 && buf[i + 1] !== 10)) starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }

  /** 0-based line number of a byte offset. */
  lineOf(offset: number): number {
    return lastAtOrBelow(this.lineStarts(), offset);
  }

  lineStart(line: number): number {
    return this.lineStarts()[line] ?? this.buf.length;
  }

  lineEnd(line: number): number {
    const s = this.lineStarts();
    const next = s[line + 1];
    let end = next === undefined ? this.buf.length : next - 1;
    if (end > 0 && this.buf[end - 1] === 13) end--;
    return end;
  }

  lineCount(): number {
    return this.lineStarts().length;
  }

  /** The last column computed (0-based line, byte offset, 0-based column): the next one on the same line, further on, decodes only the bytes between. */
  private lastLine = -1;
  private lastOffset = 0;
  private lastColumn = 0;

  /** 1-based line and 1-based UTF-16 column of a byte offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    // one long line (minified code) holds many matches: counting from its start for each would be quadratic
    if (this.lastLine !== line || this.lastOffset > offset) {
      this.lastLine = line;
      this.lastOffset = this.lineStart(line);
      this.lastColumn = 0;
    }
    this.lastColumn += this.buf.toString('utf8', this.lastOffset, offset).length;
    this.lastOffset = offset;
    return { line: line + 1, column: this.lastColumn + 1 };
  }

  /** Text of lines [from, to] (0-based, inclusive, clamped). */
  text(from: number, to: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.lineCount() - 1, to);
    return this.buf.toString('utf8', this.lineStart(a), this.lineEnd(b));
  }

  /**
   * Text of lines [from, to] around the bytes [at, end), at most `clip` bytes either side of them: on
   * ordinary lines the lines themselves, on a long line (minified code) the part near the value.
   */
  textNear(from: number, to: number, at: number, end: number, clip: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.lineCount() - 1, to);
    const start = this.charStart(Math.max(this.lineStart(a), at - clip));
    const stop = this.charStart(Math.max(start, Math.min(this.lineEnd(b), end + clip)));
    return this.buf.toString('utf8', start, stop);
  }

  /** The text before `at` on its line: from the line's start, or `max` bytes back on a longer line. */
  prefix(at: number, max: number): string {
    const start = this.charStart(Math.max(this.lineStart(this.lineOf(at)), at - max));
    return this.buf.toString('utf8', start, at);
  }

  /** The end of line `line` (0-based), at most `max` bytes of it; '' past the ends. */
  tail(line: number, max: number): string {
    if (line < 0 || line >= this.lineCount()) return '';
    const end = this.lineEnd(line);
    return this.buf.toString('utf8', this.charStart(Math.max(this.lineStart(line), end - max)), end);
  }

  /** `i`, or the start of the next character when `i` falls inside one (UTF-8 continuation bytes). */
  private charStart(i: number): number {
    for (let k = 0; k < 3 && i < this.buf.length && (this.buf[i]! & 0xc0) === 0x80; k++) i++;
    return i;
  }
}
