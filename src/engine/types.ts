// Shared shapes of the pure engine: rules in, findings out.

export type Severity = 'error' | 'warning' | 'note';
export const SEVERITIES: readonly Severity[] = ['note', 'warning', 'error'];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
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
  validate?: string;
  /** Known-public values or RE2 patterns (prefix `re:`): reported at note level as known public test keys. */
  allow?: string[];
  tags: string[];
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

export interface ValidationResult {
  valid: boolean;
  /** Why it failed or what was checked, short. */
  reason?: string;
  /** For keys with a public counterpart: the address / public key the owner can look up. */
  address?: string;
  /** Value is a published test key (validators may know vectors). */
  knownPublic?: string;
}

export interface ValidatorInput {
  /** The candidate secret, as matched. */
  secret: string;
  /** Whole match text (may include key name, PEM armour …). */
  match: string;
  /** Decoded text of the chunk, for validators that need surrounding structure (keystore JSON …). */
  text: () => string;
  /** Character offset of the match in text(). */
  index: () => number;
}

export type Validator = (input: ValidatorInput) => ValidationResult;

export interface Finding {
  ruleId: string;
  title: string;
  provider: string;
  severity: Severity;
  /** Repo- or scan-root-relative path, `/` separated; `-` for stdin. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** Exclusive, 1-based, in UTF-16 code units (SARIF default column kind). */
  endColumn: number;
  /** The raw secret. Never printed unless --show-secrets; reporters use `redacted`. */
  secret: string;
  redacted: string;
  fingerprint: string;
  /** An offline check (checksum, curve, structure) confirmed the value. */
  validated: boolean;
  /** Known public test key / documented sample: reported at note level, not a leak. */
  knownPublic?: string;
  /** Derived public address / key for the owner to look up. */
  address?: string;
  /** Key the value was assigned to, when one was found. */
  key?: string;
  /** Fingerprints of the other parts of a two-part credential found nearby. */
  related?: string[];
  pair?: { id: string; part: string };
  message: string;
  tags: string[];
  /** Set by sources: git provenance and similar. */
  commit?: CommitInfo;
  /** Set when the secret was found inside a decoded value. */
  decoded?: string;
  /**
   * Why the finding is suppressed (the engine marks `inline`; the pipeline adds the others).
   * Suppressed findings are dropped and counted in stats, or shown with --no-suppress.
   */
  suppressed?: SuppressionKind;
}

export type SuppressionKind = 'inline' | 'ignoreFile' | 'baseline' | 'allow';

export interface CommitInfo {
  sha: string;
  author?: string;
  email?: string;
  date?: string;
  subject?: string;
  /** Commit that removed the secret's blob from that path, if any. */
  removedIn?: string;
  removedDate?: string;
  /** Days between introduction and removal (or now when still present). */
  exposureDays?: number;
  presentAtHead?: boolean;
  /** Every path the secret had in history (renames, copies), oldest first; set when more than one. */
  paths?: string[];
}

/** Counters for one run; every skipped or suppressed item is counted so nothing disappears silently. */
export interface ScanStats {
  files: number;
  bytes: number;
  durationMs: number;
  skipped: { binary: number; tooLarge: number; unreadable: number; ignored: number };
  findings: { error: number; warning: number; note: number };
  suppressed: { inline: number; ignoreFile: number; baseline: number; allow: number };
  warnings: string[];
  /** Git sources only. */
  commits?: number;
  blobs?: number;
}

export function emptyStats(): ScanStats {
  return {
    files: 0,
    bytes: 0,
    durationMs: 0,
    skipped: { binary: 0, tooLarge: 0, unreadable: 0, ignored: 0 },
    findings: { error: 0, warning: 0, note: 0 },
    suppressed: { inline: 0, ignoreFile: 0, baseline: 0, allow: 0 },
    warnings: [],
  };
}
