// keyhound github / merge end to end against a mock GitHub on 127.0.0.1 (REST listing + git http-backend).
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonFinding, JsonReport } from '../../src/report/json.js';
import { cleanup, Repo, rulesPath, tempDir, token } from '../git/helpers.js';
import { MockGithub, runCliAsync, type MockRepo } from './helpers.js';

const TOKEN = `ghs_mocktoken${Math.random().toString(36).slice(2, 12)}`;
const TOKEN_B64 = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

function workRepo(files: Array<[string, Record<string, string | null>]>): Repo {
  const r = Repo.init();
  files.forEach(([msg, f], i) => r.commit(msg, `2024-0${(i % 9) + 1}-10T12:00:00Z`, f));
  return r;
}

/** Every file under `dir` (bare repositories included), as bytes. */
function allFiles(dir: string): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push([p, readFileSync(p)]);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function assertNowhere(needles: string[], texts: Array<[string, string | Buffer]>): void {
  for (const [where, t] of texts) {
    const buf = typeof t === 'string' ? Buffer.from(t) : t;
    for (const n of needles) assert.ok(!buf.includes(Buffer.from(n)), `${n.slice(0, 12)}… leaked into ${where}`);
  }
}

const SECRET = {
  alpha: token('org-alpha'),
  beta: token('org-beta'),
  delta: token('org-delta'),
  fork: token('org-fork'),
  late: token('org-late'),
};

async function buildOrg(gh: MockGithub): Promise<Record<string, MockRepo>> {
  const r: Record<string, MockRepo> = {};
  r.alpha = gh.add({ owner: 'acme', name: 'alpha', id: 1, work: workRepo([['add config', { 'config.env': `API_TOKEN=${SECRET.alpha}\n` }], ['docs', { 'README.md': '# alpha\n' }]]) });
  r.beta = gh.add({ owner: 'acme', name: 'beta', id: 2, work: workRepo([['leak', { 'app/settings.py': `TOKEN = "${SECRET.beta}"\n` }], ['remove', { 'app/settings.py': null }]]) });
  r.gamma = gh.add({ owner: 'acme', name: 'gamma', id: 3, work: workRepo([['clean', { 'main.go': 'package main\n' }]]) });
  r.delta = gh.add({ owner: 'acme', name: 'delta', id: 4, private: true, work: workRepo([['private', { 'deploy/.env': `TOKEN=${SECRET.delta}\n` }]]) });
  r.forked = gh.add({ owner: 'acme', name: 'forked', id: 5, fork: true, work: workRepo([['fork', { 'x.txt': `t=${SECRET.fork}\n` }]]) });
  r.old = gh.add({ owner: 'acme', name: 'old', id: 6, archived: true, work: workRepo([['old', { 'y.txt': 'nothing\n' }]]) });
  r.empty = gh.add({ owner: 'acme', name: 'empty', id: 7 });
  for (let i = 0; i < 4; i++) {
    r[`svc${i}`] = gh.add({ owner: 'acme', name: `svc-${i}`, id: 10 + i, work: workRepo([[`svc ${i}`, { [`src/s${i}.ts`]: `export const n = ${i};\n` }]]) });
  }
  return r;
}

