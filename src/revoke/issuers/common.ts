// What the built-in issuers share: their dependencies, settings from revoke.yaml, and how answers are classified.
import type { IssuerConfig, RetryConfig } from '../config.js';
import { waitHint } from '../../net/http.js';
import type { RateSpec } from '../../net/limits.js';

export interface IssuerDeps {
  /** Where credentials come from (process.env in the CLI). */
  env: NodeJS.ProcessEnv;
  /** --github-api-url */
  githubApiUrl?: string;
  retry: RetryConfig;
  version: string;
}

export interface Settings {
  batchSize: number;
  concurrency: number;
  rate: RateSpec;
  retries: number;
  timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Issuer-independent settings: revoke.yaml values over the issuer's defaults. */
export function baseSettings(
  cfg: IssuerConfig,
  deps: IssuerDeps,
  defaults: { concurrency: number; rate: RateSpec; batchSize?: number },
): Settings {
  return {
    batchSize: defaults.batchSize ?? 1,
    concurrency: cfg.concurrency ?? defaults.concurrency,
    rate: cfg.rateLimit ?? defaults.rate,
    retries: cfg.retries ?? deps.retry.retries,
    timeoutMs: cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

/** Names of environment variables that are unset or empty. */
export function missingEnv(env: NodeJS.ProcessEnv, names: (string | undefined)[]): string[] {
  return names.filter((n): n is string => !!n && !env[n]);
}

export function needEnvMessage(names: string[]): string {
  return `needs ${names.join(' and ')} in the environment`;
}

/** Classifies an HTTP status the way every issuer does unless it knows better. */
export function classifyStatus(status: number, headers: Headers): { outcome: 'revoked' | 'already-revoked' | 'failed' | 'retry'; retryAfterMs?: number } {
  if (status >= 200 && status < 300) return { outcome: 'revoked' };
  if (status === 404 || status === 410) return { outcome: 'already-revoked' };
  if (status === 429 || status === 408 || status >= 500) return { outcome: 'retry', retryAfterMs: waitHint(headers) };
  return { outcome: 'failed' };
}
