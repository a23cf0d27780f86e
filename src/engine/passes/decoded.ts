// Decoded pass: encoded values (base64, percent escapes …) in parsed config values and in plain text are
// decoded and scanned again, bounded by depth and budget; what is found inside is placed at the
// encoded value.
import RE2 from 're2';
import { assignedKey } from '../binding.js';
import type { Candidate, Outer, ScanCtx } from '../candidate.js';
import { decodeValue, MIN_BASE64 } from '../decode.js';
import { matchesOf } from '../match-iterator.js';
import { joinPath, leafKey, parseStructure, structureKind, type StructValue } from '../structure/index.js';

type Decoded = NonNullable<ReturnType<typeof decodeValue>>;

/**
 * Encoded values in plain text (config files use their parsed values instead): base64 / base64url
 * strings of 16+ characters with a digit, quoted or assigned; runs holding percent escapes. Few
 * matches on ordinary source, so the pass costs about one RE2 scan.
 */
// No capture group and no `d` flag: RE2 then only finds the match bounds, and the value's span is
// computed from them (the lead character and blanks are skipped), a third cheaper per match.
const TEXT_BASE64_PATTERN = '["\'`=:]\\s*[A-Za-z+/_-]*[0-9][A-Za-z0-9+/_-]{15,}={0,2}';
const TEXT_BASE64 = new RE2(TEXT_BASE64_PATTERN, 'g');
const TEXT_PERCENT = new RE2('[^\\s"\'`<>(){}\\[\\],;]*%[0-9A-Fa-f]{2}[^\\s"\'`<>(){}\\[\\],;]*', 'g');
/**
 * Whether each finder can match at all, asked of the prefilter's pattern set (about 10% more on a
 * pass that runs anyway): most files hold neither, and then the finders' own passes are skipped. Both
 * are ASCII-only around their optional parts, so UTF-8 and byte matching agree on whether one occurs.
 */
const PERCENT_GATE = '%[0-9A-Fa-f]{2}';
export const DECODE_GATES = [TEXT_BASE64_PATTERN, PERCENT_GATE];

const TEXT_FINDERS = [
  { re: TEXT_BASE64, gate: TEXT_BASE64_PATTERN, lead: true },
  { re: TEXT_PERCENT, gate: PERCENT_GATE, lead: false },
];

/** Matches of one text finder per chunk, at most. */
const MAX_TEXT_MATCHES = 9999;

/** RE2's `\s` without the `u` flag: tab, newline, form feed, carriage return, space. */
function isRe2Space(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** Bytes and values still to decode in one chunk (shared with its nested scans). */
export interface Budget {
  bytes: number;
  values: number;
}

/** Scans decoded text: the engine's whole scan of one buffer, one level deeper. */
export type ScanInner = (inner: Buffer, values: StructValue[] | null, whole: boolean, outer: Outer) => Candidate[];

/** Candidates inside encoded values of this chunk, each placed at its encoded value (new objects). */
export function decodedPass(ctx: ScanCtx, budget: Budget, scanInner: ScanInner): Candidate[] {
  const out: Candidate[] = [];
  const { chunk } = ctx;
  const visit = (start: number, end: number, dec: Decoded, keyPath: string[] | undefined) => {
    if (budget.values <= 0 || budget.bytes <= 0 || dec.text.trim() === '') return;
    budget.values--;
    const inner = Buffer.from(dec.text, 'utf8');
    budget.bytes -= inner.length;
    if (budget.bytes < 0) return;
    const pos = chunk.lines.position(start);
    const context = [keyPath ? joinPath(keyPath) : '', chunk.lines.text(pos.line - 1 - 3, pos.line - 1 + 3), ctx.outer?.context ?? ''].join('\n');
    // the decoded text may be a config file itself (a Secret's `config.yaml:`); else it sits under the key path
    const leaf = keyPath ? leafKey(keyPath) : undefined;
    let kind = leaf ? structureKind(leaf) : null;
    if (!kind && /^\s*[{[]/.test(dec.text)) kind = 'json';
    let values = parseStructure(inner, kind);
    let whole = false;
    if (!values && keyPath) {
      values = wholeValue(dec.text, keyPath);
      whole = true;
    }
    const found = scanInner(inner, values, whole, { context });
    if (found.length === 0) return;
    const endPos = chunk.lines.position(end);
    for (const f of found) {
      out.push({
        ...f,
        line: pos.line,
        column: pos.column,
        endLine: endPos.line,
        endColumn: endPos.column,
        start,
        end,
        decoded: f.decoded ? `${dec.encoding}/${f.decoded}` : dec.encoding,
      });
    }
  };
  if (ctx.struct) {
    for (const v of ctx.struct.values) {
      if (v.value.length < MIN_BASE64 && !v.value.includes('%')) continue;
      const dec = decodeValue(v.value.trim());
      if (dec) visit(v.start, v.end, dec, v.path);
    }
    // a decoded value seen whole under its key path is still text: look inside it too
    if (!ctx.whole) return out;
  }
  const b = chunk.buf;
  for (const finder of TEXT_FINDERS) {
    if (!ctx.setHits.has(finder.gate)) continue;
    for (const m of matchesOf(finder.re, b, MAX_TEXT_MATCHES)) {
      if (budget.values <= 0) break;
      // match bounds in bytes (the input is a Buffer); TEXT_BASE64's value follows its lead character and blanks
      const end = m.index + (m[0] as unknown as Buffer).length;
      let start = m.index;
      if (finder.lead) for (start++; start < end && isRe2Space(b[start]!); start++);
      if (end === start) continue;
      const dec = decodeValue(b.toString('utf8', start, end));
      if (!dec) continue;
      const pos = chunk.lines.position(start);
      const prefix = b.toString('utf8', chunk.lines.lineStart(pos.line - 1), start);
      if (/;base64,$/.test(prefix)) continue; // data: URIs hold files, not secrets
      const above = pos.line > 1 ? chunk.lines.text(pos.line - 2, pos.line - 2) : undefined;
      const key = assignedKey(prefix, above);
      visit(start, end, dec, key ? [key] : undefined);
    }
  }
  return out;
}

/** The whole decoded text as one value under the encoded value's key path. */
function wholeValue(text: string, keyPath: string[]): StructValue[] {
  const lead = text.length - text.trimStart().length;
  return [{ path: keyPath, start: Buffer.byteLength(text.slice(0, lead)), end: Buffer.byteLength(text.trimEnd()), value: text.trim() }];
}
