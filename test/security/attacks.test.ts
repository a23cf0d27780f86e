// One attack per break of issue "a hostile repository must not be able to write, hang, hide or leak
// through keyhound": each plants the attack in a temp repository and checks that nothing was written,
// hung, hidden or leaked. The Action's attacks run through action.yml's own scan step.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { checkout, cleanup as cleanupAction, git as agit, pullRequestPayload, Repo } from '../action/helpers.js';
import { json, mockServer, type Mock } from '../revoke/helpers.js';
import { expandExample } from '../../src/rules/example-values.js';
import { secretForms } from '../../src/util/secret-forms.js';
import { assertNoLeak, CLI, cleanupAll, cli, filesUnder, git, home, repo, runScanStep, tmp, token, write } from './helpers.js';

after(() => {
  cleanupAll();
  cleanupAction();
});

let mock: Mock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** A revoke.yaml routing GitHub tokens to a loopback webhook that answers with `answer`. */
function hookConfig(dir: string, url: string, extra = ''): string {
  const file = join(dir, 'revoke.yaml');
  writeFileSync(
    file,
    `retry:\n  retries: 0\n  baseDelay: 10ms\nissuers:\n  hook:\n    type: webhook\n    url: ${url}/revoke\n    rules: [github-*]\n    timeout: 20s\n${extra}`,
  );
  return file;
}
const HOOK_ENV = { KEYHOUND_WEBHOOK_SECRET: 'whsec-attack-tests' };

describe('break 1: writes never follow links the scanned tree plants', () => {
  it('-o, --write-baseline, the audit log and state, through a planted link or a linked folder, write nothing outside', async () => {
    const h = home();
    const victimDir = tmp('keyhound-attack-victim-');
    const victim = join(victimDir, '.bashrc');
    writeFileSync(victim, '# the user\'s shell start-up\n');
    const tok = token('b1');
    const dir = repo({ '$(touch PWNED).env': `GITHUB_TOKEN=${tok}\n` }, h.env);
    mkdirSync(join(dir, '.keyhound'));
    for (const n of ['.keyhound/audit.jsonl', '.keyhound/revoke-state.json', 'report.sarif', 'baseline.json']) symlinkSync(victim, join(dir, n));
    symlinkSync(victimDir, join(dir, 'out'));

    const out = await cli(['scan', '.', '--format', 'sarif', '-o', 'report.sarif'], { cwd: dir, env: h.env });
    assert.equal(out.code, 2, out.stderr);
    assert.match(out.stderr, /report\.sarif: refusing to write through a symbolic link/);
    const viaDir = await cli(['scan', '.', '-o', 'out/r.json', '--format', 'json'], { cwd: dir, env: h.env });
    assert.equal(viaDir.code, 2);
    assert.match(viaDir.stderr, /symbolic link .*out inside the scanned tree/);
    const base = await cli(['scan', '.', '--write-baseline', 'baseline.json'], { cwd: dir, env: h.env });
    assert.equal(base.code, 2);
    assert.match(base.stderr, /baseline\.json.*symbolic link/);

    // revocation: the planted .keyhound/ files are not the defaults any more; the state folder is used
    mock = await mockServer((_req, res) => json(res, 200, {}), 2);
    const conf = hookConfig(h.dir, mock.url);
    const rev = await cli(['scan', '.', '--revoke', '--yes', '--revoke-config', conf], { cwd: dir, env: { ...h.env, ...HOOK_ENV } });
    assert.equal(mock.requests.length, 1, rev.stderr);
    assert.ok(existsSync(join(h.state, 'keyhound', 'audit.jsonl')), 'audit log in the user state folder');
    assert.ok(existsSync(join(h.state, 'keyhound', 'revoke-state.json')), 'state in the user state folder');
    // an explicit path through a planted link is refused too
    const explicit = await cli(['scan', '.', '--revoke', '--yes', '--revoke-config', conf, '--audit-log', '.keyhound/audit.jsonl', '--revoke-state', join(h.dir, 's.json')], {
      cwd: dir,
      env: { ...h.env, ...HOOK_ENV },
    });
    assert.notEqual(explicit.code, 0);
    assert.match(explicit.stderr, /audit\.jsonl.*symbolic link/);

    assert.equal(readFileSync(victim, 'utf8'), '# the user\'s shell start-up\n', 'the link target is untouched');
    assert.deepEqual([...filesUnder(victimDir).keys()], [victim], 'nothing created beside it');
    assert.ok(!existsSync(join(dir, 'PWNED')));
  });

  it('the Action writes its SARIF only inside the workspace or RUNNER_TEMP, never through a planted link', async () => {
    const tok = token('b1a');
    const origin = Repo.init();
    const base = origin.commit('initial', '2024-03-01T10:00:00Z', { 'README.md': '# demo\n' });
    agit(origin.dir, 'checkout', '-q', '-b', 'feature');
    const head = origin.commit('add', '2024-03-02T10:00:00Z', { 'app.env': `T=${tok}\n` });
    agit(origin.dir, 'checkout', '-q', 'main');
    const ws = checkout(origin, { detach: head });
    const victimDir = tmp('keyhound-attack-victim-');
    const victim = join(victimDir, 'victim');
    writeFileSync(victim, 'untouched\n');
    symlinkSync(victim, join(ws, 'keyhound.sarif'));
    const payload = pullRequestPayload({ number: 4, base, head, commits: 1 });
    // the default lies under RUNNER_TEMP; a workflow that names a workspace path meets the planted link
    const r = await runScanStep({ workspace: ws, eventName: 'pull_request', payload, inputs: { 'sarif-file': 'keyhound.sarif' } });
    assert.equal(readFileSync(victim, 'utf8'), 'untouched\n');
    assert.match(r.stdout, /::error title=keyhound::sarif-file: .*symbolic link/);
    assert.match(r.stdout, /no SARIF written/);
    assert.equal(r.code, 2);
    const outside = await runScanStep({ workspace: ws, eventName: 'pull_request', payload, inputs: { 'sarif-file': `../../${victimDir.split('/').pop()}/x.sarif` } });
    assert.equal(outside.code, 2);
    assert.match(outside.stdout, /sarif-file must be inside the workspace/);
    assert.deepEqual([...filesUnder(victimDir).keys()], [victim]);
  });
});

