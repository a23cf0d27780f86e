// From findings to credentials: linked parts of one credential (key ↔ secret ↔ passphrase) become one
// check, each fingerprint is checked at most once per run, and only findings of built-in rules are sent:
// a rule from a rule file or a config file could label any value as any issuer's key.
import type { Finding } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import { checkForProvider } from './checks.js';
import type { Credential, IssuerCheck } from './types.js';

export interface CheckTarget {
  check: IssuerCheck;
  credential: Credential;
  /** Why it cannot be checked (missing part, rejected value, issuer disabled), or undefined. */
  skip?: string;
}

export interface WalletTarget {
  finding: Finding;
  validate: string;
  fingerprints: string[];
}

export interface Targets {
  checks: CheckTarget[];
  wallets: WalletTarget[];
  /** Ids of rules not built in, whose findings were not sent anywhere. */
  untrusted: string[];
}

const WALLET_VALIDATORS = new Set(['evm-private-key', 'solana-keypair', 'wif', 'bip32-xprv']);

type Role = 'key' | 'secret' | 'passphrase' | undefined;

/** The part a finding is: by its rule's pair part, else by the name it was assigned to (key-path findings). */
function roleOf(f: Finding): Role {
  const part = f.pair?.part ?? (f.key ?? '').split(/[.[\]/]/).pop() ?? '';
  if (/passphrase|password|pass$/i.test(part)) return 'passphrase';
  if (/wallet/i.test(part)) return undefined;
  if (/secret|private|priv/i.test(part)) return 'secret';
  return 'key';
}

/** Lines apart within which unlinked parts of one credential (a .env's KEY= and SECRET=) are taken as a pair. */
const NEARBY_LINES = 10;

/** The other parts of f's credential: its linked findings, else same-provider findings close by in the same file. */
function partsOf(f: Finding, all: Map<string, Finding>): Finding[] {
  const linked = (f.related ?? []).map((r) => all.get(r)).filter((r): r is Finding => !!r && r.pair?.id === f.pair?.id);
  if (linked.length > 0 || f.pair) return linked;
  const near: Finding[] = [];
  for (const o of all.values()) {
    if (o === f || o.pair || o.provider !== f.provider || o.file !== f.file || o.commit?.sha !== f.commit?.sha) continue;
    if (Math.abs(o.line - f.line) <= NEARBY_LINES) near.push(o);
  }
  return near.sort((a, b) => Math.abs(a.line - f.line) - Math.abs(b.line - f.line));
}

export function buildTargets(findings: Finding[], rules: RuleSpec[], opts: { disabled?: Set<string> } = {}): Targets {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const byFp = new Map<string, Finding>();
  const untrusted = new Set<string>();
  for (const f of findings) {
    if (f.knownPublic || f.suppressed) continue;
    const rule = ruleById.get(f.ruleId);
    if (!rule || rule.origin !== 'built-in') {
      untrusted.add(f.ruleId);
      continue;
    }
    if (!byFp.has(f.fingerprint)) byFp.set(f.fingerprint, f);
  }
  const out: Targets = { checks: [], wallets: [], untrusted: [...untrusted].sort() };
  const taken = new Set<string>();
  const bySecret = new Map<string, CheckTarget>();

  for (const [fp, f] of byFp) {
    if (taken.has(fp)) continue;
    const validate = ruleById.get(f.ruleId)!.validate;
    if (validate && WALLET_VALIDATORS.has(validate)) {
      taken.add(fp);
      out.wallets.push({ finding: f, validate, fingerprints: [fp] });
      continue;
    }
    const check = checkForProvider(f.provider);
    if (!check) continue;
    // a secret or passphrase is taken with its key; alone it proves nothing (one-part tokens are their own key)
    const role = check.needs.length === 0 && !f.pair ? 'key' : roleOf(f);
    if (role !== 'key') continue;
    const related = partsOf(f, byFp);
    const part = (want: Role) => related.find((r) => roleOf(r) === want && !taken.has(r.fingerprint));
    const secret = part('secret');
    const passphrase = part('passphrase');
    const fps = [fp, ...(secret ? [secret.fingerprint] : []), ...(passphrase ? [passphrase.fingerprint] : [])];
    const credential: Credential = { key: f.secret, secret: secret?.secret, passphrase: passphrase?.secret, provider: f.provider, fingerprints: fps };
    // the same value under several rules, or found twice: one check
    const same = `${check.id}\0${credential.key}\0${credential.secret ?? ''}\0${credential.passphrase ?? ''}`;
    const prev = bySecret.get(same);
    if (prev) {
      prev.credential.fingerprints.push(...fps.filter((x) => !prev.credential.fingerprints.includes(x)));
      for (const x of fps) taken.add(x);
      continue;
    }
    for (const x of fps) taken.add(x);
    const t: CheckTarget = { check, credential };
    if (opts.disabled?.has(check.id)) t.skip = `${check.name} checks are switched off in verify.yaml`;
    else if (check.needs.includes('secret') && !credential.secret) t.skip = `needs the ${check.name} secret found beside the key`;
    else if (check.needs.includes('passphrase') && !credential.passphrase) t.skip = `needs the ${check.name} passphrase found beside the key`;
    else t.skip = check.rejects?.(credential);
    bySecret.set(same, t);
    out.checks.push(t);
  }
  return out;
}
