// The fast structure readers against the paths they replace: the YAML subset reader must give exactly the
// `yaml` package path's values (or leave the text to it), and the JSON reader exactly the previous reader's,
// on real files, rule examples, the syntax matrix's config renderings, generated documents and seeded
// mutations of all of them.
import assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { structureKind } from '../../src/engine/structure/index.js';
import { parseJson } from '../../src/engine/structure/json.js';
import { parseYaml, parseYamlWithPackage } from '../../src/engine/structure/yaml.js';
import { readYamlSubset } from '../../src/engine/structure/yaml-subset.js';
import { expandExample } from '../../src/rules/example-values.js';
import { exampleSeed } from '../../src/rules/examples.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { PACKAGE_ROOT } from '../support/checkout.js';
import { parseJsonReference } from '../support/json-reference.js';
import { names, renderFile, SYNTAXES } from '../support/syntax-matrix.js';

/** A small deterministic generator (mulberry32): the same corpus and mutations on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

function filesUnder(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    if (name === '.git' || name === 'dist' || name === 'dist-bundle' || name === '.data') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) filesUnder(p, keep, out);
    else if (st.isFile() && keep(name) && st.size <= 512 * 1024) out.push(p);
  }
  return out;
}

const isYaml = (name: string) => structureKind(name) === 'yaml';

/** YAML of the repository and of the installed dependencies (real-world config files). */
function repositoryYaml(): string[] {
  const roots = ['fixtures', 'rules', 'test', 'examples', '.github', 'node_modules'].map((d) => join(PACKAGE_ROOT, d));
  const files = roots.flatMap((r) => filesUnder(r, isYaml));
  for (const name of readdirSync(PACKAGE_ROOT)) if (isYaml(name)) files.push(join(PACKAGE_ROOT, name));
  return files.map((f) => readFileSync(f, 'utf8'));
}

/** Every rule example, as text and rendered as the value of each YAML syntax of the matrix. */
function exampleYaml(): string[] {
  const { rules } = loadRuleDir();
  const out: string[] = [];
  const yamlSyntaxes = SYNTAXES.filter((s) => structureKind(s.file) === 'yaml');
  for (const rule of rules) {
    for (const kind of ['match', 'nomatch'] as const) {
      rule.examples[kind].forEach((tpl, i) => {
        const text = expandExample(tpl, exampleSeed(rule.id, kind, i));
        out.push(text);
        const value = text.split('\n').find((l) => l.trim().length >= 8)?.trim() ?? text;
        const context = text.split('\n').filter((l) => l.trim() && !l.includes(value)).slice(0, 2);
        for (const s of yamlSyntaxes) out.push(renderFile(s, names(`${rule.id.replace(/-/g, '_')}_key`), value, context));
      });
    }
  }
  return out;
}

const WORDS = ['alpha', 'beta', 'api_key', 'secret', 'name', 'value', 'image', 'run', 'env', 'environment', 'args', 'vars', 'ports', 'éàü', 'ключ', 'x'];
const PLAINS = [
  'plain', 'two words', 'http://host:8080/path?q=1#frag', 'a#b', '0x1F', '0o17', '017', '12', '-3', '+4', '1.5', '1e3', '.inf', '-.Inf', '.nan',
  'true', 'False', 'TRUE', 'yes', 'no', 'null', 'Null', '~', 'on', 'FOO=bar', 'K_1=v a l', 'A=', '=x', 'a:b', 'a[0]', 'x}', '?q', ':c', '-d', '—ü—',
  'tab', '"inner" quotes', "it's", '%x', '@x', '`x`', '&a', '*a', '!t', 'a - b', 'sk_live_0123456789abcdef', '日本語の値',
  '&anc value', '*anc', '&anc "q"', '&anc [1, 2]', '&anc', '*anc # c', '&a&b x', '*a,b', '&anc |', '!!str x',
];
const DQ = ['"simple"', '"with \\"esc\\" \\n \\t \\\\ \\u00e9 \\x41 \\/ \\U0001F600"', '""', '"K=V"', '"ENV_NAME=quoted value"', '"#not comment"', '"a: b"', '"\\q"', '"é"'];
const SQ = ["'single'", "'it''s'", "''", "'ENV=x'", "'a: b # c'", "'\\n'"];

