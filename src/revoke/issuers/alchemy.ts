// Alchemy Admin API: an app's API key dies with its app. Lookup then delete:
// GET /v1/apps (paginated by cursor) finds the app whose apiKey is the leaked key, then
// DELETE /v1/apps/{id}. Authorization: Bearer <access key with App Management write>, from the
// environment only.
import type { IssuerConfig } from '../config.js';
import { checkEndpointUrl, httpRequest, jsonOf, scrub, waitHint } from '../../net/http.js';
import type { AttemptContext, AttemptResult, Issuer, RevokeTarget } from '../types.js';
import { baseSettings, classifyStatus, missingEnv, needEnvMessage, type IssuerDeps } from './common.js';

export const ALCHEMY_DEFAULT_BASE = 'https://admin-api.alchemy.com';
export const ALCHEMY_TOKEN_ENV = 'ALCHEMY_ADMIN_ACCESS_KEY';
const MAX_PAGES = 200;

interface AppsPage {
  apps: { id: string; keys: string[] }[];
  cursor?: string;
}

/** Reads one page of GET /v1/apps; tolerant of `data` wrapping and of the cursor's field name. */
export function readAppsPage(json: unknown): AppsPage {
  const root = (json ?? {}) as Record<string, unknown>;
  const data = (root.data ?? root) as Record<string, unknown> | unknown[];
  const list = (Array.isArray(data) ? data : ((data as Record<string, unknown>).apps ?? root.apps ?? [])) as Record<string, unknown>[];
  const apps = (Array.isArray(list) ? list : [])
    .filter((a) => a && typeof a.id === 'string')
    .map((a) => ({
      id: a.id as string,
      keys: [a.apiKey, ...(Array.isArray(a.apiKeys) ? a.apiKeys : [])].filter((k): k is string => typeof k === 'string'),
    }));
  const d = Array.isArray(data) ? {} : data;
  const c = d.cursor ?? d.nextCursor ?? root.cursor ?? root.nextCursor ?? (root.pagination as Record<string, unknown> | undefined)?.cursor;
  return { apps, cursor: typeof c === 'string' && c ? c : undefined };
}

export function alchemyIssuer(cfg: IssuerConfig, deps: IssuerDeps): Issuer {
  const base = checkEndpointUrl(cfg.baseUrl ?? ALCHEMY_DEFAULT_BASE, `issuers.${cfg.name}.baseUrl`);
  const apps = new URL('/v1/apps', base);
  const tokenEnv = cfg.tokenEnv ?? ALCHEMY_TOKEN_ENV;
  const settings = baseSettings(cfg, deps, { concurrency: 1, rate: { requests: 5, perMs: 1000 } });
  /** apiKey → app id, listed once per run. */
  let listing: Promise<AttemptResult | Map<string, string>> | undefined;

  const auth = () => ({ Authorization: `Bearer ${deps.env[tokenEnv]}`, Accept: 'application/json', 'User-Agent': `keyhound/${deps.version}` });

  async function list(timeoutMs: number, secrets: string[]): Promise<AttemptResult | Map<string, string>> {
    const out = new Map<string, string>();
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (let page = 0; page < MAX_PAGES; page++) {
      const u = new URL(apps);
      u.searchParams.set('limit', '25');
      if (cursor) u.searchParams.set('cursor', cursor);
      const res = await httpRequest(u, { method: 'GET', headers: auth() }, timeoutMs);
      if (res.status !== 200) {
        const c = classifyStatus(res.status, res.headers);
        const reason = res.status === 401 || res.status === 403 ? `listing apps: access key rejected (HTTP ${res.status})` : scrub(`listing apps: HTTP ${res.status}`, secrets);
        return { outcome: c.outcome === 'retry' ? 'retry' : 'failed', status: res.status, retryAfterMs: c.retryAfterMs, reason };
      }
      const p = readAppsPage(jsonOf(res.text));
      for (const a of p.apps) for (const k of a.keys) out.set(k, a.id);
      if (!p.cursor || seen.has(p.cursor)) return out;
      seen.add(p.cursor);
      cursor = p.cursor;
    }
    return out;
  }

  return {
    ...settings,
    name: cfg.name,
    type: 'alchemy',
    endpoint: apps,
    needsPair: false,
    unavailable() {
      const missing = missingEnv(deps.env, [tokenEnv]);
      return missing.length > 0 ? needEnvMessage(missing) : undefined;
    },
    rejects: () => undefined,
    async attempt(batch: RevokeTarget[], ctx: AttemptContext): Promise<AttemptResult> {
      const t = batch[0]!;
      const secrets = [t.secret, deps.env[tokenEnv]!];
      listing ??= list(ctx.timeoutMs, secrets).catch((e: unknown) => {
        listing = undefined;
        throw e;
      });
      const index = await listing;
      if (!(index instanceof Map)) {
        listing = undefined;
        return index;
      }
      const id = index.get(t.secret);
      if (!id) return { outcome: 'failed', reason: 'no app of the account behind this access key uses this key' };
      const res = await httpRequest(new URL(`/v1/apps/${encodeURIComponent(id)}`, base), { method: 'DELETE', headers: auth() }, ctx.timeoutMs);
      const c = classifyStatus(res.status, res.headers);
      if (c.outcome === 'revoked' || c.outcome === 'already-revoked') index.delete(t.secret);
      if (res.status >= 300 && res.status < 400) return { outcome: 'failed', status: res.status, reason: 'redirect not followed' };
      const reason =
        c.outcome === 'revoked' ? `app ${id} deleted` : c.outcome === 'already-revoked' ? `app ${id} already gone` : res.status === 401 || res.status === 403 ? `access key rejected (HTTP ${res.status})` : scrub(`HTTP ${res.status}`, secrets);
      return { ...c, status: res.status, retryAfterMs: c.retryAfterMs ?? waitHint(res.headers), reason };
    },
  };
}
