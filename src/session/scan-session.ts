// One scan from a plain-data request: the config and rule set, the settings (values the caller gave over
// the config file over defaults), suppression, and the run. Commands and the Action build a request
// and hand it sources; writing a report and revoking are separate steps they ask for afterwards.
import type { Finding, ScanStats } from '../core/finding.js';
import type { RuleSet } from '../core/rule.js';
import { loadConfig, type ConfigSettings } from '../config/load.js';
import { decideSettings, type SettingValues } from '../config/settings.js';
import { joinProvenance, runScan, type BlobSource, type ScanResult } from '../pipeline/scan.js';
import { AdaptiveScanner } from '../pipeline/worker-pool.js';
import type { Source } from '../sources/types.js';
import { pathMatcher, Suppressor, type SuppressionOutcome } from '../suppress/index.js';
import { guardTree } from '../util/safe-fs.js';

export interface ScanRequest {
  /** Scan root: where the config is found, what finding paths and .keyhoundignore are relative to. */
  root: string;
  /** Config file (--config); else .keyhound.yaml / .keyhound.yml at the root. */
  config?: string;
  /** Rule files or folders (--rules). */
  rules?: string[];
  /**
   * Only the settings the user actually gave (config/settings.ts: fail-on, max-file-size, baseline …):
   * each wins over the config file, which wins over the defaults.
   */
  given?: Partial<SettingValues>;
  /** --write-baseline, --no-suppress. */
  suppression?: { writeBaseline?: string; noSuppress?: boolean };
}

/** The settings a scan runs with, every one decided. */
export interface ScanSettings extends SettingValues {
  /** `paths.exclude` of the config (root-relative paths); undefined when it has none. */
  isExcluded?: (rel: string) => boolean;
  /** The config file as read, if any (its `revoke: false`, `allow:` …). */
  config: ConfigSettings;
}

export interface RunOptions {
  /** Scanning threads (default: the machine's CPUs, at most 8). */
  threads?: number;
  onProgress?: (stats: ScanStats) => void;
}

export interface SessionResult extends ScanResult {
  suppression: SuppressionOutcome;
}

export interface ScanSession {
  readonly root: string;
  readonly ruleSet: RuleSet;
  readonly settings: ScanSettings;
  readonly suppressor: Suppressor;
  /** A chunk scanner on the session's rules, for callers that drive sources themselves (organisation scans); close it. */
  scanner(threads?: number): AdaptiveScanner;
  /** Scans the sources and applies suppression. */
  run(sources: Source[], opts?: RunOptions): Promise<SessionResult>;
  /** Scans a git history source, joins the blob matches with provenance, then applies suppression. */
  runHistory(source: Source & BlobSource, opts?: RunOptions): Promise<SessionResult>;
  /** Scans the sources only: for callers with a step between scanning and suppression. */
  scan(sources: Source[], opts?: RunOptions): Promise<ScanResult>;
  /** Drops and counts suppressed findings, writes a baseline when asked. */
  suppress(result: ScanResult): SessionResult;
}

/** Reads the config, builds the rule set and suppression for a request. Throws ConfigError / RuleError. */
export function openScanSession(req: ScanRequest): ScanSession {
  // the scanned tree is untrusted: no report, baseline or log is written through a link inside it
  guardTree(req.root);
  const { ruleSet, settings: config } = loadConfig(req.root, req.config, { extraRules: req.rules ?? [] });
  const settings: ScanSettings = { ...decideSettings(req.given, config), config };
  if (config.exclude.length > 0) settings.isExcluded = pathMatcher(config.exclude);
  const suppressor = new Suppressor({ root: req.root, allow: config.allow, ...req.suppression, baseline: settings.baseline });

  const scanner = (threads?: number) => new AdaptiveScanner(ruleSet, settings.maxFileSize, threads);
  const scan = async (sources: Source[], opts: RunOptions = {}): Promise<ScanResult> => {
    const chunks = scanner(opts.threads);
    try {
      return await runScan(sources, chunks, { onProgress: opts.onProgress, inflight: chunks.inflight });
    } finally {
      await chunks.close();
    }
  };
  const suppress = (result: ScanResult): SessionResult => {
    const findings: Finding[] = suppressor.apply(result.findings, result.stats);
    return { findings, stats: result.stats, suppression: suppressor.finish() };
  };
  return {
    root: req.root,
    ruleSet,
    settings,
    suppressor,
    scanner,
    scan,
    suppress,
    run: async (sources, opts) => suppress(await scan(sources, opts)),
    runHistory: async (source, opts) => {
      const scanned = await scan([source], opts);
      await joinProvenance(scanned, source);
      return suppress(scanned);
    },
  };
}

