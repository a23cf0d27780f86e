// Infrastructure and general-token checks against loopback mocks answering with each service's
// documented shapes; the mocks check that the key travels where the service documents it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Verification } from '../../src/core/finding.js';
import { finding, json, link, mockServer, perTest, randomValue, rule, type Recorded } from '../revoke/helpers.js';
import { assertNoSecrets, runVerify } from './helpers.js';

type Answer = [number, unknown, Record<string, string>?];
interface Spec {
  id: string;
  provider: string;
  make(): string;
  /** Where the key must be in the request; returns problems. */
  verify(req: Recorded, key: string): string[];
  answers: Record<string, Answer>;
  expect: Record<string, Partial<Verification>>;
}

const HEX = '0123456789abcdef';
const rpcOk = (result: unknown): Answer => [200, { jsonrpc: '2.0', id: 1, result }];
const bearer = (req: Recorded, key: string) => (req.headers.authorization === `Bearer ${key}` ? [] : ['authorization header']);

const SPECS: Spec[] = [
  {
    id: 'infura',
    provider: 'infura',
    make: () => randomValue(32, HEX),
    verify: (req, key) => (req.method === 'POST' && req.url === `/v3/${key}` && JSON.parse(req.body).method === 'eth_chainId' ? [] : [`request ${req.method}`]),
    answers: { live: rpcOk('0x1'), invalid: [401, 'invalid project id\n'], ip: [200, { jsonrpc: '2.0', id: 1, error: { code: -32002, message: 'rejected due to project ID settings' } }], rate: [429, { jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'daily request count exceeded' } }, { 'retry-after': '0' }] },
    expect: { live: { status: 'live' }, invalid: { status: 'invalid' }, ip: { status: 'live', ipRestricted: true }, rate: { status: 'unknown' } },
  },
  {
    id: 'alchemy',
    provider: 'alchemy',
    make: () => randomValue(32),
    verify: (req, key) => (req.method === 'POST' && req.url === `/v2/${key}` && JSON.parse(req.body).method === 'eth_chainId' ? [] : ['request']),
    answers: { live: rpcOk('0x1'), invalid: [401, { jsonrpc: '2.0', id: 1, error: { code: -32600, message: 'Must be authenticated!' } }], ip: [403, { jsonrpc: '2.0', id: 1, error: { code: -32600, message: 'Unspecified origin not on whitelist.' } }], rate: [429, { jsonrpc: '2.0', id: 1, error: { code: 429, message: 'Your app has exceeded its compute units per second capacity.' } }, { 'retry-after': '0' }] },
    expect: { live: { status: 'live' }, invalid: { status: 'invalid' }, ip: { status: 'live', ipRestricted: true }, rate: { status: 'unknown' } },
  },
  {
    id: 'helius',
    provider: 'helius',
    make: () => crypto.randomUUID(),
    verify: (req, key) => (req.method === 'POST' && req.url === `/?api-key=${key}` && JSON.parse(req.body).method === 'getBalance' ? [] : ['request']),
    answers: { live: rpcOk({ context: { slot: 1 }, value: 1 }), invalid: [401, { jsonrpc: '2.0', error: { code: -32401, message: 'invalid api key provided' } }], rate: [429, { jsonrpc: '2.0', error: { code: -32429, message: 'rate limited' } }, { 'retry-after': '0' }] },
    expect: { live: { status: 'live' }, invalid: { status: 'invalid' }, rate: { status: 'unknown' } },
  },
  {
    id: 'etherscan',
    provider: 'etherscan',
    make: () => randomValue(34, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    verify: (req, key) => {
      const q = new URLSearchParams(req.url.split('?')[1]);
      return req.url.startsWith('/v2/api?') && q.get('apikey') === key && q.get('module') === 'account' && q.get('action') === 'balance' ? [] : ['request'];
    },
    answers: { live: [200, { status: '1', message: 'OK', result: '0' }], invalid: [200, { status: '0', message: 'NOTOK', result: 'Invalid API Key (#err2)|x' }], rate: [200, { status: '0', message: 'NOTOK', result: 'Max rate limit reached' }, { 'retry-after': '0' }] },
    expect: { live: { status: 'live' }, invalid: { status: 'invalid' }, rate: { status: 'unknown' } },
  },
  {
    id: 'coinmarketcap',
    provider: 'coinmarketcap',
    make: () => crypto.randomUUID(),
    verify: (req, key) => (req.url === '/v1/key/info' && req.headers['x-cmc_pro_api_key'] === key ? [] : ['request']),
    answers: {
      live: [200, { data: { plan: { credit_limit_daily: 4000, credit_limit_monthly: 120000, rate_limit_minute: 60 }, usage: { current_minute: { requests_made: 1, requests_left: 59 }, current_month: { credits_used: 1, credits_left: 119999 } } }, status: { timestamp: '2024-01-01T00:00:00.000Z', error_code: 0, error_message: null, elapsed: 1, credit_count: 0 } }],
      invalid: [401, { status: { error_code: 1001, error_message: 'This API Key is invalid.' } }],
      rate: [429, { status: { error_code: 1008, error_message: "You've exceeded your API Key's HTTP request rate limit." } }, { 'retry-after': '0' }],
    },
    expect: { live: { status: 'live', detail: 'plan of 120000 credits a month, 119999 left this month' }, invalid: { status: 'invalid' }, rate: { status: 'unknown' } },
  },
  {
    id: 'coingecko',
    provider: 'coingecko',
    make: () => 'CG-' + randomValue(25),
    verify: (req, key) => (req.url === '/api/v3/key' && req.headers['x-cg-pro-api-key'] === key ? [] : ['request']),
    answers: {
      live: [200, { plan: 'Analyst', rate_limit_request_per_minute: 500, monthly_call_credit: 500000, current_total_monthly_calls: 10, current_remaining_monthly_calls: 499990 }],
      invalid: [401, { status: { error_code: 10002, error_message: 'API Key Missing' } }],
      demo: [400, { status: { error_code: 10011, error_message: 'If you are using Demo API key, please change your root URL from pro-api.coingecko.com to api.coingecko.com' } }],
      rate: [429, { status: { error_code: 429, error_message: 'You\'ve exceeded the Rate Limit.' } }, { 'retry-after': '0' }],
    },
    expect: { live: { status: 'live', detail: 'plan Analyst, 499990 calls left this month' }, invalid: { status: 'invalid' }, demo: { status: 'unknown' }, rate: { status: 'unknown' } },
  },
  {
    id: 'moralis',
    provider: 'moralis',
    make: () => randomValue(64),
    verify: (req, key) => (req.url.startsWith('/api/v2.2/0x0000000000000000000000000000000000000000/balance') && req.headers['x-api-key'] === key ? [] : ['request']),
    answers: { live: [200, { balance: '0' }], invalid: [401, { message: 'Token is invalid format' }], rate: [429, { message: 'Rate limit exceeded.' }, { 'retry-after': '0' }] },
    expect: { live: { status: 'live' }, invalid: { status: 'invalid' }, rate: { status: 'unknown' } },
  },
  {
    id: 'github',
    provider: 'github',
    make: () => 'ghp_' + randomValue(36),
    verify: (req, key) => (req.url === '/user' ? bearer(req, key) : ['path']),
    answers: {
      live: [200, { login: 'octocat', id: 1 }, { 'x-oauth-scopes': 'repo, read:org, gist' }],
      finegrained: [200, { login: 'octocat', id: 1 }],
      invalid: [401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' }],
      rate: [403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0' }],
    },
    expect: {
      live: { status: 'live', permissions: ['repo', 'read:org', 'gist'], detail: 'can write to repositories or the organisation' },
      finegrained: { status: 'live' },
      invalid: { status: 'invalid' },
      rate: { status: 'unknown' },
    },
  },
  {
    id: 'slack',
    provider: 'slack',
    make: () => `xoxb-${randomValue(11, '0123456789')}-${randomValue(12, '0123456789')}-${randomValue(24)}`,
    verify: (req, key) => (req.method === 'POST' && req.url === '/api/auth.test' ? bearer(req, key) : ['request']),
    answers: {
      live: [200, { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'bot', team_id: 'T1', user_id: 'U1', bot_id: 'B1' }],
      invalid: [200, { ok: false, error: 'invalid_auth' }],
      rate: [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '0' }],
    },
    expect: { live: { status: 'live', detail: 'bot token' }, invalid: { status: 'invalid' }, rate: { status: 'unknown' } },
  },
  {
    id: 'stripe',
    provider: 'stripe',
    make: () => 'rk_live_' + randomValue(24),
    verify: (req, key) => (req.url === '/v1/balance' ? bearer(req, key) : ['path']),
    answers: {
      live: [200, { object: 'balance', available: [{ amount: 0, currency: 'usd' }], livemode: true, pending: [] }],
      invalid: [401, { error: { message: 'Invalid API Key provided: rk_live_****', type: 'invalid_request_error' } }],
      restricted: [403, { error: { message: 'The provided key does not have the required permissions', type: 'invalid_request_error' } }],
      rate: [429, { error: { message: 'Too many requests', type: 'rate_limit_error' } }, { 'retry-after': '0' }],
    },
    expect: { live: { status: 'live' }, invalid: { status: 'invalid' }, restricted: { status: 'live' }, rate: { status: 'unknown' } },
  },
  {
    id: 'telegram',
    provider: 'telegram',
    make: () => `${randomValue(10, '0123456789')}:AA${randomValue(33)}`,
    verify: (req, key) => (req.method === 'GET' && req.url === `/bot${key}/getMe` ? [] : ['request']),
    answers: {
      live: [200, { ok: true, result: { id: 1, is_bot: true, first_name: 'b', username: 'b_bot' } }],
      invalid: [401, { ok: false, error_code: 401, description: 'Unauthorized' }],
      rate: [429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 0', parameters: { retry_after: 0 } }, { 'retry-after': '0' }],
    },
    expect: { live: { status: 'live' }, invalid: { status: 'invalid' }, rate: { status: 'unknown' } },
  },
  {
    id: 'openai',
    provider: 'openai',
    make: () => `sk-proj-${randomValue(20)}T3BlbkFJ${randomValue(20)}`,
    verify: (req, key) => (req.url === '/v1/models' ? bearer(req, key) : ['path']),
    answers: {
      live: [200, { object: 'list', data: [] }],
      invalid: [401, { error: { message: 'Incorrect API key provided: sk-proj-****', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }],
      ip: [401, { error: { message: 'You are not authorized to use this API key from your IP address.', type: 'invalid_request_error', code: null } }],
      quota: [429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }],
      rate: [429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': '0' }],
    },
    expect: { live: { status: 'live' }, invalid: { status: 'invalid' }, ip: { status: 'live', ipRestricted: true }, quota: { status: 'live' }, rate: { status: 'unknown' } },
  },
];

describe('infrastructure and general-token checks against loopback mocks', () => {
  const ctx = perTest();

  for (const spec of SPECS) {
    for (const scenario of Object.keys(spec.answers)) {
      it(`${spec.id}: ${scenario}`, async () => {
        const key = spec.make();
        const problems: string[] = [];
        const [status, body, headers] = spec.answers[scenario]!;
        ctx.mock = await mockServer((req, res) => {
          problems.push(...spec.verify(req, key));
          if (typeof body === 'string') {
            res.writeHead(status, { 'content-type': 'text/plain', ...headers });
            res.end(body);
          } else json(res, status, body, headers);
        }, 6);
        const r = rule({ id: `${spec.id}-token`, provider: spec.provider });
        const f = finding(r, key);
        ctx.t.write('verify.yaml', 'retries: 1\nmaxWait: 2s\n');
        const envName = spec.id === 'github' ? 'GITHUB_API_URL' : `KEYHOUND_${spec.id.toUpperCase()}_API_URL`;
        const run = await runVerify([f], [r], ctx.t.dir, { [envName]: ctx.mock.url }, { verifyConfig: `${ctx.t.dir}/verify.yaml` });
        assert.deepEqual(problems, []);
        const v = f.verification!;
        assert.ok(v);
        assert.equal(v.issuer, spec.id);
        for (const [k, want] of Object.entries(spec.expect[scenario]!)) {
          assert.deepEqual((v as unknown as Record<string, unknown>)[k], want, `${k} (detail: ${v.detail})`);
        }
        assert.equal(ctx.mock.requests.length, scenario === 'rate' ? 2 : 1);
        assertNoSecrets([{ name: 'verification', text: JSON.stringify(v) }, { name: 'warnings', text: run.warned.join('\n') }], [key]);
      });
    }
  }

  it('an Infura key with its API key secret sends the secret as basic auth', async () => {
    const id = randomValue(32, HEX);
    const secret = randomValue(32, HEX);
    ctx.mock = await mockServer((req, res) => {
      const ok = req.headers.authorization === `Basic ${Buffer.from(`:${secret}`).toString('base64')}`;
      json(res, ok ? 200 : 401, ok ? { jsonrpc: '2.0', id: 1, result: '0x1' } : { error: 'secret required' });
    }, 2);
    const idRule = rule({ id: 'infura-project-id', provider: 'infura', pair: { id: 'infura', part: 'id' } });
    const secretRule = rule({ id: 'infura-api-key-secret', provider: 'infura', pair: { id: 'infura', part: 'secret' } });
    const a = finding(idRule, id);
    const b = finding(secretRule, secret);
    link(a, b);
    await runVerify([a, b], [idRule, secretRule], ctx.t.dir, { KEYHOUND_INFURA_API_URL: ctx.mock.url });
    assert.equal(a.verification?.status, 'live');
    assert.equal(b.verification?.status, 'live');
    assert.equal(ctx.mock.requests.length, 1);
  });

  it('honours Retry-After before asking again', async () => {
    const key = 'ghp_' + randomValue(36);
    ctx.mock = await mockServer((req, res, n) => {
      if (n === 1) return json(res, 429, { message: 'slow down' }, { 'retry-after': '1' });
      json(res, 200, {}, { 'x-oauth-scopes': '' });
    }, 3);
    const r = rule({ id: 'github-classic-token', provider: 'github' });
    const f = finding(r, key);
    const t0 = Date.now();
    await runVerify([f], [r], ctx.t.dir, { GITHUB_API_URL: ctx.mock.url });
    assert.ok(Date.now() - t0 >= 900, 'waited for Retry-After: 1');
    assert.equal(ctx.mock.requests.length, 2);
    assert.equal(f.verification?.status, 'live');
    assert.deepEqual(f.verification?.permissions, []);
  });

  it('one check per fingerprint: the same token in several places and under several rules is sent once', async () => {
    const key = 'ghp_' + randomValue(36);
    ctx.mock = await mockServer((_req, res) => json(res, 200, {}, { 'x-oauth-scopes': 'repo' }), 5);
    const r1 = rule({ id: 'github-classic-token', provider: 'github' });
    const r2 = rule({ id: 'keypath-provider-secret', provider: 'github' });
    const fs = [finding(r1, key, { file: 'a.env', line: 1 }), finding(r1, key, { file: 'b.env', line: 9 }), finding(r2, key, { file: 'c.yml', line: 2 })];
    const run = await runVerify(fs, [r1, r2], ctx.t.dir, { GITHUB_API_URL: ctx.mock.url });
    assert.equal(ctx.mock.requests.length, 1);
    assert.equal(run.checked, 1);
    for (const f of fs) assert.equal(f.verification?.status, 'live');
  });

  it('never echoes an answer: unexpected bodies and error messages stay out of the report', async () => {
    const key = randomValue(64);
    const marker = 'ECHO-' + randomValue(12);
    ctx.mock = await mockServer((_req, res) => json(res, 500, { message: `${marker} ${key}`, error: { message: marker } }), 5);
    const r = rule({ id: 'moralis-api-key', provider: 'moralis' });
    const f = finding(r, key);
    const run = await runVerify([f], [r], ctx.t.dir, { KEYHOUND_MORALIS_API_URL: ctx.mock.url });
    assert.equal(f.verification?.status, 'error');
    assert.equal(f.verification?.detail, 'unexpected answer (HTTP 500)');
    assert.ok(!JSON.stringify(f.verification).includes(marker));
    assert.ok(!run.warned.join('\n').includes(marker));
  });

  it('a timeout or a refused connection is an error, not a verdict', async () => {
    ctx.mock = await mockServer(() => undefined, 2); // never answers
    ctx.t.write('verify.yaml', 'timeout: 300ms\n');
    const r = rule({ id: 'openai-api-key', provider: 'openai' });
    const f = finding(r, `sk-proj-${randomValue(20)}T3BlbkFJ${randomValue(20)}`);
    await runVerify([f], [r], ctx.t.dir, { KEYHOUND_OPENAI_API_URL: ctx.mock.url }, { verifyConfig: `${ctx.t.dir}/verify.yaml` });
    assert.equal(f.verification?.status, 'error');
    assert.match(f.verification!.detail!, /no answer within 300 ms/);
  });
});
