// Glue for scanning commands (scan, history, staged): config → rule set and settings, command-line
// options over config values, path exclusion, and suppression after the scan.
import type { Command } from 'commander';
import type { Finding, ScanStats } from '../core/finding.js';
import type { RuleSet } from '../rules/loader.js';
import { pathMatcher, Suppressor, type SuppressionOutcome } from '../suppress/index.js';
import { loadConfig, type ConfigSettings, type FailOnSetting } from './load.js';

export { ConfigError, loadConfig, type ConfigSettings, type LoadedConfig } from './load.js';

/** --baseline, --write-baseline, --no-suppress as parsed by commander. */
export interface SuppressionFlags {
  baseline?: string;
  writeBaseline?: string;
  noSuppress: boolean;
}

export function suppressionFlags(raw: Record<string, unknown>): SuppressionFlags {
  return {
    baseline: raw.baseline as string | undefined,
    writeBaseline: raw.writeBaseline as string | undefined,
    noSuppress: raw.suppress === false,
  };
}

/** What a scanning command needs from the config, ready to use. */
export interface ScanSetup {
  ruleSet: RuleSet;
  settings: ConfigSettings;
  /** --fail-on, else the config's fail-on, else the command's default. */
  failOn: FailOnSetting;
  /** --max-file-size, else the config's max-file-size, else the command's default. */
  maxFileSize: number;
  /** `paths.exclude` of the config (root-relative paths); undefined when it has none. */
  isExcluded?: (rel: string) => boolean;
  suppressor: Suppressor;
}

/** True when the user gave the option on the command line (not commander's default). */
function given(cmd: Command | undefined, name: string): boolean {
  if (!cmd) return true;
  const src = cmd.getOptionValueSource(name);
  return src !== undefined && src !== 'default';
}

/**
 * Loads the config for `root` (--config or .keyhound.yaml) and prepares suppression.
 * `opts` are the command's parsed report options; `raw` commander's option object; `cmd` the command
 * (to tell options the user gave from defaults, so config values apply only when not given).
 */
export function prepareScan(
  root: string,
  opts: { config?: string; rules?: string[]; failOn: FailOnSetting; maxFileSize: number },
  raw: Record<string, unknown>,
  cmd?: Command,
): ScanSetup {
  const { ruleSet, settings } = loadConfig(root, opts.config, { extraRules: opts.rules ?? [] });
  const flags = suppressionFlags(raw);
  const failOn = !given(cmd, 'failOn') && settings.failOn ? settings.failOn : opts.failOn;
  const maxFileSize = !given(cmd, 'maxFileSize') && settings.maxFileSize ? settings.maxFileSize : opts.maxFileSize;
  const suppressor = new Suppressor({
    root,
    allow: settings.allow,
    baseline: flags.baseline,
    writeBaseline: flags.writeBaseline,
    noSuppress: flags.noSuppress,
  });
  const setup: ScanSetup = { ruleSet, settings, failOn, maxFileSize, suppressor };
  if (settings.exclude.length > 0) setup.isExcluded = pathMatcher(settings.exclude);
  return setup;
}

/**
 * Applies suppression to a finished scan (drops and counts suppressed findings, writes a baseline
 * when asked) and prints what was written unless quiet.
 */
export function finishSuppression(result: { findings: Finding[]; stats: ScanStats }, setup: ScanSetup, quiet = false): SuppressionOutcome {
  result.findings = setup.suppressor.apply(result.findings, result.stats);
  const outcome = setup.suppressor.finish();
  if (outcome.wroteBaseline && !quiet) {
    const { file, entries } = outcome.wroteBaseline;
    process.stderr.write(`keyhound: wrote baseline ${file} (${entries} ${entries === 1 ? 'entry' : 'entries'})\n`);
  }
  return outcome;
}
