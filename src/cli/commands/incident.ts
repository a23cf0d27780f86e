// `keyhound incident`: an incident report (Markdown or HTML) from a JSON report and the revocation audit log.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';

/** Reports and audit logs larger than this are refused (a JSON report of 25,000 findings is ~30 MB). */
const MAX_INPUT = 512 * 1024 * 1024;

function readRegular(path: string, what: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`${what} ${path} does not exist`);
  if (!st.isFile()) throw new UsageError(`${what} ${path} is not a regular file`);
  if (st.size > MAX_INPUT) throw new UsageError(`${what} ${path} is larger than ${MAX_INPUT} bytes`);
  return readFileSync(path, 'utf8');
}

export function registerIncident(program: Command, setExit: (code: number) => void): void {
  program
    .command('incident')
    .description(
      'write an incident report from a JSON report (keyhound history --format json) and the revocation audit log: ' +
        'what leaked, where, since when, what was done and what remains, per credential',
    )
    .argument('<report>', 'JSON report written by keyhound scan, history or staged with --format json')
    .option('--audit-log <file>', 'revocation audit log, JSON lines (default: ~/.local/state/keyhound/audit.jsonl when it exists)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('-o, --output <file>', 'write the incident report to a file instead of standard output')
    .option('--show-secrets', 'print secrets in full when the JSON report holds them (it does only if written with --show-secrets)', false)
    .action(async (reportPath: string, raw: Record<string, unknown>) => {
      const [{ buildIncident, parseAuditLog, reportProblem }, { renderIncidentHtml, renderIncidentMarkdown }, { loadRuleDir }, { toolVersion }, { defaultRevokePaths }] =
        await Promise.all([
          import('../../report/incident.js'),
          import('../../report/incident-render.js'),
          import('../../rules/loader.js'),
          import('../output.js'),
          import('../../revoke/index.js'),
        ]);
      let doc: unknown;
      try {
        doc = JSON.parse(readRegular(reportPath, 'report'));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(`report ${reportPath} is not JSON: write it with --format json`);
      }
      const problem = reportProblem(doc);
      if (problem) throw new UsageError(`report ${reportPath}: ${problem}`);

      const explicit = raw.auditLog as string | undefined;
      const fallback = defaultRevokePaths().auditLog;
      const auditPath = explicit ?? (existsSync(fallback) ? fallback : undefined);
      const audit = auditPath ? { file: auditPath, ...parseAuditLog(readRegular(resolve(auditPath), 'audit log')) } : undefined;

      // remediation and revokers come from the built-in rules; a report from other rules still renders
      let rules: Map<string, { remediation?: string; revoker?: string }> = new Map();
      try {
        rules = new Map(loadRuleDir().rules.map((r) => [r.id, { remediation: r.remediation, revoker: r.revoker }]));
      } catch {
        /* generic steps only */
      }
      const showSecrets = !!raw.showSecrets;
      const incident = buildIncident({
        report: doc as Parameters<typeof buildIncident>[0]['report'],
        audit,
        showSecrets,
        rule: (id) => rules.get(id),
        version: toolVersion(),
      });
      const text = raw.format === 'html' ? renderIncidentHtml(incident, showSecrets) : renderIncidentMarkdown(incident, showSecrets);
      if (raw.output) writeFileSync(raw.output as string, text, { mode: 0o600 });
      else process.stdout.write(text);
      if (audit?.bad) process.stderr.write(`keyhound: warning: ${audit.bad} line(s) of ${audit.file} are not audit entries and were ignored\n`);
      setExit(EXIT.clean);
    });
}
