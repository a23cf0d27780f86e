// Binance: DELETE /sapi/v1/sub-account/subAccountApi (TRADE, SIGNED) — the master account deletes a
// sub-account's API key. Master key and secret come from the environment only. Signing: `signature` =
// hex HMAC-SHA256(master secret, query string as sent), master key in the X-MBX-APIKEY header.
import type { IssuerConfig } from '../config.js';
import { checkEndpointUrl, httpRequest, jsonOf, scrub, waitHint } from '../../net/http.js';
import { binanceSign } from '../../net/signing.js';
import type { AttemptContext, AttemptResult, Issuer, RevokeTarget } from '../types.js';
import { baseSettings, missingEnv, needEnvMessage, type IssuerDeps } from './common.js';

export const BINANCE_DEFAULT_BASE = 'https://api.binance.com';
export const BINANCE_PATH = '/sapi/v1/sub-account/subAccountApi';
export const BINANCE_KEY_ENV = 'BINANCE_MASTER_API_KEY';
export const BINANCE_SECRET_ENV = 'BINANCE_MASTER_API_SECRET';
export const BINANCE_EMAIL_ENV = 'BINANCE_SUB_ACCOUNT_EMAIL';

export function binanceIssuer(cfg: IssuerConfig, deps: IssuerDeps): Issuer {
  const base = checkEndpointUrl(cfg.baseUrl ?? BINANCE_DEFAULT_BASE, `issuers.${cfg.name}.baseUrl`);
  const endpoint = new URL(BINANCE_PATH, base);
  const keyEnv = cfg.apiKeyEnv ?? BINANCE_KEY_ENV;
  const secretEnv = cfg.secretEnv ?? BINANCE_SECRET_ENV;
  const emailEnv = cfg.subAccountEmailEnv ?? BINANCE_EMAIL_ENV;
  const email = () => cfg.subAccountEmail ?? deps.env[emailEnv];
  const recvWindow = String(cfg.recvWindow ?? 5000);
  // request weight 3000 (UID): keep well below the per-minute UID budget
  const settings = baseSettings(cfg, deps, { concurrency: 1, rate: { requests: 1, perMs: 1000 } });

  return {
    ...settings,
    name: cfg.name,
    type: 'binance',
    endpoint,
    needsPair: false,
    unavailable() {
      const missing = missingEnv(deps.env, [keyEnv, secretEnv]);
      if (!email()) missing.push(emailEnv);
      return missing.length > 0
        ? `${needEnvMessage(missing)}${!email() ? ` (or subAccountEmail in revoke.yaml)` : ''}`
        : undefined;
    },
    rejects(t: RevokeTarget) {
      if (t.secret === deps.env[keyEnv]) return 'this is the master key itself: the API deletes sub-account keys only';
      return undefined;
    },
    async attempt(batch: RevokeTarget[], ctx: AttemptContext): Promise<AttemptResult> {
      const t = batch[0]!;
      const masterKey = deps.env[keyEnv]!;
      const masterSecret = deps.env[secretEnv]!;
      const params = new URLSearchParams({
        email: email()!,
        subAccountApiKey: t.secret,
        recvWindow,
        timestamp: String(Date.now()),
      });
      const query = params.toString();
      const url = `${endpoint.href}?${query}&signature=${binanceSign(masterSecret, query)}`;
      const res = await httpRequest(
        url,
        { method: 'DELETE', headers: { 'X-MBX-APIKEY': masterKey, 'User-Agent': `keyhound/${deps.version}` } },
        ctx.timeoutMs,
      );
      const status = res.status;
      if (status >= 200 && status < 300) return { outcome: 'revoked', status };
      const data = jsonOf(res.text) as { code?: unknown; msg?: unknown } | undefined;
      const detail = data?.code !== undefined ? `code ${String(data.code)}${data.msg ? ` ${String(data.msg)}` : ''}` : `HTTP ${status}`;
      const reason = scrub(detail, [t.secret, masterKey, masterSecret], 160);
      if (status === 429 || status === 418 || status >= 500 || Number(data?.code) === -1003) {
        return { outcome: 'retry', status, retryAfterMs: waitHint(res.headers), reason };
      }
      return { outcome: 'failed', status, reason };
    },
  };
}
