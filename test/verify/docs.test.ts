// docs/verification.md lists every check keyhound runs, with its endpoint and the basis of its facts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ALL_CHECKS } from '../../src/verify/index.js';
import { repoRoot } from '../revoke/helpers.js';

describe('docs/verification.md', () => {
  const doc = readFileSync(`${repoRoot}/docs/verification.md`, 'utf8');
  for (const c of ALL_CHECKS) {
    it(`lists ${c.name}: host, endpoint, fields and basis`, () => {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${c.name} |`));
      assert.ok(row, `a table row for ${c.name}`);
      assert.ok(row.includes(new URL(c.defaultBase).host), 'documented host');
      assert.ok(row.includes(c.doc.endpoint.replace(/\|/g, '\\|')), 'endpoint');
      for (const f of c.doc.fields) assert.ok(row.includes(f), `field ${f}`);
      assert.ok(row.includes(c.doc.basis), 'docs or inferred');
    });
  }
});
