// Text that is not file content but still carries secrets: file and folder names, and commit messages.
// Both are scanned with the same rules (a token used as a file name is a finding), and whatever is found
// in them is redacted wherever keyhound repeats them: finding paths (SARIF artifactLocation included),
// provenance paths, commit subjects and warnings.
import { redact } from '../engine/redact.js';
import type { Finding, ScanStats } from '../core/finding.js';
import type { MessageText, SourceNames } from '../sources/types.js';
import type { ChunkScanner } from './chunk-scanner.js';

/** Names are scanned in batches of about this many bytes. */
const BATCH_BYTES = 1024 * 1024;
/** A value shorter than this cannot be a secret worth a finding; most names are skipped without a scan. */
const LONG_RUN = /[^\s/\\.]{12,}/;

type Item = { kind: 'path'; path: string } | { kind: 'message'; message: MessageText };

export class NameScan {
  private readonly paths = new Set<string>();
  private readonly messages: MessageText[] = [];

  addPath(path: string): void {
    if (path && path !== '-' && LONG_RUN.test(path)) this.paths.add(path);
  }

  add(names: SourceNames): void {
    for (const p of names.paths ?? []) this.addPath(p);
    for (const m of names.messages ?? []) if (LONG_RUN.test(m.text)) this.messages.push(m);
  }

  /** Scans the names; returns the findings in them and the secrets found (for redaction). */
  async scan(scanner: ChunkScanner): Promise<{ findings: Finding[]; secrets: string[] }> {
    const items: Item[] = [
      ...[...this.paths].map((path): Item => ({ kind: 'path', path })),
      ...this.messages.map((message): Item => ({ kind: 'message', message })),
    ];
    const out: Finding[] = [];
    const secrets = new Set<string>();
    for (let i = 0; i < items.length; ) {
      // one line per path; a message keeps its own lines (line numbers inside it are reported)
      const batch: { item: Item; firstLine: number; lines: number }[] = [];
      let text = '';
      let line = 1;
      while (i < items.length && (text.length < BATCH_BYTES || batch.length === 0)) {
        const item = items[i++]!;
        const t = item.kind === 'path' ? item.path.replace(/[\r\n]/g, ' ') : item.message.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
        const lines = t.split('\n').length;
        batch.push({ item, firstLine: line, lines });
        text += t + '\n\n'; // a blank line between items: no rule sees two names as one assignment
        line += lines + 1;
      }
      const outcome = await scanner.scan({ path: 'names', data: Buffer.from(text, 'utf8') });
      for (const f of outcome.findings) {
        const at = batch.find((b) => f.line >= b.firstLine && f.line < b.firstLine + b.lines);
        if (!at) continue;
        secrets.add(f.secret);
        const inLine = f.line - at.firstLine + 1;
        if (at.item.kind === 'path') {
          out.push({ ...f, file: at.item.path, line: 1, endLine: 1, messageData: { ...f.messageData, in: 'a file or folder name' } });
        } else {
          const c = at.item.message.commit;
          out.push({
            ...f,
            file: 'COMMIT_EDITMSG',
            line: inLine,
            endLine: f.endLine - at.firstLine + 1,
            commit: { sha: c.sha, author: c.author, email: c.email, date: c.date, subject: c.subject },
            messageData: { ...f.messageData, in: `the message of commit ${c.sha.slice(0, 12)}` },
          });
        }
      }
    }
    return { findings: out, secrets: [...secrets] };
  }
}

/** Replaces every secret found in names by its redacted form, in every path, subject and warning. */
export function redactNames(findings: Finding[], stats: ScanStats, secrets: string[]): void {
  const list = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (list.length === 0) return;
  const clean = (t: string) => {
    let out = t;
    for (const s of list) if (out.includes(s)) out = out.split(s).join(redact(s));
    return out;
  };
  for (const f of findings) {
    f.file = clean(f.file);
    if (f.commit) {
      if (f.commit.subject) f.commit.subject = clean(f.commit.subject);
      if (f.commit.paths) f.commit.paths = f.commit.paths.map(clean);
    }
  }
  stats.warnings = stats.warnings.map(clean);
}
