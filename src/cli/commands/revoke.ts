// `keyhound revoke`: one secret read from standard input, made a finding and handed to revocation.
import { Option, type Command } from 'commander';
import type { Finding } from '../../core/finding.js';
import { trustedRevoker, type RuleSpec } from '../../core/rule.js';
import { UsageError } from '../../core/errors.js';
import { addRevocationTargets } from '../options.js';
import { toolVersion } from '../output.js';

const MAX_STDIN = 64 * 1024;

/** Reads the whole of standard input (bounded). The secret never comes from argv. */
export async function readStdin(stream: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin, max = MAX_STDIN): Promise<string> {
  if (stream.isTTY) {
    throw new UsageError('revoke reads the secret from standard input, never from the command line: pipe it in (… | keyhound revoke --rule RULE_ID) or redirect a file (< secret.txt)');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    if (size > max) throw new UsageError(`standard input is larger than ${max} bytes: expected one secret`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Builds the findings `keyhound revoke` hands to the planner: one secret, or for two-part credentials
 * whose issuer signs with both (Bybit) the key and its secret, whitespace-separated.
 */
export async function findingsFromInput(text: string, rule: RuleSpec, rules: RuleSpec[]): Promise<Finding[]> {
  const { newFinding } = await import('../../engine/candidate.js');
  const { isSecretPart } = await import('../../revoke/plan.js');
  const { publishFingerprints } = await import('../../util/keyed-fingerprint.js');
  const parts = text.split(/\s+/).filter(Boolean);
  // a secret from standard input has no place: file "-", line 0
  const nowhere = { file: '-', line: 0, column: 0, endLine: 0, endColumn: 0 };
  const make = (r: RuleSpec, secret: string, pair?: { id: string; part: string }): Finding => ({
    ...newFinding(r, secret, nowhere, { messageId: 'secret', messageData: { title: r.title } }),
    ...(pair ? { pair } : {}),
  });
  if (parts.length === 0) throw new UsageError('standard input is empty: expected the secret to revoke');
  if (parts.length === 1) {
    const one = [make(rule, parts[0]!, rule.pair)];
    publishFingerprints(one);
    return one;
  }
  if (parts.length === 2 && rule.pair && !isSecretPart(rule)) {
    const partner = rules.find((r) => r.pair?.id === rule.pair!.id && isSecretPart(r)) ?? rule;
    const key = make(rule, parts[0]!, rule.pair);
    const secret = make(partner, parts[1]!, { id: rule.pair.id, part: partner.pair && isSecretPart(partner) ? partner.pair.part : 'secret' });
    if (secret.fingerprint === key.fingerprint) throw new UsageError('the key and the secret read from standard input are the same value');
    key.related = [secret.fingerprint];
    secret.related = [key.fingerprint];
    publishFingerprints([key, secret]);
    return [key, secret];
  }
  throw new UsageError(
    rule.pair
      ? 'expected one secret, or the API key and its secret separated by a newline'
      : `expected one secret on standard input, got ${parts.length} words`,
  );
}

export function registerRevoke(program: Command, setExit: (code: number) => void): void {
  addRevocationTargets(
    program
      .command('revoke')
      .description('revoke one secret read from standard input (never from the command line); see docs/revocation.md')
      .requiredOption('--rule <id>', 'rule the secret belongs to: decides the issuer (e.g. github-classic-token)')
      .option('--issuer <name>', 'send it to this issuer from revoke.yaml instead of the rule\'s revoker')
      .option('--dry-run', 'print what would be sent where; send nothing, write nothing', false)
      .option('--yes', 'accepted for symmetry with scan --revoke --yes (revoke acts unless --dry-run)', false),
  )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .allowExcessArguments(true)
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      if (cmd.args.length > 0) {
        // never echo it: it is probably the secret
        throw new UsageError(
          'revoke takes no arguments: the secret is read from standard input only, because the command line leaks into shell history and process lists (rotate a secret you typed there)',
        );
      }
      const { buildRuleSet } = await import('../../rules/rule-set.js');
      const { revokeFindings } = await import('../../revoke/index.js');
      const { isSecretPart } = await import('../../revoke/plan.js');
      const rules = buildRuleSet({ ruleFiles: (raw.rules as string[]) ?? [] }).rules;
      const id = String(raw.rule);
      const rule = rules.find((r) => r.id === id);
      if (!rule) {
        const able = rules.filter((r) => trustedRevoker(r)).map((r) => r.id);
        throw new UsageError(`unknown rule "${id}"${able.length ? ` (rules with an issuer: ${able.join(', ')})` : ''}`);
      }
      if (isSecretPart(rule) && !raw.issuer) {
        const key = rules.find((r) => r.pair?.id === rule.pair!.id && !isSecretPart(r));
        throw new UsageError(
          `"${id}" is the ${rule.pair!.part} of a two-part credential: keys are revoked by the key${key ? ` — use --rule ${key.id} and pipe the key (and, for Bybit, its secret on the next line)` : ''}`,
        );
      }
      const text = await readStdin();
      const findings = await findingsFromInput(text, rule, rules);
      const run = await revokeFindings(
        findings,
        rules,
        {
          yes: !raw.dryRun,
          revokeConfig: raw.revokeConfig as string | undefined,
          auditLog: raw.auditLog as string | undefined,
          revokeState: raw.revokeState as string | undefined,
          githubApiUrl: raw.githubApiUrl as string | undefined,
          forceIssuer: raw.issuer as string | undefined,
          format: raw.format as 'text' | 'json',
        },
        {
          out: (t) => process.stdout.write(t),
          warn: (w) => process.stderr.write(`keyhound: warning: ${w}\n`),
          version: toolVersion(),
        },
      );
      const plan = run.plan!;
      if (plan.items.length === 0 && plan.skipped.length === 0) {
        process.stderr.write(`keyhound: rule "${id}" names no issuer and no revoke.yaml route claims it: use --issuer NAME\n`);
        setExit(1);
        return;
      }
      const bad = run.results.some((r) => r.outcome === 'failed' || (r.outcome === 'skipped' && r.skip !== 'state'));
      setExit(bad ? 1 : 0);
    });
}
