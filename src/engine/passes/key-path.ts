// Key-path pass: key-path rules on each value of a parsed config file — a secret role in the value's
// name, a provider in its key path, and a high-entropy value of the rule's shape.
import RE2 from 're2';
import { makeFinding, type Candidate, type ScanCtx } from '../candidate.js';
import type { CompiledRule, CompiledRules } from '../compile.js';
import { shannonEntropy } from '../entropy.js';
import { isPlaceholder } from '../placeholder.js';
import { joinPath, leafKey, type StructValue } from '../structure/index.js';
import { namesSecretRole, providerInPath } from '../structure/keypath-rule.js';

/** Key words repeat across values of one file and across files: the answers are remembered per engine. */
export class KeyPathMemo {
  readonly role = new Map<string, boolean>();
  readonly provider = new Map<string, string | undefined>();

  get<T>(map: Map<string, T>, key: string, compute: () => T): T {
    let v = map.get(key);
    if (v === undefined && !map.has(key)) {
      if (map.size > 20000) map.clear();
      v = compute();
      map.set(key, v);
    }
    return v as T;
  }
}

export function keyPathPass(set: CompiledRules, ctx: ScanCtx, memo: KeyPathMemo): Candidate[] {
  const out: Candidate[] = [];
  if (!ctx.struct || set.keyPathRules.length === 0) return out;
  for (const v of ctx.struct.values) {
    for (const rule of set.keyPathRules) {
      const f = keyPathCandidate(set, rule, v, ctx, memo);
      if (f) out.push(f);
    }
  }
  return out;
}

function keyPathCandidate(set: CompiledRules, rule: CompiledRule, v: StructValue, ctx: ScanCtx, memo: KeyPathMemo): Candidate | null {
  const kp = rule.spec.keyPath!;
  const secret = v.value.trim();
  if (secret.length < kp.minLength || secret.length > 512) return null;
  if (/\s/.test(secret)) return null;
  const leaf = leafKey(v.path);
  if (!leaf || !memo.get(memo.role, leaf, () => namesSecretRole(leaf))) return null;
  if (rule.keys && !rule.keys.test(leaf)) return null;
  if (rule.deny && rule.deny.test(leaf)) return null;
  const keyPath = joinPath(v.path);
  const provider = memo.get(memo.provider, keyPath, () => providerInPath(v.path, set.providers));
  if (!provider) return null;
  if (!rule.re) rule.re = new RE2(rule.spec.pattern, 'u');
  if (!rule.re.test(secret)) return null;
  // URLs, paths, numbers, words, ARNs and other `scheme:a:b` identifiers
  if (/:\/\/|^[./~]|^\d+$|^[A-Za-z]+$|^arn:|^[^:]*:[^:]*:/.test(secret) || isPlaceholder(secret)) return null;
  if (rule.entropy && shannonEntropy(secret) < rule.entropy) return null;
  return makeFinding(set, rule, ctx, { secret, start: v.start, end: v.end, key: keyPath, result: { valid: false }, provider, messageId: 'key-path' });
}