describe('break 2: published fingerprints do not allow offline guessing', () => {
  it('a 6-character OKX passphrase: keyed fingerprint, no character shown; stable across moves and shared by key', async () => {
    const h = home();
    const pass = 'Kx7q!Z';
    const apiKey = expandExample('{{uuid}}', 'b2-key');
    const apiSecret = expandExample('{{HEX:32}}', 'b2-secret');
    const cfg = (name: string) => ({
      [name]: `exchanges:\n  okx:\n    apiKey: "${apiKey}"\n    secret: "${apiSecret}"\n    passphrase: ${pass}\n`,
    });
    const dir = repo(cfg('config.yaml'), h.env);
    const scan = async (cwd: string, env: NodeJS.ProcessEnv) => {
      const r = await cli(['scan', '.', '--format', 'json'], { cwd, env });
      const j = JSON.parse(r.stdout) as { findings: { ruleId: string; fingerprint: string; redacted: string; file: string }[] };
      const f = j.findings.find((x) => x.ruleId === 'okx-api-passphrase');
      assert.ok(f, r.stdout + r.stderr);
      return { f, r };
    };
    const { f, r } = await scan(dir, h.env);
    assert.equal(f.redacted, '…', 'no character of a short secret');
    // the old, unkeyed fingerprint (anyone could test guesses against it) is gone
    const unkeyed = createHash('sha256').update(`keyhound:v1\0okx-api-passphrase\0${pass}`).digest('hex').slice(0, 32);
    assert.notEqual(f.fingerprint, unkeyed);
    assert.ok(!r.stdout.includes(unkeyed));
    // it is an HMAC under the key in the user's state folder, which never appears in any output
    const key = readFileSync(join(h.state, 'keyhound', 'fingerprint.key'), 'utf8').trim();
    assert.equal(f.fingerprint, createHmac('sha256', Buffer.from(key, 'hex')).update(`keyhound:v2\0okx-api-passphrase\0${pass}`).digest('hex').slice(0, 32));
    assert.ok(!r.stdout.includes(key) && !r.stderr.includes(key));
    // stable when the file moves
    renameSync(join(dir, 'config.yaml'), join(dir, 'moved.yml'));
    assert.equal((await scan(dir, h.env)).f.fingerprint, f.fingerprint);
    // a team shares one key (KEYHOUND_FINGERPRINT_KEY): two machines agree; another key disagrees
    const team = { KEYHOUND_FINGERPRINT_KEY: 'team-secret-from-the-vault' };
    const a = await scan(dir, { ...h.env, ...team });
    const other = home();
    const b = await scan(repo(cfg('elsewhere.yaml'), other.env), { ...other.env, ...team });
    assert.equal(a.f.fingerprint, b.f.fingerprint);
    assert.notEqual(a.f.fingerprint, f.fingerprint);
    // the baseline holds no key material either
    await cli(['scan', '.', '--write-baseline', join(h.dir, 'b.json')], { cwd: dir, env: h.env });
    const baseline = JSON.parse(readFileSync(join(h.dir, 'b.json'), 'utf8')) as { salt?: string; version: number };
    assert.equal(baseline.salt, undefined);
    assert.equal(baseline.version, 2);
  });
});

