// Shared by the benchmarks: real text from node_modules, timed child processes, medians.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  /** Peak resident set (VmHWM, every thread of the process), polled every 20 ms. */
  rssMb: number;
  out: string;
  code: number | null;
}

/** Wall time and peak RSS of one process; stdout kept when `keep`. */
export function timed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; keep?: boolean } = {}): Promise<TimedRun> {
  return new Promise((resolveRun, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'inherit'] });
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
    child.stdout.on('data', (d: Buffer) => {
      if (opts.keep) out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolveRun({ ms: Number(process.hrtime.bigint() - t0) / 1e6, rssMb: peak, out, code });
    });
  });
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
