// `keyhound scan`: files, folders and standard input through the scan session.
import { lstatSync, statSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Source } from '../../sources/types.js';
import { addReportOptions, reportOptions, scanRequest } from '../options.js';

export function registerScan(program: Command, setExit: (code: number) => void): void {
  addReportOptions(
    program
      .command('scan')
      .alias('dir')
      .description('scan files and folders (default: the current folder); "-" reads standard input')
      .argument('[paths...]', 'files or folders to scan (default: the current folder)'),
    {
      revoke: true,
      writeBaseline: true,
      examples: [
        'keyhound scan                                 # the current folder',
        'keyhound scan src config .env                 # files and folders',
        'cat deploy.log | keyhound scan -              # standard input',
        'keyhound scan . --format sarif -o keyhound.sarif',
        'keyhound scan . --write-baseline .keyhound-baseline.json',
      ],
    },
  )
    .optionsGroup('Files:')
    .option('--no-gitignore', 'also scan files that .gitignore excludes')
    .option('--no-ignored-secret-files', 'skip git-ignored files named like secrets (.env, *.pem, id_rsa …) too; by default they are scanned')
    .option('--follow-symlinks', 'follow symbolic links (default: skipped)')
    .action(async (paths: string[], raw: Record<string, unknown>, cmd: Command) => {
      // loaded here, not at start-up: `keyhound staged` and `--help` must not pay for the walk and workers
      const [{ openScanSession }, { FilesystemSource, StdinSource }, { finishScan, progressReporter }] = await Promise.all([
        import('../../session/scan-session.js'),
        import('../../sources/filesystem.js'),
        import('../output.js'),
      ]);
      const opts = reportOptions(raw, cmd);
      const list = paths.length > 0 ? paths : ['.'];
      // a path that does not exist is a usage error, not an empty scan
      const missing = list.filter((p) => p !== '-' && !lstatSync(p, { throwIfNoEntry: false }));
      if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
      const root = rootOf(list);
      const session = openScanSession(scanRequest(root, opts, raw, cmd));
      const { maxFileSize, isExcluded } = session.settings;
      const sources: Source[] = [];
      const files = list.filter((p) => p !== '-');
      if (list.includes('-')) sources.push(new StdinSource(maxFileSize));
      if (files.length > 0) {
        sources.push(
          new FilesystemSource({ paths: files, root, gitignore: raw.gitignore !== false, ignoredSecretFiles: raw.ignoredSecretFiles !== false, followSymlinks: !!raw.followSymlinks, maxFileSize, isExcluded }),
        );
      }
      const progress = progressReporter(opts);
      const result = await session.run(sources, { onProgress: progress.update });
      progress.done();
      setExit(await finishScan(result, session, opts, { command: 'scan' }));
    });
}

/** Findings are relative to the one folder scanned, or to the working directory otherwise. */
function rootOf(paths: string[]): string {
  const files = paths.filter((p) => p !== '-');
  if (files.length === 1 && statSync(files[0]!, { throwIfNoEntry: false })?.isDirectory()) return resolve(files[0]!);
  return process.cwd();
}
