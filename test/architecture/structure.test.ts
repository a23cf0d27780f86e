// The house rules of src/, read from the sources: folders import only lower floors, no import circle,
// one finding constructor, thin entry points, no one-line re-export modules, an opening line per file.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';
import { PACKAGE_ROOT } from '../support/checkout.js';

/**
 * The layering (docs/architecture.md): a folder may import only folders on a lower floor. `util/` and
 * `net/` are shared helpers (safe file access, lazy loading; HTTP with loopback and URL checks).
 */
const FLOORS: Record<string, number> = {
  cli: 7,
  action: 7,
  session: 6,
  config: 5,
  pipeline: 5,
  rules: 4,
  sources: 4,
  verify: 4,
  revoke: 4,
  engine: 3,
  validators: 3,
  suppress: 3,
  report: 3,
  net: 3,
  util: 2,
  core: 1,
};

const SRC = join(PACKAGE_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const FILES = sourceFiles(SRC).map((abs) => ({ path: relative(SRC, abs), text: readFileSync(abs, 'utf8') }));
const IMPORT = /(?:\bfrom\s+|\bimport\(\s*|\blazyRequire(?:<[^>]*>)?\(\s*)'(\.{1,2}\/[^']+)'/g;

/** src-relative .ts paths a file imports (static, dynamic and lazily required). */
function importsOf(file: { path: string; text: string }): string[] {
  return [...file.text.matchAll(IMPORT)].map((m) => normalize(join(dirname(file.path), m[1]!)).replace(/\.js$/, '.ts'));
}
const folderOf = (path: string) => path.split('/')[0]!;

describe('structure of src/', () => {
  it('every folder has a floor', () => {
    const folders = new Set(FILES.filter((f) => f.path.includes('/')).map((f) => folderOf(f.path)));
    for (const folder of folders) assert.ok(folder in FLOORS, `src/${folder}/ has no floor in the layering`);
  });

  it('no import runs to a folder on the same or a higher floor', () => {
    const up: string[] = [];
    for (const f of FILES) {
      for (const target of importsOf(f)) {
        const from = folderOf(f.path);
        const to = folderOf(target);
        if (from !== to && !(FLOORS[to]! < FLOORS[from]!)) up.push(`${f.path} → ${target}`);
      }
    }
    assert.deepEqual(up, []);
  });

  it('no import circle between files', () => {
    const graph = new Map(FILES.map((f) => [f.path, importsOf(f).filter((t) => t !== f.path)]));
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        circles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    assert.deepEqual(circles, []);
  });

  it('findings are made by one constructor: no other module computes a finding fingerprint or redaction', () => {
    const makers = FILES.filter((f) => /\bfingerprint\(\s*\w+(\.id|\.ruleId)?\s*,/.test(f.text) || /\bredacted:\s*redact\(/.test(f.text)).map((f) => f.path);
    assert.deepEqual(makers, ['engine/candidate.ts']);
  });

  it('the entry points are thin: they open a scan session and never assemble a scan themselves', () => {
    const entries = ['cli/commands/scan.ts', 'cli/commands/history.ts', 'cli/commands/staged.ts', 'action/scan.ts'];
    const script = /\b(runScan|loadConfig|buildRuleSet|AdaptiveScanner|new Engine|new Suppressor|addFindings|joinProvenance|getOptionValueSource)\b/;
    for (const path of entries) {
      const f = FILES.find((x) => x.path === path)!;
      assert.match(f.text, /openScanSession/, `${path} opens a session`);
      assert.doesNotMatch(f.text, script, `${path} repeats a step of the session`);
    }
  });

  it('no module only re-exports another (import from the owner)', () => {
    const shims = FILES.filter((f) => {
      const code = f.text.replace(/\/\/.*$/gm, '').trim();
      return code !== '' && code.split('\n').every((l) => /^export (\*|\{[^}]*\}|type \{[^}]*\}) from /.test(l.trim()) || /^import /.test(l.trim()) || l.trim() === '');
    });
    assert.deepEqual(shims.map((f) => f.path), []);
  });

  it('every file opens with a line saying what it holds', () => {
    const bare = FILES.filter((f) => !/^\/\/ \S/.test(f.text.replace(/^#!.*\n/, ''))).map((f) => f.path);
    assert.deepEqual(bare, []);
  });
});
