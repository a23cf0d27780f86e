// A pull request must not be able to make keyhound post found secrets to an attacker's URL.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { trustedRevoker } from '../../src/core/rule.js';
import { judgeRepoConfig, readRepoConfig } from '../../src/revoke/repo-config.js';
import { loadRevokeConfig } from '../../src/revoke/config.js';
import { finding, githubToken, json, mockServer, revokeYaml, rule, runRevoke, tempDir, type Mock, type TempDir } from './helpers.js';

const gh = rule({ id: 'github-classic-token', provider: 'github', revoker: 'github' });

describe('trust boundary: the scanned tree may only disable revocation', () => {
  let t: TempDir;
  let attacker: Mock | undefined;
  let github: Mock | undefined;
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(async () => {
    await attacker?.close();
    await github?.close();
    attacker = github = undefined;
    t.cleanup();
  });

  it('a malicious .keyhound.yaml with endpoints is refused with a warning and never used', async () => {
    attacker = await mockServer((_req, res) => json(res, 200, {}), 5);
    github = await mockServer((_req, res) => json(res, 202, []), 2);
    t.write(
      '.keyhound.yaml',
      `revoke:
  issuers:
    github: { type: webhook, url: ${attacker.url}/steal }
webhooks:
  - url: ${attacker.url}/steal
revokers:
  exfil: { url: ${attacker.url}/x }
issuers:
  github: { apiUrl: ${attacker.url} }
rules:
  - id: anything
    revoker: exfil
`,
    );
    const tok = await githubToken('ghp');
    const r = await runRevoke([finding(gh, tok)], [gh], { cwd: t.dir, root: t.dir, yes: true, githubApiUrl: github.url, revokeConfig: revokeYaml(t, '', 'user-revoke.yaml') }, {
      KEYHOUND_WEBHOOK_SECRET: 'x',
    });
    assert.equal(attacker.requests.length, 0, 'nothing reached the attacker');
    assert.equal(github.requests.length, 1, "the user's own issuer still revoked the token");
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /refused revocation settings/);
    for (const k of ['"revoke:" with settings', '"webhooks:"', '"revokers:"', '"issuers:"']) assert.ok(r.warnings[0]!.includes(k), k);
    assert.match(r.warnings[0]!, /may only disable revocation \(revoke: false\)/);
  });

  it('revoke: false in .keyhound.yaml disables revocation entirely', async () => {
    github = await mockServer((_req, res) => json(res, 202, []), 1);
    t.write('.keyhound.yaml', 'revoke: false\n');
    const r = await runRevoke([finding(gh, await githubToken('ghp'))], [gh], { cwd: t.dir, root: t.dir, yes: true, githubApiUrl: github.url });
    assert.equal(github.requests.length, 0);
    assert.equal(r.disabledByRepo, true);
    assert.match(r.warnings.join('\n'), /revocation disabled by \.keyhound\.yaml \(revoke: false\)/);
  });

  it('revoke: true in the tree cannot switch revocation on, and is reported', () => {
    const v = judgeRepoConfig({ revoke: true }, '.keyhound.yaml');
    assert.equal(v.disabled, false);
    assert.match(v.warnings[0]!, /can only disable/);
    assert.deepEqual(judgeRepoConfig({ rules: [], allow: [] }, '.keyhound.yaml').warnings, []);
  });

  it('--config FILE is judged like .keyhound.yaml', () => {
    const p = t.write('ci-keyhound.yml', 'revoke: false\n');
    assert.equal(readRepoConfig(t.dir, p).disabled, true);
  });

  it("a custom rule's revoker from the scanned tree is ignored unless the user routes it", async () => {
    github = await mockServer((_req, res) => json(res, 202, []), 2);
    const custom = { ...gh, id: 'repo-rule', source: '.keyhound.yaml', origin: 'repository-config' as const };
    assert.equal(trustedRevoker(custom), undefined);
    assert.equal(trustedRevoker({ ...gh, source: 'rules/general.yaml' }), 'github');
    const tok = await githubToken('ghp');
    const r1 = await runRevoke([finding(custom, tok)], [custom], { cwd: t.dir, yes: true, githubApiUrl: github.url, revokeConfig: revokeYaml(t, '') });
    assert.equal(github.requests.length, 0);
    assert.match(r1.warnings.join('\n'), /"repo-rule" comes from the scanned tree's config/);
    const routed = revokeYaml(t, 'issuers:\n  github:\n    rules: [repo-*]\n', 'routed.yaml');
    const r2 = await runRevoke([finding(custom, tok)], [custom], { cwd: t.dir, yes: true, githubApiUrl: github.url, revokeConfig: routed });
    assert.equal(github.requests.length, 1);
    assert.equal(r2.results[0]!.outcome, 'revoked');
  });

  it('a rule loaded from --rules or from the repository config never carries a revoker to an issuer', async () => {
    github = await mockServer((_req, res) => json(res, 202, []), 2);
    const ruleText = (id: string) =>
      [
        `  - id: ${id}`,
        `    title: ${id}`,
        '    provider: github',
        '    severity: error',
        '    keywords: [ghp_]',
        "    pattern: '\\b(ghp_[A-Za-z0-9]{36})\\b'",
        '    tags: [security, secret]',
        '    revoker: github',
        '    examples:',
        "      match: ['T = {{github:ghp}}']",
        "      nomatch: ['T = ghp_short']",
      ].join('\n');
    const extra = t.write('extra-rules.yaml', `rules:\n${ruleText('extra-gh')}\n`);
    t.write('.keyhound.yaml', `rules:\n${ruleText('repo-gh')}\n`);
    const { loadConfig } = await import('../../src/config/load.js');
    const { rules } = loadConfig(t.dir, undefined, { extraRules: [extra] }).ruleSet;
    const tok = await githubToken('ghp');
    for (const id of ['extra-gh', 'repo-gh']) {
      const r = rules.find((x) => x.id === id)!;
      assert.equal(r.revoker, 'github', 'kept as written');
      assert.equal(trustedRevoker(r), undefined, id);
      const run = await runRevoke([finding(r, tok)], rules, { cwd: t.dir, yes: true, githubApiUrl: github.url, revokeConfig: revokeYaml(t, '') });
      assert.equal(github.requests.length, 0, id);
      assert.equal(run.results.length, 0, id);
      assert.match(run.warnings.join('\n'), new RegExp(`"${id}" (comes from|is not)[^\\n]*its "revoker" is ignored`));
    }
  });

  it('revoke.yaml refuses plain-http endpoints off loopback and unknown fields', () => {
    const bad = t.write('bad.yaml', 'issuers:\n  hook:\n    type: webhook\n    url: http://hooks.example.com/x\n');
    assert.throws(() => loadRevokeConfig({ file: bad }), /must be https \(http only to a loopback address/);
    const bad2 = t.write('bad2.yaml', 'issuers:\n  bybit:\n    baseUrl: http://10.1.2.3/\n');
    assert.throws(() => loadRevokeConfig({ file: bad2 }), /must be https/);
    const typo = t.write('typo.yaml', 'issuers:\n  github:\n    apiURL: https://x\n');
    assert.throws(() => loadRevokeConfig({ file: typo }), /unknown field "apiURL"/);
    const wrong = t.write('wrong.yaml', 'issuers:\n  github:\n    url: https://x\n');
    assert.throws(() => loadRevokeConfig({ file: wrong }), /does not apply to a github issuer/);
    const ph = t.write('ph.yaml', `issuers:\n  h:\n    type: webhook\n    url: https://h.example\n    body: '{{password}}'\n`);
    assert.throws(() => loadRevokeConfig({ file: ph }), /unknown placeholder \{\{password\}\}/);
    const ok = t.write('ok.yaml', 'issuers:\n  h:\n    type: webhook\n    url: http://127.0.0.1:9/x\n    timeout: 2s\n');
    assert.equal(loadRevokeConfig({ file: ok }).issuers.get('h')!.timeoutMs, 2000);
  });

  it('reads $XDG_CONFIG_HOME/keyhound/revoke.yaml by default', async () => {
    github = await mockServer((_req, res) => json(res, 202, []), 2);
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(`${t.dir}/xdg/keyhound`, { recursive: true });
    writeFileSync(`${t.dir}/xdg/keyhound/revoke.yaml`, `issuers:\n  github:\n    apiUrl: ${github.url}\n`);
    const r = await runRevoke([finding(gh, await githubToken('ghp'))], [gh], { cwd: t.dir, yes: true });
    assert.equal(github.requests.length, 1);
    assert.equal(r.results[0]!.outcome, 'revoked');
  });
});
