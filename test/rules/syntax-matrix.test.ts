// Every rule's examples rendered in every syntax of the matrix: each `match` value must be found by
// its rule in each syntax (unless the rule's `matrix.skip` names the syntax and says why), each
// `nomatch` value must stay silent in all of them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import RE2 from 're2';
import { boundNames } from '../../src/engine/binding.js';
import { Engine } from '../../src/engine/scanner.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { expandExample } from '../../src/rules/example-values.js';
import { exampleSeed } from '../../src/rules/examples.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { validators } from '../../src/validators/index.js';
import { asWritten, contextOf, nameOf, names, renderFile, SYNTAXES } from '../support/syntax-matrix.js';

const { rules, knownPublic } = loadRuleDir();

const norm = (v: string) => v.replace(/\\n/g, '\n').replace(/\r/g, '').replace(/^0x/i, '').trim();

interface Binding {
  name: string;
  value: string;
  context: string[];
}

/** The value as the pattern sees it: the whole match (PEM armour, endpoint URL, `0x`) without its delimiters. */
function valueOf(rule: RuleSpec, text: string, secret: string): string {
  const re = new RE2(rule.pattern, 'gu');
  for (const m of text.matchAll(re as unknown as RegExp)) {
    if (!m[0].includes(secret)) continue;
    const whole = m[0].replace(/^(?:[\s"'`=:(,>]|\[(?!\s*\d)|:-)+/, '').replace(/[\s"'`,;)}<]+$/, '');
    // a leading `NAME=` is the binding's, unless the secret itself holds it (`a=b` passphrases)
    const unnamed = whole.replace(/^[A-Za-z_][\w.-]*[ \t]*(?:=>|=(?!\/\/)|:(?=[ \t"'`]))[ \t]*["'`]?(?=\S)/, '');
    return unnamed.includes(secret) ? unnamed : whole;
  }
  return asWritten(text, secret);
}

/** The (name, value) pairs a match example yields for its rule, found by the engine. */
function matchBindings(engine: Engine, rule: RuleSpec, text: string): Binding[] {
  return engine
    .scan(Buffer.from(text), 'example.txt')
    .filter((f) => f.ruleId === rule.id && !f.knownPublic)
    .slice(0, 1)
    .map((f) => {
      const value = valueOf(rule, text, f.secret);
      return { name: nameOf(f.key), value, context: contextOf(text, value) };
    });
}

/** The values a nomatch example holds in the rule's shape, with the name each is bound to. */
function nomatchBindings(rule: RuleSpec, text: string): Binding[] {
  const re = new RE2(rule.pattern, 'gu');
  const out: Binding[] = [];
  for (const m of text.matchAll(re as unknown as RegExp)) {
    const g = rule.secretGroup ?? (m.length > 1 ? 1 : 0);
    const value = (typeof g === 'number' ? m[g] : m.groups?.[g]) ?? m[0];
    if (!value || value.length < 8) continue;
    const at = text.indexOf(value, m.index);
    const whole = m[0].replace(/^(?:[\s"'`=:(,>]|\[(?!\s*\d)|:-)+/, '').replace(/[\s"'`,;)}<]+$/, '').replace(/^[A-Za-z_][\w.-]*[ \t]*(?:=>|=(?!\/\/)|:(?=[ \t"'`]))[ \t]*["'`]?(?=\S)/, '');
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const prevEnd = lineStart > 0 ? lineStart - 1 : -1;
    const above = prevEnd >= 0 ? text.slice(text.lastIndexOf('\n', prevEnd - 1) + 1, prevEnd) : undefined;
    out.push({ name: nameOf(boundNames(text.slice(lineStart, at), above)[0]), value: whole, context: contextOf(text, whole) });
    if (out.length >= 3) break;
  }
  return out;
}

describe('syntax matrix', () => {
  it(`has at least 25 syntaxes (${SYNTAXES.length})`, () => assert.ok(SYNTAXES.length >= 25));
  for (const rule of rules) {
    it(rule.id, () => {
      const engine = new Engine([rule], { validators, knownPublic });
      const skip = new Set(rule.matrix?.skip ?? []);
      const missed = new Map<string, number>();
      const noisy: string[] = [];
      const skippedHits = new Map<string, number>();
      const skippedMisses = new Map<string, number>();
      let rendered = 0;
      rule.examples.match.forEach((tpl, i) => {
        const text = expandExample(tpl, exampleSeed(rule.id, 'match', i));
        for (const b of matchBindings(engine, rule, text)) {
          for (const s of SYNTAXES) {
            const file = renderFile(s, names(b.name), b.value, b.context);
            const hit = engine.scan(Buffer.from(file), s.file).some((f) => f.ruleId === rule.id && norm(b.value).includes(norm(f.secret)));
            rendered++;
            if (skip.has(s.id)) (hit ? skippedHits : skippedMisses).set(s.id, 1 + ((hit ? skippedHits : skippedMisses).get(s.id) ?? 0));
            if (!hit && process.env.MATRIX_DEBUG === rule.id) console.log(`--- ${s.id}\n${file}`);
            if (!hit && !skip.has(s.id) && !skip.has('all')) missed.set(s.id, (missed.get(s.id) ?? 0) + 1);
          }
        }
      });
      rule.examples.nomatch.forEach((tpl, i) => {
        const text = expandExample(tpl, exampleSeed(rule.id, 'nomatch', i));
        for (const b of nomatchBindings(rule, text)) {
          for (const s of SYNTAXES) {
            const file = renderFile(s, names(b.name), b.value, b.context);
            const hits = engine.scan(Buffer.from(file), s.file).filter((f) => f.ruleId === rule.id && !f.knownPublic && norm(b.value).includes(norm(f.secret)));
            if (hits.length > 0) noisy.push(`nomatch[${i}] ${s.id} (${b.name})`);
          }
        }
      });
      assert.deepEqual([...missed].map(([s, n]) => `${s} x${n}`), [], `match values missed (rendered ${rendered})`);
      assert.deepEqual(noisy, [], 'nomatch values reported');
      const stale = [...skippedHits.keys()].filter((id) => !skippedMisses.has(id));
      assert.deepEqual(stale, [], 'matrix.skip lists syntaxes the rule is found in for every example');
    });
  }
});
