// keyhound history on temporary repositories: provenance, branches, renames, ranges, output hygiene.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { validateSarif } from '../support/validate-sarif.js';
import { cleanup, historyJson, Repo, rulesPath, runCli, tempDir, token } from './helpers.js';

after(cleanup);

describe('history: provenance', () => {
  it('a secret added then removed: introducing and removing commits, exposure days', () => {
    const r = Repo.init();
    const secret = token('added-removed');
    r.commit('initial', '2024-01-01T10:00:00Z', { 'README.md': 'hello\n' });
    const intro = r.commit('add config', '2024-01-02T12:00:00Z', { 'config/app.env': `NAME=x\nAPI_TOKEN=${secret}\n` });
    r.commit('unrelated', '2024-03-01T12:00:00Z', { 'README.md': 'hello again\n' });
    const removed = r.commit('remove the token', '2024-08-01T12:00:00Z', { 'config/app.env': 'NAME=x\n' });
    const { code, report } = historyJson(r.dir);
    assert.equal(code, 1);
    assert.equal(report.findings.length, 1);
    const f = report.findings[0]!;
    assert.equal(f.ruleId, 'kh-git-token');
    assert.equal(f.file, 'config/app.env');
    assert.equal(f.line, 2);
    assert.equal(f.commit?.sha, intro);
    assert.equal(f.commit?.author, 'Ada Author');
    assert.equal(f.commit?.email, 'ada@example.test');
    assert.equal(f.commit?.subject, 'add config');
    assert.match(f.commit?.date ?? '', /^2024-01-02T12:00:00/);
    assert.equal(f.commit?.removedIn, removed);
    assert.match(f.commit?.removedDate ?? '', /^2024-08-01/);
    assert.equal(f.commit?.presentAtHead, false);
    assert.equal(f.commit?.exposureDays, 212);
    assert.equal(report.stats.commits, 4);
  });

  it('a secret edited around stays one finding; the window ends when its line goes', () => {
    const r = Repo.init();
    const secret = token('edited-around');
    const intro = r.commit('add', '2024-01-01T00:00:00Z', { 'a.txt': `one\nTOKEN=${secret}\n` });
    r.commit('edit other line', '2024-01-11T00:00:00Z', { 'a.txt': `one changed\nTOKEN=${secret}\nthree\n` });
    const gone = r.commit('drop token line', '2024-01-21T00:00:00Z', { 'a.txt': 'one changed\nthree\n' });
    const { report } = historyJson(r.dir);
    assert.equal(report.findings.length, 1);
    const f = report.findings[0]!;
    assert.equal(f.commit?.sha, intro);
    assert.equal(f.line, 2);
    assert.equal(f.commit?.removedIn, gone);
    assert.equal(f.commit?.exposureDays, 20);
  });

  it('a secret still at HEAD: presentAtHead and exposure up to now', () => {
    const r = Repo.init();
    const secret = token('present');
    const intro = r.commit('add', '2023-05-01T00:00:00Z', { 'src/keys.ts': `export const k = "${secret}";\n` });
    const { report } = historyJson(r.dir);
    const f = report.findings[0]!;
    assert.equal(f.commit?.sha, intro);
    assert.equal(f.commit?.presentAtHead, true);
    assert.equal(f.commit?.removedIn, undefined);
    const days = Math.floor((Date.now() - Date.parse('2023-05-01T00:00:00Z')) / 86_400_000);
    assert.ok(Math.abs((f.commit?.exposureDays ?? 0) - days) <= 1, `exposure ${f.commit?.exposureDays} vs ${days}`);
  });

  it('a secret on a branch never merged: found by history, not by --branch main', () => {
    const r = Repo.init();
    const secret = token('unmerged');
    r.commit('base', '2024-01-01T00:00:00Z', { 'README.md': 'x\n' });
    r.git('checkout', '-q', '-b', 'experiment');
    const intro = r.commit('try a key', '2024-01-05T00:00:00Z', { 'try.py': `KEY = "${secret}"\n` });
    r.git('checkout', '-q', 'main');
    r.commit('main work', '2024-01-06T00:00:00Z', { 'README.md': 'y\n' });
    const all = historyJson(r.dir);
    assert.equal(all.report.findings.length, 1);
    assert.equal(all.report.findings[0]!.commit?.sha, intro);
    assert.equal(all.report.findings[0]!.commit?.presentAtHead, false);
    assert.equal(all.report.findings[0]!.commit?.removedIn, undefined, 'still live on its branch');
    const main = historyJson(r.dir, ['--branch', 'main']);
    assert.equal(main.code, 0);
    assert.equal(main.report.findings.length, 0);
    const exp = historyJson(r.dir, ['--branch', 'experiment']);
    assert.equal(exp.report.findings.length, 1);
  });

  it('a renamed file: one finding, path history kept', () => {
    const r = Repo.init();
    const secret = token('renamed');
    const intro = r.commit('add', '2024-02-01T00:00:00Z', { 'old name.env': `T=${secret}\n` });
    mkdirSync(join(r.dir, 'config'));
    r.git('mv', 'old name.env', 'config/new.env');
    r.commit('rename', '2024-02-02T00:00:00Z');
    r.commit('edit', '2024-02-03T00:00:00Z', { 'config/new.env': `# moved\nT=${secret}\n` });
    const { report } = historyJson(r.dir);
    assert.equal(report.findings.length, 1, JSON.stringify(report.findings, null, 1));
    const f = report.findings[0]!;
    assert.equal(f.commit?.sha, intro);
    assert.equal(f.file, 'old name.env');
    assert.deepEqual(f.commit?.paths, ['old name.env', 'config/new.env']);
    assert.equal(f.commit?.presentAtHead, true);
  });

  it('the same secret in two unrelated files: one finding per file', () => {
    const r = Repo.init();
    const secret = token('twice');
    r.commit('a', '2024-02-01T00:00:00Z', { 'a.env': `T=${secret}\n` });
    r.commit('b', '2024-02-05T00:00:00Z', { 'b.env': `OTHER=1\nT=${secret}\n` });
    const { report } = historyJson(r.dir);
    assert.deepEqual(report.findings.map((f) => f.file).sort(), ['a.env', 'b.env']);
  });

  it('a blob in many commits and paths is read once', () => {
    const r = Repo.init();
    const secret = token('once');
    r.commit('a', '2024-02-01T00:00:00Z', { 'x/a.env': `T=${secret}\n`, 'y/a.env': `T=${secret}\n` });
    for (let i = 0; i < 5; i++) r.commit(`n${i}`, `2024-02-0${i + 2}T00:00:00Z`, { 'n.txt': `${i}\n` });
    const { report } = historyJson(r.dir);
    // 1 blob for the two copies + 5 versions of n.txt; copies side by side are two findings
    assert.equal(report.stats.files, 6);
    assert.equal(report.stats.blobs, 6);
    assert.deepEqual(report.findings.map((f) => f.file).sort(), ['x/a.env', 'y/a.env']);
  });

  it('--since limits the walk', () => {
    const r = Repo.init();
    r.commit('old', '2020-01-01T00:00:00Z', { 'old.env': `T=${token('old')}\n` });
    r.commit('new', '2024-01-01T00:00:00Z', { 'new.env': `T=${token('new')}\n` });
    const { report } = historyJson(r.dir, ['--since', '2023-01-01']);
    assert.deepEqual(report.findings.map((f) => f.file), ['new.env']);
  });

  it('a merge that resolves a conflict with a new secret is attributed to the merge', () => {
    const r = Repo.init();
    r.commit('base', '2024-01-01T00:00:00Z', { 'c.txt': 'base\n' });
    r.git('checkout', '-q', '-b', 'side');
    r.commit('side', '2024-01-02T00:00:00Z', { 'c.txt': 'side\n' });
    r.git('checkout', '-q', 'main');
    r.commit('main', '2024-01-03T00:00:00Z', { 'c.txt': 'main\n' });
    r.gitRaw(['merge', '-q', 'side', '-m', 'merge'], { allowFail: true });
    r.write('c.txt', `resolved\nT=${token('evil')}\n`);
    r.git('add', 'c.txt');
    const merge = r.commit('merge side', '2024-01-04T00:00:00Z');
    const { report } = historyJson(r.dir);
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]!.commit?.sha, merge);
  });
});

