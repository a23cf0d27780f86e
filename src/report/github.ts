// GitHub Actions output: workflow-command annotations and a job-summary Markdown table.
import type { Finding, Severity } from '../core/finding.js';
import {
  SKIPPED_LABELS,
  SUPPRESSED_LABELS,
  breakdown,
  bySeverity,
  countBySeverity,
  formatBytes,
  formatDuration,
  makeScrub,
  plural,
  sentence,
  shortSha,
  suppressionOf,
  type Scrub,
} from './common.js';
import type { ReportInput } from './types.js';
import { findingMessage } from './messages.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';
const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', note: 'notice' };

/** GitHub shows at most this many annotations per level and step. */
export const ANNOTATIONS_PER_LEVEL = 10;
/** GitHub's job-summary limit per step. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

/** Workflow-command data escaping (the message after `::`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property escaping (`file=…,title=…`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface AnnotationOptions {
  /** Annotations per level (GitHub shows 10 per level and step). Default 10. */
  perLevel?: number;
  /** Print raw secrets in messages (never by default). */
  showSecrets?: boolean;
}

export interface Annotations {
  /** `::error file=…::message` lines, most severe first. */
  lines: string[];
  /** Findings left out because of the per-level cap. */
  omitted: number;
  omittedByLevel: Record<AnnotationLevel, number>;
}

function annotationMessage(f: Finding, scrub: Scrub, showSecrets: boolean): string {
  const parts = [sentence(scrub(findingMessage(f))), sentence(`${showSecrets ? 'Secret' : 'Redacted'}: ${showSecrets ? f.secret : f.redacted}`)];
  if (f.address) parts.push(sentence(`Address: ${f.address}`));
  if (f.keyType) parts.push(sentence(`Key type: ${f.keyType}`));
  if (f.commit) {
    const c = f.commit;
    let s = `Commit ${shortSha(c.sha)}${c.author ? ` by ${scrub(c.author)}` : ''}${c.date ? ` on ${c.date.slice(0, 10)}` : ''}`;
    if (c.removedIn) s += `, removed in ${shortSha(c.removedIn)}`;
    else if (c.presentAtHead) s += ', still at HEAD';
    if (c.exposureDays !== undefined) s += `, exposed ${plural(c.exposureDays, 'day')}`;
    parts.push(sentence(s));
  }
  if (f.decoded) parts.push(sentence(`Inside a decoded value (${scrub(f.decoded)})`));
  parts.push(`Fingerprint ${f.fingerprint}`);
  return parts.join(' ');
}

/** Workflow-command annotations, at most `perLevel` per level, most severe and first in reading order kept. */
export function annotations(findings: readonly Finding[], opts: AnnotationOptions = {}): Annotations {
  const perLevel = Math.max(0, opts.perLevel ?? ANNOTATIONS_PER_LEVEL);
  const showSecrets = opts.showSecrets ?? false;
  const scrub = makeScrub(findings, showSecrets);
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const omittedByLevel: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const f of [...findings].sort(bySeverity)) {
    const level = LEVEL[f.severity];
    if (used[level] >= perLevel) {
      omittedByLevel[level]++;
      continue;
    }
    used[level]++;
    const sup = suppressionOf(f);
    const title = `${sup ? `[suppressed: ${SUPPRESSED_LABELS[sup]}] ` : ''}${f.knownPublic ? 'Known public test key: ' : ''}${f.title} (${f.ruleId})`;
    const props: [string, string | number][] = [
      ['file', scrub(f.file)],
      ['line', f.line],
      ['endLine', Math.max(f.line, f.endLine)],
    ];
    // GitHub applies col/endColumn only to single-line annotations.
    if (f.endLine <= f.line) props.push(['col', f.column], ['endColumn', Math.max(f.column + 1, f.endColumn)]);
    props.push(['title', scrub(title)]);
    const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
    lines.push(`::${level} ${p}::${escapeData(annotationMessage(f, scrub, showSecrets))}`);
  }
  return { lines, omitted: omittedByLevel.error + omittedByLevel.warning + omittedByLevel.notice, omittedByLevel };
}

export interface SummaryOptions {
  /** The annotation cap used in the same step, to say how many findings had no annotation. Default 10. */
  perLevel?: number;
  /** Size limit in bytes (UTF-8). Default 1 MiB, GitHub's limit. */
  maxBytes?: number;
  /** Heading text. */
  title?: string;
}

