// The end of a scanning command, as separate steps: say what suppression wrote, write the report, revoke
// when asked. Loaded at start-up (the version): heavy modules load inside the steps.
import { severityRank, type Finding, type ScanStats } from '../core/finding.js';
import { exitCodeFor, UsageError, type FailOn } from '../core/errors.js';
import { writeFileSafe } from '../util/safe-fs.js';
import type { RuleSpec } from '../core/rule.js';
import { INFORMATION_URI, toolVersion } from '../report/tool.js';
import type { RepositoryStatus, ScanMeta } from '../report/types.js';
import type { SuppressionOutcome } from '../suppress/index.js';
import type { ReportOptions } from './options.js';

export { exitCodeFor, INFORMATION_URI, toolVersion };

/**
 * What the steps need of a scan session: its root (report paths, revocation's working folder; '' when
 * there is none, as for organisation scans), rules and fail-on level.
 */
export interface Scanned {
  root: string;
  ruleSet: { rules: RuleSpec[] };
  settings: { failOn: FailOn };
}

/** A scan's result as the steps report it. */
export interface Reportable {
  findings: Finding[];
  stats: ScanStats;
  suppression?: SuppressionOutcome;
  /** Organisation scans: each repository's status. */
  repositories?: RepositoryStatus[];
}

export function useColor(opts: ReportOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (opts.color === false || opts.output) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

/** A progress line on stderr for scans longer than a second, on a terminal only. */
export function progressReporter(opts: ReportOptions): { update(s: ScanStats): void; done(): void } {
  const tty = !opts.quiet && !!process.stderr.isTTY;
  const started = Date.now();
  let shown = false;
  return {
    update(s) {
      if (!tty || Date.now() - started < 1000) return;
      shown = true;
      const mb = (s.bytes / 1024 / 1024).toFixed(1);
      process.stderr.write(`\r\x1b[Kscanning: ${s.files} files, ${mb} MB`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Says on stderr what suppression wrote (a baseline), unless quiet. */
export function noteSuppression(result: Reportable, opts: Pick<ReportOptions, 'quiet'>): void {
  const wrote = result.suppression?.wroteBaseline;
  if (!wrote || opts.quiet) return;
  process.stderr.write(`keyhound: wrote baseline ${wrote.file} (${wrote.entries} ${wrote.entries === 1 ? 'entry' : 'entries'})\n`);
}

/** What a terminal gets when the report goes to a file (-o): counts and where the report is. */
export function oneLineSummary(result: { findings: Finding[]; stats: ScanStats }, shown: number, output: string, safe: (s: string) => string = (s) => s): string {
  const n = result.stats.findings;
  const counts = result.findings.length === 0 ? 'no secrets found' : `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} (${n.error} error, ${n.warning} warning, ${n.note} note)`;
  const hidden = result.findings.length - shown;
  return `keyhound: ${counts} in ${result.stats.files} file${result.stats.files === 1 ? '' : 's'}${hidden > 0 ? `, ${hidden} below --min-level` : ''}; report written to ${safe(output)}`;
}

/** What the report header says about the run: the command, the refs walked (history), the repository's web address. */
export type RunMeta = Omit<ScanMeta, 'startedAt'>;

/** Renders the report, writes it to --output or stdout, prints warnings; returns the fail-on exit code. */
export async function writeReport(result: Reportable, session: Scanned, opts: ReportOptions, meta?: RunMeta): Promise<number> {
  const [{ render }, { terminalSafe }] = await Promise.all([import('../report/index.js'), import('../report/text.js')]);
  const minRank = severityRank(opts.minLevel ?? 'note');
  const shown = result.findings.filter((f) => severityRank(f.severity) >= minRank);
  const hidden = result.findings.length - shown.length;
  const text = render(
    opts.format,
    {
      findings: shown,
      repositories: result.repositories,
      rules: session.ruleSet.rules,
      stats: result.stats,
      tool: { name: 'keyhound', version: toolVersion(), informationUri: INFORMATION_URI },
      showSecrets: opts.showSecrets,
      root: session.root,
      ...(meta ? { scan: { ...meta, startedAt: new Date(Date.now() - result.stats.durationMs).toISOString() } } : {}),
    },
    { color: useColor(opts), showNotes: opts.showNotes, hiddenBelow: hidden > 0 ? { level: opts.minLevel, count: hidden } : undefined },
  );
  if (opts.output) {
    writeOutputFile(opts.output, text.endsWith('\n') ? text : text + '\n');
  } else {
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }
  // warnings go to standard error in every format; -q silences them
  if (!opts.quiet) {
    for (const w of result.stats.warnings) process.stderr.write(`keyhound: warning: ${terminalSafe(w)}\n`);
    if (opts.output) process.stderr.write(`${oneLineSummary(result, shown.length, opts.output, terminalSafe)}\n`);
  }
  return exitCodeFor(result.findings, session.settings.failOn);
}

/** --revoke: after the report, in this process (raw secrets never touch disk); returns revocation's exit code. */
export async function revokeFound(result: Reportable, session: Scanned, opts: ReportOptions): Promise<number> {
  const { revokeFindings, revokeExitCode } = await import('../revoke/index.js');
  const run = await revokeFindings(
    result.findings,
    session.ruleSet.rules,
    {
      yes: opts.yes,
      revokeConfig: opts.revokeConfig,
      auditLog: opts.auditLog,
      revokeState: opts.revokeState,
      githubApiUrl: opts.githubApiUrl,
      root: session.root,
      config: opts.config,
    },
    {
      out: (t) => process.stderr.write(t.replace(/^(?=.)/gm, 'keyhound: ')),
      warn: (w) => process.stderr.write(`keyhound: warning: ${w}\n`),
      version: toolVersion(),
    },
  );
  return revokeExitCode(run);
}

/**
 * --verify: each credential's issuer and the user's RPC endpoints are asked, in this process; the findings
 * gain `verification` / `funds`, what the run could not do becomes a report warning. With --only-live the
 * result keeps only what is live (and wallets with funds or transactions).
 */
export async function verifyFound(result: Reportable, session: Scanned, opts: ReportOptions): Promise<void> {
  const [{ verifyFindings }, { verifiedLive }] = await Promise.all([import('../verify/index.js'), import('../core/finding.js')]);
  const summary = await verifyFindings(
    result.findings,
    session.ruleSet.rules,
    { verifyConfig: opts.verifyConfig, rpc: opts.rpc },
    { warn: () => undefined, version: toolVersion() },
  );
  result.stats.warnings.push(...summary.warnings);
  if (!opts.onlyLive) return;
  result.findings = result.findings.filter(verifiedLive);
  const n = { error: 0, warning: 0, note: 0 };
  for (const f of result.findings) n[f.severity]++;
  result.stats.findings = n;
}

/** The steps every scanning command ends with: suppression note, verification, report, then revocation when asked. */
export async function finishScan(result: Reportable, session: Scanned, opts: ReportOptions, meta?: RunMeta): Promise<number> {
  noteSuppression(result, opts);
  if (opts.verify) await verifyFound(result, session, opts);
  const code = await writeReport(result, session, opts, meta);
  return opts.revoke ? Math.max(code, await revokeFound(result, session, opts)) : code;
}

/** Writes -o/--output: never through a symbolic link or into a special file (a usage error instead). */
export function writeOutputFile(file: string, text: string): void {
  try {
    writeFileSafe(file, text);
  } catch (e) {
    throw new UsageError(`cannot write --output ${(e as Error).message}`);
  }
}