describe('history: output', () => {
  it('never prints a secret without --show-secrets, in any format', () => {
    const r = Repo.init();
    const secret = token('hidden');
    r.commit(`add (oops ${secret})`, '2024-01-01T00:00:00Z', { 'a.env': `T=${secret}\n` });
    for (const format of ['text', 'json', 'sarif']) {
      const out = runCli(r.dir, ['history', '--format', format, '--rules', rulesPath()]);
      assert.equal(out.code, 1, out.stderr);
      assert.ok(!out.stdout.includes(secret), `${format} stdout leaks the secret`);
      assert.ok(!out.stderr.includes(secret), `${format} stderr leaks the secret`);
    }
    const shown = runCli(r.dir, ['history', '--format', 'json', '--show-secrets', '--rules', rulesPath()]);
    assert.ok(shown.stdout.includes(secret));
  });

  it('SARIF: uri is the path at the introducing commit and the commit is in properties', () => {
    const r = Repo.init();
    const intro = r.commit('add', '2024-01-01T00:00:00Z', { 'dir/a b.env': `T=${token('sarif')}\n` });
    const out = runCli(r.dir, ['history', '--format', 'sarif', '--rules', rulesPath()]);
    const sarif = JSON.parse(out.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties?: Record<string, unknown> }[] }[] };
    const res = sarif.runs[0]!.results[0]!;
    assert.equal(decodeURIComponent(res.locations[0]!.physicalLocation.artifactLocation.uri), 'dir/a b.env');
    assert.equal((res.properties?.['commit'] as { sha: string }).sha, intro);
  });

  it('SARIF of a history scan passes Microsoft\'s validator (GitHub rules)', () => {
    const r = Repo.init();
    r.commit('add', '2024-01-01T00:00:00Z', { 'a.env': `T=${token('sarif-valid')}\n`, 'b c.env': `T=${token('sarif-valid-2')}\n` });
    r.git('mv', 'a.env', 'moved.env');
    r.commit('move', '2024-01-02T00:00:00Z');
    r.commit('drop', '2024-02-02T00:00:00Z', { 'b c.env': null });
    const file = join(tempDir(), 'history.sarif');
    assert.equal(runCli(r.dir, ['history', '--format', 'sarif', '--output', file, '--rules', rulesPath()]).code, 1);
    const v = validateSarif(file);
    assert.equal(v.errors + v.warnings, 0, v.output);
  });

  it('--fail-on error ignores notes; text output names the commit', () => {
    const r = Repo.init();
    r.commit('note only', '2024-01-01T00:00:00Z', { 'n.txt': 'value khnote_AbCdEfGhJk12\n' });
    const j = historyJson(r.dir, ['--fail-on', 'error']);
    assert.equal(j.code, 0);
    assert.equal(j.report.findings.length, 1);
    const t = runCli(r.dir, ['history', '--rules', rulesPath(), '--fail-on', 'note', '--show-notes']);
    assert.equal(t.code, 1);
    assert.match(t.stdout, /note only/);
  });
});

