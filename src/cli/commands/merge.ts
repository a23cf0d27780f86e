import { Option, type Command } from 'commander';
import { REPORT_FORMATS } from '../../report/types.js';
import { EXIT, UsageError } from '../../core/errors.js';
import type { FailOn, Format, ReportOptions } from '../options.js';

export function registerMerge(program: Command, setExit: (code: number) => void): void {
  program
    .command('merge')
    .description('combine the JSON reports of `keyhound github` shards (files, or folders searched for them) into one report')
    .argument('<dir...>', 'report files or folders holding them (such as downloaded artifacts)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding is at or above this level')
        .choices(['error', 'warning', 'note', 'never'])
        .default('warning'),
    )
    .option('--show-secrets', 'print secrets that the shard reports carry (only those scanned with --show-secrets do)', false)
    .option('-q, --quiet', 'no summary on standard error', false)
    .option('--no-color', 'no colours in text output (NO_COLOR is honoured too)')
    .addHelpText('after', '\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 some repository failed in a shard.\n')
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      const [{ findOrgReports, mergeOrgReports }, { buildRuleSet }, { writeReport }] = await Promise.all([
        import('../../report/merge.js'),
        import('../../rules/rule-set.js'),
        import('../output.js'),
      ]);
      const quiet = !!raw.quiet;
      const found = findOrgReports(paths, (m) => process.stderr.write(`keyhound: warning: ${m}\n`));
      if (found.length === 0) throw new UsageError(`no keyhound github JSON reports found in ${paths.join(', ')}`);
      const merged = mergeOrgReports(found);
      const opts: ReportOptions = {
        format: raw.format as Format,
        output: raw.output as string | undefined,
        failOn: raw.failOn as FailOn,
        showSecrets: !!raw.showSecrets,
        quiet,
        color: raw.color === false ? false : undefined,
        maxFileSize: 0,
        rules: [],
        revoke: false,
        yes: false,
      };
      if (!quiet) {
        const n = (s: string) => merged.repositories.filter((r) => r.status === s).length;
        process.stderr.write(
          `keyhound: merged ${found.length} report(s): ${n('scanned')} repositories scanned, ${n('failed')} failed, ${n('skipped')} skipped\n`,
        );
      }
      // rule metadata (titles, help, severities) for SARIF comes from the built-in rules; others from the findings
      const scanned = { root: '', ruleSet: buildRuleSet(), settings: { failOn: opts.failOn } };
      let code = await writeReport({ findings: merged.findings, stats: merged.stats, repositories: merged.repositories }, scanned, opts);
      if (code === EXIT.clean && merged.repositories.some((r) => r.status === 'failed')) code = EXIT.partial;
      setExit(code);
    });
}
