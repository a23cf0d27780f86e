// HTTP plumbing shared by revocation and verification: URL policy, requests with a hard timeout and no
// redirects, wait hints, secret scrubbing.
import { isIP } from 'node:net';
import { scrubSecrets } from '../util/secret-forms.js';

/**
 * True for a literal loopback address only (127.0.0.0/8, ::1): a name such as `localhost` or
 * `evil.localhost` is resolved by DNS or /etc/hosts and may point anywhere.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

/**
 * Endpoints must be https, or http to a loopback address (local relays and tests). Returns the parsed
 * URL or throws with a message that names `where`.
 */
export function checkEndpointUrl(raw: string, where: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${where}: not a URL: "${raw}"`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new Error(`${where}: must be https (http only to a loopback address such as 127.0.0.1), got ${url.protocol}//${url.host}`);
}

/** host[:port] of an endpoint, for plans and audit lines. */
export function endpointHost(url: URL): string {
  return url.host;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export class RequestTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'RequestTimeout';
  }
}

/** A network failure, with a message that carries neither URL nor body. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    const c = (cause as { cause?: { code?: string } })?.cause?.code ?? (cause as { code?: string })?.code;
    super(`network error${c ? ` (${c})` : ''}`);
    this.name = 'NetworkError';
  }
}

/**
 * One HTTP request with a hard timeout on the whole exchange (headers and body). Redirects are never
 * followed: a 3xx is returned as is, so a secret cannot be bounced to another host.
 */
export async function httpRequest(
  url: URL | string,
  init: { method: string; headers?: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<HttpResponse> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetch(url, { method: init.method, headers: init.headers, body: init.body, redirect: 'manual', signal: ctrl.signal });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    if (ctrl.signal.aborted) throw new RequestTimeout(timeoutMs);
    throw new NetworkError(e);
  } finally {
    clearTimeout(timer);
  }
}

/** A `fetch` with the same hard timeout and no redirects, for octokit. */
export function timeoutFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
      const res = await fetch(input, { ...init, redirect: 'manual', signal: ctrl.signal });
      // read the body inside the timeout, then hand octokit a complete response
      const body = await res.arrayBuffer();
      return new Response(res.status === 204 || res.status === 304 ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    } catch (e) {
      if (ctrl.signal.aborted) throw new RequestTimeout(timeoutMs);
      throw new NetworkError(e);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Retry-After (seconds or HTTP date) → ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/**
 * The wait a response asks for: Retry-After first, then rate-limit headers (GitHub's
 * x-ratelimit-remaining: 0 with x-ratelimit-reset in epoch seconds; Bybit's
 * X-Bapi-Limit-Status: 0 with X-Bapi-Limit-Reset-Timestamp in epoch ms).
 */
export function waitHint(headers: Headers, now = Date.now()): number | undefined {
  const ra = parseRetryAfter(headers.get('retry-after'), now);
  if (ra !== undefined) return ra;
  if (headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  }
  if (headers.get('x-bapi-limit-status') === '0') {
    const reset = Number(headers.get('x-bapi-limit-reset-timestamp'));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset - now);
  }
  return undefined;
}

/** Removes every form (raw, JSON, percent, base64, PEM lines) of the given secrets from a text and caps its length. */
export function scrub(text: string, secrets: Iterable<string | undefined>, max = 200): string {
  let out = scrubSecrets(text, secrets);
  out = out.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').trim();
  return out.length > max ? out.slice(0, max) + '…' : out;
}

/** Reads a JSON body, or undefined. */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
