// What a pattern's syntax guarantees about its matches, read without running it. Long runs: one byte
// class and a length such that every match holds that many bytes of the class in a row (`[0-9a-f]{64}`
// → 64 hex bytes); a chunk with no such run cannot match, and a skip-ahead check (one byte in every
// `length`) tells at a few GB/s, where the regex pass itself runs at about 0.4. Line shape: whether a
// match can hold a newline before its last byte, and which assertions it uses (near-windows.ts). Sound
// by construction: any syntax this reader does not know gives no answer, and the pass runs as before.

/** A run every match of a pattern contains: `length` bytes in a row, each with `bytes[b] === 1`. */
export interface RunGate {
  bytes: Uint8Array;
  length: number;
  /** Same class and length → same key (chunks cache answers by key). */
  key: string;
}

/** What one piece of a pattern guarantees about its matches. */
interface Piece {
  /** Fewest bytes a match has. */
  min: number;
  /** Every byte a match can hold (null: any byte). */
  cls: Uint8Array | null;
  /** The most selective run every match contains, if any. */
  best: { cls: Uint8Array; length: number } | null;
  /** Where a match can hold `\n`: nowhere, as its last byte only, or anywhere. */
  nl: NL;
  /** Most bytes a match has (Infinity: unbounded); only whether it is ≤ 1 matters. */
  max: number;
  /** Zero-width assertions used: ASSERT_ANY for any, ASSERT_TEXT_START for `^` without (?m) or `\A`. */
  asserts: number;
}

const NL_NONE = 0;
const NL_LAST = 1;
const NL_ANY = 2;
type NL = typeof NL_NONE | typeof NL_LAST | typeof NL_ANY;
const ASSERT_ANY = 1;
const ASSERT_TEXT_START = 2;

/** Flags in force while reading: case folding `(?i)`, multi-line `(?m)`. */
interface Flags {
  fold: boolean;
  multi: boolean;
}

class Unsupported extends Error {}

const ANY = null;
const bit = (codes: Iterable<number>): Uint8Array => {
  const t = new Uint8Array(256);
  for (const c of codes) t[c] = 1;
  return t;
};
const range = (a: string, b: string): number[] => {
  const out: number[] = [];
  for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out.push(c);
  return out;
};
const DIGIT = range('0', '9');
const WORD = [...DIGIT, ...range('A', 'Z'), ...range('a', 'z'), 0x5f];
const SPACE = [0x09, 0x0a, 0x0c, 0x0d, 0x20];
const HIGH = range('\x80', '\xff');

function union(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a || !b) return null;
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) t[i] = a[i]! | b[i]!;
  return t;
}

/** Bits of selectivity of a run: longer and narrower is better; a class of most printable bytes is worth nothing. */
function score(cls: Uint8Array, length: number): number {
  let n = 0;
  for (let c = 0x20; c < 0x7f; c++) n += cls[c]!;
  n += cls[0x09]! + cls[0x0a]!;
  return n === 0 ? length * 7 : length * Math.log2(97 / Math.max(n, 1));
}

function better(a: Piece['best'], b: Piece['best']): Piece['best'] {
  if (!a) return b;
  if (!b) return a;
  return score(b.cls, b.length) > score(a.cls, a.length) ? b : a;
}

/** Reads RE2 syntax far enough to compute pieces; throws Unsupported on anything else. */
class Reader {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(fold = false): Piece {
    const p = this.alternation({ fold, multi: false });
    if (this.pos !== this.src.length) throw new Unsupported('trailing');
    return p;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  private alternation(flags: Flags): Piece {
    const state = { ...flags };
    const alts = [this.sequence(state)];
    while (this.peek() === '|') {
      this.pos++;
      alts.push(this.sequence(state));
    }
    if (alts.length === 1) return alts[0]!;
    let min = Infinity;
    let max = 0;
    let nl: NL = NL_NONE;
    let asserts = 0;
    let cls: Uint8Array | null = new Uint8Array(256);
    for (const a of alts) {
      min = Math.min(min, a.min);
      max = Math.max(max, a.max);
      nl = Math.max(nl, a.nl) as NL;
      asserts |= a.asserts;
      cls = union(cls, a.cls);
    }
    return { min, cls, best: cls && min > 0 ? { cls, length: min } : null, nl, max, asserts };
  }

