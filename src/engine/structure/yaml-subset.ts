// A reader for the YAML most config files use (block mappings and sequences by indentation, one-line plain,
// quoted and flow scalars, literal/folded blocks, comments, `---` documents) giving exactly the values of the
// `yaml` package path at a fraction of its cost. Anything outside that subset is left to the package.
import { ByteOffsets, type StructValue } from './types.js';

/** Lists of `NAME=value` strings: docker-compose `environment:` / `args:`, and similar. */
const ENV_LIST_PARENT = /^(environment|env|args|build_args|build-args|variables|vars)$/i;
const ENV_ITEM = /^\s*([A-Za-z_][\w.\-]*)\s*=/;

/** Thrown (never escapes this module) when the text leaves the subset: the package decides instead. */
const OUTSIDE = { outside: true };
/**
 * Thrown where the text, read as the subset so far, has an error the package reports too (checked by the
 * differential test): broken files, such as lines spliced from other files, cost no full parse.
 */
const INVALID = { invalid: true };

// scalar styles, as the package names them
export const PLAIN = 0;
export const QUOTE_DOUBLE = 1;
export const QUOTE_SINGLE = 2;
export const BLOCK_LITERAL = 3;
export const BLOCK_FOLDED = 4;
// what a scalar resolves to under the core schema; only these distinctions reach the output
export const STR = 0;
export const NUM = 1;
export const NULL = 2;
export const BOOL = 3;

/** A document's nodes as the walk reads them: built by this reader, or from the package's nodes (yaml.ts). */
export interface ScalarNode {
  kind: 0;
  style: number;
  tag: number;
  /** The source text for plain scalars, the resolved value for the others (what the output holds). */
  text: string;
  /** The resolved string where it differs from `text` (a plain scalar folded over lines: the package's only). */
  value?: string;
  /** The package's node range: quotes and block headers included. */
  r0: number;
  r1: number;
}
export interface MapNode {
  kind: 1;
  /** [key, value]; an undefined key is a null key, which the walk skips. */
  pairs: [string | undefined, YNode][];
}
export interface SeqNode {
  kind: 2;
  items: YNode[];
}
/** `*name`: the walk skips aliases (and the package does not resolve them while reading). */
export interface AliasNode {
  kind: 3;
}
export type YNode = ScalarNode | MapNode | SeqNode | AliasNode;

const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUM_RE =
  /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
/** Integer keys whose number prints back as the same text. */
const SAME_INT_RE = /^(?:0|-?[1-9][0-9]{0,14})$/;
/** Characters the reader leaves to the package wherever they appear: controls, lone CR, BOM, Unicode breaks. */
const UNHANDLED_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;

const SP = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DQ = 0x22;
const SQ = 0x27;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

