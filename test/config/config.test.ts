import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { KEYPATH_RULE_ID } from '../../src/rules/keypath-rule.js';
import type { RuleSpec } from '../../src/core/rule.js';
import type { RuleSet } from '../../src/rules/loader.js';

const baseRule: RuleSpec = {
  id: 'base-token',
  title: 'Base token',
  provider: 'base',
  severity: 'error',
  keywords: ['bt_'],
  pattern: '\\b(bt_[a-z0-9]{16})\\b',
  tags: ['security', 'secret'],
  examples: { match: ['bt_{{lower:16}}'], nomatch: ['bt_short'] },
};
const base = (): RuleSet => ({ rules: [baseRule, { ...baseRule, id: 'other-token', severity: 'warning' }], knownPublic: [] });

function parse(text: string) {
  return parseConfig(text, '.keyhound.yaml', base);
}

function error(text: string): ConfigError {
  try {
    parse(text);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${(e as Error).stack}`);
    return e;
  }
  assert.fail('expected a config error');
}

const CUSTOM = `  - id: acme-key
    title: ACME key
    provider: acme
    severity: error
    keywords: [acme_]
    pattern: '\\b(acme_[A-Za-z0-9]{20})\\b'
    tags: [security, secret]
    examples:
      match: ['ACME = acme_{{alnum:20}}']
      nomatch: ['ACME = acme_short']
`;

describe('config schema errors name file, line and key', () => {
  const cases: Array<[string, string, string]> = [
    ['unknown top-level key', 'extends: default\nexclude: [vendor/]\n', '.keyhound.yaml:2: exclude: unknown key "exclude" (allowed: extends, rules, paths, max-file-size, fail-on, baseline, allow, revoke)'],
    ['unknown nested key', 'paths:\n  exclude: [a/]\n  exclud: [b/]\n', '.keyhound.yaml:3: paths.exclud: unknown key "exclud" (allowed under paths: exclude)'],
    ['bad severity level', 'rules:\n  severity:\n    base-token: critical\n', '.keyhound.yaml:3: rules.severity.base-token: must be one of error, warning, note'],
    ['severity for an unknown rule', 'rules:\n  severity:\n    no-such-rule: note\n', '.keyhound.yaml:3: rules.severity.no-such-rule: unknown rule id (see "keyhound rules list")'],
    ['disable an unknown rule', 'rules:\n  disable:\n    - base-token\n    - nope\n', '.keyhound.yaml:4: rules.disable.1: unknown rule id (see "keyhound rules list")'],
    ['disable is not a list', 'rules:\n  disable: base-token\n', '.keyhound.yaml:2: rules.disable: must be a list'],
    ['extends value', 'extends: maybe\n', '.keyhound.yaml:1: extends: must be one of default, none'],
    ['fail-on value', 'fail-on: always\n', '.keyhound.yaml:1: fail-on: must be one of error, warning, note, never'],
    ['max-file-size', 'max-file-size: huge\n', '.keyhound.yaml:1: max-file-size: must be a size such as 500000, 512KB or 10MB'],
    ['allow without reason', 'allow:\n  - value: not-a-secret-123\n', '.keyhound.yaml:2: allow.0: missing required key "reason"'],
    ['allow with two matchers', 'allow:\n  - value: a-value-here\n    pattern: "^x"\n    reason: fixture\n', '.keyhound.yaml:2: allow.0: needs exactly one of "value", "pattern" or "fingerprint" (and a "reason")'],
    ['allow pattern not RE2', 'allow:\n  - pattern: "(?<=x)y"\n    reason: fixture data\n', '.keyhound.yaml:2: allow.0.pattern: not a valid RE2 pattern (invalid perl operator)'],
    ['revoke: true', 'revoke: true\n', '.keyhound.yaml:1: revoke: only "revoke: false" is accepted: the config file can turn revocation off, never turn it on or configure endpoints or issuers'],
    ['revoke endpoints', 'revoke:\n  endpoint: https://revoke.example/api\n', '.keyhound.yaml:2: revoke: only "revoke: false" is accepted: the config file can turn revocation off, never turn it on or configure endpoints or issuers'],
    ['not YAML', 'fail-on: error\nfoo: bar: baz\n', '.keyhound.yaml:2: not valid YAML: Nested mappings are not allowed in compact mappings'],
    ['custom rule unknown field', `rules:\n  custom:\n${CUSTOM.replace('    tags:', '    colour: red\n    tags:')}`, '.keyhound.yaml:9: rules.custom.0.colour: unknown key "colour"'],
    ['custom rule bad regex', `rules:\n${CUSTOM.replace("'\\b(acme_[A-Za-z0-9]{20})\\b'", "'(acme_(?=x))'")}`, '.keyhound.yaml:7: rules.0.pattern: not a valid RE2 pattern'],
    ['custom rule duplicate id', `rules:\n${CUSTOM.replace('id: acme-key', 'id: base-token')}`, '.keyhound.yaml:2: rules.0.id: rule id "base-token" is already defined (built-in rules)'],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      const e = error(text);
      assert.ok(e.message.startsWith(want), `got:  ${e.message}\nwant: ${want}`);
    });
  }

  it('a custom rule whose example fails is a config error at the example', () => {
    const text = `rules:\n${CUSTOM.replace("nomatch: ['ACME = acme_short']", "nomatch: ['ACME = acme_short', 'ACME = acme_{{alnum:20}}']")}`;
    const e = error(text);
    assert.equal(e.line, 11);
    assert.equal(e.key, 'rules.0.examples.nomatch.1');
    assert.match(e.message, /^\.keyhound\.yaml:11: rules\.0\.examples\.nomatch\.1: rule "acme-key": nomatch example 2 fails: expected no finding, got 1 \(error at 1:8\)$/);
    // a match example that finds nothing
    const e2 = error(`rules:\n  custom:\n${CUSTOM.replace(/^/gm, '  ').replace("'ACME = acme_{{alnum:20}}'", "'ACME = acme_{{alnum:19}}'")}`);
    assert.equal(e2.key, 'rules.custom.0.examples.match.0');
    assert.match(e2.message, /match example 1 fails: expected a finding, got none/);
  });
});

describe('config contents', () => {
  it('defaults without a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-config-'));
    try {
      const { ruleSet, settings } = loadConfig(dir);
      assert.equal(settings.file, undefined);
      assert.ok(ruleSet.rules.some((r) => r.id === KEYPATH_RULE_ID), 'built-in key-path rule is in the default set');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('disable, severity, custom rules, paths, sizes, fail-on, allow, revoke: false', () => {
    const { ruleSet, settings } = parse(
      [
        'extends: default',
        'rules:',
        '  disable: [other-token]',
        '  severity: {base-token: note}',
        '  custom:',
        CUSTOM.replace(/^/gm, '  ').trimEnd(),
        'paths:',
        '  exclude: [vendor/, "*.min.js"]',
        'max-file-size: 2MB',
        'fail-on: error',
        'allow:',
        '  - value: bt_notasecret0000',
        '    reason: documented test fixture',
        '  - pattern: "^bt_test"',
        '    reason: test tokens',
        '    rules: [base-token]',
        '  - fingerprint: 0123456789abcdef0123456789abcdef',
        '    reason: reviewed in SEC-12',
        '    paths: [docs/]',
        'revoke: false',
      ].join('\n'),
    );
    assert.deepEqual(
      ruleSet.rules.map((r) => [r.id, r.severity]),
      [
        ['base-token', 'note'],
        ['acme-key', 'error'],
      ],
    );
    assert.equal(ruleSet.rules[1]!.source, '.keyhound.yaml');
    assert.deepEqual(settings.exclude, ['vendor/', '*.min.js']);
    assert.equal(settings.maxFileSize, 2 * 1024 * 1024);
    assert.equal(settings.failOn, 'error');
    assert.equal(settings.allow.length, 3);
    assert.equal(settings.revoke, false);
  });

  it('rules: as a list is custom rules; extends: none drops the built-in pack', () => {
    const { ruleSet } = parse(`extends: none\nrules:\n${CUSTOM}`);
    assert.deepEqual(
      ruleSet.rules.map((r) => r.id),
      ['acme-key'],
    );
  });

  it('discovers .keyhound.yml at the root; --config overrides; a missing --config is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-config-'));
    try {
      writeFileSync(join(dir, '.keyhound.yml'), 'fail-on: note\n');
      assert.equal(loadConfig(dir).settings.failOn, 'note');
      mkdirSync(join(dir, 'etc'));
      writeFileSync(join(dir, 'etc', 'kh.yaml'), 'fail-on: never\nrules:\n  disable: [keypath-provider-secret]\n');
      const other = loadConfig(dir, join(dir, 'etc', 'kh.yaml'));
      assert.equal(other.settings.failOn, 'never');
      assert.ok(!other.ruleSet.rules.some((r) => r.id === KEYPATH_RULE_ID));
      assert.throws(() => loadConfig(dir, join(dir, 'missing.yaml')), /missing\.yaml: config file not found/);
      writeFileSync(join(dir, '.keyhound.yml'), 'fail-on: note\nfail_on: error\n');
      assert.throws(() => loadConfig(dir), /\.keyhound\.yml:2: fail_on: unknown key "fail_on"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

after(() => undefined);
