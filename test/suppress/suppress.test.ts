// Each suppression path, counted; baselines survive moves and renames but not substitution.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Engine } from '../../src/engine/scanner.js';
import { emptyStats, type Finding } from '../../src/core/finding.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { expandExample } from '../../src/rules/example-values.js';
import { Baseline, Suppressor } from '../../src/suppress/index.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';
import { tokenRule } from '../support/test-rule.js';

// baselines are keyed with the fingerprint key: a test key, never the user's key file
process.env.KEYHOUND_FINGERPRINT_KEY = 'suppress-test-key';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'kh-suppress-'));
  dirs.push(d);
  return d;
}

const rule: RuleSpec = tokenRule();
const engine = new Engine([rule], { validators, wellKnownConstant });
const tok = (seed: string) => expandExample('tok_{{alnum:24}}', `suppress-test:${seed}`);
const scan = (text: string, path = 'src/app.py') => engine.scan(Buffer.from(text), path);

/** Runs a suppressor over findings of several files; returns what is reported and the stats. */
function run(files: Record<string, string>, opts: ConstructorParameters<typeof Suppressor>[0]) {
  const findings: Finding[] = Object.entries(files).flatMap(([p, t]) => scan(t, p));
  const stats = emptyStats();
  for (const f of findings) stats.findings[f.severity]++;
  const s = new Suppressor(opts);
  const reported = s.apply(findings, stats);
  return { reported, stats, outcome: s.finish() };
}

describe('inline allow comments', () => {
  const a = tok('a');
  const cases: Array<[string, string, boolean]> = [
    ['same line, #', `key = "${a}"  # keyhound:allow test fixture`, true],
    ['same line, //', `const key = "${a}"; // keyhound:allow`, true],
    ['same line, /* */', `key = "${a}" /* keyhound:allow */`, true],
    ['same line, <!-- -->', `<key>${a}</key> <!-- keyhound:allow -->`, true],
    ['same line, --', `SELECT '${a}'; -- keyhound:allow`, true],
    ['line above, #', `# keyhound:allow-next-line\nkey = "${a}"`, true],
    ['line above, //', `// keyhound:allow-next-line: documented sample\nconst key = "${a}";`, true],
    ['two lines above', `# keyhound:allow-next-line\n\nkey = "${a}"`, false],
    ['allow-next-line on its own line', `key = "${a}" # keyhound:allow-next-line`, false],
    ['allow on the line above', `# keyhound:allow\nkey = "${a}"`, false],
    ['no comment', `key = "${a}"`, false],
  ];
  for (const [name, text, allowed] of cases) {
    it(name, () => {
      const fs = scan(text);
      assert.equal(fs.length, 1);
      assert.equal(fs[0]!.suppressed, allowed ? 'inline' : undefined);
    });
  }
  it('is counted, and --no-suppress reports it', () => {
    const files = { 'a.py': `k = "${a}"  # keyhound:allow\nj = "${tok('b')}"\n` };
    const r = run(files, { root: tmp() });
    assert.equal(r.reported.length, 1);
    assert.equal(r.stats.suppressed.inline, 1);
    assert.deepEqual(r.stats.findings, { error: 1, warning: 0, note: 0 });
    const all = run(files, { root: tmp(), noSuppress: true });
    assert.equal(all.reported.length, 2);
    assert.equal(all.stats.suppressed.inline, 0);
    assert.equal(all.reported[0]!.suppressed, 'inline');
  });
});

describe('.keyhoundignore', () => {
  it('suppresses findings under gitignore-syntax paths, counted', () => {
    const root = tmp();
    writeFileSync(join(root, '.keyhoundignore'), '# fixtures hold fake keys\ntest/fixtures/\n*.snap\n!keep.snap\n');
    const files = {
      'test/fixtures/keys.txt': `k = ${tok('c')}`,
      'ui/__snapshots__/a.snap': `k = ${tok('d')}`,
      'ui/keep.snap': `k = ${tok('e')}`,
      'src/app.py': `k = ${tok('f')}`,
    };
    const r = run(files, { root });
    assert.deepEqual(
      r.reported.map((f) => f.file),
      ['ui/keep.snap', 'src/app.py'],
    );
    assert.equal(r.stats.suppressed.ignoreFile, 2);
    assert.equal(run(files, { root, noSuppress: true }).reported.length, 4);
  });
});

describe('config allow entries', () => {
  it('by value, pattern or fingerprint, optionally per rule and path', () => {
    const v = tok('g');
    const p = 'tok_TESTONLY' + expandExample('{{alnum:16}}', 'p');
    const fpOf = scan(`k = ${tok('h')}`)[0]!.fingerprint;
    const files = {
      'a.py': `a = ${v}\nb = ${p}\nc = ${tok('h')}\nd = ${tok('i')}\n`,
      'docs/x.md': `e = ${tok('j')}\n`,
    };
    const r = run(files, {
      root: tmp(),
      allow: [
        { value: v, reason: 'public sandbox key' },
        { pattern: '^tok_TESTONLY', reason: 'test-only prefix', rules: ['test-token'] },
        { fingerprint: fpOf, reason: 'reviewed' },
        { pattern: '.', reason: 'docs examples', paths: ['docs/'] },
        { pattern: '.', reason: 'other rule only', rules: ['another-rule'] },
      ],
    });
    assert.deepEqual(
      r.reported.map((f) => f.secret),
      [tok('i')],
    );
    assert.equal(r.stats.suppressed.allow, 4);
  });
});

