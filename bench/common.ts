// Shared by the benchmarks: real text from node_modules, timed child processes (wall, CPU, peak RSS),
// reference tools found or installed, medians and pair-by-pair ratios.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Files under `dir` (sorted, recursive) whose name and size `accept` takes. */
export function collectFiles(dir: string, accept: (name: string, size: number, path: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) collectFiles(p, accept, out);
    else if (st.isFile() && accept(name, st.size, p)) out.push(p);
  }
  return out;
}

export interface TimedRun {
  ms: number;
  /** User + system CPU of the process and the children it waited for (git), every thread. */
  cpuMs: number;
  /** Peak resident set of the process (its largest child counted apart). */
  rssMb: number;
  out: string;
  code: number | null;
}

const GNU_TIME = '/usr/bin/time';
/** GNU time (Debian's `time`) gives exact CPU and peak RSS from wait4; without it /proc is polled. */
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%U', 'true'], { stdio: 'ignore' }).status === 0;
let scratch: string | null = null;
let serial = 0;

/** Wall time, CPU time and peak RSS of one process; stdout kept when `keep`. */
export function timed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; keep?: boolean } = {}): Promise<TimedRun> {
  return new Promise((resolveRun, reject) => {
    let report: string | null = null;
    let argv = [cmd, ...args];
    if (hasGnuTime) {
      scratch ??= mkdtempSync(join(tmpdir(), 'keyhound-bench-'));
      report = join(scratch, `time-${serial++}`);
      argv = [GNU_TIME, '-f', '%e %U %S %M', '-o', report, ...argv];
    }
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let peak = 0;
    let cpu = 0;
    const tick = 100 / 1000; // clock ticks per ms (USER_HZ 100)
    const poll = report
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) peak = Math.max(peak, Number(m[1]) / 1024);
            const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
            cpu = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;
          } catch {
            /* exited */
          }
        }, 20);
    const parts: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => {
      if (opts.keep) parts.push(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (poll) clearInterval(poll);
      if (report) {
        // "Command exited with non-zero status N" may come first
        const line = readFileSync(report, 'utf8').trim().split('\n').pop()!;
        const [, user, sys, kb] = line.split(' ').map(Number) as [number, number, number, number];
        cpu = (user + sys) * 1000;
        peak = kb / 1024;
        rmSync(report, { force: true });
      }
      resolveRun({ ms, cpuMs: cpu, rssMb: peak, out: Buffer.concat(parts).toString(), code });
    });
  });
}

/** What `keyhound` runs: package.json's bin (the bundled CLI) in `checkout`. */
export function cliPath(checkout: string): string {
  return join(checkout, (JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.keyhound!);
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** process.env without GIT_* plus a config-free git: the caller's hooks, aliases and signing stay out. */
export function benchGitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return Object.assign(env, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' });
}

/** A seeded generator in [0, 1): the same data on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

/** `what: median X (min, max)` for a series of numbers. */
export function spread(xs: number[], fmt: (x: number) => string): string {
  const s = [...xs].sort((a, b) => a - b);
  return `${fmt(median(s))} (min ${fmt(s[0]!)}, max ${fmt(s[s.length - 1]!)})`;
}

/**
 * Runs `ours` and `reference` in alternating order `runs` times (after one warm-up each, not counted,
 * unless BENCH_WARMUP=0) so both see the same machine load; ratios are taken pair by pair, then their median.
 */
export async function pairs<A, B>(
  runs: number,
  ours: () => Promise<A>,
  reference: (() => Promise<B>) | null,
  each: (i: number, a: A, b: B | null) => void,
): Promise<Array<{ a: A; b: B | null }>> {
  if (process.env.BENCH_WARMUP !== '0') {
    await ours();
    if (reference) await reference();
  }
  const out: Array<{ a: A; b: B | null }> = [];
  for (let i = 0; i < runs; i++) {
    let a: A;
    let b: B | null = null;
    if (reference && i % 2 === 1) {
      b = await reference();
      a = await ours();
    } else {
      a = await ours();
      if (reference) b = await reference();
    }
    each(i, a, b);
    out.push({ a, b });
  }
  return out;
}

/**
 * ripgrep, found on PATH or installed from Debian's `ripgrep` package when running as root with
 * apt-get; null (and a line saying why) when neither works.
 */
export function findRipgrep(say: (line: string) => void): string | null {
  const where = () => spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim() || null;
  let rg = where();
  if (rg) return rg;
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    say('ripgrep not found: installing Debian\'s ripgrep package (apt-get install -y ripgrep)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r = spawnSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { env, stdio: 'ignore' });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
      r = spawnSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { env, stdio: 'ignore' });
    }
    rg = where();
    if (rg) return rg;
  }
  say('ripgrep (rg) not found and could not be installed (apt-get install ripgrep): the reference column is missing');
  return null;
}

export function version(cmd: string, args = ['--version']): string {
  return spawnSync(cmd, args, { encoding: 'utf8' }).stdout.split('\n')[0]!.trim();
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