/** A random document of the shapes config files use (and some they rarely do). */
function genDoc(r: Rng): string {
  const lines: string[] = [];
  const scalar = (): string => {
    const roll = r.next();
    if (roll < 0.5) return r.pick(PLAINS);
    if (roll < 0.7) return r.pick(DQ);
    if (roll < 0.85) return r.pick(SQ);
    if (roll < 0.93) return `[${Array.from({ length: r.int(4) }, () => r.pick(['a', 'b c', '"q"', "'s'", '1', 'true', 'null', '[x, y]', '{k: v}', 'K=V', 'k: v', 'name: n', '"q": [1]', 'k:v', '1: x'])).join(', ')}]`;
    return `{${Array.from({ length: r.int(3) }, () => `${r.pick(['k', 'name', 'value', '"q"', '1'])}: ${r.pick(['v', '"w"', '2', '[z]', 'null'])}`).join(', ')}}`;
  };
  const comment = () => (r.next() < 0.15 ? ` # ${r.pick(['note', 'a: b', '- x', ''])}` : '');
  const block = (indent: string, prefix: string) => {
    lines.push(`${prefix} ${r.pick(['|', '|-', '>', '>-', '|+', '|2', '>+'])}${comment()}`);
    const inner = indent + ' '.repeat(1 + r.int(3));
    const n = 1 + r.int(4);
    for (let i = 0; i < n; i++) {
      const roll = r.next();
      if (roll < 0.15) lines.push(r.pick(['', ' ', inner]));
      else if (roll < 0.25) lines.push(`${inner}  more indented ${i}`);
      else lines.push(`${inner}${r.pick(['line', 'FOO=bar', 'echo "$X" # not a comment', 'key: value', '- item', '\ttabbed'])} ${i}`);
    }
  };
  const value = (indent: string, depth: number, prefix: string) => {
    const roll = r.next();
    if (depth < 4 && roll < 0.3) {
      lines.push(`${prefix}${r.next() < 0.15 ? ` &n${depth}` : ''}${comment()}`);
      node(indent + ' '.repeat(r.pick([1, 2, 2, 2, 4])), depth + 1);
    } else if (depth < 4 && roll < 0.38 && prefix.endsWith(':')) {
      lines.push(prefix);
      seq(indent, depth + 1);
    } else if (roll < 0.46) {
      block(indent, prefix);
    } else if (roll < 0.5) lines.push(prefix);
    else lines.push(`${prefix} ${scalar()}${comment()}`);
  };
  const map = (indent: string, depth: number) => {
    const n = 1 + r.int(4);
    for (let i = 0; i < n; i++) {
      const key = r.next() < 0.1 ? r.pick(['"quoted key"', "'sq'", '1', '~', 'true', '007', 'a b']) : r.pick(WORDS);
      if (r.next() < 0.1) lines.push(`${indent}# comment ${i}`);
      if (r.next() < 0.05) lines.push('');
      if (r.next() < 0.05) lines.push(`${indent}<<: *n${r.int(3)}`);
      value(indent, depth, `${indent}${key}:`);
    }
  };
  const seq = (indent: string, depth: number) => {
    const n = 1 + r.int(4);
    const k8s = r.next() < 0.2;
    for (let i = 0; i < n; i++) {
      if (k8s) {
        lines.push(`${indent}- name: ${r.pick(['API_KEY', '"QUOTED"', '12', 'true', ''])}`);
        if (r.next() < 0.8) lines.push(`${indent}  value: ${r.pick(['v1', '"v 2"', "'v3'", '', '|', '4'])}`);
        if (lines[lines.length - 1]!.endsWith('|')) lines.push(`${indent}    block ${i}`);
        if (r.next() < 0.4) lines.push(`${indent}  other: ${r.pick(['x', '[1, 2]'])}`);
      } else if (depth < 4 && r.next() < 0.25) {
        const inner = ' '.repeat(1 + r.int(3));
        lines.push(`${indent}-${inner}${r.pick(WORDS)}: ${scalar()}`);
        if (r.next() < 0.6) lines.push(`${indent} ${inner}${r.pick(WORDS)}: ${scalar()}`);
      } else value(indent + '  ', depth, `${indent}-`);
    }
  };
  const node = (indent: string, depth: number) => (r.next() < 0.65 ? map(indent, depth) : seq(indent, depth));
  if (r.next() < 0.3) lines.push(r.pick(['# header', '---', '--- # doc', '%YAML 1.2\n---']));
  node(r.next() < 0.1 ? '  ' : '', 0);
  if (r.next() < 0.2) {
    lines.push(r.pick(['---', '...', '--- ', '---\n']));
    node('', 0);
  }
  const eol = r.next() < 0.1 ? '\r\n' : '\n';
  return lines.join(eol) + (r.next() < 0.8 ? eol : '');
}

