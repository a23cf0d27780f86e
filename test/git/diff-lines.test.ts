// addedLines: a minimal line diff (same count as an LCS), kept lines in order, and git's answer on simple edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addedLines } from '../../src/sources/git-diff-lines.js';
import { nulTokens } from '../../src/sources/git-process.js';

const b = (lines: string[]) => Buffer.from(lines.map((l) => `${l}\n`).join(''));
const sorted = (s: Set<number>) => [...s].sort((x, y) => x - y);

function lcs(a: string[], c: string[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(c.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= c.length; j++) dp[i]![j] = a[i - 1] === c[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![c.length]!;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('addedLines', () => {
  it('new file: every line', () => {
    assert.deepEqual(sorted(addedLines(null, b(['a', 'b', 'c']))), [1, 2, 3]);
    assert.deepEqual(sorted(addedLines(Buffer.alloc(0), Buffer.from('a\nb'))), [1, 2]);
  });
  it('insertions, replacements, deletions', () => {
    assert.deepEqual(sorted(addedLines(b(['a', 'b', 'c']), b(['a', 'x', 'b', 'c']))), [2]);
    assert.deepEqual(sorted(addedLines(b(['a', 'b', 'c']), b(['a', 'B', 'c']))), [2]);
    assert.deepEqual(sorted(addedLines(b(['a', 'b', 'c']), b(['a', 'c']))), []);
    assert.deepEqual(sorted(addedLines(b(['a', 'b']), b(['a', 'b', 'c', 'd']))), [3, 4]);
    assert.deepEqual(sorted(addedLines(b(['a', 'b']), b(['z', 'a', 'b']))), [1]);
    assert.deepEqual(sorted(addedLines(b(['a', 'b']), b(['a', 'b']))), []);
  });
  it('a final newline added or dropped does not make the line new', () => {
    assert.deepEqual(sorted(addedLines(Buffer.from('a\nb\n'), Buffer.from('a\nb'))), []);
    assert.deepEqual(sorted(addedLines(Buffer.from('a\nb'), Buffer.from('a\nb\nc'))), [3]);
  });
  it('random edits: minimal (LCS-sized) and the kept lines are a subsequence of the old text', () => {
    const r = rng(42);
    for (let round = 0; round < 300; round++) {
      const alphabet = 1 + Math.floor(r() * 6);
      const old = Array.from({ length: Math.floor(r() * 30) }, () => String(Math.floor(r() * alphabet)));
      const next = old.filter(() => r() > 0.2);
      for (let k = Math.floor(r() * 8); k > 0; k--) next.splice(Math.floor(r() * (next.length + 1)), 0, String(Math.floor(r() * alphabet)));
      const added = addedLines(b(old), b(next));
      assert.equal(next.length - added.size, lcs(old, next), `round ${round}`);
      const kept = next.filter((_, i) => !added.has(i + 1));
      let i = 0;
      for (const line of old) if (i < kept.length && kept[i] === line) i++;
      assert.equal(i, kept.length, `round ${round}: kept lines out of order`);
    }
  });
  it('huge rewrites fall back to a bounded comparison', () => {
    const old = Array.from({ length: 5000 }, (_, i) => `old ${i}`);
    const next = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `new ${i}` : `old ${i}`));
    const added = addedLines(b(old), b(next));
    assert.equal(added.size, 2500);
    assert.ok(added.has(2) && !added.has(1));
  });
});

describe('nulTokens', () => {
  it('keeps tokens cut across chunks, bytes intact', async () => {
    async function* chunks() {
      yield Buffer.from('ab\0c');
      yield Buffer.from('d\0\0é'.slice(0, 4));
      yield Buffer.from([0xc3]);
      yield Buffer.from([0xa9, 0]);
    }
    const out: string[] = [];
    for await (const t of nulTokens(chunks())) out.push(t.toString('utf8'));
    assert.deepEqual(out, ['ab', 'cd', '', 'éé']);
  });
});
