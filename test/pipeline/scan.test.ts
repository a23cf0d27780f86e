import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InlineScanner } from '../../src/pipeline/chunk-scanner.js';
import { runScan } from '../../src/pipeline/scan.js';
import type { Source, SourceChunk } from '../../src/sources/types.js';
import { tokenRule } from '../support/test-rule.js';

const TOKEN = 'tok_Q3v9ZpL2mX8rT4wK7yB1nC5d';

function listSource(chunks: SourceChunk[]): Source {
  return {
    async *chunks() {
      yield* chunks;
    },
  };
}

describe('runScan', () => {
  it('a file that cannot be read is a warning and a count; the scan goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-pipeline-'));
    try {
      writeFileSync(join(dir, 'a.txt'), `k = ${TOKEN}\n`);
      writeFileSync(join(dir, 'bin.dat'), Buffer.from([1, 0, 2, 3]));
      const source = listSource([
        { path: 'gone.txt', file: join(dir, 'gone.txt') },
        { path: 'bin.dat', file: join(dir, 'bin.dat') },
        { path: 'a.txt', file: join(dir, 'a.txt') },
      ]);
      const { findings, stats } = await runScan([source], new InlineScanner({ rules: [tokenRule()], knownPublic: [] }));
      assert.deepEqual(findings.map((f) => f.file), ['a.txt']);
      assert.equal(stats.skipped.unreadable, 1);
      assert.equal(stats.skipped.binary, 1);
      assert.equal(stats.files, 1);
      assert.match(stats.warnings.join('\n'), /cannot read gone\.txt: ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
