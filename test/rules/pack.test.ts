// The built-in pack: the rules exactly as the YAML gives them, their words read only when asked for.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createEngine } from '../../src/pipeline/chunk-scanner.js';
import { builtinRulesDir, copyRule, loadRuleDir, parseRuleFile } from '../../src/rules/loader.js';
import { buildRuleSet } from '../../src/rules/rule-set.js';

const WORDS = ['description', 'remediation', 'examples'] as const;

function fromYaml() {
  const dir = builtinRulesDir();
  const sets = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseRuleFile(readFileSync(join(dir, f), 'utf8'), `rules/${f}`));
  return { rules: sets.flatMap((s) => s.rules), knownPublic: sets.flatMap((s) => s.knownPublic) };
}

const unread = (rule: object, field: string) => typeof Object.getOwnPropertyDescriptor(rule, field)?.get === 'function';

describe('built-in rule pack', () => {
  it('holds every rule and known-public value of the YAML, field for field and in the same key order', () => {
    const pack = loadRuleDir();
    const yaml = fromYaml();
    assert.ok(pack.rules.length > 100);
    assert.ok(pack.rules.some((r) => unread(r, 'remediation')), 'the pack is in use (its words load on first read)');
    // JSON text compares values and key order, and reads every lazily loaded field
    assert.equal(JSON.stringify(pack.rules), JSON.stringify(yaml.rules));
    assert.deepEqual(pack.knownPublic, yaml.knownPublic);
  });

  it('leaves the words unread through building the rule set, the engine and a clean scan', () => {
    const set = buildRuleSet();
    const engine = createEngine(set);
    assert.deepEqual(engine.scan(Buffer.from('const retries = 3;\nmodule.exports = { region: "eu" };\n'), 'config.js'), []);
    const packed = set.rules.filter((r) => r.origin === 'built-in' && WORDS.some((w) => unread(r, w)));
    assert.ok(packed.length > 100, `${packed.length} rules with unread words`);
    const rule = packed.find((r) => unread(r, 'examples'))!;
    const yamlRule = fromYaml().rules.find((r) => r.id === rule.id)!;
    // a copy (a severity override) keeps them unread too, then each object loads on its own first read
    const copy = copyRule(rule, { severity: 'note' });
    assert.ok(unread(copy, 'examples') && copy.severity === 'note');
    assert.deepEqual(copy.examples, yamlRule.examples);
    assert.ok(!unread(copy, 'examples') && unread(rule, 'examples'));
    assert.deepEqual(rule.examples, yamlRule.examples);
    assert.equal(rule.description, yamlRule.description);
    // written like any field
    rule.remediation = 'rotate it';
    assert.equal(rule.remediation, 'rotate it');
  });
});
