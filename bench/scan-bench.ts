// npm run bench: end-to-end directory scan throughput on a deterministic tree of real text.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectFiles, median, timed } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const cli = join(repo, 'dist/src/cli/main.js');
const TARGET_MB = Number(process.env.BENCH_MB ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const tree = join(repo, 'bench/.data', `tree-${TARGET_MB}mb`);
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

/** Wall time, peak RSS and finding count of one CLI run. */
async function run(args: string[]): Promise<{ ms: number; rssMb: number; findings: number }> {
  const r = await timed(process.execPath, [cli, ...args], { keep: true });
  if (r.code !== 0) throw new Error(`keyhound exited ${r.code}`);
  return { ms: r.ms, rssMb: r.rssMb, findings: (JSON.parse(r.out) as { findings: unknown[] }).findings.length };
}

const { files, bytes } = build();
const mb = bytes / 1024 / 1024;
console.log(`tree: ${files} files, ${mb.toFixed(0)} MB of real text (node_modules copies) at ${relative(repo, tree)}`);
const results = [];
for (let i = 0; i < RUNS; i++) {
  const r = await run(['scan', tree, '--format', 'json', '--fail-on', 'never', '--quiet']);
  console.log(`run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s, ${(mb / (r.ms / 1000)).toFixed(1)} MB/s, peak RSS ${r.rssMb.toFixed(0)} MB, ${r.findings} findings`);
  results.push(r);
}
const ms = median(results.map((r) => r.ms));
console.log(
  `median: ${(mb / (ms / 1000)).toFixed(1)} MB/s, ${(files / (ms / 1000)).toFixed(0)} files/s, ` +
    `peak RSS ${Math.max(...results.map((r) => r.rssMb)).toFixed(0)} MB (target ≥ 100 MB/s, ≤ 400 MB)`,
);
