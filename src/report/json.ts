// Machine-readable report: {"version":1,"findings":[...],"stats":{...}} with a fixed key order.
import { GRANTS, type CommitInfo, type Finding, type Funds, type Grants, type ScanStats, type Verification } from '../core/finding.js';
import { makeScrub, sortedByLocation, suppressionOf, type Scrub, type Suppression } from './common.js';
import type { ReportInput, RepositoryStatus, ScanMeta } from './types.js';
import { findingMessage } from './messages.js';

export const JSON_REPORT_VERSION = 1;

/** Commit provenance as in CommitInfo (free-text fields scrubbed of secrets). */
export type JsonCommit = CommitInfo;

export interface JsonFinding {
  /** Organisation scans: `owner/name` the file belongs to. */
  repository?: string;
  ruleId: string;
  title: string;
  provider: string;
  severity: Finding['severity'];
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
  redacted: string;
  validated: boolean;
  message: string;
  tags: string[];
  /** What the value gives its holder: wallet, exchange-account, custody or service (absent in reports of older versions: see grantsOf). */
  grants?: Grants;
  address?: string;
  /** Algorithm and size of a private key file (RSA 2048, OpenSSH ed25519). */
  keyType?: string;
  key?: string;
  knownPublic?: string;
  related?: string[];
  commit?: JsonCommit;
  decoded?: string;
  /** Why the finding is suppressed (only present when suppressed findings are reported). */
  suppressed?: Suppression;
  /** --verify: what the issuer said (liveness, rights). */
  verification?: Verification;
  /** --verify with RPC endpoints: balances of the wallet's addresses. */
  funds?: Funds[];
  /** Raw secret: only with showSecrets. */
  secret?: string;
}

/** The verification contract (--verify), as the JSON report carries it. */
export type JsonVerification = Verification;
export type JsonFunds = Funds;

/** `scan`: the tool and what it was asked to scan. */
export interface JsonScan extends ScanMeta {
  tool: 'keyhound';
  version: string;
}

export interface JsonReport {
  version: 1;
  scan?: JsonScan;
  /** Organisation scans and merges only. */
  repositories?: RepositoryStatus[];
  findings: JsonFinding[];
  stats: ScanStats;
}

function jsonCommit(c: CommitInfo, scrub: Scrub): JsonCommit {
  const o: JsonCommit = { sha: c.sha };
  if (c.author !== undefined) o.author = scrub(c.author);
  if (c.email !== undefined) o.email = scrub(c.email);
  if (c.date !== undefined) o.date = c.date;
  if (c.subject !== undefined) o.subject = scrub(c.subject);
  if (c.removedIn !== undefined) o.removedIn = c.removedIn;
  if (c.removedDate !== undefined) o.removedDate = c.removedDate;
  if (c.exposureDays !== undefined) o.exposureDays = c.exposureDays;
  if (c.presentAtHead !== undefined) o.presentAtHead = c.presentAtHead;
  if (c.paths !== undefined) o.paths = c.paths.map(scrub);
  return o;
}

/** The verification contract, in a fixed key order; free text scrubbed. */
export function jsonVerification(v: Verification, scrub: Scrub): Verification {
  const o: Verification = { status: v.status, checkedAt: v.checkedAt, issuer: v.issuer, host: v.host };
  if (v.permissions !== undefined) o.permissions = v.permissions.map(scrub);
  if (v.canWithdraw !== undefined) o.canWithdraw = v.canWithdraw;
  if (v.canTrade !== undefined) o.canTrade = v.canTrade;
  if (v.canTransfer !== undefined) o.canTransfer = v.canTransfer;
  if (v.ipRestricted !== undefined) o.ipRestricted = v.ipRestricted;
  if (v.expiresAt !== undefined) o.expiresAt = scrub(v.expiresAt);
  if (v.detail !== undefined) o.detail = scrub(v.detail);
  return o;
}

export function jsonFinding(f: Finding, scrub: Scrub, showSecrets: boolean): JsonFinding {
  const o: JsonFinding = {
    ...(f.repository !== undefined ? { repository: f.repository } : {}),
    ruleId: f.ruleId,
    title: scrub(f.title),
    provider: f.provider,
    severity: f.severity,
    file: scrub(f.file),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    fingerprint: f.fingerprint,
    redacted: f.redacted,
    validated: f.validated,
    message: scrub(findingMessage(f)),
    tags: [...f.tags],
    grants: f.grants,
  };
  if (f.address !== undefined) o.address = f.address;
  if (f.keyType !== undefined) o.keyType = f.keyType;
  if (f.key !== undefined) o.key = scrub(f.key);
  if (f.knownPublic !== undefined) o.knownPublic = scrub(f.knownPublic);
  if (f.related !== undefined) o.related = [...f.related];
  if (f.commit !== undefined) o.commit = jsonCommit(f.commit, scrub);
  if (f.decoded !== undefined) o.decoded = scrub(f.decoded);
  const sup = suppressionOf(f);
  if (sup) o.suppressed = sup;
  if (f.verification !== undefined) o.verification = jsonVerification(f.verification, scrub);
  if (f.funds !== undefined) o.funds = f.funds.map((x) => ({ chain: x.chain, address: x.address, balance: x.balance, unit: x.unit, txCount: x.txCount }));
  if (showSecrets) o.secret = f.secret;
  return o;
}

