// Shared vocabulary: severities, findings and the counters of one run, as every layer sees them.

export type Severity = 'error' | 'warning' | 'note';
export const SEVERITIES: readonly Severity[] = ['note', 'warning', 'error'];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/**
 * What a leaked value gives whoever holds it. Reporters decide on this, never on tags (which only
 * describe): SARIF security-severity, the generic remediation steps, the incident guide.
 * - `wallet`: signs for an on-chain account directly (private keys, seed phrases, keystores);
 * - `exchange-account`: acts on an exchange account (trade, maybe withdraw);
 * - `custody`: acts on a custody or wallet-infrastructure platform that moves funds;
 * - `service`: access to any other service or account (code hosting, cloud, chat, APIs).
 */
export type Grants = 'wallet' | 'exchange-account' | 'custody' | 'service';
export const GRANTS: readonly Grants[] = ['wallet', 'exchange-account', 'custody', 'service'];

/** Whether holding the value can move funds. */
export function grantsFunds(grants: Grants | undefined): boolean {
  return grants === 'wallet' || grants === 'exchange-account' || grants === 'custody';
}

export interface Finding {
  ruleId: string;
  title: string;
  provider: string;
  severity: Severity;
  /** Repo- or scan-root-relative path, `/` separated; `-` for stdin. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  /** Exclusive, 1-based, in UTF-16 code units (SARIF default column kind). */
  endColumn: number;
  /** The raw secret. Never printed unless --show-secrets; reporters use `redacted`. */
  secret: string;
  redacted: string;
  fingerprint: string;
  /** An offline check (checksum, curve, structure) confirmed the value. */
  validated: boolean;
  /** Known public test key / documented sample: reported at note level, not a leak. */
  knownPublic?: string;
  /** Derived public address / key for the owner to look up. */
  address?: string;
  /** Algorithm and size of a private key file (RSA 2048, OpenSSH ed25519, encrypted PKCS#8). */
  keyType?: string;
  /** Key the value was assigned to, when one was found. */
  key?: string;
  /** Fingerprints of the other parts of a two-part credential found nearby. */
  related?: string[];
  pair?: { id: string; part: string };
  /**
   * What to say about the finding, as an id and its data (ESLint's `messageId`): reporters write the
   * words (src/report/messages.ts). Findings read back from a JSON report carry `message` instead.
   */
  messageId?: FindingMessageId;
  messageData?: Record<string, string>;
  /** The words, when no messageId says them (findings read from a JSON report, hand-made findings). */
  message?: string;
  /** Descriptive labels of the rule. */
  tags: string[];
  /** What the value gives its holder (the rule's `grants`): reporters decide on this, not on tags. */
  grants: Grants;
  /** Set by sources: git provenance and similar. */
  commit?: CommitInfo;
  /** Organisation scans: the repository's full name (`owner/name`); `file` is relative to it. */
  repository?: string;
  /** Set when the secret was found inside a decoded value. */
  decoded?: string;
  /**
   * Why the finding is suppressed (the engine marks `inline`; the pipeline adds the others).
   * Suppressed findings are dropped and counted in stats, or shown with --no-suppress.
   */
  suppressed?: SuppressionKind;
  /** Online check of the credential (--verify): liveness and rights, from the issuer itself. */
  verification?: Verification;
  /** Wallet secrets (--verify with RPC endpoints): balance and activity of each derived address. */
  funds?: Funds[];
}

/** What an issuer said about a credential. `unknown`: it could not tell (rate limited, ambiguous answer …). */
export type VerificationStatus = 'live' | 'invalid' | 'unknown' | 'error';

export interface Verification {
  status: VerificationStatus;
  /** ISO time of the check. */
  checkedAt: string;
  /** Issuer id (`binance`, `github` …). */
  issuer: string;
  /** host[:port] the check went to. */
  host: string;
  /** Rights as the issuer names them. */
  permissions?: string[];
  canWithdraw?: boolean;
  canTrade?: boolean;
  canTransfer?: boolean;
  ipRestricted?: boolean;
  expiresAt?: string;
  /** Short, secret-free explanation (plan, scopes, why unknown). */
  detail?: string;
}

/** Balance of one address on one chain: `balance` in whole units as a decimal string ("1.5" ETH). */
export interface Funds {
  chain: string;
  address: string;
  balance: string;
  unit: string;
  txCount: number;
}

/** `secret`: a rule's match; `known-public`: a published test value; `key-path`: the key-path rule's match. */
export type FindingMessageId = 'secret' | 'known-public' | 'key-path';

export type SuppressionKind = 'inline' | 'ignoreFile' | 'baseline' | 'allow';

export interface CommitInfo {
  sha: string;
  author?: string;
  email?: string;
  date?: string;
  subject?: string;
  /** Commit that removed the secret's blob from that path, if any. */
  removedIn?: string;
  removedDate?: string;
  /** Days between introduction and removal (or now when still present). */
  exposureDays?: number;
  presentAtHead?: boolean;
  /** Every path the secret had in history (renames, copies), oldest first; set when more than one. */
  paths?: string[];
}

/** Counters for one run; every skipped or suppressed item is counted so nothing disappears silently. */
export interface ScanStats {
  files: number;
  bytes: number;
  durationMs: number;
  skipped: { binary: number; tooLarge: number; unreadable: number; ignored: number; lockfile: number };
  /** Paths not scanned because .gitignore or the config excludes them (folders end with `/`). */
  ignoredPaths: string[];
  /** Git-ignored files scanned anyway because their names say they hold secrets (.env, *.pem …). */
  ignoredScanned: string[];
  findings: { error: number; warning: number; note: number };
  suppressed: { inline: number; ignoreFile: number; baseline: number; allow: number };
  warnings: string[];
  /** Git sources only. */
  commits?: number;
  blobs?: number;
}

export function emptyStats(): ScanStats {
  return {
    files: 0,
    bytes: 0,
    durationMs: 0,
    skipped: { binary: 0, tooLarge: 0, unreadable: 0, ignored: 0, lockfile: 0 },
    ignoredPaths: [],
    ignoredScanned: [],
    findings: { error: 0, warning: 0, note: 0 },
    suppressed: { inline: 0, ignoreFile: 0, baseline: 0, allow: 0 },
    warnings: [],
  };
}

/** A decimal balance string other than zero. */
export function hasBalance(balance: string): boolean {
  return !/^0*(\.0*)?$/.test(balance);
}

/** Verified live, or a wallet with a balance or transactions: what --only-live keeps. */
export function verifiedLive(f: Finding): boolean {
  if (f.verification?.status === 'live') return true;
  return (f.funds ?? []).some((x) => x.txCount > 0 || hasBalance(x.balance));
}

/** Live with withdraw or transfer rights, or a wallet holding funds: the most urgent kind of leak. */
export function fundsAtRisk(f: Finding): boolean {
  const v = f.verification;
  if (v?.status === 'live' && (v.canWithdraw === true || v.canTransfer === true)) return true;
  return (f.funds ?? []).some((x) => hasBalance(x.balance));
}
