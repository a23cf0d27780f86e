// Options of the scanning commands, parsed once, and the scan request they make.
import { Option, type Command } from 'commander';
import type { Severity } from '../core/finding.js';
import { UsageError } from '../core/errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/types.js';
import type { ScanRequest } from '../session/scan-session.js';

export type Format = ReportFormat;
export type FailOn = Severity | 'never';

/** Options every scanning command shares (scan, history, staged). */
export interface ReportOptions {
  format: Format;
  output?: string;
  failOn: FailOn;
  showSecrets: boolean;
  quiet: boolean;
  color?: boolean;
  config?: string;
  maxFileSize: number;
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

export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`not a size: "${text}" (examples: 500000, 512KB, 10MB)`);
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

/** Where revocation sends and records (shared by scanning commands and `keyhound revoke`), and extra rules. */
export function addRevocationTargets(cmd: Command): Command {
  return cmd
    .option('--rules <path>', 'extra rule file or folder (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--revoke-config <file>', 'revocation config (default: $XDG_CONFIG_HOME/keyhound/revoke.yaml)')
    .option('--audit-log <file>', 'revocation audit log, JSON lines (default: ~/.local/state/keyhound/audit.jsonl)')
    .option('--revoke-state <file>', 'fingerprints already revoked and requests in flight (default: ~/.local/state/keyhound/revoke-state.json)')
    .option('--github-api-url <url>', 'GitHub API for credential revocation (default: $GITHUB_API_URL or https://api.github.com)');
}

/** How and where a report is written: scanning commands and `keyhound merge`. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding is at or above this level')
        .choices(['error', 'warning', 'note', 'never'])
        .default('warning'),
    )
    .option('--show-secrets', 'print found secrets in full (default: redacted everywhere)', false)
    .option('-q, --quiet', 'no progress line and no summary on standard error', false)
    .option('--no-color', 'no colours in text output (NO_COLOR is honoured too)');
}

export function addReportOptions(cmd: Command): Command {
  const common = addOutputOptions(cmd)
    .option('-c, --config <file>', 'configuration file (default: .keyhound.yaml at the scan root)')
    .option('--max-file-size <size>', 'skip files larger than this, with a warning', '10MB')
    // revocation (issue 5; docs/revocation.md)
    .option('--revoke', 'plan revocation of found secrets whose issuer can revoke them (prints the plan; see --yes)', false)
    .option('--yes', 'with --revoke: call the issuers and revoke (irreversible)', false)
    // verification (issue 14; docs/verification.md)
    .option('--verify', "check found keys with their issuers (read-only) and wallet secrets' balances at your --rpc endpoints", false)
    .option('--rpc <chain=url>', 'RPC endpoint for wallet balances: ethereum=URL, polygon=URL, solana=URL, bitcoin=ESPLORA_URL (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--verify-config <file>', 'verification config (default: $XDG_CONFIG_HOME/keyhound/verify.yaml)')
    .option('--only-live', 'with --verify: report only findings verified live, and wallets with funds or transactions', false)
    // configuration and suppression (issue 4; src/session/scan-session.ts, docs/configuration.md)
    .option('--baseline <file>', 'report only findings not recorded in this baseline file')
    .option('--write-baseline <file>', 'record the current findings in a baseline file (keyed fingerprints, no secrets)')
    .option('--no-suppress', 'report everything: ignore inline allow comments, .keyhoundignore, allow: entries and baselines');
  return addRevocationTargets(common);
}

/** Commander's raw option object → typed options. */
export function reportOptions(raw: Record<string, unknown>): ReportOptions {
  return {
    format: raw.format as Format,
    output: raw.output as string | undefined,
    failOn: raw.failOn as FailOn,
    showSecrets: !!raw.showSecrets,
    quiet: !!raw.quiet,
    color: raw.color === false ? false : undefined,
    config: raw.config as string | undefined,
    maxFileSize: parseSize(String(raw.maxFileSize ?? '10MB')),
    rules: (raw.rules as string[] | undefined) ?? [],
    ...revokeOptions(raw),
    ...verifyOptions(raw),
  };
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
  if (raw.yes && !raw.revoke) throw new UsageError('--yes only confirms --revoke: add --revoke to revoke found secrets');
  return {
    revoke: !!raw.revoke,
    yes: !!raw.yes,
    revokeConfig: raw.revokeConfig as string | undefined,
    auditLog: raw.auditLog as string | undefined,
    revokeState: raw.revokeState as string | undefined,
    githubApiUrl: raw.githubApiUrl as string | undefined,
  };
}

/** Options the config file also sets: the request carries them only when given on the command line. */
const CONFIG_OVERRIDES = ['failOn', 'maxFileSize'] as const satisfies ReadonlyArray<keyof NonNullable<ScanRequest['given']> & keyof ReportOptions>;

/**
 * The scan request of a scanning command: values the user gave on the command line only (commander's
 * defaults stay out, so the config file's values apply), extra rules and suppression flags.
 */
export function scanRequest(root: string, opts: ReportOptions, raw: Record<string, unknown>, cmd: Command): ScanRequest {
  const given = (name: string) => {
    const src = cmd.getOptionValueSource(name);
    return src !== undefined && src !== 'default';
  };
  return {
    root,
    config: opts.config,
    rules: opts.rules,
    given: Object.fromEntries(CONFIG_OVERRIDES.filter(given).map((name) => [name, opts[name]])),
    suppression: {
      baseline: raw.baseline as string | undefined,
      writeBaseline: raw.writeBaseline as string | undefined,
      noSuppress: raw.suppress === false,
    },
  };
}