/** Characters a plain scalar may not start with (the ones that may when followed by a non-space are checked apart). */
function badPlainStart(c: number): boolean {
  // & * ! | > ' " % @ ` , [ ] { } #
  return (
    c === 0x26 || c === 0x2a || c === 0x21 || c === 0x7c || c === 0x3e || c === SQ || c === DQ || c === 0x25 ||
    c === 0x40 || c === 0x60 || c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE ||
    c === HASH
  );
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Core-schema type of a plain scalar's text. */
function plainTag(s: string): number {
  const c = s.charCodeAt(0);
  // only these first characters can start a null, boolean or number
  if (c === 0x7e || c === 0x6e || c === 0x4e) return NULL_RE.test(s) ? NULL : STR;
  if (c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) return BOOL_RE.test(s) ? BOOL : STR;
  if ((c >= 0x30 && c <= 0x39) || c === DASH || c === 0x2b || c === 0x2e) return NUM_RE.test(s) ? NUM : STR;
  return STR;
}

const DQ_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

/** The value of a one-line double-quoted scalar's content; escapes the package would reject stay outside. */
function unescapeDouble(s: string): string {
  if (s.indexOf('\\') === -1) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = s[++i];
    if (next === undefined) throw OUTSIDE;
    const simple = DQ_ESCAPES[next];
    if (simple !== undefined) out += simple;
    else if (next === 'x' || next === 'u' || next === 'U') {
      const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = s.slice(i + 1, i + 1 + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw OUTSIDE;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw OUTSIDE;
      out += String.fromCodePoint(code);
      i += len;
    } else throw OUTSIDE;
  }
  return out;
}

/**
 * Values of every document, as the package path gives them; null where the package would reject the text;
 * `undefined` when the text leaves the subset (the caller then asks the package).
 */
export function readYamlSubset(text: string, byteLength: number): StructValue[] | null | undefined {
  if (UNHANDLED_CHARS.test(text)) return undefined;
  let docs: (YNode | null)[];
  try {
    docs = new LineReader(text).documents();
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    if (e === INVALID) return null;
    throw e;
  }
  return valuesOf(docs, text, byteLength);
}

// what the cursor stands on after seeking the next line with content
const CONTENT = 0;
const DOC_START = 1;
const EOF = 2;

const MAX_DEPTH = 48;

class LineReader {
  private readonly n: number;
  /** Current line: start, end of content (before CR LF / LF), start of the next line, indentation. */
  private ls = 0;
  private le = 0;
  private nx = 0;
  private ind = 0;
  private at = CONTENT;
  private depth = 0;

  constructor(private readonly text: string) {
    this.n = text.length;
  }

  documents(): (YNode | null)[] {
    const docs: (YNode | null)[] = [];
    this.seekFrom(0);
    let explicit = false;
    for (;;) {
      if (this.at === EOF) {
        if (explicit) docs.push(null);
        return docs;
      }
      if (this.at === DOC_START) {
        if (explicit) docs.push(null);
        // `---` alone or with a comment; content on the marker line is left to the package
        const rest = this.skipSpaces(this.ls + 3);
        if (rest < this.le && (this.text.charCodeAt(rest) !== HASH || rest === this.ls + 3)) throw OUTSIDE;
        explicit = true;
        this.seekFrom(this.nx);
        continue;
      }
      const p = this.ls + this.ind;
      const col = this.ind;
      let root: YNode;
      if (this.isSeqIndicator(p)) root = this.readSeq(col, p, false);
      else if (this.keyEnd(p) !== -1) root = this.readMap(col, p);
      else throw OUTSIDE;
      if (this.at === CONTENT) throw OUTSIDE; // a line less indented than the root collection
      docs.push(root);
      explicit = false;
    }
  }

  /** Loads the line starting at `from` (no seeking). */
  private load(from: number): void {
    const t = this.text;
    this.ls = from;
    const nl = t.indexOf('\n', from);
    let le = nl === -1 ? this.n : nl;
    if (le > from && t.charCodeAt(le - 1) === 0x0d) le--;
    this.le = le;
    this.nx = nl === -1 ? this.n : nl + 1;
    let i = from;
    while (i < le && t.charCodeAt(i) === SP) i++;
    this.ind = i - from;
  }

  /** Moves to the first line at or after `from` with content, a document marker, or the end. */
  private seekFrom(from: number): void {
    const t = this.text;
    for (;;) {
      if (from >= this.n) {
        this.at = EOF;
        this.ls = this.le = this.nx = this.n;
        this.ind = 0;
        return;
      }
      this.load(from);
      const p = this.ls + this.ind;
      if (p === this.le) {
        from = this.nx;
        continue;
      }
      const c = t.charCodeAt(p);
      if (c === TAB) throw OUTSIDE;
      if (c === HASH) {
        from = this.nx;
        continue;
      }
      if (this.ind === 0 && (c === DASH || c === 0x2e) && this.le - p >= 3) {
        const three = t.slice(p, p + 3);
        const after = p + 3 === this.le ? SP : t.charCodeAt(p + 3);
        if ((three === '---' || three === '...') && (after === SP || after === TAB)) {
          if (three === '...') throw OUTSIDE;
          this.at = DOC_START;
          return;
        }
      }
      this.at = CONTENT;
      return;
    }
  }

  private skipSpaces(i: number): number {
    const t = this.text;
    while (i < this.le && t.charCodeAt(i) === SP) i++;
    if (i < this.le && t.charCodeAt(i) === TAB) throw OUTSIDE;
    return i;
  }

  /**
   * The line from `p` cannot go on the collection being read (the caller knows where it stands): a plain
   * scalar with no key in it, a stray `}` or `]` (no flow collection is open), and where `entries`, a key or
   * a `- ` entry too.
   */
  private strayLine(p: number, entries: boolean): boolean {
    const c = this.text.charCodeAt(p);
    if (c === RBRACE || c === RBRACKET || this.emptyProperty(p)) return true;
    if (entries && (this.isSeqIndicator(p) || this.keyEnd(p) !== -1)) return true;
    // a one-line quoted scalar with no `:` after it
    if (c === DQ || c === SQ) return this.quotedEnd(p) !== -1 && this.keyEnd(p) === -1;
    if (badPlainStart(c) || c === DASH || c === 0x3f || c === COLON) return false;
    return this.keyEnd(p) === -1;
  }

  /** The end of the name of the anchor or alias at `p` (a space or the line's end follows); else outside. */
  private propertyEnd(p: number): number {
    const t = this.text;
    let i = p + 1;
    while (i < this.le) {
      const ch = t.charCodeAt(i);
      if (ch === SP) break;
      if (ch === TAB || isFlowIndicator(ch)) throw OUTSIDE;
      i++;
    }
    return i;
  }

  /** An alias or anchor without a name (`* `, `& `): an error wherever a node starts. */
  private emptyProperty(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return (c === 0x2a || c === 0x26) && (p + 1 === this.le || this.text.charCodeAt(p + 1) === SP);
  }

  private isSeqIndicator(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === this.le || this.text.charCodeAt(p + 1) === SP);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw OUTSIDE;
  }

  /** A block mapping whose first key starts at `p` on the current line, at column `col`. */
  private readMap(col: number, p: number): MapNode {
    this.enter();
    const pairs: [string | undefined, YNode][] = [];
    for (;;) {
      const after = this.keyEnd(p);
      if (after === -1) throw this.strayLine(p, false) ? INVALID : OUTSIDE; // not a key where a key belongs
      const key = this.keyText(p, after - 1);
      const value = this.readValue(after, col, true);
      pairs.push([key, value]);
      if (this.at !== CONTENT || this.ind < col) break;
      if (this.ind > col) {
        // after a nested collection, a line between its column and this one: bad indentation
        throw value.kind !== 0 && this.strayLine(this.ls + this.ind, true) ? INVALID : OUTSIDE;
      }
      p = this.ls + this.ind;
    }
    this.depth--;
    return { kind: 1, pairs };
  }

  /** A block sequence whose first `-` is at `p` on the current line, at column `col`. */
  private readSeq(col: number, p: number, underKey: boolean): SeqNode {
    this.enter();
    const items: YNode[] = [];
    for (;;) {
      const item = this.readValue(p + 1, col, false);
      items.push(item);
      if (this.at !== CONTENT || this.ind < col) break;
      if (this.ind > col) throw item.kind !== 0 && this.strayLine(this.ls + this.ind, true) ? INVALID : OUTSIDE;
      p = this.ls + this.ind;
      if (!this.isSeqIndicator(p)) {
        if (underKey) break; // the mapping holding this sequence goes on
        throw this.strayLine(p, true) ? INVALID : OUTSIDE;
      }
    }
    this.depth--;
    return { kind: 2, items };
  }

  /**
   * The node after a key's `:` or an entry's `-` at `q` on the current line, in a collection at column `col`;
   * leaves the cursor on the next line with content.
   */
  private readValue(q: number, col: number, inMap: boolean): YNode {
    const t = this.text;
    const r = this.skipSpaces(q);
    const c = r < this.le ? t.charCodeAt(r) : -1;
    if (c !== -1 && this.emptyProperty(r)) throw INVALID;
    if (c === 0x26) {
      // `&name` before the value: the node is the same (its range starts after the anchor)
      const after = this.propertyEnd(r);
      const v = this.skipSpaces(after);
      if (v < this.le) {
        const d = t.charCodeAt(v);
        if (d === 0x26 || d === 0x2a || d === 0x21 || this.isSeqIndicator(v) || this.keyEnd(v) !== -1) throw OUTSIDE;
      }
      return this.readValue(after, col, inMap);
    }
    if (c === 0x2a) {
      const after = this.propertyEnd(r);
      if (!this.endsLine(after)) throw OUTSIDE;
      this.seekFrom(this.nx);
      if (this.at === CONTENT && this.ind > col) throw OUTSIDE;
      return { kind: 3 };
    }
    if (c === -1 || c === HASH) {
      // nothing on this line: a nested collection on the next lines, or null
      this.seekFrom(this.nx);
      if (this.at === CONTENT) {
        const p = this.ls + this.ind;
        if (this.ind > col) {
          if (this.isSeqIndicator(p)) return this.readSeq(this.ind, p, false);
          if (this.keyEnd(p) !== -1) return this.readMap(this.ind, p);
          throw this.emptyProperty(p) ? INVALID : OUTSIDE; // a scalar on its own line, or something else
        }
        if (this.ind === col && inMap && this.isSeqIndicator(p)) return this.readSeq(col, p, true);
      }
      return { kind: 0, style: PLAIN, tag: NULL, text: '', r0: r, r1: r };
    }
    // `- key: value`: a mapping in a sequence entry, its keys at this column
    if (!inMap && this.keyEnd(r) !== -1) return this.readMap(r - this.ls, r);
    let node: YNode;
    if (c === 0x7c || c === 0x3e) return this.readBlockScalar(r, col);
    if (c === DQ || c === SQ) {
      const close = this.quotedEnd(r);
      if (close === -1) throw OUTSIDE;
      node = this.quoted(r, close);
      // after a quoted scalar only a comment may follow: anything else is an error the package reports too
      if (!this.endsLine(close + 1)) throw INVALID;
    } else if (c === LBRACKET || c === LBRACE) {
      const flow = new FlowReader(t, r, this.le, this.depth);
      node = flow.node();
      if (!this.endsLine(flow.pos)) throw OUTSIDE;
    } else if (this.isSeqIndicator(r)) {
      if (inMap) throw OUTSIDE;
      return this.readSeq(r - this.ls, r, false);
    } else node = this.plainValue(r);
    this.seekFrom(this.nx);
    // a more indented line after a scalar continues it (or is an error): the package decides
    if (this.at === CONTENT && this.ind > col) throw OUTSIDE;
    return node;
  }

  /** Whether only spaces and a comment follow `i` on the line (after a scalar or flow collection). */
  private endsLine(i: number): boolean {
    const j = this.skipSpaces(i);
    return j === this.le || (this.text.charCodeAt(j) === HASH && j > i);
  }

  /** A one-line plain scalar in block context starting at `r`. */
  private plainValue(r: number): ScalarNode {
    const t = this.text;
    const c = t.charCodeAt(r);
    if (badPlainStart(c)) throw OUTSIDE;
    if ((c === DASH || c === 0x3f || c === COLON) && (r + 1 === this.le || t.charCodeAt(r + 1) === SP)) throw OUTSIDE;
    let end = r + 1;
    for (let i = r + 1; i < this.le; i++) {
      const ch = t.charCodeAt(i);
      if (ch === SP) {
        if (t.charCodeAt(i + 1) === HASH) break;
      } else if (ch === TAB) throw OUTSIDE;
      else {
        // `: ` inside a value is a nested mapping on one line: an error the package reports
        if (ch === COLON && (i + 1 === this.le || t.charCodeAt(i + 1) === SP)) throw INVALID;
        end = i + 1;
      }
    }
    const s = t.slice(r, end);
    return { kind: 0, style: PLAIN, tag: plainTag(s), text: s, r0: r, r1: end };
  }

  private quotedEnd(r: number): number {
    return quotedEnd(this.text, r, this.le);
  }

  private quoted(r: number, close: number): ScalarNode {
    return quoted(this.text, r, close);
  }

  /**
   * If a mapping key starts at `p` on the current line: the index just after its `:`; else -1.
   * Keys the reader cannot give the package's text for are outside the subset.
   */
  private keyEnd(p: number): number {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === DQ || c === SQ) {
      const close = this.quotedEnd(p);
      if (close === -1) return -1;
      let i = close + 1;
      while (i < this.le && t.charCodeAt(i) === SP) i++;
      if (t.charCodeAt(i) === COLON && (i + 1 === this.le || t.charCodeAt(i + 1) === SP)) return i + 1;
      return -1;
    }
    if (badPlainStart(c)) return -1;
    if ((c === DASH || c === 0x3f || c === COLON) && (p + 1 === this.le || t.charCodeAt(p + 1) === SP)) return -1;
    for (let i = p + 1; i < this.le; i++) {
      const ch = t.charCodeAt(i);
      if (ch === COLON) {
        if (i + 1 === this.le || t.charCodeAt(i + 1) === SP) {
          if (i - p > 1000) throw OUTSIDE; // implicit keys are limited to 1024 characters
          return i + 1;
        }
      } else if (ch === SP) {
        if (t.charCodeAt(i + 1) === HASH) return -1;
      } else if (ch === TAB) throw OUTSIDE;
    }
    return -1;
  }

  /** The key's text as the package's walk gives it (`colon` is the index of the key's `:`). */
  private keyText(p: number, colon: number): string | undefined {
    const t = this.text;
    const c = t.charCodeAt(p);
    let end = colon;
    while (t.charCodeAt(end - 1) === SP) end--;
    if (c === DQ || c === SQ) return this.quoted(p, end - 1).text;
    return plainKey(t.slice(p, end));
  }

  /** A literal or folded block scalar whose header is at `r`, in a collection at column `col`. */
  private readBlockScalar(r: number, col: number): ScalarNode {
    const t = this.text;
    const folded = t.charCodeAt(r) === 0x3e;
    let i = r + 1;
    const chomp = t.charCodeAt(i);
    if (chomp === DASH) i++;
    else if (chomp === 0x2b) throw OUTSIDE; // keep: trailing lines join the value
    const strip = chomp === DASH;
    const afterHeader = i;
    i = this.skipSpaces(i);
    if (i < this.le && (t.charCodeAt(i) !== HASH || i === afterHeader)) throw OUTSIDE;

    // content lines: indented at least as much as the first one; blank lines in between belong to the value
    let indent = -1;
    let value = '';
    let sep = '';
    let pendingBlank = 0;
    let end = -1;
    let from = this.nx;
    while (from < this.n) {
      this.load(from);
      const blank = this.ls + this.ind === this.le;
      if (blank) {
        if (indent === -1) throw OUTSIDE; // leading empty lines: the package's rules on them are subtle
        if (this.ind > indent) throw OUTSIDE; // more-indented empty lines join the value
        pendingBlank++;
        from = this.nx;
        continue;
      }
      if (indent === -1) {
        if (this.ind <= col) throw OUTSIDE; // an empty block scalar
        indent = this.ind;
      } else if (this.ind < indent) break;
      const first = this.ls + indent;
      if (t.charCodeAt(this.ls + this.ind) === TAB && (folded || this.ind < indent)) throw OUTSIDE;
      if (folded) {
        if (this.ind > indent) throw OUTSIDE; // more-indented lines are not folded
        if (pendingBlank > 0) {
          value += '\n'.repeat(pendingBlank);
          sep = '';
        }
        value += sep + t.slice(first, this.le);
        sep = ' ';
      } else {
        value += sep + '\n'.repeat(pendingBlank) + t.slice(first, this.le);
        sep = '\n';
      }
      pendingBlank = 0;
      end = this.nx;
      from = this.nx;
    }
    if (indent === -1) throw OUTSIDE;
    if (!strip) value += '\n';
    this.seekFrom(end);
    // less indented than the block's lines, more than its collection's: bad indentation
    if (this.at === CONTENT && this.ind > col) throw this.strayLine(this.ls + this.ind, true) ? INVALID : OUTSIDE;
    return { kind: 0, style: folded ? BLOCK_FOLDED : BLOCK_LITERAL, tag: STR, text: value, r0: r, r1: end };
  }
}

