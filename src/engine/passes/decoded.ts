// Decoded pass: encoded values (base64, percent escapes …) in parsed config values and in plain text are
// decoded and scanned again, bounded by depth and budget; what is found inside is placed at the
// encoded value.
import { assignedKey } from '../binding.js';
import type { Candidate, Outer, ScanCtx } from '../candidate.js';
import { decodeValue, MIN_BASE64 } from '../decode.js';
import { NEAR_BYTES } from '../lines.js';
import { BASE64_VALUE, base64Spans, percentSpans } from '../encoded-runs.js';
import { joinPath, leafKey, parseStructure, structureKind, type StructValue } from '../structure/index.js';

type Decoded = NonNullable<ReturnType<typeof decodeValue>>;

/**
 * Whether each text finder (encoded-runs.ts) can match at all, asked of the prefilter's pattern set
 * (about 10% more on a pass that runs anyway): most files hold neither, and then the finder is skipped.
 * Both are ASCII-only around their optional parts, so UTF-8 and byte matching agree on whether one occurs.
 */
const PERCENT_GATE = '%[0-9A-Fa-f]{2}';
export const DECODE_GATES = [BASE64_VALUE, PERCENT_GATE];
const TEXT_FINDERS = [
  { find: base64Spans, gate: BASE64_VALUE },
  { find: percentSpans, gate: PERCENT_GATE },
];

/** Matches of one text finder per chunk, at most. */
const MAX_TEXT_MATCHES = 9999;

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
    const near = chunk.lines.textNear(pos.line - 1 - 3, pos.line - 1 + 3, start, end, NEAR_BYTES);
    const context = [keyPath ? joinPath(keyPath) : '', near, ctx.outer?.context ?? ''].join('\n');
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
  // encoded values in plain text: base64 after a quote or `=`/`:`, tokens holding percent escapes
  const b = chunk.buf;
  for (const { find, gate } of TEXT_FINDERS) {
    if (!ctx.setHits.has(gate)) continue;
    for (const { start, end } of find(b, MAX_TEXT_MATCHES)) {
      if (budget.values <= 0) break;
      const dec = decodeValue(b.toString('utf8', start, end));
      if (!dec) continue;
      const line = chunk.lines.lineOf(start);
      const prefix = chunk.lines.prefix(start, NEAR_BYTES);
      if (/;base64,$/.test(prefix)) continue; // data: URIs hold files, not secrets
      const above = line > 0 ? chunk.lines.tail(line - 1, NEAR_BYTES) : undefined;
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
