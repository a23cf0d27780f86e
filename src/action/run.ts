// The action, start to finish: inputs → what to scan → scan → SARIF, annotations, job summary, outputs,
// optional review comments and revocation → exit code (0 clean, 1 findings at or above fail-on, 2 error).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { EXIT, exitCodeFor } from '../core/errors.js';
import { INFORMATION_URI, toolVersion } from '../report/tool.js';
import type { Finding } from '../core/finding.js';
import { trustedRevoker, type RuleSpec } from '../core/rule.js';
import { annotations, summaryMarkdown, SUMMARY_MAX_BYTES } from '../report/github.js';
import { makeScrub, plural } from '../report/common.js';
import { renderHtml } from '../report/html.js';
import { renderSarif } from '../report/sarif.js';
import type { ReportInput } from '../report/types.js';
import { GitError } from '../sources/git-process.js';
import { openRepo, type RepoInfo } from '../sources/git-repo.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { ActionError, planScan, readEvent, type ScanPlan } from './plan.js';
import { scanHistory, type ActionScan } from './scan.js';
import { setFingerprintKeyStore } from '../util/keyed-fingerprint.js';
import { ensureDir, guardTree, writeFileSafe } from '../util/safe-fs.js';
import { appendSummary, command, logLine, setOutput } from './workflow.js';

export interface ActionIO {
  /** The step log (stdout): annotations and workflow commands go here. */
  out: (text: string) => void;
}

const defaultIO: ActionIO = { out: (t) => void process.stdout.write(t) };

/** Errors whose message is for the user as it is (no stack). */
function userMessage(e: unknown): string | undefined {
  if (e instanceof ActionError || e instanceof GitError) return e.message;
  const name = (e as Error)?.name;
  if (['InputError', 'UsageError', 'ConfigError', 'RuleError', 'BaselineError'].includes(name)) return (e as Error).message;
  return undefined;
}

/** SARIF goes to the runner's temp folder unless asked: nothing untracked lands in the workspace. */
function defaultSarifPath(env: NodeJS.ProcessEnv): string {
  const dir = env.RUNNER_TEMP ? resolve(env.RUNNER_TEMP) : mkdtempSync(join(tmpdir(), 'keyhound-'));
  return join(dir, 'keyhound.sarif');
}

