// Precedence is rule data: shuffled rule order and rule file names give identical findings, and a value
// of an identified format that fails its check is reported by no rule (generic ones included).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { Engine } from '../../src/engine/scanner.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { expandExample } from '../../src/rules/example-values.js';
import { exampleSeed } from '../../src/rules/examples.js';
import { KEYPATH_RULE } from '../../src/rules/keypath-rule.js';
import { loadRuleDir, readRuleFiles } from '../../src/rules/loader.js';
import { SeededRandom } from '../../src/rules/seeded-random.js';
import { validators } from '../../src/validators/index.js';

const { rules, knownPublic } = loadRuleDir();
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Every rule's match examples as one project: many values that several rules can claim. */
function corpus(): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  for (const r of rules) {
    const text = r.examples.match.map((t, i) => expandExample(t, exampleSeed(r.id, 'match', i))).join('\n\n');
    files.push([`${r.id}.txt`, text], [`${r.id}/config.yaml`, text.includes('\n') ? text : `${r.id}:\n  secret: ${text}`]);
  }
  return files;
}

/** The rules written to files with shuffled order and made-up names, loaded back as a user would. */
function shuffled(seed: string): RuleSpec[] {
  const rng = new SeededRandom(seed);
  const order = [...rules];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const dir = mkdtempSync(join(tmpdir(), 'kh-precedence-'));
  dirs.push(dir);
  for (let i = 0; i < order.length; i += 17) {
    const part = order.slice(i, i + 17).map(({ source: _s, ...r }) => r);
    writeFileSync(join(dir, `${rng.chars('abcdefghijklmnopqrstuvwxyz', 8)}.yaml`), stringify({ rules: part }));
  }
  const loaded = readRuleFiles([dir]).rules;
  return rng.int(2) === 0 ? [...loaded, KEYPATH_RULE] : [KEYPATH_RULE, ...loaded];
}

function findings(specs: RuleSpec[], files: Array<[string, string]>): string[] {
  const engine = new Engine(specs, { validators, knownPublic });
  return files.flatMap(([path, text]) =>
    engine.scan(Buffer.from(text), path).map((f) => `${path}:${f.line}:${f.column} ${f.ruleId} ${f.fingerprint}`),
  );
}

describe('precedence', () => {
  const files = corpus();
  const reference = findings([...rules, KEYPATH_RULE], files);
  it('the corpus yields findings', () => assert.ok(reference.length > rules.length));
  for (const seed of ['one', 'two', 'three']) {
    it(`shuffled rule order and file names (${seed}) give identical findings`, () => {
      assert.deepEqual(findings(shuffled(`precedence:${seed}`), files), reference);
    });
  }
});

describe('identified formats that fail their check', () => {
  const engine = new Engine([...rules, KEYPATH_RULE], { validators, knownPublic });
  const scan = (text: string, path: string) => engine.scan(Buffer.from(text), path).filter((f) => !f.knownPublic);
  // the seeded builder's valid tokens and the same shape with a wrong CRC32
  // 4th: the prefix separator to break to make the value unidentified (null: no key-path shape)
  const cases: Array<[string, string, string, (string | null)?]> = [
    ['GitHub classic token', '{{github:ghp}}', '{{github-bad:ghp}}'],
    ['npm token', '{{npm}}', '{{npm-bad}}'],
    ['GitHub refresh token (long form)', '{{github-long}}', '{{github-long-bad}}'],
    ['GitHub stateless installation token', '{{github-stateless}}', '{{github-stateless-bad}}', null],
    ['GitLab routable access token', '{{gitlab:glpat-}}', '{{gitlab-bad:glpat-}}', '-'],
    ['GitLab routable runner token', '{{gitlab:glrt-t1_}}', '{{gitlab-bad:glrt-t1_}}', '-'],
  ];
  for (const [name, goodTpl, badTpl, sep = '_'] of cases) {
    it(`${name}: reported when valid, by no rule when its checksum fails (key-path rule included)`, () => {
      const good = expandExample(goodTpl, `precedence:${name}`);
      const bad = expandExample(badTpl, `precedence:${name}`);
      const place = (v: string) => `exchanges:\n  binance:\n    api_token: ${v}\n`;
      assert.ok(scan(place(good), 'bot.yaml').some((f) => f.secret === good), 'the valid value is found');
      if (sep !== null) assert.ok(scan(place(bad.replace(sep, `x${sep}`)), 'bot.yaml').length > 0, 'an unidentified value there is the key-path rule\'s');
      assert.deepEqual(scan(place(bad), 'bot.yaml'), []);
      assert.deepEqual(scan(`BINANCE_SECRET=${bad}\n`, '.env'), []);
    });
  }
});