function parse(stdout: string, stderr: string): JsonReport {
  try {
    return JSON.parse(stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON: ${stdout}\n${stderr}`);
  }
}

// temp folders (and the shared test rule file) go once every suite is done
after(() => cleanup());

const statusOf = (rep: JsonReport) => Object.fromEntries((rep.repositories ?? []).map((r) => [r.full_name, r.status]));
const secretFindings = (rep: JsonReport) => rep.findings.filter((f) => f.ruleId === 'kh-git-token');

describe('keyhound github (mock GitHub on 127.0.0.1)', () => {
  const gh = new MockGithub();
  let repos: Record<string, MockRepo>;
  const cwd = tempDir('keyhound-org-cwd-');
  const cache = tempDir('keyhound-org-cache-');
  const out = tempDir('keyhound-org-out-');
  const env = () => ({ GITHUB_TOKEN: TOKEN, XDG_CACHE_HOME: join(cwd, 'xdg') });
  const base = () => ['github', '--org', 'acme', '--github-api-url', gh.apiUrl, '--rules', rulesPath(), '--format', 'json'];
  let first: JsonReport;
  const logs: Array<[string, string]> = [];

  before(async () => {
    await gh.start();
    repos = await buildOrg(gh);
  });
  after(() => gh.stop());

  it('lists every page (waiting out a 429 retry-after), clones with the token as a header, reports each repository', async () => {
    gh.rateLimitPage = 2;
    const started = Date.now();
    const r = await runCliAsync(cwd, [...base(), '--cache-dir', cache, '--output-dir', out], env());
    logs.push(['stdout 1', r.stdout], ['stderr 1', r.stderr]);
    first = parse(r.stdout, r.stderr);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /rate limit.*waiting 1 s/);
    assert.ok(Date.now() - started >= 1000);
    assert.equal(gh.requests.filter((q) => q.url.includes('/orgs/acme/repos') && q.url.includes('page=2')).length, 2);
    assert.deepEqual(statusOf(first), {
      'acme/alpha': 'scanned',
      'acme/beta': 'scanned',
      'acme/delta': 'scanned',
      'acme/empty': 'scanned',
      'acme/forked': 'skipped',
      'acme/gamma': 'scanned',
      'acme/old': 'skipped',
      'acme/svc-0': 'scanned',
      'acme/svc-1': 'scanned',
      'acme/svc-2': 'scanned',
      'acme/svc-3': 'scanned',
    });
    assert.match(first.repositories!.find((x) => x.full_name === 'acme/forked')!.reason!, /--include-forks/);
    const found = secretFindings(first).map((f) => [f.repository, f.file]).sort();
    assert.deepEqual(found, [
      ['acme/alpha', 'config.env'],
      ['acme/beta', 'app/settings.py'],
      ['acme/delta', 'deploy/.env'],
    ]);
    for (const f of first.findings) assert.ok(f.repository, 'every finding names its repository');
    const beta = secretFindings(first).find((f) => f.repository === 'acme/beta')!;
    assert.equal(beta.commit?.presentAtHead, false);
    assert.ok(beta.commit?.removedIn);
    // git saw the token only as an Authorization header
    const gitReqs = gh.requests.filter((q) => q.url.startsWith('/git/'));
    assert.ok(gitReqs.length > 0);
    for (const q of gitReqs) assert.equal(q.authorization, `Basic ${TOKEN_B64}`);
    for (const q of gh.requests) assert.ok(!q.url.includes(TOKEN));
    // per-shard files in --output-dir
    const json = JSON.parse(readFileSync(join(out, 'keyhound.json'), 'utf8')) as JsonReport;
    assert.deepEqual(statusOf(json), statusOf(first));
    assert.ok(existsSync(join(out, 'keyhound.sarif')));
    const html = readFileSync(join(out, 'keyhound.html'), 'utf8');
    assert.match(html, /Content-Security-Policy/);
    for (const f of json.findings) assert.ok(html.includes((f as { repository?: string }).repository ?? '\0'), 'each finding names its repository');
    assert.ok(!html.includes(TOKEN));
  });

  it('a second run with no new commits clones nothing and scans no blob', async () => {
    const mark = gh.requests.length;
    const r = await runCliAsync(cwd, [...base(), '--cache-dir', cache], env());
    logs.push(['stdout 2', r.stdout], ['stderr 2', r.stderr]);
    const rep = parse(r.stdout, r.stderr);
    assert.equal(r.code, 1, r.stderr);
    const since = gh.requests.slice(mark);
    assert.equal(since.filter((q) => q.method === 'POST' && /command=fetch|want /.test(q.body ?? '')).length, 0, 'no objects fetched');
    assert.equal(rep.stats.files, 0);
    assert.match(r.stderr, /0 cloned, 0 fetched, 9 unchanged; 0 blobs scanned/);
    const key = (f: JsonFinding) => `${f.repository} ${f.file} ${f.fingerprint} ${f.commit?.sha}`;
    assert.deepEqual(secretFindings(rep).map(key).sort(), secretFindings(first).map(key).sort());
  });

  it('after a new commit with a secret, only that repository is fetched and only its new blobs are scanned', async () => {
    repos.alpha!.work!.commit('more config', '2024-10-01T12:00:00Z', { 'extra/keys.env': `LATE=${SECRET.late}\n` });
    gh.push(repos.alpha!);
    const mark = gh.requests.length;
    const r = await runCliAsync(cwd, [...base(), '--cache-dir', cache, '--output-dir', out], env());
    logs.push(['stdout 3', r.stdout], ['stderr 3', r.stderr]);
    const rep = parse(r.stdout, r.stderr);
    const fetched = gh.requests.slice(mark).filter((q) => q.method === 'POST' && /command=fetch|want /.test(q.body ?? ''));
    assert.ok(fetched.length > 0 && fetched.every((q) => q.url.includes('/acme/alpha.git/')), 'only alpha fetched');
    assert.equal(rep.stats.files, 1, 'one new blob scanned');
    assert.match(r.stderr, /0 cloned, 1 fetched, 8 unchanged; 1 blobs scanned/);
    const late = secretFindings(rep).find((f) => f.file === 'extra/keys.env');
    assert.ok(late, 'the new secret is reported');
    assert.equal(late.repository, 'acme/alpha');
    assert.equal(late.commit?.sha, repos.alpha!.work!.head());
    const old = secretFindings(first).find((f) => f.repository === 'acme/alpha')!;
    const again = secretFindings(rep).find((f) => f.repository === 'acme/alpha' && f.file === 'config.env')!;
    assert.deepEqual(again.commit, old.commit, 'earlier findings keep their provenance');
    assert.equal(secretFindings(rep).length, 4);
  });

  it('a repository gone from the listing or that cannot be cloned is reported failed, never clean (exit 3)', async () => {
    gh.repos.splice(gh.repos.indexOf(repos.gamma!), 1);
    const betaIdx = gh.repos.indexOf(repos.beta!);
    gh.repos[betaIdx] = { ...repos.beta!, cloneUrl: `http://127.0.0.1:${gh.port}/git/acme/missing.git` };
    const r = await runCliAsync(cwd, [...base(), '--cache-dir', cache, '--fail-on', 'never'], env());
    logs.push(['stdout 4', r.stdout], ['stderr 4', r.stderr]);
    const rep = parse(r.stdout, r.stderr);
    assert.equal(r.code, 3, r.stderr);
    const st = Object.fromEntries(rep.repositories!.map((x) => [x.full_name, x]));
    assert.equal(st['acme/gamma']!.status, 'failed');
    assert.match(st['acme/gamma']!.error!, /no longer listed/);
    assert.equal(st['acme/beta']!.status, 'failed');
    assert.match(st['acme/beta']!.error!, /cannot clone or fetch/);
    // the failed repository's earlier finding stays in the report
    assert.ok(secretFindings(rep).some((f) => f.repository === 'acme/beta'));
    assert.equal(st['acme/alpha']!.status, 'scanned');
    gh.repos[betaIdx] = repos.beta!;
    gh.repos.push(repos.gamma!);
  });

  it('other rules invalidate the incremental state: everything is scanned again from the cached clones', async () => {
    const extra = join(tempDir('kh-rules-'), 'extra.yaml');
    writeFileSync(extra, readFileSync(rulesPath(), 'utf8').replace(/id: (kh-git-\w+)/g, 'id: $1-2'));
    const mark = gh.requests.length;
    const r = await runCliAsync(cwd, [...base(), '--rules', extra, '--cache-dir', cache, '--fail-on', 'never'], env());
    logs.push(['stdout 5', r.stdout], ['stderr 5', r.stderr]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /rules, settings or the keyhound version changed/);
    assert.match(r.stderr, /0 cloned, 8 fetched, 1 unchanged/);
    assert.ok(parse(r.stdout, r.stderr).stats.files >= 10);
    assert.equal(gh.requests.slice(mark).filter((q) => q.method === 'POST' && /command=fetch|want /.test(q.body ?? '')).length, 0, 'no objects fetched again');
  });

  it('the token appears in no output, log, cache file or git config; planted secrets only redacted', () => {
    const files = [...allFiles(cache), ...allFiles(out)];
    assert.ok(files.some(([p]) => p.endsWith(join('alpha.git', 'config'))));
    for (const [p, b] of files) if (p.endsWith('config')) assert.ok(!/extraheader|authorization/i.test(b.toString()), p);
    assertNowhere([TOKEN, TOKEN_B64], [...logs, ...files]);
    const text = files.filter(([p]) => /\.(json|sarif|html)$/.test(p));
    assertNowhere(Object.values(SECRET), [...logs, ...text]);
  });

  it('shards 1/3, 2/3, 3/3 scan every repository once; merged, they equal the unsharded run', async () => {
    const whole = await runCliAsync(cwd, [...base(), '--cache-dir', tempDir('kh-c0-'), '--output-dir', tempDir('kh-o0-')], env());
    const all = parse(whole.stdout, whole.stderr);
    const dirs: string[] = [];
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const o = tempDir(`kh-o${i}-`);
      dirs.push(o);
      const r = await runCliAsync(cwd, [...base(), '--shard', `${i}/3`, '--cache-dir', tempDir(`kh-c${i}-`), '--output-dir', o, '-q'], env());
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const rep = JSON.parse(readFileSync(join(o, `keyhound-shard-${i}-of-3.json`), 'utf8')) as JsonReport;
      seen.push(...rep.repositories!.map((x) => x.full_name));
    }
    assert.deepEqual([...seen].sort(), all.repositories!.map((x) => x.full_name).sort(), 'each repository in exactly one shard');
    const merged = join(tempDir('kh-m-'), 'merged.json');
    const m = await runCliAsync(cwd, ['merge', ...dirs, '--format', 'json', '-o', merged]);
    assert.equal(m.code, 1, m.stderr);
    const rep = JSON.parse(readFileSync(merged, 'utf8')) as JsonReport;
    assert.deepEqual(rep.repositories, all.repositories);
    assert.deepEqual(rep.findings, all.findings);
    for (const k of ['files', 'bytes', 'commits', 'blobs', 'findings', 'skipped', 'suppressed'] as const) assert.deepEqual(rep.stats[k], all.stats[k], k);
    const sarif = await runCliAsync(cwd, ['merge', ...dirs, '--format', 'sarif', '--fail-on', 'never']);
    assert.equal(sarif.code, 0);
    const run = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }).runs[0]!;
    assert.ok(run.results.some((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'acme/alpha/config.env'));
  });

  it('--plan prints the matrix for the repositories to scan', async () => {
    const r = await runCliAsync(cwd, ['github', '--org', 'acme', '--github-api-url', gh.apiUrl, '--plan', '--repos-per-shard', '3'], env());
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { shard: ['1/3', '2/3', '3/3'] });
  });

  it('a pagination link to another host is not followed (the token stays with the API)', async () => {
    gh.linkHost = 'localhost';
    const mark = gh.requests.length;
    const r = await runCliAsync(cwd, [...base(), '--cache-dir', tempDir('kh-cl-')], env());
    gh.linkHost = null;
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pointed to another host \(localhost:\d+\)/);
    assert.ok(gh.requests.slice(mark).every((q) => !q.host?.startsWith('localhost')));
  });

  it('a 403 with x-ratelimit-remaining 0 waits for x-ratelimit-reset; a reset beyond --max-rate-limit-wait fails clearly', async () => {
    const plan = ['github', '--org', 'acme', '--github-api-url', gh.apiUrl, '--plan'];
    gh.rateLimitKind = 'reset';
    gh.rateLimitPage = 3;
    gh.rateLimitSeconds = 1;
    const started = Date.now();
    const ok = await runCliAsync(cwd, plan, env());
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /rate limit \(HTTP 403\): waiting [12] s/);
    assert.ok(Date.now() - started >= 1000);
    gh.rateLimitPage = 2;
    gh.rateLimitSeconds = 3600;
    const mark = gh.requests.length;
    const long = await runCliAsync(cwd, [...plan, '--max-rate-limit-wait', '60'], env());
    gh.rateLimitKind = 'retry-after';
    gh.rateLimitPage = null;
    assert.equal(long.code, 2);
    assert.match(long.stderr, /rate limit: the reset is \d+ s away \(over --max-rate-limit-wait 60 s\)/);
    assert.equal(gh.requests.slice(mark).filter((q) => q.url.includes('page=2')).length, 1, 'asked once, not hammered');
  });

  it('a cache held by a live run is refused; a stale lock is taken over', async () => {
    const c = tempDir('kh-lock-');
    writeFileSync(join(c, 'keyhound.lock'), `${hostname()} ${process.pid}\n`);
    const busy = await runCliAsync(cwd, [...base(), '--cache-dir', c, '--repo', 'gamma'], env());
    assert.equal(busy.code, 2);
    assert.match(busy.stderr, /in use by another keyhound github run \(pid \d+\)/);
    writeFileSync(join(c, 'keyhound.lock'), `${hostname()} 999999999\n`);
    const r = await runCliAsync(cwd, [...base(), '--cache-dir', c, '--repo', 'gamma'], env());
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!existsSync(join(c, 'keyhound.lock')), 'released');
  });

  it('an unknown organisation is a usage error (exit 2)', async () => {
    const r = await runCliAsync(cwd, ['github', '--org', 'nobody', '--github-api-url', gh.apiUrl, '--cache-dir', tempDir('kh-cx-')], env());
    assert.equal(r.code, 2);
    assert.match(r.stderr, /organisation nobody not found/);
  });
});