  /** Concatenation up to `|` or `)`; `state.fold` is the case-insensitive flag, changed by `(?i)`. */
  private sequence(state: Flags): Piece {
    const items: Piece[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      const atom = this.atom(state);
      if (atom) items.push(this.quantified(atom));
    }
    let best: Piece['best'] = null;
    let min = 0;
    let max = 0;
    let asserts = 0;
    // a newline before the last item is followed by that item's bytes: not the match's last byte
    let nl: NL = NL_NONE;
    let cls: Uint8Array | null = new Uint8Array(256);
    for (let i = 0; i < items.length; i++) {
      best = better(best, items[i]!.best);
      min += items[i]!.min;
      max += items[i]!.max;
      asserts |= items[i]!.asserts;
      if (items[i]!.nl !== NL_NONE) nl = i === items.length - 1 ? (Math.max(nl, items[i]!.nl) as NL) : NL_ANY;
      cls = union(cls, items[i]!.cls);
      // the bytes matched by items i..j are contiguous: one run of their classes, their lengths summed
      let runCls: Uint8Array | null = new Uint8Array(256);
      let runLen = 0;
      for (let j = i; j < items.length; j++) {
        runCls = union(runCls, items[j]!.cls);
        if (!runCls) break;
        runLen += items[j]!.min;
        if (runLen > 0) best = better(best, { cls: runCls, length: runLen });
      }
    }
    return { min, cls, best, nl, max, asserts };
  }

