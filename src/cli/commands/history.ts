// `keyhound history`: which commits to walk (--range, --branch, --since), then one history scan through the session.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { addReportOptions, collect, reportOptions, scanRequest } from '../options.js';


export function registerHistory(program: Command, setExit: (code: number) => void): void {
  addReportOptions(
    program
      .command('history')
      .alias('git')
      .description(
        'scan git history: every blob reachable from all refs, read once, reported with the commit that introduced it ' +
          'and how long it was exposed',
      )
      .argument('[repo]', 'repository folder', '.'),
    {
      revoke: true,
      writeBaseline: true,
      examples: [
        'keyhound history                              # every commit reachable from any ref',
        'keyhound history --branch main --since 2024-01-01',
        'keyhound history --range origin/main..HEAD    # only what these commits added',
        'keyhound history --format sarif -o keyhound.sarif',
      ],
    },
  )
    .option('--branch <ref>', 'only commits reachable from this ref (repeatable)', collect)
    .option('--range <base..head>', 'only the lines the commits in this range added (pull requests, pushes)')
    .option('--since <date>', 'only commits after this date (any date git understands: 2024-01-31, "6 months ago")')
    .action(async (repoPath: string, raw: Record<string, unknown>, cmd: Command) => {
      const opts = reportOptions(raw, cmd);
      const branches = (raw.branch as string[] | undefined) ?? [];
      const range = raw.range as string | undefined;
      if (range !== undefined && branches.length > 0) throw new UsageError('--range and --branch cannot be combined');
      // the git modules load here, not when the program starts
      const [{ openRepo, resolveCommit }, { GitHistorySource }] = await Promise.all([
        import('../../sources/git-repo.js'),
        import('../../sources/git-history.js'),
      ]);
      // the scanning modules load while git answers the repository questions
      const scanning = Promise.all([import('../../session/scan-session.js'), import('../output.js')]);
      scanning.catch(() => undefined);
      const repo = await openRepo(repoPath);
      let revs: string[] = ['--all'];
      let tip = repo.head;
      let addedOnly = false;
      if (range !== undefined) {
        const r = parseRange(range);
        const base = await resolveCommit(repo, r.base);
        if (!base) throw new UsageError(missingBase(r.base, repo.shallowCommits > 0));
        const head = await resolveCommit(repo, r.head);
        if (!head) throw new UsageError(`range head ${r.head} is not a commit in this clone`);
        // BASE...HEAD means what `git diff BASE...HEAD` shows: the commits since the merge base
        let from = base;
        if (r.dots === '...') {
          const { runGit } = await import('../../sources/git-process.js');
          const mb = await runGit(['merge-base', base, head], { cwd: repo.root, timeoutMs: 120_000 });
          from = mb.stdout.toString().trim().split('\n')[0] ?? '';
          if (mb.code !== 0 || !from) throw new UsageError(`${r.base} and ${r.head} have no common ancestor in this clone (fetch more history: fetch-depth: 0)`);
        }
        revs = [`${from}..${head}`];
        tip = head;
        addedOnly = true;
      } else if (branches.length > 0) {
        revs = [];
        for (const b of branches) {
          const sha = await resolveCommit(repo, b);
          if (!sha) throw new UsageError(`unknown branch or ref: ${b}`);
          revs.push(sha);
        }
      }
      const [{ openScanSession }, { finishScan, progressReporter }] = await scanning;
      // config (.keyhound.yaml at the repository root, or --config), exclusions and suppression
      const session = openScanSession(scanRequest(repo.root, opts, raw, cmd));
      const { maxFileSize, isExcluded } = session.settings;
      const source = new GitHistorySource({ repo, revs, since: raw.since as string | undefined, addedOnly, tip, maxFileSize, isExcluded });
      const progress = progressReporter(opts);
      // git cat-file, git log and this thread (which parses them and feeds the scanner) keep about one
      // CPU busy during a history scan: scanning threads get the rest. On 2 CPUs that is this thread
      // alone, which beats 2 workers there (no worker start-up, no transfers; 1.65 s vs 1.9 s, less memory)
      const result = await session.runHistory(source, { onProgress: progress.update, threads: Math.max(1, Math.min(availableParallelism() - 1, 8)) });
      progress.done();
      if (result.stats.commits === 0 && range === undefined && !raw.since) {
        result.stats.warnings.push(repo.head ? 'no commits to scan' : 'the repository has no commits yet: nothing to scan');
      }
      const refs = range !== undefined ? [range] : branches.length ? branches : ['--all'];
      setExit(await finishScan(result, session, opts, { command: 'history', refs, repositoryUrl: await originWebUrl(repo.root) }));
    });
}

export interface ParsedRange {
  base: string;
  head: string;
  dots: '..' | '...';
}

/** `BASE..HEAD` or `BASE...HEAD` (from their merge base); an empty side means HEAD. */
export function parseRange(text: string): ParsedRange {
  const m = /^(.*?)(\.\.\.?)(.*)$/.exec(text.trim());
  if (!m) throw new UsageError(`--range needs BASE..HEAD (got "${text}")`);
  const base = m[1] || 'HEAD';
  const head = m[3] || 'HEAD';
  if (/^0+$/.test(base)) {
    throw new UsageError(
      `range base ${base} is the null commit (a push that created a branch): scan the branch with ` +
        '`keyhound history --branch <ref>` or use the default branch as the base',
    );
  }
  return { base, head, dots: m[2] as '..' | '...' };
}

function missingBase(base: string, shallow: boolean): string {
  return (
    `range base ${base} is not in this clone${shallow ? ' (it is a shallow clone)' : ''}: ` +
    'fetch more history — with actions/checkout set `fetch-depth: 0` (or fetch the base: ' +
    `\`git fetch --deepen=50\` / \`git fetch origin ${base}\` / \`git fetch --unshallow\`)`
  );
}

/** The origin remote's web address (links in HTML and incident reports), when it is a plain https/ssh remote. */
async function originWebUrl(root: string): Promise<string | undefined> {
  const [{ runGit }, { webUrlOfRemote }] = await Promise.all([import('../../sources/git-process.js'), import('../../report/html-page.js')]);
  try {
    const r = await runGit(['config', '--get', 'remote.origin.url'], { cwd: root, timeoutMs: 10_000 });
    return r.code === 0 ? webUrlOfRemote(r.stdout.toString()) : undefined;
  } catch {
    return undefined;
  }
}
