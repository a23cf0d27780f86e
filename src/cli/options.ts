// Options of the scanning commands, parsed once, and the scan request they make.
import { Option, type Command } from 'commander';
import type { Severity } from '../core/finding.js';
import { OptionError, UsageError, type FailOn } from '../core/errors.js';
import { SCAN_SETTINGS, SETTING_NAMES, type SettingValues } from '../config/settings.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import type { ScanRequest } from '../session/scan-session.js';

export type Format = ReportFormat;

/** Options every scanning command shares (scan, history, staged); the scan settings as the command line gives them. */
export interface ReportOptions extends SettingValues {
  format: Format;
  output?: string;
  showSecrets: boolean;
  /** Text: list every note (known public test keys …) instead of one summary line. */
  showNotes: boolean;
  /** Findings below this level are not shown (they still count for --fail-on). */
  minLevel: Severity;
  quiet: boolean;
  color?: boolean;
  config?: string;
  /** Extra rule files or folders, loaded beside the built-in pack. */
  rules: string[];
  // revocation (issue 5; src/revoke)
  revoke: boolean;
  yes: boolean;
  revokeConfig?: string;
  auditLog?: string;
  revokeState?: string;
  githubApiUrl?: string;
  // verification (issue 14; src/verify, docs/verification.md)
  verify: boolean;
  verifyConfig?: string;
  /** --rpc CHAIN=URL values. */
  rpc: string[];
  onlyLive: boolean;
}

/** A repeatable option's values, in order (commander hands the previous list, or nothing the first time). */
export const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/** Where revocation sends and records (shared by scanning commands and `keyhound revoke`), and extra rules. */
export function addRevocationTargets(cmd: Command): Command {
  return cmd
    .option('--rules <path>', 'extra rule file or folder (repeatable)', collect)
    .optionsGroup('Revocation:')
    .option('--revoke-config <file>', 'revocation config (default: $XDG_CONFIG_HOME/keyhound/revoke.yaml)')
    .option('--audit-log <file>', 'revocation audit log, JSON lines (default: ~/.local/state/keyhound/audit.jsonl)')
    .option('--revoke-state <file>', 'fingerprints already revoked and requests in flight (default: ~/.local/state/keyhound/revoke-state.json)')
    .option('--github-api-url <url>', 'GitHub API for credential revocation (default: $GITHUB_API_URL or https://api.github.com)');
}

/** What a scanning command offers beyond the shared options. */
export interface CommandFeatures {
  /** --revoke and its targets (not for `staged`: nothing staged has been pushed yet). */
  revoke: boolean;
  /** --write-baseline (not for `staged`: a baseline records a tree or history, not one commit). */
  writeBaseline: boolean;
  /** Usage examples for the help. */
  examples: string[];
}

/** How and where a report is written: scanning commands and `keyhound merge`. */
export function addOutputOptions(cmd: Command): Command {
  cmd
    .optionsGroup('Report:')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the report to a file (the terminal still gets a one-line summary)');
  return addSettingOptions(cmd, 'report')
    .addOption(new Option('--min-level <level>', 'show only findings at or above this level').choices(['error', 'warning', 'note']).default('note'))
    .option('--show-notes', 'text: list every note (known public test keys …) instead of one summary line')
    .option('--show-secrets', 'print found secrets in full (default: redacted everywhere)')
    .option('-q, --quiet', 'no progress line and no warnings on standard error')
    .option('--no-color', 'no colours in text output (NO_COLOR is honoured too)')
    // gitleaks's names, for people moving over (docs/migrating-from-gitleaks.md)
    .addOption(new Option('--report-format <format>', 'gitleaks name of --format').choices([...REPORT_FORMATS]).hideHelp())
    .addOption(new Option('--report-path <file>', 'gitleaks name of --output').hideHelp())
    .addOption(new Option('--redact [percent]', 'gitleaks: redact secrets (keyhound always does unless --show-secrets)').hideHelp())
    .addOption(new Option('--baseline-path <file>', 'gitleaks name of --baseline').hideHelp());
}

/** The flags of the settings table's entries listed in one help group. */
function addSettingOptions(cmd: Command, group: 'report' | 'configuration'): Command {
  for (const name of SETTING_NAMES) {
    const s = SCAN_SETTINGS[name];
    if (s.helpGroup !== group) continue;
    const option = new Option(s.flag, s.description);
    if (s.choices) option.choices([...s.choices]);
    if (s.cliDefault !== undefined) option.default(s.cliDefault);
    cmd.addOption(option);
  }
  return cmd;
}

export function addReportOptions(cmd: Command, features: CommandFeatures = { revoke: true, writeBaseline: true, examples: [] }): Command {
  addOutputOptions(cmd)
    .optionsGroup('Configuration and suppression:')
    .option('-c, --config <file>', 'configuration file (default: .keyhound.yaml at the scan root)');
  addSettingOptions(cmd, 'configuration');
  if (features.writeBaseline) cmd.option('--write-baseline <file>', 'record the current findings in a baseline file (keyed fingerprints, no secrets)');
  cmd.option('--no-suppress', 'report everything: ignore inline allow comments, .keyhoundignore, allow: entries and baselines');
  if (features.revoke) {
    cmd
      .optionsGroup('Revocation:')
      .option('--revoke', 'plan revocation of found secrets whose issuer can revoke them (prints the plan; see --yes)')
      .option('--yes', 'with --revoke: call the issuers and revoke (irreversible)');
    addRevocationTargets(cmd.optionsGroup('Configuration and suppression:'));
  } else {
    cmd.option('--rules <path>', 'extra rule file or folder (repeatable)', collect);
  }
  // verification (issue 14; docs/verification.md): scan, history and staged alike
  cmd
    .optionsGroup('Verification:')
    .option('--verify', "check found keys with their issuers (read-only) and wallet secrets' balances at your --rpc endpoints")
    .option('--rpc <chain=url>', 'RPC endpoint for wallet balances: ethereum=URL, polygon=URL, solana=URL, bitcoin=ESPLORA_URL (repeatable)', collect)
    .option('--verify-config <file>', 'verification config (default: $XDG_CONFIG_HOME/keyhound/verify.yaml)')
    .option('--only-live', 'with --verify: report only findings verified live, and wallets with funds or transactions');
  if (features.examples.length > 0) cmd.addHelpText('after', `\nExamples:\n${features.examples.map((e) => `  ${e}`).join('\n')}\n`);
  return cmd.optionsGroup('Options:');
}