/** A flow collection on one line (`[a, "b"]`, `{k: v}`), nested ones included. */
class FlowReader {
  constructor(
    private readonly text: string,
    public pos: number,
    private readonly end: number,
    private depth = 0,
  ) {}

  node(): YNode {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === LBRACKET || c === LBRACE) {
      if (++this.depth > MAX_DEPTH) throw OUTSIDE;
      const close = c === LBRACKET ? RBRACKET : RBRACE;
      this.pos++;
      this.space();
      const items: YNode[] = [];
      const pairs: [string | undefined, YNode][] = [];
      while (t.charCodeAt(this.pos) !== close) {
        if (c === LBRACKET) {
          const item = this.scalarOrCollection();
          // `[a, k: v]`: a one-pair mapping as an entry
          if (t.charCodeAt(this.pos) === COLON) items.push({ kind: 1, pairs: [this.pairValue(item)] });
          else items.push(item);
        } else {
          const key = this.scalarOrCollection();
          if (t.charCodeAt(this.pos) !== COLON) throw OUTSIDE;
          pairs.push(this.pairValue(key));
        }
        if (t.charCodeAt(this.pos) === COMMA) {
          this.pos++;
          this.space();
        } else if (t.charCodeAt(this.pos) !== close) throw OUTSIDE;
      }
      this.pos++;
      this.depth--;
      return c === LBRACKET ? { kind: 2, items } : { kind: 1, pairs };
    }
    throw OUTSIDE;
  }

  /** After a flow key, on its `:`: the pair. */
  private pairValue(key: YNode): [string | undefined, YNode] {
    // plain keys: their colon must be followed by a space
    if (key.kind !== 0 || (key.style === PLAIN && this.text.charCodeAt(this.pos + 1) !== SP)) throw OUTSIDE;
    this.pos++;
    this.space();
    return [key.style === PLAIN ? plainKey(key.text) : key.text, this.scalarOrCollection()];
  }

  private space(): void {
    const t = this.text;
    while (this.pos < this.end && t.charCodeAt(this.pos) === SP) this.pos++;
    if (this.pos >= this.end || t.charCodeAt(this.pos) === TAB) throw OUTSIDE; // runs past the line
  }

  /** One entry, then the spaces after it. */
  private scalarOrCollection(): YNode {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    let node: YNode;
    if (c === LBRACKET || c === LBRACE) node = this.node();
    else if (c === DQ || c === SQ) {
      const close = quotedEnd(t, this.pos, this.end);
      if (close === -1) throw OUTSIDE;
      node = quoted(t, this.pos, close);
      this.pos = close + 1;
    } else {
      if (badPlainStart(c) || c === COLON || c === 0x3f || c === DASH) {
        // `-1`, `-x` are plain; `- `, `?`, `:` starts are not handled here
        if (!(c === DASH && this.pos + 1 < this.end && !isFlowIndicator(t.charCodeAt(this.pos + 1)) && t.charCodeAt(this.pos + 1) !== SP)) throw OUTSIDE;
      }
      let last = this.pos;
      let i = this.pos;
      for (; i < this.end; i++) {
        const ch = t.charCodeAt(i);
        if (isFlowIndicator(ch)) break;
        if (ch === COLON) {
          // a key's colon (followed by a space) ends the scalar; any other colon is left to the package
          if (t.charCodeAt(i + 1) === SP) break;
          throw OUTSIDE;
        }
        if (ch === HASH || ch === TAB) throw OUTSIDE;
        if (ch !== SP) last = i + 1;
      }
      if (i >= this.end) throw OUTSIDE;
      const s = t.slice(this.pos, last);
      node = { kind: 0, style: PLAIN, tag: plainTag(s), text: s, r0: this.pos, r1: last };
      this.pos = i;
    }
    this.space();
    return node;
  }
}

