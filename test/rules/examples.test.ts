// The one generic test over every rule's own true/false-positive table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRuleDir } from '../../src/rules/loader.js';
import { runRuleExamples } from '../../src/rules/examples.js';

const { rules, knownPublic } = loadRuleDir();

describe('rule examples', () => {
  it('the pack has rules', () => assert.ok(rules.length > 0));
  for (const rule of rules) {
    it(`${rule.id} (${rule.source})`, () => {
      assert.ok(rule.examples.match.length > 0, 'needs match examples');
      assert.ok(rule.examples.nomatch.length > 0, 'needs nomatch examples');
      const failed = runRuleExamples(rule, knownPublic).filter((r) => !r.ok);
      assert.deepEqual(
        failed.map((r) => `${r.kind}[${r.index}]: ${r.detail}`),
        [],
      );
    });
  }
});
