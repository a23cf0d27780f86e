import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import RE2 from 're2';
import { BASE64_VALUE, base64Spans, PERCENT_VALUE, percentSpans, type Span } from '../../src/engine/encoded-runs.js';
import { SeededRandom } from '../../src/rules/seeded-random.js';

// Oracle: the regexes the byte loops stand for, run the way RE2 runs them over a chunk's bytes (flag g).

/** RE2's matches as spans; for base64 the span starts after the lead character and blanks. */
function byRegex(pattern: string, buf: Buffer, afterLead: boolean, limit = 9999): Span[] {
  const re = new RE2(pattern, 'g');
  const out: Span[] = [];
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(buf as unknown as string)) !== null) {
    const end = m.index + (m[0] as unknown as Buffer).length;
    let start = m.index;
    if (afterLead) for (start++; start < end && ' \t\n\r\f'.includes(String.fromCharCode(buf[start]!)); start++);
    out.push({ start, end });
  }
  return out;
}

/** Text full of near misses: alphabet runs around 16 long, leads, blanks, `%` with and without hex, high bytes. */
function randomText(rng: SeededRandom, length: number): Buffer {
  const pieces = ['"', "'", '`', '=', ':', ' ', '\t', '\n', '\r', '\f', '==', '%', '%4f', '%G1', ';', ',', '[', ']', '{', '(', '<', 'é', '€', '\u{1F511}'];
  const bytes: number[] = [];
  while (bytes.length < length) {
    const r = rng.int(100);
    if (r < 3) bytes.push(0x80 + rng.int(128)); // a stray byte: invalid UTF-8
    else if (r < 60) bytes.push(...Buffer.from(rng.chars('ABCxyz0123456789+/_-', 1 + rng.int(20))));
    else bytes.push(...Buffer.from(pieces[rng.int(pieces.length)]!));
  }
  return Buffer.from(bytes);
}

describe('encoded runs in text', () => {
  it('base64 spans are exactly the base64 regex matches, on random text', () => {
    const rng = new SeededRandom('encoded-runs-base64');
    let found = 0;
    for (let t = 0; t < 4000; t++) {
      const buf = randomText(rng, rng.int(300));
      const want = byRegex(BASE64_VALUE, buf, true);
      assert.deepEqual(base64Spans(buf, 9999), want, buf.toString('hex'));
      found += want.length;
    }
    assert.ok(found > 1000, `the random text should hold many matches (${found})`);
  });

  it('percent spans are exactly the percent regex matches, invalid UTF-8 included', () => {
    const rng = new SeededRandom('encoded-runs-percent');
    let found = 0;
    for (let t = 0; t < 4000; t++) {
      const buf = randomText(rng, rng.int(300));
      const want = byRegex(PERCENT_VALUE, buf, false);
      assert.deepEqual(percentSpans(buf, 9999), want, buf.toString('hex'));
      found += want.length;
    }
    assert.ok(found > 1000, `the random text should hold many matches (${found})`);
  });

  it('base64: the value after a quote, `=` or `:` and blanks; padding taken; a digit leaving 16 bytes needed', () => {
    const text = Buffer.from('a = "dG9rZW4tMTIzNDU2Nzg5MGFiY2Q=" b: \t c2VjcmV0LXZhbHVlLTEyMzQ1 noLeadAbcdefgh1234567890 key=abcdefghijklmnop1');
    const spans = base64Spans(text, 10).map((s) => text.toString('latin1', s.start, s.end));
    assert.deepEqual(spans, ['dG9rZW4tMTIzNDU2Nzg5MGFiY2Q=', 'c2VjcmV0LXZhbHVlLTEyMzQ1']);
  });

  it('base64: padding `=` taken by one value is not the lead of the next', () => {
    const text = Buffer.from('"AAAAAAAA1111111111111111==BBBBBBBB2222222222222222');
    assert.deepEqual(base64Spans(text, 10), byRegex(BASE64_VALUE, text, true));
    assert.equal(base64Spans(text, 10).length, 1);
  });

  it('percent: whole tokens between delimiters; a token broken by invalid UTF-8 as RE2 breaks it', () => {
    const text = Buffer.concat([Buffer.from('x=a%20b c(d%2Fe) 100% f%zz%41 g'), Buffer.from([0x89]), Buffer.from('h%41')]);
    const spans = percentSpans(text, 10);
    assert.deepEqual(spans, byRegex(PERCENT_VALUE, text, false));
    assert.deepEqual(spans.map((s) => text.toString('latin1', s.start, s.end)), ['x=a%20b', 'd%2Fe', 'f%zz%41', 'h%41']);
  });

  it('stops at the limit', () => {
    const text = Buffer.from('"dG9rZW4tMTIzNDU2Nzg5MGFiY2Q '.repeat(50) + 'a%41 '.repeat(50));
    assert.equal(base64Spans(text, 7).length, 7);
    assert.equal(percentSpans(text, 7).length, 7);
    assert.deepEqual(percentSpans(text, 7), byRegex(PERCENT_VALUE, text, false, 7));
  });
});