/** Index of the closing quote of a quoted scalar opening at `r` and closing before `end`, or -1. */
function quotedEnd(t: string, r: number, end: number): number {
  const q = t.charCodeAt(r);
  for (let i = r + 1; i < end; i++) {
    const ch = t.charCodeAt(i);
    if (ch === TAB) throw OUTSIDE;
    if (q === DQ && ch === BACKSLASH) i++;
    else if (ch === q) {
      if (q === SQ && t.charCodeAt(i + 1) === SQ) i++;
      else return i;
    }
  }
  return -1;
}

function quoted(t: string, r: number, close: number): ScalarNode {
  const inner = t.slice(r + 1, close);
  const double = t.charCodeAt(r) === DQ;
  const text = double ? unescapeDouble(inner) : inner.indexOf("'") === -1 ? inner : inner.replace(/''/g, "'");
  return { kind: 0, style: double ? QUOTE_DOUBLE : QUOTE_SINGLE, tag: STR, text, r0: r, r1: close + 1 };
}

/** A plain key's text as the package's walk gives it. */
function plainKey(s: string): string | undefined {
  switch (plainTag(s)) {
    case NULL:
      return undefined;
    case BOOL:
      return s.charCodeAt(0) === 0x74 || s.charCodeAt(0) === 0x54 ? 'true' : 'false';
    case NUM:
      if (SAME_INT_RE.test(s)) return s;
      throw OUTSIDE;
    default:
      return s;
  }
}

