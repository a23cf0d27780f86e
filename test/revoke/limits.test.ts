import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfigPath, parseDuration } from '../../src/revoke/config.js';
import { checkEndpointUrl, isLoopbackHost, parseRetryAfter, scrub, waitHint } from '../../src/net/http.js';
import { RateLimiter, WaitTooLong, backoffDelay } from '../../src/net/limits.js';
import { globMatch, isSecretPart } from '../../src/revoke/plan.js';

describe('revocation helpers', () => {
  it('Retry-After in seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter('0.5'), 500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
  });

  it('rate-limit headers: GitHub reset (s) and Bybit reset (ms)', () => {
    const now = 1_700_000_000_000;
    assert.equal(waitHint(new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) }), now), 30_000);
    assert.equal(waitHint(new Headers({ 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': String(now / 1000 + 30) }), now), undefined);
    assert.equal(waitHint(new Headers({ 'x-bapi-limit-status': '0', 'x-bapi-limit-reset-timestamp': String(now + 1200) }), now), 1200);
    assert.equal(waitHint(new Headers({ 'retry-after': '2', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' }), now), 2000);
  });

  it('exponential backoff with jitter stays within [cap/2, cap]', () => {
    for (let n = 1; n <= 8; n++) {
      const cap = Math.min(30_000, 500 * 2 ** (n - 1));
      assert.equal(backoffDelay(n, 500, 30_000, () => 0), cap / 2);
      assert.equal(backoffDelay(n, 500, 30_000, () => 1), cap);
    }
  });

  it('token bucket spaces requests and honours pauses; refuses waits over the maximum', async () => {
    const rl = new RateLimiter({ requests: 2, perMs: 200 }, 1000);
    const t0 = Date.now();
    await rl.take();
    await rl.take();
    await rl.take(); // third waits ~100 ms for a token
    assert.ok(Date.now() - t0 >= 80, `waited ${Date.now() - t0} ms`);
    rl.pause(5000);
    await assert.rejects(rl.take(), WaitTooLong);
  });

  it('endpoints: https anywhere, http to loopback only', () => {
    for (const h of ['127.0.0.1', '127.8.9.1', '[::1]']) assert.ok(isLoopbackHost(h.replace(/^\[|\]$/g, '')), h);
    // names resolve through DNS or /etc/hosts: only literal loopback addresses count
    for (const h of ['10.0.0.1', '192.168.1.1', '8.8.8.8', 'example.com', '128.0.0.1', 'localhost', 'api.localhost', 'evil.localhost']) assert.ok(!isLoopbackHost(h), h);
    assert.equal(checkEndpointUrl('https://hooks.example.com/x', 'url').host, 'hooks.example.com');
    assert.equal(checkEndpointUrl('http://127.0.0.1:8080/x', 'url').port, '8080');
    assert.throws(() => checkEndpointUrl('http://example.com/x', 'url'), /must be https/);
    assert.throws(() => checkEndpointUrl('ftp://127.0.0.1/x', 'url'), /must be https/);
    assert.throws(() => checkEndpointUrl('not a url', 'url'), /not a URL/);
  });

  it('scrub removes secrets and caps length', () => {
    assert.equal(scrub('bad key ABCDEFGH here', ['ABCDEFGH']), 'bad key [secret] here');
    assert.equal(scrub('x'.repeat(300), [], 10), 'xxxxxxxxxx…');
  });

  it('durations, config path, routing patterns, pair parts', () => {
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('10s'), 10_000);
    assert.equal(parseDuration('2m'), 120_000);
    assert.equal(parseDuration(1.5), 1500);
    assert.throws(() => parseDuration('10 parsecs'));
    assert.equal(defaultConfigPath({ XDG_CONFIG_HOME: '/cfg', HOME: '/home/u' }), '/cfg/keyhound/revoke.yaml');
    assert.equal(defaultConfigPath({ HOME: '/home/u' }), '/home/u/.config/keyhound/revoke.yaml');
    assert.equal(defaultConfigPath({ XDG_CONFIG_HOME: 'relative', HOME: '/home/u' }), '/home/u/.config/keyhound/revoke.yaml');
    assert.ok(globMatch(['coinbase-*'], 'coinbase-cdp-api-key-name'));
    assert.ok(!globMatch(['coinbase-*'], 'kraken-api-key'));
    assert.ok(globMatch(['a.b'], 'a.b') && !globMatch(['a.b'], 'axb'));
    assert.ok(isSecretPart({ pair: { id: 'x', part: 'secret' } }));
    assert.ok(isSecretPart({ pair: { id: 'x', part: 'passphrase' } }));
    assert.ok(!isSecretPart({ pair: { id: 'x', part: 'key' } }));
    assert.ok(!isSecretPart({}));
  });
});
