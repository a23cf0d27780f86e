// Shared vocabulary: a rule as written (after schema validation and defaults), and known public values.
import type { Grants, Severity } from './finding.js';

/** A value published in docs, test vectors or dev tooling: never a leak. */
export interface KnownPublicValue {
  value: string;
  description: string;
}

/** Built-in pack, a rule file given with --rules (or the Action's rules input), or a config file's custom rules. */
export type RuleOrigin = 'built-in' | 'rules-option' | 'repository-config';

/** The rules of one scan and the known public values their files list. */
export interface RuleSet {
  rules: RuleSpec[];
  knownPublic: KnownPublicValue[];
}

/** Where a value must sit for a rule to accept it. Regexes are RE2 syntax, matched case-insensitively. */
export interface RuleContext {
  /** The key the value is assigned to (`KEY=…`, `key: …`, `"key": "…"`, `--flag …`, call name) must match. */
  keys?: string;
  /** Text within `window` lines around the match (its own line included) must match. With `keys`, both must hold. */
  nearby?: string;
  /** Lines above and below searched for `nearby`. */
  window?: number;
  /** The assigned key must NOT match (e.g. hash, tx, topic …). */
  denyKeys?: string;
}

/** Roles a value can play, from the shared name vocabulary (src/rules/names.ts). */
export type NameRole =
  | 'key' | 'secret' | 'private-key' | 'passphrase' | 'token' | 'client-id' | 'client-secret' | 'project-id' | 'project-secret' | 'jwt' | 'named';

/** Which names bind a value to this rule: compiled by the loader into `context.keys` (and `nearby` when absent). */
export interface RuleNames {
  /** Words naming the provider, aliases included (`bitfinex`, `bfx`). */
  providers: string[];
  /** Roles the value plays; each brings its role words (`token` brings token, api_token, access_token, auth …). */
  roles: NameRole[];
  /** Roles that count only with a provider word in the name (`infuraProjectId`, never a bare `projectId`). */
  providerRoles?: NameRole[];
  /** Whole names that bind on their own, such as header names (`X-MBX-APIKEY`). */
  also?: string[];
}

export interface RuleExamples {
  match: string[];
  nomatch: string[];
}

/** A rule as written in rules/*.yaml (after schema validation and defaults). */
export interface RuleSpec {
  id: string;
  title: string;
  provider: string;
  severity: Severity;
  description?: string;
  keywords: string[];
  pattern: string;
  /** Capture group holding the secret: number or name. Default: 1 if the pattern has groups, else 0. */
  secretGroup?: number | string;
  entropy?: number;
  /**
   * `pattern`: besides a keyword, the pattern itself must occur, checked in the shared pattern set
   * (for rules whose keywords are common words but whose pattern is rare; each costs the set ~5%).
   */
  prefilter?: 'pattern';
  context?: RuleContext;
  names?: RuleNames;
  /** A generic rule (any provider's secret by shape or name): a provider rule claiming the same value wins. */
  generic?: boolean;
  /** Higher wins an overlap between two rules of equal standing (default 0); rule order never decides. */
  priority?: number;
  /** Rule ids this rule always wins an overlap against. */
  supersedes?: string[];
  /**
   * The pattern identifies the format (ghp_, npm_, xprv, WIF …): a value it matches that fails the
   * offline check is no secret of that kind, and no rule — generic ones included — reports it.
   */
  identifies?: boolean;
  /** Syntaxes of the syntax-matrix test this rule cannot be found in, and why (`all`: the pattern is itself a form). */
  matrix?: { skip: string[]; why: string };
  validate?: string;
  /** Known-public values or RE2 patterns (prefix `re:`): reported at note level as known public test keys. */
  allow?: string[];
  /** Descriptive labels only: behaviour follows `grants`. */
  tags: string[];
  /** What the value gives its holder (default: the rule file's `grants:`, else `service`). */
  grants?: Grants;
  /** Two-part credentials: parts of the same pair id found close together are linked. */
  pair?: { id: string; part: string };
  /** Precision for SARIF (`very-high` for checksummed formats). */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
  remediation?: string;
  /** Revoker name (issue: revocation); absent = no automatic revocation. */
  revoker?: string;
  examples: RuleExamples;
  /** File the rule came from, for messages. */
  source?: string;
  /**
   * Where the rule came from, set by the rule-set builder (src/rules/rule-set.ts). Trust reads this, never
   * `source`: only a built-in rule's `revoker` is used. Absent on rules made by hand (tests, tools).
   */
  origin?: RuleOrigin;
  /**
   * Built-in key-path rules only (not settable from YAML): the rule runs on values of parsed config
   * files instead of over bytes. `pattern` is the shape the whole value must have, `context.keys` the
   * secret role its key must name, and a segment of the key path must name a provider.
   */
  keyPath?: KeyPathRule;
}

export interface KeyPathRule {
  /** Provider names recognised in key paths, beside the providers of the loaded rules. */
  providers: string[];
  /** Minimum value length. */
  minLength: number;
}


/** Only a built-in rule names an issuer: rule files and config files never choose where a secret is sent. */
export function trustedRevoker(rule: RuleSpec): string | undefined {
  return rule.origin === 'built-in' ? rule.revoker : undefined;
}