const MUTATION_LINES = ['const x = require("y"); // r1', '  foo bar', '- a: b: c', 'key: "x', "  - 'q'", '\t- tab', '   ', '#c', '---', 'a: |', '  b: >-', 'x: [a, b', '- {a: 1}', '&anchor a: 1', '? complex', 'key:value'];

/** Spliced, deleted, re-indented and edited lines, as generators of test data and broken merges produce. */
function mutate(text: string, r: Rng, pool: readonly string[]): string {
  const lines = text.split('\n');
  const edits = 1 + r.int(3);
  for (let e = 0; e < edits; e++) {
    const at = r.int(lines.length + 1);
    const roll = r.next();
    if (roll < 0.2) lines.splice(at, 1);
    else if (roll < 0.4) lines.splice(at, 0, r.pick(pool));
    else if (roll < 0.55) lines[at] = ` ${lines[at] ?? ''}`;
    else if (roll < 0.7) lines[at] = (lines[at] ?? '').replace(/^ {1,2}/, '');
    else if (roll < 0.8) lines.splice(at, 0, lines[r.int(lines.length)] ?? '');
    else if (roll < 0.9) {
      const l = lines[at] ?? '';
      const c = r.int(l.length + 1);
      lines[at] = l.slice(0, c) + r.pick(['', ':', ' ', '"', "'", '#', ' #', ': ', '- ', '[', '{', '|', '\\', '\t']) + l.slice(c + r.int(2));
    } else lines.splice(at, 0, `${r.pick(pool)} // r${e}`);
  }
  return lines.join('\n');
}

interface Tally {
  cases: number;
  fast: number;
  rejected: number;
}

/** The subset reader either leaves the text to the package or gives exactly its result; parseYaml always does. */
function agree(text: string, tally: Tally, label: string): void {
  const bytes = Buffer.byteLength(text);
  const want = parseYamlWithPackage(text, bytes);
  const got = readYamlSubset(text, bytes);
  tally.cases++;
  if (got !== undefined) {
    tally.fast++;
    if (got === null) tally.rejected++;
    assert.deepEqual(got, want, `${label}: the subset reader differs from the package on:\n${text.slice(0, 2000)}`);
  }
  assert.deepEqual(parseYaml(text, bytes), want, label);
}

