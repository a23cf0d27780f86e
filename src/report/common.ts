// Helpers shared by the reporters: secret scrubbing, ordering, counting and human formatting.
import { severityRank, type CommitInfo, type Finding, type Severity, type SuppressionKind } from '../core/finding.js';

/** Secrets shorter than this are not searched for in free text (they would mangle ordinary words). */
const MIN_SCRUB_LENGTH = 6;

export type Scrub = (text: string) => string;

/**
 * Returns a function that replaces every raw secret of `findings` that occurs in a text with its redacted
 * form. Reporters pass every free-text field (messages, decoded notes, commit subjects, warnings) through it,
 * so a secret that slipped into a message upstream still never reaches an output. Identity with showSecrets.
 */
export function makeScrub(findings: readonly Finding[], showSecrets: boolean): Scrub {
  if (showSecrets) return (s) => s;
  // Index by the first MIN_SCRUB_LENGTH characters: one map lookup per text position, so scrubbing stays
  // linear in the text however many findings there are (25,000 SARIF results × several fields each).
  const byPrefix = new Map<string, [string, string][]>();
  const seen = new Set<string>();
  for (const f of findings) {
    for (const v of [f.secret, f.secret.replace(/\s+/g, ' ').trim(), f.secret.trim()]) {
      if (v.length < MIN_SCRUB_LENGTH || seen.has(v)) continue;
      seen.add(v);
      const k = v.slice(0, MIN_SCRUB_LENGTH);
      const list = byPrefix.get(k) ?? [];
      list.push([v, f.redacted]);
      byPrefix.set(k, list);
    }
  }
  if (byPrefix.size === 0) return (s) => s;
  for (const list of byPrefix.values()) list.sort((a, b) => b[0].length - a[0].length);
  return (s) => {
    if (s.length < MIN_SCRUB_LENGTH) return s;
    let out = '';
    let from = 0;
    for (let i = 0; i + MIN_SCRUB_LENGTH <= s.length; ) {
      const hit = byPrefix.get(s.slice(i, i + MIN_SCRUB_LENGTH))?.find(([v]) => s.startsWith(v, i));
      if (!hit) {
        i++;
        continue;
      }
      out += s.slice(from, i) + hit[1];
      i += hit[0].length;
      from = i;
    }
    return from === 0 ? s : out + s.slice(from);
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reading order: file, line, column, rule id (code-unit order, independent of locale). */
export function byLocation(a: Finding, b: Finding): number {
  return cmp(a.repository ?? '', b.repository ?? '') || cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint);
}

/** Most severe first, then reading order. */
export function bySeverity(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || byLocation(a, b);
}

export function sortedByLocation(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(byLocation);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 1024) return `${Math.max(0, Math.round(n || 0))} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 8);
}

/** "1 binary, 2 ignored" for the non-zero entries, or "" when all are zero. */
export function breakdown(counts: Record<string, number>, labels: Record<string, string>): { total: number; text: string } {
  let total = 0;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(counts)) {
    if (!v) continue;
    total += v;
    parts.push(`${v} ${labels[k] ?? k}`);
  }
  return { total, text: parts.join(', ') };
}

export const SKIPPED_LABELS: Record<string, string> = { binary: 'binary', tooLarge: 'too large', unreadable: 'unreadable', ignored: 'ignored', lockfile: 'lockfiles and checksum lists' };
export const SUPPRESSED_LABELS: Record<SuppressionKind, string> = { inline: 'inline', ignoreFile: 'ignore file', baseline: 'baseline', allow: 'allow-list' };

/** "introduced in 1a2b3c4d by Alice on 2024-01-02" plus removal and exposure, one sentence without final period. */
export function commitSentence(c: CommitInfo, scrub: Scrub): string {
  let s = `introduced in commit ${shortSha(c.sha)}`;
  if (c.author) s += ` by ${scrub(c.author)}`;
  if (c.date) s += ` on ${c.date.slice(0, 10)}`;
  if (c.removedIn) s += `; removed in ${shortSha(c.removedIn)}${c.removedDate ? ` on ${c.removedDate.slice(0, 10)}` : ''}`;
  else if (c.presentAtHead) s += '; still present at HEAD';
  if (c.exposureDays !== undefined) s += `; exposed for ${plural(c.exposureDays, 'day')}`;
  return s;
}

export type FingerprintIndex = ReadonlyMap<string, readonly Finding[]>;

export function indexByFingerprint(findings: readonly Finding[]): FingerprintIndex {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = m.get(f.fingerprint);
    if (list) list.push(f);
    else m.set(f.fingerprint, [f]);
  }
  return m;
}

/** Other findings of this scan that are linked parts of the same two-part credential (same file first). */
export function linkedParts(f: Finding, index: FingerprintIndex): { fingerprint: string; finding?: Finding }[] {
  return (f.related ?? []).map((fp) => {
    const cands = (index.get(fp) ?? []).filter((o) => o !== f);
    const finding = cands.find((o) => o.file === f.file) ?? cands[0];
    return finding ? { fingerprint: fp, finding } : { fingerprint: fp };
  });
}

export type Suppression = SuppressionKind;

/** Why a finding is suppressed, when the pipeline passes suppressed findings on (--no-suppress). */
export function suppressionOf(f: Finding): Suppression | undefined {
  // findings read back from a JSON report may carry any text there
  return f.suppressed !== undefined && Object.hasOwn(SUPPRESSED_LABELS, f.suppressed) ? f.suppressed : undefined;
}

/** Appends a period unless the text already ends a sentence. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
