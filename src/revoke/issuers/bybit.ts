// Bybit v5: POST /v5/user/delete-api deletes the API key that signs the request, so the leaked key
// and its leaked secret revoke themselves (sub-account keys: POST /v5/user/delete-sub-api, also
// self-signed). Signing: X-BAPI-SIGN = hex HMAC-SHA256(secret, timestamp + apiKey + recvWindow + body).
import type { IssuerConfig } from '../config.js';
import { checkEndpointUrl, httpRequest, jsonOf, scrub, waitHint } from '../../net/http.js';
import { bybitSign } from '../../net/signing.js';
import type { AttemptContext, AttemptResult, Issuer, RevokeTarget } from '../types.js';
import { baseSettings, type IssuerDeps } from './common.js';

export const BYBIT_DEFAULT_BASE = 'https://api.bybit.com';
export const BYBIT_MASTER_PATH = '/v5/user/delete-api';
export const BYBIT_SUB_PATH = '/v5/user/delete-sub-api';

export function bybitIssuer(cfg: IssuerConfig, deps: IssuerDeps): Issuer {
  const base = checkEndpointUrl(cfg.baseUrl ?? BYBIT_DEFAULT_BASE, `issuers.${cfg.name}.baseUrl`);
  const path = cfg.account === 'sub' ? BYBIT_SUB_PATH : BYBIT_MASTER_PATH;
  const endpoint = new URL(path, base);
  const recvWindow = String(cfg.recvWindow ?? 5000);
  const settings = baseSettings(cfg, deps, { concurrency: 2, rate: { requests: 5, perMs: 1000 } });

  return {
    ...settings,
    name: cfg.name,
    type: 'bybit',
    endpoint,
    needsPair: true,
    unavailable: () => undefined,
    rejects(t: RevokeTarget) {
      return t.pairSecret ? undefined : 'Bybit deletes a key only in a request signed by it: its API secret was not found next to it';
    },
    async attempt(batch: RevokeTarget[], ctx: AttemptContext): Promise<AttemptResult> {
      const t = batch[0]!;
      const apiKey = t.secret;
      const secret = t.pairSecret!;
      const body = '{}';
      const timestamp = String(Date.now());
      const headers = {
        'Content-Type': 'application/json',
        'User-Agent': `keyhound/${deps.version}`,
        'X-BAPI-API-KEY': apiKey,
        'X-BAPI-TIMESTAMP': timestamp,
        'X-BAPI-RECV-WINDOW': recvWindow,
        'X-BAPI-SIGN-TYPE': '2',
        'X-BAPI-SIGN': bybitSign(secret, timestamp, apiKey, recvWindow, body),
      };
      const res = await httpRequest(endpoint, { method: 'POST', headers, body }, ctx.timeoutMs);
      const status = res.status;
      const wait = waitHint(res.headers);
      if (status === 429 || status >= 500) return { outcome: 'retry', status, retryAfterMs: wait, reason: `HTTP ${status}` };
      if (status === 403) return { outcome: 'failed', status, reason: 'HTTP 403: Bybit refuses requests from this network location' };
      if (status < 200 || status >= 300) return { outcome: 'failed', status, reason: `HTTP ${status}` };
      const data = jsonOf(res.text) as { retCode?: unknown; retMsg?: unknown } | undefined;
      const code = Number(data?.retCode);
      const msg = scrub(String(data?.retMsg ?? ''), [apiKey, secret], 120);
      if (!data || !Number.isFinite(code)) return { outcome: 'failed', status, reason: 'unreadable answer (no retCode)' };
      switch (code) {
        case 0:
          return { outcome: 'revoked', status };
        case 10003:
        case 33004:
          return { outcome: 'already-revoked', status, reason: `Bybit does not know this key (retCode ${code}): deleted already, or it belongs to another environment than ${endpoint.host}` };
        case 10006:
        case 10018:
        case 10016:
        case 10000:
          return { outcome: 'retry', status, retryAfterMs: wait, reason: `retCode ${code}${msg ? ` ${msg}` : ''}` };
        case 10002:
          return { outcome: 'failed', status, reason: 'request outside the receive window: check this machine\'s clock (retCode 10002)' };
        case 10004:
          return { outcome: 'failed', status, reason: 'signature rejected: the secret found next to the key is not its secret (retCode 10004)' };
        case 10005:
          return { outcome: 'failed', status, reason: 'the key lacks a permission needed to delete itself (retCode 10005): delete it on bybit.com' };
        case 10010:
          return { outcome: 'failed', status, reason: 'the key is bound to other IP addresses (retCode 10010): delete it on bybit.com' };
        default:
          return { outcome: 'failed', status, reason: `retCode ${code}${msg ? ` ${msg}` : ''}` };
      }
    },
  };
}
