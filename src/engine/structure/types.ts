// Values of a parsed config file with their key paths and byte spans.
import { lastAtOrBelow } from '../lines.js';

/** One scalar value of a config file. */
export interface StructValue {
  /** Key path from the document root; sequence items are their index as a string. */
  path: string[];
  /** Byte offsets of the value in the file (quotes excluded where the parser knows them). */
  start: number;
  end: number;
  /** The value as the format defines it (quotes removed, escapes resolved). */
  value: string;
}

/** The key path as one dotted string. */
export function joinPath(path: readonly string[]): string {
  return path.join('.');
}

/** The last segment that is a name (not a sequence index): what the value is called. */
export function leafKey(path: readonly string[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (!/^\d+$/.test(path[i]!)) return path[i];
  return undefined;
}

/** Values sorted by position; finds the value holding a byte offset. */
export class StructIndex {
  readonly values: StructValue[];
  constructor(values: StructValue[]) {
    this.values = values.filter((v) => v.end > v.start).sort((a, b) => a.start - b.start);
  }

  /** The value whose span contains [start, end), if any. */
  at(start: number, end = start + 1): StructValue | undefined {
    const vs = this.values;
    let lo = 0;
    let hi = vs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (vs[mid]!.start <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // spans do not nest, but a few parsers may report touching spans: look back a little
    for (let i = found; i >= 0 && i > found - 4; i--) {
      const v = vs[i]!;
      if (v.start <= start && end <= v.end) return v;
    }
    return undefined;
  }
}

/** Converts UTF-16 offsets of `text` to byte offsets of its UTF-8 encoding, line by line. */
export class ByteOffsets {
  private readonly ascii: boolean;
  private lineStarts: number[] | null = null;
  private lineBytes: number[] | null = null;
  constructor(private readonly text: string, byteLength: number) {
    this.ascii = byteLength === text.length;
  }

  byte(charOffset: number): number {
    if (this.ascii) return charOffset;
    if (!this.lineStarts) {
      const starts = [0];
      const bytes = [0];
      let b = 0;
      let from = 0;
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) {
        b += Buffer.byteLength(this.text.slice(from, i + 1));
        from = i + 1;
        starts.push(from);
        bytes.push(b);
      }
      this.lineStarts = starts;
      this.lineBytes = bytes;
    }
    const line = lastAtOrBelow(this.lineStarts, charOffset);
    return this.lineBytes![line]! + Buffer.byteLength(this.text.slice(this.lineStarts[line]!, charOffset));
  }
}
