// `keyhound github`: scan an organisation's or user's repositories (mirrors, cache, shards, --output-dir).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { addReportOptions, collect, reportOptions, scanRequest } from '../options.js';


function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} needs a whole number of at least 1 (got "${text}")`);
  return n;
}

/** $XDG_CACHE_HOME/keyhound/github, else ~/.cache/keyhound/github. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'keyhound', 'github');
}

export function registerGithub(program: Command, setExit: (code: number) => void): void {
  addReportOptions(
    program
      .command('github')
      .description(
        'scan the git history of every repository of a GitHub organisation or user (GITHUB_TOKEN for private ones), ' +
          'incrementally, optionally one shard of a CI matrix',
      ),
  )
    .option('--org <org>', 'organisation whose repositories to scan')
    .option('--user <user>', 'user whose repositories to scan')
    .option('--repo <pattern>', 'only repositories whose name or owner/name matches this glob; !glob excludes (repeatable)', collect, [] as string[])
    .option('--include-forks', 'scan forks too', false)
    .option('--include-archived', 'scan archived repositories too', false)
    .option('--include-pull-requests', 'also scan pull-request heads (refs/pull/N/head: commits pushed to pull requests, from forks too)', false)
    .option('--shard <i/n>', 'scan shard I of N (stable hash of owner/name): N jobs together cover every repository once')
    .option('--output-dir <dir>', 'write this run\'s JSON, SARIF (and HTML) reports into this folder, named after the shard')
    .option('--cache-dir <dir>', 'bare clones and incremental state (default: $XDG_CACHE_HOME/keyhound/github)')
    .option('--concurrency <n>', 'repositories cloned or fetched at once', '4')
    .option('--plan', 'print the CI matrix ({"shard":["1/N",…]}) for the repositories to scan, and exit', false)
    .option('--repos-per-shard <n>', 'with --plan: repositories per shard', '25')
    .option('--max-shards <n>', 'with --plan: at most this many shards', '20')
    .option('--max-rate-limit-wait <seconds>', 'longest wait for a GitHub API rate-limit reset before giving up', '900')
    .option('--clone-timeout <seconds>', 'longest clone or fetch of one repository', '1800')
    .addHelpText(
      'after',
      '\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or fatal error (listing failed),\n' +
        '3 some repository could not be cloned or scanned (listed in the report; the others were scanned).\n',
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      const opts = reportOptions(raw);
      const org = raw.org as string | undefined;
      const user = raw.user as string | undefined;
      if ((org === undefined) === (user === undefined)) throw new UsageError('give exactly one of --org ORG or --user USER');
      const owner = (org ?? user)!;
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(owner)) throw new UsageError(`not a GitHub account name: "${owner}"`);
      const [{ GithubClient, GithubApiError, GITHUB_API_DEFAULT }, { parseShard, selectRepositories }, { toolVersion }] = await Promise.all([
        import('../../sources/github-repos.js'),
        import('../../sources/repo-selection.js'),
        import('../output.js'),
      ]);
      let shard;
      try {
        shard = raw.shard !== undefined ? parseShard(String(raw.shard)) : undefined;
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN || undefined;
      const apiUrl = (raw.githubApiUrl as string | undefined) ?? process.env.GITHUB_API_URL ?? GITHUB_API_DEFAULT;
      const say = (line: string) => {
        if (!opts.quiet) process.stderr.write(`keyhound: ${line}\n`);
      };
      let client;
      try {
        client = new GithubClient({
          apiUrl,
          token,
          version: toolVersion(),
          concurrency: positiveInt('--concurrency', String(raw.concurrency)),
          maxWaitMs: positiveInt('--max-rate-limit-wait', String(raw.maxRateLimitWait)) * 1000,
          onWait: (ms, why) => say(`GitHub API rate limit (${why}): waiting ${Math.ceil(ms / 1000)} s`),
        });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const target = org !== undefined ? { org } : { user: user! };
      const selection = {
        patterns: raw.repo as string[],
        includeForks: !!raw.includeForks,
        includeArchived: !!raw.includeArchived,
        shard,
      };
      try {
        if (raw.plan) {
          const listed = await client.listRepositories(target);
          const chosen = selectRepositories(listed, { ...selection, shard: undefined }).filter((s) => !s.skip);
          const per = positiveInt('--repos-per-shard', String(raw.reposPerShard));
          const n = Math.max(1, Math.min(positiveInt('--max-shards', String(raw.maxShards)), Math.ceil(chosen.length / per)));
          say(`${chosen.length} repositories to scan (${listed.length} listed) in ${n} shard(s)`);
          process.stdout.write(JSON.stringify({ shard: Array.from({ length: n }, (_, i) => `${i + 1}/${n}`) }) + '\n');
          setExit(EXIT.clean);
          return;
        }
        await scanAndReport({ raw, cmd, opts, client, target, selection, token, say, setExit });
      } catch (e) {
        // the listing failed, or another run holds the cache: nothing was scanned
        if (e instanceof GithubApiError || (e as Error).name === 'CacheBusyError') throw new UsageError((e as Error).message);
        throw e;
      }
    });
}

async function scanAndReport(a: {
  raw: Record<string, unknown>;
  cmd: Command;
  opts: ReturnType<typeof reportOptions>;
  client: import('../../sources/github-repos.js').GithubClient;
  target: import('../../sources/github-repos.js').GithubTarget;
  selection: import('../../sources/repo-selection.js').SelectionOptions;
  token?: string;
  say: (line: string) => void;
  setExit: (code: number) => void;
}): Promise<void> {
  const { raw, opts } = a;
  const [{ scanOrganisation }, { scanKeyOf }, { openScanSession }, { finishScan, toolVersion }, { availableParallelism }] =
    await Promise.all([
      import('../../session/org-scan.js'),
      import('../../session/org-state.js'),
      import('../../session/scan-session.js'),
      import('../output.js'),
      import('node:os'),
    ]);
  // configuration: --config, else .keyhound.yaml in the working folder (it applies to every repository)
  const session = openScanSession(scanRequest(process.cwd(), opts, raw, a.cmd));
  const { maxFileSize, isExcluded } = session.settings;
  const cacheDir = resolve((raw.cacheDir as string | undefined) ?? defaultCacheDir());
  const scanner = session.scanner(Math.max(1, Math.min(availableParallelism() - 1, 8)));
  try {
    const scanned = await scanOrganisation({
      client: a.client,
      target: a.target,
      selection: a.selection,
      cacheDir,
      token: a.token,
      scanner,
      maxFileSize,
      isExcluded,
      scanKey: scanKeyOf(toolVersion(), session.ruleSet.rules, { maxFileSize, exclude: session.settings.config.exclude }),
      concurrency: positiveInt('--concurrency', String(raw.concurrency)),
      cloneTimeoutMs: positiveInt('--clone-timeout', String(raw.cloneTimeout)) * 1000,
      pullRequests: !!raw.includePullRequests,
      log: a.say,
    });
    const t = scanned.timing;
    a.say(
      `${scanned.repositories.filter((r) => r.status === 'scanned').length} repositories scanned in ${(t.wallMs / 1000).toFixed(1)} s ` +
        `(${t.cloned} cloned, ${t.fetched} fetched, ${t.unchanged} unchanged; ${t.blobsScanned} blobs scanned; ` +
        `listing ${(t.listMs / 1000).toFixed(1)} s, clone/fetch ${(t.syncMs / 1000).toFixed(1)} s and scan ${(t.scanMs / 1000).toFixed(1)} s summed over repositories)`,
    );
    const result = { ...scanned, ...session.suppress(scanned) };
    if (raw.outputDir !== undefined) await writeOutputDir(String(raw.outputDir), result, session.ruleSet.rules, opts, a.selection.shard);
    // no single root: SARIF paths are owner/name/file, revocation records go to the working folder
    let code = await finishScan(result, { ...session, root: '' }, opts, { command: 'github' });
    if (code === EXIT.clean && result.repositories.some((r) => r.status === 'failed')) code = EXIT.partial;
    a.setExit(code);
  } finally {
    await scanner.close();
  }
}

/** keyhound[-shard-I-of-N].json / .sarif / .html: unique per shard, so artifacts can share one folder. */
async function writeOutputDir(
  dir: string,
  result: import('../../session/org-scan.js').OrgScanResult,
  rules: import('../../core/rule.js').RuleSpec[],
  opts: ReturnType<typeof reportOptions>,
  shard?: { index: number; count: number },
): Promise<void> {
  const [{ render, OUTPUT_DIR_FORMATS }, { toolVersion, INFORMATION_URI }, { writeFileNoFollow }, { mkdirSync }] = await Promise.all([
    import('../../report/index.js'),
    import('../output.js'),
    import('../../util/safe-write.js'),
    import('node:fs'),
  ]);
  mkdirSync(dir, { recursive: true });
  const base = shard ? `keyhound-shard-${shard.index}-of-${shard.count}` : 'keyhound';
  const input = {
    findings: result.findings,
    repositories: result.repositories,
    rules,
    stats: result.stats,
    tool: { name: 'keyhound' as const, version: toolVersion(), informationUri: INFORMATION_URI },
    showSecrets: opts.showSecrets,
  };
  for (const f of OUTPUT_DIR_FORMATS) {
    const text = render(f, input, { color: false });
    writeFileNoFollow(join(dir, `${base}.${f}`), text.endsWith('\n') ? text : text + '\n', 0o644);
  }
}
