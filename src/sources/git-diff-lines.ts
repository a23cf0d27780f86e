// Which lines of a new version of a file were added relative to the old one (Myers' O(ND) line
// diff, as git computes by default). Used for staged text and commit ranges: a finding counts only
// on a line the change added. Content is compared as bytes; no process, no path quoting.
import { asText } from './types.js';

/** Above this many edits the exact diff gives way to a line-multiset comparison (bounded memory). */
const MAX_EDITS = 2000;

function splitLines(buf: Buffer): string[] {
  // latin1 maps bytes 1:1, so equality of the decoded strings is equality of the bytes
  const text = buf.toString('latin1');
  // a lone CR ends a line too, as in the engine's line index
  const lines = text.includes('\r') ? text.split(/\r\n|\n|\r/) : text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** 1-based line numbers of `next` that are not in `prev` (all of them when `prev` is null or empty). */
export function addedLines(prevBytes: Buffer | null, nextBytes: Buffer): Set<number> {
  // line numbers of the text that is scanned (UTF-16 blobs are compared as decoded text)
  const next = asText(nextBytes) ?? nextBytes;
  const prev = prevBytes && (asText(prevBytes) ?? prevBytes);
  const b = splitLines(next);
  const out = new Set<number>();
  if (!prev || prev.length === 0) {
    for (let i = 1; i <= b.length; i++) out.add(i);
    return out;
  }
  const a = splitLines(prev);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (endB === start) return out;
  if (endA === start) {
    for (let i = start; i < endB; i++) out.add(i + 1);
    return out;
  }
  // intern the middle lines so the inner loop compares numbers
  const ids = new Map<string, number>();
  const intern = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
  const am = Int32Array.from(a.slice(start, endA), intern);
  const bm = Int32Array.from(b.slice(start, endB), intern);
  const inserted = myersInsertions(am, bm) ?? multisetInsertions(am, bm);
  for (const j of inserted) out.add(start + j + 1);
  return out;
}

/** Indices of `b` inserted by a shortest edit script from `a`, or null past MAX_EDITS. */
function myersInsertions(a: Int32Array, b: Int32Array): number[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2)); // V after step d-1, k in [-d-1, d+1]
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!)) x = v[off + k + 1]!;
      else x = v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return null;
  const inserted: number[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d]!;
    const at = (k: number) => vd[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    if (down) inserted.push(prevY);
    x = prevX;
    y = prevY;
  }
  return inserted;
}

/** Fallback for huge rewrites: a line is added if the old text has fewer copies of it. */
function multisetInsertions(a: Int32Array, b: Int32Array): number[] {
  const left = new Map<number, number>();
  for (const id of a) left.set(id, (left.get(id) ?? 0) + 1);
  const out: number[] = [];
  b.forEach((id, j) => {
    const c = left.get(id) ?? 0;
    if (c > 0) left.set(id, c - 1);
    else out.push(j);
  });
  return out;
}