/** The one walk, over this reader's nodes or the package's (yaml.ts): key paths, spans and values, in order. */
export function valuesOf(docs: (YNode | null)[], text: string, byteLength: number): StructValue[] {
  const bytes = new ByteOffsets(text, byteLength);
  const out: StructValue[] = [];

  const scalar = (node: ScalarNode, path: string[]) => {
    if (node.tag === NULL || node.tag === BOOL) return;
    let start = node.r0;
    let end = node.r1;
    if (node.style === QUOTE_DOUBLE || node.style === QUOTE_SINGLE) {
      start += 1;
      end -= 1;
    } else if (node.style === BLOCK_LITERAL || node.style === BLOCK_FOLDED) {
      const nl = text.indexOf('\n', start);
      if (nl !== -1 && nl < end) start = nl + 1;
      while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
    }
    if (end <= start) return;
    out.push({ path, start: bytes.byte(start), end: bytes.byte(end), value: node.text });
  };

  const walk = (node: YNode, path: string[]): void => {
    if (node.kind === 3) return;
    if (node.kind === 0) return scalar(node, path);
    if (node.kind === 1) {
      for (const [k, v] of node.pairs) if (k !== undefined) walk(v, [...path, k]);
      return;
    }
    const parent = path[path.length - 1] ?? '';
    node.items.forEach((item, i) => {
      // `- KEY=value` in an environment list: the value's key is KEY
      if (item.kind === 0 && item.tag === STR && ENV_LIST_PARENT.test(parent)) {
        const value = item.value ?? item.text;
        const m = ENV_ITEM.exec(value);
        if (m) {
          const quoted = item.style === QUOTE_DOUBLE || item.style === QUOTE_SINGLE;
          const offset = item.r0 + (quoted ? 1 : 0) + m[0].length;
          const end = item.r1 - (quoted ? 1 : 0);
          if (end > offset) out.push({ path: [...path, m[1]!], start: bytes.byte(offset), end: bytes.byte(end), value: value.slice(m[0].length) });
          return;
        }
      }
      // Kubernetes-style `- name: KEY` / `value: …` pairs: the value's key is KEY
      if (item.kind === 1) {
        const name = item.pairs.find((p) => p[0] === 'name');
        const val = item.pairs.find((p) => p[0] === 'value');
        if (name && val && name[1].kind === 0 && name[1].tag === STR && val[1].kind === 0) {
          scalar(val[1], [...path, name[1].value ?? name[1].text]);
          for (const p of item.pairs) if (p !== val && p !== name && p[0] !== undefined) walk(p[1], [...path, String(i), p[0]]);
          return;
        }
      }
      walk(item, [...path, String(i)]);
    });
  };

  for (const doc of docs) if (doc) walk(doc, []);
  return out;
}
