// Loads the user's own revocation configuration: --revoke-config FILE, else
// $XDG_CONFIG_HOME/keyhound/revoke.yaml (default ~/.config/keyhound/revoke.yaml). Nothing from the
// scanned tree ever reaches this file's result (see repo-config.ts for the trust boundary).
import { existsSync, statSync } from 'node:fs';
import { readRegularFile } from '../util/safe-fs.js';
import { yamlProblem } from '../util/problem-kind.js';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import AjvModule, { type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { UsageError } from '../core/errors.js';
import { checkEndpointUrl } from '../net/http.js';
import { revokeConfigSchema } from './schema.js';
import type { RateSpec } from '../net/limits.js';
import { ISSUER_TYPES, type IssuerType } from './types.js';

const Ajv = AjvModule.default;

export interface IssuerConfig {
  name: string;
  type: IssuerType;
  enabled: boolean;
  rules?: string[];
  providers?: string[];
  concurrency?: number;
  rateLimit?: RateSpec;
  timeoutMs?: number;
  retries?: number;
  apiUrl?: string;
  baseUrl?: string;
  recvWindow?: number;
  account?: 'master' | 'sub';
  apiKeyEnv?: string;
  secretEnv?: string;
  subAccountEmail?: string;
  subAccountEmailEnv?: string;
  tokenEnv?: string;
  url?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  encoding?: 'json' | 'form' | 'raw';
  signingSecretEnv?: string;
  signatureHeader?: string;
}

export interface RetryConfig {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxWaitMs: number;
}

export interface RevokeConfig {
  /** File it came from; undefined when no file exists (built-in defaults). */
  source?: string;
  concurrency: number;
  auditLog?: string;
  stateFile?: string;
  retry: RetryConfig;
  issuers: Map<string, IssuerConfig>;
  warnings: string[];
}

export const DEFAULT_RETRY: RetryConfig = { retries: 3, baseDelayMs: 500, maxDelayMs: 30_000, maxWaitMs: 60_000 };

/** Placeholders a webhook body template may use. */
export const BODY_PLACEHOLDERS = ['secret', 'rule', 'provider', 'fingerprint', 'file', 'line', 'commit', 'redacted', 'time', 'delivery'] as const;

/** `10s`, `500ms`, `2m`, `1h`; a bare number is seconds. */
export function parseDuration(v: number | string): number {
  if (typeof v === 'number') return Math.round(v * 1000);
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(v.trim());
  if (!m) throw new Error(`not a duration: "${v}" (examples: 500ms, 10s, 2m)`);
  const mult = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * mult);
}

/** $XDG_CONFIG_HOME/keyhound/revoke.yaml, or ~/.config/keyhound/revoke.yaml. */
export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
  return join(base, 'keyhound', 'revoke.yaml');
}

let validator: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;
function validate(data: unknown): ErrorObject | undefined {
  validator ??= new Ajv({ allErrors: false, strict: true }).compile(revokeConfigSchema);
  return validator(data) ? undefined : validator.errors![0];
}

