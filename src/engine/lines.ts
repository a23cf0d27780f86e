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

  /** 1-based line and 1-based UTF-16 column of a byte offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    const start = this.lineStart(line);
    return { line: line + 1, column: this.buf.toString('utf8', start, offset).length + 1 };
  }

  /** Text of lines [from, to] (0-based, inclusive, clamped). */
  text(from: number, to: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.lineCount() - 1, to);
    return this.buf.toString('utf8', this.lineStart(a), this.lineEnd(b));
  }
}
