// `keyhound merge`: one report from the JSON reports of `keyhound github` shards.
import type { Command } from 'commander';
import { EXIT, UsageError, type FailOn } from '../../core/errors.js';
import { addOutputOptions, type Format, type ReportOptions } from '../options.js';

export function registerMerge(program: Command, setExit: (code: number) => void): void {
  addOutputOptions(
    program
      .command('merge')
      .description('combine the JSON reports of `keyhound github` shards (files, or folders searched for them) into one report')
      .argument('<dir...>', 'report files or folders holding them (such as downloaded artifacts)'),
  )
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
        showNotes: !!raw.showNotes,
        minLevel: 'note',
        quiet,
        color: raw.color === false ? false : undefined,
        maxFileSize: 0,
        baseline: undefined,
        rules: [],
        revoke: false,
        yes: false,
        verify: false,
        rpc: [],
        onlyLive: false,
      };
      if (!quiet) {
        const n = (s: string) => merged.repositories.filter((r) => r.status === s).length;
        process.stderr.write(
          `keyhound: merged ${found.length} report(s): ${n('scanned')} repositories scanned, ${n('failed')} failed, ${n('skipped')} skipped\n`,
        );
      }
      // rule metadata (titles, help, severities) for SARIF comes from the built-in rules; others from the findings
      const scanned = { root: '', ruleSet: buildRuleSet(), settings: { failOn: opts.failOn } };
      let code = await writeReport({ findings: merged.findings, stats: merged.stats, repositories: merged.repositories }, scanned, opts, { command: 'merge' });
      if (code === EXIT.clean && merged.repositories.some((r) => r.status === 'failed')) code = EXIT.partial;
      setExit(code);
    });
}
