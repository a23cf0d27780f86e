// Modules loaded on first use, so the start-up path pays only for what it runs.
import type * as Crypto from 'node:crypto';
import type * as WorkerThreads from 'node:worker_threads';
import type * as Zlib from 'node:zlib';
import { createRequire } from 'node:module';

/**
 * A module loaded on first use (CommonJS, or ES modules through Node's synchronous require). The
 * pre-commit path must not pay for yaml, ajv or TOML parsing when it needs none of them (each costs
 * tens of milliseconds to load). Relative ids resolve against `from` (the caller's import.meta.url).
 */
export function lazyRequire<T>(id: string, from: string = import.meta.url): () => T {
  let mod: T | undefined;
  return () => (mod ??= createRequire(from)(id) as T);
}

/** Node's crypto, loaded on first use: it costs ~10 ms, and a clean pre-commit run needs none of it. */
export const nodeCrypto = (): typeof Crypto => process.getBuiltinModule('node:crypto');

/** Node's worker threads (~2 ms to load): only a scan big enough to start workers needs them. */
export const workerThreads = (): typeof WorkerThreads => process.getBuiltinModule('node:worker_threads');

/** Node's zlib (~2 ms to load, against crypto's ~10 ms): its crc32 tells a stale rule pack. */
export const nodeZlib = (): typeof Zlib => process.getBuiltinModule('node:zlib');
