// Published fingerprints: HMAC-SHA256 under a key that never leaves the user's machine or team, so a
// fingerprint printed in a report, annotation or public review comment cannot be used to test guesses
// of a short secret offline. Stable across moves and renames (rule id + secret only); shared within a
// team by sharing the key (KEYHOUND_FINGERPRINT_KEY, or the key file).
import { nodeCrypto } from './lazy-require.js';
import { closeSync, constants, linkSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/finding.js';
import { ensureDir, readTextIfExists } from './safe-fs.js';
import { stateDir } from './state-dir.js';

export const FINGERPRINT_KEY_ENV = 'KEYHOUND_FINGERPRINT_KEY';
export const FINGERPRINT_KEY_FILE = 'fingerprint.key';

export interface FingerprintKey {
  key: Buffer;
  /** Where it came from: the environment, the key file in the state folder, or this run only. */
  source: 'env' | 'file' | 'ephemeral';
  file?: string;
  /** Why the key file could not be used (then the key holds for this run only). */
  warning?: string;
}

let store: 'file' | 'memory' = 'file';
let cached: FingerprintKey | undefined;

/**
 * `memory`: never create a key file (the Action writes nothing outside the workspace and RUNNER_TEMP);
 * without KEYHOUND_FINGERPRINT_KEY, fingerprints then hold for one run only.
 */
export function setFingerprintKeyStore(kind: 'file' | 'memory'): void {
  store = kind;
  cached = undefined;
}

/** The path of the per-user key file. */
export function fingerprintKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), FINGERPRINT_KEY_FILE);
}

/** Creates the key file if absent (link(2) of a finished temp file: two racing runs agree on one key). */
function createKeyFile(file: string): void {
  ensureDir(join(file, '..'), 0o700);
  const tmp = `${file}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    writeSync(fd, nodeCrypto().randomBytes(32).toString('hex') + '\n');
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/** KEYHOUND_FINGERPRINT_KEY, else the key file (created on first use), else (memory store) a key for this run. */
export function fingerprintKey(env: NodeJS.ProcessEnv = process.env): FingerprintKey {
  const fromEnv = env[FINGERPRINT_KEY_ENV];
  if (fromEnv) return { key: Buffer.from(fromEnv, 'utf8'), source: 'env' };
  if (cached) return cached;
  const file = fingerprintKeyFile(env);
  if (store === 'memory') {
    cached = { key: nodeCrypto().randomBytes(32), source: 'ephemeral' };
    return cached;
  }
  try {
    let text = readTextIfExists(file, { maxBytes: 4096, what: 'fingerprint key' });
    if (text === undefined) {
      createKeyFile(file);
      text = readTextIfExists(file, { maxBytes: 4096, what: 'fingerprint key' }) ?? '';
    }
    const hex = text.trim();
    if (!/^[0-9a-f]{32,}$/i.test(hex)) throw new Error(`${file}: not a keyhound fingerprint key (64 hex digits); move it away to start afresh`);
    cached = { key: Buffer.from(hex, 'hex'), source: 'file', file };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    cached = {
      key: nodeCrypto().randomBytes(32),
      source: 'ephemeral',
      warning: `fingerprint key ${file} not usable (${why}): fingerprints hold for this run only (set ${FINGERPRINT_KEY_ENV})`,
    };
  }
  return cached;
}

/** The published fingerprint of a secret found by a rule: 32 hex digits. */
export function keyedFingerprint(key: Buffer, ruleId: string, secret: string): string {
  return nodeCrypto().createHmac('sha256', key).update(`keyhound:v2\0${ruleId}\0${secret}`, 'utf8').digest('hex').slice(0, 32);
}

/**
 * Replaces the engine's internal fingerprints (unkeyed, never published) with keyed ones, in each
 * finding and in the links between parts of one credential. Idempotent per finding.
 */
export function publishFingerprints(findings: Finding[], key: FingerprintKey = fingerprintKey()): string | undefined {
  const done = new WeakSet<Finding>();
  const map = new Map<string, string>();
  // a finding without its secret (restored from a cache of published findings) keeps its fingerprint
  const todo = findings.filter((f) => !published.has(f) && f.secret);
  for (const f of todo) map.set(f.fingerprint, keyedFingerprint(key.key, f.ruleId, f.secret));
  for (const f of todo) {
    if (done.has(f)) continue;
    done.add(f);
    f.fingerprint = map.get(f.fingerprint)!;
    if (f.related) f.related = f.related.map((r) => map.get(r)).filter((r): r is string => r !== undefined);
    published.add(f);
  }
  return key.warning;
}

const published = new WeakSet<Finding>();
