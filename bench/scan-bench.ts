// npm run bench: a directory scan of a deterministic tree of real text (node_modules copies), side by side
// with ripgrep doing the keyword pass alone over the same tree in the same run (alternating, pair by pair).
// Targets: ≤ 1.3× ripgrep's wall time, peak RSS ≤ 400 MB. BENCH_MB sizes the tree (1024 for the scale check).
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInRules } from '../src/rules/rule-set.js';
import { cliPath, collectFiles, findRipgrep, median, pairs, seconds, spread, timed, version, type TimedRun } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const cli = cliPath(repo);
const TARGET_MB = Number(process.env.BENCH_MB ?? 350);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const data = join(repo, 'bench/.data');
const tree = join(data, `tree-${TARGET_MB}mb`);
const TEXT = /\.(js|mjs|cjs|ts|mts|cts|json|md|txt|yml|yaml|map|css|html|d\.ts)$/;

function build(): { files: number; bytes: number } {
  const marker = join(tree, '.complete');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as { files: number; bytes: number };
  const sources = collectFiles(join(repo, 'node_modules'), (name, size) => TEXT.test(name) && size < 2_000_000 && name !== '.gitignore');
  if (sources.length === 0) throw new Error('no text files under node_modules: run npm ci first');
  let bytes = 0;
  let files = 0;
  for (let copy = 0; bytes < TARGET_MB * 1024 * 1024; copy++) {
    for (const src of sources) {
      const dest = join(tree, `copy-${copy}`, relative(join(repo, 'node_modules'), src));
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(src, dest);
      bytes += statSync(src).size;
      files++;
      if (bytes >= TARGET_MB * 1024 * 1024) break;
    }
  }
  writeFileSync(marker, JSON.stringify({ files, bytes }));
  return { files, bytes };
}

/**
 * ripgrep's pattern file: every plain keyword of the built-in rules, as fixed strings matched
 * case-insensitively in one pass — the keyword pass a scan cannot do without. (The few `re:` keywords
 * are left out: in one alternation with the rest they turn ripgrep's literal search into a regex
 * search about 100× slower, which would flatter keyhound.)
 */
function keywordFile(): { path: string; count: number } {
  const words = new Set<string>();
  for (const r of builtInRules().rules) for (const k of r.keywords ?? []) if (!k.startsWith('re:')) words.add(k.toLowerCase());
  const path = join(data, 'rg-keywords.txt');
  writeFileSync(path, [...words].join('\n') + '\n');
  return { path, count: words.size };
}

const say = (line: string) => console.log(line);
const { files, bytes } = build();
const mb = bytes / 1024 / 1024;
say(`tree: ${files} files, ${mb.toFixed(0)} MB of real text (node_modules copies) at ${relative(repo, tree)}`);
const rg = findRipgrep(say);
const keywords = keywordFile();
if (rg) say(`reference: ${version(rg)}, ${keywords.count} keywords of the rule set, as fixed strings, case-insensitive (rg -i -F -c --hidden -f KEYWORDS TREE)`);

async function keyhound(): Promise<TimedRun & { findings: number }> {
  const r = await timed(process.execPath, [cli, 'scan', tree, '--format', 'json', '--fail-on', 'never', '--quiet'], { keep: true });
  if (r.code !== 0) throw new Error(`keyhound exited ${r.code}`);
  return { ...r, findings: (JSON.parse(r.out) as { findings: unknown[] }).findings.length };
}
async function ripgrep(): Promise<TimedRun> {
  // exit 1 = no match; 2 = an error (unreadable file, …): both still time the pass
  const r = await timed(rg!, ['-i', '-F', '-c', '--hidden', '--no-messages', '-f', keywords.path, tree]);
  if (r.code === null || r.code > 2) throw new Error(`rg exited ${r.code}`);
  return r;
}

const fmt = (r: TimedRun) => `${seconds(r.ms)} wall, ${seconds(r.cpuMs)} CPU, ${r.rssMb.toFixed(0)} MB`;
const results = await pairs(RUNS, keyhound, rg ? ripgrep : null, (i, k, g) => {
  say(
    `run ${i + 1}: keyhound ${fmt(k)}, ${(mb / (k.ms / 1000)).toFixed(0)} MB/s, ${k.findings} findings` +
      (g ? ` | rg ${fmt(g)} | ratio ${(k.ms / g.ms).toFixed(2)}× wall, ${(k.cpuMs / g.cpuMs).toFixed(2)}× CPU` : ''),
  );
});
const ks = results.map((r) => r.a);
const ms = median(ks.map((r) => r.ms));
say(
  `keyhound median: ${seconds(ms)} wall, ${seconds(median(ks.map((r) => r.cpuMs)))} CPU, ${(mb / (ms / 1000)).toFixed(0)} MB/s, ` +
    `${(files / (ms / 1000)).toFixed(0)} files/s, peak RSS ${Math.max(...ks.map((r) => r.rssMb)).toFixed(0)} MB (target ≤ 400 MB)`,
);
if (rg) {
  const gs = results.map((r) => r.b!);
  const gms = median(gs.map((r) => r.ms));
  say(
    `ripgrep median:  ${seconds(gms)} wall, ${seconds(median(gs.map((r) => r.cpuMs)))} CPU, ${(mb / (gms / 1000)).toFixed(0)} MB/s, ` +
      `${(files / (gms / 1000)).toFixed(0)} files/s, peak RSS ${Math.max(...gs.map((r) => r.rssMb)).toFixed(0)} MB`,
  );
  say(
    `keyhound / ripgrep, median of pair-by-pair ratios: ${spread(results.map((r) => r.a.ms / r.b!.ms), (x) => `${x.toFixed(2)}×`)} wall ` +
      `(target ≤ 1.3×), ${spread(results.map((r) => r.a.cpuMs / r.b!.cpuMs), (x) => `${x.toFixed(2)}×`)} CPU`,
  );
}