describe('history --range', () => {
  function pr(): { r: Repo; base: string; secretOld: string; secretNew: string; c1: string } {
    const r = Repo.init();
    const secretOld = token('pr-old');
    const secretNew = token('pr-new');
    const base = r.commit('main with an old leak', '2024-01-01T00:00:00Z', { 'app.env': `A=1\nOLD=${secretOld}\n` });
    r.git('checkout', '-q', '-b', 'feature');
    const c1 = r.commit('feature 1', '2024-01-02T00:00:00Z', { 'app.env': `A=2\nOLD=${secretOld}\nNEW=${secretNew}\n` });
    r.commit('feature 2', '2024-01-03T00:00:00Z', { 'other.txt': 'docs\n' });
    return { r, base, secretOld, secretNew, c1 };
  }

  it('a two-commit PR reports only the secret it added', () => {
    const { r, base, c1 } = pr();
    const { code, report } = historyJson(r.dir, ['--range', `${base}..HEAD`]);
    assert.equal(code, 1);
    assert.equal(report.findings.length, 1, JSON.stringify(report.findings, null, 1));
    const f = report.findings[0]!;
    assert.equal(f.line, 3);
    assert.equal(f.commit?.sha, c1);
    assert.equal(report.stats.commits, 2);
  });

  it('main..feature by name, and a range with nothing new is clean', () => {
    const { r } = pr();
    assert.equal(historyJson(r.dir, ['--range', 'main..feature']).report.findings.length, 1);
    const clean = historyJson(r.dir, ['--range', 'feature~1..feature']);
    assert.equal(clean.code, 0);
    assert.equal(clean.report.findings.length, 0);
  });

  it('BASE...HEAD starts at the merge base: what main gained since does not count', () => {
    const { r } = pr();
    r.git('checkout', '-q', 'main');
    r.commit('main moves on with a leak', '2024-01-05T00:00:00Z', { 'main.env': `M=${token('main-later')}\n` });
    r.git('checkout', '-q', 'feature');
    assert.deepEqual(historyJson(r.dir, ['--range', 'main...feature']).report.findings.map((f) => f.file), ['app.env']);
    // two dots from the feature side: only main's new commit
    assert.deepEqual(historyJson(r.dir, ['--range', 'feature..main']).report.findings.map((f) => f.file), ['main.env']);
  });

  it('a secret added then removed inside the range is still reported (it was pushed)', () => {
    const { r, base } = pr();
    const gone = r.commit('oops, remove', '2024-01-04T00:00:00Z', { 'app.env': 'A=2\n' });
    const { report } = historyJson(r.dir, ['--range', `${base}..HEAD`]);
    assert.equal(report.findings.length, 1);
    assert.equal(report.findings[0]!.commit?.removedIn, gone);
  });

  it('a base that is not in the clone: exit 2 naming it and the fetch-depth fix', () => {
    const { r } = pr();
    const missing = '1234567890abcdef1234567890abcdef12345678';
    const out = runCli(r.dir, ['history', '--range', `${missing}..HEAD`, '--rules', rulesPath()]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, new RegExp(missing));
    assert.match(out.stderr, /fetch-depth: 0/);
  });

  it('--range with --branch is a usage error; an unknown --branch is exit 2', () => {
    const { r } = pr();
    assert.equal(runCli(r.dir, ['history', '--range', 'main..feature', '--branch', 'main']).code, 2);
    const unknown = runCli(r.dir, ['history', '--branch', 'nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /nope/);
  });
});
