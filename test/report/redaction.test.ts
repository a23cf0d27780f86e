import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotations, render, REPORT_FORMATS, summaryMarkdown } from '../../src/report/index.js';
import type { ReportInput } from '../../src/report/types.js';
import { PLANTED, SECRETS, assertNoLeak, leakForms, sampleInput } from './fixtures.js';

/** Every output keyhound can render for one input. */
function outputs(input: ReportInput): [string, string][] {
  return [
    // every registered format; notes listed too (folded, their values appear nowhere in text; listed, they must be redacted)
    ...REPORT_FORMATS.map((f): [string, string] => [f, render(f, input, { color: false, showNotes: true })]),
    ['text (color)', render('text', input, { color: true, showNotes: true })],
    ['annotations', annotations(input.findings, { showSecrets: input.showSecrets }).lines.join('\n')],
    ['summary', summaryMarkdown(input)],
  ];
}

describe('redaction', () => {
  it('plants distinct values (sanity)', () => {
    assert.equal(new Set(PLANTED).size, PLANTED.length);
    for (const s of PLANTED) assert.ok(s.length >= 32);
  });

  it('no format prints a planted secret without showSecrets', () => {
    const input = sampleInput();
    // a warning that quotes a secret (an upstream bug) is scrubbed as well
    input.stats.warnings.push(`odd value ${SECRETS.binanceSecret} in config`);
    for (const [name, out] of outputs(input)) {
      assertNoLeak(out, name);
      for (const s of PLANTED) assert.ok(!out.includes(s), `${name} leaks a planted secret`);
      assert.ok(out.includes('…'), `${name} shows redacted values`);
    }
  });

  it('every format prints the secrets with showSecrets', () => {
    const input = sampleInput({ showSecrets: true });
    for (const [name, out] of outputs(input)) {
      for (const s of PLANTED) {
        // multi-line values are escaped per format; their inner lines appear as they are
        const found = leakForms(s).some((form) => out.includes(form));
        assert.ok(found, `${name} lacks ${s.slice(0, 6)}…`);
      }
      const singleLine = PLANTED.filter((s) => !s.includes('\n'));
      for (const s of singleLine) assert.ok(out.includes(s), `${name} lacks the raw ${s.slice(0, 6)}…`);
    }
  });
});

describe('scrubbing', () => {
  it('replaces every occurrence, longest value first, and leaves other text alone', async () => {
    const { makeScrub } = await import('../../src/report/common.js');
    const { RULES, finding } = await import('./fixtures.js');
    const a = finding(RULES.infura, 'abcdef123456', {});
    const b = finding(RULES.infura, 'abcdef123456789xyz', {});
    const scrub = makeScrub([a, b], false);
    assert.equal(scrub('x abcdef123456789xyz y abcdef123456 zabcdef123456'), `x ${b.redacted} y ${a.redacted} z${a.redacted}`);
    assert.equal(scrub('abcdef12345'), 'abcdef12345');
    assert.equal(scrub(''), '');
    assert.equal(makeScrub([a], true)('abcdef123456'), 'abcdef123456');
  });
});
