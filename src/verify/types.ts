// Shapes of the verification layer: credentials in, issuer checks, outcomes out.
import type { Verification } from '../core/finding.js';
import type { RateSpec } from '../net/limits.js';

/** One credential to check, assembled from linked findings. Raw values live only in memory. */
export interface Credential {
  /** The key / id / token (for one-part secrets: the secret itself). */
  key: string;
  secret?: string;
  passphrase?: string;
  provider: string;
  /** Fingerprints of every finding this credential was assembled from. */
  fingerprints: string[];
}

/** What a check concluded; the runner adds time, issuer and host. */
export type CheckOutcome = Omit<Verification, 'checkedAt' | 'issuer' | 'host'>;

export interface IssuerResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined. */
  json: unknown;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  /** Path and query, appended to the issuer's base URL. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** An issuer's HTTP access for one check: base URL fixed by the user's settings, rate-limited, bounded retries. */
export interface IssuerHttp {
  /** The base URL requests go to. */
  readonly base: URL;
  /**
   * Sends one request (rebuilt on each retry, so timestamps and nonces are fresh). Answers `rateLimited`
   * recognises (default: HTTP 429) are retried after the wait asked for, a bounded number of times; then
   * `RateLimited` is thrown.
   */
  send(build: () => RequestSpec, rateLimited?: (r: IssuerResponse) => boolean): Promise<IssuerResponse>;
}

/** Where a check's facts come from, for docs/verification.md. */
export interface CheckDoc {
  /** `GET /sapi/v1/account/apiRestrictions` */
  endpoint: string;
  /** Fields of the answer the check reads. */
  fields: string[];
  /** `docs`: the issuer documents endpoint and fields; `inferred`: SDKs, peers or observed answers. */
  basis: 'docs' | 'inferred';
  /** What is not confirmed by the issuer's docs, if anything. */
  caveat?: string;
}

export interface IssuerCheck {
  /** Id in verify.yaml and in KEYHOUND_<ID>_API_URL (upper-cased, - → _). */
  id: string;
  /** Display name. */
  name: string;
  /** The issuer's documented base URL. */
  defaultBase: string;
  /** Environment variable that overrides the base URL (default KEYHOUND_<ID>_API_URL). */
  envVar?: string;
  /** Rule providers whose findings this check takes. */
  providers: string[];
  /** Parts the check needs besides the key. */
  needs: ('secret' | 'passphrase')[];
  /** Requests allowed per time window, per issuer. */
  rate: RateSpec;
  doc: CheckDoc;
  /** Skips values the issuer cannot take (a test-mode key on a live-only check …); returns why. */
  rejects?(c: Credential): string | undefined;
  check(c: Credential, http: IssuerHttp): Promise<CheckOutcome>;
}

/** The issuer asked us to slow down more than the run allows. */
export class RateLimited extends Error {
  constructor(readonly waitMs?: number) {
    super(`rate limited${waitMs !== undefined ? ` (asked to wait ${Math.ceil(waitMs / 1000)} s)` : ''}`);
    this.name = 'RateLimited';
  }
}

/** Reads a field of a parsed JSON object without trusting its shape. */
export function field(o: unknown, ...path: (string | number)[]): unknown {
  let v = o;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** An outcome for an answer the check does not understand: never the body itself. */
export function unexpected(r: IssuerResponse, what = 'unexpected answer'): CheckOutcome {
  return { status: 'error', detail: `${what} (HTTP ${r.status})` };
}

/** The secret found beside the key is not its secret: the pair as found is unusable. */
export function badSignature(code: string): CheckOutcome {
  return { status: 'invalid', detail: `signature rejected (${code}): the secret found beside the key is not its secret` };
}

export function badPassphrase(code: string): CheckOutcome {
  return { status: 'invalid', detail: `passphrase rejected (${code}): the passphrase found beside the key is not its passphrase` };
}

/** The key exists but answers only from its allow-listed addresses. */
export function ipBound(code: string): CheckOutcome {
  return { status: 'live', ipRestricted: true, detail: `the key is bound to other IP addresses (${code}): rights not readable from here` };
}

export function clockSkew(code: string): CheckOutcome {
  return { status: 'error', detail: `request time refused (${code}): check this machine's clock` };
}
