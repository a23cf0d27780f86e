// npm run bench:staged: median wall time of `keyhound staged` with 3 staged files in a 10,000-file
// repository (target ≤ 150 ms), next to node's and git's own start-up, and where the time goes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expandExample } from '../src/rules/example-values.js';
import { cliPath, collectFiles, median, timed } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));
const checkout = resolve(here, '../..');
const dist = join(checkout, 'dist');
const cli = cliPath(checkout);
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const repo = join(checkout, 'bench/.data', `staged-${FILES}`);
const TEXT = /\.(js|mjs|cjs|ts|json|md|txt|yml|yaml|css|html)$/;

const env: NodeJS.ProcessEnv = {};
for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
Object.assign(env, {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.test',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.test',
  LC_ALL: 'C',
});

const git = (args: string[], input?: Buffer) => {
  const r = spawnSync('git', args, { cwd: repo, env, input, maxBuffer: 1 << 30, encoding: 'buffer' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout.toString();
};


function build(): void {
  if (existsSync(join(repo, '.git', 'bench-complete'))) return;
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  git(['init', '-q', '-b', 'main']);
  const sources = collectFiles(join(checkout, 'node_modules'), (name, size, path) => TEXT.test(name) && size < 100_000 && /^[\w./@+-]+$/.test(path));
  const parts: Buffer[] = [Buffer.from('commit refs/heads/main\ncommitter Bench <bench@example.test> 1700000000 +0000\ndata 5\nbench\n')];
  for (let i = 0; i < FILES; i++) {
    const src = sources[i % sources.length]!;
    const data = readFileSync(src);
    const path = `copy-${Math.floor(i / sources.length)}/${relative(join(checkout, 'node_modules'), src)}`;
    parts.push(Buffer.from(`M 100644 inline ${path}\ndata ${data.length}\n`), data, Buffer.from('\n'));
  }
  parts.push(Buffer.from('\n'));
  git(['fast-import', '--quiet'], Buffer.concat(parts));
  git(['reset', '-q', '--hard', 'main']);
  writeFileSync(join(repo, '.git', 'bench-complete'), '');
}

/** Exactly 3 files staged: two edited (lines added mid-file), one new; `secret` plants a token in one. */
function stage(secret: boolean): void {
  git(['reset', '-q', '--hard', 'main']);
  git(['clean', '-qfd']);
  const files = git(['ls-files']).split('\n').filter((f) => f.endsWith('.js')).slice(100, 102);
  for (const f of files) {
    const lines = readFileSync(join(repo, f), 'utf8').split('\n');
    lines.splice(Math.floor(lines.length / 2), 0, '// a staged change', 'const retries = 3;');
    writeFileSync(join(repo, f), lines.join('\n'));
  }
  const token = expandExample('{{github:ghp}}', 'bench-staged');
  writeFileSync(join(repo, 'config.local.js'), `module.exports = { region: 'eu', retries: 3${secret ? `, token: '${token}'` : ''} };\n`);
  git(['add', '--', ...files, 'config.local.js']);
}

/** Median wall and CPU time of `RUNS` runs after one warm-up (page cache); CPU counts git children too. */
async function series(cmd: string, args: string[]): Promise<{ median: number; p90: number; min: number; cpu: number; code: number | null; out: string }> {
  const ms: number[] = [];
  const cpu: number[] = [];
  let last = { code: null as number | null, out: '' };
  await timed(cmd, args, { cwd: repo, env }); // warm the page cache
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(cmd, args, { cwd: repo, env, keep: true });
    ms.push(r.ms);
    cpu.push(r.cpuMs);
    last = r;
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, p90: ms[Math.floor(ms.length * 0.9)]!, min: ms[0]!, cpu: median(cpu), ...last };
}

/** In a fresh process: how long each step of the staged path takes (imports, git, config and rules, scan). */
async function breakdown(): Promise<void> {
  const t = () => Number(process.hrtime.bigint()) / 1e6;
  const steps: [string, number][] = [];
  let last = t();
  const mark = (name: string) => {
    const now = t();
    steps.push([name, now - last]);
    last = now;
  };
  const imp = (p: string) => import(pathToFileURL(join(dist, p)).href);
  await imp('src/cli/program.js');
  mark('import the CLI (program.js and every command module it loads statically)');
  const staged = await imp('src/sources/git-staged.js');
  mark('import git-staged');
  const root = await staged.worktreeRoot(repo);
  const entries = await staged.stagedEntries(root);
  mark(`git rev-parse + git diff --cached (${entries.length} entries)`);
  const { openScanSession } = await imp('src/session/scan-session.js');
  mark('import the scan session (config, pipeline, worker pool)');
  const session = openScanSession({ root });
  mark(`load config and rules (${session.ruleSet.rules.length} rules)`);
  const source = new staged.GitStagedSource({ root, maxFileSize: session.settings.maxFileSize, entries });
  const result = await session.run([source]);
  mark(`build the engine, cat-file, line diff and scan (${result.stats.files} files, ${result.findings.length} findings)`);
  for (const [name, ms] of steps) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
}

if (process.argv[2] === '--breakdown') {
  await breakdown();
} else {
  const t0 = Date.now();
  build();
  console.log(`repository: ${FILES} files of real text at ${relative(checkout, repo)}${Date.now() - t0 > 2000 ? ` (built in ${((Date.now() - t0) / 1000).toFixed(1)} s)` : ''}`);
  const fmt = (s: { median: number; p90: number; min: number; cpu: number }) =>
    `median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, p90 ${s.p90.toFixed(0)}), CPU ${s.cpu.toFixed(0)} ms`;
  const node = await series(process.execPath, ['-e', '0']);
  const gitDiff = await series('git', ['diff', '--cached', '--raw', '-z', '--no-abbrev']);
  const help = await series(process.execPath, [cli, '--version']);
  stage(false);
  const clean = await series(process.execPath, [cli, 'staged']);
  // the same command from the module build (dist/src), the start-up path before bundling
  const modules = await series(process.execPath, [join(dist, 'src/cli/main.js'), 'staged']);
  if (clean.code !== 0) throw new Error(`keyhound staged exited ${clean.code}: ${clean.out}`);
  stage(true);
  const blocked = await series(process.execPath, [cli, 'staged']);
  git(['reset', '-q']);
  const nothing = await series(process.execPath, [cli, 'staged']);
  console.log(`node -e 0:                        ${fmt(node)}`);
  console.log(`git diff --cached --raw:          ${fmt(gitDiff)}`);
  console.log(`keyhound --version:               ${fmt(help)}`);
  console.log(`keyhound staged, nothing staged:  ${fmt(nothing)}`);
  console.log(`keyhound staged, 3 files, clean:  ${fmt(clean)}  (target ≤ 150 ms)`);
  console.log(`keyhound staged, 3 files, secret: ${fmt(blocked)}  exit ${blocked.code}`);
  console.log(`  the same, module build (dist/src): ${fmt(modules)}`);
  console.log(`keyhound staged, 3 clean files, beyond node's own start-up: ${(clean.median - node.median).toFixed(0)} ms wall, ${(clean.cpu - node.cpu).toFixed(0)} ms CPU`);
  stage(false);
  console.log('where the time goes (one fresh process, 3 clean files staged):');
  const b = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--breakdown'], { cwd: repo, env, encoding: 'utf8' });
  process.stdout.write(b.stdout + b.stderr);
  git(['reset', '-q', '--hard', 'main']);
}