export async function runAction(env: NodeJS.ProcessEnv = process.env, io: ActionIO = defaultIO): Promise<number> {
  const notes: string[] = [];
  let scanned: { scan: ActionScan; plan: ScanPlan; repo: RepoInfo; inputs: ActionInputs; sarifPath: string } | undefined;
  try {
    const inputs = readInputs(env);
    // nothing is written outside the workspace and RUNNER_TEMP: the fingerprint key comes from
    // KEYHOUND_FINGERPRINT_KEY (a repository or organisation secret) or lives for this run only
    setFingerprintKeyStore('memory');
    const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
    const at = (p: string) => resolve(workspace, p);
    const scanPath = at(inputs.path);
    const sarifPath = inputs.sarifFile ? at(inputs.sarifFile) : defaultSarifPath(env);
    // the checked-out tree is the pull request's: nothing written below it may pass through its links
    guardTree(workspace);
    const allowed = [workspace, ...(env.RUNNER_TEMP ? [resolve(env.RUNNER_TEMP)] : [])];
    if (inputs.sarifFile && !allowed.some((d) => within(d, sarifPath))) {
      throw new ActionError(`sarif-file must be inside the workspace${env.RUNNER_TEMP ? ' or RUNNER_TEMP' : ''}: ${inputs.sarifFile}`);
    }

    let repo: RepoInfo;
    try {
      repo = await openRepo(scanPath);
    } catch (e) {
      if ((e as Error).name === 'NotARepositoryError') {
        throw new ActionError(`${inputs.path} is not a git repository: run actions/checkout (with fetch-depth: 0) before keyhound, or set the "path" input`);
      }
      throw e;
    }
    const event = readEvent(env);
    const plan = await planScan(inputs.mode, event, repo, env);
    io.out(logLine(`scanning ${plan.description}`));

    const scan = await scanHistory({
      repo,
      scanPath,
      plan,
      config: inputs.config ? at(inputs.config) : undefined,
      baseline: inputs.baseline ? at(inputs.baseline) : undefined,
      rules: inputs.rules.map(at),
      tempDir: env.RUNNER_TEMP || undefined,
    });
    scanned = { scan, plan, repo, inputs, sarifPath };
  } catch (e) {
    const msg = userMessage(e);
    if (msg === undefined) throw e;
    io.out(command('error', msg));
    appendSummary(env.GITHUB_STEP_SUMMARY, `## keyhound secret scan\n\n:x: **The scan could not run.** ${msg.replace(/[\r\n]+/g, ' ')}\n`);
    setOutput(env.GITHUB_OUTPUT, 'findings', '');
    return EXIT.error;
  }

  const { scan, plan, repo, inputs, sarifPath } = scanned;
  const { findings, stats } = scan.result;

  // verification: endpoints from the workflow only (rpc input, KEYHOUND_*_API_URL), never from the scanned tree
  if (inputs.verify && findings.length > 0) {
    try {
      const { verifyFindings } = await import('../verify/index.js');
      const v = await verifyFindings(findings, scan.rules, { rpc: inputs.rpc }, { env, version: toolVersion() });
      stats.warnings.push(...v.warnings);
      notes.push(
        `Verification: ${v.live} live, ${v.invalid} revoked or invalid, ${v.unknown + v.errors + v.skipped} not checked` +
          `${v.walletsChecked ? `; ${plural(v.walletsWithFunds, 'wallet')} of ${v.walletsChecked} holding funds` : ''} (${plural(v.requests, 'request')}).`,
      );
    } catch (e) {
      const msg = userMessage(e) ?? (e as Error).message;
      io.out(command('error', `verification: ${makeScrub(findings, false)(msg)}`));
      notes.push(`Verification failed: ${makeScrub(findings, false)(msg)}`);
    }
  }
  const input: ReportInput = {
    findings,
    rules: scan.rules,
    stats,
    tool: { name: 'keyhound', version: toolVersion(), informationUri: INFORMATION_URI },
    showSecrets: false,
    root: repo.root,
    scan: {
      command: 'action',
      startedAt: new Date(Date.now() - stats.durationMs).toISOString(),
      refs: [plan.description],
      ...(env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? { repositoryUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` } : {}),
    },
  };
  let code: number = exitCodeFor(findings, inputs.failOn);

  // SARIF for github/codeql-action/upload-sarif
  const sarif = renderSarif(input);
  let sarifWritten = true;
  try {
    writeFileSafe(sarifPath, sarif.endsWith('\n') ? sarif : sarif + '\n', { mkdir: 0o755 });
  } catch (e) {
    sarifWritten = false;
    io.out(command('error', `sarif-file: ${(e as Error).message}`));
    code = EXIT.error;
  }
  // the HTML report, uploaded as an artifact by the composite step after this one
  // the default name goes beside the default SARIF file (RUNNER_TEMP), never into the checkout
  let htmlPath = !inputs.htmlReport
    ? undefined
    : inputs.htmlReport === 'keyhound-report.html'
      ? join(dirname(defaultSarifPath(env)), inputs.htmlReport)
      : resolve(env.GITHUB_WORKSPACE || process.cwd(), inputs.htmlReport);
  if (htmlPath) {
    try {
      writeFileSafe(htmlPath, renderHtml(input), { mkdir: 0o755 });
    } catch (e) {
      io.out(command('error', `html-report: ${(e as Error).message}`));
      htmlPath = undefined;
      code = EXIT.error;
    }
  }

  // annotations (GitHub shows 10 per level; the summary lists every finding)
  const ann = annotations(findings);
  for (const line of ann.lines) io.out(line + '\n');
  const scrub = makeScrub(findings, false);
  for (const w of stats.warnings) io.out(command('warning', scrub(w)));
  for (const n of scan.notices) {
    io.out(command('warning', scrub(n)));
    notes.push(`:warning: Configuration: ${n}.`);
  }

  // review comments on the pull request's lines
  if (inputs.comment && findings.length > 0) {
    if (!plan.pr) {
      notes.push('Review comments: not a pull request run, none posted.');
    } else if (!inputs.githubToken) {
      io.out(command('warning', 'comment: true needs a token (the github-token input)'));
      notes.push('Review comments: no token, none posted.');
    } else {
      const { postReviewComments } = await import('./comments.js');
      const r = await postReviewComments(findings, {
        pr: plan.pr,
        token: inputs.githubToken,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        max: inputs.maxComments,
        userAgent: `keyhound-action/${toolVersion()}`,
      });
      for (const w of r.warnings) io.out(command('warning', scrub(w)));
      notes.push(
        `Review comments: ${r.created} posted, ${r.updated} updated, ${r.unchanged} already there` +
          (r.skipped > 0 ? `, ${r.skipped} not posted${r.warnings.length === 0 ? ` (over max-comments ${inputs.maxComments})` : ''}` : '') +
          '.',
      );
    }
  }

  // revocation: configured by the workflow only (inputs and environment), never by the scanned tree
  if (inputs.revoke && findings.length > 0) {
    try {
      const r = await revoke(findings, scan.rules, inputs, env, io, scrub);
      notes.push(r.note);
      code = Math.max(code, r.code);
    } catch (e) {
      const msg = userMessage(e) ?? (e as Error).message;
      io.out(command('error', `revocation: ${scrub(msg)}`));
      notes.push(`Revocation failed: ${scrub(msg)}`);
      code = EXIT.error;
    }
  }

  // job summary
  const context = [
    `Scanned ${plan.description}. Fail on: ${inputs.failOn}.` +
      (scan.configFile ? ` Config: \`${scan.configFile.replace(/`/g, "'")}\`${scan.configCommit ? ` (as of the base commit ${scan.configCommit.slice(0, 12)})` : ''}.` : '') +
      (inputs.baseline ? ` Baseline: \`${inputs.baseline.replace(/`/g, "'")}\`.` : ''),
    `SARIF: \`${relOrAbs(env.GITHUB_WORKSPACE, sarifPath).replace(/`/g, "'")}\` (upload it with github/codeql-action/upload-sarif, category keyhound).` +
      (htmlPath ? ` HTML report: \`${relOrAbs(env.GITHUB_WORKSPACE, htmlPath).replace(/`/g, "'")}\`${inputs.htmlArtifact ? ` (artifact \`${inputs.htmlArtifact.replace(/`/g, "'")}\`)` : ''}.` : ''),
    ...notes,
  ]
    .map((l) => scrub(l).replace(/[\r\n]+/g, ' '))
    .join('\n\n');
  const table = summaryMarkdown(input, { maxBytes: SUMMARY_MAX_BYTES - 8192 - Buffer.byteLength(context) });
  const split = table.indexOf('\n\n');
  appendSummary(env.GITHUB_STEP_SUMMARY, split >= 0 ? `${table.slice(0, split)}\n\n${context}\n${table.slice(split)}` : `${table}\n${context}\n`);

  // outputs
  setOutput(env.GITHUB_OUTPUT, 'findings', String(findings.length));
  setOutput(env.GITHUB_OUTPUT, 'sarif-file', sarifWritten ? sarifPath : '');
  setOutput(env.GITHUB_OUTPUT, 'html-report', htmlPath ?? '');

  const sup = Object.values(stats.suppressed).reduce((a, b) => a + b, 0);
  io.out(
    logLine(
      `${plural(findings.length, 'finding')} (${plural(stats.commits ?? 0, 'commit')}, ${plural(stats.files, 'blob')} scanned, ` +
        `${sup} suppressed)` +
        (sarifWritten ? `; SARIF written to ${relOrAbs(env.GITHUB_WORKSPACE, sarifPath)}` : '; no SARIF written') +
        (code === EXIT.findings ? `; failing: findings at or above fail-on ${inputs.failOn}` : ''),
    ),
  );
  return code;
}

/** `p` is `dir` or below it. */
function within(dir: string, p: string): boolean {
  const rel = relative(dir, p);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function relOrAbs(workspace: string | undefined, p: string): string {
  if (!workspace) return p;
  const rel = relative(resolve(workspace), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/**
 * Only the built-in pack picks issuers (the origin the rule-set builder records): rules from the scanned
 * tree (its .keyhound.yaml, a config or rule file in it) route nothing; the workflow's revoke-config input
 * can still route findings by rule id or provider.
 */
export function trustedRevokers(rules: RuleSpec[]): RuleSpec[] {
  return rules.map((r) => {
    if (!r.revoker || trustedRevoker(r)) return r;
    const { revoker: _dropped, ...rest } = r;
    return rest as RuleSpec;
  });
}

async function revoke(
  findings: Finding[],
  rules: RuleSpec[],
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  io: ActionIO,
  scrub: (s: string) => string,
): Promise<{ note: string; code: number }> {
  const { revokeFindings, revokeExitCode } = await import('../revoke/index.js');
  const { tally } = await import('../revoke/run.js');
  // A private folder for the revocation config (the workflow's revoke-config input, or an empty one, so no
  // file on the runner — which earlier steps running pull-request code could have written — is read),
  // the audit log and the state file.
  const base = env.RUNNER_TEMP && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir();
  ensureDir(base);
  const dir = mkdtempSync(join(base, 'keyhound-revoke-'));
  const configFile = join(dir, 'revoke.yaml');
  writeFileSafe(configFile, (inputs.revokeConfig ?? '') + '\n', { mode: 0o600 });
  try {
    const run = await revokeFindings(
      findings,
      trustedRevokers(rules),
      {
        yes: true,
        revokeConfig: configFile,
        auditLog: join(dir, 'audit.jsonl'),
        revokeState: join(dir, 'revoke-state.json'),
        githubApiUrl: env.GITHUB_API_URL || undefined,
        // no root/config: the scanned tree's .keyhound.yaml has no say in revocation here
      },
      {
        out: (t) => {
          for (const l of t.split('\n')) if (l.trim() !== '') io.out(logLine(scrub(l)));
        },
        warn: (w) => io.out(command('warning', `revocation: ${scrub(w)}`)),
        env: { ...env, GITHUB_TOKEN: env.GITHUB_TOKEN || inputs.githubToken },
        cwd: dir,
        version: toolVersion(),
      },
    );
    const t = tally(run.results);
    const note =
      `Revocation: ${t.revoked} revoked, ${t['already-revoked']} already revoked, ${t.failed} failed, ${t.skipped} skipped` +
      ' (no issuer can revoke them, or the revoke-config input routes them nowhere).';
    return { note, code: revokeExitCode(run) };
  } finally {
    rmSync(join(dir, 'revoke.yaml'), { force: true });
  }
}
