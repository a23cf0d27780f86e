// npm run bench: end-to-end directory scan throughput on a deterministic tree of real text.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const cli = join(repo, 'dist/src/cli/main.js');
const TARGET_MB = Number(process.env.BENCH_MB ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const tree = join(repo, 'bench/.data', `tree-${TARGET_MB}mb`);
const TEXT = /\.(js|mjs|cjs|ts|mts|cts|json|md|txt|yml|yaml|map|css|html|d\.ts)$/;

/** Real source text from node_modules, in a stable order. */
function collect(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) collect(p, out);
    else if (st.isFile() && TEXT.test(name) && st.size < 2_000_000 && name !== '.gitignore') out.push(p);
  }
}

function build(): { files: number; bytes: number } {
  const marker = join(tree, '.complete');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as { files: number; bytes: number };
  const sources: string[] = [];
  collect(join(repo, 'node_modules'), sources);
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

/** Wall time and peak RSS (VmHWM, threads included) of one CLI run. */
function run(args: string[]): Promise<{ ms: number; rssMb: number; findings: number }> {
  return new Promise((resolveRun, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let peak = 0;
    let out = '';
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        /* exited */
      }
    }, 20);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) return reject(new Error(`keyhound exited ${code}`));
      const findings = (JSON.parse(out) as { findings: unknown[] }).findings.length;
      resolveRun({ ms, rssMb: peak, findings });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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