describe('break 3: a pull request cannot hide its own secret in the Action', () => {
  it('narrowing config comes from the base commit; the change gets a notice; exclusions are counted', async () => {
    const tok = token('b3');
    const origin = Repo.init();
    const base = origin.commit('initial', '2024-03-01T10:00:00Z', {
      'README.md': '# demo\n',
      '.keyhound.yaml': 'paths:\n  exclude: ["vendor/"]\n',
    });
    agit(origin.dir, 'checkout', '-q', '-b', 'feature');
    const head = origin.commit('tidy config', '2024-03-02T10:00:00Z', {
      '.keyhound.yaml': 'paths:\n  exclude: ["*.env", "vendor/"]\nallow:\n  - pattern: "."\n    reason: nothing to see\nrules:\n  disable: [github-classic-token]\n',
      '.keyhoundignore': 'deploy/\n',
      'deploy/prod.env': `GITHUB_TOKEN=${tok}\n`,
      'vendor/lib.js': 'export const x = 1;\n',
    });
    agit(origin.dir, 'checkout', '-q', 'main');
    const ws = checkout(origin, { detach: head });
    const r = await runScanStep({ workspace: ws, eventName: 'pull_request', payload: pullRequestPayload({ number: 5, base, head, commits: 1 }) });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.outputs.findings, '1');
    assert.match(r.stdout, /::warning title=keyhound::.*change \.keyhound\.yaml.*base commit/);
    assert.match(r.stdout, /::warning title=keyhound::.*add \.keyhoundignore/);
    assert.match(r.summary, /Configuration: the scanned commits change \.keyhound\.yaml/);
    assert.match(r.summary, /Skipped: 1 \(1 ignored\)/, 'the base config excludes vendor/: counted');
    assertNoLeak({ stdout: r.stdout, summary: r.summary, outputs: r.outputsText }, [tok]);
  });
});

