// Per-host rate limits (token bucket + server-requested pauses) and retry delays.

export class WaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`rate limited: the next request is allowed in ${Math.ceil(waitMs / 1000)} s, longer than the wait allowed (retry.maxWait)`);
    this.name = 'WaitTooLong';
  }
}

/** `requests` per `perMs` milliseconds. */
export interface RateSpec {
  requests: number;
  perMs: number;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A token bucket of `requests` per `perMs`, full at start, plus a pause an issuer asks for
 * (Retry-After, rate-limit reset). `take()` never waits longer than `maxWaitMs`: it throws instead.
 */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly rate: RateSpec,
    private readonly maxWaitMs: number,
  ) {
    this.tokens = rate.requests;
  }

  private refill(now: number): void {
    const add = ((now - this.last) / this.rate.perMs) * this.rate.requests;
    this.tokens = Math.min(this.rate.requests, this.tokens + add);
    this.last = now;
  }

  /** Time until a token is free and any pause is over, ms. */
  private waitNeeded(now: number): number {
    this.refill(now);
    const forToken = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.rate.requests) * this.rate.perMs;
    return Math.max(forToken, this.pausedUntil - now, 0);
  }

  /** Waits for a request slot, in call order. */
  take(): Promise<void> {
    const next = this.queue.then(async () => {
      const wait = this.waitNeeded(Date.now());
      if (wait > this.maxWaitMs) throw new WaitTooLong(wait);
      if (wait > 0) await sleep(wait);
      this.refill(Date.now());
      this.tokens -= 1;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The issuer asked for a pause: no request before now + ms. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }
}

/**
 * Exponential backoff with jitter for attempt n (1-based, the attempt that failed):
 * half of min(max, base·2^(n-1)) fixed, the other half random.
 */
export function backoffDelay(n: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** (n - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}
