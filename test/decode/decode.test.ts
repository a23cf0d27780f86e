// Decoding: base64 (Kubernetes Secret data and other plausible strings) and percent-encoding,
// bounded in depth; findings point at the encoded value and say they were decoded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeBase64, decodePercent, MAX_DEPTH } from '../../src/engine/decode.js';
import { Engine } from '../../src/engine/scanner.js';
import { KEYPATH_RULE } from '../../src/rules/keypath-rule.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { expandExample } from '../../src/rules/example-values.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';
import { tokenRule } from '../support/test-rule.js';

const gen = (t: string, seed: string) => expandExample(t, `decode-test:${seed}`);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const pack = loadRuleDir();
const packEngine = new Engine([...pack.rules, KEYPATH_RULE], { validators, wellKnownConstant, knownPublic: pack.knownPublic });

const token: RuleSpec = tokenRule();
const testEngine = new Engine([token], { validators, wellKnownConstant });

describe('decoders', () => {
  it('base64 of text decodes; hex, words, binary and short values do not', () => {
    assert.equal(decodeBase64(b64('hello there, general')), 'hello there, general');
    assert.equal(decodeBase64(Buffer.from('a secret?>>~~').toString('base64url')), 'a secret?>>~~');
    assert.equal(decodeBase64(gen('{{hex:64}}', 'h')), null);
    assert.equal(decodeBase64('abcdefghijklmnopqrstuvwx'), null);
    assert.equal(decodeBase64(Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 254, 255, 0, 1]).toString('base64')), null);
    assert.equal(decodeBase64(b64('short')), null);
  });
  it('percent-encoding', () => {
    assert.equal(decodePercent('abandon%20ability%20able'), 'abandon ability able');
    assert.equal(decodePercent('no-escapes-here'), null);
    assert.equal(decodePercent('100%zz'), null);
  });
});

describe('Kubernetes Secret with a Binance secret, a mnemonic and a GitHub token', () => {
  const binance = gen('{{alnum:64}}', 'binance');
  const mnemonic = gen('{{bip39:12}}', 'mnemonic');
  const github = gen('{{github:ghp}}', 'github');
  const yaml = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: trading-bot',
    'type: Opaque',
    'data:',
    `  BINANCE_API_SECRET: ${b64(binance)}`,
    `  MNEMONIC: ${b64(mnemonic)}`,
    `  GITHUB_TOKEN: "${b64(github)}"`,
    '',
  ].join('\n');

  it('each is found at its encoded value, marked decoded', () => {
    const fs = packEngine.scan(Buffer.from(yaml), 'k8s/secret.yaml');
    const by = (secret: string) => fs.find((f) => f.secret === secret);
    const want: Array<[string, number, number, string, string]> = [
      [binance, 7, 23, 'binance', 'data.BINANCE_API_SECRET'],
      [mnemonic, 8, 13, 'bip39', 'data.MNEMONIC'],
      [github, 9, 18, 'github', 'data.GITHUB_TOKEN'],
    ];
    for (const [secret, line, column, provider, key] of want) {
      const f = by(secret);
      assert.ok(f, `${provider} not found in ${JSON.stringify(fs.map((x) => [x.ruleId, x.line]))}`);
      assert.equal(f.decoded, 'base64');
      assert.equal(f.provider, provider);
      assert.equal(f.key, key);
      assert.deepEqual([f.line, f.column], [line, column]);
      const encoded = b64(secret);
      assert.equal(f.endColumn - f.column, encoded.length, 'the span is the encoded value');
      assert.equal(f.severity, 'error');
    }
    assert.equal(fs.length, 3, JSON.stringify(fs.map((f) => f.ruleId)));
  });

  it('a Secret holding a config file: the decoded file is parsed as structure', () => {
    const secret = gen('{{alnum:40}}', 'phemex');
    const doc = `kind: Secret\ndata:\n  config.yaml: ${b64(`exchanges:\n  phemex:\n    api_secret: ${secret}\n`)}\n`;
    const fs = packEngine.scan(Buffer.from(doc), 'secret.yaml');
    assert.deepEqual(
      fs.map((f) => [f.ruleId, f.provider, f.secret === secret, f.line, f.decoded]),
      [['keypath-provider-secret', 'phemex', true, 3, 'base64']],
    );
  });
});

describe('decoding in plain text, depth and position', () => {
  const value = gen('tok_{{alnum:24}}', 'tok');

  it('a quoted or assigned base64 string in source code', () => {
    const src = `const a = 1;\nconst cfg = "${b64(`token=${value}`)}";\n`;
    const [f, ...rest] = testEngine.scan(Buffer.from(src), 'app.js');
    assert.equal(rest.length, 0);
    assert.deepEqual([f!.line, f!.column, f!.decoded, f!.secret], [2, 14, 'base64', value]);
  });

  it('percent-encoded values', () => {
    const url = `https://api.example.org/v1?auth=${encodeURIComponent(`x ${value}`)}&q=1`;
    const fs = testEngine.scan(Buffer.from(`# endpoint\nURL ${url}\n`), 'notes.md');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.decoded, 'percent');
    assert.equal(fs[0]!.column, 5);
  });

  it('nested encodings are decoded up to the depth bound', () => {
    assert.equal(MAX_DEPTH, 2);
    const twice = b64(`inner: ${b64(`x = ${value}`)}`);
    const [f] = testEngine.scan(Buffer.from(`blob = "${twice}"\n`), 'a.txt');
    assert.equal(f?.decoded, 'base64/base64');
    const thrice = b64(`v: ${twice}`);
    assert.deepEqual(testEngine.scan(Buffer.from(`blob = "${thrice}"\n`), 'a.txt'), []);
  });

  it('data: URIs and undecodable runs are left alone', () => {
    const img = `<img src="data:image/png;base64,${b64(`x = ${value}`)}">`;
    assert.deepEqual(testEngine.scan(Buffer.from(img), 'page.html'), []);
  });

  it('the raw secret is also found once when present both plain and encoded', () => {
    const text = `a = ${value}\nb = "${b64(value + ' ')}"\n`;
    const fs = testEngine.scan(Buffer.from(text), 'a.txt');
    assert.deepEqual(
      fs.map((f) => [f.line, f.decoded ?? '']),
      [
        [1, ''],
        [2, 'base64'],
      ],
    );
  });
});
