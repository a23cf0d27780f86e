// Revocation entry point, shared by `scan|history|staged --revoke` and `keyhound revoke`.
// Runs inside the scanning process: raw secrets stay in memory and are never written anywhere.
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import { scrubSecrets } from '../util/secret-forms.js';
import { stateDir } from '../util/state-dir.js';
import { AUDIT_LOG_NAME, AuditLog } from './audit.js';
import { loadRevokeConfig } from './config.js';
import { createIssuers } from './issuers/index.js';
import { buildPlan, planSecrets, type Plan } from './plan.js';
import { readRepoConfig } from './repo-config.js';
import { formatResults, resultsJson } from './report.js';
import { executePlan, tally, type ItemResult } from './run.js';
import { RevokeState, StateLock } from './state.js';

export { verifyWebhookSignature, signWebhookBody, WEBHOOK_SIGNATURE_HEADER } from './signing.js';
export { REPO_REVOKE_KEY, repoRevokeSchema, judgeRepoConfig } from './repo-config.js';

/** File name of the revocation state in the user's state folder (the default location). */
export const STATE_FILE_NAME = 'revoke-state.json';

/** Default audit log and state file: the user's state folder, never the scanned tree. */
export function defaultRevokePaths(env: NodeJS.ProcessEnv = process.env): { auditLog: string; stateFile: string } {
  const dir = stateDir(env);
  return { auditLog: join(dir, AUDIT_LOG_NAME), stateFile: join(dir, STATE_FILE_NAME) };
}

/** Options a command gathers for revocation (CLI flags). */
export interface RevokeOptions {
  /** --yes: call the issuers. Without it: print the plan only. */
  yes: boolean;
  revokeConfig?: string;
  auditLog?: string;
  revokeState?: string;
  githubApiUrl?: string;
  /** Scan root and --config, for the scanned tree's `.keyhound.yaml` (may only disable revocation). */
  root?: string;
  config?: string;
  /** `keyhound revoke --issuer`: send to this issuer whatever the rule says. */
  forceIssuer?: string;
  format?: 'text' | 'json';
}

export interface RevokeIO {
  /** Where the plan/results go (stderr for scans, stdout for `keyhound revoke`). */
  out: (text: string) => void;
  /** Warnings. */
  warn: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  version?: string;
  random?: () => number;
}

export interface RevokeRun {
  results: ItemResult[];
  plan?: Plan;
  dryRun: boolean;
  /** Revocation switched off by the scanned tree's config (`revoke: false`). */
  disabledByRepo: boolean;
  auditLog?: string;
  stateFile?: string;
}

/** Plans, and with `yes` carries out, revocation of the findings whose issuer can revoke them. */
export async function revokeFindings(findings: Finding[], rules: RuleSpec[], opts: RevokeOptions, io: RevokeIO): Promise<RevokeRun> {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const dryRun = !opts.yes;

  if (opts.root !== undefined || opts.config !== undefined) {
    const verdict = readRepoConfig(opts.root ?? cwd, opts.config);
    for (const w of verdict.warnings) io.warn(w);
    if (verdict.disabled) {
      io.warn(`revocation disabled by ${verdict.file} (revoke: false): nothing planned, nothing sent`);
      return { results: [], dryRun, disabledByRepo: true };
    }
  }

  const config = loadRevokeConfig({ file: opts.revokeConfig, env });
  for (const w of config.warnings) io.warn(w);
  const issuers = createIssuers(config, { env, githubApiUrl: opts.githubApiUrl, retry: config.retry, version: io.version ?? '0.0.0' });
  if (opts.forceIssuer && !issuers.issuers.has(opts.forceIssuer) && !issuers.disabled.has(opts.forceIssuer)) {
    const { UsageError } = await import('../core/errors.js');
    throw new UsageError(`no issuer named "${opts.forceIssuer}" (known: ${[...issuers.issuers.keys()].join(', ')})`);
  }
  const defaults = defaultRevokePaths(env);
  const auditLog = resolve(cwd, opts.auditLog ?? config.auditLog ?? defaults.auditLog);
  const stateFile = resolve(cwd, opts.revokeState ?? config.stateFile ?? defaults.stateFile);
  // one run at a time per state file: a second run waits, then sees what the first revoked
  const lock = dryRun ? undefined : await StateLock.acquire(stateFile);
  try {
    return await revokeLocked(findings, rules, opts, io, { config, issuers, auditLog, stateFile, dryRun });
  } finally {
    lock?.release();
  }
}

async function revokeLocked(
  findings: Finding[],
  rules: RuleSpec[],
  opts: RevokeOptions,
  io: RevokeIO,
  ctx: { config: ReturnType<typeof loadRevokeConfig>; issuers: ReturnType<typeof createIssuers>; auditLog: string; stateFile: string; dryRun: boolean },
): Promise<RevokeRun> {
  const { config, issuers, auditLog, stateFile, dryRun } = ctx;
  const state = new RevokeState(stateFile);
  const plan = buildPlan({ findings, rules, issuers, state, forceIssuer: opts.forceIssuer });
  for (const w of plan.warnings) io.warn(w);
  const secrets = planSecrets(plan);
  const audit = dryRun ? undefined : new AuditLog(auditLog);
  const results = await executePlan(plan, {
    dryRun,
    retry: config.retry,
    concurrency: config.concurrency,
    audit,
    state: dryRun ? undefined : state,
    runId: randomUUID(),
    secrets,
    random: io.random,
  });
  const shown = opts.format === 'json' ? resultsJson(results, { dryRun, auditLog }) : formatResults(results, plan, { dryRun, auditLog });
  io.out(scrubAll(shown, secrets));
  return { results, plan, dryRun, disabledByRepo: false, auditLog, stateFile };
}

function scrubAll(text: string, secrets: string[]): string {
  return scrubSecrets(text, secrets);
}

/** Exit-code contribution: 1 when any revocation failed. */
export function revokeExitCode(run: RevokeRun): number {
  return tally(run.results).failed > 0 ? 1 : 0;
}
