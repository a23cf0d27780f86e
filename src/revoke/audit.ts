// Audit trail: one JSON object per line, appended; never a raw secret.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditEntry } from './types.js';

export const DEFAULT_AUDIT_LOG = '.keyhound/audit.jsonl';

export class AuditLog {
  private ready = false;
  constructor(readonly file: string) {}

  /**
   * Appends entries in one write. Each entry's `secrets` are the raw values it is about: a last line of
   * defence, cut from its line (as is and JSON-escaped) before it is written.
   */
  write(items: { entry: AuditEntry; secrets: (string | undefined)[] }[]): void {
    if (items.length === 0) return;
    let text = '';
    for (const { entry, secrets } of items) {
      let line = JSON.stringify(entry);
      for (const s of secrets) {
        if (!s || s.length < 4) continue;
        for (const f of [s, JSON.stringify(s).slice(1, -1)]) if (line.includes(f)) line = line.split(f).join('[secret]');
      }
      text += line + '\n';
    }
    if (!this.ready) {
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      this.ready = true;
    }
    appendFileSync(this.file, text, { mode: 0o600 });
  }
}
