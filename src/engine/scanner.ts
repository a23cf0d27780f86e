import RE2 from 're2';
import { assignedKey } from './context.js';
import { shannonEntropy } from './entropy.js';
import { fingerprint } from './fingerprint.js';
import { LineIndex } from './lines.js';
import { isPlaceholder } from './placeholder.js';
import { Prefilter } from './prefilter.js';
import { redact } from './redact.js';
import { isSkippedPath } from './skip-paths.js';
import type { Finding, RuleSpec, Severity, ValidationResult, Validator } from './types.js';

/** A value published in docs, test vectors or dev tooling: never a leak. */
export interface KnownPublicValue {
  value: string;
  description: string;
}

export interface EngineOptions {
  knownPublic?: KnownPublicValue[];
  validators: Record<string, Validator>;
}

/** Names that mark a value as a hash, identifier or public datum rather than a secret. */
export const DEFAULT_DENY_KEYS =
  '(?i)(hash|digest|checksum|integrity|sha1|sha256|sha512|md5|keccak|topic|selector|signature|txid|tx_?id|root|salt|slot|role|nonce|address|addr$|pubkey|public_?key|xpub|commit|uuid|guid|request_?id|trace|color|colour|checksum)';

const PAIR_LINES = 5;

interface CompiledRule {
  spec: RuleSpec;
  index: number;
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
}

/** Value normalisation for known-public lookups: case, 0x, whitespace. */
export function normalizeValue(v: string): string {
  return v.trim().replace(/^0x/i, '').replace(/\s+/g, ' ').toLowerCase();
}

/** An RE2 compiled on first use: a small input pays only for the rules its bytes can trigger. */
class Lazy {
  private re: RE2 | null = null;
  constructor(private readonly pattern: string, private readonly flags: string) {}
  test(s: string): boolean {
    if (!this.re) this.re = new RE2(this.pattern, this.flags);
    return this.re.test(s);
  }
}

const DEFAULT_DENY = new Lazy(DEFAULT_DENY_KEYS, 'u');

function lazyCi(pattern: string | undefined): Lazy | null {
  return pattern ? new Lazy(pattern, 'iu') : null;
}

