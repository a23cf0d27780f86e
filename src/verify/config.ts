// The user's own verification settings: --verify-config FILE, else $XDG_CONFIG_HOME/keyhound/verify.yaml,
// plus KEYHOUND_<ISSUER>_API_URL and --rpc CHAIN=URL. Nothing from the scanned tree reaches them: a
// secret goes to its issuer's documented host unless the user, and only the user, says otherwise.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import AjvModule from 'ajv';
import { parseDocument } from 'yaml';
import { UsageError } from '../core/errors.js';
import { checkEndpointUrl } from '../net/http.js';

const Ajv = AjvModule.default;

export interface RpcEndpoint {
  chain: string;
  url: URL;
  /** Native unit name (ETH, POL …); defaults per chain. */
  unit?: string;
  /** Where it was set, for messages. */
  from: string;
}

export interface VerifyConfig {
  source?: string;
  timeoutMs: number;
  concurrency: number;
  /** Longest wait a rate-limited issuer may ask for before the check is given up as unknown. */
  maxWaitMs: number;
  /** Retries after a 429 / rate-limit answer. */
  retries: number;
  /** Issuer id → base URL override from the file. */
  apiUrls: Map<string, string>;
  /** Issuers switched off in the file. */
  disabled: Set<string>;
  rpc: Map<string, RpcEndpoint>;
  warnings: string[];
}

const duration = {
  anyOf: [
    { type: 'number', exclusiveMinimum: 0 },
    { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(ms|s|m)$' },
  ],
} as const;
const url = { type: 'string', minLength: 1 } as const;
const name = '^[a-z][a-z0-9-]*$';

export const verifyConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    timeout: duration,
    concurrency: { type: 'integer', minimum: 1, maximum: 32 },
    maxWait: duration,
    retries: { type: 'integer', minimum: 0, maximum: 5 },
    issuers: {
      type: 'object',
      propertyNames: { pattern: name },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { apiUrl: url, enabled: { type: 'boolean' } },
      },
    },
    rpc: {
      type: 'object',
      propertyNames: { pattern: name },
      additionalProperties: {
        anyOf: [
          url,
          { type: 'object', additionalProperties: false, required: ['url'], properties: { url, unit: { type: 'string', minLength: 1, maxLength: 12 } } },
        ],
      },
    },
  },
} as const;

export const DEFAULTS = { timeoutMs: 10_000, concurrency: 4, maxWaitMs: 30_000, retries: 2 } as const;

function parseDuration(v: number | string): number {
  if (typeof v === 'number') return Math.round(v * 1000);
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(v.trim())!;
  return Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm']);
}

/** Endpoints that receive secrets: https, or http to a literal loopback address (net/http.ts), no userinfo. */
export function checkSecretEndpoint(raw: string, where: string): URL {
  const u = checkEndpointUrl(raw, where);
  if (u.username || u.password) throw new Error(`${where}: no credentials in the URL`);
  return u;
}

/** KEYHOUND_<ID>_API_URL: upper case, `-` → `_`. */
export function envVarFor(id: string): string {
  return `KEYHOUND_${id.toUpperCase().replace(/-/g, '_')}_API_URL`;
}

/** $XDG_CONFIG_HOME/keyhound/verify.yaml, or ~/.config/keyhound/verify.yaml. */
export function defaultVerifyConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
  return join(base, 'keyhound', 'verify.yaml');
}

let validator: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

interface RawConfig {
  timeout?: number | string;
  concurrency?: number;
  maxWait?: number | string;
  retries?: number;
  issuers?: Record<string, { apiUrl?: string; enabled?: boolean }>;
  rpc?: Record<string, string | { url: string; unit?: string }>;
}

