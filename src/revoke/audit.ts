// Audit trail: one JSON object per line, appended; never a raw secret.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditEntry } from './types.js';

export const DEFAULT_AUDIT_LOG = '.keyhound/audit.jsonl';

export class AuditLog {
  private ready = false;
  constructor(
    readonly file: string,
    /** Every secret of the run: a last line of defence, scrubbed from each line before it is written. */
    private readonly secrets: () => Iterable<string>,
  ) {}

  write(entry: AuditEntry): void {
    let line = JSON.stringify(entry);
    for (const s of this.secrets()) {
      if (!s || s.length < 4) continue;
      for (const form of [s, JSON.stringify(s).slice(1, -1)]) {
        if (line.includes(form)) line = line.split(form).join('[secret]');
      }
    }
    if (!this.ready) {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      this.ready = true;
    }
    appendFileSync(this.file, line + '\n', { mode: 0o600 });
  }
}
