// Baselines: reviewed findings recorded as keyed content fingerprints (rule id + secret, HMAC under the
// user's or team's fingerprint key, which is never in the file), never the secret and never a position.
// File and line are hints only, used to pick among equal entries. Version 1 files (a salt stored in the
// file itself, so anyone with the file could test guesses) are still read, and rewritten as version 2.
import { fingerprintKey } from '../util/keyed-fingerprint.js';
import { nodeCrypto } from '../util/lazy-require.js';
import { readRegularFile, writeFileSafe } from '../util/safe-fs.js';
import type { Finding } from '../core/finding.js';

export const BASELINE_VERSION = 2;

export interface BaselineEntry {
  /** HMAC-SHA256(fingerprint key, rule id + secret), hex (version 1: keyed with the file's salt). */
  fingerprint: string;
  rule: string;
  /** Hints: where the finding was when recorded. */
  file: string;
  line: number;
}

export interface BaselineFile {
  keyhound: 'baseline';
  version: number;
  /** Version 1 only: the HMAC key, stored beside the fingerprints it keys. */
  salt?: string;
  entries: BaselineEntry[];
}

const BASELINE_MAX_BYTES = 64 * 1024 * 1024;

/** An fs error's detail without the file name the caller already prints. */
function detailOf(e: unknown, file: string): string {
  const errno = (e as { errno?: string }).errno;
  if (errno) return errno;
  const m = (e as Error).message ?? String(e);
  return m.startsWith(`${file}: `) ? m.slice(file.length + 2) : ((e as NodeJS.ErrnoException).code ?? m);
}

export class BaselineError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'BaselineError';
  }
}

export class Baseline {
  private constructor(
    readonly entries: BaselineEntry[],
    /** Version 1 files only. */
    readonly salt?: string,
  ) {}

  static empty(): Baseline {
    return new Baseline([]);
  }

  static parse(text: string, file: string): Baseline {
    let data: Partial<BaselineFile>;
    try {
      data = JSON.parse(text) as Partial<BaselineFile>;
    } catch {
      // JSON.parse's message quotes the text around the error: never echo file content
      throw new BaselineError(file, 'not a keyhound baseline (invalid JSON)');
    }
    if (data?.keyhound !== 'baseline' || !Array.isArray(data.entries)) {
      throw new BaselineError(file, 'not a keyhound baseline (expected {"keyhound": "baseline", "version", "entries"})');
    }
    if (data.version === 1 && typeof data.salt !== 'string') throw new BaselineError(file, 'version 1 baseline without "salt"');
    if (data.version !== 1 && data.version !== BASELINE_VERSION) {
      throw new BaselineError(file, `baseline version ${String(data.version)} is not supported (expected ${BASELINE_VERSION})`);
    }
    for (const e of data.entries) {
      if (typeof e?.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(e.fingerprint)) {
        throw new BaselineError(file, 'an entry has no valid "fingerprint"');
      }
    }
    return new Baseline(data.entries, data.version === 1 ? data.salt : undefined);
  }

  static read(file: string): Baseline {
    let text: string;
    try {
      text = readRegularFile(file, { maxBytes: BASELINE_MAX_BYTES }).toString('utf8');
    } catch (e) {
      throw new BaselineError(file, `cannot read baseline: ${detailOf(e, file)}`);
    }
    return Baseline.parse(text, file);
  }

  /** The keyed fingerprint of a finding's content: rule id and secret, nothing else. */
  fingerprintOf(f: Pick<Finding, 'ruleId' | 'secret'>): string {
    if (this.salt !== undefined) return nodeCrypto().createHmac('sha256', this.salt).update(`keyhound-baseline:v1\0${f.ruleId}\0${f.secret}`).digest('hex');
    return nodeCrypto().createHmac('sha256', fingerprintKey().key).update(`keyhound-baseline:v2\0${f.ruleId}\0${f.secret}`).digest('hex');
  }

  /** A (version 2) baseline of these findings. */
  withFindings(findings: Finding[]): Baseline {
    const fresh = new Baseline([]);
    const entries = findings
      .map((f) => ({ fingerprint: fresh.fingerprintOf(f), rule: f.ruleId, file: f.file, line: f.line }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
    return new Baseline(entries);
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
    return { baseline: new Baseline(entries, this.salt), dropped: this.entries.length - entries.length };
  }

  toJSON(): BaselineFile {
    if (this.salt !== undefined) return { keyhound: 'baseline', version: 1, salt: this.salt, entries: this.entries };
    return { keyhound: 'baseline', version: BASELINE_VERSION, entries: this.entries };
  }

  write(file: string): void {
    try {
      writeFileSafe(file, JSON.stringify(this.toJSON(), null, 2) + '\n');
    } catch (e) {
      throw new BaselineError(file, `cannot write baseline: ${detailOf(e, file)}`);
    }
  }
}
