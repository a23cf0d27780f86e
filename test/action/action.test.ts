// The action's entry script in a simulated Actions environment: pull requests, pushes, a shallow checkout,
// baselines, review comments against a loopback REST mock, revocation configured by the workflow only.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import type { Finding } from '../../src/core/finding.js';
import { Baseline } from '../../src/suppress/baseline.js';
import { validateSarifFiles } from '../support/validate-sarif.js';
import { checkout, cleanup, git, githubMock, plantedToken, pullRequestPayload, pushPayload, Repo, runAction, tempDir, type GitHubMock, type RunResult } from './helpers.js';

const ZERO = '0000000000000000000000000000000000000000';

/** Every place the action writes to must be free of the planted secrets. */
function assertNoSecrets(r: RunResult, secrets: string[], extra: Record<string, string> = {}): void {
  const places: Record<string, string> = { stdout: r.stdout, stderr: r.stderr, summary: r.summary, outputs: r.outputsText, ...extra };
  for (const s of secrets) {
    for (const [where, text] of Object.entries(places)) {
      assert.ok(!text.includes(s), `the secret appears in ${where}`);
      // the random middle part alone must not appear either
      assert.ok(!text.includes(s.slice(8, 30)), `part of the secret appears in ${where}`);
    }
  }
}

function findingAnnotations(r: RunResult): string[] {
  return r.annotations.filter((a) => / file=/.test(a));
}

/** origin: main with one clean commit; `feature` adds `files` in one commit. */
function prRepo(files: Record<string, string>, featureBranch = 'feature', baseFiles: Record<string, string> = {}): { origin: Repo; base: string; head: string } {
  const origin = Repo.init();
  const base = origin.commit('initial', '2024-03-01T10:00:00Z', {
    'README.md': '# demo\n',
    'src/app.js': 'export const app = () => "hello";\n',
    ...baseFiles,
  });
  git(origin.dir, 'checkout', '-q', '-b', featureBranch);
  const head = origin.commit('Add the exchange client', '2024-03-02T10:00:00Z', files);
  git(origin.dir, 'checkout', '-q', 'main');
  return { origin, base, head };
}

/** The workspace actions/checkout makes for a pull request: full clone, the merge commit checked out. */
function prWorkspace(origin: Repo, head: string): { ws: string; merge: string } {
  const ws = checkout(origin, { detach: 'origin/main' });
  git(ws, 'merge', '-q', '--no-ff', '--no-edit', head);
  return { ws, merge: git(ws, 'rev-parse', 'HEAD') };
}

const sarifToValidate: string[] = [];
const sarifKeep = tempDir('keyhound-action-sarif-');
function keepSarif(path: string, name: string): void {
  const copy = join(sarifKeep, `${name}.sarif`);
  copyFileSync(path, copy);
  sarifToValidate.push(copy);
}

