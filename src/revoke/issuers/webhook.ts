// Generic webhook issuer, declared in the user's revoke.yaml. Every request is signed with
// HMAC-SHA256 over the exact body bytes so the receiver can tell keyhound from anyone else.
import type { IssuerConfig } from '../config.js';
import { checkEndpointUrl, httpRequest, scrub } from '../../net/http.js';
import { WEBHOOK_SIGNATURE_HEADER, signWebhookBody } from '../signing.js';
import type { AttemptContext, AttemptResult, Issuer, RevokeTarget } from '../types.js';
import { baseSettings, classifyStatus, missingEnv, needEnvMessage, type IssuerDeps } from './common.js';

export const DEFAULT_SIGNING_SECRET_ENV = 'KEYHOUND_WEBHOOK_SECRET';

export const DEFAULT_WEBHOOK_BODY =
  '{"secret":"{{secret}}","rule":"{{rule}}","provider":"{{provider}}","fingerprint":"{{fingerprint}}",' +
  '"file":"{{file}}","line":{{line}},"commit":"{{commit}}","delivery":"{{delivery}}","time":"{{time}}"}';

const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Names of the ${VAR} references in a text. */
export function envRefs(text: string): string[] {
  return [...text.matchAll(ENV_REF)].map((m) => m[1]!);
}

/** ${VAR} → its value from env (callers check availability first). */
export function interpolateEnv(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(ENV_REF, (_a, name: string) => env[name] ?? '');
}

export type BodyEncoding = 'json' | 'form' | 'raw';

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const k = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : headers[k];
}

export function inferEncoding(cfg: Pick<IssuerConfig, 'encoding' | 'headers' | 'body'>): BodyEncoding {
  if (cfg.encoding) return cfg.encoding;
  const ct = headerValue(cfg.headers ?? {}, 'content-type')?.toLowerCase() ?? '';
  if (ct.includes('json')) return 'json';
  if (ct.includes('x-www-form-urlencoded')) return 'form';
  if (ct) return 'raw';
  const b = (cfg.body ?? DEFAULT_WEBHOOK_BODY).trim();
  return b.startsWith('{') || b.startsWith('[') ? 'json' : 'raw';
}

/**
 * Fills {{placeholders}}. In json mode every value is escaped as the inside of a JSON string and in form
 * mode URL-encoded, so a file name from the scanned tree cannot change the body's structure.
 */
export function renderBody(template: string, values: Record<string, string>, encoding: BodyEncoding): string {
  return template.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (_a, name: string) => {
    const v = values[name] ?? '';
    if (encoding === 'json') return JSON.stringify(v).slice(1, -1);
    if (encoding === 'form') return encodeURIComponent(v);
    return v;
  });
}

export function webhookIssuer(cfg: IssuerConfig, deps: IssuerDeps): Issuer {
  const url = checkEndpointUrl(cfg.url!, `issuers.${cfg.name}.url`);
  const settings = baseSettings(cfg, deps, { concurrency: 2, rate: { requests: 10, perMs: 1000 } });
  const signingEnv = cfg.signingSecretEnv ?? DEFAULT_SIGNING_SECRET_ENV;
  const sigHeader = cfg.signatureHeader ?? WEBHOOK_SIGNATURE_HEADER;
  const template = cfg.body ?? DEFAULT_WEBHOOK_BODY;
  const encoding = inferEncoding(cfg);
  const method = cfg.method ?? 'POST';
  const neededEnv = [signingEnv, ...Object.values(cfg.headers ?? {}).flatMap(envRefs)];

  return {
    ...settings,
    name: cfg.name,
    type: 'webhook',
    endpoint: url,
    needsPair: false,
    unavailable() {
      const missing = missingEnv(deps.env, neededEnv);
      return missing.length > 0 ? needEnvMessage([...new Set(missing)]) : undefined;
    },
    rejects: () => undefined,
    async attempt(batch: RevokeTarget[], ctx: AttemptContext): Promise<AttemptResult> {
      const t = batch[0]!;
      const delivery = ctx.delivery;
      const values: Record<string, string> = {
        secret: t.secret,
        rule: t.ruleId,
        provider: t.provider,
        fingerprint: t.fingerprint,
        redacted: t.redacted,
        file: t.file,
        line: String(t.line),
        commit: t.commit ?? '',
        time: new Date().toISOString(),
        delivery,
      };
      const body = renderBody(template, values, encoding);
      if (encoding === 'json') {
        try {
          JSON.parse(body);
        } catch {
          return { outcome: 'failed', reason: `issuers.${cfg.name}.body does not render valid JSON` };
        }
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(cfg.headers ?? {})) headers[k] = interpolateEnv(v, deps.env);
      if (!headerValue(headers, 'content-type')) {
        headers['Content-Type'] = encoding === 'json' ? 'application/json' : encoding === 'form' ? 'application/x-www-form-urlencoded' : 'text/plain; charset=utf-8';
      }
      if (!headerValue(headers, 'user-agent')) headers['User-Agent'] = `keyhound/${deps.version}`;
      headers[sigHeader] = signWebhookBody(deps.env[signingEnv]!, body);
      headers['X-Keyhound-Delivery'] = delivery;
      headers['X-Keyhound-Attempt'] = String(ctx.attempt);
      const res = await httpRequest(url, { method, headers, body }, ctx.timeoutMs);
      const c = classifyStatus(res.status, res.headers);
      if (res.status >= 300 && res.status < 400) return { outcome: 'failed', status: res.status, reason: 'redirect not followed' };
      const secrets = [t.secret, deps.env[signingEnv], ...neededEnv.map((n) => deps.env[n])];
      // the body is never shown: a receiver that echoes the request would hand the secret back in whatever
      // encoding it was sent; the status says enough, the receiver's own logs say the rest
      const reason = c.outcome === 'already-revoked' ? 'receiver says already gone' : c.outcome === 'revoked' ? undefined : scrub(`HTTP ${res.status} (response body not shown)`, secrets, 160);
      return { ...c, status: res.status, reason };
    },
  };
}
