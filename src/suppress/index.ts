// Suppression that never hides anything silently: inline allow comments (marked by the engine),
// .keyhoundignore paths, config `allow:` entries and baselines. Every suppressed finding is counted
// in stats.suppressed; --no-suppress reports everything.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AllowEntry } from './allow.js';
import type { Finding, ScanStats, SuppressionKind } from '../core/finding.js';
import { allowMatcher } from './allow.js';
import { Baseline } from './baseline.js';
import { loadIgnoreFile, type PathMatcher } from './ignore-file.js';

export { Baseline, BaselineError, type BaselineEntry, type BaselineFile } from './baseline.js';
export { IGNORE_FILE, loadIgnoreFile, pathMatcher } from './ignore-file.js';

export interface SuppressionOptions {
  /** Scan root: .keyhoundignore is read from here; finding paths are relative to it. */
  root: string;
  /** `allow:` entries of the config. */
  allow?: AllowEntry[];
  /** --baseline FILE: report only findings not in it. */
  baseline?: string;
  /** --write-baseline FILE: record the findings (after inline, ignore-file and allow suppression). */
  writeBaseline?: string;
  /** --no-suppress: report everything, count nothing as suppressed. */
  noSuppress?: boolean;
  /** Read .keyhoundignore (default true). */
  ignoreFile?: boolean;
}

/** What a finished suppression step did besides filtering, for the command to report. */
export interface SuppressionOutcome {
  wroteBaseline?: { file: string; entries: number };
}

export class Suppressor {
  private readonly ignored: PathMatcher | null;
  private readonly allowed: (f: Finding) => AllowEntry | undefined;
  private baseline: Baseline | null;
  private toWrite: Baseline | null = null;

  /** Problems met while preparing (an unreadable .keyhoundignore), for the scan's warnings. */
  readonly warnings: string[] = [];

  constructor(private readonly opts: SuppressionOptions) {
    this.ignored = opts.ignoreFile === false ? null : loadIgnoreFile(opts.root, (m) => this.warnings.push(m));
    this.allowed = allowMatcher(opts.allow ?? []);
    this.baseline = null;
    if (opts.baseline) {
      const same = opts.writeBaseline && resolve(opts.writeBaseline) === resolve(opts.baseline);
      // writing a baseline over a missing one starts it
      if (!(same && !existsSync(opts.baseline))) this.baseline = Baseline.read(opts.baseline);
    }
  }

  /** Which suppression covers a finding, if any (baselines aside). */
  private reason(f: Finding): SuppressionKind | undefined {
    if (f.suppressed === 'inline') return 'inline';
    if (this.ignored?.(f.file)) return 'ignoreFile';
    if (this.allowed(f)) return 'allow';
    return undefined;
  }

  /**
   * Drops suppressed findings, counts them in `stats.suppressed`, recounts `stats.findings`.
   * With --write-baseline the surviving findings become the new baseline (so they are then baselined).
   */
  apply(findings: Finding[], stats: ScanStats): Finding[] {
    const counts = stats.suppressed;
    stats.warnings.push(...this.warnings.splice(0));
    let kept: Finding[] = [];
    for (const f of findings) {
      const why = this.reason(f);
      if (!why) {
        kept.push(f);
        continue;
      }
      f.suppressed = why;
      if (this.opts.noSuppress) kept.push(f);
      else counts[why]++;
    }
    if (this.opts.writeBaseline) {
      this.toWrite = Baseline.empty().withFindings(kept.filter((f) => !f.suppressed || this.opts.noSuppress));
      this.baseline = this.toWrite;
    }
    if (this.baseline) {
      // with --no-suppress, findings already marked still count toward the baseline match
      const { known, fresh } = this.baseline.match(kept.filter((f) => !f.suppressed));
      for (const f of known) f.suppressed = 'baseline';
      if (!this.opts.noSuppress) {
        counts.baseline += known.length;
        kept = fresh;
      }
    }
    stats.findings = { error: 0, warning: 0, note: 0 };
    for (const f of kept) stats.findings[f.severity]++;
    return kept;
  }

  /** Writes the baseline when --write-baseline was given. */
  finish(): SuppressionOutcome {
    if (!this.opts.writeBaseline || !this.toWrite) return {};
    this.toWrite.write(this.opts.writeBaseline);
    return { wroteBaseline: { file: this.opts.writeBaseline, entries: this.toWrite.entries.length } };
  }
}

/** Applies suppression to a finished scan result in place; returns what else was done. */
export function applySuppression(result: { findings: Finding[]; stats: ScanStats }, opts: SuppressionOptions | Suppressor): SuppressionOutcome {
  const s = opts instanceof Suppressor ? opts : new Suppressor(opts);
  result.findings = s.apply(result.findings, result.stats);
  return s.finish();
}
