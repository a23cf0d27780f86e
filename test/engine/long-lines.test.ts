import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleSpec } from '../../src/core/rule.js';
import { Chunk } from '../../src/engine/chunk.js';
import { Engine } from '../../src/engine/scanner.js';
import { LineIndex, NEAR_BYTES } from '../../src/engine/lines.js';
import { builtInRules } from '../../src/rules/rule-set.js';
import { SeededRandom } from '../../src/rules/seeded-random.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';

/** Text with short and very long lines, multi-byte characters and CRLF. */
function randomText(rng: SeededRandom): Buffer {
  const parts: string[] = [];
  for (let i = 0; i < 40; i++) {
    const long = rng.int(8) === 0;
    const n = long ? 5000 + rng.int(20000) : rng.int(120);
    parts.push(rng.chars('abcdefXYZ0123 =:"\'é€\u{1F511}', n) + (rng.int(4) === 0 ? '\r\n' : '\n'));
  }
  return Buffer.from(parts.join(''));
}

/** Offsets at character starts, in a mixed order (ascending runs, then jumps back). */
function offsets(rng: SeededRandom, buf: Buffer, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let at = rng.int(buf.length);
    while (at < buf.length && (buf[at]! & 0xc0) === 0x80) at++;
    out.push(at);
  }
  return out.slice(0, n / 2).sort((a, b) => a - b).concat(out.slice(n / 2));
}

describe('long lines', () => {
  it('columns counted on from the last position equal columns counted from the line start', () => {
    const rng = new SeededRandom('long-lines-columns');
    for (let t = 0; t < 10; t++) {
      const buf = randomText(rng);
      const lines = new LineIndex(buf);
      const fresh = (at: number) => new LineIndex(buf).position(at);
      for (const at of offsets(rng, buf, 200)) assert.deepEqual(lines.position(at), fresh(at), `offset ${at}`);
    }
  });

  it('text near a value is its lines on ordinary lines and a bounded window on a long one', () => {
    const short = Buffer.from('a = 1\nkey = "value"\nb = 2\n');
    const at = short.indexOf('"value"');
    assert.equal(new LineIndex(short).textNear(0, 2, at, at + 7, NEAR_BYTES), 'a = 1\nkey = "value"\nb = 2');
    assert.equal(new LineIndex(short).prefix(at, NEAR_BYTES), 'key = ');
    assert.equal(new LineIndex(short).tail(0, NEAR_BYTES), 'a = 1');

    const long = Buffer.from(`${'é'.repeat(10000)}key="v"${'x'.repeat(10000)}\nnext`);
    const v = long.indexOf('key=');
    const lines = new LineIndex(long);
    const near = lines.textNear(0, 1, v, v + 7, NEAR_BYTES);
    assert.ok(near.includes('key="v"') && Buffer.byteLength(near) <= 2 * NEAR_BYTES + 7, 'a bounded window around the value');
    assert.ok(!near.includes('\uFFFD'), 'cut at character boundaries');
    assert.ok(lines.prefix(v, NEAR_BYTES).length <= NEAR_BYTES && !lines.prefix(v, NEAR_BYTES).includes('\uFFFD'));
    assert.ok(Buffer.byteLength(lines.tail(0, NEAR_BYTES)) <= NEAR_BYTES);
    assert.equal(lines.tail(5, NEAR_BYTES), '');
  });

  it('a value inside a data: URI is known from the bytes, however far the URI starts', () => {
    const rng = new SeededRandom('long-lines-data-uri');
    const re = /data:[\w/+.-]*;base64,[A-Za-z0-9+/=]*$/;
    let inside = 0;
    for (let t = 0; t < 80; t++) {
      const noise = ['data:', 'image/png', ';base64,', ';base64', 'x', ' ', '\n', ':', '"', 'é'];
      let s = '';
      for (let i = 0; i < 20; i++) {
        const body = rng.chars('ABCxyz019+/=', rng.int(3000));
        s += rng.int(2) === 0 ? `data:${rng.int(2) ? 'image/svg+xml' : ''};base64,${body}` : noise[rng.int(noise.length)]! + body.slice(0, 20);
      }
      const buf = Buffer.from(s);
      const chunk = new Chunk(buf);
      for (const at of offsets(rng, buf, 40).sort((a, b) => a - b)) {
        const lineStart = chunk.lines.lineStart(chunk.lines.lineOf(at));
        const want = re.test(buf.toString('utf8', lineStart, at));
        assert.equal(chunk.inDataUri(lineStart, at), want, `offset ${at}`);
        if (want) inside++;
      }
    }
    assert.ok(inside > 200, `offsets inside data URIs: ${inside}`);
  });

  it('on one long line, "nearby" means near the value: a provider named 50 KB away does not count', () => {
    const rule: RuleSpec = {
      id: 'near-test',
      title: 'Test token',
      provider: 'acme',
      severity: 'error',
      keywords: ['tok_'],
      pattern: '\\b(tok_[a-z0-9]{16})\\b',
      context: { nearby: '(?i)acme', window: 2 },
      tags: [],
      examples: { match: ['x'], nomatch: ['y'] },
    };
    const engine = new Engine([rule], { validators, wellKnownConstant });
    const token = 'tok_q7w8e9r0t1y2u3i4';
    const filler = 'var a=b+c;'.repeat(5000);
    const far = `acme.init();${filler}var t="${token}";${filler}`;
    const near = `${filler}acme.login("${token}");${filler}`;
    assert.equal(engine.scan(Buffer.from(far), 'bundle.min.js').length, 0);
    assert.equal(engine.scan(Buffer.from(near), 'bundle.min.js').length, 1);
    // ordinary lines: the window is lines, as before
    assert.equal(engine.scan(Buffer.from(`// acme client\n\nconst t = "${token}";\n`), 'a.js').length, 1);
  });

  it('work on one long line grows with its length, not with its length times its values', () => {
    // bytes decoded to text while scanning a 512 KB line: reading the whole line again for each of its thousands of
    // values comes to gigabytes; a bounded window per value (and a bounded number of values) to tens of megabytes
    const engine = new Engine(builtInRules().rules, { validators, wellKnownConstant });
    const lines: Array<[string, string]> = [
      ['a%41b ', 'a.txt'], // percent-escaped tokens
      ['= QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw ', 'a.txt'], // base64 values after a lead
      [`0x${'3a18f6d4b2907e5c'.repeat(4)},`, 'a.js'], // 64-hex candidates (no run or short period: not a placeholder)
    ];
    const toString = Buffer.prototype.toString;
    for (const [unit, path] of lines) {
      const buf = Buffer.from(unit.repeat(Math.ceil((512 * 1024) / unit.length)));
      let decoded = 0;
      Buffer.prototype.toString = function (this: Buffer, ...args: unknown[]) {
        const start = (args[1] as number | undefined) ?? 0;
        const end = Math.min((args[2] as number | undefined) ?? this.length, this.length);
        decoded += Math.max(0, end - start);
        return toString.apply(this, args as Parameters<Buffer['toString']>);
      } as Buffer['toString'];
      try {
        engine.scan(buf, path);
      } finally {
        Buffer.prototype.toString = toString;
      }
      assert.ok(decoded < 64 * 1024 * 1024, `${unit.trim()}: ${decoded} bytes decoded for a ${buf.length}-byte line`);
    }
  });
});
