import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import RE2 from 're2';
import { Chunk } from '../../src/engine/chunk.js';
import { matchesOf } from '../../src/engine/match-iterator.js';
import { nearWindows, windowable, windowMatches } from '../../src/engine/near-windows.js';
import { lineShape } from '../../src/engine/run-gate.js';
import { Engine } from '../../src/engine/scanner.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { builtInRules } from '../../src/rules/rule-set.js';
import { SeededRandom } from '../../src/rules/seeded-random.js';
import { validators } from '../../src/validators/index.js';

// Oracle: the pattern's pass over the whole chunk; the windows must give exactly its matches inside them,
// and the engine the same findings with and without windows.

const PASSPHRASE = builtInRules().rules.find((r) => r.id === 'okx-api-passphrase')!;

/** Lines of assignments, provider words, blanks and junk, joined by LF, CRLF or a lone CR; values drawn from `rng`. */
function randomText(rng: SeededRandom, lines: number): Buffer {
  const value = () => rng.chars('abcXYZ0123456789!#@-=', 2 + rng.int(10)) + rng.chars('0123456789!', 1);
  const named = () => ['const okx = new OKX({', 'OKEX', `ok-access-passphrase: ${value()}`, '# okx', 'é€ okx'][rng.int(5)]!;
  const piece = () =>
    [
      `OKX_PASSPHRASE=${value()}`, `passphrase: "${value()}"`, `  password: ${value()}`, `  passphrase: '${value()}',`, 'lorem ipsum dolor',
      'a=b c=d', `key="${value()}"`, '', '   ', `<pass>${value()}</pass>`, `export PASSWORD=${value()}`, 'okay = 1',
    ][rng.int(12)]!;
  const ends = ['\n', '\r\n', '\r', '\n\n'];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    // provider words on about one line in twelve: windows cover part of the text
    let line = rng.int(12) === 0 ? named() : piece();
    if (rng.int(4) === 0) line += ' ' + piece();
    out.push(line + ends[rng.int(ends.length)]!);
  }
  return Buffer.from(out.join(''));
}

const spans = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, ...(m.indices as unknown as Array<[number, number] | undefined>).flat()]);

describe('line windows near a rule\'s words', () => {
  it('reads the line shape of patterns', () => {
    assert.deepEqual(lineShape('ab\\n'), { lineLocal: true, noNewline: false, textStart: false, asserts: false, min: 3 });
    assert.equal(lineShape('a\\nb')!.lineLocal, false, 'a newline before the last byte');
    assert.equal(lineShape('(?:a\\n)+')!.lineLocal, false, 'a repeated newline');
    assert.equal(lineShape('x\\s+y')!.lineLocal, false, '\\s holds a newline');
    assert.equal(lineShape('[^\\s]+(?:\\r?\\n|$)')!.lineLocal, true);
    assert.equal(lineShape('^x')!.textStart, true);
    assert.equal(lineShape('(?m)^x')!.textStart, false);
    assert.equal(lineShape('(?m:^)x$')!.textStart, false);
    assert.equal(lineShape('\\Ax')!.textStart, true);
    assert.equal(lineShape('(?s:.)x')!.lineLocal, false);
    assert.equal(lineShape('\\pL'), null, 'unknown syntax: no answer');
  });

  it('takes only line-local patterns and nearby words without newlines or assertions', () => {
    assert.equal(windowable(PASSPHRASE.pattern, PASSPHRASE.context!.nearby!), true);
    assert.equal(windowable('(?:^|[^a-z])(x{8})', '(?i)okx'), false, 'text start');
    assert.equal(windowable('a\\s+(x{8})', '(?i)okx'), false, 'spans lines');
    assert.equal(windowable('(x{8})', '(?i)\\bokx'), false, 'an assertion in nearby');
    assert.equal(windowable('(x{8})', '(?i)okx\\s+api'), false, 'a newline in nearby');
    assert.equal(windowable('(x{8})', '(?i)(?:okx)?'), false, 'nearby matching nothing');
  });

  it('gives the whole pass\'s matches that start in the windows, on random text', () => {
    const rng = new SeededRandom('near-windows');
    const re = new RE2(PASSPHRASE.pattern, 'gdu');
    let inside = 0;
    let outside = 0;
    for (let t = 0; t < 600; t++) {
      const buf = randomText(rng, 1 + rng.int(60));
      const windows = nearWindows(new Chunk(buf), PASSPHRASE.context!.nearby!, 1 + rng.int(4))!;
      const all = [...matchesOf(re, buf, 9999)];
      const want = all.filter((m) => windows.some((w) => m.index >= w.start && m.index < w.end));
      assert.deepEqual(spans(windowMatches(re, buf, windows, 9999)), spans(want), JSON.stringify(buf.toString('latin1')));
      inside += want.length;
      outside += all.length - want.length;
    }
    assert.ok(inside > 500 && outside > 500, `matches on both sides of the windows (${inside} in, ${outside} out)`);
  });

  it('the engine finds the same with and without windows', () => {
    const rng = new SeededRandom('near-windows-engine');
    // the same rule, its nearby written with an assertion that always holds: no windows
    const spec = (id: string, nearby: string): RuleSpec => ({ ...PASSPHRASE, id, context: { ...PASSPHRASE.context, nearby } });
    const nearby = PASSPHRASE.context!.nearby!;
    const windowed = new Engine([spec('p', nearby)], { validators });
    const whole = new Engine([spec('p', `(?:\\b|\\B)${nearby}`)], { validators });
    let found = 0;
    for (let t = 0; t < 400; t++) {
      const buf = randomText(rng, 1 + rng.int(80));
      const key = (e: Engine) => JSON.stringify(e.scan(buf, 'notes.txt').map((f) => [f.line, f.column, f.endColumn, f.secret]));
      const want = key(whole);
      assert.equal(key(windowed), want, JSON.stringify(buf.toString('latin1')));
      found += JSON.parse(want).length;
    }
    assert.ok(found > 200, `the random text should hold findings (${found})`);
  });
});
