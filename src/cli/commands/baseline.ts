// keyhound baseline prune: drop baseline entries no longer found.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { collect } from '../options.js';


export const DEFAULT_BASELINE = '.keyhound-baseline.json';

export function registerBaseline(program: Command, setExit: (code: number) => void): void {
  const baseline = program.command('baseline').description('maintain baseline files (see scan --write-baseline / --baseline)');
  baseline
    .command('prune')
    .description('scan, then drop baseline entries whose secret is no longer found (hints move to where it is now)')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('-b, --baseline <file>', 'baseline file to prune', DEFAULT_BASELINE)
    .option('-c, --config <file>', 'configuration file (default: .keyhound.yaml at the scan root)')
    .option('--rules <path>', 'extra rule file or folder (repeatable)', collect, [] as string[])
    .option('--no-gitignore', 'also scan files that .gitignore excludes')
    .option('--dry-run', 'print what would be dropped, write nothing', false)
    .option('-q, --quiet', 'print nothing', false)
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      const [{ openScanSession }, { Baseline }, { FilesystemSource }] = await Promise.all([
        import('../../session/scan-session.js'),
        import('../../suppress/index.js'),
        import('../../sources/filesystem.js'),
      ]);
      const file = raw.baseline as string;
      const current = Baseline.read(file);
      const list = paths.length > 0 ? paths : ['.'];
      const root = list.length === 1 ? resolve(list[0]!) : process.cwd();
      // no baseline in the session: findings other suppression covers need no baseline entry
      const session = openScanSession({ root, config: raw.config as string | undefined, rules: raw.rules as string[] });
      const { maxFileSize, isExcluded } = session.settings;
      const source = new FilesystemSource({ paths: list, root, gitignore: raw.gitignore !== false, followSymlinks: false, maxFileSize, isExcluded });
      const { findings: remaining } = await session.run([source]);
      const { baseline: pruned, dropped } = current.pruned(remaining);
      if (!raw.dryRun) pruned.write(file);
      if (!raw.quiet) {
        const verb = raw.dryRun ? 'would drop' : 'dropped';
        process.stdout.write(
          `${file}: kept ${pruned.entries.length} of ${current.entries.length} entries, ${verb} ${dropped} no longer found\n`,
        );
      }
      setExit(0);
    });
}
