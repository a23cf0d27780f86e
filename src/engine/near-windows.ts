// A rule's pattern run only on the lines near its `nearby` words, where the rule can fire at all, with
// the same matches a pass over the whole chunk gives there (a passphrase pattern matches nearly every
// token of a file; its nearby words sit on a few lines).
import RE2 from 're2';
import type { Chunk } from './chunk.js';
import { matchesOf } from './match-iterator.js';
import { lineShape } from './run-gate.js';

/** More nearby hits than this in one chunk: the windows would cover most of it, so the whole pass runs. */
const MAX_HITS = 2000;

/** A byte range of whole lines, [start, end), `end` just after a `\n` or at the chunk's end. */
export interface Window {
  start: number;
  end: number;
}

const shapes = new Map<string, boolean>();
function memo(key: string, f: () => boolean): boolean {
  let ok = shapes.get(key);
  if (ok === undefined) shapes.set(key, (ok = f()));
  return ok;
}

/**
 * Whether windows give a pass's exact matches: no match of `pattern` spans a line start (a `\n` only as
 * its last byte) nor asks for the text's start (`^` without (?m), `\A`), so a pass begun at any line
 * start finds what the whole pass finds from there; and `nearby` (case-insensitive) matches hold no
 * newline and no assertion, so wherever it matches inside a window of text, it matches (or overlaps a
 * match) on the same line of the whole chunk.
 */
export function windowable(pattern: string, nearby: string): boolean {
  return (
    memo(`p:${pattern}`, () => {
      const s = lineShape(pattern);
      return !!s && s.lineLocal && !s.textStart;
    }) &&
    memo(`n:${nearby}`, () => {
      const s = lineShape(nearby, true);
      return !!s && s.noNewline && !s.asserts && s.min > 0;
    })
  );
}

const hitRes = new Map<string, RE2>();

/**
 * The byte ranges whose matches can pass a `nearby` check over `window` lines either side (one more
 * above, for a name on the line above): every line within reach of a nearby hit, widened to `\n`
 * boundaries (a lone CR also starts a line in the line index), merged. Null: too many hits to pay.
 */
export function nearWindows(chunk: Chunk, nearby: string, window: number): Window[] | null {
  let re = hitRes.get(nearby);
  if (!re) hitRes.set(nearby, (re = new RE2(nearby, 'giu')));
  const { buf, lines } = chunk;
  const out: Window[] = [];
  let hits = 0;
  // one more line each way than the check reads: the value may start on the line after its match's start
  const reach = window + 2;
  for (const m of matchesOf(re, buf, MAX_HITS + 1)) {
    if (++hits > MAX_HITS) return null;
    const len = (m[0] as unknown as Buffer).length;
    const first = Math.max(0, lines.lineOf(m.index) - reach);
    const last = lines.lineOf(m.index + Math.max(len - 1, 0)) + reach;
    let start = lines.lineStart(first);
    if (start > 0 && buf[start - 1] !== 0x0a) start = buf.lastIndexOf(0x0a, start - 1) + 1;
    let end = lines.lineStart(last + 1);
    if (end < buf.length && buf[end - 1] !== 0x0a) {
      const nl = buf.indexOf(0x0a, end);
      end = nl === -1 ? buf.length : nl + 1;
    }
    const prev = out[out.length - 1];
    if (prev && start <= prev.end) prev.end = Math.max(prev.end, end);
    else out.push({ start, end });
  }
  return out;
}

/**
 * The matches of `re` (flags gdu) starting inside the windows, as a pass over the whole chunk finds
 * them (offsets in the chunk), at most `limit`. Each window is matched as its own buffer plus one byte,
 * the only context past its end a match inside it can look at.
 */
export function windowMatches(re: RE2, buf: Buffer, windows: Window[], limit: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const w of windows) {
    const part = buf.subarray(w.start, Math.min(buf.length, w.end + 1));
    for (const m of matchesOf(re, part, limit - out.length)) {
      if (m.index >= w.end - w.start) break;
      out.push(shift(m, w.start));
    }
    if (out.length >= limit) break;
  }
  return out;
}

type Span = [number, number] | undefined;

/** A match moved by `by` bytes: its index and its groups' spans (the values are the same bytes). */
function shift(m: RegExpExecArray, by: number): RegExpExecArray {
  if (by === 0) return m;
  const move = (s: Span): Span => (s ? [s[0] + by, s[1] + by] : s);
  const spans = m.indices as unknown as Span[] & { groups?: Record<string, Span> };
  const moved = Object.assign(spans.map(move), {
    groups: spans.groups ? Object.fromEntries(Object.entries(spans.groups).map(([k, v]) => [k, move(v)])) : undefined,
  });
  const out = Object.assign([...m], { index: m.index + by, input: m.input, groups: m.groups }) as unknown as RegExpExecArray;
  (out as { indices?: unknown }).indices = moved;
  return out;
}
