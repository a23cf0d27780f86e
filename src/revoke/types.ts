// Shapes shared by the revocation module: targets in, attempts and outcomes out.

/** Built-in issuer kinds. A revoke.yaml entry names one with `type` (default: its own name). */
export const ISSUER_TYPES = ['github', 'webhook', 'bybit', 'binance', 'alchemy'] as const;
export type IssuerType = (typeof ISSUER_TYPES)[number];

/** Final outcome of one target. `skipped` = never sent (unavailable issuer, state file, unsupported token …). */
export type Outcome = 'revoked' | 'already-revoked' | 'failed' | 'skipped' | 'planned';

/** One secret to revoke, deduplicated by fingerprint. The raw secret lives only in memory. */
export interface RevokeTarget {
  ruleId: string;
  provider: string;
  /** The secret sent to the issuer (for two-part credentials: the API key). */
  secret: string;
  /** Two-part credentials whose issuer needs both parts (Bybit): the paired secret. */
  pairSecret?: string;
  fingerprint: string;
  /** Fingerprints revoked together with this one (the pair's other part, same secret under other rules). */
  alsoFingerprints: string[];
  redacted: string;
  /** First location seen. */
  file: string;
  line: number;
  commit?: string;
  /** How many places the secret was found. */
  locations: number;
}

/** What one HTTP attempt against an issuer came to. `retry` = transient (5xx, 429, timeout, network). */
export interface AttemptResult {
  outcome: 'revoked' | 'already-revoked' | 'failed' | 'retry';
  /** HTTP status of the (last) response, if any. */
  status?: number;
  /** Wait the issuer asked for (Retry-After, rate-limit reset), in ms. */
  retryAfterMs?: number;
  /** Short, secret-free explanation. */
  reason?: string;
}

import type { RateSpec } from '../net/limits.js';

/** Everything an issuer needs for one attempt. */
export interface AttemptContext {
  /** Per-request timeout in ms. */
  timeoutMs: number;
  /** 1-based attempt number. */
  attempt: number;
  /** Idempotency id of this request: the same on every attempt and on a retry after a crash. */
  delivery: string;
}

export interface Issuer {
  /** Name in revoke.yaml and in a rule's `revoker`. */
  readonly name: string;
  readonly type: IssuerType;
  /** The URL requests go to (host shown in plans and audit lines; never carries secrets). */
  readonly endpoint: URL;
  /** Targets per request (GitHub: up to 1,000). */
  readonly batchSize: number;
  readonly concurrency: number;
  readonly rate: RateSpec;
  /** Retries after the first attempt. */
  readonly retries: number;
  readonly timeoutMs: number;
  /** Needs the paired secret of a two-part credential (the key signs its own deletion). */
  readonly needsPair: boolean;
  /** Why the issuer cannot run now (a missing environment variable …), or undefined. */
  unavailable(): string | undefined;
  /** Why this target cannot go to this issuer (unsupported token type …), or undefined. */
  rejects(target: RevokeTarget): string | undefined;
  /** One attempt for one batch; throws only for network errors and timeouts (retried). */
  attempt(batch: RevokeTarget[], ctx: AttemptContext): Promise<AttemptResult>;
}

/** One line of the audit log. Never a raw secret. */
export interface AuditEntry {
  time: string;
  run: string;
  rule: string;
  provider: string;
  fingerprint: string;
  redacted: string;
  issuer: string;
  endpoint: string;
  attempt: number;
  status: number | null;
  /** `sending`: the intent record, written before the request leaves. */
  outcome: Outcome | 'retrying' | 'dry-run' | 'sending';
  delivery?: string;
  reason?: string;
  commit: string | null;
  file: string;
  line: number;
}
