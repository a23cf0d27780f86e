// Review comments against the loopback REST mock: markers, re-runs, updates, pagination, refusals.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { commentBody, commentMarker, postReviewComments, type CommentOptions } from '../../src/action/comments.js';
import type { Finding } from '../../src/core/finding.js';
import { makeScrub } from '../../src/report/common.js';
import { githubMock, plantedToken, type GitHubMock } from './helpers.js';

const HEAD = 'a'.repeat(40);

function finding(secret: string, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'github-classic-token',
    title: 'GitHub token (classic / OAuth / user-to-server / refresh)',
    provider: 'github',
    severity: 'error',
    file: 'src/client.js',
    line: 3,
    column: 10,
    endLine: 3,
    endColumn: 50,
    secret,
    redacted: 'ghp_…',
    fingerprint: Buffer.from(secret).toString('hex').slice(0, 32),
    validated: true,
    message: `GitHub token assigned to auth (${secret})`,
    tags: ['security'],
    grants: 'service',
    commit: { sha: 'b'.repeat(40), presentAtHead: true },
    ...over,
  };
}

function options(mock: GitHubMock, over: Partial<CommentOptions> = {}): CommentOptions {
  return { pr: { owner: 'octo', repo: 'demo', number: 7, headSha: HEAD }, token: 'ghs_t', apiUrl: mock.url, max: 50, userAgent: 'keyhound-test', ...over };
}

describe('review comments', () => {
  let mock: GitHubMock | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  it('one comment per finding, redacted, with a marker; a second run posts nothing', async () => {
    const a = plantedToken('a');
    const b = plantedToken('b');
    mock = await githubMock();
    const findings = [finding(a), finding(b, { file: 'config/app.env', line: 1 })];
    const first = await postReviewComments(findings, options(mock));
    assert.deepEqual({ ...first, warnings: first.warnings.length }, { created: 2, updated: 0, unchanged: 0, skipped: 0, warnings: 0 });
    assert.equal(mock.comments.length, 2);
    for (const c of mock.comments) {
      assert.ok(!c.body.includes(a) && !c.body.includes(b), 'no secret in a comment');
      assert.equal(c.commit_id, HEAD);
    }
    const second = await postReviewComments(findings, options(mock));
    assert.equal(second.unchanged, 2);
    assert.equal(second.created, 0);
    assert.equal(mock.comments.length, 2);
  });

  it('the same secret in two files gets two comments (marker = rule, commit and path; nothing from the secret)', () => {
    const s = plantedToken('same');
    assert.notEqual(commentMarker(finding(s)), commentMarker(finding(s, { file: 'other.js' })));
    assert.equal(commentMarker(finding(s)), commentMarker(finding(s, { line: 99 })), 'a moved line keeps its comment');
  });

  it('a comment whose text changed is updated in place, not duplicated', async () => {
    const s = plantedToken('upd');
    mock = await githubMock();
    const f = finding(s);
    const stale = commentBody(f, makeScrub([f], false)).replace('rotate or revoke', 'old wording:');
    mock.comments.push({ id: 1, body: stale, path: f.file, line: 3, commit_id: HEAD, user: { login: 'github-actions[bot]', type: 'Bot' } });
    const r = await postReviewComments([f], options(mock));
    assert.equal(r.updated, 1);
    assert.equal(mock.comments.length, 1);
    assert.equal(mock.requests.filter((q) => q.method === 'PATCH').length, 1);
    assert.ok(mock.comments[0]!.body.includes('rotate or revoke'));
  });

  it('finds its earlier comments on later pages', async () => {
    const s = plantedToken('page');
    mock = await githubMock({ pageSize: 100 });
    for (let i = 0; i < 150; i++) {
      mock.comments.push({ id: i + 1, body: `a human review comment ${i}`, path: 'x.js', line: 1, commit_id: HEAD, user: { login: 'reviewer', type: 'User' } });
    }
    const f = finding(s);
    mock.comments.push({ id: 999, body: commentBody(f, makeScrub([f], false)), path: f.file, line: 3, commit_id: HEAD, user: { login: 'github-actions[bot]', type: 'Bot' } });
    const r = await postReviewComments([f], options(mock));
    assert.equal(r.unchanged, 1);
    assert.equal(mock.requests.filter((q) => q.method === 'GET').length, 2);
    assert.equal(mock.requests.filter((q) => q.method === 'POST').length, 0);
  });

  it('a line outside the diff falls back to a file-level comment', async () => {
    const s = plantedToken('file');
    mock = await githubMock({
      override: (rec) => (rec.method === 'POST' && JSON.parse(rec.body).line !== undefined ? { status: 422, body: { message: 'line could not be resolved' } } : undefined),
    });
    const r = await postReviewComments([finding(s)], options(mock));
    assert.equal(r.created, 1);
    assert.equal(mock.comments[0]!.subject_type, 'file');
    assert.equal(mock.comments[0]!.line, null);
  });

  it('a read-only token (fork pull requests) gives one warning naming the permission, and no failure', async () => {
    mock = await githubMock({ override: (rec) => (rec.method === 'POST' ? { status: 403, body: { message: 'Resource not accessible by integration' } } : undefined) });
    const findings = [finding(plantedToken('x')), finding(plantedToken('y'), { file: 'b.js' }), finding(plantedToken('z'), { file: 'c.js' })];
    const r = await postReviewComments(findings, options(mock));
    assert.equal(r.created, 0);
    assert.equal(r.skipped, 3);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /pull-requests: write/);
    assert.equal(mock.requests.filter((q) => q.method === 'POST').length, 1, 'stops after the first refusal');
  });

  it('max-comments bounds the comments per run', async () => {
    mock = await githubMock();
    const findings = Array.from({ length: 5 }, (_, i) => finding(plantedToken(`m${i}`), { file: `f${i}.js` }));
    const r = await postReviewComments(findings, options(mock, { max: 2 }));
    assert.equal(r.created, 2);
    assert.equal(r.skipped, 3);
    assert.equal(mock.comments.length, 2);
  });
});
