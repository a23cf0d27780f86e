// Installing keyhound the ways users do, offline and without a compiler: a fresh copy of the tracked
// files, npm's cache for packages, re2's prebuilt binary served from a local mirror (what its install
// script downloads from GitHub releases), and compiler stand-ins that record any call.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
/** The checkout: dist/test/support → ../../..; test/support (tsx) → ../.. */
export const CHECKOUT = [resolve(here, '../../..'), resolve(here, '../..')].find((d) => existsSync(join(d, 'package-lock.json')))!;

const nodeCheck = createRequire(import.meta.url)(join(CHECKOUT, 'scripts/check-node.cjs')) as { supported: (v: string, range: string) => boolean; engines: string };
/** Installs are tested on the Node versions keyhound supports (CI: Node 24); elsewhere they stop by design. */
export const INSTALL_SKIP = nodeCheck.supported(process.versions.node, nodeCheck.engines) ? false : `Node ${process.versions.node} is not supported for installs (CI runs Node 24)`;

/** Commands that compile: any call is recorded in the log and fails. */
const COMPILERS = ['cc', 'gcc', 'g++', 'c++', 'clang', 'clang++', 'make', 'python3', 'tsc'];

export interface InstallEnv {
  env: NodeJS.ProcessEnv;
  /** Compiler calls made so far, one per line. */
  compilerCalls: () => string;
}

/** Packages only development needs, as the lock file marks them. */
export function devOnlyPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(CHECKOUT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const names = new Set<string>();
  for (const [path, p] of Object.entries(lock.packages)) if (p.dev && path) names.add(path.slice(path.lastIndexOf('node_modules/') + 13));
  return names;
}

/** Names of the packages installed under a node_modules folder (scoped ones as @scope/name), nested too. */
export function installedPackages(nodeModules: string): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      if (e.name.startsWith('@')) {
        for (const s of readdirSync(join(dir, e.name), { withFileTypes: true })) {
          if (!s.isDirectory()) continue;
          out.add(`${e.name}/${s.name}`);
          walk(join(dir, e.name, s.name, 'node_modules'));
        }
      } else {
        out.add(e.name);
        walk(join(dir, e.name, 'node_modules'));
      }
    }
  };
  walk(nodeModules);
  return out;
}

/** The tracked files of the checkout as they are now, copied into `dest` (what a clone of it holds). */
export function freshCopy(dest: string): string {
  const files = spawnSync('git', ['ls-files', '-z'], { cwd: CHECKOUT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  if (files.length === 0) throw new Error('not a git checkout');
  for (const f of files) {
    if (!existsSync(join(CHECKOUT, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    copyFileSync(join(CHECKOUT, f), join(dest, f));
    if (f.endsWith('.sh')) chmodSync(join(dest, f), 0o755);
  }
  return dest;
}

/**
 * An environment for `npm` that installs from npm's cache only, gets re2's binary from a local mirror of
 * its release download (built for this Node by the checkout's own install), and cannot compile.
 */
export function offlineInstallEnv(work: string, extra: NodeJS.ProcessEnv = {}): InstallEnv {
  const cache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
  const re2 = JSON.parse(readFileSync(join(CHECKOUT, 'node_modules/re2/package.json'), 'utf8')) as { version: string };
  const mirror = join(work, 're2-mirror');
  const slot = join(mirror, 'uhop/node-re2/releases/download', re2.version);
  mkdirSync(slot, { recursive: true });
  const binary = readFileSync(join(CHECKOUT, 'node_modules/re2/build/Release/re2.node'));
  writeFileSync(join(slot, `${process.platform}-${process.arch}-${process.versions.modules}.br`), brotliCompressSync(binary));

  const shims = join(work, 'compilers');
  const log = join(work, 'compiler-calls.log');
  mkdirSync(shims, { recursive: true });
  writeFileSync(log, '');
  for (const c of COMPILERS) {
    writeFileSync(join(shims, c), `#!/bin/sh\necho "${c} $*" >> '${log}'\nexit 1\n`);
    chmodSync(join(shims, c), 0o755);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [shims, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    npm_config_cache: cache,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    RE2_DOWNLOAD_MIRROR: mirror,
    ...extra,
  };
  for (const k of Object.keys(env)) if (/^npm_(lifecycle|package|command|config_(local_prefix|global_prefix|prefix))/.test(k) || k === 'INIT_CWD') delete env[k];
  return { env, compilerCalls: () => readFileSync(log, 'utf8') };
}

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout = 600_000): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
  if (r.error) throw r.error;
  return r;
}

interface LockEntry {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, unknown>;
  os?: string[];
  cpu?: string[];
  link?: boolean;
}

/**
 * A read-only npm registry on 127.0.0.1 serving the lock file's packages from npm's cache (a global
 * install resolves version ranges from package documents, which `npm ci` never caches). Bounded in
 * requests; stop it with close().
 */
export async function lockRegistry(cache: string, maxRequests = 2000): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const lock = JSON.parse(readFileSync(join(CHECKOUT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const docs = new Map<string, Record<string, unknown>>();
  const tarballs = new Map<string, string>();
  for (const [path, p] of Object.entries(lock.packages)) {
    if (!path || p.link || !p.version || !p.integrity?.startsWith('sha512-')) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 13);
    const hex = Buffer.from(p.integrity.slice(7), 'base64').toString('hex');
    tarballs.set(hex, join(cache, '_cacache/content-v2/sha512', hex.slice(0, 2), hex.slice(2, 4), hex.slice(4)));
    const doc = docs.get(name) ?? { name, 'dist-tags': {}, versions: {} as Record<string, unknown> };
    // npm takes install scripts and bins from the registry's document: those of the installed copy
    const manifestFile = join(CHECKOUT, path, 'package.json');
    const installed = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>) : {};
    (doc.versions as Record<string, unknown>)[p.version] = {
      scripts: installed['scripts'],
      bin: installed['bin'],
      gypfile: installed['gypfile'],
      name,
      version: p.version,
      dependencies: p.dependencies,
      optionalDependencies: p.optionalDependencies,
      peerDependencies: p.peerDependencies,
      peerDependenciesMeta: p.peerDependenciesMeta,
      os: p.os,
      cpu: p.cpu,
      dist: { integrity: p.integrity, tarball: `/-/${hex}.tgz` },
    };
    docs.set(name, doc);
  }
  let served = 0;
  const server = createServer((req, res) => {
    if (++served > maxRequests) return void res.writeHead(429).end();
    const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const tgz = /^\/-\/([0-9a-f]+)\.tgz$/.exec(url);
    if (tgz) {
      const file = tarballs.get(tgz[1]!);
      if (!file || !existsSync(file)) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
    }
    const doc = docs.get(url.slice(1));
    if (!doc) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const versions = doc.versions as Record<string, { dist: { tarball: string } }>;
    const out: Record<string, unknown> = { ...doc, versions: Object.fromEntries(Object.entries(versions).map(([v, m]) => [v, { ...m, dist: { ...m.dist, tarball: base + m.dist.tarball } }])) };
    out['dist-tags'] = { latest: Object.keys(versions).sort().at(-1)! };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}
