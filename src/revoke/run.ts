// Carries out a plan: batches per issuer, p-limit concurrency, per-issuer rate limits, retries with
// exponential backoff and jitter (or the wait the issuer asked for), audit lines and state updates.
import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type { AuditLog } from './audit.js';
import type { RetryConfig } from './config.js';
import { NetworkError, RequestTimeout, scrub } from '../net/http.js';
import { RateLimiter, WaitTooLong, backoffDelay, sleep } from '../net/limits.js';
import type { Plan, PlanItem, SkippedItem } from './plan.js';
import type { RevokeState } from './state.js';
import type { AttemptResult, AuditEntry, Issuer, Outcome, RevokeTarget } from './types.js';

export interface ItemResult {
  target: RevokeTarget;
  issuer: string;
  endpoint: string;
  outcome: Outcome;
  /** Why it was skipped (`state` = revoked on an earlier run). */
  skip?: SkippedItem['kind'];
  status?: number;
  attempts: number;
  reason?: string;
}

export interface ExecuteOptions {
  /** Print the plan only: nothing is sent, nothing is written. */
  dryRun: boolean;
  retry: RetryConfig;
  concurrency: number;
  audit?: AuditLog;
  state?: RevokeState;
  runId: string;
  /** All secrets of the run, scrubbed from every reason. */
  secrets: string[];
  random?: () => number;
}

function entry(run: string, t: RevokeTarget, issuer: string, endpoint: string, attempt: number, status: number | undefined, outcome: AuditEntry['outcome'], reason?: string): AuditEntry {
  const e: AuditEntry = {
    time: new Date().toISOString(),
    run,
    rule: t.ruleId,
    provider: t.provider,
    fingerprint: t.fingerprint,
    redacted: t.redacted,
    issuer,
    endpoint,
    attempt,
    status: status ?? null,
    outcome,
    commit: t.commit ?? null,
    file: t.file,
    line: t.line,
  };
  if (reason) e.reason = reason;
  return e;
}

export async function executePlan(plan: Plan, opts: ExecuteOptions): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  const clean = (s: string | undefined) => (s === undefined ? undefined : scrub(s, opts.secrets, 300));

  for (const s of plan.skipped) {
    results.push({ target: s.target, issuer: s.issuer, endpoint: s.endpoint ?? '', outcome: 'skipped', skip: s.kind, attempts: 0, reason: s.reason });
    if (!opts.dryRun) opts.audit?.write([{ entry: entry(opts.runId, s.target, s.issuer, s.endpoint ?? '', 0, undefined, 'skipped', clean(s.reason)), secrets: [s.target.secret, s.target.pairSecret] }]);
  }
  if (opts.dryRun) {
    for (const { target, issuer } of plan.items) {
      results.push({ target, issuer: issuer.name, endpoint: issuer.endpoint.host, outcome: 'planned', attempts: 0 });
    }
    return results;
  }

  const global = pLimit(opts.concurrency);
  const byIssuer = new Map<Issuer, PlanItem[]>();
  for (const item of plan.items) {
    const list = byIssuer.get(item.issuer) ?? [];
    list.push(item);
    byIssuer.set(item.issuer, list);
  }
  const tasks: Promise<void>[] = [];
  for (const [issuer, items] of byIssuer) {
    const limiter = new RateLimiter(issuer.rate, opts.retry.maxWaitMs);
    const local = pLimit(issuer.concurrency);
    for (let i = 0; i < items.length; i += issuer.batchSize) {
      const batch = items.slice(i, i + issuer.batchSize).map((x) => x.target);
      tasks.push(local(() => global(() => runBatch(issuer, limiter, batch))));
    }
  }
  await Promise.all(tasks);
  return results;

  async function runBatch(issuer: Issuer, limiter: RateLimiter, batch: RevokeTarget[]): Promise<void> {
    const host = issuer.endpoint.host;
    // journal before the first request: a crash from here on leaves the delivery id for the next run
    const fps = batch.flatMap((t) => [t.fingerprint, ...t.alsoFingerprints]);
    const delivery = opts.state ? opts.state.begin(fps, issuer.name, opts.runId) : randomUUID();
    const audit = (attempt: number, r: { status?: number }, outcome: AuditEntry['outcome'], reason?: string) => {
      const why = clean(reason);
      opts.audit?.write(
        batch.map((t) => ({ entry: { ...entry(opts.runId, t, issuer.name, host, attempt, r.status, outcome, why), delivery }, secrets: [t.secret, t.pairSecret] })),
      );
    };
    const finish = (attempts: number, outcome: Outcome, status: number | undefined, reason: string | undefined) => {
      const why = clean(reason);
      for (const t of batch) results.push({ target: t, issuer: issuer.name, endpoint: host, outcome, status, attempts, reason: why });
      if ((outcome === 'revoked' || outcome === 'already-revoked') && opts.state) {
        const time = new Date().toISOString();
        opts.state.markMany(
          batch.map((t) => ({
            fingerprints: [t.fingerprint, ...t.alsoFingerprints],
            entry: { rule: t.ruleId, issuer: issuer.name, outcome, time, redacted: t.redacted },
          })),
        );
      }
    };
    const max = issuer.retries + 1;
    for (let attempt = 1; attempt <= max; attempt++) {
      try {
        await limiter.take();
      } catch (e) {
        const reason = e instanceof WaitTooLong ? e.message : 'rate limiter failed';
        audit(attempt, {}, 'failed', reason);
        finish(attempt - 1, 'failed', undefined, reason);
        return;
      }
      let r: AttemptResult;
      audit(attempt, {}, 'sending');
      try {
        r = await issuer.attempt(batch, { timeoutMs: issuer.timeoutMs, attempt, delivery });
      } catch (e) {
        if (e instanceof RequestTimeout || e instanceof NetworkError) r = { outcome: 'retry', reason: e.message };
        else r = { outcome: 'failed', reason: `internal error: ${(e as Error).message}` };
      }
      if (r.retryAfterMs !== undefined && r.retryAfterMs > 0) limiter.pause(r.retryAfterMs);
      if (r.outcome !== 'retry') {
        audit(attempt, r, r.outcome, r.reason);
        finish(attempt, r.outcome, r.status, r.reason);
        return;
      }
      if (attempt === max) {
        const reason = `${r.reason ?? 'transient error'}; gave up after ${max} attempt${max === 1 ? '' : 's'}`;
        audit(attempt, r, 'failed', reason);
        finish(attempt, 'failed', r.status, reason);
        return;
      }
      const wait = r.retryAfterMs ?? backoffDelay(attempt, opts.retry.baseDelayMs, opts.retry.maxDelayMs, opts.random);
      if (wait > opts.retry.maxWaitMs) {
        const reason = `${r.reason ?? 'rate limited'}; asked to wait ${Math.ceil(wait / 1000)} s, more than retry.maxWait: run again later`;
        audit(attempt, r, 'failed', reason);
        finish(attempt, 'failed', r.status, reason);
        return;
      }
      audit(attempt, r, 'retrying', r.reason);
      await sleep(wait);
    }
  }
}

/** Counts per outcome. */
export function tally(results: ItemResult[]): Record<Outcome, number> {
  const t: Record<Outcome, number> = { revoked: 0, 'already-revoked': 0, failed: 0, skipped: 0, planned: 0 };
  for (const r of results) t[r.outcome]++;
  return t;
}

export type { SkippedItem };