describe('baselines', () => {
  const s1 = tok('s1');
  const s2 = tok('s2');
  const original = { 'config/app.env': `A=${s1}\nB=${s2}\n` };

  function written(files: Record<string, string>) {
    const root = tmp();
    const file = join(root, 'baseline.json');
    const r = run(files, { root, writeBaseline: file });
    return { root, file, r };
  }

  it('records keyed content fingerprints only: no secret, no key, no unkeyed fingerprint, file and line as hints', () => {
    const { file, r } = written(original);
    assert.equal(r.outcome.wroteBaseline?.entries, 2);
    assert.equal(r.reported.length, 0, 'written findings are baselined');
    assert.equal(r.stats.suppressed.baseline, 2);
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes(s1) && !text.includes(s2), 'no raw secret');
    assert.ok(!text.includes(s1.slice(4, 16)), 'no part of a secret');
    const plain = scan(original['config/app.env'], 'config/app.env');
    for (const f of plain) assert.ok(!text.includes(f.fingerprint), 'no unkeyed fingerprint');
    const data = JSON.parse(text);
    assert.equal(data.keyhound, 'baseline');
    assert.equal(data.version, 2);
    assert.equal(data.salt, undefined, 'no key material in the file');
    assert.deepEqual(
      data.entries.map((e: { file: string; line: number; rule: string }) => [e.file, e.line, e.rule]),
      [
        ['config/app.env', 1, 'test-token'],
        ['config/app.env', 2, 'test-token'],
      ],
    );
    // the same key gives the same baseline (shareable in a team); another key gives another one
    const again = JSON.parse(readFileSync(written(original).file, 'utf8'));
    assert.equal(again.entries[0].fingerprint, data.entries[0].fingerprint);
    process.env.KEYHOUND_FINGERPRINT_KEY = 'another-team';
    try {
      const other = JSON.parse(readFileSync(written(original).file, 'utf8'));
      assert.notEqual(other.entries[0].fingerprint, data.entries[0].fingerprint);
    } finally {
      process.env.KEYHOUND_FINGERPRINT_KEY = 'suppress-test-key';
    }
  });

  it('a moved or renamed secret stays suppressed', () => {
    const { root, file } = written(original);
    const moved = run({ 'config/app.env': `# new header\n\nB=${s2}\n\n\nA=${s1}\n` }, { root, baseline: file });
    assert.equal(moved.reported.length, 0);
    assert.equal(moved.stats.suppressed.baseline, 2);
    const renamed = run({ 'deploy/prod.env': `A=${s1}\n`, 'other.env': `B=${s2}\n` }, { root, baseline: file });
    assert.equal(renamed.reported.length, 0);
  });

  it('a different secret on a baselined line is reported (gitleaks #2239)', () => {
    const { root, file } = written(original);
    const s3 = tok('s3');
    const r = run({ 'config/app.env': `A=${s3}\nB=${s2}\n` }, { root, baseline: file });
    assert.deepEqual(
      r.reported.map((f) => [f.line, f.secret]),
      [[1, s3]],
    );
    assert.equal(r.stats.suppressed.baseline, 1);
  });

  it('a second copy of a baselined secret is new', () => {
    const { root, file } = written(original);
    const r = run({ 'config/app.env': `A=${s1}\nB=${s2}\n`, 'leak.txt': `x ${s1}\n` }, { root, baseline: file });
    assert.deepEqual(
      r.reported.map((f) => f.file),
      ['leak.txt'],
    );
  });

  it('--no-suppress reports baselined findings', () => {
    const { root, file } = written(original);
    const r = run(original, { root, baseline: file, noSuppress: true });
    assert.equal(r.reported.length, 2);
    assert.equal(r.stats.suppressed.baseline, 0);
    assert.ok(r.reported.every((f) => f.suppressed === 'baseline'));
  });

  it('prune drops entries no longer found and moves hints; rewriting gives the same fingerprints', () => {
    const { file } = written(original);
    const before = Baseline.read(file);
    const now = scan(`# moved\nB=${s2}\n`, 'config/app.env');
    const { baseline, dropped } = before.pruned(now);
    assert.equal(dropped, 1);
    assert.equal(baseline.salt, undefined);
    assert.deepEqual(
      baseline.entries.map((e) => [e.file, e.line]),
      [['config/app.env', 2]],
    );
    // --write-baseline over an existing baseline: same entries, same fingerprints
    const r2 = run(original, { root: tmp(), writeBaseline: file });
    assert.equal(r2.outcome.wroteBaseline?.entries, 2);
    assert.deepEqual(Baseline.read(file).entries.map((e) => e.fingerprint).sort(), before.entries.map((e) => e.fingerprint).sort());
  });

  it('a broken baseline file is an error', () => {
    const root = tmp();
    writeFileSync(join(root, 'b.json'), '{"entries": []}');
    assert.throws(() => new Suppressor({ root, baseline: join(root, 'b.json') }), /not a keyhound baseline/);
    assert.throws(() => new Suppressor({ root, baseline: join(root, 'missing.json') }), /cannot read baseline: ENOENT/);
  });
});
