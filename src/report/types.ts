// What every reporter is handed: one scan result, its header and the render options.
import type { Finding, ScanStats } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';

/** What was scanned and when: the header of the HTML and incident reports (JSON `scan`). */
export interface ScanMeta {
  /** The command that produced the report: scan, history, staged, action … */
  command: string;
  /** ISO time the scan started. */
  startedAt: string;
  /** History: the refs or range walked (`--all` = every ref). */
  refs?: string[];
  /** Web address of the repository (https only), for links to files and commits. */
  repositoryUrl?: string;
}

/** How one repository of an organisation scan went (`reason`: why skipped; `error`: why failed). */
export interface RepositoryStatus {
  full_name: string;
  status: 'scanned' | 'failed' | 'skipped';
  error?: string;
  reason?: string;
}

/** One scan result, as handed to every reporter. */
export interface ReportInput {
  /** Engine findings, raw secret inside (finding.secret): never printed unless showSecrets. */
  findings: Finding[];
  /** All active rules (SARIF lists every rule that produced a result, at least). */
  rules: RuleSpec[];
  stats: ScanStats;
  tool: { name: 'keyhound'; version: string; informationUri: string };
  showSecrets: boolean;
  /** Root the file paths are relative to (for SARIF originalUriBaseIds). */
  root?: string;
  /** Organisation scans and merges: every repository and how it went. */
  repositories?: RepositoryStatus[];
  scan?: ScanMeta;
}

export interface RenderOptions {
  /** ANSI colours in the text format (the CLI decides: TTY, NO_COLOR, FORCE_COLOR). */
  color: boolean;
  /** Text: list every note instead of one summary line. */
  showNotes?: boolean;
  /** Findings left out by --min-level, for a line in the text summary. */
  hiddenBelow?: { level: string; count: number };
}
