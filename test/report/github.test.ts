import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/core/finding.js';
import { annotations, escapeData, escapeProperty, summaryMarkdown } from '../../src/report/github.js';
import { RULES, UNICODE_FILE, alnum, emptyInput, finding, hex, sampleInput } from './fixtures.js';

function many(n: number, severity: Finding['severity'], tag: string): Finding[] {
  return Array.from({ length: n }, (_, i) =>
    finding(RULES.infura, hex(`${tag}-${i}`, 32), { severity, file: `f/${tag}.env`, line: i + 1, column: 1, endLine: i + 1, endColumn: 33 }),
  );
}

describe('GitHub Actions annotations', () => {
  it('escapes data and properties', () => {
    assert.equal(escapeData('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext: a,b');
    assert.equal(escapeProperty('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext%3A a%2Cb');
  });

  it('writes one workflow command per finding with escaped file, title and message', () => {
    const input = sampleInput();
    const multi = finding(RULES.infura, hex('ml', 32), { file: 'a,b:c%.txt', message: 'line one\nline two\r\n::error::injected', title: 'T, with: colon' });
    const { lines, omitted } = annotations([...input.findings, multi]);
    assert.equal(omitted, 0);
    assert.equal(lines.length, input.findings.length + 1);
    for (const l of lines) {
      assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[^,:]+::[^\r\n]+$/);
    }
    const uni = lines.find((l) => l.includes('infura-project-id') && l.includes('%C3') === false && l.includes('Ünïcode'))!;
    assert.ok(uni.startsWith(`::warning file=${UNICODE_FILE.replace(/%/g, '%25').replace(/,/g, '%2C').replace(/:/g, '%3A')},line=7,endLine=7,col=30,endColumn=31,`));
    const m = lines.find((l) => l.includes('file=a%2Cb%3Ac%25.txt'))!;
    assert.ok(m.includes('title=T%2C with%3A colon (infura-project-id)::line one%0Aline two%0D%0A::error::injected.'));
    const evm = lines.find((l) => l.includes('file=src/deploy.ts'))!;
    assert.ok(evm.startsWith('::error file=src/deploy.ts,line=12,endLine=12,col=27,endColumn=93,title=EVM private key (evm-private-key)::'));
    assert.ok(evm.includes('Redacted: 3255…'));
    const hh = lines.find((l) => l.includes('hardhat.config.ts'))!;
    assert.ok(hh.startsWith('::notice ') && hh.includes('title=Known public test key%3A EVM private key'));
    const gh = lines.find((l) => l.includes('old/secrets.txt'))!;
    assert.match(gh, /Commit [0-9a-f]{8} by Ada Lovelace on 2024-01-02, removed in [0-9a-f]{8}, exposed 42 days\./);
    const cdp = lines.find((l) => l.includes('cdp_api_key.json'))!;
    assert.ok(cdp.includes('line=3,endLine=6,title='), 'no columns on multi-line annotations');
  });

  it('caps annotations at 10 per level and counts the rest', () => {
    const fs = [...many(25, 'error', 'e'), ...many(3, 'warning', 'w'), ...many(12, 'note', 'n')];
    const a = annotations(fs, { perLevel: 10 });
    const count = (lvl: string) => a.lines.filter((l) => l.startsWith(`::${lvl} `)).length;
    assert.equal(count('error'), 10);
    assert.equal(count('warning'), 3);
    assert.equal(count('notice'), 10);
    assert.equal(a.omitted, 17);
    assert.deepEqual(a.omittedByLevel, { error: 15, warning: 0, notice: 2 });
    // first in reading order are kept
    assert.ok(a.lines[0]!.includes('file=f/e.env,line=1,'));
    assert.equal(annotations(fs, { perLevel: 2 }).omitted, 34);
    assert.equal(annotations(fs).lines.length, 23, 'default cap is 10');
  });
});

describe('GitHub job summary', () => {
  it('says "No secrets found" on a clean scan, with suppressed counts', () => {
    const md = summaryMarkdown(emptyInput());
    assert.match(md, /\*\*No secrets found\.\*\* 10 files \(2\.0 KiB\) scanned in 12 ms\./);
    assert.match(md, /Suppressed: 0\. Skipped: 0\./);
    assert.ok(!md.includes('|'));
  });

  it('renders a table: rule, file:line, commit, redacted secret, exposure days', () => {
    const md = summaryMarkdown(sampleInput());
    assert.match(md, /\| Severity \| Rule \| File:line \| Commit \| Secret \| Exposure \|/);
    assert.match(md, /\| error \| `github-classic-token` \| old\/secrets\.txt:4 \| `[0-9a-f]{8}` 2024-01-02 \| `ghp_…` ✔ \| 42 days \|/);
    assert.match(md, /\| note \(known public test key\) \| `evm-private-key` \| hardhat\.config\.ts:9 \|/);
    assert.match(md, /Suppressed: 8 \(2 inline, 5 baseline, 1 allow-list\)\./);
    assert.match(md, /> could not read \.git\/packed-refs/);
    assert.ok(!md.includes('not shown as annotations'));
  });

  it('escapes table cells', () => {
    const f = finding(RULES.infura, hex('cell', 32), { file: 'a|b<script>`x`\n.md' });
    const md = summaryMarkdown(sampleInput({ findings: [f] }));
    const row = md.split('\n').find((l) => l.startsWith('| warning'))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 8, row);
    assert.ok(!md.includes('<script>'));
  });

  it('notes findings not shown as annotations', () => {
    const fs = [...many(13, 'error', 'e'), ...many(1, 'warning', 'w')];
    const md = summaryMarkdown(sampleInput({ findings: fs }));
    assert.match(md, /3 findings not shown as annotations \(GitHub shows 10 per level\); all are listed here\./);
  });

  it('stays under the size limit, truncating rows with a note', () => {
    const fs = many(300, 'error', 'big');
    const md = summaryMarkdown(sampleInput({ findings: fs }), { maxBytes: 8 * 1024 });
    assert.ok(Buffer.byteLength(md) <= 8 * 1024, String(Buffer.byteLength(md)));
    const rows = md.split('\n').filter((l) => l.startsWith('| error')).length;
    assert.ok(rows > 10 && rows < 300);
    assert.match(md, new RegExp(`\\*\\*${300 - rows} more findings not shown\\*\\* \\(job summary size limit\\)`));
    assert.match(md, /Suppressed: 8/);
  });

  it('keeps 20,000 findings under 1 MiB by default', () => {
    const fs = Array.from({ length: 20_000 }, (_, i) =>
      finding(RULES.binanceSecret, alnum(`x${i}`, 64), { file: `some/rather/long/path/number/${i}/config.env`, line: i + 1 }),
    );
    const md = summaryMarkdown(sampleInput({ findings: fs }));
    assert.ok(Buffer.byteLength(md) <= 1024 * 1024);
    assert.match(md, /more findings not shown/);
  });
});
