// The one place a scan's rule set is assembled, in this order:
//   1. built-in rules (the pack and the key-path rule), unless the config says `extends: none`;
//   2. rule files given with --rules (or the Action's rules input), in the order given;
//   3. the config file's custom rules;
//   then one duplicate-id check over all of them, the examples of every rule that is not built in,
//   and last the config's `disable` and `severity` overrides, which may name a rule of any origin.
// Every rule leaves with its origin; trust (revocation, verification) reads that field.
import type { Severity } from '../core/finding.js';
import type { RuleOrigin, RuleSet, RuleSpec } from '../core/rule.js';
import { lazyRequire } from '../util/lazy-require.js';
import type * as Examples from './examples.js';
import { KEYPATH_RULE } from './keypath-rule.js';
import { checkRule, copyRule, loadRuleDir, readRuleFiles, RuleError } from './loader.js';

// running examples needs the seeded sample builders (all the crypto libraries): only when a rule is not built in
const examples = lazyRequire<typeof Examples>('./examples.js', import.meta.url);

/** The rule section of a config file, as written (schema-checked by the config layer). */
export interface ConfigRules {
  /** Config file, as shown in messages. */
  file: string;
  /** Custom rules, not yet checked. */
  custom: unknown[];
  disable?: string[];
  severity?: Record<string, Severity>;
}

export interface RuleSetInput {
  /** Built-in rules: the pack and the key-path rule by default; false under `extends: none`. */
  builtIn?: boolean | (() => RuleSet);
  /** Rule files or folders (--rules). */
  ruleFiles?: string[];
  config?: ConfigRules;
}

/**
 * A problem in the config's rule section. `at` is the place under it: `['custom', i, …field]`,
 * `['disable', i]` or `['severity', id]`; the config layer turns it into file, line and key.
 */
export class ConfigRulesError extends Error {
  constructor(readonly at: string[], readonly detail: string) {
    super(detail);
    this.name = 'ConfigRulesError';
  }
}

/** The built-in pack and the built-in key-path rule. */
export function builtInRules(): RuleSet {
  const pack = loadRuleDir();
  return { rules: [...pack.rules, KEYPATH_RULE], knownPublic: pack.knownPublic };
}

interface Entry {
  spec: RuleSpec;
  /** Where to point a message about this rule. */
  place: { kind: 'file'; file: string } | { kind: 'config'; index: number };
}

/** Builds the rule set of one scan; throws RuleError (rule files) or ConfigRulesError (config). */
export function buildRuleSet(input: RuleSetInput = {}): RuleSet {
  const entries: Entry[] = [];
  const knownPublic: RuleSet['knownPublic'] = [];
  const add = (set: RuleSet, origin: RuleOrigin) => {
    for (const r of set.rules) entries.push({ spec: copyRule(r, { origin }), place: { kind: 'file', file: r.source ?? '' } });
    knownPublic.push(...set.knownPublic);
  };

  const builtIn = input.builtIn ?? true;
  if (builtIn) add(builtIn === true ? builtInRules() : builtIn(), 'built-in');
  if (input.ruleFiles?.length) add(readRuleFiles(input.ruleFiles), 'rules-option');
  const config = input.config;
  config?.custom.forEach((raw, index) => {
    let spec: RuleSpec;
    try {
      spec = checkRule(raw, config.file, `#${index + 1}`);
    } catch (e) {
      if (e instanceof RuleError) throw new ConfigRulesError(['custom', String(index), ...(e.field ? e.field.split('.') : [])], detailOf(e));
      throw e;
    }
    entries.push({ spec: { ...spec, origin: 'repository-config' }, place: { kind: 'config', index } });
  });

  // one duplicate check: the first definition wins the message
  const seen = new Map<string, Entry>();
  for (const e of entries) {
    const prev = seen.get(e.spec.id);
    if (!prev) {
      seen.set(e.spec.id, e);
      continue;
    }
    const where = prev.spec.origin === 'built-in' ? 'built-in rules' : (prev.spec.source ?? 'another rule file');
    fail(e, ['id'], `rule id "${e.spec.id}" is already defined (${where})`);
  }

  // one admission policy: a rule that is not built in must pass its own examples (built-ins are tested)
  for (const e of entries) {
    if (e.spec.origin === 'built-in') continue;
    for (const r of examples().runRuleExamples(e.spec, knownPublic)) {
      if (r.ok) continue;
      fail(e, ['examples', r.kind, String(r.index)], `rule "${e.spec.id}": ${r.kind} example ${r.index + 1} fails: ${r.detail}`);
    }
  }

  let rules = entries.map((e) => e.spec);
  if (config) rules = applyOverrides(rules, config);
  return { rules, knownPublic };
}

/** `disable`, then `severity`: each id must name a rule of the set, whatever its origin. */
function applyOverrides(rules: RuleSpec[], config: ConfigRules): RuleSpec[] {
  const known = new Set(rules.map((r) => r.id));
  // the id is the value the user wrote: the message names its place (key and line), not the value
  const unknown = 'unknown rule id (see "keyhound rules list")';
  (config.disable ?? []).forEach((id, i) => {
    if (!known.has(id)) throw new ConfigRulesError(['disable', String(i)], unknown);
  });
  const severity = config.severity ?? {};
  for (const id of Object.keys(severity)) {
    if (!known.has(id)) throw new ConfigRulesError(['severity', id], unknown);
  }
  const disabled = new Set(config.disable ?? []);
  return rules.filter((r) => !disabled.has(r.id)).map((r) => (severity[r.id] ? copyRule(r, { severity: severity[r.id]! }) : r));
}

function fail(e: Entry, field: string[], detail: string): never {
  if (e.place.kind === 'config') throw new ConfigRulesError(['custom', String(e.place.index), ...field], detail);
  throw new RuleError(e.place.file, e.spec.id, field.join('.'), detail);
}

/** The detail of a RuleError without its file/rule/field prefix (the config layer names those itself). */
function detailOf(e: RuleError): string {
  const prefix = `${e.file}${e.ruleId ? `: rule "${e.ruleId}"` : ''}${e.field ? `: field "${e.field}"` : ''}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}
