// Idempotency across runs: fingerprints already revoked are never sent again. Holds no secrets.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface StateEntry {
  rule: string;
  issuer: string;
  outcome: 'revoked' | 'already-revoked';
  time: string;
  redacted: string;
}

interface StateFile {
  version: 1;
  revoked: Record<string, StateEntry>;
}

const FP = /^[0-9a-f]{8,128}$/;

export class RevokeState {
  private data: StateFile = { version: 1, revoked: {} };

  constructor(readonly file: string) {
    this.data = RevokeState.read(file);
  }

  private static read(file: string): StateFile {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return { version: 1, revoked: {} };
    }
    try {
      const d = JSON.parse(text) as Partial<StateFile>;
      const revoked: Record<string, StateEntry> = {};
      for (const [fp, e] of Object.entries(d.revoked ?? {})) if (FP.test(fp) && e && typeof e === 'object') revoked[fp] = e;
      return { version: 1, revoked };
    } catch {
      throw new Error(`revocation state file ${file} is not valid JSON; move it away to start afresh`);
    }
  }

  get(fingerprint: string): StateEntry | undefined {
    return this.data.revoked[fingerprint];
  }

  has(fingerprint: string): boolean {
    return Object.hasOwn(this.data.revoked, fingerprint);
  }

  size(): number {
    return Object.keys(this.data.revoked).length;
  }

  /** Records fingerprints and writes the file at once (merged with what another run may have written). */
  mark(fingerprints: string[], entry: StateEntry): void {
    this.markMany([{ fingerprints, entry }]);
  }

  markMany(list: { fingerprints: string[]; entry: StateEntry }[]): void {
    if (list.length === 0) return;
    const onDisk = RevokeState.read(this.file);
    this.data.revoked = { ...onDisk.revoked, ...this.data.revoked };
    for (const { fingerprints, entry } of list) for (const fp of fingerprints) this.data.revoked[fp] = entry;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, this.file);
    try {
      chmodSync(this.file, 0o600);
    } catch {
      /* best effort */
    }
  }
}
