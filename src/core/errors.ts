// Shared vocabulary: the usage errors every layer may throw, the fail-on levels and the process exit codes.
import { severityRank, type Finding, type Severity } from './finding.js';

/** A problem with how keyhound was called or configured: exit code 2, message without a stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A bad flag or flag value: the message is followed by "see keyhound COMMAND --help". */
export class OptionError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/** `partial`: an organisation scan or merge where a repository could not be cloned or scanned (and no finding failed the run). */
export const EXIT = { clean: 0, findings: 1, error: 2, partial: 3 } as const;

/** The level at or above which a finding fails the run; `never`: no finding does. */
export type FailOn = Severity | 'never';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'note', 'never'];

/** 1 when a finding is at or above the fail-on level, else 0. */
export function exitCodeFor(findings: Finding[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT.clean;
  const min = severityRank(failOn);
  return findings.some((f) => severityRank(f.severity) >= min) ? EXIT.findings : EXIT.clean;
}
