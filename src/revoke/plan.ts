// From findings to a revocation plan: which secret goes to which issuer, and why others do not.
import type { Finding } from '../core/finding.js';
import { trustedRevoker, type RuleSpec } from '../core/rule.js';
import type { IssuerSet } from './issuers/index.js';
import type { RevokeState } from './state.js';
import type { Issuer, RevokeTarget } from './types.js';

export interface PlanItem {
  target: RevokeTarget;
  issuer: Issuer;
}

export type SkipKind = 'state' | 'unavailable' | 'rejected' | 'unpaired' | 'no-issuer' | 'disabled' | 'untrusted-rule';

export interface SkippedItem {
  target: RevokeTarget;
  issuer: string;
  /** Endpoint host, when the issuer exists. */
  endpoint?: string;
  kind: SkipKind;
  reason: string;
}

export interface Plan {
  items: PlanItem[];
  skipped: SkippedItem[];
  /** Findings whose rule names no issuer and that no revoke.yaml route claims. */
  notRevocable: number;
  /** Known public test keys: never sent anywhere. */
  knownPublic: number;
  warnings: string[];
}

/** Rule-id / provider patterns with `*` wildcards. */
export function globMatch(patterns: string[] | undefined, value: string): boolean {
  return (patterns ?? []).some((p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(value));
}

/** The second part of a two-part credential (secret, private key, passphrase), as opposed to its key/id. */
export function isSecretPart(f: Pick<Finding, 'pair'>): boolean {
  return !!f.pair && /secret|private|passphrase|password/i.test(f.pair.part);
}

/** Issuers that delete keys by the key (id) itself: the secret part rides along with its key. */
const KEY_ADDRESSED = new Set(['bybit', 'binance']);

function targetOf(f: Finding, count: number): RevokeTarget {
  return {
    ruleId: f.ruleId,
    provider: f.provider,
    secret: f.secret,
    fingerprint: f.fingerprint,
    alsoFingerprints: [],
    redacted: f.redacted,
    file: f.file,
    line: f.line,
    commit: f.commit?.sha,
    locations: count,
  };
}

export interface PlanInput {
  findings: Finding[];
  rules: RuleSpec[];
  issuers: IssuerSet;
  state?: RevokeState;
  /** Send every finding to this issuer (an explicit user choice: `keyhound revoke --issuer`). */
  forceIssuer?: string;
}

export function buildPlan({ findings, rules, issuers, state, forceIssuer }: PlanInput): Plan {
  const plan: Plan = { items: [], skipped: [], notRevocable: 0, knownPublic: 0, warnings: [] };
  const ruleById = new Map(rules.map((r) => [r.id, r]));

  // one entry per fingerprint, first location kept
  const first = new Map<string, Finding>();
  const count = new Map<string, number>();
  for (const f of findings) {
    if (f.knownPublic) {
      plan.knownPublic++;
      continue;
    }
    if (!first.has(f.fingerprint)) first.set(f.fingerprint, f);
    count.set(f.fingerprint, (count.get(f.fingerprint) ?? 0) + 1);
  }

  const untrusted = new Set<RuleSpec>();
  const routeOf = (f: Finding): string | undefined => {
    if (forceIssuer) return forceIssuer;
    for (const cfg of issuers.configs) {
      if (globMatch(cfg.rules, f.ruleId) || globMatch(cfg.providers, f.provider)) return cfg.name;
    }
    const rule = ruleById.get(f.ruleId);
    if (!rule?.revoker) return undefined;
    const revoker = trustedRevoker(rule);
    if (!revoker) untrusted.add(rule);
    return revoker;
  };

  const routed = new Map<string, string | undefined>();
  for (const [fp, f] of first) routed.set(fp, routeOf(f));

  /** issuer name + secret → planned item, to merge one secret found under several rules */
  const bySecret = new Map<string, PlanItem>();

  for (const [fp, f] of first) {
    const name = routed.get(fp);
    const target = targetOf(f, count.get(fp)!);
    if (!name) {
      plan.notRevocable++;
      continue;
    }
    const skip = (kind: SkipKind, reason: string, endpoint?: string) => plan.skipped.push({ target, issuer: name, endpoint, kind, reason });
    if (issuers.disabled.has(name)) {
      skip('disabled', 'issuer disabled in revoke.yaml (enabled: false)');
      continue;
    }
    const issuer = issuers.issuers.get(name);
    if (!issuer) {
      skip('no-issuer', `no issuer named "${name}": declare it in revoke.yaml`);
      continue;
    }
    const host = issuer.endpoint.host;
    const related = (f.related ?? []).map((r) => first.get(r)).filter((r): r is Finding => !!r && routed.get(r.fingerprint) === name);

    if (KEY_ADDRESSED.has(issuer.type) && isSecretPart(f)) {
      // revoked together with its key, when the key was found next to it
      if (related.some((r) => !isSecretPart(r))) continue;
      skip('unpaired', `${issuer.type} deletes keys by their API key: this secret's key was not found next to it`, host);
      continue;
    }
    if (KEY_ADDRESSED.has(issuer.type)) {
      const secretPart = related.find((r) => isSecretPart(r));
      if (secretPart) {
        target.alsoFingerprints.push(secretPart.fingerprint);
        if (issuer.needsPair) target.pairSecret = secretPart.secret;
      }
    }
    const done = state?.get(fp);
    if (done) {
      skip('state', `already ${done.outcome === 'revoked' ? 'revoked' : 'gone'} (${done.issuer}, ${done.time}; state file)`, host);
      continue;
    }
    const unavailable = issuer.unavailable();
    if (unavailable) {
      skip('unavailable', unavailable, host);
      continue;
    }
    const rejected = issuer.rejects(target);
    if (rejected) {
      skip('rejected', rejected, host);
      continue;
    }
    const key = `${name}\0${target.secret}`;
    const same = bySecret.get(key);
    if (same) {
      same.target.alsoFingerprints.push(fp, ...target.alsoFingerprints);
      same.target.locations += target.locations;
      continue;
    }
    const item = { target, issuer };
    bySecret.set(key, item);
    plan.items.push(item);
  }
  for (const rule of untrusted) {
    const from =
      rule.origin === 'repository-config'
        ? "comes from the scanned tree's config"
        : rule.origin === 'rules-option'
          ? `comes from a rule file (${rule.source ?? '--rules'})`
          : 'is not a built-in rule';
    plan.warnings.push(`rule "${rule.id}" ${from}: its "revoker" is ignored (route it with rules: in your own revoke.yaml)`);
  }
  return plan;
}

/** Every raw secret a plan holds, for scrubbing output. */
export function planSecrets(plan: Plan): string[] {
  const out: string[] = [];
  for (const { target } of [...plan.items, ...plan.skipped]) {
    out.push(target.secret);
    if (target.pairSecret) out.push(target.pairSecret);
  }
  return out;
}