describe('keyhound action', () => {
  let mock: GitHubMock | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  after(() => cleanup());

  it('a pull request adding a secret fails with one annotation, a summary row, SARIF and one review comment; a re-run adds no duplicate', async () => {
    const token = plantedToken('pr');
    const { origin, base, head } = prRepo({
      'src/client.js': `import { Octokit } from "@octokit/rest";\n\nconst octokit = new Octokit({ auth: "${token}" });\nexport default octokit;\n`,
    });
    const { ws, merge } = prWorkspace(origin, head);
    mock = await githubMock();
    const run = () =>
      runAction({
        workspace: ws,
        eventName: 'pull_request',
        payload: pullRequestPayload({ number: 7, base, head, commits: 1 }),
        githubSha: merge,
        apiUrl: mock!.url,
        inputs: { comment: 'true' },
      });
    const r = await run();
    assert.equal(r.code, 1, r.stdout + r.stderr);

    // one annotation, on the line the pull request added
    assert.equal(r.annotations.length, 1, r.annotations.join('\n'));
    assert.match(r.annotations[0]!, /^::error file=src\/client\.js,line=3,endLine=3,col=\d+,endColumn=\d+,title=GitHub token/);
    assert.ok(r.annotations[0]!.includes('github-classic-token'));

    // summary: a row with rule, file:line, commit, redacted secret
    assert.match(r.summary, /Found 1 secret/);
    const row = r.summary.split('\n').find((l) => l.includes('src/client.js:3'));
    assert.ok(row, r.summary);
    assert.ok(row.includes('`github-classic-token`'));
    assert.ok(row.includes(head.slice(0, 7)), 'the commit');
    assert.match(r.summary, /pull request #7/);
    assert.match(r.summary, /Suppressed: 0/);

    // outputs and SARIF
    assert.equal(r.outputs.findings, '1');
    assert.match(r.outputs['sarif-file']!, /[\\/]tmp[\\/]keyhound\.sarif$/, 'SARIF under $RUNNER_TEMP by default');
    assert.ok(!r.outputs['sarif-file']!.startsWith(ws));
    const sarifText = readFileSync(r.outputs['sarif-file']!, 'utf8');
    const sarif = JSON.parse(sarifText) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(sarif.runs[0]!.results.length, 1);
    assert.equal(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'src/client.js');
    keepSarif(r.outputs['sarif-file']!, 'pr-secret');
    // the HTML report the composite step uploads as an artifact
    assert.match(r.outputs['html-report']!, /keyhound-report\.html$/);
    const html = readFileSync(r.outputs['html-report']!, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
    assert.ok(html.includes('src/client.js'));

    // one review comment on the head commit's line, with the fingerprint marker and no secret
    assert.equal(mock.comments.length, 1);
    const c = mock.comments[0]!;
    assert.equal(c.path, 'src/client.js');
    assert.equal(c.line, 3);
    assert.equal(c.side, 'RIGHT');
    assert.equal(c.commit_id, head, 'comments go on the pull request head, not the merge commit');
    assert.match(c.body, /^<!-- keyhound:finding [0-9a-f]+:[0-9a-f]{16} -->/);
    const auth = mock.requests.find((q) => q.method === 'POST')!.headers.authorization;
    assert.match(String(auth), /^token ghs_testtoken/);
    assert.match(r.summary, /Review comments: 1 posted/);

    // re-run: the comment is found by its marker and not posted again
    const again = await run();
    assert.equal(again.code, 1);
    assert.equal(mock.comments.length, 1);
    assert.equal(mock.requests.filter((q) => q.method === 'POST').length, 1);
    assert.equal(mock.requests.filter((q) => q.method === 'PATCH').length, 0);
    assert.match(again.summary, /Review comments: 0 posted, 0 updated, 1 already there/);
    assert.deepEqual(mock.unexpected, []);

    assertNoSecrets(r, [token], { sarif: sarifText, comments: mock.comments.map((x) => x.body).join('\n'), requests: mock.requests.map((q) => q.body).join('\n') });
    assertNoSecrets(again, [token]);
  });

  it('a pull request without secrets passes', async () => {
    const { origin, base, head } = prRepo({ 'src/client.js': 'export const url = "https://api.example.test";\n', 'docs/setup.md': 'Set GITHUB_TOKEN in your environment.\n' });
    const { ws, merge } = prWorkspace(origin, head);
    mock = await githubMock();
    const r = await runAction({
      workspace: ws,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 8, base, head, commits: 1 }),
      githubSha: merge,
      apiUrl: mock.url,
      inputs: { comment: 'true', 'sarif-file': 'reports/keyhound.sarif' },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.annotations.length, 0, r.annotations.join('\n'));
    assert.match(r.summary, /No secrets found/);
    assert.equal(r.outputs.findings, '0');
    assert.equal(r.outputs['sarif-file'], join(ws, 'reports', 'keyhound.sarif'));
    assert.ok(existsSync(r.outputs['sarif-file']!));
    keepSarif(r.outputs['sarif-file']!, 'pr-clean');
    assert.equal(mock.requests.length, 0, 'no findings, no API calls');
  });

  describe('push', () => {
    // main already holds an old secret; release-x adds a new one
    const oldToken = plantedToken('old');
    const newToken = plantedToken('new');
    const origin = Repo.init();
    origin.commit('initial', '2024-01-01T10:00:00Z', { 'README.md': '# demo\n' });
    origin.commit('legacy settings', '2024-01-05T10:00:00Z', { 'legacy.env': `GITHUB_TOKEN=${oldToken}\n` });
    const mainTip = git(origin.dir, 'rev-parse', 'HEAD');
    git(origin.dir, 'checkout', '-q', '-b', 'release-x');
    const c1 = origin.commit('deploy settings', '2024-02-01T10:00:00Z', { 'deploy/config.yml': `deploy:\n  region: eu\n  github_token: ${newToken}\n` });
    const c2 = origin.commit('docs', '2024-02-02T10:00:00Z', { 'deploy/README.md': 'How to deploy.\n' });
    git(origin.dir, 'checkout', '-q', 'main');

    it('to a new branch (all-zero before) scans only the commits no other branch has', async () => {
      const ws = checkout(origin, { branch: 'release-x' });
      const r = await runAction({
        workspace: ws,
        eventName: 'push',
        payload: pushPayload({ ref: 'refs/heads/release-x', before: ZERO, after: c2, commits: [c1, c2] }),
        githubSha: c2,
      });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.equal(r.outputs.findings, '1');
      assert.equal(findingAnnotations(r).length, 1);
      assert.match(findingAnnotations(r)[0]!, /file=deploy\/config\.yml,line=3/);
      assert.ok(!r.summary.includes('legacy.env'), 'the old secret on main is not this push’s');
      assert.match(r.summary, /push of new branch release-x/);
      keepSarif(r.outputs['sarif-file']!, 'push-new-branch');
      assertNoSecrets(r, [oldToken, newToken], { sarif: readFileSync(r.outputs['sarif-file']!, 'utf8') });
    });

    it('a new branch is still scanned when origin/HEAD points at it', async () => {
      const ws = checkout(origin, { branch: 'release-x' });
      git(ws, 'remote', 'set-head', 'origin', 'release-x');
      const r = await runAction({
        workspace: ws,
        eventName: 'push',
        payload: pushPayload({ ref: 'refs/heads/release-x', before: ZERO, after: c2, commits: [c1, c2] }),
      });
      assert.equal(r.outputs.findings, '1', r.stdout);
    });

    it('before..after of an existing branch', async () => {
      const ws = checkout(origin, { branch: 'release-x' });
      const r = await runAction({
        workspace: ws,
        eventName: 'push',
        payload: pushPayload({ ref: 'refs/heads/release-x', before: c1, after: c2, commits: [c2] }),
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.outputs.findings, '0');
      const r2 = await runAction({
        workspace: ws,
        eventName: 'push',
        payload: pushPayload({ ref: 'refs/heads/release-x', before: mainTip, after: c2, commits: [c1, c2] }),
      });
      assert.equal(r2.code, 1);
      assert.equal(r2.outputs.findings, '1');
    });

    it('a new branch in a clone with no other branch falls back to its full history', async () => {
      const ws = checkout(origin, { branch: 'release-x' });
      git(ws, 'update-ref', '-d', 'refs/remotes/origin/main');
      const r = await runAction({
        workspace: ws,
        eventName: 'push',
        payload: pushPayload({ ref: 'refs/heads/release-x', before: ZERO, after: c2, commits: [c1, c2] }),
      });
      assert.equal(r.code, 1);
      assert.equal(r.outputs.findings, '2');
      assert.match(r.summary, /full history of release-x/);
    });

    it('a scheduled run (mode auto) or mode full scans the full history', async () => {
      const ws = checkout(origin, { branch: 'main' });
      const r = await runAction({ workspace: ws, eventName: 'schedule', payload: { schedule: '0 3 * * *' }, inputs: { 'fail-on': 'never' } });
      assert.equal(r.code, 0, 'fail-on never');
      assert.equal(r.outputs.findings, '2');
      assert.equal(findingAnnotations(r).length, 2);
      assertNoSecrets(r, [oldToken, newToken]);
    });

    it('mode pr outside a pull request is a clear error', async () => {
      const ws = checkout(origin, { branch: 'main' });
      const r = await runAction({ workspace: ws, eventName: 'push', payload: pushPayload({ ref: 'refs/heads/main', before: ZERO, after: mainTip, commits: [] }), inputs: { mode: 'pr' } });
      assert.equal(r.code, 2);
      assert.match(r.annotations[0]!, /^::error title=keyhound::mode pr needs a pull_request/);
    });
  });

  it('a shallow checkout missing the base fails clearly, naming fetch-depth: 0', async () => {
    const token = plantedToken('shallow');
    const { origin, base, head } = prRepo({ 'src/client.js': `const auth = "${token}";\n` });
    // what actions/checkout fetches by default for a pull request: only the merge commit
    git(origin.dir, 'checkout', '-q', '-b', 'pr-7-merge');
    git(origin.dir, 'merge', '-q', '--no-ff', '--no-edit', head);
    const merge = git(origin.dir, 'rev-parse', 'HEAD');
    git(origin.dir, 'checkout', '-q', 'main');
    const ws = checkout(origin, { depth: 1, branch: 'pr-7-merge' });
    assert.equal(git(ws, 'rev-parse', '--is-shallow-repository'), 'true');
    const r = await runAction({ workspace: ws, eventName: 'pull_request', payload: pullRequestPayload({ number: 7, base, head, commits: 1 }), githubSha: merge });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.equal(r.annotations.length, 1);
    const err = r.annotations[0]!;
    assert.match(err, /^::error title=keyhound::/);
    assert.ok(err.includes(base), 'names the missing commit');
    assert.ok(err.includes('`fetch-depth: 0`'), err);
    assert.ok(err.includes('fetch-depth: 3'), 'or the depth this pull request needs');
    assert.match(r.summary, /could not run/);
    assert.match(r.summary, /fetch-depth: 0/);
    assert.equal(r.outputs.findings, '');
    assertNoSecrets(r, [token]);
  });

  it('the baseline is honoured: a baselined secret is suppressed and counted, a new one still fails', async () => {
    const known = plantedToken('known');
    const fresh = plantedToken('fresh');
    const { origin, base, head } = prRepo({
      'config/ci.env': `# reviewed: a revoked token kept for the incident write-up\nGITHUB_TOKEN=${known}\n`,
      'src/deploy.js': `export const token = "${fresh}";\n`,
    });
    const { ws, merge } = prWorkspace(origin, head);
    // the baseline a maintainer recorded for the reviewed token (keyed fingerprints only), under the
    // team's fingerprint key, which the workflow passes as a secret
    const baselineFile = join(ws, '.keyhound-baseline.json');
    const teamKey = { KEYHOUND_FINGERPRINT_KEY: 'team-key-from-a-repository-secret' };
    process.env.KEYHOUND_FINGERPRINT_KEY = teamKey.KEYHOUND_FINGERPRINT_KEY;
    try {
      Baseline.empty()
        .withFindings([{ ruleId: 'github-classic-token', secret: known, file: 'config/ci.env', line: 2 } as Finding])
        .write(baselineFile);
    } finally {
      delete process.env.KEYHOUND_FINGERPRINT_KEY;
    }
    assert.ok(!readFileSync(baselineFile, 'utf8').includes(known));
    const payload = pullRequestPayload({ number: 9, base, head, commits: 1 });

    const r = await runAction({ workspace: ws, eventName: 'pull_request', payload, githubSha: merge, inputs: { baseline: '.keyhound-baseline.json' }, env: teamKey });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.outputs.findings, '1');
    assert.equal(findingAnnotations(r).length, 1);
    assert.match(findingAnnotations(r)[0]!, /file=src\/deploy\.js/);
    assert.match(r.summary, /Suppressed: 1 \(1 baseline\)/);
    assert.match(r.summary, /Baseline: `\.keyhound-baseline\.json`/);
    assertNoSecrets(r, [known, fresh]);

    // without the baseline both are reported
    const all = await runAction({ workspace: ws, eventName: 'pull_request', payload, githubSha: merge });
    assert.equal(all.outputs.findings, '2');
  });

  it('the config input is the CLI’s --config (paths.exclude applies); path narrows to a folder', async () => {
    const tokens = [plantedToken('fx'), plantedToken('src'), plantedToken('docs')];
    // the config is the base branch's (a pull request's own config never narrows its scan)
    const { origin, base, head } = prRepo(
      {
        'fixtures/sample.env': `GITHUB_TOKEN=${tokens[0]}\n`,
        'src/gh.js': `export const auth = "${tokens[1]}";\n`,
        'docs/setup.md': `Use GITHUB_TOKEN=${tokens[2]} for the demo.\n`,
      },
      'feature',
      { '.github/keyhound.yaml': 'paths:\n  exclude: ["fixtures/"]\n' },
    );
    const { ws, merge } = prWorkspace(origin, head);
    const payload = pullRequestPayload({ number: 11, base, head, commits: 1 });
    const r = await runAction({ workspace: ws, eventName: 'pull_request', payload, githubSha: merge, inputs: { config: '.github/keyhound.yaml' } });
    assert.equal(r.outputs.findings, '2', r.summary);
    assert.ok(!r.summary.includes('fixtures/sample.env'));
    assert.match(r.summary, /Config: `[^`]*\.github\/keyhound\.yaml`/);
    const narrowed = await runAction({ workspace: ws, eventName: 'pull_request', payload, githubSha: merge, inputs: { config: '.github/keyhound.yaml', path: 'src' } });
    assert.equal(narrowed.outputs.findings, '1');
    assert.match(findingAnnotations(narrowed)[0]!, /file=src\/gh\.js/, 'paths stay relative to the repository root');
    assertNoSecrets(r, tokens);
    assertNoSecrets(narrowed, tokens);
  });

  it('revoke uses only the workflow’s configuration: the tree’s .keyhound.yaml and files on the runner are not read', async () => {
    const token = plantedToken('revoke');
    const { origin, base, head } = prRepo({
      '.keyhound.yaml': 'revoke: false\n',
      'src/client.js': `const auth = "${token}";\n`,
    });
    const { ws, merge } = prWorkspace(origin, head);
    mock = await githubMock();
    // a revoke.yaml an earlier step (running pull-request code) could have planted on the runner
    const home = tempDir('keyhound-action-xdg-');
    mkdirSync(join(home, 'keyhound'), { recursive: true });
    writeFileSync(join(home, 'keyhound', 'revoke.yaml'), `issuers:\n  github:\n    type: webhook\n    url: ${mock.url}/steal\n`);
    const r = await runAction({
      workspace: ws,
      eventName: 'pull_request',
      payload: pullRequestPayload({ number: 7, base, head, commits: 1 }),
      githubSha: merge,
      apiUrl: mock.url,
      inputs: { revoke: 'true' },
      env: { XDG_CONFIG_HOME: home },
    });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(mock.revoked.length, 1, 'the workflow asked for revocation: GitHub got one request');
    assert.ok(mock.revoked[0]!.length === 1 && mock.revoked[0]![0] === token, 'with the token');
    assert.ok(!mock.requests.some((q) => q.url.includes('steal')), 'nothing went where a planted file said');
    assert.match(r.summary, /Revocation: 1 revoked/);
    assertNoSecrets(r, [token]);
  });

  it('the SARIF files are valid for GitHub code scanning (Sarif.Multitool, Gh and Sarif rules)', () => {
    assert.ok(sarifToValidate.length >= 3, 'the scenarios above wrote SARIF files');
    const results = validateSarifFiles(sarifToValidate);
    results.forEach((v, i) => {
      assert.equal(v.errors, 0, `${sarifToValidate[i]}: ${v.output}`);
      assert.equal(v.warnings, 0, `${sarifToValidate[i]}: ${v.output}`);
    });
  });
});
