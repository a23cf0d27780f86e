// Rule as written → compiled rule: regexes compiled on first use, allow lists, the named validator, and
// one prefilter over every rule's keywords and gate patterns.
import RE2 from 're2';
import type { KnownPublicValue, RuleSpec } from '../core/rule.js';
import type { Validator } from '../core/validator.js';
import { Prefilter } from './prefilter.js';
import { runGate, type RunGate } from './run-gate.js';
import { normalizeProvider } from './structure/keypath-rule.js';

export interface EngineOptions {
  knownPublic?: KnownPublicValue[];
  validators: Record<string, Validator>;
  /** What a well-known 32-byte constant (keccak256(""), an EIP-1967 slot …) is, given 64 lower-case hex. */
  wellKnownConstant?: (hex: string) => string | undefined;
}

/** Names that mark a value as a hash, identifier or public datum rather than a secret. */
export const DEFAULT_DENY_KEYS =
  '(?i)(hash|digest|checksum|integrity|sha1|sha256|sha512|sha$|md5|keccak|topic|selector|signature|fingerprint|txid|tx_?id|root|salt|slot|role|nonce|address|addr$|pubkey|public_?key|xpub|commit|uuid|guid|request_?id|trace|color|colour)';

/** Answers kept per regex: names repeat across matches and files, and an RE2 call costs ~1 µs (the string is copied). */
const MEMO_SIZE = 1024;

/** An RE2 compiled on first use (a small input pays only for the rules its bytes can trigger), its answers remembered. */
export class Lazy {
  private re: RE2 | null = null;
  private memo: Map<string, boolean> | null = null;
  constructor(private readonly pattern: string, private readonly flags: string) {}
  test(s: string): boolean {
    const memo = (this.memo ??= new Map());
    let hit = memo.get(s);
    if (hit === undefined) {
      if (!this.re) this.re = new RE2(this.pattern, this.flags);
      hit = this.re.test(s);
      // short strings only (names, key paths): a window of text is asked about once
      if (s.length <= 64) {
        if (memo.size >= MEMO_SIZE) memo.clear();
        memo.set(s, hit);
      }
    }
    return hit;
  }
}

const DEFAULT_DENY = new Lazy(DEFAULT_DENY_KEYS, 'u');

export interface CompiledRule {
  spec: RuleSpec;
  index: number;
  /** The pattern over bytes (pattern rules) or over a whole value (key-path rules), compiled on first use. */
  re: RE2 | null;
  group: number | string;
  entropy: number;
  keys: Lazy | null;
  nearby: Lazy | null;
  window: number;
  deny: Lazy | null;
  allowExact: Set<string>;
  allowRe: Lazy[];
  validator: Validator | null;
  generic: boolean;
  /** The prefilter's pattern set already tells whether the pattern occurs in a chunk. */
  setGated: boolean;
  /** A run of bytes every match holds: a chunk without it skips the pattern's pass (read on first use). */
  readonly gate: RunGate | null;
}

/** Everything the passes share: compiled rules, provider names, the prefilter, known public values. */
export interface CompiledRules {
  /** Rules run over bytes. */
  rules: CompiledRule[];
  /** Rules run on values of parsed config files. */
  keyPathRules: CompiledRule[];
  /** Provider names a key path may name (normalised). */
  providers: Set<string>;
  prefilter: Prefilter;
  /** Normalised known public value → its description. */
  known: Map<string, string>;
  wellKnownConstant?: (hex: string) => string | undefined;
}

/** Value normalisation for known-public lookups: case, 0x, whitespace. */
export function normalizeValue(v: string): string {
  return v.trim().replace(/^0x/i, '').replace(/\s+/g, ' ').toLowerCase();
}

const compiledPatterns = new Map<string, RE2>();
/** One compiled RE2 per distinct pattern, shared by the rules (and engines) that use it. */
export function patternRe(pattern: string): RE2 {
  let re = compiledPatterns.get(pattern);
  if (!re) {
    re = new RE2(pattern, 'gdu');
    compiledPatterns.set(pattern, re);
  }
  return re;
}

