import { afterEach, beforeEach } from 'node:test';
// Test support for revocation: loopback mock servers, findings, temp dirs, secret greps.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fingerprint } from '../../src/engine/fingerprint.js';
import { redact } from '../../src/engine/redact.js';
import type { Finding } from '../../src/core/finding.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { revokeFindings, type RevokeOptions, type RevokeRun } from '../../src/revoke/index.js';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Mock {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

type Handler = (req: Recorded, res: ServerResponse, n: number) => void | Promise<void>;

/**
 * A loopback HTTP server on 127.0.0.1, port 0. Answers at most `max` requests (then 503 and the test
 * sees the count); closes every connection on close().
 */
export async function mockServer(handler: Handler, max = 50): Promise<Mock> {
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Recorded = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      if (requests.length > max) {
        res.writeHead(503).end();
        return;
      }
      Promise.resolve(handler(rec, res, requests.length)).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function rule(over: Partial<RuleSpec> & { id: string }): RuleSpec {
  return {
    title: over.id,
    provider: 'test',
    severity: 'error',
    keywords: ['xx'],
    pattern: 'x',
    tags: [],
    examples: { match: ['x'], nomatch: ['y'] },
    origin: 'built-in',
    ...over,
  };
}

export function finding(r: RuleSpec, secret: string, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: r.id,
    title: r.title,
    provider: r.provider,
    severity: r.severity,
    file: 'src/config.ts',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: secret.length + 1,
    secret,
    redacted: redact(secret),
    fingerprint: fingerprint(r.id, secret),
    validated: true,
    message: r.title,
    tags: [],
    grants: r.grants ?? 'service',
    ...(r.pair ? { pair: r.pair } : {}),
    ...over,
  };
}

/** Links two findings as the parts of one credential. */
export function link(a: Finding, b: Finding): void {
  a.related = [...(a.related ?? []), b.fingerprint];
  b.related = [...(b.related ?? []), a.fingerprint];
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
let counter = 0;
/** A fresh live-looking value (random each run, never a real credential). */
export function randomValue(len: number, alphabet = ALNUM): string {
  counter++;
  return Array.from(randomBytes(len), (b) => alphabet[b % alphabet.length]).join('');
}

/** GitHub-shaped token with the CRC32 checksum (the github generator of rule examples). */
export async function githubToken(prefix = 'ghp', seed = `t${Date.now()}-${counter++}-${Math.random()}`): Promise<string> {
  const { expandExample } = await import('../../src/rules/example-values.js');
  try {
    return expandExample(`{{github:${prefix}}}`, seed);
  } catch {
    return `${prefix}_${randomValue(36)}`;
  }
}

export interface TempDir {
  dir: string;
  write(name: string, text: string): string;
  cleanup(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'keyhound-revoke-'));
  return {
    dir,
    write(name, text) {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every file under a folder, as text. */
export function allFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** Fails when any planted value appears in any of the texts. */
export function assertSecretFree(texts: { name: string; text: string }[], secrets: string[]): void {
  for (const { name, text } of texts) {
    for (const s of secrets) assert.ok(!text.includes(s), `${name} contains a planted secret (${s.slice(0, 4)}…)`);
  }
}

export interface Captured extends RevokeRun {
  out: string;
  warnings: string[];
}

/** Runs revokeFindings in-process with captured output and a given environment. */
export async function runRevoke(
  findings: Finding[],
  rules: RuleSpec[],
  opts: Partial<RevokeOptions> & { cwd: string },
  env: NodeJS.ProcessEnv = {},
): Promise<Captured> {
  let out = '';
  const warnings: string[] = [];
  const env2: NodeJS.ProcessEnv = { HOME: opts.cwd, XDG_CONFIG_HOME: join(opts.cwd, 'xdg'), ...env };
  const run = await revokeFindings(findings, rules, { yes: false, ...opts }, {
    out: (t) => (out += t),
    warn: (w) => warnings.push(w),
    env: env2,
    cwd: opts.cwd,
    version: 'test',
    random: () => 0.5,
  });
  return { ...run, out, warnings };
}

/** Writes a revoke.yaml with fast retries, merged with `extra` YAML text. */
export function revokeYaml(t: TempDir, body: string, name = 'revoke.yaml'): string {
  return t.write(name, `retry:\n  retries: 3\n  baseDelay: 10ms\n  maxDelay: 50ms\n  maxWait: 5s\n${body}`);
}

// ---- CLI --------------------------------------------------------------------------------------

const here = dirname(fileURLToPath(import.meta.url));
const fromTs = fileURLToPath(import.meta.url).endsWith('.ts');
/** Repository root, from test/revoke (tsx) or dist/test/revoke (compiled). */
export const repoRoot = fromTs ? resolve(here, '../..') : resolve(here, '../../..');

export function cliArgs(): string[] {
  return fromTs
    ? ['--import', pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href, join(repoRoot, 'src/cli/main.ts')]
    : [join(repoRoot, 'dist/src/cli/main.js')];
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs keyhound with a clean environment (no real tokens), a bounded time and optional stdin. */
export function runCli(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string; timeoutMs?: number }): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: opts.cwd,
    XDG_CONFIG_HOME: join(opts.cwd, 'xdg'),
    NO_COLOR: '1',
    ...opts.env,
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...cliArgs(), ...args], { cwd: opts.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`keyhound ${args[0]} did not finish in time; stderr: ${stderr}`));
    }, opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

/** A temp folder and (once a test starts one) a mock server per test, both cleaned up after it. */
export function perTest(): { t: TempDir; mock: Mock | undefined } {
  const s = { t: undefined as unknown as TempDir, mock: undefined as Mock | undefined };
  beforeEach(() => {
    s.t = tempDir();
  });
  afterEach(async () => {
    await s.mock?.close();
    s.mock = undefined;
    s.t.cleanup();
  });
  return s;
}
