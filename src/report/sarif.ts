// SARIF 2.1.0 for GitHub code scanning (upload-sarif), checked with Microsoft's SARIF Multitool (Gh;Sarif rules).
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { fundsAtRisk, grantsFunds, hasBalance, type Finding, type Severity } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import {
  bySeverity,
  commitSentence,
  indexByFingerprint,
  linkedParts,
  makeScrub,
  plural,
  sentence,
  sortedByLocation,
  suppressionOf,
  type FingerprintIndex,
  type Scrub,
} from './common.js';
import { jsonStats, jsonVerification } from './json.js';
import type { ReportInput } from './types.js';
import { findingMessage } from './messages.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** GitHub rejects a run with more results than this. */
export const MAX_SARIF_RESULTS = 25_000;
/**
 * Known-public findings of rule X are reported under their own descriptor `X.known-public` (note level,
 * security-severity 2.0): GitHub takes an alert's severity from its rule, so under X a published Hardhat key
 * would show as a critical alert. Rule ids are kebab-case, so the dotted id cannot collide with a real rule.
 * (Not a `/` hierarchical id: SARIF sub-rules share their parent's metadata.)
 */
export const KNOWN_PUBLIC_SUFFIX = '.known-public';

/**
 * Findings verified (--verify) as live with withdraw/transfer rights, or wallets holding funds, are reported
 * under `X.funds-at-risk` at security-severity 10: GitHub takes an alert's severity from its rule.
 */
export const FUNDS_AT_RISK_SUFFIX = '.funds-at-risk';
export const FUNDS_AT_RISK_SEVERITY = '10.0';

const CWE_HARDCODED_CREDENTIALS = 'external/cwe/cwe-798';

/** `evm-private-key` → `EvmPrivateKey`. */
export function ruleName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
  return name || 'Secret';
}

/**
 * GitHub's `security-severity` (0.1–10; > 9 critical, 7–8.9 high, 4–6.9 medium, < 4 low), per rule:
 * - 9.5 — error rules with an offline check (checksum, curve, structure) for wallet or exchange secrets:
 *   the value is certainly a real key and whoever reads it can move funds, irreversibly.
 * - 8.5 — other error rules: a credible, usable credential (possibly unconfirmed, or not tied to funds).
 * - 5.5 — warning rules: weaker shapes or context; needs a look.
 * - 2.0 — note: known public test keys and documented samples, hygiene only (never hold funds with them).
 */
export function securitySeverity(rule: Pick<RuleSpec, 'grants' | 'validate'>, level: Severity): string {
  if (level === 'note') return '2.0';
  if (level === 'warning') return '5.5';
  return rule.validate && grantsFunds(rule.grants) ? '9.5' : '8.5';
}

function precisionOf(rule: RuleSpec): NonNullable<RuleSpec['precision']> {
  return rule.precision ?? (rule.validate ? 'high' : 'medium');
}

/** Generic remediation steps, used when a rule has no `remediation` of its own. */
export function genericRemediation(rule: Pick<RuleSpec, 'provider' | 'grants'>): string[] {
  const purge =
    'Purge the value from git history (git filter-repo or BFG), force-push and ask collaborators to re-clone. Forks, caches and CI logs may still hold it, so this never replaces rotation.';
  if (rule.grants === 'wallet') {
    return [
      'Treat the wallet as compromised: move all funds, tokens and NFTs now to a new wallet created from a fresh key or seed phrase (bots sweep leaked keys within minutes), and revoke token approvals granted by the old address.',
      'Stop using the old key or seed anywhere; load the new one from a secret manager, CI secret, environment variable or hardware signer, never from the repository.',
      purge,
      'Check the address history (block explorer) for transfers since the exposure began.',
    ];
  }
  const steps = [
    `Treat the credential as compromised: revoke or delete it at the issuer (${rule.provider}) now. Removing it from the code does not undo the exposure.`,
    rule.grants === 'exchange-account'
      ? 'Create a replacement with the least privileges needed (no withdrawal permission, IP allow-list) and keep it in a secret manager, CI secret or environment variable, never in the repository.'
      : 'Create a replacement (rotate) with the least privileges needed and keep it in a secret manager, CI secret or environment variable, never in the repository.',
  ];
  if (rule.grants === 'exchange-account') {
    steps.push('Review the account for trades, withdrawals and new API keys since the exposure began; if withdrawals were possible, move the remaining funds.');
  } else {
    steps.push("Review the issuer's access logs for use since the exposure began.");
  }
  steps.push(purge);
  return steps;
}

