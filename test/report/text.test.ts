import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '../../src/report/index.js';
import { terminalSafe } from '../../src/report/text.js';
import { RULES, SECRETS, UNICODE_FILE, emptyInput, finding, sampleInput } from './fixtures.js';

const ESC = '\x1b';

describe('text report', () => {
  const out = render('text', sampleInput(), { color: false, showNotes: true });

  it('prints one block per finding with severity, rule id and file:line:column', () => {
    assert.match(out, /^ERROR {2}evm-private-key {2}src\/deploy\.ts:12:27$/m);
    assert.match(out, /^WARNING {2}binance-api-key {2}config\/\.env:2:17$/m);
    assert.ok(out.includes(`WARNING  infura-project-id  ${UNICODE_FILE}:7:30`));
    assert.equal(out.match(/^(ERROR|WARNING|NOTE) /gm)?.length, 7);
  });

  it('shows redaction, validation, address, key, linked parts, commit, exposure and decoded notes', () => {
    assert.match(out, /secret: +3255… \(redacted\) +✔ checksum ok/);
    assert.match(out, /address: +0x[0-9a-f]{40}/);
    assert.match(out, /key: +PRIVATE_KEY/);
    assert.match(out, /linked: +secret \(binance-api-secret\) at config\/\.env:3:20/);
    assert.match(out, /linked: +key \(binance-api-key\) at config\/\.env:2:17/);
    assert.match(out, /commit: +[0-9a-f]{40} "add deployment config"/);
    assert.match(out, /introduced: +2024-01-02 by Ada Lovelace/);
    assert.match(out, /removed: +[0-9a-f]{40} on 2024-02-13/);
    assert.match(out, /exposure: +42 days/);
    assert.match(out, /paths: +old\/secrets\.txt → legacy\/secrets\.txt/);
    assert.match(out, /decoded: +found inside a decoded value/);
  });

  it('marks known public test keys distinctly', () => {
    assert.match(out, /^NOTE {2}known public test key {2}evm-private-key {2}hardhat\.config\.ts:9:17$/m);
    assert.match(out, /known public: +Hardhat\/Anvil default account #0/);
  });

  it('ends with a summary: counts per severity, files, bytes, duration, skipped, suppressed, warnings', () => {
    assert.match(
      out,
      /Found 7 secrets: 4 errors, 2 warnings, 1 note \(1 known public\)\. 1234 files \(5\.4 MiB\) scanned in 1\.53 s; skipped 21 \(3 binary, 1 too large, 17 ignored\), suppressed 8 \(2 inline, 5 baseline, 1 allow-list\)\.\n/,
    );
    // warnings are the CLI's, on standard error: never in the report
    assert.doesNotMatch(out, /could not read \.git\/packed-refs/);
  });

  it('folds notes into one summary line unless showNotes', () => {
    const folded = render('text', sampleInput(), { color: false });
    assert.doesNotMatch(folded, /^NOTE /m);
    assert.match(folded, /^1 note not listed \(known public test keys and other notes\): --show-notes lists them\.$/m);
  });

  it('says "No secrets found" with the counts on a clean scan', () => {
    const clean = render('text', emptyInput(), { color: false });
    assert.equal(clean, 'No secrets found. 10 files (2.0 KiB) scanned in 12 ms; skipped 0, suppressed 0.\n');
  });

  it('uses ANSI colours only when asked', () => {
    assert.ok(!out.includes(ESC));
    const colored = render('text', sampleInput(), { color: true, showNotes: true });
    assert.ok(colored.includes(`${ESC}[31m`));
    assert.equal(colored.replace(/\x1b\[[0-9;]*m/g, ''), out);
    assert.ok(render('text', emptyInput(), { color: true }).includes(`${ESC}[32m`));
  });

  it('neutralises terminal control sequences in file names and messages', () => {
    const evil = finding(RULES.infura, SECRETS.infura, { file: `a${ESC}]0;pwned\x07\u202eb.txt`, message: 'x\r\ny' });
    const t = render('text', sampleInput({ findings: [evil] }), { color: false });
    assert.ok(!t.includes(ESC) && !t.includes('\x07') && !t.includes('\u202e') && !t.includes('\r'));
    assert.ok(t.includes('a\\x1b]0;pwned\\x07\\u202eb.txt:1:1'));
    assert.equal(terminalSafe('ok\ttab'), 'ok\\ttab');
  });
});
