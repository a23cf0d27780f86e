import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Source } from '../../sources/types.js';
import { addReportOptions, reportOptions } from '../options.js';
import { finish, progressReporter } from '../output.js';

export function registerScan(program: Command, setExit: (code: number) => void): void {
  addReportOptions(
    program
      .command('scan')
      .description('scan files and folders (default: the current folder); "-" reads standard input')
      .argument('[paths...]', 'files or folders to scan', ['.']),
  )
    .option('--no-gitignore', 'also scan files that .gitignore excludes')
    .option('--follow-symlinks', 'follow symbolic links (default: skipped)', false)
    .action(async (paths: string[], raw: Record<string, unknown>, cmd: Command) => {
      // loaded here, not at start-up: `keyhound staged` and `--help` must not pay for the walk and workers
      const [{ runScan }, { AdaptiveScanner }, { finishSuppression, prepareScan }, { FilesystemSource, StdinSource }] = await Promise.all([
        import('../../pipeline/scan.js'),
        import('../../pipeline/worker-pool.js'),
        import('../../config/cli.js'),
        import('../../sources/filesystem.js'),
      ]);
      const opts = reportOptions(raw);
      const list = paths.length > 0 ? paths : ['.'];
      const root = rootOf(list);
      // config (.keyhound.yaml / --config), its defaults under the command line, and suppression
      const setup = prepareScan(root, opts, raw, cmd);
      opts.failOn = setup.failOn;
      opts.maxFileSize = setup.maxFileSize;
      const sources: Source[] = [];
      const files = list.filter((p) => p !== '-');
      if (list.includes('-')) sources.push(new StdinSource(opts.maxFileSize));
      if (files.length > 0) {
        sources.push(
          new FilesystemSource({
            paths: files,
            root,
            gitignore: raw.gitignore !== false,
            followSymlinks: !!raw.followSymlinks,
            maxFileSize: opts.maxFileSize,
            isExcluded: setup.isExcluded,
          }),
        );
      }
      const ruleSet = setup.ruleSet;
      const scanner = new AdaptiveScanner(ruleSet, opts.maxFileSize);
      const progress = progressReporter(opts);
      try {
        const result = await runScan(sources, scanner, { onProgress: progress.update, inflight: scanner.inflight });
        progress.done();
        finishSuppression(result, setup, opts.quiet);
        setExit(await finish(result, ruleSet.rules, opts, root));
      } finally {
        await scanner.close();
      }
    });
}

/** Findings are relative to the one folder scanned, or to the working directory otherwise. */
function rootOf(paths: string[]): string {
  const files = paths.filter((p) => p !== '-');
  if (files.length === 1 && statSync(files[0]!, { throwIfNoEntry: false })?.isDirectory()) return resolve(files[0]!);
  return process.cwd();
}