function helpFor(rule: RuleSpec, knownPublic: boolean): Sarif.MultiformatMessageString {
  const steps = knownPublic
    ? [
        'This value is published (a development-chain account, documentation sample or test vector), so it grants nothing secret, but anyone can sign with it.',
        'Never send real funds to its address or use it on a public network; load real keys from the environment or a secret manager instead.',
        'If it is intentional test data, suppress it inline or in the ignore file to silence the note.',
      ]
    : rule.remediation
      ? [rule.remediation.trim()]
      : genericRemediation(rule);
  const about = rule.description?.trim() || `${rule.title} (${rule.provider}).`;
  const text = `${sentence(about)}\n\nRemediation:\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`;
  const markdown = [
    `## ${mdEscape(rule.title)}`,
    '',
    mdEscape(sentence(about)),
    '',
    `Provider: \`${rule.provider}\` · precision: ${precisionOf(rule)} · default level: ${knownPublic ? 'note' : rule.severity}`,
    '',
    '### Remediation',
    '',
    ...steps.map((s, i) => `${i + 1}. ${mdEscape(s)}`),
    '',
  ].join('\n');
  return { text, markdown };
}

function mdEscape(s: string): string {
  return s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
}

function descriptor(rule: RuleSpec, knownPublic: boolean, atRisk = false): Sarif.ReportingDescriptor {
  const level: Severity = knownPublic ? 'note' : atRisk ? 'error' : rule.severity;
  const tags = [...new Set(['security', 'secret', ...rule.tags, ...(knownPublic ? ['known-public'] : []), ...(atRisk ? ['funds-at-risk'] : []), CWE_HARDCODED_CREDENTIALS])];
  const title = knownPublic ? `${rule.title}: known public test key` : atRisk ? `${rule.title}: live with withdraw or transfer rights, or holding funds` : rule.title;
  const full = knownPublic
    ? `A published test value (development chain account, documentation sample or test vector) matched the rule ${rule.id}; not a leak, but never usable for real funds.`
    : rule.description?.trim() || `${rule.title} (${rule.provider}) found in the source or its history.`;
  const full2 = atRisk ? `${sentence(full)} Verification found it live with withdraw or transfer rights, or a wallet holding funds: move the funds and revoke it now.` : full;
  return {
    id: knownPublic ? rule.id + KNOWN_PUBLIC_SUFFIX : atRisk ? rule.id + FUNDS_AT_RISK_SUFFIX : rule.id,
    name: ruleName(rule.id) + (knownPublic ? 'KnownPublic' : atRisk ? 'FundsAtRisk' : ''),
    shortDescription: { text: sentence(title) },
    fullDescription: { text: sentence(full2) },
    help: helpFor(rule, knownPublic),
    defaultConfiguration: { level },
    properties: {
      tags,
      precision: knownPublic ? 'very-high' : precisionOf(rule),
      'security-severity': atRisk ? FUNDS_AT_RISK_SEVERITY : securitySeverity(rule, level),
      provider: rule.provider,
    },
  };
}

/** A minimal rule for findings whose rule is not in the active rule list (should not happen; never drop a result). */
function ruleFromFinding(f: Finding): RuleSpec {
  return {
    id: f.ruleId,
    title: f.title,
    provider: f.provider,
    severity: f.knownPublic ? 'error' : f.severity,
    keywords: [],
    pattern: '',
    tags: f.tags,
    grants: f.grants,
    examples: { match: [], nomatch: [] },
  };
}

