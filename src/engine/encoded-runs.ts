// Encoded values in plain text (base64 tokens after a quote or `=`/`:`, tokens holding percent escapes),
// found by byte loops that give exactly the spans of the regexes written beside them at a fraction of an
// RE2 pass: long base64-alphabet runs are found by looking at one byte in sixteen, escapes by indexOf.
import RE2 from 're2';

/** The regex `base64Spans` stands for (its spans start after the lead and blanks); the prefilter asks it too. */
export const BASE64_VALUE = '["\'`=:]\\s*[A-Za-z+/_-]*[0-9][A-Za-z0-9+/_-]{15,}={0,2}';

/** A value's byte span in the chunk: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Fewest bytes from a base64 value's first digit to its end (the regex's `[0-9][…]{15,}`). */
const BASE64_TAIL = 16;

const table = (chars: string, ranges: Array<[string, string]> = []): Uint8Array => {
  const t = new Uint8Array(256);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  for (const [a, b] of ranges) for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) t[c] = 1;
  return t;
};
/** `[A-Za-z0-9+/_-]`: both base64 alphabets. */
const B64 = table('+/_-', [['A', 'Z'], ['a', 'z'], ['0', '9']]);
/** What may stand before a value: a quote, `=` or `:`. */
const LEAD = table('"\'`=:');
/** RE2's `\s`: tab, newline, form feed, carriage return, space. */
const SPACE = table('\t\n\f\r ');
/** Bytes that end a percent-encoded token: `[\s"'`<>(){}\[\],;]`. */
const DELIM = table('\t\n\f\r "\'`<>(){}[],;');
const HEX = table('', [['0', '9'], ['A', 'F'], ['a', 'f']]);
/** The regex `percentSpans` stands for. RE2 ends a token at bytes that are not valid UTF-8: tokens with high bytes ask it. */
export const PERCENT_VALUE = '[^\\s"\'`<>(){}\\[\\],;]*%[0-9A-Fa-f]{2}[^\\s"\'`<>(){}\\[\\],;]*';
let percentToken: RE2 | null = null;

/**
 * Spans of base64 / base64url values in text: what follows `["'`=:]\s*` in each match of BASE64_VALUE
 * (flag g), at most `limit`.
 * A match's token is a whole run of the alphabet (the lead and blanks are outside it), so each run of
 * 16+ alphabet bytes is looked at once: its first digit must leave 16 bytes to the run's end, and the
 * last byte before it other than blanks must be a lead not taken by the previous match's padding.
 */
export function base64Spans(buf: Uint8Array, limit: number): Span[] {
  const out: Span[] = [];
  const n = buf.length;
  let lastEnd = 0;
  // one byte in every BASE64_TAIL: any run of that length covers one of them
  for (let p = BASE64_TAIL - 1; p < n && out.length < limit; p += BASE64_TAIL) {
    if (B64[buf[p]!] === 0) continue;
    let lo = p;
    while (lo > 0 && B64[buf[lo - 1]!] === 1) lo--;
    let hi = p + 1;
    while (hi < n && B64[buf[hi]!] === 1) hi++;
    p = hi - 1; // the next probe is BASE64_TAIL past this run's end
    if (hi - lo < BASE64_TAIL) continue;
    let digit = lo;
    while (digit < hi && (buf[digit]! < 0x30 || buf[digit]! > 0x39)) digit++;
    if (hi - digit < BASE64_TAIL) continue;
    let lead = lo - 1;
    while (lead >= 0 && SPACE[buf[lead]!] === 1) lead--;
    if (lead < lastEnd || LEAD[buf[lead]!] === 0) continue;
    let end = hi;
    while (end < n && end - hi < 2 && buf[end] === 0x3d) end++;
    out.push({ start: lo, end });
    lastEnd = end;
  }
  return out;
}

/**
 * Spans of the matches of PERCENT_VALUE (flag g), at most `limit`: each whole token between delimiters that
 * holds an escape.
 */
export function percentSpans(buf: Uint8Array, limit: number): Span[] {
  const out: Span[] = [];
  const n = buf.length;
  let from = 0;
  while (out.length < limit) {
    const at = buf.indexOf(0x25, from);
    if (at === -1 || at + 2 >= n) break; // a later `%` has no room for two hex digits either
    if (HEX[buf[at + 1]!] === 0 || HEX[buf[at + 2]!] === 0) {
      from = at + 1;
      continue;
    }
    let high = false;
    let start = at;
    for (; start > 0 && DELIM[buf[start - 1]!] === 0; start--) if (buf[start - 1]! >= 0x80) high = true;
    let end = at + 3;
    for (; end < n && DELIM[buf[end]!] === 0; end++) if (buf[end]! >= 0x80) high = true;
    if (high) tokenMatches(buf, start, end, limit, out);
    else out.push({ start, end });
    from = end;
  }
  return out;
}

/** RE2's matches inside one token (its bounds are delimiters or the chunk's ends, so none crosses them). */
function tokenMatches(buf: Uint8Array, start: number, end: number, limit: number, out: Span[]): void {
  const part = Buffer.from(buf.buffer, buf.byteOffset + start, end - start);
  const re = (percentToken ??= new RE2(PERCENT_VALUE, 'g'));
  re.lastIndex = 0;
  while (out.length < limit) {
    const m = re.exec(part as unknown as string);
    if (m === null) return;
    const len = (m[0] as unknown as Buffer).length;
    out.push({ start: start + m.index, end: start + m.index + len });
    if (len === 0) re.lastIndex++;
  }
}
