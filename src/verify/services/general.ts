// General tokens that leak beside crypto keys: GitHub, Slack, Stripe, Telegram, OpenAI. Each check is the
// issuer's own "who am I" or cheapest read; only rights and fixed words are reported, never account data.
import { field, unexpected, type CheckOutcome, type Credential, type IssuerCheck, type IssuerHttp } from '../types.js';

const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

export const github: IssuerCheck = {
  id: 'github',
  name: 'GitHub',
  defaultBase: 'https://api.github.com',
  envVar: 'GITHUB_API_URL',
  providers: ['github'],
  needs: [],
  rate: { requests: 5, perMs: 1000 },
  doc: {
    endpoint: 'GET /user',
    fields: ['X-OAuth-Scopes header (classic tokens)', 'HTTP 401'],
    basis: 'docs',
    caveat: 'fine-grained and installation tokens carry no scopes header: liveness only',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(
      () => ({ method: 'GET', path: '/user', headers: { ...bearer(c.key), Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' } }),
      (x) => x.status === 429 || (x.status === 403 && x.headers.get('x-ratelimit-remaining') === '0'),
    );
    if (r.status === 401) return { status: 'invalid', detail: 'GitHub refuses the token (HTTP 401): revoked or expired' };
    if (r.status === 403) return { status: 'live', detail: 'the token works but may not read the user (installation token or missing permission)' };
    if (r.status !== 200) return unexpected(r);
    const scopes = r.headers.get('x-oauth-scopes');
    if (scopes === null) return { status: 'live', detail: 'fine-grained token: rights are per repository and not listed here' };
    const list = scopes.split(',').map((s) => s.trim()).filter((s) => /^[a-z:_]{1,40}$/.test(s));
    const write = list.some((s) => ['repo', 'public_repo', 'workflow', 'write:packages', 'admin:org', 'delete_repo', 'admin:repo_hook'].includes(s));
    return { status: 'live', permissions: list, ...(write ? { detail: 'can write to repositories or the organisation' } : list.length === 0 ? { detail: 'no scopes (public data only)' } : {}) };
  },
};

export const slack: IssuerCheck = {
  id: 'slack',
  name: 'Slack',
  defaultBase: 'https://slack.com',
  providers: ['slack'],
  needs: [],
  rate: { requests: 1, perMs: 1000 },
  doc: { endpoint: 'POST /api/auth.test', fields: ['ok', 'error (invalid_auth, token_revoked, account_inactive, not_authed)', 'bot_id'], basis: 'docs' },
  rejects: (c) => (/^xox[abposre]-/.test(c.key) ? undefined : 'only xox… tokens are checked (app-level tokens and webhook URLs have no read-only check)'),
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(() => ({ method: 'POST', path: '/api/auth.test', headers: { ...bearer(c.key), 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' }));
    if (r.status === 200 && field(r.json, 'ok') === true) {
      return { status: 'live', detail: field(r.json, 'bot_id') ? 'bot token' : 'user token' };
    }
    const err = String(field(r.json, 'error') ?? '');
    if (err === 'invalid_auth') return { status: 'invalid', detail: 'Slack: invalid_auth (revoked, or refused from this IP address)' };
    if (['token_revoked', 'token_expired', 'account_inactive', 'not_authed', 'no_permission'].includes(err)) return { status: 'invalid', detail: `Slack: ${err}` };
    return unexpected(r);
  },
};

export const stripe: IssuerCheck = {
  id: 'stripe',
  name: 'Stripe',
  defaultBase: 'https://api.stripe.com',
  providers: ['stripe'],
  needs: [],
  rate: { requests: 2, perMs: 1000 },
  doc: {
    endpoint: 'GET /v1/balance',
    fields: ['HTTP 200', 'HTTP 401 ("Invalid API Key provided")', 'HTTP 403 (restricted key without the balance right)'],
    basis: 'docs',
    caveat: 'the 403 for restricted keys is inferred',
  },
  rejects: (c) => (/^(sk|rk)_(live|test)_/.test(c.key) ? undefined : 'not a Stripe secret or restricted key'),
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(() => ({ method: 'GET', path: '/v1/balance', headers: bearer(c.key) }));
    const mode = c.key.includes('_live_') ? 'live mode' : 'test mode';
    if (r.status === 200) return { status: 'live', detail: `${c.key.startsWith('rk_') ? 'restricted' : 'secret'} key, ${mode}`, canTransfer: c.key.startsWith('sk_live_') ? true : undefined };
    if (r.status === 401) return { status: 'invalid', detail: 'Stripe: invalid API key' };
    if (r.status === 403) return { status: 'live', detail: `restricted key without the balance right, ${mode}` };
    return unexpected(r);
  },
};

export const telegram: IssuerCheck = {
  id: 'telegram',
  name: 'Telegram',
  defaultBase: 'https://api.telegram.org',
  providers: ['telegram'],
  needs: [],
  rate: { requests: 5, perMs: 1000 },
  doc: { endpoint: 'GET /bot{token}/getMe', fields: ['ok', 'result.is_bot', 'error_code 401/404'], basis: 'docs' },
  rejects: (c) => (/^\d{5,12}:[A-Za-z0-9_-]{30,40}$/.test(c.key) ? undefined : 'not a bot token'),
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(() => ({ method: 'GET', path: `/bot${c.key}/getMe` }));
    if (r.status === 200 && field(r.json, 'ok') === true) return { status: 'live', detail: 'bot token' };
    if (r.status === 401 || r.status === 404) return { status: 'invalid', detail: `Telegram: ${r.status === 401 ? 'Unauthorized' : 'Not Found'}` };
    return unexpected(r);
  },
};

export const openai: IssuerCheck = {
  id: 'openai',
  name: 'OpenAI',
  defaultBase: 'https://api.openai.com',
  providers: ['openai'],
  needs: [],
  rate: { requests: 2, perMs: 1000 },
  doc: {
    endpoint: 'GET /v1/models',
    fields: ['HTTP 200', 'HTTP 401 error.code invalid_api_key / IP not authorized', 'HTTP 429 error.code insufficient_quota'],
    basis: 'docs',
  },
  async check(c: Credential, http: IssuerHttp): Promise<CheckOutcome> {
    const r = await http.send(
      () => ({ method: 'GET', path: '/v1/models', headers: bearer(c.key) }),
      (x) => x.status === 429 && field(x.json, 'error', 'code') !== 'insufficient_quota',
    );
    if (r.status === 200) return { status: 'live' };
    const code = String(field(r.json, 'error', 'code') ?? '');
    const msg = String(field(r.json, 'error', 'message') ?? '');
    if (r.status === 429 && code === 'insufficient_quota') return { status: 'live', detail: 'the key works but its quota is used up' };
    if (r.status === 401 && /\bIP\b/.test(msg)) return { status: 'live', ipRestricted: true, detail: 'the key is not allowed from this IP address' };
    if (r.status === 401) return { status: 'invalid', detail: `OpenAI refuses the key${code === 'invalid_api_key' ? ' (invalid_api_key)' : ''}` };
    if (r.status === 403) return { status: 'live', detail: 'the key works but may not list models (restricted key or region)' };
    return unexpected(r);
  },
};
