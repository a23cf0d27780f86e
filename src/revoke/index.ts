// Revocation entry point, shared by `scan|history|staged --revoke` and `keyhound revoke`.
// Runs inside the scanning process: raw secrets stay in memory and are never written anywhere.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import { AuditLog, DEFAULT_AUDIT_LOG } from './audit.js';
import { loadRevokeConfig } from './config.js';
import { createIssuers } from './issuers/index.js';
import { buildPlan, planSecrets, type Plan } from './plan.js';
import { readRepoConfig } from './repo-config.js';
import { formatResults, resultsJson } from './report.js';
import { executePlan, tally, type ItemResult } from './run.js';
import { RevokeState } from './state.js';

export { verifyWebhookSignature, signWebhookBody, WEBHOOK_SIGNATURE_HEADER } from './signing.js';
export { REPO_REVOKE_KEY, repoRevokeSchema, judgeRepoConfig } from './repo-config.js';

export const DEFAULT_STATE_FILE = '.keyhound/revoke-state.json';

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
  const auditLog = resolve(cwd, opts.auditLog ?? config.auditLog ?? DEFAULT_AUDIT_LOG);
  const stateFile = resolve(cwd, opts.revokeState ?? config.stateFile ?? DEFAULT_STATE_FILE);
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
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[secret]');
  return out;
}

/** Exit-code contribution: 1 when any revocation failed. */
export function revokeExitCode(run: RevokeRun): number {
  return tally(run.results).failed > 0 ? 1 : 0;
}
