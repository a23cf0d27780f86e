// The one rule-set builder: order, one duplicate check, one admission policy, overrides of any origin.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { KEYPATH_RULE_ID } from '../../src/rules/keypath-rule.js';
import { RuleError } from '../../src/rules/loader.js';
import { buildRuleSet } from '../../src/rules/rule-set.js';

const dir = mkdtempSync(join(tmpdir(), 'kh-ruleset-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function ruleYaml(id: string, opts: { match?: string; revoker?: string } = {}): string {
  return [
    `  - id: ${id}`,
    `    title: ${id}`,
    '    provider: acme',
    '    severity: error',
    '    keywords: [acme_]',
    "    pattern: '\\b(acme_[A-Za-z0-9]{20})\\b'",
    '    tags: [security, secret]',
    ...(opts.revoker ? [`    revoker: ${opts.revoker}`] : []),
    '    examples:',
    `      match: ['${opts.match ?? 'ACME = acme_{{alnum:20}}'}']`,
    "      nomatch: ['ACME = acme_short']",
  ].join('\n');
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** A fresh scan root holding only the given config text. */
function root(config?: string): string {
  const r = mkdtempSync(join(dir, 'root-'));
  if (config !== undefined) writeFileSync(join(r, '.keyhound.yaml'), config);
  return r;
}

describe('rule-set builder', () => {
  it('every rule records its origin: built-in, rules option, repository config', () => {
    const extra = file('origin.yaml', `rules:\n${ruleYaml('extra-key')}\n`);
    const { ruleSet } = loadConfig(root(`rules:\n  custom:\n${ruleYaml('repo-key').replace(/^/gm, '  ')}\n`), undefined, { extraRules: [extra] });
    const origin = new Map(ruleSet.rules.map((r) => [r.id, r.origin]));
    assert.equal(origin.get('extra-key'), 'rules-option');
    assert.equal(origin.get('repo-key'), 'repository-config');
    assert.equal(origin.get(KEYPATH_RULE_ID), 'built-in');
    assert.equal(origin.get('github-classic-token'), 'built-in');
    assert.ok(ruleSet.rules.every((r) => r.origin !== undefined));
    // built-ins first, then rule files, then the config's custom rules
    const ids = ruleSet.rules.map((r) => r.id);
    assert.ok(ids.indexOf(KEYPATH_RULE_ID) < ids.indexOf('extra-key'));
    assert.ok(ids.indexOf('extra-key') < ids.indexOf('repo-key'));
  });

  it('bug: the config can disable and re-level a rule that came from --rules', () => {
    const extra = file('extra.yaml', `rules:\n${ruleYaml('extra-key')}\n${ruleYaml('extra-other')}\n`);
    const r = root('rules:\n  disable: [extra-key]\n  severity:\n    extra-other: note\n');
    const { ruleSet } = loadConfig(r, undefined, { extraRules: [extra] });
    assert.ok(!ruleSet.rules.some((x) => x.id === 'extra-key'), 'disabled');
    assert.equal(ruleSet.rules.find((x) => x.id === 'extra-other')!.severity, 'note');
    // an id no origin defines is still refused, at its line
    assert.throws(
      () => loadConfig(root('rules:\n  disable: [extra-key, nope]\n'), undefined, { extraRules: [extra] }),
      (e: unknown) => e instanceof ConfigError && e.message.endsWith('/.keyhound.yaml:2: rules.disable.1: unknown rule id (see "keyhound rules list")'),
    );
  });

  it('bug: a --rules rule whose example fails is refused, as under rules.custom', () => {
    const bad = file('bad-example.yaml', `rules:\n${ruleYaml('bad-key', { match: 'ACME = acme_{{alnum:19}}' })}\n`);
    assert.throws(
      () => buildRuleSet({ ruleFiles: [bad] }),
      (e: unknown) =>
        e instanceof RuleError &&
        e.message === `${bad}: rule "bad-key": field "examples.match.0": rule "bad-key": match example 1 fails: expected a finding, got none`,
    );
    assert.throws(
      () => loadConfig(root(`rules:\n  custom:\n${ruleYaml('bad-key', { match: 'ACME = acme_{{alnum:19}}' }).replace(/^/gm, '  ')}\n`)),
      (e: unknown) => e instanceof ConfigError && e.key === 'rules.custom.0.examples.match.0' && /match example 1 fails: expected a finding, got none/.test(e.message),
    );
  });

  it('one duplicate check across built-ins, rule files and the config, with one message', () => {
    const dupBuiltin = file('dup-builtin.yaml', `rules:\n${ruleYaml('github-classic-token')}\n`);
    assert.throws(() => buildRuleSet({ ruleFiles: [dupBuiltin] }), /field "id": rule id "github-classic-token" is already defined \(built-in rules\)$/);
    const a = file('a.yaml', `rules:\n${ruleYaml('same-key')}\n`);
    const b = file('b.yaml', `rules:\n${ruleYaml('same-key')}\n`);
    assert.throws(() => buildRuleSet({ ruleFiles: [a, b] }), (e: unknown) => e instanceof RuleError && e.file === b && e.message.endsWith(`rule id "same-key" is already defined (${a})`));
    assert.throws(
      () => loadConfig(root(`rules:\n${ruleYaml('same-key')}\n`), undefined, { extraRules: [a] }),
      (e: unknown) => e instanceof ConfigError && e.message.endsWith(`/.keyhound.yaml:2: rules.0.id: rule id "same-key" is already defined (${a})`),
    );
  });

  it('a rule file or config rule keeps its revoker as written, but only origin built-in is trusted', async () => {
    const { trustedRevoker } = await import('../../src/core/rule.js');
    const extra = file('rev.yaml', `rules:\n${ruleYaml('extra-rev', { revoker: 'github' })}\n`);
    const { ruleSet } = loadConfig(root(`rules:\n${ruleYaml('repo-rev', { revoker: 'github' })}\n`), undefined, { extraRules: [extra] });
    for (const id of ['extra-rev', 'repo-rev']) assert.equal(trustedRevoker(ruleSet.rules.find((r) => r.id === id)!), undefined, id);
    assert.equal(trustedRevoker(ruleSet.rules.find((r) => r.id === 'github-classic-token')!), 'github');
  });
});