describe('YAML subset reader = the yaml package path', () => {
  const repo = repositoryYaml();
  const examples = exampleYaml();
  const r = rng(20261201);
  const generated = Array.from({ length: 1500 }, () => genDoc(r));
  const pool = [...MUTATION_LINES, ...repo.flatMap((t) => t.split('\n')).filter((_, i) => i % 7 === 0)];

  it(`repository and dependency YAML files (${repo.length})`, (t) => {
    assert.ok(repo.length >= 10);
    const tally = { cases: 0, fast: 0, rejected: 0 };
    for (const text of repo) agree(text, tally, 'file');
    t.diagnostic(JSON.stringify(tally));
    // the common shapes are read without the package: most real files stay on the fast path
    assert.ok(tally.fast >= tally.cases * 0.9, `fast path used for ${tally.fast} of ${tally.cases}`);
  });

  it('rule examples and the syntax matrix renderings', (t) => {
    assert.ok(examples.length >= 100);
    const tally = { cases: 0, fast: 0, rejected: 0 };
    for (const text of examples) agree(text, tally, 'example');
    t.diagnostic(JSON.stringify(tally));
  });

  it('generated documents', (t) => {
    const tally = { cases: 0, fast: 0, rejected: 0 };
    for (const text of generated) agree(text, tally, 'generated');
    t.diagnostic(JSON.stringify(tally));
    // the generator's shapes are mostly inside the subset: the comparison is not vacuous
    assert.ok(tally.fast >= tally.cases * 0.3, `fast path used for ${tally.fast} of ${tally.cases}`);
  });

  it('seeded mutations (spliced, deleted, re-indented, edited lines)', (t) => {
    const m = rng(7);
    const tally = { cases: 0, fast: 0, rejected: 0 };
    for (const text of [...repo.filter((t) => t.length < 64 * 1024), ...examples.slice(0, 400), ...generated]) {
      for (let k = 0; k < 4; k++) {
        const mutated = mutate(text, m, pool);
        agree(mutated, tally, 'mutation');
        if (k === 0) agree(mutated.replace(/\n/g, '\r\n'), tally, 'mutation, CRLF');
      }
    }
    t.diagnostic(JSON.stringify(tally));
    assert.ok(tally.fast >= 1000, `fast path used for ${tally.fast} of ${tally.cases}`);
  });

  it('stray lines after every kind of entry, at every indentation (where the reader may reject)', (t) => {
    const before = [
      'a: 1', 'a:', 'a: "q"', "a: 'q'", 'a: [x]', 'a: |\n  blk', 'a: >-\n  blk', 'a:\n  b: 1', 'a:\n  b:', 'a:\n    b: 1', 'a:\n  - x',
      'a:\n- x', 'a:\n  - b: 1\n    c: 2', '- x', '-', '- a: 1', '- a:\n    b: 1', '-\n  a: 1', '- - x', 'x:\n  y:\n    z: w\n    v:\n      - 1',
      '- a: |\n    t', 'a: b # c', '- "q"', 'a: &x\n  b: 1', 'a: *x', '- &x v', 'a: &x |\n  t',
    ];
    const strays = [
      'foo bar', '// r1', '} // r2', ']', '- y', '-', 'k: v', 'k:', '"q"', '"q" x', '* x', '{ x', '[ x', 'x: y: z', '? x', ': x', '#c',
      'q:w', 'const a = 1; // r3', '!x', '&a b', '"k": v', '|', '%x', '@x', '...', '---',
    ];
    const after = ['', '\nz: 9', '\n  z: 9', '\n- z'];
    const tally = { cases: 0, fast: 0, rejected: 0 };
    for (const b of before) for (const s of strays) for (let ind = 0; ind <= 5; ind++) for (const a of after) agree(`${b}\n${' '.repeat(ind)}${s}${a}\n`, tally, 'stray line');
    t.diagnostic(JSON.stringify(tally));
    assert.ok(tally.rejected >= 1000, `rejected without the package: ${tally.rejected} of ${tally.cases}`);
  });

  it('one-line values with something after them, in every kind of entry', (t) => {
    const values = [
      '"q" x', '"q", y', "'it's'", '"q"#c', '"q": b', '"q" : b', "'a' 'b'", '"a"""', '"q"  # ok', '* x', '*', '& a', '&', '*a', '&a x',
      '"q"]', '"q"}', "'q',", '&x v', '&x "q"', '&x [1]', '&x', '*x', '*x y', '*x: y', '&x k: v', '&x - y', '&x &y v', '&x !t v', '&x,y v', '[2, k: 1]', '[k: v, "q": w]', '[k:v]', '[k : v]', '[a: [b: c]]', '[k: ]', '"a\\"b" c', '[a] b', '[a]: b', '{a: b} c', '"q"\t', 'v: w', 'v:', 'v # c: d',
    ];
    const contexts = ['k: %', '- %', '- k: %', 'a:\n  k: %', 'a:\n  - %', '%', 'a:\n  %', '- a: 1\n  %', '%: x'];
    const tally = { cases: 0, fast: 0, rejected: 0 };
    for (const c of contexts) for (const v of values) for (const a of ['', '\nz: 1', '\n  z: 1']) agree(`${c.replace('%', v)}${a}\n`, tally, 'value');
    t.diagnostic(JSON.stringify(tally));
    assert.ok(tally.rejected >= 100, `rejected without the package: ${tally.rejected} of ${tally.cases}`);
  });

  it('rejects a workflow with a line of code spliced in without a full parse, as the package does', () => {
    const text = 'name: CI\non:\n  push:\n    branches: [main]\nconst x = require("y"); // r12\njobs:\n  test:\n    runs-on: ubuntu-latest\n';
    assert.equal(readYamlSubset(text, text.length), null);
    assert.equal(parseYamlWithPackage(text, text.length), null);
  });

  it('reads the shapes of compose, Kubernetes and workflow files itself, and leaves the rest to the package', () => {
    const inside = [
      'services:\n  bot:\n    image: "bot:1.2"\n    environment:\n      - API_KEY=abc123\n      - "SECRET=q w e"\n    ports: ["8080:80"]\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: TOKEN\n              value: "t0k3n"\n',
      'on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          npm ci\n          npm test\n',
      '# comment\n---\na: 1\n---\nb: >-\n  folded\n  text\n',
      'x-common: &common\n  image: app:1\n  environment:\n    - TOKEN=abc\nservices:\n  web:\n    <<: *common\n    ports: [80]\n',
    ];
    for (const text of inside) {
      const got = readYamlSubset(text, Buffer.byteLength(text));
      assert.ok(got, `read by the subset reader:\n${text}`);
      assert.deepEqual(got, parseYamlWithPackage(text, Buffer.byteLength(text)));
    }
    const outside = ['k: !!str 1\n', '? complex\n: key\n', 'a: b\n  continued\n', 'x: [a,\n  b]\n', '%YAML 1.1\n---\na: 1\n'];
    for (const text of outside) assert.equal(readYamlSubset(text, Buffer.byteLength(text)), undefined, text);
  });
});