  private quantified(p: Piece): Piece {
    const c = this.peek();
    let lo: number;
    let hi = Infinity;
    if (c === '*' || c === '?') {
      this.pos++;
      lo = 0;
      if (c === '?') hi = 1;
    } else if (c === '+') {
      this.pos++;
      lo = 1;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return p; // a literal `{`, read by the next atom
      this.pos += m[0].length;
      lo = Number(m[1]);
      hi = m[2] === undefined ? lo : m[3] ? Number(m[3]) : Infinity;
    } else return p;
    if (this.peek() === '?') this.pos++; // lazy: same bytes
    const next = this.peek();
    if (next === '*' || next === '+' || next === '?' || (next === '{' && /^\{\d/.test(this.src.slice(this.pos)))) throw new Unsupported('double quantifier');
    // repeated, a newline a copy may end with is followed by the next copy
    const nl: NL = hi <= 1 || p.nl === NL_NONE ? p.nl : NL_ANY;
    const max = p.max * hi;
    if (lo === 0) return { min: 0, cls: p.cls, best: null, nl, max, asserts: p.asserts };
    return {
      min: p.min * lo,
      cls: p.cls,
      best: better(p.best, p.cls && p.min > 0 ? { cls: p.cls, length: p.min * lo } : null),
      nl,
      max,
      asserts: p.asserts,
    };
  }

  private atom(state: Flags): Piece | null {
    const c = this.src[this.pos++]!;
    if (c === '(') return this.group(state);
    if (c === '[') return this.single(this.charClass(state.fold));
    if (c === '.') return { min: 1, cls: ANY, best: null, nl: NL_LAST, max: 1, asserts: 0 };
    if (c === '^') return zeroWidth(state.multi ? ASSERT_ANY : ASSERT_ANY | ASSERT_TEXT_START);
    if (c === '$') return zeroWidth(ASSERT_ANY);
    if (c === '\\') return this.escape(state.fold);
    if (c === '*' || c === '+' || c === '?') throw new Unsupported('quantifier without atom');
    return this.single(this.literal(c, state.fold));
  }

  private single(cls: Uint8Array | null): Piece {
    return { min: 1, cls, best: cls ? { cls, length: 1 } : null, nl: !cls || cls[0x0a] ? NL_LAST : NL_NONE, max: 1, asserts: 0 };
  }

  private group(state: Flags): Piece | null {
    let fold = state.fold;
    let multi = state.multi;
    if (this.peek() === '?') {
      this.pos++;
      const named = /^(?:P?<[A-Za-z_][A-Za-z0-9_]*>)/.exec(this.src.slice(this.pos));
      if (named) this.pos += named[0].length;
      else {
        const flags = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(this.src.slice(this.pos));
        if (!flags) throw new Unsupported('group kind');
        this.pos += flags[0].length;
        if (flags[1]!.includes('i')) fold = true;
        if (flags[2]?.includes('i')) fold = false;
        if (flags[1]!.includes('m')) multi = true;
        if (flags[2]?.includes('m')) multi = false;
        if (flags[3] === ')') {
          // (?i) applies to the rest of the enclosing group
          state.fold = fold;
          state.multi = multi;
          return null;
        }
      }
    }
    const inner = this.alternation({ fold, multi });
    if (this.src[this.pos++] !== ')') throw new Unsupported('unclosed group');
    return inner;
  }

  /** One literal character (UTF-16 unit of the source; non-ASCII → any high byte). */
  private literal(ch: string, fold: boolean): Uint8Array {
    const code = ch.codePointAt(0)!;
    if (code >= 0x80) {
      if (code > 0xffff) this.pos++; // the surrogate pair's second half
      return bit(HIGH);
    }
    return this.folded(bit([code]), fold);
  }

  /** Case-insensitive: both ASCII cases, and any high byte (RE2 folds k/s with the Kelvin and long-s signs). */
  private folded(t: Uint8Array, fold: boolean): Uint8Array {
    if (!fold) return t;
    let letter = false;
    for (let c = 0x41; c <= 0x5a; c++) {
      if (t[c] || t[c + 0x20]) {
        t[c] = 1;
        t[c + 0x20] = 1;
        letter = true;
      }
    }
    if (letter) for (const h of HIGH) t[h] = 1;
    return t;
  }

  private escape(fold: boolean): Piece {
    const c = this.src[this.pos++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if (c === 'b' || c === 'B' || c === 'z') return zeroWidth(ASSERT_ANY);
    if (c === 'A') return zeroWidth(ASSERT_ANY | ASSERT_TEXT_START);
    const cls = this.classEscape(c);
    if (cls) return this.single(this.folded(cls, fold));
    return this.single(this.literal(this.escapedChar(c), fold));
  }

  /** `\d \w \s` and their negations, or null for a single-character escape. */
  private classEscape(c: string): Uint8Array | null {
    switch (c) {
      case 'd':
        return bit(DIGIT);
      case 'w':
        return bit(WORD);
      case 's':
        return bit(SPACE);
      case 'D':
        return complement(bit(DIGIT));
      case 'W':
        return complement(bit(WORD));
      case 'S':
        return complement(bit(SPACE));
      default:
        return null;
    }
  }

  /** The character an escape stands for (`\.` `\n` `\x41` …). */
  private escapedChar(c: string): string {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07' };
    if (simple[c]) return simple[c];
    if (c === 'x') {
      const m = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported('hex escape');
      this.pos += m[0].length;
      return String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16));
    }
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported(`escape \\${c}`); // \p, \Q, \C, octal …
    return c;
  }

  private charClass(fold: boolean): Uint8Array {
    const t = new Uint8Array(256);
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.pos++;
    }
    let first = true;
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined) throw new Unsupported('unclosed class');
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && this.peek() === ':') throw new Unsupported('POSIX class');
      let lo: number;
      if (c === '\\') {
        const e = this.src[this.pos++];
        if (e === undefined) throw new Unsupported('trailing backslash');
        const cls = this.classEscape(e);
        if (cls) {
          for (let i = 0; i < 256; i++) t[i] |= cls[i]!;
          continue;
        }
        lo = this.escapedChar(e).codePointAt(0)!;
      } else lo = c.codePointAt(0)!;
      if (lo > 0xffff) this.pos++;
      let hi = lo;
      if (this.peek() === '-' && this.src[this.pos + 1] !== ']' && this.src[this.pos + 1] !== undefined) {
        this.pos++;
        let h = this.src[this.pos++]!;
        if (h === '\\') h = this.escapedChar(this.src[this.pos++] ?? '');
        hi = h.codePointAt(0)!;
        if (hi > 0xffff) this.pos++;
        if (hi < lo) throw new Unsupported('bad range');
      }
      for (let x = lo; x <= Math.min(hi, 0x7f); x++) t[x] = 1;
      if (hi >= 0x80) for (const h of HIGH) t[h] = 1;
    }
    const folded = this.folded(t, fold);
    // a multi-byte character is one member of a negated class: every high byte stays possible
    return negate ? complement(folded) : folded;
  }
}

