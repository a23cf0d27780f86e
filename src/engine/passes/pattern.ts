// Pattern pass: each candidate rule's pattern over the bytes, then the rule's conditions on every match
// (placeholder, entropy, key names, nearby words, offline check).
import { assignedKey } from '../context.js';
import { makeFinding, type Candidate, type ScanCtx } from '../candidate.js';
import { patternRe, type CompiledRule, type CompiledRules } from '../compile.js';
import { shannonEntropy } from '../entropy.js';
import { matchesOf } from '../match-iterator.js';
import { isPlaceholder } from '../placeholder.js';
import { joinPath, leafKey } from '../structure/index.js';
import type { ValidationResult } from '../../core/validator.js';

/** A runaway pattern stays bounded. */
const MAX_MATCHES = 10000;

/** Candidates of the rules the prefilter chose (`candidates`: rule indexes) over the chunk's bytes. */
export function patternPass(set: CompiledRules, ctx: ScanCtx, candidates: number[]): Candidate[] {
  const out: Candidate[] = [];
  // rules sharing a pattern (the 64-hex key rules) share one pass over the bytes
  const passes = new Map<string, RegExpExecArray[]>();
  for (const ri of candidates) {
    const rule = set.rules[ri];
    if (!rule) continue; // the provider-names group
    if (rule.setGated && !ctx.setHits.has(rule.spec.pattern)) continue;
    let matches = passes.get(rule.spec.pattern);
    if (!matches) {
      matches = [...matchesOf((rule.re ??= patternRe(rule.spec.pattern)), ctx.chunk.buf, MAX_MATCHES)];
      passes.set(rule.spec.pattern, matches);
    }
    for (const m of matches) {
      const f = candidate(set, rule, m, ctx);
      if (f) out.push(f);
    }
  }
  return out;
}

/** keccak256(""), event topics, EIP-1967 slots …: 32-byte values every chain project contains. */
function isWellKnownConstant(secret: string, lookup: CompiledRules['wellKnownConstant']): boolean {
  if (!lookup) return false;
  const hex = secret.length === 66 && /^0x/i.test(secret) ? secret.slice(2) : secret;
  return hex.length === 64 && /^[0-9a-fA-F]+$/.test(hex) && lookup(hex.toLowerCase()) !== undefined;
}

function candidate(set: CompiledRules, rule: CompiledRule, m: RegExpExecArray, ctx: ScanCtx): Candidate | null {
  const { chunk } = ctx;
  const g = rule.group;
  const span = typeof g === 'number' ? m.indices?.[g] : m.indices?.groups?.[g];
  const value = typeof g === 'number' ? m[g] : m.groups?.[g];
  if (!span || value === undefined) return null;
  const [start, end] = span;
  const secret = (value as unknown as Buffer).toString('utf8');
  if (isPlaceholder(secret) || isWellKnownConstant(secret, set.wellKnownConstant)) return null;
  if (rule.entropy && shannonEntropy(secret) < rule.entropy) return null;

  const pos = chunk.lines.position(start);
  const lineStart = chunk.lines.lineStart(pos.line - 1);
  const linePrefix = chunk.buf.toString('utf8', lineStart, start);
  if (/data:[\w/+.-]*;base64,[A-Za-z0-9+/=]*$/.test(linePrefix)) return null;
  const { key, leaf, keyPath } = keyOf(start, end, pos.line, lineStart, linePrefix, ctx);

  if (leaf && rule.deny && rule.deny.test(leaf)) return null;
  // Both conditions hold when both are given: a secret-like name, and the provider nearby.
  if (rule.keys && !(key && ((leaf !== undefined && rule.keys.test(leaf)) || rule.keys.test(key)))) return null;
  if (rule.nearby) {
    const near =
      rule.nearby.test(chunk.lines.text(pos.line - 1 - rule.window, pos.line - 1 + rule.window)) ||
      (keyPath !== undefined && rule.nearby.test(keyPath)) ||
      (ctx.outer !== undefined && rule.nearby.test(ctx.outer.context));
    if (!near) return null;
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
  return makeFinding(set, rule, ctx, { secret, start, end, key, result, pos });
}

/** Context of a match: the key path when a parsed value holds it, else the key from the line. */
function keyOf(start: number, end: number, line: number, lineStart: number, linePrefix: string, ctx: ScanCtx): { key?: string; leaf?: string; keyPath?: string } {
  const { chunk } = ctx;
  const v = ctx.struct?.at(start, end);
  // the value is the match (give or take `0x` or a quote): its key path is the context
  if (v && start - v.start <= 3 && /^["'`\s]*(0x)?$/i.test(chunk.buf.toString('utf8', v.start, start))) {
    const keyPath = joinPath(v.path);
    return { key: keyPath, leaf: leafKey(v.path), keyPath };
  }
  let prefix = v && v.start > lineStart ? chunk.buf.toString('utf8', v.start, start) : linePrefix;
  // code inside a JSON string (notebook cells, embedded JSON): `\"secret\": \"` reads as `"secret": "`
  if (prefix.includes('\\')) prefix = prefix.replace(/\\+(["'])/g, '$1');
  const above = !v && line > 1 ? chunk.lines.text(line - 2, line - 2) : undefined;
  const key = assignedKey(prefix, above);
  if (key) return { key, leaf: key };
  if (v) {
    const keyPath = joinPath(v.path);
    return { key: keyPath, leaf: leafKey(v.path), keyPath };
  }
  return {};
}