const isJson = (name: string) => structureKind(name) === 'json';

/** Random JSON values: nesting, escapes, non-ASCII text, numbers and literals. */
function genJson(r: Rng, depth: number): unknown {
  const roll = r.next();
  if (depth < 5 && roll < 0.25) return Object.fromEntries(Array.from({ length: r.int(5) }, () => [r.pick(WORDS) + r.pick(['', '"', '\\', 'ü', '😀', '\u2028']), genJson(r, depth + 1)]));
  if (depth < 5 && roll < 0.4) return Array.from({ length: r.int(5) }, () => genJson(r, depth + 1));
  if (roll < 0.5) return r.pick([0, -1.5, 1e21, 3.25e-7, true, false, null]);
  return r.pick(PLAINS) + r.pick(['', '\n', '\t', '"', '\\', '/', 'é', '日本', '😀', '\u0001', '']);
}

/** Bytes edited the ways broken files are: cut, doubled, replaced, invalid UTF-8, a BOM. */
function mutateBytes(buf: Buffer, r: Rng): Buffer {
  let b = buf;
  for (let e = 1 + r.int(3); e > 0; e--) {
    const at = r.int(b.length + 1);
    const roll = r.next();
    const bytes = r.pick([[0x22], [0x5c], [0x2c], [0x7d], [0x5d], [0x0a], [0xff], [0xc3], [0xe2, 0x82], [0x2f, 0x2f], [0x2f, 0x2a], [0xef, 0xbb, 0xbf]]);
    if (roll < 0.3) b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + r.int(8)))]);
    else if (roll < 0.7) b = Buffer.concat([b.subarray(0, at), Buffer.from(bytes), b.subarray(at)]);
    else if (roll < 0.85) b = Buffer.concat([b.subarray(0, at), Buffer.from(bytes), b.subarray(Math.min(b.length, at + bytes.length))]);
    else b = b.subarray(0, at);
  }
  return b;
}

