// `keyhound install-hook`: writes the git pre-commit hook that runs `keyhound staged`.
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { readTextIfExists, writeFileSafe } from '../../util/safe-fs.js';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';

/** First lines of every hook keyhound writes: how it recognises its own. */
export const HOOK_MARKER = '# keyhound-hook: written by `keyhound install-hook`';
const BACKUP_SUFFIX = '.keyhound-backup';

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The hook script: the project's keyhound, else the one on PATH, else the one that installed it (the running CLI). */
export function hookScript(node = process.execPath, main = process.argv[1] ?? fileURLToPath(new URL('../main.js', import.meta.url))): string {
  return `#!/bin/sh
${HOOK_MARKER}; remove it with \`keyhound install-hook --uninstall\`.
# Scans what is staged for this commit; a secret blocks it (bypass once: git commit --no-verify).
if [ -x ./node_modules/.bin/keyhound ]; then
  exec ./node_modules/.bin/keyhound staged
elif command -v keyhound >/dev/null 2>&1; then
  exec keyhound staged
elif [ -f ${shQuote(main)} ] && [ -x ${shQuote(node)} ]; then
  exec ${shQuote(node)} ${shQuote(main)} staged
else
  echo "keyhound pre-commit hook: keyhound is not installed (npm install --save-dev keyhound)," >&2
  echo "or remove the hook: keyhound install-hook --uninstall" >&2
  exit 1
fi
`;
}

export function registerInstallHook(program: Command, setExit: (code: number) => void): void {
  program
    .command('install-hook')
    .description('write a git pre-commit hook that runs `keyhound staged` (honours core.hooksPath)')
    .option('--force', 'replace (or with --uninstall remove) a pre-commit hook keyhound did not write; the old one is kept as pre-commit.keyhound-backup', false)
    .option('--uninstall', 'remove the hook keyhound wrote (and restore a hook it replaced)', false)
    .action(async (raw: { force: boolean; uninstall: boolean }) => {
      const { runGit, firstLine } = await import('../../sources/git-process.js');
      const cwd = process.cwd();
      const r = await runGit(['rev-parse', '--git-path', 'hooks'], { cwd, timeoutMs: 30_000 });
      if (r.code !== 0) {
        if (/not a git repository/i.test(r.stderr)) throw new UsageError(`not a git repository: ${cwd}`);
        throw new UsageError(firstLine(r.stderr) || 'git rev-parse failed');
      }
      const out = r.stdout.toString('utf8').trim();
      const dir = isAbsolute(out) ? out : resolve(cwd, out);
      const hook = join(dir, 'pre-commit');
      const backup = hook + BACKUP_SUFFIX;
      const shown = relative(cwd, hook) || hook;
      let existing: string | null;
      try {
        // a regular file of bounded size only: a FIFO or a device planted as the hook must not hang us
        existing = readTextIfExists(hook, { maxBytes: 1024 * 1024, what: 'pre-commit hook' }) ?? null;
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const ours = existing !== null && existing.includes(HOOK_MARKER);

      if (raw.uninstall) {
        if (existing === null) {
          process.stdout.write(`keyhound: no pre-commit hook at ${shown}: nothing to remove\n`);
        } else if (!ours && !raw.force) {
          throw new UsageError(`${shown} was not written by keyhound: left in place (use --force to remove it anyway)`);
        } else {
          rmSync(hook);
          if (ours && existsSync(backup)) {
            renameSync(backup, hook);
            process.stdout.write(`keyhound: removed the keyhound hook and restored the previous ${shown}\n`);
          } else {
            process.stdout.write(`keyhound: removed ${shown}\n`);
          }
        }
        setExit(0);
        return;
      }

      if (existing !== null && !ours) {
        if (!raw.force) {
          throw new UsageError(
            `${shown} exists and was not written by keyhound: not replaced. Add \`keyhound staged\` to it yourself, ` +
              'or use --force to replace it (the old hook is kept as pre-commit.keyhound-backup)',
          );
        }
        renameSync(hook, backup);
      }
      // a fresh file renamed into place: never written through a link or into a special file
      writeFileSafe(hook, hookScript(), { mode: 0o755, mkdir: 0o755, replaceLink: true });
      chmodSync(hook, 0o755);
      process.stdout.write(`keyhound: ${ours ? 'updated' : 'installed'} pre-commit hook at ${shown}\n`);
      setExit(0);
    });
}