/** Repo-relative, `/`-separated, each segment percent-encoded; absolute paths become file: URIs. */
export function artifactLocation(file: string): Sarif.ArtifactLocation {
  let p = file.replace(/^(\.\/)+/, '');
  if (isAbsolute(p)) return { uri: pathToFileURL(p).href };
  if (p === '') p = '.';
  return { uri: p.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF regions: 1-based, endColumn exclusive and > startColumn on one line. Guards 0, NaN and inverted ends. */
export function region(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Sarif.Region {
  const pos = (n: number) => (Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1);
  const startLine = pos(f.line);
  const startColumn = pos(f.column);
  let endLine = Number.isFinite(f.endLine) && f.endLine >= startLine ? Math.floor(f.endLine) : startLine;
  let endColumn = pos(f.endColumn);
  if (endLine === startLine && endColumn <= startColumn) endColumn = startColumn + 1;
  return { startLine, startColumn, endLine, endColumn };
}

/**
 * keyhound's own `primaryLocationLineHash` (GitHub's `<hex>:<n>` form): from rule id, secret fingerprint and
 * the commit of a history finding, not from line text or number, so alerts survive line moves and cover files
 * upload-sarif cannot hash (not in the checkout). `occurrence` counts equal hashes in one file, from 1.
 */
export function primaryLocationLineHash(f: Pick<Finding, 'ruleId' | 'fingerprint' | 'commit'>, occurrence = 1): string {
  const h = createHash('sha256')
    .update(`keyhound:primaryLocationLineHash:v1\0${f.ruleId}\0${f.fingerprint}\0${f.commit?.sha ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return `${h}:${occurrence}`;
}

/** What verification found, as a sentence for result messages. */
function verificationSentence(f: Finding, scrub: Scrub): string | undefined {
  const v = f.verification;
  const held = (f.funds ?? []).filter((x) => hasBalance(x.balance));
  const parts: string[] = [];
  if (v?.status === 'live') {
    const rights = [v.canWithdraw && 'withdraw', v.canTransfer && !v.canWithdraw && 'transfer', v.canTrade && 'trade'].filter(Boolean);
    parts.push(`VERIFIED LIVE by ${v.issuer} (${v.host})${rights.length ? `, with ${rights.join(' and ')} rights` : ''}${v.ipRestricted ? ', IP-restricted' : ''}`);
  } else if (v?.status === 'invalid') parts.push(`Verified revoked or invalid by ${v.issuer}`);
  else if (v) parts.push(`Not checked (${v.status}${v.detail ? `: ${scrub(v.detail)}` : ''})`);
  if (held.length) parts.push(`WALLET HOLDS FUNDS: ${held.map((x) => `${x.balance} ${x.unit} on ${x.chain} at ${x.address}`).join(', ')}`);
  else if (f.funds?.length) parts.push(`Wallet checked: no funds (${f.funds.map((x) => `${x.txCount} transactions on ${x.chain}`).join(', ')})`);
  return parts.length ? parts.map(sentence).join(' ') : undefined;
}

function resultMessage(f: Finding, index: FingerprintIndex, scrub: Scrub, showSecrets: boolean): string {
  const message = findingMessage(f);
  const verified = verificationSentence(f, scrub);
  const parts = [...(verified && fundsAtRisk(f) ? [verified] : []), sentence(scrub(message))];
  parts.push(sentence(showSecrets ? `Secret: ${f.secret}` : `Redacted value: ${f.redacted}`));
  if (f.address) parts.push(sentence(`Derived address: ${f.address}`));
  if (f.keyType) parts.push(sentence(`Key type: ${f.keyType}`));
  if (f.key && !message.includes(f.key)) parts.push(sentence(`Assigned to ${scrub(f.key)}`));
  if (f.related?.length) {
    const linked = linkedParts(f, index);
    const names = [...new Set(linked.flatMap((p) => (p.finding ? [p.finding.pair?.part ?? p.finding.ruleId] : [])))];
    parts.push(sentence(`Linked to ${names.length ? names.join(', ') : plural(f.related.length, 'other part')} of the same credential nearby`));
  }
  if (f.commit) parts.push(sentence(commitSentence(f.commit, scrub).replace(/^i/, 'I')));
  if (f.decoded) parts.push(sentence(`Found inside a decoded value (${scrub(f.decoded)})`));
  if (verified && !fundsAtRisk(f)) parts.push(verified);
  return parts.join(' ');
}

function resultProperties(f: Finding, scrub: Scrub): Sarif.PropertyBag {
  const p: Sarif.PropertyBag = {
    ...(f.repository ? { repository: f.repository } : {}),
    fingerprint: f.fingerprint,
    validated: f.validated,
    provider: f.provider,
    redacted: f.redacted,
  };
  if (f.address) p['address'] = f.address;
  if (f.keyType) p['keyType'] = f.keyType;
  if (f.key) p['key'] = scrub(f.key);
  if (f.knownPublic) p['knownPublic'] = scrub(f.knownPublic);
  if (f.related?.length) p['related'] = [...f.related];
  if (f.decoded) p['decoded'] = scrub(f.decoded);
  if (f.commit) {
    const c = f.commit;
    const commit: Record<string, unknown> = { sha: c.sha };
    if (c.author !== undefined) commit['author'] = scrub(c.author);
    if (c.date !== undefined) commit['date'] = c.date;
    if (c.removedIn !== undefined) commit['removedIn'] = c.removedIn;
    if (c.removedDate !== undefined) commit['removedDate'] = c.removedDate;
    if (c.exposureDays !== undefined) commit['exposureDays'] = c.exposureDays;
    if (c.presentAtHead !== undefined) commit['presentAtHead'] = c.presentAtHead;
    if (c.paths !== undefined) commit['paths'] = c.paths.map(scrub);
    p['commit'] = commit;
  }
  if (f.verification) p['verification'] = jsonVerification(f.verification, scrub);
  if (f.funds) p['funds'] = f.funds.map((x) => ({ ...x }));
  if (fundsAtRisk(f)) p['security-severity'] = FUNDS_AT_RISK_SEVERITY;
  return p;
}

export function toSarif(input: ReportInput): Sarif.Log {
  const scrub = makeScrub(input.findings, input.showSecrets);
  const notifications: Sarif.Notification[] = input.stats.warnings.map((w) => ({
    level: 'warning',
    message: { text: sentence(scrub(w)) },
  }));

  // GitHub rejects runs above 25,000 results: keep the most severe, say so.
  let findings = input.findings;
  if (findings.length > MAX_SARIF_RESULTS) {
    findings = [...findings].sort(bySeverity).slice(0, MAX_SARIF_RESULTS);
    notifications.push({
      level: 'warning',
      message: {
        text: `${input.findings.length - MAX_SARIF_RESULTS} of ${input.findings.length} findings were left out of this SARIF file (GitHub accepts ${MAX_SARIF_RESULTS} results per run); use the json format for all of them.`,
      },
    });
  }
  findings = sortedByLocation(findings);

  const rules: Sarif.ReportingDescriptor[] = [];
  const index = new Map<string, number>();
  const specs = new Map<string, RuleSpec>();
  const add = (spec: RuleSpec, knownPublic: boolean, atRisk = false): number => {
    const id = knownPublic ? spec.id + KNOWN_PUBLIC_SUFFIX : atRisk ? spec.id + FUNDS_AT_RISK_SUFFIX : spec.id;
    let i = index.get(id);
    if (i === undefined) {
      i = rules.push(descriptor(spec, knownPublic, atRisk)) - 1;
      index.set(id, i);
    }
    return i;
  };
  for (const r of input.rules) {
    if (specs.has(r.id)) continue;
    specs.set(r.id, r);
    add(r, false);
  }

  // SARIF: suppressions are all absent or all present (empty for unsuppressed results) within a run.
  const anySuppressed = findings.some((f) => suppressionOf(f));
  const fpIndex = indexByFingerprint(input.findings);
  const seen = new Map<string, number>();
  const results: Sarif.Result[] = findings.map((f) => {
    let spec = specs.get(f.ruleId);
    if (!spec) {
      spec = ruleFromFinding(f);
      specs.set(spec.id, spec);
      add(spec, false);
    }
    const known = !!f.knownPublic;
    const risk = !known && fundsAtRisk(f);
    const ruleIndex = add(spec, known, risk);
    // organisation scans: one run over many repositories, each path under its owner/name
    const loc = artifactLocation(f.repository ? `${f.repository}/${f.file}` : f.file);
    const base = primaryLocationLineHash(f).replace(/:\d+$/, '');
    const key = `${loc.uri}\0${base}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const result: Sarif.Result = {
      ruleId: rules[ruleIndex]!.id,
      ruleIndex,
      level: risk ? 'error' : f.severity,
      message: { text: resultMessage(f, fpIndex, scrub, input.showSecrets) },
      locations: [{ physicalLocation: { artifactLocation: loc, region: region(f) } }],
      partialFingerprints: { primaryLocationLineHash: `${base}:${n}` },
      fingerprints: { 'keyhound/v1': f.fingerprint },
      properties: resultProperties(f, scrub),
    };
    if (anySuppressed) result.suppressions = suppressionsOf(f);
    return result;
  });

  const originalUriBaseIds: Record<string, Sarif.ArtifactLocation> = {
    [SRCROOT]: input.root
      ? { uri: dirUri(input.root), description: { text: 'The scanned repository or folder.' } }
      : { description: { text: 'The scanned repository or folder; file paths are relative to it.' } },
  };

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: input.tool.name,
        semanticVersion: input.tool.version,
        informationUri: input.tool.informationUri,
        rules,
      },
    },
    originalUriBaseIds,
    columnKind: 'utf16CodeUnits',
    results,
    properties: {
      stats: jsonStats(input.stats, scrub),
      ...(input.repositories ? { repositories: input.repositories.map((r) => ({ ...r, ...(r.error ? { error: scrub(r.error) } : {}) })) } : {}),
    },
  };
  if (notifications.length) run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: notifications }];
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

const SUPPRESSION_TEXT = {
  inline: 'inline suppression comment in the source',
  ignoreFile: 'listed in the ignore file',
  baseline: 'present in the baseline',
  allow: 'allow-listed value',
} as const;

/** Note: GitHub code scanning ignores `suppressions` (suppressed results become open alerts). */
function suppressionsOf(f: Finding): Sarif.Suppression[] {
  const s = suppressionOf(f);
  if (!s) return [];
  return [{ kind: s === 'inline' ? 'inSource' : 'external', status: 'accepted', justification: `Suppressed by keyhound: ${SUPPRESSION_TEXT[s]}.` }];
}

function dirUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function renderSarif(input: ReportInput): string {
  return JSON.stringify(toSarif(input), null, 2) + '\n';
}