describe('JSON reader = the previous JSON reader', () => {
  const files = ['fixtures', 'test', 'examples', '.github', 'node_modules']
    .flatMap((d) => filesUnder(join(PACKAGE_ROOT, d), isJson))
    .concat(readdirSync(PACKAGE_ROOT).filter(isJson).map((n) => join(PACKAGE_ROOT, n)))
    .map((f) => readFileSync(f));
  const r = rng(424242);
  const generated = Array.from({ length: 600 }, (_, i) => {
    const text = JSON.stringify(genJson(r, 0), null, r.pick([0, 2, '\t']));
    // comments and trailing commas, as tsconfig and editor settings have them
    const relaxed = i % 3 === 0 ? `// settings\n${text.replace(/\n(\s*)"/, '\n$1/* c */ "').replace(/(\S)\n(\s*)[}\]]/, '$1,\n$2}')}` : text;
    return Buffer.from(relaxed);
  });
  const matrix = exampleJson();

  const same = (buf: Buffer, label: string) => assert.deepEqual(parseJson(buf), parseJsonReference(buf), `${label}:\n${buf.toString('utf8', 0, 2000)}`);

  it(`repository and dependency JSON files (${files.length}), ASCII and not`, () => {
    assert.ok(files.length >= 10);
    assert.ok(files.some((b) => !isAscii(b)) && files.some((b) => isAscii(b)), 'both readers are exercised');
    for (const buf of files) same(buf, 'file');
  });

  it('the syntax matrix JSON renderings and generated documents', () => {
    for (const buf of [...matrix, ...generated]) same(buf, 'generated');
  });

  it('seeded byte mutations (cut, doubled, replaced, invalid UTF-8, BOM)', () => {
    const m = rng(99);
    let rejected = 0;
    for (const buf of [...files.filter((b) => b.length < 64 * 1024), ...matrix.slice(0, 300), ...generated]) {
      for (let k = 0; k < 4; k++) {
        const mutated = mutateBytes(buf, m);
        if (parseJsonReference(mutated) === null) rejected++;
        same(mutated, 'mutation');
      }
    }
    assert.ok(rejected > 100, `mutations that break the JSON: ${rejected}`);
  });
});

/** Rule examples as values of the matrix's JSON syntaxes. */
function exampleJson(): Buffer[] {
  const { rules } = loadRuleDir();
  const out: Buffer[] = [];
  const jsonSyntaxes = SYNTAXES.filter((s) => structureKind(s.file) === 'json');
  for (const rule of rules) {
    rule.examples.match.forEach((tpl, i) => {
      const text = expandExample(tpl, exampleSeed(rule.id, 'match', i));
      for (const s of jsonSyntaxes) out.push(Buffer.from(renderFile(s, names(`${rule.id}_secret`), text, text.split('\n').slice(0, 2))));
    });
  }
  return out;
}
