// npm run bench:github: keyhound github over a generated organisation (default 60 repositories of real
// text from node_modules, served by the test suite's mock GitHub on 127.0.0.1 through git http-backend).
// Prints repositories per minute, blobs per second and how time splits between cloning and scanning, for
// a cold cache, a warm one with nothing new, and one with new commits in a few repositories; beside the
// reference of plain `git clone --bare` of the same repositories, 4 at a time, in the same run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandExample } from '../src/rules/example-values.js';
import { MockGithub, runCliAsync } from '../test/github/helpers.js';
import { benchGitEnv, collectFiles, rng } from './common.js';

const here = dirname(fileURLToPath(import.meta.url));
const checkout = resolve(here, '../..');
const REPOS = Number(process.env.BENCH_REPOS ?? 60);
const COMMITS = Number(process.env.BENCH_REPO_COMMITS ?? 40);
const TEXT = /\.(js|mjs|cjs|ts|json|md|txt|yml|yaml|css|html)$/;

const env = benchGitEnv();

const sources = collectFiles(join(checkout, 'node_modules'), (name, size) => TEXT.test(name) && size > 200 && size < 100_000)
  .filter((p) => /^[\w./@+-]+$/.test(p))
  .slice(0, 4000)
  .map((p) => ({ name: relative(join(checkout, 'node_modules'), p), text: readFileSync(p) }));
if (sources.length < 100) throw new Error('no text under node_modules: run npm ci first');

/** One repository through git fast-import: files added and edited over `commits` commits, a few planted tokens. */
function build(dir: string, seed: number, commits: number, from?: string): number {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const parts: Buffer[] = [];
  const emit = (s: string | Buffer) => parts.push(typeof s === 'string' ? Buffer.from(s) : s);
  let time = Date.parse('2023-01-01T00:00:00Z') / 1000 + seed * 100;
  let planted = 0;
  for (let c = 0; c < commits; c++) {
    time += 3600;
    emit(`commit refs/heads/main\nauthor Bench <bench@example.test> ${time} +0000\ncommitter Bench <bench@example.test> ${time} +0000\n`);
    const msg = Buffer.from(`change ${c}`);
    emit(`data ${msg.length}\n`);
    emit(msg);
    emit('\n');
    if (c === 0 && from) emit(`from ${from}^0\n`);
    const n = 1 + Math.floor(rand() * 5);
    for (let i = 0; i < n; i++) {
      const src = pick(sources);
      let body = src.text;
      if (rand() < 0.03) {
        body = Buffer.concat([body, Buffer.from(`\nconst token = "${expandExample('{{github:ghp}}', `bench-org-${seed}-${c}-${i}`)}";\n`)]);
        planted++;
      }
      emit(`M 100644 inline src/${src.name}\ndata ${body.length}\n`);
      emit(body);
      emit('\n');
    }
  }
  const r = spawnSync('git', ['fast-import', '--quiet', '--force'], { cwd: dir, env, input: Buffer.concat(parts), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr}`);
  return planted;
}

interface Run {
  wallMs: number;
  repos: number;
  blobs: number;
  syncS: number;
  scanS: number;
  listS: number;
  findings: number;
}

async function scan(gh: MockGithub, cache: string): Promise<Run> {
  const t0 = Date.now();
  const out = join(cache, '..', 'report.json');
  const r = await runCliAsync(tmpdir(), ['github', '--org', 'bench', '--github-api-url', gh.apiUrl, '--cache-dir', cache, '--format', 'json', '-o', out, '--fail-on', 'never'], { XDG_CACHE_HOME: join(cache, '..', 'xdg') }, 3_600_000);
  const wallMs = Date.now() - t0;
  if (r.code !== 0) throw new Error(`keyhound github exited ${r.code}: ${r.stderr.slice(-2000)}`);
  const m = /(\d+) repositories scanned in .*?; (\d+) blobs scanned; listing ([\d.]+) s, clone\/fetch ([\d.]+) s and scan ([\d.]+) s/.exec(r.stderr);
  if (!m) throw new Error(`no summary line: ${r.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] };
  return { wallMs, repos: Number(m[1]), blobs: Number(m[2]), listS: Number(m[3]), syncS: Number(m[4]), scanS: Number(m[5]), findings: report.findings.length };
}

