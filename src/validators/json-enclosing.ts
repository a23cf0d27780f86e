// Finds the JSON objects that enclose a position in a larger text (keystores, CometBFT key files).

const MAX_BACK = 64 * 1024;
const MAX_FORWARD = 256 * 1024;
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
  let tried = 0;
  for (let p = text.lastIndexOf('{', index); p >= floor && tried < MAX_CANDIDATES; p = p > 0 ? text.lastIndexOf('{', p - 1) : -1) {
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
