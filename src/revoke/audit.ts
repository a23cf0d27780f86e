// Audit trail: one JSON object per line, appended; never a raw secret.
import { appendFileSafe } from '../util/safe-fs.js';
import { scrubSecrets } from '../util/secret-forms.js';
import type { AuditEntry } from './types.js';

/** File name of the audit log in the user's state folder (the default location). */
export const AUDIT_LOG_NAME = 'audit.jsonl';

export class AuditLog {
  constructor(readonly file: string) {}

  /**
   * Appends entries in one write. Each entry's `secrets` are the raw values it is about: a last line of
   * defence, cut from its line in every encoding keyhound sends before it is written.
   */
  write(items: { entry: AuditEntry; secrets: (string | undefined)[] }[]): void {
    if (items.length === 0) return;
    let text = '';
    for (const { entry, secrets } of items) {
      text += scrubSecrets(JSON.stringify(entry), secrets) + '\n';
    }
    appendFileSafe(this.file, text, { mode: 0o600, mkdir: 0o700 });
  }
}
