// Human-readable report for terminals and CI logs.
import { fundsAtRisk, hasBalance, type Finding, type Severity, type Verification } from '../core/finding.js';
import {
  SKIPPED_LABELS,
  SUPPRESSED_LABELS,
  breakdown,
  countBySeverity,
  formatBytes,
  formatDuration,
  indexByFingerprint,
  linkedParts,
  makeScrub,
  plural,
  sortedByLocation,
  suppressionOf,
  type FingerprintIndex,
} from './common.js';
import type { RenderOptions, ReportInput } from './types.js';
import { findingMessage } from './messages.js';

const ANSI = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  gray: '\x1b[90m',
} as const;
type Style = keyof typeof ANSI;

/**
 * Makes a value safe to print on a terminal: control characters (ESC, CR, BEL …), C1 controls and bidi
 * overrides ("Trojan Source") in file names, keys or messages are shown escaped instead of acting.
 */
export function terminalSafe(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const LABEL: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', note: 'NOTE' };
const COLOR: Record<Severity, Style> = { error: 'red', warning: 'yellow', note: 'cyan' };

export function renderText(input: ReportInput, opts: RenderOptions): string {
  const paint = (style: Style | Style[], s: string): string =>
    opts.color ? `${(Array.isArray(style) ? style : [style]).map((k) => ANSI[k]).join('')}${s}${ANSI.reset}` : s;
  const scrub = makeScrub(input.findings, input.showSecrets);
  const safe = (s: string) => terminalSafe(scrub(s));
  const out: string[] = [];

  const index = indexByFingerprint(input.findings);
  // notes (known public test keys …) fold into one summary line unless asked for
  const listed = opts.showNotes ? input.findings : input.findings.filter((f) => f.severity !== 'note');
  for (const f of sortedByLocation(listed)) {
    out.push(...block(f, input, index, paint, safe), '');
  }
  out.push(...summary(input, paint, safe));
  const folded = input.findings.length - listed.length;
  if (folded > 0) out.push(paint('dim', `${plural(folded, 'note')} not listed (known public test keys and other notes): --show-notes lists them.`));
  if (opts.hiddenBelow) out.push(paint('dim', `${plural(opts.hiddenBelow.count, 'finding')} below --min-level ${opts.hiddenBelow.level} not shown.`));
  return out.join('\n') + '\n';
}

/** Up to ten names, then how many more (the JSON report lists them all). */
function named(paths: string[], safe: (s: string) => string): string {
  const shown = paths.slice(0, 10).map(safe).join(', ');
  return paths.length > 10 ? `${shown} … and ${paths.length - 10} more (--format json lists all)` : shown;
}

type Paint = (style: Style | Style[], s: string) => string;

function block(f: Finding, input: ReportInput, index: FingerprintIndex, paint: Paint, safe: (s: string) => string): string[] {
  const where = `${f.repository ? `${safe(f.repository)}: ` : ''}${safe(f.file)}:${f.line}:${f.column}`;
  const lines: string[] = [];
  const sup = suppressionOf(f);
  const supMark = sup ? `  ${paint('gray', `[suppressed: ${SUPPRESSED_LABELS[sup]}]`)}` : '';
  if (f.knownPublic) {
    lines.push(`${paint(['gray', 'bold'], 'NOTE')}  ${paint('gray', 'known public test key')}  ${paint('gray', safe(f.ruleId))}  ${paint('bold', where)}${supMark}`);
  } else {
    lines.push(`${paint([COLOR[f.severity], 'bold'], LABEL[f.severity])}  ${paint('bold', safe(f.ruleId))}  ${paint('bold', where)}${supMark}`);
  }
  const row = (label: string, value: string) => lines.push(`  ${paint('dim', (label + ':').padEnd(13))} ${value}`);
  lines.push(`  ${safe(findingMessage(f))}`);
  const secret = input.showSecrets ? paint('bold', terminalSafe(f.secret)) : `${terminalSafe(f.redacted)} ${paint('dim', '(redacted)')}`;
  // an offline check (checksum, curve) passed; "live" is kept for a real issuer check
  const mark = f.validated ? `  ${paint('green', '✔ checksum ok')}` : '';
  row('secret', secret + mark);
  if (f.knownPublic) row('known public', paint('gray', safe(f.knownPublic)));
  if (f.verification) row('verified', verificationText(f.verification, paint, safe));
  for (const x of f.funds ?? []) {
    const txs = plural(x.txCount, 'transaction');
    row('funds', `${hasBalance(x.balance) ? paint(['red', 'bold'], `${safe(x.balance)} ${safe(x.unit)}`) : `${safe(x.balance)} ${safe(x.unit)}`} on ${safe(x.chain)} at ${safe(x.address)} (${txs})`);
  }
  if (f.address) row('address', safe(f.address));
  if (f.keyType) row('key type', safe(f.keyType));
  if (f.key) row('key', safe(f.key));
  for (const part of linkedParts(f, index)) {
    const o = part.finding;
    row(
      'linked',
      o
        ? `${safe(o.pair?.part ?? o.ruleId)} (${safe(o.ruleId)}) at ${safe(o.file)}:${o.line}:${o.column}`
        : `fingerprint ${part.fingerprint}`,
    );
  }
  if (f.commit) {
    const c = f.commit;
    row('commit', `${safe(c.sha)}${c.subject ? ` "${safe(c.subject)}"` : ''}`);
    const intro = [c.date ? safe(c.date.slice(0, 10)) : '', c.author ? `by ${safe(c.author)}` : ''].filter(Boolean).join(' ');
    if (intro) row('introduced', intro);
    if (c.removedIn) row('removed', `${safe(c.removedIn)}${c.removedDate ? ` on ${safe(c.removedDate.slice(0, 10))}` : ''}`);
    else if (c.presentAtHead) row('removed', 'no, still present at HEAD');
    if (c.exposureDays !== undefined) row('exposure', plural(c.exposureDays, 'day'));
    if (c.paths && c.paths.length > 1) row('paths', c.paths.map(safe).join(' → '));
  }
  if (f.decoded) row('decoded', `found inside a decoded value: ${safe(f.decoded)}`);
  row('fingerprint', paint('dim', f.fingerprint));
  return lines;
}

/** "live" / "revoked or invalid" / "not checked", then what the issuer said. */
export function verificationText(v: Verification, paint: Paint, safe: (s: string) => string): string {
  const where = paint('dim', `(${safe(v.issuer)}, ${safe(v.host)})`);
  const detail = v.detail ? `: ${safe(v.detail)}` : '';
  if (v.status === 'invalid') return `${paint('green', 'revoked or invalid')}${detail} ${where}`;
  if (v.status !== 'live') return `${paint('yellow', 'not checked')}${detail || (v.status === 'error' ? ': error' : '')} ${where}`;
  const rights: string[] = [];
  if (v.canWithdraw) rights.push(paint(['red', 'bold'], 'can withdraw'));
  else if (v.canWithdraw === false) rights.push('cannot withdraw');
  if (v.canTransfer && !v.canWithdraw) rights.push(paint(['red', 'bold'], 'can transfer'));
  if (v.canTrade) rights.push('can trade');
  else if (v.canTrade === false) rights.push('cannot trade');
  if (v.ipRestricted) rights.push('IP-restricted');
  else if (v.ipRestricted === false) rights.push('no IP restriction');
  if (v.expiresAt) rights.push(`expires ${safe(v.expiresAt)}`);
  if (v.permissions?.length) rights.push(`permissions ${v.permissions.map(safe).join(', ')}`);
  const said = [...rights, ...(v.detail ? [safe(v.detail)] : [])].join('; ');
  return `${paint(['red', 'bold'], 'live')}${said ? ` — ${said}` : ''} ${where}`;
}

function verificationSummary(findings: readonly Finding[]): string | undefined {
  const seen = new Set<string>();
  const n = { live: 0, risk: 0, invalid: 0, other: 0, wallets: 0 };
  for (const f of findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    if (fundsAtRisk(f)) n.risk++;
    if (f.funds?.some((x) => hasBalance(x.balance))) n.wallets++;
    const st = f.verification?.status;
    if (st === 'live') n.live++;
    else if (st === 'invalid') n.invalid++;
    else if (st) n.other++;
  }
  if (n.live + n.invalid + n.other + n.wallets === 0 && !findings.some((f) => f.funds)) return undefined;
  return `Verified: ${n.live} live, ${n.invalid} revoked or invalid, ${n.other} not checked; ${plural(n.wallets, 'wallet')} holding funds; ${n.risk} at risk (withdraw/transfer rights or funds).`;
}

function summary(input: ReportInput, paint: Paint, safe: (s: string) => string): string[] {
  const s = input.stats;
  const n = countBySeverity(input.findings);
  const known = input.findings.filter((f) => f.knownPublic).length;
  const scanned = `${plural(s.files, 'file')} (${formatBytes(s.bytes)}) scanned in ${formatDuration(s.durationMs)}${
    s.commits !== undefined ? `, ${plural(s.commits, 'commit')}` : ''
  }${s.blobs !== undefined ? `, ${plural(s.blobs, 'blob')}` : ''}`;
  const sk = breakdown(s.skipped, SKIPPED_LABELS);
  const su = breakdown(s.suppressed, SUPPRESSED_LABELS);
  const counts = `skipped ${sk.total}${sk.text ? ` (${sk.text})` : ''}, suppressed ${su.total}${su.text ? ` (${su.text})` : ''}`;
  const lines: string[] = [];
  if (input.findings.length === 0) {
    lines.push(`${paint(['green', 'bold'], 'No secrets found.')} ${scanned}; ${counts}.`);
  } else {
    const sev = [
      paint(n.error ? ['red', 'bold'] : 'dim', plural(n.error, 'error')),
      paint(n.warning ? ['yellow', 'bold'] : 'dim', plural(n.warning, 'warning')),
      paint(n.note ? 'cyan' : 'dim', `${plural(n.note, 'note')}${known ? ` (${known} known public)` : ''}`),
    ].join(', ');
    lines.push(`${paint('bold', `Found ${plural(input.findings.length, 'secret')}:`)} ${sev}. ${scanned}; ${counts}.`);
  }
  if (input.repositories) lines.push(...repositoryLines(input, paint, safe));
  const verified = verificationSummary(input.findings);
  if (verified) lines.push(paint('bold', verified));
  const ignored = s.ignoredPaths ?? [];
  if (ignored.length > 0) lines.push(`${paint('dim', 'ignored, not scanned:')} ${named(ignored, safe)}`);
  const scannedAnyway = s.ignoredScanned ?? [];
  if (scannedAnyway.length > 0) lines.push(`${paint('dim', 'git-ignored but scanned (named like secrets):')} ${named(scannedAnyway, safe)}`);
  return lines;
}

/** Organisation scans: how many repositories were scanned, and every one that failed with its reason. */
function repositoryLines(input: ReportInput, paint: Paint, safe: (s: string) => string): string[] {
  const repos = input.repositories ?? [];
  const count = (st: string) => repos.filter((r) => r.status === st).length;
  const failed = count('failed');
  const lines = [
    `Repositories: ${count('scanned')} scanned, ${paint(failed ? ['red', 'bold'] : 'dim', `${failed} failed`)}, ${count('skipped')} skipped.`,
  ];
  for (const r of repos) if (r.status === 'failed') lines.push(`${paint('red', 'failed:')} ${safe(r.full_name)}: ${safe(r.error ?? 'unknown error')}`);
  return lines;
}
