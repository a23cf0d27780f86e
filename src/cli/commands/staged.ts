// `keyhound staged`: the pre-commit scan of the index, and its short report for a blocked commit.
import { realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Command } from 'commander';
import type { Finding } from '../../core/finding.js';
import type { StagedEntry } from '../../sources/git-staged.js';
import { addReportOptions, reportOptions, scanRequest, type ReportOptions } from '../options.js';

// The pre-commit path: nothing heavy loads before we know something is staged, and rules load only
// when there are staged bytes to scan.

export function registerStaged(program: Command, setExit: (code: number) => void): void {
  addReportOptions(
    program
      .command('staged')
      .description(
        'scan what is staged for the next commit (the index, not the working files) and report only the lines it adds; ' +
          'exit 1 blocks the commit (for pre-commit hooks)',
      ),
    {
      revoke: false,
      writeBaseline: false,
      examples: ['keyhound staged                      # in a pre-commit hook', 'keyhound staged --fail-on error     # block only on errors', 'keyhound staged --format json -q'],
    },
  ).action(async (raw: Record<string, unknown>, cmd: Command) => {
    const opts = reportOptions(raw, cmd);
    const { GitStagedSource, StagedReaders, stagedEntries, worktreeRoot } = await import('../../sources/git-staged.js');
    // the three git processes at once (diff --cached paths are relative to the top whatever the current
    // folder; cat-file reads from any folder inside it); while git starts and answers, the engine,
    // config and rule modules load on this thread
    const listing = stagedEntries(process.cwd());
    const top = worktreeRoot(process.cwd());
    const readers = new StagedReaders(process.cwd());
    const modules = Promise.all([import('../../session/scan-session.js'), import('../output.js')]);
    for (const p of [listing, top, modules]) p.catch(() => undefined);
    try {
      const root = await top;
      const entries: StagedEntry[] = await listing;
      if (entries.length === 0 && opts.format === 'text' && !opts.output && !raw.writeBaseline) {
        // nothing staged: no config, no rules, nothing to say
        setExit(0);
        return;
      }
      const [{ openScanSession }, output] = await modules;
      // config (.keyhound.yaml at the work tree top, or --config), exclusions and suppression
      const session = openScanSession(scanRequest(root, opts, raw, cmd));
      const { maxFileSize, isExcluded } = session.settings;
      const result = await session.run([new GitStagedSource({ root, maxFileSize, isExcluded, entries, readers })]);
      if (opts.format !== 'text') {
        setExit(await output.finishScan(result, session, opts, { command: 'staged' }));
        return;
      }
      output.noteSuppression(result, opts);
      const code = output.exitCodeFor(result.findings, session.settings.failOn);
      const text = shortReport(result.findings, opts, code);
      if (opts.output) {
        output.writeOutputFile(opts.output, text);
      } else if (text) {
        process.stdout.write(text);
      }
      if (!opts.quiet) for (const w of result.stats.warnings) process.stderr.write(`keyhound: warning: ${w}\n`);
      setExit(code);
    } finally {
      readers.kill();
    }
  });
}

const SEVERITY_MARK: Record<string, string> = { error: 'error', warning: 'warning', note: 'note' };

/**
 * Pre-commit output: one line per finding (file:line, rule, redacted secret) and how to get past it.
 * Nothing at all when nothing was found.
 */
/**
 * How to run this keyhound where the hook runs: `keyhound` when that name on PATH is this program,
 * else node with this script's path (pre-commit's own copy is not on PATH).
 */
export function selfCommand(argv1: string | undefined = process.argv[1], path: string = process.env.PATH ?? ''): string {
  if (!argv1) return 'keyhound';
  const self = realOrSame(argv1);
  for (const dir of path.split(delimiter)) {
    if (dir && realOrSame(join(dir, 'keyhound')) === self) return 'keyhound';
  }
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `node ${quote(self)}`;
}

function realOrSame(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export function shortReport(findings: Finding[], opts: Pick<ReportOptions, 'showSecrets'>, code: number): string {
  const shown = findings.filter((f) => !(f as { suppressed?: unknown }).suppressed);
  if (shown.length === 0) return '';
  const secrets = new Set(shown.map((f) => f.secret).filter((s) => s.length >= 6));
  const scrub = (s: string) => {
    if (opts.showSecrets) return s;
    let out = s;
    for (const v of secrets) if (out.includes(v)) out = out.split(v).join('…');
    return out;
  };
  const n = shown.length;
  const lines = [
    `keyhound: ${n} possible secret${n === 1 ? '' : 's'} in staged changes${code === 1 ? ' — commit blocked' : ''}`,
  ];
  const width = Math.max(...shown.map((f) => `${f.file}:${f.line}`.length));
  for (const f of shown) {
    const where = scrub(`${f.file}:${f.line}`).padEnd(width);
    const value = opts.showSecrets ? f.secret : f.redacted;
    lines.push(`  ${where}  ${f.ruleId}  ${value}  (${SEVERITY_MARK[f.severity] ?? f.severity}${f.knownPublic ? ', known public value' : ''})`);
  }
  lines.push(
    '',
    'Remove the value from the staged file (edit it, then git add) and rotate it if it was ever pushed.',
    'A false positive? Add a comment containing keyhound:allow on that line.',
    'Accept what exists today (from the repository root):',
    `  ${selfCommand()} scan --write-baseline .keyhound-baseline.json`,
    '  then add `baseline: .keyhound-baseline.json` to .keyhound.yaml (this hook reads it).',
  );
  return lines.join('\n') + '\n';
}
