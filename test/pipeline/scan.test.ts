import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AdaptiveScanner } from '../../src/pipeline/worker-pool.js';
import { ReadBuffer, readSourceFile } from '../../src/sources/read-file.js';
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

describe('scanning in workers', () => {
  it('a walk that fills the scan loop goes to the workers from its first file; a small one stays in this thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-pool-'));
    try {
      const chunks: SourceChunk[] = [];
      for (let i = 0; i < 300; i++) {
        writeFileSync(join(dir, `f${i}.txt`), i % 100 === 7 ? `k = ${TOKEN}\n` : `plain text ${i}\n`);
        chunks.push({ path: `f${i}.txt`, file: join(dir, `f${i}.txt`) });
      }
      const rules = { rules: [tokenRule()], knownPublic: [] };
      const big = new AdaptiveScanner(rules, 1e6, 2);
      const inline = (s: AdaptiveScanner) => (s as unknown as { inline: { scan: (c: SourceChunk) => unknown } }).inline;
      let inThisThread = 0;
      const count = (s: AdaptiveScanner) => {
        const scan = inline(s).scan.bind(inline(s));
        inline(s).scan = (c: SourceChunk) => (inThisThread++, scan(c));
      };
      count(big);
      try {
        const r = await runScan([listSource(chunks)], big, { inflight: big.inflight });
        assert.deepEqual(r.findings.map((f) => f.file).sort(), ['f107.txt', 'f207.txt', 'f7.txt']);
        assert.equal(r.stats.files, 300);
        // only the names batch after the walk may run here; no file was scanned in this thread
        assert.ok(inThisThread <= 1, `${inThisThread} chunks scanned in this thread`);
      } finally {
        await big.close();
      }
      const small = new AdaptiveScanner(rules, 1e6, 2);
      inThisThread = 0;
      count(small);
      try {
        const r = await runScan([listSource(chunks.slice(0, 10))], small, { inflight: small.inflight });
        assert.deepEqual(r.findings.map((f) => f.file), ['f7.txt']);
        assert.equal(inThisThread, 10);
        assert.equal((small as unknown as { slots: unknown }).slots, null);
      } finally {
        await small.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a reused read buffer gives each file its own bytes, growing as needed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-read-'));
    try {
      const big = 'x'.repeat(200_000);
      writeFileSync(join(dir, 'a'), 'first file');
      writeFileSync(join(dir, 'b'), big);
      writeFileSync(join(dir, 'c'), 'third');
      const into = new ReadBuffer();
      const text = (f: string) => {
        const r = readSourceFile(join(dir, f), f, 1e6, into);
        assert.ok('data' in r);
        return r.data.toString();
      };
      assert.equal(text('a'), 'first file');
      assert.equal(text('b'), big);
      assert.equal(text('c'), 'third');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