describe('break 4: special files neither hang nor exhaust memory', () => {
  it('FIFOs and /dev/zero as config, ignore files, .gitignore or baseline; --write-baseline /dev/full', async () => {
    const h = home();
    const tok = token('b4');
    const fifo = (p: string) => assert.equal(spawnSync('mkfifo', [p]).status, 0);
    const mk = () => {
      const d = repo({ 'app.env': `T=${tok}\n` }, h.env);
      return d;
    };
    const cfgFifo = mk();
    fifo(join(cfgFifo, '.keyhound.yaml'));
    let r = await cli(['scan', '.'], { cwd: cfgFifo, env: h.env, timeoutMs: 30_000 });
    assert.equal(r.code, 2, `config FIFO: ${r.stderr}`);
    assert.match(r.stderr, /\.keyhound\.yaml.*not a regular file/);

    const zero = mk();
    symlinkSync('/dev/zero', join(zero, '.keyhound.yml'));
    r = await cli(['scan', '.'], { cwd: zero, env: h.env, timeoutMs: 30_000 });
    assert.equal(r.code, 2, `config /dev/zero: ${r.stderr}`);
    assert.match(r.stderr, /\.keyhound\.yml.*not a regular file/);

    const ignores = mk();
    fifo(join(ignores, '.keyhoundignore'));
    fifo(join(ignores, '.gitignore'));
    r = await cli(['scan', '.', '--format', 'json'], { cwd: ignores, env: h.env, timeoutMs: 30_000 });
    assert.equal(r.code, 1, `ignore FIFOs: ${r.stderr}`);
    assert.match(r.stderr, /\.keyhoundignore not used: .*not a regular file/);
    assert.match(r.stderr, /\.gitignore not used: .*not a regular file/);
    assert.equal((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length, 1, 'the scan went on');

    const bl = mk();
    fifo(join(bl, 'baseline.json'));
    r = await cli(['scan', '.', '--baseline', 'baseline.json'], { cwd: bl, env: h.env, timeoutMs: 30_000 });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /baseline\.json.*not a regular file/);
    symlinkSync('/dev/zero', join(bl, 'zero.json'));
    r = await cli(['scan', '.', '--baseline', 'zero.json'], { cwd: bl, env: h.env, timeoutMs: 30_000 });
    assert.equal(r.code, 2);

    if (existsSync('/dev/full')) {
      r = await cli(['scan', '.', '--write-baseline', '/dev/full'], { cwd: bl, env: h.env, timeoutMs: 30_000 });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\/dev\/full.*not a regular file/);
    }
  });
});

describe('break 5: encoded forms of a secret never come back through revocation errors', () => {
  it('a webhook echoing the request (JSON, form, base64) leaks nothing to stderr, audit log or state', async () => {
    const h = home();
    const secret = token('b5');
    mock = await mockServer((req, res) => {
      const echo = `${req.body} ${Buffer.from(req.body).toString('base64')} ${encodeURIComponent(req.body)}`;
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`bad request: ${echo}`);
    }, 4);
    for (const encoding of ['json', 'form']) {
      const conf = hookConfig(h.dir, mock.url, encoding === 'form' ? "    encoding: form\n    body: 'token={{secret}}&file={{file}}'\n" : '');
      const r = await cli(['revoke', '--rule', 'github-classic-token', '--yes', '--revoke-config', conf], {
        cwd: h.dir,
        env: { ...h.env, ...HOOK_ENV },
        stdin: `${secret}\n`,
      });
      assert.equal(r.code, 1, r.stderr + r.stdout);
      assert.match(r.stdout, /HTTP 400/);
      const files = Object.fromEntries(filesUnder(h.state));
      assertNoLeak({ stdout: r.stdout, stderr: r.stderr, ...files }, [secret]);
    }
    assert.equal(mock.requests.length, 2);
    // the scrubber covers every form keyhound sends, PEM lines included
    const pem = `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oKr6e/cO1q7JoAoGCCqGSM49\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----`;
    const forms = secretForms(pem);
    assert.ok(forms.includes('MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oKr6e/cO1q7JoAoGCCqGSM49'));
    assert.ok(forms.includes(encodeURIComponent(pem)) && forms.includes(JSON.stringify(pem).slice(1, -1)));
  });
});