export function jsonStats(s: ScanStats, scrub: Scrub): ScanStats {
  const o: ScanStats = {
    files: s.files,
    bytes: s.bytes,
    durationMs: s.durationMs,
    skipped: { binary: s.skipped.binary, tooLarge: s.skipped.tooLarge, unreadable: s.skipped.unreadable, ignored: s.skipped.ignored, lockfile: s.skipped.lockfile ?? 0 },
    ignoredPaths: (s.ignoredPaths ?? []).map(scrub),
    ignoredScanned: (s.ignoredScanned ?? []).map(scrub),
    findings: { error: s.findings.error, warning: s.findings.warning, note: s.findings.note },
    suppressed: {
      inline: s.suppressed.inline,
      ignoreFile: s.suppressed.ignoreFile,
      baseline: s.suppressed.baseline,
      allow: s.suppressed.allow,
    },
    warnings: s.warnings.map(scrub),
  };
  if (s.commits !== undefined) o.commits = s.commits;
  if (s.blobs !== undefined) o.blobs = s.blobs;
  return o;
}

export function toJsonReport(input: ReportInput): JsonReport {
  const scrub = makeScrub(input.findings, input.showSecrets);
  return {
    version: JSON_REPORT_VERSION,
    ...(input.repositories ? { repositories: input.repositories.map((r) => repositoryStatus(r, scrub)) } : {}),
    ...(input.scan ? { scan: { tool: 'keyhound' as const, version: input.tool.version, ...input.scan, refs: input.scan.refs?.map(scrub) } } : {}),
    findings: sortedByLocation(input.findings).map((f) => jsonFinding(f, scrub, input.showSecrets)),
    stats: jsonStats(input.stats, scrub),
  };
}

export function renderJson(input: ReportInput): string {
  return JSON.stringify(toJsonReport(input), null, 2) + '\n';
}

function repositoryStatus(r: RepositoryStatus, scrub: Scrub): RepositoryStatus {
  const o: RepositoryStatus = { full_name: r.full_name, status: r.status };
  if (r.error !== undefined) o.error = scrub(r.error);
  if (r.reason !== undefined) o.reason = r.reason;
  return o;
}

const OLD_WALLET_TAGS = ['wallet', 'private-key', 'mnemonic', 'seed-phrase', 'keystore'];

/**
 * A JSON finding's `grants`; reports written before the field existed said it with tags, read here
 * once so that no reporter looks at tags.
 */
export function grantsOf(j: Pick<JsonFinding, 'grants' | 'tags'>): Grants {
  if (j.grants && GRANTS.includes(j.grants)) return j.grants;
  const tags = j.tags ?? [];
  if (tags.some((t) => OLD_WALLET_TAGS.includes(t))) return 'wallet';
  if (tags.includes('exchange')) return 'exchange-account';
  return tags.includes('custody') ? 'custody' : 'service';
}

/**
 * A finding read back from a JSON report or the incremental cache. Without `secret` (reports are
 * redacted unless --show-secrets) the secret is empty: every text field was scrubbed when written.
 */
export function findingFromJson(j: JsonFinding): Finding {
  const f: Finding = {
    ruleId: j.ruleId,
    title: j.title,
    provider: j.provider,
    severity: j.severity,
    file: j.file,
    line: j.line,
    column: j.column,
    endLine: j.endLine,
    endColumn: j.endColumn,
    secret: j.secret ?? '',
    redacted: j.redacted,
    fingerprint: j.fingerprint,
    validated: j.validated,
    message: j.message,
    tags: [...(j.tags ?? [])],
    grants: grantsOf(j),
  };
  if (j.repository !== undefined) f.repository = j.repository;
  if (j.address !== undefined) f.address = j.address;
  if (j.key !== undefined) f.key = j.key;
  if (j.knownPublic !== undefined) f.knownPublic = j.knownPublic;
  if (j.related !== undefined) f.related = [...j.related];
  if (j.commit !== undefined) f.commit = { ...j.commit, ...(j.commit.paths ? { paths: [...j.commit.paths] } : {}) };
  if (j.decoded !== undefined) f.decoded = j.decoded;
  if (j.suppressed !== undefined) f.suppressed = j.suppressed;
  return f;
}