describe('keyhound github --user', () => {
  const gh = new MockGithub();
  let cwd = '';
  before(async () => {
    cwd = tempDir('keyhound-user-cwd-');
    await gh.start();
    gh.add({ owner: 'octo', name: 'pub', id: 1, work: workRepo([['a', { 'a.env': `T=${SECRET.alpha}\n` }]]) });
    gh.add({ owner: 'octo', name: 'secret-stuff', id: 2, private: true, work: workRepo([['b', { 'b.env': `T=${SECRET.delta}\n` }]]) });
  });
  after(() => gh.stop());
  const run = (env: NodeJS.ProcessEnv) =>
    runCliAsync(cwd, ['github', '--user', 'octo', '--github-api-url', gh.apiUrl, '--rules', rulesPath(), '--format', 'json', '-q', '--cache-dir', tempDir('kh-uc-')], env);

  it('without a token lists public repositories only, through /users/{user}/repos, and sends no Authorization', async () => {
    const r = await run({});
    const rep = parse(r.stdout, r.stderr);
    assert.deepEqual(statusOf(rep), { 'octo/pub': 'scanned' });
    assert.ok(gh.requests.some((q) => q.url.startsWith('/api/users/octo/repos')));
    assert.ok(gh.requests.every((q) => q.authorization === undefined));
  });

  it("with the user's own token lists its private repositories through /user/repos", async () => {
    gh.login = 'octo';
    const mark = gh.requests.length;
    const r = await run({ GITHUB_TOKEN: TOKEN });
    const rep = parse(r.stdout, r.stderr);
    assert.deepEqual(statusOf(rep), { 'octo/pub': 'scanned', 'octo/secret-stuff': 'scanned' });
    assert.ok(gh.requests.slice(mark).some((q) => q.url.startsWith('/api/user/repos')));
    assert.deepEqual(secretFindings(rep).map((f) => f.repository).sort(), ['octo/pub', 'octo/secret-stuff']);
  });
  it('--include-pull-requests also scans pull-request heads (a fork commit never merged)', async () => {
    const work = workRepo([['base', { 'ok.txt': 'fine\n' }]]);
    const base = work.head();
    work.commit('from a fork', '2024-05-05T12:00:00Z', { 'pr.env': `T=${SECRET.fork}\n` });
    work.git('update-ref', 'refs/pull/7/head', 'HEAD');
    work.git('reset', '-q', '--hard', base);
    gh.add({ owner: 'octo', name: 'with-pr', id: 3, work });
    const cache = tempDir('kh-pr-');
    const args = ['github', '--user', 'octo', '--repo', 'with-pr', '--github-api-url', gh.apiUrl, '--rules', rulesPath(), '--format', 'json', '-q', '--cache-dir', cache];
    const w = await runCliAsync(cwd, args, {});
    const without = parse(w.stdout, w.stderr);
    assert.equal(secretFindings(without).length, 0);
    const r = await runCliAsync(cwd, [...args, '--include-pull-requests'], {});
    const rep = parse(r.stdout, r.stderr);
    const f = secretFindings(rep);
    assert.deepEqual(f.map((x) => [x.repository, x.file, x.commit?.presentAtHead]), [['octo/with-pr', 'pr.env', false]]);
  });
  it('a tampered cache (config with fsmonitor / alternateRefsCommand, a fetch hook) runs nothing', async () => {
    const cache = tempDir('kh-tamper-');
    const args = ['github', '--user', 'octo', '--repo', 'pub', '--github-api-url', gh.apiUrl, '--rules', rulesPath(), '--format', 'json', '-q', '--cache-dir', cache];
    assert.equal((await runCliAsync(cwd, args, {})).code, 1);
    const mirror = join(cache, `127.0.0.1_${gh.port}`, 'octo', 'pub.git');
    const marker = join(cache, 'pwned');
    const cmd = `touch ${marker}`;
    writeFileSync(join(mirror, 'config'), `[core]\n\tbare = true\n\tfsmonitor = "${cmd}"\n\talternateRefsCommand = "${cmd}"\n\thooksPath = hooks\n[uploadpack]\n\tpackObjectsHook = "${cmd}"\n`);
    mkdirSync(join(mirror, 'hooks'), { recursive: true });
    for (const h of ['reference-transaction', 'post-checkout', 'post-merge']) writeFileSync(join(mirror, 'hooks', h), `#!/bin/sh\n${cmd}\n`, { mode: 0o755 });
    const pub = gh.repos.find((r) => r.name === 'pub')!;
    pub.work!.commit('more', '2024-06-06T12:00:00Z', { 'b.txt': 'x\n' });
    gh.push(pub);
    const r = await runCliAsync(cwd, args, {});
    assert.equal(r.code, 1, r.stderr);
    assert.ok(!existsSync(marker), 'no command from the cached config or hooks ran');
    assert.doesNotMatch(readFileSync(join(mirror, 'config'), 'utf8'), /fsmonitor|hooksPath|packObjectsHook/);
  });
});
