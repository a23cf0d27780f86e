// Inline suppression: `keyhound:allow` on a finding's line, or `keyhound:allow-next-line` on the line
// above, in any comment syntax. The engine marks such findings; the pipeline drops and counts them.
import { LineIndex } from './lines.js';
import type { Finding } from '../core/finding.js';

const SAME_LINE = /keyhound:allow(?!-next-line)\b/i;
const NEXT_LINE = /keyhound:allow-next-line\b/i;

/** Sets `suppressed: 'inline'` on findings an allow comment covers. */
export function markInlineAllows(buf: Buffer, findings: Finding[], lines: LineIndex | null): void {
  if (findings.length === 0) return;
  // one byte search decides for the common case (no comment anywhere in the chunk)
  if (buf.indexOf('keyhound:allow') === -1 && buf.indexOf('KEYHOUND:ALLOW') === -1) return;
  const idx = lines ?? new LineIndex(buf);
  for (const f of findings) {
    const own = idx.text(f.line - 1, f.line - 1);
    const last = f.endLine !== f.line ? idx.text(f.endLine - 1, f.endLine - 1) : '';
    const above = f.line > 1 ? idx.text(f.line - 2, f.line - 2) : '';
    if (SAME_LINE.test(own) || SAME_LINE.test(last) || NEXT_LINE.test(above)) f.suppressed = 'inline';
  }
}