/** Text for a Markdown table cell: no line breaks, pipes escaped, HTML neutralised. */
export function mdCell(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/([\\`*_[\]|])/g, '\\$1');
}

/** Inline code in a table cell: backticks removed (a code span cannot escape them), pipes escaped. */
function mdCode(s: string): string {
  const t = s.replace(/[\r\n]+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|');
  return t ? `\`${t}\`` : '';
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Job-summary Markdown (`$GITHUB_STEP_SUMMARY`): a findings table or a clear "No secrets found", under maxBytes. */
export function summaryMarkdown(input: ReportInput, opts: SummaryOptions = {}): string {
  const maxBytes = opts.maxBytes ?? SUMMARY_MAX_BYTES;
  const scrub = makeScrub(input.findings, input.showSecrets);
  const s = input.stats;
  const findings = [...input.findings].sort(bySeverity);
  const n = countBySeverity(findings);
  const head: string[] = [`## ${mdCell(opts.title ?? 'keyhound secret scan')}`, ''];
  const scanned = `${plural(s.files, 'file')} (${formatBytes(s.bytes)}) scanned in ${formatDuration(s.durationMs)}${
    s.commits !== undefined ? `, ${plural(s.commits, 'commit')}` : ''
  }`;
  if (findings.length === 0) {
    head.push(`:white_check_mark: **No secrets found.** ${scanned}.`, '');
  } else {
    head.push(
      `:warning: **Found ${plural(findings.length, 'secret')}:** ${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${plural(n.note, 'note')}. ${scanned}.`,
      '',
    );
  }
  const sk = breakdown(s.skipped, SKIPPED_LABELS);
  const su = breakdown(s.suppressed, SUPPRESSED_LABELS);
  const foot: string[] = [
    `Suppressed: ${su.total}${su.text ? ` (${su.text})` : ''}. Skipped: ${sk.total}${sk.text ? ` (${sk.text})` : ''}.`,
  ];
  const { omitted } = annotations(findings, { perLevel: opts.perLevel ?? ANNOTATIONS_PER_LEVEL });
  if (omitted > 0) {
    foot.push('', `${plural(omitted, 'finding')} not shown as annotations (GitHub shows ${opts.perLevel ?? ANNOTATIONS_PER_LEVEL} per level); all are listed here.`);
  }
  for (const w of s.warnings) foot.push('', `> [!WARNING]\n> ${mdCell(scrub(w))}`);

  const rows: string[] = [];
  if (findings.length) {
    rows.push('| Severity | Rule | File:line | Commit | Secret | Exposure |', '| --- | --- | --- | --- | --- | --- |');
  }
  const header = rows.join('\n');
  let size = bytes(head.join('\n')) + bytes(header) + bytes(foot.join('\n')) + 16;
  const truncationReserve = 200;
  let shown = 0;
  for (const f of findings) {
    const sup = suppressionOf(f);
    const sev = (f.knownPublic ? 'note (known public test key)' : f.severity) + (sup ? ` (suppressed: ${SUPPRESSED_LABELS[sup]})` : '');
    const commit = f.commit ? `${mdCode(shortSha(f.commit.sha))}${f.commit.date ? ` ${mdCell(f.commit.date.slice(0, 10))}` : ''}` : '';
    const secret = mdCode(input.showSecrets ? f.secret : f.redacted) + (f.validated ? ' ✔' : '');
    const exposure = f.commit?.exposureDays !== undefined ? `${plural(f.commit.exposureDays, 'day')}${f.commit.presentAtHead ? ', still at HEAD' : ''}` : '';
    const row = `| ${sev} | ${mdCode(f.ruleId)} | ${mdCell(scrub(f.file))}:${f.line} | ${commit} | ${secret} | ${exposure} |`;
    if (size + bytes(row) + 1 + truncationReserve > maxBytes) break;
    rows.push(row);
    size += bytes(row) + 1;
    shown++;
  }
  const body = [...head, ...rows];
  if (shown < findings.length) {
    body.push('', `**${findings.length - shown} more ${findings.length - shown === 1 ? 'finding' : 'findings'} not shown** (job summary size limit); see the SARIF or JSON report.`);
  }
  if (rows.length) body.push('');
  body.push(...foot);
  return body.join('\n') + '\n';
}
