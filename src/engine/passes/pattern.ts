// Pattern pass: each candidate rule's pattern over the bytes, then the rule's conditions on every match
// (placeholder, entropy, key names, nearby words, offline check).
import { assignedValueOffset, bindingAt, nameMatches } from '../binding.js';
import { normalizeProvider } from '../structure/keypath-rule.js';
import { makeFinding, type Candidate, type ScanCtx } from '../candidate.js';
import { patternRe, type CompiledRule, type CompiledRules } from '../compile.js';
import { shannonEntropy } from '../entropy.js';
import { matchesOf } from '../match-iterator.js';
import { NEAR_BYTES } from '../lines.js';
import { nearWindows, windowable, windowMatches, type Window } from '../near-windows.js';
import { isPlaceholder } from '../placeholder.js';
import type { ValidationResult } from '../../core/validator.js';

/** A runaway pattern stays bounded. */
const MAX_MATCHES = 10000;

/** Candidates of the rules the prefilter chose (`candidates`: rule indexes) over the chunk's bytes. */
export function patternPass(set: CompiledRules, ctx: ScanCtx, candidates: number[]): Candidate[] {
  const out: Candidate[] = [];
  // rules sharing a pattern (the 64-hex key rules) share one pass over the bytes
  const passes = new Map<string, RegExpExecArray[]>();
  const windows = new Map<string, Window[] | null>();
  for (const ri of candidates) {
    const rule = set.rules[ri];
    if (!rule) continue; // the provider-names group
    if (rule.setGated && !ctx.setHits.has(rule.spec.pattern)) continue;
    // no run of the bytes every match holds: the pass cannot match (a few GB/s to know, vs ~0.4 for the pass)
    if (rule.gate && !ctx.chunk.hasRun(rule.gate)) continue;
    const re = (rule.re ??= patternRe(rule.spec.pattern));
    // only the nearby check can place the rule here (no parsed key path, no outer text): the lines near its words
    const nearby = rule.spec.context?.nearby;
    if (nearby && !ctx.struct && !ctx.outer && windowable(rule.spec.pattern, nearby)) {
      const key = `${rule.window}:${nearby}`;
      let near = windows.get(key);
      if (near === undefined) windows.set(key, (near = nearWindows(ctx.chunk, nearby, rule.window)));
      if (near) {
        for (const m of windowMatches(re, ctx.chunk.buf, near, MAX_MATCHES)) {
          const f = candidate(set, rule, m, ctx);
          if (f) out.push(f);
        }
        continue;
      }
    }
    let matches = passes.get(rule.spec.pattern);
    if (!matches) {
      matches = [...matchesOf(re, ctx.chunk.buf, MAX_MATCHES)];
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
  const end = span[1];
  let start = span[0];
  let secret = (value as unknown as Buffer).toString('utf8');
  // `ENV K=v` taken whole by a pattern that allows `=` in values: the binding model splits name and value
  const shift = secret.includes('=') ? assignedValueOffset(chunk.lines.prefix(start, NEAR_BYTES), secret) : 0;
  if (shift > 0) {
    start += shift; // the name and `=` are ASCII: characters are bytes
    secret = secret.slice(shift);
  }
  if (isPlaceholder(secret) || isWellKnownConstant(secret, set.wellKnownConstant)) return null;
  if (rule.entropy && shannonEntropy(secret) < rule.entropy) return null;

  const pos = chunk.lines.position(start);
  const lineStart = chunk.lines.lineStart(pos.line - 1);
  if (chunk.inDataUri(lineStart, start)) return null;
  const linePrefix = chunk.lines.prefix(start, NEAR_BYTES);
  const { key, keyPath, names, fromAbove } = bindingAt(start, end, pos.line, lineStart, linePrefix, ctx);

  if (rule.deny && names.some((n) => rule.deny!.test(n))) return null;
  // Both conditions hold when both are given: a secret-like name, and the provider nearby.
  if (rule.keys && !(key && (names.some((n) => nameMatches(rule.keys!, n)) || rule.keys.test(key)))) return null;
  if (rule.nearby) {
    // the window runs from the binding: a name on the line above (`- name: K` / `value:`) counts as the value's line
    const top = pos.line - 1 - rule.window - (fromAbove ? 1 : 0);
    const near =
      rule.nearby.test(chunk.lines.textNear(top, pos.line - 1 + rule.window, start, end, NEAR_BYTES)) ||
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
    if (!result.valid) {
      if (!rule.spec.identifies) return null;
      const veto = makeFinding(set, rule, ctx, { secret, start, end, result, pos });
      veto.veto = true;
      return veto;
    }
  }
  const f = makeFinding(set, rule, ctx, { secret, start, end, key, result, pos });
  // the provider named on the value's own line (`infuraProvider({ apiKey: "…" })`) settles ties as a named key does
  if (!f.named && providerOnLine(rule.spec.provider, linePrefix)) f.named = true;
  return f;
}

function providerOnLine(provider: string, linePrefix: string): boolean {
  const p = normalizeProvider(provider);
  return p.length >= 3 && normalizeProvider(linePrefix).includes(p);
}
