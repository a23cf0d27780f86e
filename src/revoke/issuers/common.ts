import type { IssuerConfig, RetryConfig } from '../config.js';
import type { RateSpec } from '../types.js';

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

/** Reads a JSON body, or undefined. */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