function describe(err: ErrorObject): string {
  const path = err.instancePath.split('/').filter(Boolean).join('.');
  let detail = err.message ?? 'invalid';
  if (err.keyword === 'additionalProperties') detail = `unknown field "${(err.params as { additionalProperty: string }).additionalProperty}"`;
  if (err.keyword === 'enum') detail = `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (err.keyword === 'propertyNames') detail = 'issuer names are lower-case words joined by - or _';
  return `${path ? `${path}: ` : ''}${detail}`;
}

function expandPath(p: string, baseDir: string): string {
  if (p === '~' || p.startsWith('~/')) return join(homedir(), p.slice(1));
  return resolve(baseDir, p);
}

type RawIssuer = Omit<IssuerConfig, 'name' | 'type' | 'enabled' | 'rateLimit' | 'timeoutMs'> & {
  type?: IssuerType;
  enabled?: boolean;
  rateLimit?: { requests: number; per: number | string };
  timeout?: number | string;
};
interface RawConfig {
  concurrency?: number;
  auditLog?: string;
  stateFile?: string;
  retry?: { retries?: number; baseDelay?: number | string; maxDelay?: number | string; maxWait?: number | string };
  issuers?: Record<string, RawIssuer>;
}

/** Validates parsed YAML and normalises it. `file` names the source in messages. */
export function parseRevokeConfig(data: unknown, file: string): RevokeConfig {
  const fail = (msg: string): never => {
    throw new UsageError(`${file}: ${msg}`);
  };
  const err = validate(data ?? {});
  if (err) fail(describe(err));
  const raw = (data ?? {}) as RawConfig;
  const baseDir = dirname(resolve(file));
  const warnings: string[] = [];
  const retry: RetryConfig = {
    retries: raw.retry?.retries ?? DEFAULT_RETRY.retries,
    baseDelayMs: raw.retry?.baseDelay !== undefined ? parseDuration(raw.retry.baseDelay) : DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: raw.retry?.maxDelay !== undefined ? parseDuration(raw.retry.maxDelay) : DEFAULT_RETRY.maxDelayMs,
    maxWaitMs: raw.retry?.maxWait !== undefined ? parseDuration(raw.retry.maxWait) : DEFAULT_RETRY.maxWaitMs,
  };
  const issuers = new Map<string, IssuerConfig>();
  for (const [name, r] of Object.entries(raw.issuers ?? {})) {
    const type = r.type ?? ((ISSUER_TYPES as readonly string[]).includes(name) ? (name as IssuerType) : undefined);
    if (!type) fail(`issuers.${name}: needs "type" (one of ${ISSUER_TYPES.join(', ')})`);
    const { rateLimit, timeout, type: _t, enabled, ...rest } = r;
    const ic: IssuerConfig = { ...rest, name, type: type!, enabled: enabled ?? true };
    if (rateLimit) ic.rateLimit = { requests: rateLimit.requests, perMs: parseDuration(rateLimit.per) };
    if (timeout !== undefined) ic.timeoutMs = parseDuration(timeout);
    if (ic.method) ic.method = ic.method.toUpperCase();
    checkIssuer(ic, fail);
    issuers.set(name, ic);
  }
  return {
    source: file,
    concurrency: raw.concurrency ?? 4,
    auditLog: raw.auditLog ? expandPath(raw.auditLog, baseDir) : undefined,
    stateFile: raw.stateFile ? expandPath(raw.stateFile, baseDir) : undefined,
    retry,
    issuers,
    warnings,
  };
}

const FIELDS_BY_TYPE: Record<IssuerType, string[]> = {
  github: ['apiUrl'],
  webhook: ['url', 'method', 'headers', 'body', 'encoding', 'signingSecretEnv', 'signatureHeader'],
  bybit: ['baseUrl', 'recvWindow', 'account'],
  binance: ['baseUrl', 'recvWindow', 'apiKeyEnv', 'secretEnv', 'subAccountEmail', 'subAccountEmailEnv'],
  alchemy: ['baseUrl', 'tokenEnv'],
};
const SPECIFIC = new Set(Object.values(FIELDS_BY_TYPE).flat());

function checkIssuer(ic: IssuerConfig, fail: (m: string) => never): void {
  const where = `issuers.${ic.name}`;
  for (const k of Object.keys(ic)) {
    if (SPECIFIC.has(k) && !FIELDS_BY_TYPE[ic.type].includes(k)) fail(`${where}: field "${k}" does not apply to a ${ic.type} issuer`);
  }
  const url = (field: 'url' | 'apiUrl' | 'baseUrl') => {
    const v = ic[field];
    if (v === undefined) return;
    try {
      checkEndpointUrl(v, `${where}.${field}`);
    } catch (e) {
      fail((e as Error).message);
    }
  };
  url('url');
  url('apiUrl');
  url('baseUrl');
  if (ic.type === 'webhook') {
    if (!ic.url) fail(`${where}: a webhook needs "url"`);
    if (/\$\{/.test(ic.url!)) fail(`${where}.url: no \${…} interpolation in URLs (put tokens in headers)`);
    if (ic.body !== undefined) {
      for (const m of ic.body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
        if (!(BODY_PLACEHOLDERS as readonly string[]).includes(m[1]!)) {
          fail(`${where}.body: unknown placeholder {{${m[1]}}} (known: ${BODY_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')})`);
        }
      }
    }
    for (const [h, v] of Object.entries(ic.headers ?? {})) {
      if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(h)) fail(`${where}.headers: not a header name: "${h}"`);
      if (/\{\{/.test(v)) fail(`${where}.headers.${h}: {{…}} placeholders belong in the body; headers take \${ENV_VAR} only`);
    }
  }
}

/**
 * Reads the revocation configuration. An explicit file must exist; the default file may be absent
 * (then built-in defaults apply: GitHub and Bybit need no configuration).
 */
export function loadRevokeConfig(opts: { file?: string; env?: NodeJS.ProcessEnv } = {}): RevokeConfig {
  const env = opts.env ?? process.env;
  const file = opts.file ? resolve(opts.file) : defaultConfigPath(env);
  if (!existsSync(file)) {
    if (opts.file) throw new UsageError(`revocation config not found: ${opts.file}`);
    return { concurrency: 4, retry: { ...DEFAULT_RETRY }, issuers: new Map(), warnings: [] };
  }
  let text: string;
  try {
    text = readRegularFile(file).toString('utf8');
  } catch (e) {
    throw new UsageError(`cannot read revocation config ${(e as Error).message}`);
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new UsageError(`${file}: YAML error${line ? ` at line ${line}` : ''}: ${yamlProblem(e.message)}`);
  }
  const cfg = parseRevokeConfig(doc.toJS(), file);
  try {
    if (process.platform !== 'win32' && (statSync(file).mode & 0o002) !== 0) {
      cfg.warnings.push(`${file} is writable by every user: anyone on this machine could redirect revocations`);
    }
  } catch {
    /* stat failed after read: ignore */
  }
  return cfg;
}
