// What the action scans for each event, decided from real-shaped payloads against real clones.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { planScan, type EventInfo } from '../../src/action/plan.js';
import { openRepo } from '../../src/sources/git-repo.js';
import { checkout, cleanup, git, pullRequestPayload, pushPayload, Repo } from './helpers.js';

const ZERO = '0'.repeat(40);
const ev = (name: string, payload: object): EventInfo => ({ name, payload: payload as Record<string, unknown> });

describe('scan plan', () => {
  after(() => cleanup());
  const origin = Repo.init();
  const c1 = origin.commit('one', '2024-01-01T00:00:00Z', { 'a.txt': 'a\n' });
  const c2 = origin.commit('two', '2024-01-02T00:00:00Z', { 'b.txt': 'b\n' });
  git(origin.dir, 'checkout', '-q', '-b', 'topic');
  const c3 = origin.commit('three', '2024-01-03T00:00:00Z', { 'c.txt': 'c\n' });
  git(origin.dir, 'checkout', '-q', 'main');
  const ws = checkout(origin, { branch: 'topic' });

  it('pull request: base.sha..head.sha from the payload, with the pull request for comments', async () => {
    const repo = await openRepo(ws);
    const p = await planScan('auto', ev('pull_request_target', pullRequestPayload({ number: 5, base: c2, head: c3, commits: 1 })), repo, {});
    assert.deepEqual(p.revs, [`${c2}..${c3}`]);
    assert.equal(p.addedOnly, true);
    assert.equal(p.tip, c3);
    assert.deepEqual(p.pr, { owner: 'octo', repo: 'demo', number: 5, headSha: c3 });
  });

  it('a missing head commit is named, with the fetch-depth fix', async () => {
    const repo = await openRepo(ws);
    const missing = 'f'.repeat(40);
    await assert.rejects(planScan('pr', ev('pull_request', pullRequestPayload({ number: 5, base: c2, head: missing, commits: 4 })), repo, {}), (e: Error) => {
      assert.match(e.message, new RegExp(`head commit ${missing} is not in this clone`));
      assert.match(e.message, /`fetch-depth: 0`.*fetch-depth: 6/);
      return true;
    });
  });

  it('pull_request_target without the head checked out says how to check it out', async () => {
    const repo = await openRepo(ws);
    await assert.rejects(
      planScan('auto', ev('pull_request_target', pullRequestPayload({ number: 5, base: c2, head: 'd'.repeat(40), commits: 1 })), repo, {}),
      /on pull_request_target, check it out \(actions\/checkout with `ref: \$\{\{ github\.event\.pull_request\.head\.sha \}\}` and `fetch-depth: 0`\)/,
    );
  });

  it('push: a deleted branch scans nothing; a tag or branch creation scans what no other branch has', async () => {
    const repo = await openRepo(ws);
    const deleted = await planScan('auto', ev('push', { ...pushPayload({ ref: 'refs/heads/old', before: c1, after: ZERO, commits: [] }), deleted: true }), repo, {});
    assert.equal(deleted.empty, true);
    const created = await planScan('push', ev('push', pushPayload({ ref: 'refs/heads/topic', before: ZERO, after: c3, commits: [c3] })), repo, {});
    assert.deepEqual(created.revs, [c3, '--not', '--exclude=*/HEAD', '--exclude=*/topic', '--remotes']);
    assert.equal(created.addedOnly, true);
  });

  it('a force push whose old tip is gone from a complete clone scans the commits no other branch has, with a warning', async () => {
    const repo = await openRepo(ws);
    const gone = 'e'.repeat(40);
    const p = await planScan('auto', ev('push', pushPayload({ ref: 'refs/heads/topic', before: gone, after: c3, commits: [c3], forced: true })), repo, {});
    assert.deepEqual(p.revs, [c3, '--not', '--exclude=*/HEAD', '--exclude=*/topic', '--remotes']);
    assert.match(p.warnings[0]!, /force push replaced/);
    // not forced: the base is simply missing
    await assert.rejects(planScan('auto', ev('push', pushPayload({ ref: 'refs/heads/topic', before: gone, after: c3, commits: [c3] })), repo, {}), /fetch-depth: 0/);
  });

  it('merge_group ranges; other events and mode full scan everything', async () => {
    const repo = await openRepo(ws);
    const mg = await planScan('auto', ev('merge_group', { merge_group: { base_sha: c1, head_sha: c3, head_ref: 'gh-readonly-queue/main/pr-5' } }), repo, {});
    assert.deepEqual(mg.revs, [`${c1}..${c3}`]);
    const dispatch = await planScan('auto', ev('workflow_dispatch', {}), repo, {});
    assert.deepEqual(dispatch.revs, ['--all']);
    assert.equal(dispatch.addedOnly, false);
    const full = await planScan('full', ev('pull_request', pullRequestPayload({ number: 5, base: c2, head: c3, commits: 1 })), repo, {});
    assert.deepEqual(full.revs, ['--all']);
    await assert.rejects(planScan('push', ev('pull_request', {}), repo, {}), /mode push needs a push event/);
  });
});
