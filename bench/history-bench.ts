// npm run bench:history: keyhound history on a deterministic repository of real text (3,000 commits;
// BENCH_COMMITS=20000 for the scale check), next to the time git itself needs to read the same objects
// (cat-file --batch-all-objects --batch plus log --raw), in the same run, alternating, pair by pair.
// Targets: ≤ 2× git's own time, peak RSS ≤ 400 MB (≤ 500 MB at scale).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandExample } from '../src/rules/example-values.js';
import { benchGitEnv, cliPath, collectFiles, median, pairs, rng, seconds, spread, timed, type TimedRun } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));
const checkout = resolve(here, '../..');
const cli = cliPath(checkout);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 3000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const repo = join(checkout, 'bench/.data', `history-${COMMITS}`);
const TEXT = /\.(js|mjs|cjs|ts|mts|cts|json|md|txt|yml|yaml|css|html)$/;

const env = benchGitEnv();

/** Builds the repository with git fast-import: edits of real files, renames, deletions, branches, planted secrets. */
function build(): { commits: number; planted: number } {
  const marker = join(repo, '.bench-complete');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as { commits: number; planted: number };
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  spawnSync('git', ['init', '-q', '--bare', '-b', 'main', repo], { env, stdio: 'inherit' });
  const sources = collectFiles(join(checkout, 'node_modules'), (name, size) => TEXT.test(name) && size > 200 && size < 200_000);
  if (sources.length < 100) throw new Error('no text under node_modules: run npm ci first');
  const texts = sources.filter((p) => /^[\w./@+-]+$/.test(p)).slice(0, 6000).map((p) => ({ name: relative(join(checkout, 'node_modules'), p), lines: readFileSync(p, 'utf8').split('\n') }));
  const rand = rng(20240601);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const parts: Buffer[] = [];
  const emit = (s: string | Buffer) => parts.push(typeof s === 'string' ? Buffer.from(s) : s);
  const data = (b: Buffer) => {
    emit(`data ${b.length}\n`);
    emit(b);
    emit('\n');
  };
  // working state of main: path → lines
  const files = new Map<string, string[]>();
  let time = Date.parse('2021-01-01T00:00:00Z') / 1000;
  let planted = 0;
  let mainMark = 0;
  let mark = 0;
  const commitTo = (ref: string, from: number, ops: (string | Buffer)[], msg: string) => {
    mark++;
    time += 1800 + Math.floor(rand() * 7200);
    emit(`commit ${ref}\nmark :${mark}\n`);
    emit(`author Bench Author <bench@example.test> ${time} +0000\ncommitter Bench Author <bench@example.test> ${time} +0000\n`);
    data(Buffer.from(msg));
    if (from) emit(`from :${from}\n`);
    for (const op of ops) emit(op);
    emit('\n');
    return mark;
  };
  const inline = (path: string, lines: string[]) => {
    const b = Buffer.from(lines.join('\n'));
    return Buffer.concat([Buffer.from(`M 100644 inline ${path}\ndata ${b.length}\n`), b, Buffer.from('\n')]);
  };
  for (let c = 0; c < COMMITS; c++) {
    const ops: (string | Buffer)[] = [];
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      const roll = rand();
      if (files.size < 300 || roll < 0.25) {
        // a new file from real text
        const t = pick(texts);
        const path = `pkg${Math.floor(rand() * 40)}/${t.name}`;
        files.set(path, [...t.lines]);
        ops.push(inline(path, files.get(path)!));
      } else if (roll < 0.85) {
        // edit: change, insert and delete a few lines
        const path = pick([...files.keys()]);
        const lines = files.get(path)!;
        for (let e = 0; e < 1 + Math.floor(rand() * 4); e++) {
          const at = Math.floor(rand() * (lines.length + 1));
          if (rand() < 0.5) lines.splice(at, 1, `${pick(pick(texts).lines)} // r${c}`);
          else lines.splice(at, 0, pick(pick(texts).lines));
        }
        ops.push(inline(path, lines));
      } else if (roll < 0.93) {
        const path = pick([...files.keys()]);
        files.delete(path);
        ops.push(`D ${path}\n`);
      } else {
        const path = pick([...files.keys()]);
        const to = path.replace(/^pkg\d+/, `moved${Math.floor(rand() * 10)}`);
        if (to !== path && !files.has(to)) {
          files.set(to, files.get(path)!);
          files.delete(path);
          ops.push(`R ${path} ${to}\n`);
        }
      }
    }
    if (c % 250 === 125) {
      // a secret committed, then removed some commits later
      const path = `config/service-${c}.env`;
      const token = expandExample('{{github:ghp}}', `bench-history-${c}`);
      files.set(path, ['# service', `GITHUB_TOKEN=${token}`, 'REGION=eu']);
      ops.push(inline(path, files.get(path)!));
      planted++;
    }
    if (c % 250 === 200) for (const p of [...files.keys()].filter((p) => p.startsWith('config/'))) {
      files.delete(p);
      ops.push(`D ${p}\n`);
    }
    mainMark = commitTo('refs/heads/main', mainMark, ops, `change ${c}\n`);
    if (c % 500 === 499) {
      // a topic branch that is never merged
      const path = `topic/${c}.txt`;
      commitTo(`refs/heads/topic-${c}`, mainMark, [inline(path, pick(texts).lines)], `topic ${c}\n`);
    }
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: repo, env, input: Buffer.concat(parts), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr}`);
  // packed with deltas, as a clone would be
  spawnSync('git', ['repack', '-a', '-d', '-q'], { cwd: repo, env, stdio: 'inherit' });
  spawnSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: repo, env });
  const info = { commits: COMMITS, planted };
  writeFileSync(marker, JSON.stringify(info));
  return info;
}


const t0 = Date.now();
const { planted } = build();
const count = spawnSync('git', ['count-objects', '-v'], { cwd: repo, env, encoding: 'utf8' }).stdout;
const packMb = Number(/size-pack: (\d+)/.exec(count)?.[1] ?? 0) / 1024;
const blobBytes = spawnSync('git', ['cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(objectsize)'], { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 28 })
  .stdout.split('\n')
  .filter((l) => l.startsWith('blob '))
  .map((l) => Number(l.slice(5)));
console.log(
  `repository: ${COMMITS} commits on main + ${Math.floor(COMMITS / 500)} topic branches, ${blobBytes.length} blobs, ` +
    `${(blobBytes.reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(0)} MB of blob text, pack ${packMb.toFixed(0)} MB ` +
    `(${relative(checkout, repo)}${Date.now() - t0 > 2000 ? `, built in ${((Date.now() - t0) / 1000).toFixed(1)} s` : ''})`,
);

/** git's own read of the same objects: every object's contents, then the log with raw changes. */
async function gitRead(): Promise<{ ms: number; cpuMs: number; cat: number; log: number }> {
  const cat = await timed('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: repo, env });
  const log = await timed('git', ['log', '--all', '--raw', '--no-abbrev', '--no-renames', '-c'], { cwd: repo, env });
  return { ms: cat.ms + log.ms, cpuMs: cat.cpuMs + log.cpuMs, cat: cat.ms, log: log.ms };
}

async function keyhound(): Promise<TimedRun & { found: number; blobs: number; findings: number }> {
  const k = await timed(process.execPath, [cli, 'history', repo, '--format', 'json', '--fail-on', 'never', '--quiet'], { cwd: repo, env, keep: true });
  if (k.code !== 0) throw new Error(`keyhound history exited ${k.code}`);
  const report = JSON.parse(k.out) as { findings: { ruleId: string }[]; stats: { files: number } };
  return { ...k, found: report.findings.filter((f) => f.ruleId.startsWith('github')).length, blobs: report.stats.files, findings: report.findings.length };
}

const results = await pairs(RUNS, keyhound, gitRead, (i, k, g) => {
  console.log(
    `run ${i + 1}: git ${seconds(g!.cat)} cat-file + ${seconds(g!.log)} log = ${seconds(g!.ms)} wall, ${seconds(g!.cpuMs)} CPU | ` +
      `keyhound ${seconds(k.ms)} wall, ${seconds(k.cpuMs)} CPU, peak RSS ${k.rssMb.toFixed(0)} MB, ${k.blobs} blobs scanned, ` +
      `${k.findings} findings (${k.found}/${planted} planted GitHub tokens) | ratio ${(k.ms / g!.ms).toFixed(2)}× wall`,
  );
});
const g = median(results.map((r) => r.b!.ms));
const k = median(results.map((r) => r.a.ms));
console.log(
  `median: keyhound ${seconds(k)} wall, ${seconds(median(results.map((r) => r.a.cpuMs)))} CPU vs git ${seconds(g)} wall, ` +
    `${seconds(median(results.map((r) => r.b!.cpuMs)))} CPU; peak RSS ${Math.max(...results.map((r) => r.a.rssMb)).toFixed(0)} MB (target ≤ 400 MB)`,
);
console.log(
  `keyhound / git, median of pair-by-pair ratios: ${spread(results.map((r) => r.a.ms / r.b!.ms), (x) => `${x.toFixed(2)}×`)} wall (target ≤ 2×), ` +
    `${spread(results.map((r) => r.a.cpuMs / r.b!.cpuMs), (x) => `${x.toFixed(2)}×`)} CPU`,
);
