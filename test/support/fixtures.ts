// Seeded fixture builder: copies a sample project from fixtures/ into a temp folder and expands
// {{kind[:arg]@rule-id}} markers into generated secrets, so the repository carries no live-looking value.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandExample } from '../../src/rules/example-values.js';

export interface Planted {
  file: string;
  line: number;
  ruleId: string;
  value: string;
}

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

const MARKER = /\{\{([A-Za-z0-9-]+)(?::([^}@]*))?@([a-z0-9-]+)\}\}/g;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out.sort();
}

/** Names of the sample projects. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR).filter((n) => statSync(join(FIXTURES_DIR, n)).isDirectory()).sort();
}

/**
 * Writes fixture `name` into a new temp folder. Files named `*.tmpl` lose the suffix; markers are
 * replaced by values seeded from `seed`, file and position, and recorded with their line.
 */
export function buildFixture(name: string, seed = 'keyhound-fixtures'): { dir: string; planted: Planted[] } {
  const src = join(FIXTURES_DIR, name);
  const dir = mkdtempSync(join(tmpdir(), `keyhound-fixture-${name}-`));
  const planted: Planted[] = [];
  for (const abs of filesUnder(src)) {
    const rel = relative(src, abs).replace(/\\/g, '/').replace(/\.tmpl$/, '');
    const text = readFileSync(abs, 'utf8');
    let n = 0;
    const lines = text.split('\n');
    const outLines = lines.map((line, i) => {
      const marked = line.replace(MARKER, (_m, kind: string, arg: string | undefined, ruleId: string) => {
        const value = expandExample(`{{${kind}${arg !== undefined ? `:${arg}` : ''}}}`, `${seed}:${name}:${rel}:${n++}`);
        planted.push({ file: rel, line: i + 1, ruleId, value });
        return value;
      });
      // unmarked placeholders are parts of a planted value (e.g. a token's numeric prefix)
      return marked.includes('{{') ? expandExample(marked, `${seed}:${name}:${rel}:line${i}`) : marked;
    });
    // line numbers shift when a multi-line value precedes: recompute from the written text
    const written = outLines.join('\n');
    for (const p of planted.filter((q) => q.file === rel)) {
      const at = written.indexOf(p.value);
      if (at >= 0) p.line = written.slice(0, at).split('\n').length;
    }
    const dest = join(dir, rel);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, written);
  }
  return { dir, planted };
}