function zeroWidth(asserts: number): Piece {
  return { min: 0, cls: new Uint8Array(256), best: null, nl: NL_NONE, max: 0, asserts };
}

/** Bytes outside `t`, plus every high byte (UTF-8 continuation and lead bytes of characters not listed). */
function complement(t: Uint8Array): Uint8Array {
  const out = new Uint8Array(256);
  for (let i = 0; i < 256; i++) out[i] = i >= 0x80 ? 1 : t[i] ? 0 : 1;
  return out;
}

/** The pattern read as one piece, or null for syntax this reader does not know. */
function read(pattern: string, fold: boolean): Piece | null {
  try {
    return new Reader(pattern).parse(fold);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** What the line-window pass (near-windows.ts) needs to know of a pattern. */
export interface LineShape {
  /** No match holds `\n` except as its last byte: a match never spans a line start. */
  lineLocal: boolean;
  /** No match holds `\n` at all. */
  noNewline: boolean;
  /** Uses `^` without (?m), or `\A`: true only at the start of the text. */
  textStart: boolean;
  /** Uses any zero-width assertion (`^ $ \b \B \A \z`). */
  asserts: boolean;
  /** Fewest bytes a match has. */
  min: number;
}

/** The line shape of `pattern` (RE2 syntax; `fold` for the `i` flag), or null when this reader cannot tell. */
export function lineShape(pattern: string, fold = false): LineShape | null {
  const piece = read(pattern, fold);
  if (!piece) return null;
  return {
    lineLocal: piece.nl !== NL_ANY,
    noNewline: piece.nl === NL_NONE,
    textStart: (piece.asserts & ASSERT_TEXT_START) !== 0,
    asserts: piece.asserts !== 0,
    min: piece.min,
  };
}

/** Runs worth checking: at least this many bits of selectivity (`%` alone: 6.6; 64 hex bytes: 136). */
const MIN_SCORE = 6;

/** The run every match of `pattern` contains (RE2 syntax, flags `u`), or null when none is worth checking. */
export function runGate(pattern: string): RunGate | null {
  const best = read(pattern, false)?.best;
  if (!best || best.length < 1 || score(best.cls, best.length) < MIN_SCORE) return null;
  let key = '';
  for (let i = 0; i < 256; i += 4) key += ((best.cls[i]! << 3) | (best.cls[i + 1]! << 2) | (best.cls[i + 2]! << 1) | best.cls[i + 3]!).toString(16);
  return { bytes: best.cls, length: best.length, key: `${key}:${best.length}` };
}

/**
 * Whether `buf` holds `gate.length` bytes of the class in a row. Looks at one byte in every `length`:
 * any such run covers one of them, and only there is the run measured.
 */
export function hasRun(buf: Uint8Array, gate: RunGate): boolean {
  const t = gate.bytes;
  const len = gate.length;
  const n = buf.length;
  for (let p = len - 1; p < n; p += len) {
    if (t[buf[p]!] === 0) continue;
    let lo = p;
    while (lo > 0 && t[buf[lo - 1]!] === 1) {
      lo--;
      if (p - lo + 1 >= len) return true;
    }
    let hi = p;
    while (hi - lo + 1 < len && hi + 1 < n && t[buf[hi + 1]!] === 1) hi++;
    if (hi - lo + 1 >= len) return true;
  }
  return false;
}