describe('break 6: UTF-16 text is scanned as text', () => {
  it('LE and BE, with and without BOM, in scan and history, with the right lines and columns; binaries stay skipped', async () => {
    const h = home();
    const toks = [token('le'), token('be'), token('nobom')];
    const text = (t: string) => `# exported settings\r\n\r\n$token = "${t}"\r\n`;
    const le = (s: string) => Buffer.from(s, 'utf16le');
    const be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    const dir = repo(
      {
        'win/settings.ps1': Buffer.concat([Buffer.from([0xff, 0xfe]), le(text(toks[0]!))]),
        'win/export.reg': Buffer.concat([Buffer.from([0xfe, 0xff]), be(text(toks[1]!))]),
        'win/app.config': le(text(toks[2]!)),
        'img.bin': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x13]), Buffer.from(token('bin'))]),
      },
      h.env,
    );
    for (const cmd of ['scan', 'history']) {
      const r = await cli([cmd, '.', '--format', 'json'], { cwd: dir, env: h.env });
      const j = JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number }[]; stats: { skipped: { binary: number } } };
      const got = j.findings.map((f) => [f.file, f.line, f.column]).sort();
      assert.deepEqual(got, [
        ['win/app.config', 3, 11],
        ['win/export.reg', 3, 11],
        ['win/settings.ps1', 3, 11],
      ], `${cmd}: ${r.stdout}`);
      assert.equal(j.stats.skipped.binary, 1, `${cmd}: the binary stays skipped`);
    }
  });
});

describe('break 7: a planted revoke state cannot suppress revocation', () => {
  it('a committed .keyhound/revoke-state.json is never read', async () => {
    const h = home();
    const tok = token('b7');
    const unkeyed = createHash('sha256').update(`keyhound:v1\0github-classic-token\0${tok}`).digest('hex').slice(0, 32);
    const state = JSON.stringify({ version: 1, revoked: { [unkeyed]: { rule: 'github-classic-token', issuer: 'hook', outcome: 'revoked', time: '2024-01-01T00:00:00Z', redacted: 'ghp_…' } } });
    const dir = repo({ 'app.env': `T=${tok}\n`, '.keyhound/revoke-state.json': state }, h.env);
    mock = await mockServer((_req, res) => json(res, 200, {}), 3);
    const conf = hookConfig(h.dir, mock.url);
    const r = await cli(['scan', '.', '--revoke', '--yes', '--revoke-config', conf], { cwd: dir, env: { ...h.env, ...HOOK_ENV } });
    assert.equal(mock.requests.length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /done earlier/);
    const viaRevoke = await cli(['revoke', '--rule', 'github-classic-token', '--yes', '--revoke-config', conf, '--revoke-state', join(h.dir, 'other-state.json')], {
      cwd: dir,
      env: { ...h.env, ...HOOK_ENV },
      stdin: tok,
    });
    assert.equal(mock.requests.length, 2, viaRevoke.stderr + viaRevoke.stdout);
    assert.equal(readFileSync(join(dir, '.keyhound/revoke-state.json'), 'utf8'), state, 'the planted file is not written either');
  });
});

