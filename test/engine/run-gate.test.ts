import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import RE2 from 're2';
import { hasRun, runGate, type RunGate } from '../../src/engine/run-gate.js';
import { expandExample } from '../../src/rules/example-values.js';
import { exampleSeed } from '../../src/rules/examples.js';
import { builtInRules } from '../../src/rules/rule-set.js';
import { SeededRandom } from '../../src/rules/seeded-random.js';

/** Every run of the class, measured byte by byte. */
function naive(buf: Uint8Array, gate: RunGate): boolean {
  let run = 0;
  for (const b of buf) {
    run = gate.bytes[b] ? run + 1 : 0;
    if (run >= gate.length) return true;
  }
  return false;
}

function gateOf(chars: string, length: number): RunGate {
  const bytes = new Uint8Array(256);
  for (const c of Buffer.from(chars, 'latin1')) bytes[c] = 1;
  return { bytes, length, key: `${chars}:${length}` };
}

/** Every match of `pattern` in `text` (as bytes, flag u, as the engine runs it). */
function matches(pattern: string, text: Buffer): Buffer[] {
  const re = new RE2(pattern, 'gu');
  const out: Buffer[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text as unknown as string)) !== null && out.length < 50) {
    out.push(m[0] as unknown as Buffer);
    if ((m[0] as unknown as Buffer).length === 0) re.lastIndex++;
  }
  return out;
}

describe('run gate', () => {
  it('the skip-ahead check agrees with a byte-by-byte one on random input', () => {
    const rnd = new SeededRandom('run-gate');
    for (let round = 0; round < 3000; round++) {
      const alphabet = 'ab0-x\n\xe9';
      const cls = alphabet.slice(0, 1 + rnd.int(4));
      const gate = gateOf(cls, 1 + rnd.int(round % 3 === 0 ? 3 : 40));
      const len = rnd.int(300);
      const buf = Buffer.alloc(len);
      // long stretches of class bytes, broken at random
      for (let i = 0; i < len; i++) buf[i] = alphabet.charCodeAt(rnd.int(10) < 8 ? rnd.int(cls.length) : rnd.int(alphabet.length)) & 0xff;
      assert.equal(hasRun(buf, gate), naive(buf, gate), `${JSON.stringify(buf.toString('latin1'))} ${cls} ${gate.length}`);
    }
  });

  it('finds a run at the very start, the very end, and one byte short of the length', () => {
    const g = gateOf('0123456789abcdef', 8);
    assert.equal(hasRun(Buffer.from('deadbeef; rest'), g), true);
    assert.equal(hasRun(Buffer.from('x = deadbeef'), g), true);
    assert.equal(hasRun(Buffer.from('x = deadbee; y = 0123456'), g), false);
    assert.equal(hasRun(Buffer.from(''), g), false);
  });

  it('reads classes, quantifiers, groups, alternation and flags', () => {
    const g = (p: string) => {
      const r = runGate(p);
      return r && { length: r.length, bytes: Buffer.from([...r.bytes.keys()].filter((i) => r.bytes[i])).toString('latin1') };
    };
    assert.deepEqual(g('\\b(?:0x)?([0-9a-fA-F]{64})\\b'), { length: 64, bytes: '0123456789ABCDEFabcdef' });
    assert.deepEqual(g('(?:^|[^1-9A-HJ-NP-Za-km-z])([1-9A-HJ-NP-Za-km-z]{86,88})(?:[^1-9A-HJ-NP-Za-km-z]|$)')?.length, 86);
    assert.deepEqual(g('\\[\\s*((?:\\d{1,3}\\s*,\\s*){63}\\d{1,3})\\s*,?\\s*\\]')?.length, 127);
    // a rare byte alone beats a short run of a common class
    assert.deepEqual(g('%[0-9A-Fa-f]{2}'), { length: 1, bytes: '%' });
    assert.deepEqual(g('[0-9a-f]{12}x{0,2}[0-9a-f]{12}'), { length: 24, bytes: '0123456789abcdefx' });
    // adjacent literal and class: one run
    assert.equal(g('\\b(npm_[A-Za-z0-9]{36})\\b')?.length, 40);
    // case-insensitive: both cases and any high byte (Kelvin sign, long s)
    const ci = runGate('(?i)token_[a-z]{20}')!;
    assert.equal(ci.bytes['T'.charCodeAt(0)], 1);
    assert.equal(ci.bytes[0xe2], 1);
    // negated classes take every high byte (one multi-byte character is one member)
    assert.equal(runGate('[^\\x00-\\x60]{30}')!.bytes[0xc3], 1);
    // a class of nearly every printable byte selects nothing
    assert.equal(runGate('[^"\\s]{30}'), null);
    // alternation: only what every branch holds
    assert.equal(g('(?:abc[0-9]{30}|[0-9]{20})')?.length, 20);
    assert.equal(g('x|[0-9]{30}'), null);
    // unknown syntax, any-byte atoms, short or common runs: no gate
    for (const p of ['\\pL{40}', '.{50}', '[[:alpha:]]{30}', '\\Qabc\\E', '[a-z]', '\\w{3}', '(?:[ -~]{40})']) assert.equal(g(p), null, p);
  });

  it('every match of every built-in rule holds its gate (rule examples and random strings of the pattern)', () => {
    const rnd = new SeededRandom('run-gate-rules');
    let checked = 0;
    for (const rule of builtInRules().rules) {
      if (rule.keyPath) continue;
      const gate = runGate(rule.pattern);
      if (!gate) continue;
      const texts = (rule.examples?.match ?? []).map((t, i) => Buffer.from(expandExample(t, exampleSeed(rule.id, 'match', i))));
      // near misses: the examples with bytes changed at random
      for (const t of [...texts]) {
        for (let k = 0; k < 20; k++) {
          const b = Buffer.from(t);
          for (let j = 0; j < 3; j++) b[rnd.int(b.length)] = 0x20 + rnd.int(95);
          texts.push(b);
        }
      }
      for (const t of texts) {
        for (const m of matches(rule.pattern, t)) {
          assert.ok(hasRun(m, gate), `${rule.id}: a match without its run: ${JSON.stringify(m.toString())}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 200, `only ${checked} matches checked`);
  });
});
