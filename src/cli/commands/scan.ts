import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Source } from '../../sources/types.js';
import { addReportOptions, reportOptions, scanRequest } from '../options.js';

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
      const [{ openScanSession }, { FilesystemSource, StdinSource }, { finishScan, progressReporter }] = await Promise.all([
        import('../../session/scan-session.js'),
        import('../../sources/filesystem.js'),
        import('../output.js'),
      ]);
      const opts = reportOptions(raw);
      const list = paths.length > 0 ? paths : ['.'];
      const root = rootOf(list);
      const session = openScanSession(scanRequest(root, opts, raw, cmd));
      const { maxFileSize, isExcluded } = session.settings;
      const sources: Source[] = [];
      const files = list.filter((p) => p !== '-');
      if (list.includes('-')) sources.push(new StdinSource(maxFileSize));
      if (files.length > 0) {
        sources.push(
          new FilesystemSource({ paths: files, root, gitignore: raw.gitignore !== false, followSymlinks: !!raw.followSymlinks, maxFileSize, isExcluded }),
        );
      }
      const progress = progressReporter(opts);
      const result = await session.run(sources, { onProgress: progress.update });
      progress.done();
      setExit(await finishScan(result, session, opts));
    });
}

/** Findings are relative to the one folder scanned, or to the working directory otherwise. */
function rootOf(paths: string[]): string {
  const files = paths.filter((p) => p !== '-');
  if (files.length === 1 && statSync(files[0]!, { throwIfNoEntry: false })?.isDirectory()) return resolve(files[0]!);
  return process.cwd();
}
