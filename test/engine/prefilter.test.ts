import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prefilter } from '../../src/engine/prefilter.js';
import { builtInRules } from '../../src/rules/rule-set.js';
import { SeededRandom } from '../../src/rules/seeded-random.js';

describe('prefilter', () => {
  it('the first input (indexOf on a lower-cased copy) and later input (one RE2.Set pass) find the same keywords', () => {
    const rules = builtInRules().rules.filter((r) => !r.keyPath);
    const words = [...new Set(rules.flatMap((r) => r.keywords).filter((k) => !k.startsWith('re:')))];
    const rng = new SeededRandom('prefilter-keywords');
    const texts: Buffer[] = [];
    for (let t = 0; t < 300; t++) {
      let s = '';
      for (let i = 0; i < 12; i++) {
        const w = words[rng.int(words.length)]!;
        // any letter case, cut short now and then (a near miss), between code-like filler
        const cased = [...w].map((c) => (rng.int(2) ? c.toUpperCase() : c.toLowerCase())).join('');
        s += rng.chars('abc_ =.:"\n', 1 + rng.int(6)) + (rng.int(5) === 0 ? cased.slice(0, -1) : cased);
      }
      texts.push(Buffer.from(s));
    }
    const warmed = new Prefilter(rules);
    warmed.keywordCandidates(Buffer.alloc(1024 * 1024, 'x')); // past the indexOf budget: the set from here on
    let hits = 0;
    for (const text of texts) {
      const small = new Prefilter(rules).keywordCandidates(text).sort((a, b) => a - b);
      assert.deepEqual(warmed.keywordCandidates(text).sort((a, b) => a - b), small, text.toString());
      hits += small.length;
    }
    assert.ok(hits > 1000, `the texts should name many rules' keywords (${hits})`);
  });
});