/** Validates parsed YAML and normalises it; `file` names the source in messages. */
export function parseVerifyConfig(data: unknown, file: string): VerifyConfig {
  validator ??= new Ajv({ allErrors: false, strict: true }).compile(verifyConfigSchema);
  if (!validator(data ?? {})) {
    const e = validator.errors![0]!;
    const at = e.instancePath.split('/').filter(Boolean).join('.');
    const extra = e.keyword === 'additionalProperties' ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"` : '';
    throw new UsageError(`${file}: ${at ? `${at}: ` : ''}${e.message ?? 'invalid'}${extra}`);
  }
  const raw = (data ?? {}) as RawConfig;
  const cfg = emptyConfig();
  cfg.source = file;
  if (raw.timeout !== undefined) cfg.timeoutMs = parseDuration(raw.timeout);
  if (raw.maxWait !== undefined) cfg.maxWaitMs = parseDuration(raw.maxWait);
  if (raw.concurrency !== undefined) cfg.concurrency = raw.concurrency;
  if (raw.retries !== undefined) cfg.retries = raw.retries;
  for (const [id, v] of Object.entries(raw.issuers ?? {})) {
    if (v.enabled === false) cfg.disabled.add(id);
    if (v.apiUrl !== undefined) {
      try {
        checkSecretEndpoint(v.apiUrl, `issuers.${id}.apiUrl`);
      } catch (err) {
        throw new UsageError(`${file}: ${(err as Error).message}`);
      }
      cfg.apiUrls.set(id, v.apiUrl);
    }
  }
  for (const [chain, v] of Object.entries(raw.rpc ?? {})) {
    const u = typeof v === 'string' ? v : v.url;
    try {
      cfg.rpc.set(chain, { chain, url: checkSecretEndpoint(u, `rpc.${chain}`), unit: typeof v === 'string' ? undefined : v.unit, from: file });
    } catch (err) {
      throw new UsageError(`${file}: ${(err as Error).message}`);
    }
  }
  return cfg;
}

export function emptyConfig(): VerifyConfig {
  return { ...DEFAULTS, apiUrls: new Map(), disabled: new Set(), rpc: new Map(), warnings: [] };
}

/** Reads the user's verify.yaml. An explicit file must exist; the default one may be absent. */
export function loadVerifyConfig(opts: { file?: string; env?: NodeJS.ProcessEnv } = {}): VerifyConfig {
  const env = opts.env ?? process.env;
  const file = opts.file ? resolve(opts.file) : defaultVerifyConfigPath(env);
  if (!existsSync(file)) {
    if (opts.file) throw new UsageError(`verification config not found: ${opts.file}`);
    return emptyConfig();
  }
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a regular file');
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read verification config ${file}: ${(e as Error).message}`);
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const line = doc.errors[0]!.linePos?.[0]?.line;
    throw new UsageError(`${file}: YAML error${line ? ` at line ${line}` : ''}`);
  }
  const cfg = parseVerifyConfig(doc.toJS(), file);
  if (process.platform !== 'win32' && (statSync(file).mode & 0o002) !== 0) {
    cfg.warnings.push(`${file} is writable by every user: anyone on this machine could redirect verification requests`);
  }
  return cfg;
}

/** `--rpc CHAIN=URL` values (repeatable); they win over the file's `rpc:` entries. */
export function applyRpcOptions(cfg: VerifyConfig, values: string[]): void {
  for (const v of values) {
    const m = /^([a-z][a-z0-9-]*)=(.+)$/.exec(v.trim());
    if (!m) throw new UsageError(`--rpc needs CHAIN=URL (e.g. ethereum=https://rpc.example/KEY), got "${v.split('=')[0]}=…"`);
    try {
      const prev = cfg.rpc.get(m[1]!);
      cfg.rpc.set(m[1]!, { chain: m[1]!, url: checkSecretEndpoint(m[2]!, `--rpc ${m[1]}`), unit: prev?.unit, from: '--rpc' });
    } catch (e) {
      throw new UsageError((e as Error).message.replace(/"[^"]*"$/, '…'));
    }
  }
}
