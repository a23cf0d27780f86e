// GitHub "revoke a list of credentials" (POST /credentials/revoke) through @octokit/rest.
import { Octokit } from '@octokit/rest';
import type { IssuerConfig } from '../config.js';
import { NetworkError, RequestTimeout, checkEndpointUrl, scrub, timeoutFetch, waitHint } from '../../net/http.js';
import type { AttemptContext, AttemptResult, Issuer, RevokeTarget } from '../types.js';
import { baseSettings, type IssuerDeps } from './common.js';

export const GITHUB_DEFAULT_API = 'https://api.github.com';
/** Token types the endpoint accepts (not ghs_: installation tokens expire within the hour anyway). */
export const GITHUB_REVOCABLE = /^(ghp_|gho_|ghu_|ghr_|github_pat_)/;
export const GITHUB_BATCH = 1000;

/** --github-api-url, then revoke.yaml apiUrl, then $GITHUB_API_URL (set by Actions), then api.github.com. */
export function githubApiUrl(cfg: IssuerConfig, deps: IssuerDeps): string {
  return (deps.githubApiUrl ?? cfg.apiUrl ?? deps.env.GITHUB_API_URL ?? GITHUB_DEFAULT_API).replace(/\/+$/, '');
}

/** On github.com the endpoint must be called without authentication (an authenticated call gets 403). */
export function isGithubDotCom(url: URL): boolean {
  return url.hostname.toLowerCase() === 'api.github.com';
}

export function githubIssuer(cfg: IssuerConfig, deps: IssuerDeps): Issuer {
  const base = githubApiUrl(cfg, deps);
  const endpoint = checkEndpointUrl(base, deps.githubApiUrl ? '--github-api-url' : cfg.apiUrl ? `issuers.${cfg.name}.apiUrl` : 'GITHUB_API_URL');
  const token = !isGithubDotCom(endpoint) && deps.env.GITHUB_TOKEN ? deps.env.GITHUB_TOKEN : undefined;
  const settings = baseSettings(cfg, deps, { concurrency: 1, rate: { requests: 60, perMs: 3_600_000 }, batchSize: GITHUB_BATCH });
  let octokit: Octokit | undefined;
  const client = () =>
    (octokit ??= new Octokit({
      baseUrl: base,
      auth: token,
      userAgent: `keyhound/${deps.version}`,
      request: { fetch: timeoutFetch(settings.timeoutMs), redirect: 'manual' },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    }));

  return {
    ...settings,
    name: cfg.name,
    type: 'github',
    endpoint: new URL(`${base}/credentials/revoke`),
    needsPair: false,
    unavailable: () => undefined,
    rejects(t: RevokeTarget) {
      if (GITHUB_REVOCABLE.test(t.secret)) return undefined;
      if (t.secret.startsWith('ghs_')) return 'ghs_ installation tokens are not accepted by GitHub\'s revocation API (they expire within an hour)';
      return 'not a GitHub token type the revocation API accepts (ghp_, github_pat_, gho_, ghu_, ghr_)';
    },
    async attempt(batch: RevokeTarget[], _ctx: AttemptContext): Promise<AttemptResult> {
      const credentials = [...new Set(batch.map((t) => t.secret))];
      const secrets = credentials;
      try {
        const res = await client().rest.credentials.revoke({ credentials });
        if (res.status >= 200 && res.status < 300) return { outcome: 'revoked', status: res.status, reason: res.status === 202 ? 'accepted' : undefined };
        return { outcome: 'failed', status: res.status, reason: `unexpected HTTP ${res.status} (redirects are not followed)` };
      } catch (e) {
        const err = e as { status?: number; message?: string; cause?: unknown; response?: { headers?: Record<string, string> } };
        if (err.cause instanceof RequestTimeout || err.cause instanceof NetworkError) throw err.cause;
        if (e instanceof RequestTimeout || e instanceof NetworkError) throw e;
        const status = err.status;
        if (status === undefined) throw new NetworkError(e);
        const headers = new Headers(err.response?.headers ?? {});
        const wait = waitHint(headers);
        const message = scrub(String(err.message ?? ''), secrets);
        if (status === 429 || (status === 403 && wait !== undefined) || status >= 500) {
          return { outcome: 'retry', status, retryAfterMs: wait, reason: status === 429 || status === 403 ? 'rate limited' : message || `HTTP ${status}` };
        }
        if (status === 422) return { outcome: 'failed', status, reason: `validation failed or the endpoint has been spammed${message ? `: ${message}` : ''}` };
        if (status === 403 && token) return { outcome: 'failed', status, reason: `forbidden (this server rejects authenticated calls? unset GITHUB_TOKEN)${message ? `: ${message}` : ''}` };
        return { outcome: 'failed', status, reason: message || `HTTP ${status}` };
      }
    },
  };
}