describe('break 8: revocation is crash-safe and single-run', () => {
  it('kill -9 mid-request leaves an intent record; the retry reuses the delivery id; two concurrent runs revoke once', async () => {
    const h = home();
    const tok = token('b8');
    let hold = true;
    const deliveries: string[] = [];
    let arrived: () => void = () => {};
    const first = new Promise<void>((r) => (arrived = r));
    mock = await mockServer((req, res) => {
      deliveries.push(String(req.headers['x-keyhound-delivery']));
      arrived();
      if (hold) return; // never answers: the run is killed while waiting
      json(res, 200, {});
    }, 5);
    const conf = hookConfig(h.dir, mock.url);
    const stateFile = join(h.state, 'keyhound', 'revoke-state.json');
    const child = spawn(process.execPath, [CLI, 'revoke', '--rule', 'github-classic-token', '--yes', '--revoke-config', conf], {
      cwd: h.dir,
      env: { ...h.env, ...HOOK_ENV },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.stdin.end(tok);
    await Promise.race([first, new Promise((_r, rej) => setTimeout(() => rej(new Error('no request within 30 s')), 30_000))]);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const audit = readFileSync(join(h.state, 'keyhound', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; delivery: string });
    assert.deepEqual(audit.map((a) => a.outcome), ['sending'], 'the intent was journalled before the request');
    assert.equal(audit[0]!.delivery, deliveries[0]);
    assert.ok(existsSync(`${stateFile}.lock`), 'the dead run left its lock behind');

    hold = false;
    const retry = await cli(['revoke', '--rule', 'github-classic-token', '--yes', '--revoke-config', conf], { cwd: h.dir, env: { ...h.env, ...HOOK_ENV }, stdin: tok });
    assert.equal(retry.code, 0, retry.stderr + retry.stdout);
    assert.deepEqual(deliveries, [deliveries[0], deliveries[0]], 'the retry after the crash reuses the delivery id');

    // two concurrent runs on one state file: the second waits for the lock, then finds it done
    const tok2 = token('b8b');
    const both = await Promise.all(
      [0, 1].map(() => cli(['revoke', '--rule', 'github-classic-token', '--yes', '--revoke-config', conf], { cwd: h.dir, env: { ...h.env, ...HOOK_ENV }, stdin: tok2 })),
    );
    assert.deepEqual(both.map((b) => b.code), [0, 0], both.map((b) => b.stderr).join('\n'));
    assert.equal(deliveries.length, 3, 'the second token was sent once');
    assert.equal(both.filter((b) => /done earlier/.test(b.stdout)).length, 1);
    assert.ok(!existsSync(`${stateFile}.lock`));
  });
});

describe('break 9: smaller breaks', () => {
  it('a secret used as a file name is a finding and redacted in every channel, SARIF and baseline included', async () => {
    const h = home();
    const tok = token('name');
    const dir = repo({ [`keys/${tok}.txt`]: 'nothing inside\n' }, h.env);
    const texts: Record<string, string> = {};
    for (const format of ['text', 'json', 'sarif']) {
      const r = await cli(['scan', '.', '--format', format], { cwd: dir, env: h.env });
      assert.equal(r.code, 1, r.stderr);
      texts[`${format} stdout`] = r.stdout;
      texts[`${format} stderr`] = r.stderr;
    }
    const sarif = JSON.parse(texts['sarif stdout']!) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(decodeURIComponent(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri), 'keys/ghp_….txt');
    const named = JSON.parse(texts['json stdout']!) as { findings: { message: string }[] };
    assert.match(named.findings[0]!.message, /\(in a file or folder name\)$/, 'the message says where the secret stood');
    await cli(['scan', '.', '--write-baseline', join(h.dir, 'b.json')], { cwd: dir, env: h.env });
    texts.baseline = readFileSync(join(h.dir, 'b.json'), 'utf8');
    const hist = await cli(['history', '.', '--format', 'json'], { cwd: dir, env: h.env });
    texts.history = hist.stdout + hist.stderr;
    assert.match(hist.stdout, /keys\/ghp_…\.txt/);
    assertNoLeak(texts, [tok]);
  });

  it('staged and history never run the repository\'s core.fsmonitor or other configured commands', async () => {
    const h = home();
    const dir = repo({ 'README.md': '# x\n' }, h.env);
    const marker = join(tmp(), 'PWNED');
    const script = join(tmp(), 'evil.sh');
    writeFileSync(script, `#!/bin/sh\ntouch ${marker}\nexit 1\n`, { mode: 0o755 });
    write(dir, { 'a.txt': 'change\n' });
    git(dir, h.env, 'add', 'a.txt');
    for (const [k, v] of [['core.fsmonitor', script], ['core.pager', script], ['diff.external', script], ['core.sshCommand', script], ['gpg.program', script]]) git(dir, h.env, 'config', k!, v!);
    for (const args of [['staged'], ['history', '.'], ['scan', '.']]) {
      const r = await cli(args, { cwd: dir, env: h.env });
      assert.equal(r.code, 0, `${args[0]}: ${r.stderr}`);
      assert.ok(!existsSync(marker), `${args[0]} ran a repository-configured command`);
    }
  });

  it('commit messages are scanned in history and redacted', async () => {
    const h = home();
    const tok = token('msg');
    const dir = repo({ 'README.md': '# x\n' }, h.env, `deploy: use ${tok} for now`);
    const r = await cli(['history', '.', '--format', 'json'], { cwd: dir, env: h.env });
    assert.equal(r.code, 1, r.stderr);
    const j = JSON.parse(r.stdout) as { findings: { file: string; message: string; commit?: { subject?: string } }[] };
    assert.equal(j.findings.length, 1);
    assert.equal(j.findings[0]!.file, 'COMMIT_EDITMSG');
    assert.match(j.findings[0]!.message, /\(in the message of commit [0-9a-f]{12}\)$/);
    assert.equal(j.findings[0]!.commit?.subject, 'deploy: use ghp_… for now');
    const text = await cli(['history', '.'], { cwd: dir, env: h.env });
    assertNoLeak({ json: r.stdout + r.stderr, text: text.stdout + text.stderr }, [tok]);
  });

  it('a --rules file cannot keep a revoker', async () => {
    const h = home();
    const secret = `acme_${token('rules').slice(4, 28)}`;
    const rules = join(h.dir, 'rules.yaml');
    writeFileSync(
      rules,
      `rules:\n  - id: acme-token\n    title: Acme token\n    provider: acme\n    severity: error\n    keywords: [acme_]\n    pattern: '\\b(acme_[A-Za-z0-9]{24})\\b'\n    revoker: github\n    tags: [secret]\n    examples:\n      match: ['t = acme_{{alnum:24}}']\n      nomatch: ['t = acme_short']\n`,
    );
    const dir = repo({ 'app.env': `T=${secret}\n` }, h.env);
    mock = await mockServer((_req, res) => json(res, 202, []), 2);
    const r = await cli(['scan', '.', '--rules', rules, '--revoke', '--yes', '--github-api-url', mock.url], { cwd: dir, env: { ...h.env, GITHUB_TOKEN: 'x' } });
    assert.equal(mock.requests.length, 0, r.stderr);
    assert.match(r.stderr, /no issuer able to revoke/);
  });

  it('config, baseline and rule-file errors name file, line and key, never the value', async () => {
    const h = home();
    const tok = token('cfg');
    const cases: [string, string, string[]][] = [
      ['.keyhound.yaml', `fail-on: ${tok}\n`, []],
      ['.keyhound.yaml', `allow:\n  - pattern: "(?<=${tok})"\n    reason: x\n`, []],
      ['.keyhound.yaml', `rules:\n  disable: [${tok.toLowerCase().replace(/_/g, '-')}]\n`, []],
      ['.keyhound.yaml', `paths: {exclude: [a]\nkey: "${tok}\n`, []],
      ['baseline.json', `{"keyhound": "baseline", ${tok}}`, ['--baseline', 'baseline.json']],
    ];
    for (const [file, content, args] of cases) {
      const dir = repo({ [file]: content }, h.env);
      const r = await cli(['scan', '.', ...args], { cwd: dir, env: h.env });
      assert.equal(r.code, 2, `${content}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(file.replace('.', '\\.')));
      assertNoLeak({ [content]: r.stdout + r.stderr }, [tok, tok.toLowerCase().replace(/_/g, '-')]);
    }
  });

  it('http://evil.localhost is not loopback: only literal loopback addresses may use http', async () => {
    const h = home();
    for (const host of ['evil.localhost', 'localhost', 'localhost.example.com']) {
      const conf = hookConfig(h.dir, `http://${host}:8080`);
      const r = await cli(['revoke', '--rule', 'github-classic-token', '--revoke-config', conf], { cwd: h.dir, env: { ...h.env, ...HOOK_ENV }, stdin: token('lb') });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /must be https \(http only to a loopback address/);
    }
  });

  it('CR-only line endings count as lines', async () => {
    const h = home();
    const tok = token('cr');
    const dir = repo({ 'mac.cfg': `first\rsecond\rtoken = ${tok}\r` }, h.env);
    const r = await cli(['scan', '.', '--format', 'json'], { cwd: dir, env: h.env });
    const j = JSON.parse(r.stdout) as { findings: { line: number; column: number }[] };
    assert.deepEqual(j.findings.map((f) => [f.line, f.column]), [[3, 9]]);
  });
});
