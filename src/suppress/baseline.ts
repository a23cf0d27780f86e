// Baselines: reviewed findings recorded as salted content fingerprints (rule id + secret), never the
// secret and never a position. File and line are hints only, used to pick among equal entries.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from '../core/finding.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** HMAC-SHA256(salt, rule id + secret), hex. */
  fingerprint: string;
  rule: string;
  /** Hints: where the finding was when recorded. */
  file: string;
  line: number;
}

export interface BaselineFile {
  keyhound: 'baseline';
  version: number;
  /** Random per baseline, kept when the baseline is rewritten or pruned. */
  salt: string;
  entries: BaselineEntry[];
}

export class BaselineError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'BaselineError';
  }
}

export class Baseline {
  private constructor(readonly salt: string, readonly entries: BaselineEntry[]) {}

  static empty(salt = randomBytes(16).toString('hex')): Baseline {
    return new Baseline(salt, []);
  }

  static parse(text: string, file: string): Baseline {
    let data: Partial<BaselineFile>;
    try {
      data = JSON.parse(text) as Partial<BaselineFile>;
    } catch (e) {
      throw new BaselineError(file, `not a keyhound baseline (invalid JSON: ${(e as Error).message})`);
    }
    if (data?.keyhound !== 'baseline' || typeof data.salt !== 'string' || !Array.isArray(data.entries)) {
      throw new BaselineError(file, 'not a keyhound baseline (expected {"keyhound": "baseline", "salt", "entries"})');
    }
    if (data.version !== BASELINE_VERSION) throw new BaselineError(file, `baseline version ${String(data.version)} is not supported (expected ${BASELINE_VERSION})`);
    for (const e of data.entries) {
      if (typeof e?.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(e.fingerprint)) {
        throw new BaselineError(file, 'an entry has no valid "fingerprint"');
      }
    }
    return new Baseline(data.salt, data.entries);
  }

  static read(file: string): Baseline {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new BaselineError(file, `cannot read baseline: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return Baseline.parse(text, file);
  }

  /** The salted fingerprint of a finding's content: rule id and secret, nothing else. */
  fingerprintOf(f: Pick<Finding, 'ruleId' | 'secret'>): string {
    return createHmac('sha256', this.salt).update(`keyhound-baseline:v1\0${f.ruleId}\0${f.secret}`).digest('hex');
  }

  /** A baseline of these findings, with this baseline's salt. */
  withFindings(findings: Finding[]): Baseline {
    const entries = findings
      .map((f) => ({ fingerprint: this.fingerprintOf(f), rule: f.ruleId, file: f.file, line: f.line }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
    return new Baseline(this.salt, entries);
  }

  /**
   * Splits findings into those the baseline covers and new ones. One entry covers one occurrence:
   * a moved or renamed secret keeps its entry, a second copy of a baselined secret is new, and a
   * different secret on a baselined line is new (the fingerprint is the content, not the place).
   * Entries are given to the finding at the same file and line first, then the same file, then any.
   */
  match(findings: Finding[]): { known: Finding[]; fresh: Finding[]; pairs: Array<[Finding, BaselineEntry]> } {
    const byFp = new Map<string, BaselineEntry[]>();
    for (const e of this.entries) {
      const list = byFp.get(e.fingerprint);
      if (list) list.push(e);
      else byFp.set(e.fingerprint, [e]);
    }
    const fps = findings.map((f) => this.fingerprintOf(f));
    const owner = new Array<BaselineEntry | undefined>(findings.length);
    const used = new Set<BaselineEntry>();
    const passes: Array<(e: BaselineEntry, f: Finding) => boolean> = [
      (e, f) => e.file === f.file && e.line === f.line,
      (e, f) => e.file === f.file,
      () => true,
    ];
    for (const ok of passes) {
      findings.forEach((f, i) => {
        if (owner[i]) return;
        const e = byFp.get(fps[i]!)?.find((x) => !used.has(x) && ok(x, f));
        if (e) {
          owner[i] = e;
          used.add(e);
        }
      });
    }
    const known: Finding[] = [];
    const fresh: Finding[] = [];
    const pairs: Array<[Finding, BaselineEntry]> = [];
    findings.forEach((f, i) => {
      const e = owner[i];
      if (e) {
        known.push(f);
        pairs.push([f, e]);
      } else fresh.push(f);
    });
    return { known, fresh, pairs };
  }

  /** Entries some finding still matches, their hints moved to where the finding is now. */
  pruned(findings: Finding[]): { baseline: Baseline; dropped: number } {
    const { pairs } = this.match(findings);
    const entries = pairs
      .map(([f, e]) => ({ fingerprint: e.fingerprint, rule: e.rule, file: f.file, line: f.line }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    return { baseline: new Baseline(this.salt, entries), dropped: this.entries.length - entries.length };
  }

  toJSON(): BaselineFile {
    return { keyhound: 'baseline', version: BASELINE_VERSION, salt: this.salt, entries: this.entries };
  }

  write(file: string): void {
    writeFileSync(file, JSON.stringify(this.toJSON(), null, 2) + '\n');
  }
}