/** One value given under two names (keyhound's and gitleaks's): they must agree. */
function either<T>(raw: Record<string, unknown>, ours: string, theirs: string, flags: [string, string]): T | undefined {
  const a = raw[ours] as T | undefined;
  const b = raw[theirs] as T | undefined;
  if (b === undefined) return a;
  if (a !== undefined && a !== b && !isDefault(raw, ours)) throw new OptionError(`${flags[0]} and ${flags[1]} name the same setting: give one`);
  return b;
}
const defaults = new WeakMap<object, Set<string>>();
function isDefault(raw: Record<string, unknown>, key: string): boolean {
  return defaults.get(raw)?.has(key) ?? false;
}

/** Records which option values are commander's defaults (so a gitleaks name may override them). */
export function markDefaults(raw: Record<string, unknown>, cmd: Command): Record<string, unknown> {
  const set = new Set<string>();
  for (const key of Object.keys(raw)) if (cmd.getOptionValueSource(key) === 'default') set.add(key);
  defaults.set(raw, set);
  return raw;
}

/** Commander's raw option object → typed options. */
export function reportOptions(raw: Record<string, unknown>, cmd?: Command): ReportOptions {
  if (cmd) markDefaults(raw, cmd);
  if (raw.redact !== undefined && raw.showSecrets) throw new OptionError('--redact and --show-secrets contradict each other');
  const baseline = either<string>(raw, 'baseline', 'baselinePath', ['--baseline', '--baseline-path']);
  if (baseline !== undefined) raw.baseline = baseline;
  return {
    ...settingOptions(raw),
    format: either<Format>(raw, 'format', 'reportFormat', ['--format', '--report-format'])!,
    output: either<string>(raw, 'output', 'reportPath', ['--output', '--report-path']),
    showSecrets: !!raw.showSecrets,
    showNotes: !!raw.showNotes,
    minLevel: (raw.minLevel as Severity | undefined) ?? 'note',
    quiet: !!raw.quiet,
    color: raw.color === false ? false : undefined,
    config: raw.config as string | undefined,
    rules: (raw.rules as string[] | undefined) ?? [],
    ...revokeOptions(raw),
    ...verifyOptions(raw),
  };
}

/** Each setting's value as the command line has it (its default when not given). */
function settingOptions(raw: Record<string, unknown>): SettingValues {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const s = SCAN_SETTINGS[name];
    const text = raw[name] ?? s.cliDefault;
    out[name] = text === undefined ? s.default : s.fromCli(String(text));
  }
  return out as SettingValues;
}

/** Verification flags (issue 14): --rpc, --verify-config and --only-live only mean something with --verify. */
function verifyOptions(raw: Record<string, unknown>) {
  const rpc = (raw.rpc as string[] | undefined) ?? [];
  if (!raw.verify) {
    const lone = raw.onlyLive ? '--only-live' : rpc.length > 0 ? '--rpc' : raw.verifyConfig ? '--verify-config' : undefined;
    if (lone) throw new UsageError(`${lone} only works with --verify: add --verify to check found secrets online`);
  }
  return { verify: !!raw.verify, verifyConfig: raw.verifyConfig as string | undefined, rpc, onlyLive: !!raw.onlyLive };
}

/** Revocation flags (issue 5): --yes is meaningless without --revoke. */
function revokeOptions(raw: Record<string, unknown>) {
  if (raw.yes && !raw.revoke) throw new OptionError('--yes only confirms --revoke: add --revoke to revoke found secrets');
  return {
    revoke: !!raw.revoke,
    yes: !!raw.yes,
    revokeConfig: raw.revokeConfig as string | undefined,
    auditLog: raw.auditLog as string | undefined,
    revokeState: raw.revokeState as string | undefined,
    githubApiUrl: raw.githubApiUrl as string | undefined,
  };
}

/**
 * The scan request of a scanning command: the settings the user gave on the command line only
 * (commander's defaults stay out, so the config file's values apply), extra rules and suppression flags.
 */
export function scanRequest(root: string, opts: ReportOptions, raw: Record<string, unknown>, cmd: Command): ScanRequest {
  const given = (name: string) => {
    const src = cmd.getOptionValueSource(name);
    // a value without a commander default may come in under another name (--baseline-path)
    return src !== undefined ? src !== 'default' : raw[name] !== undefined;
  };
  return {
    root,
    config: opts.config,
    rules: opts.rules,
    given: Object.fromEntries(SETTING_NAMES.filter(given).map((name) => [name, opts[name]])),
    suppression: {
      writeBaseline: raw.writeBaseline as string | undefined,
      noSuppress: raw.suppress === false,
    },
  };
}
