// Idempotency across runs and crashes: fingerprints already revoked are never sent again, requests in
// flight are journalled (intent before, outcome after) so a retry after a crash reuses their delivery
// id, and one run at a time holds the state file's lock. Holds no secrets.
import { randomUUID } from 'node:crypto';
import { closeSync, constants, openSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureDir, readTextIfExists, writeFileSafe } from '../util/safe-fs.js';

export interface StateEntry {
  rule: string;
  issuer: string;
  outcome: 'revoked' | 'already-revoked';
  time: string;
  redacted: string;
}

/** A request that was about to be sent (written before it is), cleared when it is settled. */
export interface PendingEntry {
  issuer: string;
  delivery: string;
  time: string;
  run: string;
}

interface StateFile {
  version: 1;
  revoked: Record<string, StateEntry>;
  pending: Record<string, PendingEntry>;
}

const FP = /^[0-9a-f]{8,128}$/;
const STATE_MAX_BYTES = 64 * 1024 * 1024;

function empty(): StateFile {
  return { version: 1, revoked: {}, pending: {} };
}

/** Another run holds the lock longer than we are willing to wait. */
export class StateLockedError extends Error {
  constructor(file: string, pid: string) {
    super(`revocation state ${file} is locked by another keyhound run (pid ${pid || 'unknown'}); wait for it to finish`);
    this.name = 'UsageError';
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock beside the state file (`<file>.lock`, created O_EXCL|O_NOFOLLOW, holding the pid).
 * A lock whose process is gone (killed mid-run) is taken over; a live one is waited for.
 */
export class StateLock {
  private held = false;
  private readonly onExit = () => this.release();
  private constructor(readonly file: string) {}

  static async acquire(stateFile: string, waitMs = 120_000): Promise<StateLock> {
    const lock = new StateLock(`${stateFile}.lock`);
    ensureDir(dirname(stateFile), 0o700);
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        const fd = openSync(lock.file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        lock.held = true;
        process.once('exit', lock.onExit);
        return lock;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot lock revocation state ${stateFile} (${(e as NodeJS.ErrnoException).code})`);
      }
      let owner = '';
      try {
        owner = (readTextIfExists(lock.file, { maxBytes: 64 }) ?? '').trim();
      } catch {
        owner = '';
      }
      if (owner !== '' && !alive(Number(owner))) {
        // the holder died (kill -9): its journal says what was in flight; take the lock over
        try {
          unlinkSync(lock.file);
        } catch {
          /* another run took it over first */
        }
        continue;
      }
      if (Date.now() > deadline) throw new StateLockedError(stateFile, owner);
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    process.removeListener('exit', this.onExit);
    try {
      unlinkSync(this.file);
    } catch {
      /* gone already */
    }
  }
}

export class RevokeState {
  private data: StateFile;

  constructor(readonly file: string) {
    this.data = RevokeState.read(file);
  }

  private static read(file: string): StateFile {
    let text: string | undefined;
    try {
      text = readTextIfExists(file, { maxBytes: STATE_MAX_BYTES, what: 'revocation state' });
    } catch (e) {
      throw Object.assign(new Error(`revocation state ${(e as Error).message}`), { name: 'UsageError' });
    }
    if (text === undefined) return empty();
    try {
      const d = JSON.parse(text) as Partial<StateFile>;
      const out = empty();
      for (const [fp, e] of Object.entries(d.revoked ?? {})) if (FP.test(fp) && e && typeof e === 'object') out.revoked[fp] = e;
      for (const [fp, e] of Object.entries(d.pending ?? {})) {
        if (FP.test(fp) && e && typeof e === 'object' && typeof e.delivery === 'string') out.pending[fp] = e;
      }
      return out;
    } catch {
      throw Object.assign(new Error(`revocation state file ${file} is not valid JSON; move it away to start afresh`), { name: 'UsageError' });
    }
  }

  get(fingerprint: string): StateEntry | undefined {
    return Object.hasOwn(this.data.revoked, fingerprint) ? this.data.revoked[fingerprint] : undefined;
  }

  has(fingerprint: string): boolean {
    return Object.hasOwn(this.data.revoked, fingerprint);
  }

  size(): number {
    return Object.keys(this.data.revoked).length;
  }

  /** The delivery id journalled for a fingerprint by an earlier, unfinished attempt. */
  pending(fingerprint: string): PendingEntry | undefined {
    return Object.hasOwn(this.data.pending, fingerprint) ? this.data.pending[fingerprint] : undefined;
  }

  /**
   * Journals the intent to send a request for these fingerprints, before it is sent, and returns its
   * delivery id: the one an earlier unfinished attempt recorded (a crash, a timeout), or a new one.
   */
  begin(fingerprints: string[], issuer: string, run: string): string {
    const delivery = fingerprints.map((fp) => this.pending(fp)?.delivery).find((d) => d !== undefined) ?? randomUUID();
    const time = new Date().toISOString();
    for (const fp of fingerprints) this.data.pending[fp] = { issuer, delivery, time, run };
    this.save();
    return delivery;
  }

  /** Records fingerprints and writes the file at once. */
  mark(fingerprints: string[], entry: StateEntry): void {
    this.markMany([{ fingerprints, entry }]);
  }

  /** Settles requests: revoked fingerprints are recorded and leave the journal. */
  markMany(list: { fingerprints: string[]; entry: StateEntry }[]): void {
    if (list.length === 0) return;
    for (const { fingerprints, entry } of list) {
      for (const fp of fingerprints) {
        this.data.revoked[fp] = entry;
        delete this.data.pending[fp];
      }
    }
    this.save();
  }

  private save(): void {
    writeFileSafe(this.file, JSON.stringify(this.data, null, 2) + '\n', { mode: 0o600, mkdir: 0o700 });
  }
}