function defaultGroup(pattern: string): number {
  // Any capturing group? (…) not followed by ?: — named groups use (?P<…> or (?<…>
  return /\((?!\?)|\(\?P?</.test(pattern.replace(/\\./g, '')) ? 1 : 0;
}

export class Engine {
  private readonly rules: CompiledRule[];
  private readonly prefilter: Prefilter;
  private readonly known = new Map<string, string>();

  constructor(specs: RuleSpec[], opts: EngineOptions) {
    this.rules = specs.map((spec, index) => {
      const ctx = spec.context;
      const allowExact = new Set<string>();
      const allowRe: Lazy[] = [];
      for (const a of spec.allow ?? []) {
        if (a.startsWith('re:')) allowRe.push(new Lazy(a.slice(3), 'u'));
        else allowExact.add(normalizeValue(a));
      }
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
        generic: spec.tags.includes('generic'),
      };
    });
    for (const k of opts.knownPublic ?? []) this.known.set(normalizeValue(k.value), k.description);
    this.prefilter = new Prefilter(specs.map((s) => s.keywords));
  }

  get ruleSpecs(): RuleSpec[] {
    return this.rules.map((r) => r.spec);
  }

  /** Scans one chunk of bytes; `path` is used for reporting and path-based skips only. */
  scan(buf: Buffer, path: string): Finding[] {
    if (buf.length === 0 || isSkippedPath(path)) return [];
    const candidates = this.prefilter.candidates(buf);
    if (candidates.length === 0) return [];
    const chunk = new Chunk(buf);
    const raw: Array<Finding & { start: number; end: number; generic: boolean }> = [];
    for (const ri of candidates) {
      const rule = this.rules[ri]!;
      if (!rule.re) rule.re = new RE2(rule.spec.pattern, 'gdu');
      const re = rule.re;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let guard = 0;
      while ((m = re.exec(buf as unknown as string)) !== null) {
        if (m[0].length === 0) re.lastIndex++;
        if (++guard > 10000) break;
        const f = this.candidate(rule, m, chunk, path);
        if (f) raw.push(f);
      }
    }
    return link(dedupe(raw));
  }

  private candidate(rule: CompiledRule, m: RegExpExecArray, chunk: Chunk, path: string) {
    const g = rule.group;
    const span = typeof g === 'number' ? m.indices?.[g] : m.indices?.groups?.[g];
    const value = typeof g === 'number' ? m[g] : m.groups?.[g];
    if (!span || value === undefined) return null;
    const [start, end] = span;
    const secret = (value as unknown as Buffer).toString('utf8');
    if (isPlaceholder(secret)) return null;
    if (rule.entropy && shannonEntropy(secret) < rule.entropy) return null;

    const pos = chunk.lines.position(start);
    const lineStart = chunk.lines.lineStart(pos.line - 1);
    const prefix = chunk.buf.toString('utf8', lineStart, start);
    if (/data:[\w/+.-]*;base64,[A-Za-z0-9+/=]*$/.test(prefix)) return null;
    const above = pos.line > 1 ? chunk.lines.text(pos.line - 2, pos.line - 2) : undefined;
    const key = assignedKey(prefix, above);

    if (key && rule.deny && rule.deny.test(key)) return null;
    // Both conditions hold when both are given: a secret-like name, and the provider nearby.
    if (rule.keys && !(key && rule.keys.test(key))) return null;
    if (rule.nearby && !rule.nearby.test(chunk.lines.text(pos.line - 1 - rule.window, pos.line - 1 + rule.window))) {
      return null;
    }

    let result: ValidationResult = { valid: false };
    if (rule.validator) {
      result = rule.validator({
        secret,
        match: (m[0] as unknown as Buffer).toString('utf8'),
        text: () => chunk.text,
        index: () => chunk.charIndex(start),
      });
      if (!result.valid) return null;
    }

    const norm = normalizeValue(secret);
    let knownPublic = result.knownPublic ?? this.known.get(norm);
    if (!knownPublic && (rule.allowExact.has(norm) || rule.allowRe.some((r) => r.test(secret)))) {
      knownPublic = 'documented sample value';
    }
    const endPos = chunk.lines.position(end);
    const severity: Severity = knownPublic ? 'note' : rule.spec.severity;
    const spec = rule.spec;
    const fp = fingerprint(spec.id, secret);
    const message = knownPublic
      ? `${spec.title}: known public test key (${knownPublic}); not a leak, but never use it for real funds or accounts`
      : `${spec.title}${key ? ` assigned to ${key}` : ''}${rule.validator ? ' (offline check passed)' : ''}`;
    const f: Finding & { start: number; end: number; generic: boolean } = {
      ruleId: spec.id,
      title: spec.title,
      provider: spec.provider,
      severity,
      file: path,
      line: pos.line,
      column: pos.column,
      endLine: endPos.line,
      endColumn: endPos.column,
      secret,
      redacted: redact(secret),
      fingerprint: fp,
      validated: !!rule.validator && result.valid,
      message,
      tags: spec.tags,
      start,
      end,
      generic: rule.generic,
    };
    if (knownPublic) f.knownPublic = knownPublic;
    if (result.address) f.address = result.address;
    if (key) f.key = key;
    if (spec.pair) f.pair = spec.pair;
    return f;
  }
}

/** Lazily decoded views of one chunk, shared by all rules. */
class Chunk {
  readonly lines: LineIndex;
  private decoded: string | null = null;
  constructor(readonly buf: Buffer) {
    this.lines = new LineIndex(buf);
  }
  get text(): string {
    if (this.decoded === null) this.decoded = this.buf.toString('utf8');
    return this.decoded;
  }
  charIndex(byteOffset: number): number {
    return this.buf.toString('utf8', 0, byteOffset).length;
  }
}

type Raw = Finding & { start: number; end: number; generic: boolean };

function score(f: Raw): number {
  return (f.generic ? 0 : 8) + (f.validated ? 4 : 0) + (f.knownPublic ? 0 : 2) + (f.severity === 'error' ? 1 : 0);
}

/** One finding per overlapping span: provider-specific over generic, checked over unchecked. */
function dedupe(raw: Raw[]): Raw[] {
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Raw[] = [];
  for (const f of raw) {
    const last = out[out.length - 1];
    if (last && f.start < last.end && f.end > last.start) {
      if (score(f) > score(last)) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** Links parts of two-part credentials (key + secret) that sit within a few lines of each other. */
function link(findings: Raw[]): Finding[] {
  const paired = findings.filter((f) => f.pair);
  for (const a of paired) {
    for (const b of paired) {
      if (a === b || a.pair!.id !== b.pair!.id || a.pair!.part === b.pair!.part) continue;
      if (Math.abs(a.line - b.line) > PAIR_LINES) continue;
      (a.related ??= []).push(b.fingerprint);
    }
  }
  return findings.map(({ start: _s, end: _e, generic: _g, ...f }) => f);
}