/** Reference: `git clone --bare` of every repository from the same server, 4 at a time (or, `fetch`, a fetch into those clones). */
async function gitClones(gh: MockGithub, dir: string, fetch = false): Promise<number> {
  const t0 = Date.now();
  const queue = gh.repos.map((r, i) => [`http://127.0.0.1:${gh.port}/git/${r.owner}/${r.name}.git`, join(dir, String(i))] as const);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [url, target] = next;
      const args = fetch ? ['-C', target, 'fetch', '-q', url, '+refs/heads/*:refs/heads/*'] : ['clone', '--bare', '-q', url, target];
      await new Promise<void>((res, rej) => {
        const c = spawn('git', args, { env, stdio: 'ignore' });
        c.on('close', (code) => (code === 0 ? res() : rej(new Error(`git ${args.join(' ')} exited ${code}`))));
      });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return Date.now() - t0;
}

const line = (label: string, r: Run) => {
  const s = r.wallMs / 1000;
  console.log(
    `${label.padEnd(28)} ${s.toFixed(1).padStart(6)} s  ${((r.repos / s) * 60).toFixed(0).padStart(5)} repos/min  ` +
      `${String(r.blobs).padStart(6)} blobs  ${(r.blobs / s).toFixed(0).padStart(6)} blobs/s  ` +
      `clone/fetch ${r.syncS.toFixed(1)} s, scan ${r.scanS.toFixed(1)} s (summed), listing ${r.listS.toFixed(1)} s  ${r.findings} findings`,
  );
};

const gh = new MockGithub();
gh.pageSize = 100;
await gh.start();
const work = join(tmpdir(), `keyhound-bench-github-${process.pid}`);
try {
  const g0 = Date.now();
  let planted = 0;
  for (let i = 0; i < REPOS; i++) {
    const name = `repo-${String(i).padStart(3, '0')}`;
    const dir = join(gh.gitRoot, 'bench', `${name}.git`);
    mkdirSync(dir, { recursive: true });
    spawnSync('git', ['init', '-q', '--bare', '-b', 'main', dir], { env });
    planted += build(dir, i + 1, COMMITS);
    gh.repos.push({ owner: 'bench', name, id: 1000 + i });
  }
  console.log(`generated ${REPOS} repositories × ${COMMITS} commits (${planted} planted tokens) in ${((Date.now() - g0) / 1000).toFixed(1)} s`);

  const refMs = await gitClones(gh, join(work, 'ref'));
  console.log(`${'reference: git clone --bare ×4'.padEnd(28)} ${(refMs / 1000).toFixed(1).padStart(6)} s  ${((REPOS / (refMs / 1000)) * 60).toFixed(0).padStart(5)} repos/min`);
  const fetchMs = await gitClones(gh, join(work, 'ref'), true);
  console.log(`${'reference: git fetch ×4 (no-op)'.padEnd(28)} ${(fetchMs / 1000).toFixed(1).padStart(6)} s  ${((REPOS / (fetchMs / 1000)) * 60).toFixed(0).padStart(5)} repos/min`);
  const cache = join(work, 'cache');
  line('cold cache (clone + scan)', await scan(gh, cache));
  line('warm cache, nothing new', await scan(gh, cache));
  for (let i = 0; i < 5; i++) {
    const dir = join(gh.gitRoot, 'bench', `repo-${String((i * 7) % REPOS).padStart(3, '0')}.git`);
    const head = spawnSync('git', ['rev-parse', 'refs/heads/main'], { cwd: dir, env, encoding: 'utf8' }).stdout.trim();
    build(dir, 9000 + i, 3, head);
  }
  line('warm, 5 repos × 3 new commits', await scan(gh, cache));
} finally {
  await gh.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(gh.gitRoot, { recursive: true, force: true });
}
