// The signed-request client every check uses: one base URL per issuer (the documented host unless the
// user overrides it), per-issuer rate limits, 429 / Retry-After with bounded retries, hard timeouts, no
// redirects. Responses are parsed here and never passed on verbatim.
import { httpRequest, jsonOf, waitHint } from '../net/http.js';
import { RateLimiter, WaitTooLong, type RateSpec } from '../net/limits.js';
import { RateLimited, type IssuerHttp, type IssuerResponse, type RequestSpec } from './types.js';

export interface ClientSettings {
  timeoutMs: number;
  retries: number;
  maxWaitMs: number;
  userAgent: string;
}

export class IssuerClient implements IssuerHttp {
  private readonly limiter: RateLimiter;
  /** Requests sent, for tests and the summary. */
  sent = 0;

  constructor(
    readonly base: URL,
    rate: RateSpec,
    private readonly settings: ClientSettings,
  ) {
    this.limiter = new RateLimiter(rate, settings.maxWaitMs);
  }

  get host(): string {
    return this.base.host;
  }

  /** Base URL + path: the base's own path prefix is kept (`https://host/api` + `/v1/x`); '' is the base itself. */
  urlFor(path: string): URL {
    if (path === '') return new URL(this.base.href);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const u = new URL(this.base.href);
    const q = path.indexOf('?');
    u.pathname = prefix + (q < 0 ? path : path.slice(0, q));
    u.search = q < 0 ? '' : path.slice(q);
    return u;
  }

  async send(build: () => RequestSpec, rateLimited?: (r: IssuerResponse) => boolean): Promise<IssuerResponse> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.limiter.take();
      } catch (e) {
        if (e instanceof WaitTooLong) throw new RateLimited(e.waitMs);
        throw e;
      }
      const spec = build();
      const headers: Record<string, string> = { 'User-Agent': this.settings.userAgent, Accept: 'application/json', ...spec.headers };
      this.sent++;
      const res = await httpRequest(this.urlFor(spec.path), { method: spec.method, headers, body: spec.body }, this.settings.timeoutMs);
      const r: IssuerResponse = { status: res.status, headers: res.headers, text: res.text, json: jsonOf(res.text) };
      const limited = rateLimited ? rateLimited(r) : res.status === 429;
      if (!limited) return r;
      const wait = waitHint(res.headers) ?? 1000 * 2 ** attempt;
      if (attempt >= this.settings.retries || wait > this.settings.maxWaitMs) throw new RateLimited(wait);
      this.limiter.pause(wait);
    }
  }
}