function lazyCi(pattern: string | undefined): Lazy | null {
  return pattern ? new Lazy(pattern, 'iu') : null;
}

function defaultGroup(pattern: string): number {
  // Any capturing group? (…) not followed by ?: — named groups use (?P<…> or (?<…>
  return /\((?!\?)|\(\?P?</.test(pattern.replace(/\\./g, '')) ? 1 : 0;
}

/** Run gates by pattern: read on a rule's first pass, not when the engine is built (a pre-commit run uses few rules). */
const runGates = new Map<string, RunGate | null>();
function gateOf(pattern: string): RunGate | null {
  let gate = runGates.get(pattern);
  if (gate === undefined) runGates.set(pattern, (gate = runGate(pattern)));
  return gate;
}

function compileRule(spec: RuleSpec, index: number, opts: EngineOptions): CompiledRule {
  const ctx = spec.context;
  const allowExact = new Set<string>();
  const allowRe: Lazy[] = [];
  for (const a of spec.allow ?? []) {
    if (a.startsWith('re:')) allowRe.push(new Lazy(a.slice(3), 'u'));
    else allowExact.add(normalizeValue(a));
  }
  let gate: RunGate | null | undefined;
  let validator: Validator | null = null;
  if (spec.validate) {
    validator = opts.validators[spec.validate] ?? null;
    if (!validator) throw new Error(`rule ${spec.id}: unknown validator "${spec.validate}"`);
  }
  return {
    spec,
    index,
    re: null,
    group: spec.secretGroup ?? defaultGroup(spec.pattern),
    entropy: spec.entropy ?? 0,
    keys: lazyCi(ctx?.keys),
    nearby: lazyCi(ctx?.nearby),
    window: ctx?.window ?? 3,
    deny: ctx?.denyKeys === '' ? null : ctx?.denyKeys ? new Lazy(ctx.denyKeys, 'u') : DEFAULT_DENY,
    allowExact,
    allowRe,
    validator,
    generic: spec.generic === true,
    setGated: false,
    get gate() {
      if (gate === undefined) gate = spec.keyPath ? null : gateOf(spec.pattern);
      return gate;
    },
  };
}

/** `gates`: patterns of the engine's own passes that ride in the prefilter's pattern set. */
export function compileRules(specs: RuleSpec[], opts: EngineOptions, gates: string[] = []): CompiledRules {
  const all = specs.map((spec, index) => compileRule(spec, index, opts));
  // key-path rules run on parsed config values, never over bytes
  const rules = all.filter((r) => !r.spec.keyPath);
  const keyPathRules = all.filter((r) => r.spec.keyPath);
  const providers = new Set<string>();
  for (const r of keyPathRules) for (const p of r.spec.keyPath!.providers) providers.add(normalizeProvider(p));
  if (keyPathRules.length > 0) {
    for (const r of rules) {
      const p = normalizeProvider(r.spec.provider);
      if (p.length >= 3 && p !== 'generic') providers.add(p);
    }
  }
  const known = new Map<string, string>();
  for (const k of opts.knownPublic ?? []) known.set(normalizeValue(k.value), k.description);
  // one more keyword group after the rules: provider names, so a config file naming only a provider
  // that no rule knows (`phemex: {api_secret: …}`) is still parsed for the key-path rules
  const groups: Array<{ keywords: string[]; pattern: string }> = rules.map((r) => r.spec);
  if (keyPathRules.length > 0) groups.push({ keywords: [...providers], pattern: '' });
  // rules marked `prefilter: pattern` (common keywords, rare pattern) ride in the pattern set too
  const gated = rules.filter((r) => r.spec.prefilter === 'pattern' && r.spec.keywords.length > 0).map((r) => r.spec.pattern);
  const prefilter = new Prefilter(groups, [...gates, ...gated]);
  // a keyword rule whose pattern is in the set (a gate, or the same pattern as a keywordless rule)
  for (const r of rules) r.setGated = r.spec.keywords.length > 0 && prefilter.inSet(r.spec.pattern);
  return { rules, keyPathRules, providers, prefilter, known, wellKnownConstant: opts.wellKnownConstant };
}
