// How findings are made: newFinding, the one constructor of a finding (passes and `keyhound revoke`
// alike), and what the passes produce with it: candidates (a finding plus its byte span and scoring
// hints) through makeFinding, in the context a pass runs in.
import type { Finding, FindingMessageId, Severity } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import type { ValidationResult } from '../core/validator.js';
import type { Chunk } from './chunk.js';
import { normalizeValue, type CompiledRule, type CompiledRules } from './compile.js';
import { fingerprint } from './fingerprint.js';
import { redact } from './redact.js';
import type { StructIndex } from './structure/index.js';
import { normalizeProvider } from './structure/keypath-rule.js';

/** A finding before resolve: its byte span in the chunk and what scoring needs. */
export type Candidate = Finding & {
  start: number;
  end: number;
  generic: boolean;
  named?: boolean;
  priority: number;
  supersedes?: string[];
  /** Not a finding: the span holds a value of an identified format that failed its check (resolve drops every candidate on it). */
  veto?: boolean;
};

/** Where a decoded value came from: the text around the encoded value (its key path and a few lines). */
export interface Outer {
  /** Prefilter and `nearby` see it. */
  context: string;
}

/** One chunk as a pass sees it. */
export interface ScanCtx {
  path: string;
  chunk: Chunk;
  struct: StructIndex | null;
  outer?: Outer;
  /** The struct is one made-up value: the whole decoded text under its key path. */
  whole: boolean;
  /** Patterns of the prefilter's set that occur in the chunk (the decoding gates among them). */
  setHits: Set<string>;
}

export interface FindingFacts {
  secret: string;
  start: number;
  end: number;
  /** The key (path) the value is assigned to, when one was found. */
  key?: string;
  result: ValidationResult;
  /** Start position, when the pass already knows it. */
  pos?: { line: number; column: number };
  /** The key-path rule names the provider its key path named. */
  provider?: string;
  messageId?: FindingMessageId;
}

/** Where a finding stands: `-` and zeros for a secret that has no place (read from standard input). */
export interface FindingPlace {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The one constructor of a finding: the rule's identity, the secret with its redacted form and
 * fingerprint, where it stands and what to say about it. `judged` overrides what the rule says by default.
 */
export function newFinding(
  spec: RuleSpec,
  secret: string,
  place: FindingPlace,
  say: { messageId: FindingMessageId; messageData: Record<string, string> },
  judged: { provider?: string; severity?: Severity; validated?: boolean } = {},
): Finding {
  return {
    ruleId: spec.id,
    title: spec.title,
    provider: judged.provider ?? spec.provider,
    severity: judged.severity ?? spec.severity,
    ...place,
    secret,
    redacted: redact(secret),
    fingerprint: fingerprint(spec.id, secret),
    validated: judged.validated ?? false,
    messageId: say.messageId,
    messageData: say.messageData,
    tags: spec.tags,
    grants: spec.grants ?? 'service',
  };
}

/** The one way a pass turns a match into a candidate: known-public check, severity, message id, fingerprint. */
export function makeFinding(set: CompiledRules, rule: CompiledRule, ctx: ScanCtx, facts: FindingFacts): Candidate {
  const { chunk } = ctx;
  const { secret, start, end, key, result } = facts;
  const spec = rule.spec;
  const norm = normalizeValue(secret);
  let knownPublic = result.knownPublic ?? set.known.get(norm);
  if (!knownPublic && (rule.allowExact.has(norm) || rule.allowRe.some((r) => r.test(secret)))) {
    knownPublic = 'documented sample value';
  }
  const pos = facts.pos ?? chunk.lines.position(start);
  const endPos = chunk.lines.position(end);
  const severity: Severity = knownPublic ? 'note' : spec.severity;
  const provider = facts.provider ?? spec.provider;
  const validated = !!rule.validator && result.valid;
  let messageId: FindingMessageId;
  let messageData: Record<string, string>;
  if (knownPublic) {
    messageId = 'known-public';
    messageData = { title: spec.title, knownPublic };
  } else if (facts.messageId === 'key-path') {
    messageId = 'key-path';
    messageData = { provider, keyPath: key ?? '' };
  } else {
    messageId = 'secret';
    messageData = { title: spec.title, ...(key ? { key } : {}), ...(rule.validator ? { checked: 'offline' } : {}) };
  }
  const f: Candidate = {
    ...newFinding(spec, secret, { file: ctx.path, line: pos.line, column: pos.column, endLine: endPos.line, endColumn: endPos.column }, { messageId, messageData }, { provider, severity, validated }),
    start,
    end,
    generic: rule.generic,
    priority: spec.priority ?? 0,
  };
  if (spec.supersedes) f.supersedes = spec.supersedes;
  // a key (path) naming the rule's provider settles ties between same-shaped rules of two providers
  if (key && spec.provider.length >= 3 && normalizeProvider(key).includes(normalizeProvider(spec.provider))) f.named = true;
  if (knownPublic) f.knownPublic = knownPublic;
  if (result.address) f.address = result.address;
  if (result.keyType) f.keyType = result.keyType;
  if (key) f.key = key;
  if (spec.pair) f.pair = spec.pair;
  return f;
}
