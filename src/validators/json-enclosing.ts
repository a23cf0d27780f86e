// Finds the JSON objects that enclose a position in a larger text (keystores, CometBFT key files).

const MAX_BACK = 16 * 1024;
const MAX_FORWARD = 32 * 1024;
const MAX_CANDIDATES = 64;

/** Index of the `}` closing the `{` at `start`, skipping strings; -1 if none within reach. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + MAX_FORWARD);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escape
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

/** Parsed objects around `index`, innermost first. */
export function* enclosingObjects(text: string, index: number): Generator<Record<string, unknown>> {
  const floor = Math.max(0, index - MAX_BACK);
  // Search a bounded window: lastIndexOf on the whole text would walk back to 0 on brace-free text.
  const window = text.slice(floor, index + 1);
  let tried = 0;
  for (let w = window.lastIndexOf('{'); w >= 0 && tried < MAX_CANDIDATES; w = w > 0 ? window.lastIndexOf('{', w - 1) : -1) {
    const p = floor + w;
    tried++;
    const end = closingBrace(text, p);
    if (end < index) continue;
    try {
      const v: unknown = JSON.parse(text.slice(p, end + 1));
      if (v && typeof v === 'object' && !Array.isArray(v)) yield v as Record<string, unknown>;
    } catch {
      /* not JSON from this brace: try the next one out */
    }
  }
}

/** The innermost enclosing object for which `accept` holds, also trying text with `\"` unescaped. */
export function findEnclosing(
  text: string,
  index: number,
  accept: (o: Record<string, unknown>) => boolean,
): Record<string, unknown> | undefined {
  for (const o of enclosingObjects(text, index)) if (accept(o)) return o;
  // JSON kept as a string inside other JSON or code: "{\"version\":3,…}"
  const from = Math.max(0, index - MAX_BACK);
  const window = text.slice(from, index + MAX_FORWARD);
  if (!window.includes('\\"')) return undefined;
  const unescape = (t: string) => t.replace(/\\(["\\])/g, '$1');
  const before = unescape(text.slice(from, index)).length;
  const unescaped = unescape(window);
  for (const o of enclosingObjects(unescaped, before)) if (accept(o)) return o;
  return undefined;
}

// One parse per chunk, not per candidate: validators run once per match, chunks can be large.
let lastText: string | null = null;
let lastParsed: unknown;

/** The chunk parsed as JSON when it is a JSON document (≤ 4 MiB), else undefined. */
export function parsedWhole(text: string): unknown {
  if (text === lastText) return lastParsed;
  lastText = text;
  lastParsed = undefined;
  const head = text.trimStart()[0];
  if ((head === '{' || head === '[') && text.length <= 4 * 1024 * 1024) {
    try {
      lastParsed = JSON.parse(text);
    } catch {
      /* not a JSON document */
    }
  }
  return lastParsed;
}

/** First object (depth-first) for which `accept` holds; bounded depth. */
export function findObject(root: unknown, accept: (o: Record<string, unknown>) => boolean, depth = 0): Record<string, unknown> | undefined {
  if (!root || typeof root !== 'object' || depth > 32) return undefined;
  if (!Array.isArray(root) && accept(root as Record<string, unknown>)) return root as Record<string, unknown>;
  for (const v of Array.isArray(root) ? root : Object.values(root)) {
    const hit = findObject(v, accept, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

// Candidates of one rule arrive in ascending order: a cursor keeps finding them linear per chunk.
let cursorText: string | null = null;
let cursor = 0;

/** Offset of `match` in `text`, found from the previous one onward; `index` (O(offset)) only as fallback. */
function offsetOf(text: string, match: string, index: () => number): number {
  if (text !== cursorText) {
    cursorText = text;
    cursor = 0;
  }
  let at = match ? text.indexOf(match, cursor) : -1;
  if (at < 0 && cursor > 0 && match) at = text.indexOf(match);
  if (at < 0) return index();
  cursor = at + 1;
  return at;
}

/**
 * The object holding a candidate: searched in the parsed document when the chunk is JSON (no offset
 * needed), else among the objects enclosing the match.
 */
export function locateObject(
  text: string,
  match: string,
  index: () => number,
  holds: (o: Record<string, unknown>) => boolean,
  accept: (o: Record<string, unknown>) => boolean,
): Record<string, unknown> | undefined {
  const doc = parsedWhole(text);
  if (doc !== undefined) {
    const holder = findObject(doc, holds);
    if (holder) return accept(holder) ? holder : undefined;
  }
  return findEnclosing(text, offsetOf(text, match, index), accept);
}
