// Key paths of parsed config files as context: the key-path provider rule, deny keys on key paths,
// `nearby` satisfied by the path, exact positions, and silent fallback to text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../src/engine/scanner.js';
import { KEYPATH_RULE, KEYPATH_RULE_ID } from '../../src/rules/keypath-rule.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { expandExample } from '../../src/rules/example-values.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';
import { findingMessage } from '../../src/report/messages.js';

const gen = (t: string, seed: string) => expandExample(t, `structure-test:${seed}`);

const hexKey: RuleSpec = {
  id: 'test-hex-key',
  title: 'Test hex key',
  provider: 'test-wallet',
  severity: 'error',
  keywords: ['wallet'],
  pattern: '\\b(?:0x)?([0-9a-f]{64})\\b',
  context: { nearby: '(?i)wallet', window: 6 },
  tags: ['security', 'secret'],
  examples: { match: ['x'], nomatch: ['y'] },
};
const binanceNear: RuleSpec = {
  id: 'test-binance-secret',
  title: 'Test Binance secret',
  provider: 'binance',
  severity: 'error',
  keywords: ['secret'],
  pattern: '\\b([A-Za-z0-9]{64})\\b',
  context: { keys: '(?i)secret', nearby: '(?i)binance' },
  tags: ['security', 'secret'],
  examples: { match: ['x'], nomatch: ['y'] },
};

const engine = new Engine([hexKey, binanceNear, KEYPATH_RULE], { validators, wellKnownConstant });
const scan = (text: string, path: string) => engine.scan(Buffer.from(text, 'utf8'), path);

describe('key-path provider rule', () => {
  const secret = gen('{{alnum:40}}', 'a');
  const cases: Array<[string, string, string, number, number]> = [
    // file, text, key path, line, column
    ['config/app.yaml', `# é\nexchanges:\n  phemex:\n    api_secret: ${secret}\n`, 'exchanges.phemex.api_secret', 4, 17],
    ['bot.yaml', `BITVAVO: {secret: "${secret}"}\n`, 'BITVAVO.secret', 1, 20],
    ['.env', `# keys\nPHEMEX_API_SECRET=${secret}\n`, 'PHEMEX_API_SECRET', 2, 19],
    ['settings.json', `{\n  "exchanges": {"phemex": {\n    "apiSecret": "${secret}"}}}\n`, 'exchanges.phemex.apiSecret', 3, 19],
    ['bot.toml', `[exchanges.phemex]\nsecret = "${secret}"\n`, 'exchanges.phemex.secret', 2, 11],
    ['bot.ini', `[phemex]\napi_secret = ${secret}\n`, 'phemex.api_secret', 2, 14],
    ['app.properties', `phemex.api.secret=${secret}\n`, 'phemex.api.secret', 1, 19],
    ['prod.tfvars', `exchanges = {\n  phemex_secret = "${secret}"\n}\n`, 'exchanges.phemex_secret', 2, 20],
    ['docker-compose.yml', `services:\n  bot:\n    environment:\n      - PHEMEX_SECRET=${secret}\n`, 'services.bot.environment.PHEMEX_SECRET', 4, 23],
  ];
  for (const [file, text, keyPath, line, column] of cases) {
    it(`${file}: ${keyPath}`, () => {
      const fs = scan(text, file);
      assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => f.ruleId)));
      const f = fs[0]!;
      assert.equal(f.ruleId, KEYPATH_RULE_ID);
      assert.equal(f.provider, keyPath.toLowerCase().includes('bitvavo') ? 'bitvavo' : 'phemex');
      assert.equal(f.key, keyPath);
      assert.equal(f.secret, secret);
      assert.deepEqual([f.line, f.column, f.endColumn], [line, column, column + secret.length]);
      assert.match(findingMessage(f), new RegExp(`under key path ${keyPath.replace(/\./g, '\\.')}`));
    });
  }

  it('needs a provider, a secret role and a high-entropy value', () => {
    const s = gen('{{alnum:40}}', 'b');
    assert.equal(scan(`app:\n  api_secret: ${s}\n`, 'a.yaml').length, 0, 'no provider');
    assert.equal(scan(`phemex:\n  account_name: ${s}\n`, 'a.yaml').length, 0, 'no secret role');
    assert.equal(scan(`phemex:\n  api_key_id: ${s}\n`, 'a.yaml').length, 0, 'an id, not a secret');
    assert.equal(scan(`phemex:\n  api_secret: your_phemex_secret_here\n`, 'a.yaml').length, 0, 'placeholder');
    assert.equal(scan(`phemex:\n  api_secret: https://example.org/abcdefghijkl\n`, 'a.yaml').length, 0, 'URL');
    assert.equal(scan(`phemex:\n  api_secret: short1\n`, 'a.yaml').length, 0, 'too short');
    assert.equal(scan(`phemex:\n  secret_hash: ${gen('{{hex:64}}', 'c')}\n`, 'a.yaml').length, 0, 'deny key');
    assert.equal(scan(`phemex:\n  api_secret: ${s}\n`, 'a.txt').length, 0, 'not a config file');
  });

  it('a role word must head the name; ARNs and scheme:a:b identifiers are not secrets', () => {
    // AWS managed-policy tables: names that contain Private/Secrets, values that are ARNs
    const policies = '{"phemex": {"PhemexPrivateCAAuditor": "arn:aws:iam::aws:policy/AWSPrivateCAAuditor", ' +
      '"PhemexSecretsManagerReadWrite": "Zx8Qm2LpR7vT4yN1cK6wB3dF9hJ0sA5e"}}';
    assert.equal(scan(policies, 'policies.json').length, 0);
    assert.equal(scan(`phemex:\n  userChangePassword: "arn:aws:iam::aws:policy/IAMUserChangePassword"\n`, 'a.yaml').length, 0);
    const s = gen('{{alnum:40}}', 'e');
    assert.equal(scan(`phemex:\n  privateKeyHex: ${s}\n`, 'a.yaml').length, 1, 'encoding suffix after the role');
  });

  it('a provider rule beats the key-path rule on the same value', () => {
    const s = gen('{{alnum:64}}', 'd');
    const fs = scan(`exchanges:\n  binance:\n    api_secret: ${s}\n`, 'config.yaml');
    assert.deepEqual(
      fs.map((f) => f.ruleId),
      ['test-binance-secret'],
    );
  });
});

describe('key paths as rule context', () => {
  const hex = (n: number) => gen('{{hex:64}}', `hex${n}`);

  it('a 64-hex value under tx_hash / topics / salt is not a key; under private_key it is', () => {
    const json = [
      '{"wallet": {',
      `  "tx_hash": "0x${hex(1)}",`,
      '  "logs": [{"topics": [',
      `      "0x${hex(2)}",`,
      `      "0x${hex(3)}"`,
      '  ]}],',
      `  "salt":`,
      `    "0x${hex(4)}",`,
      `  "private_key": "0x${hex(5)}"`,
      '}}',
    ].join('\n');
    const inJson = scan(json, 'deploy.json');
    assert.deepEqual(
      inJson.map((f) => [f.ruleId, f.line, f.key]),
      [['test-hex-key', 9, 'wallet.private_key']],
    );
    // as plain text, list items on their own lines have no key: the topics look like keys
    const asText = scan(json, 'deploy.txt').map((f) => f.line);
    assert.deepEqual(asText, [4, 5]);
  });

  it('the same in YAML lists', () => {
    const yaml = ['wallet:', '  topics:', `    - "0x${hex(6)}"`, '  salt: |', `    ${hex(7)}`, `  key: ${hex(8)}`].join('\n');
    assert.deepEqual(
      scan(yaml, 'w.yaml').map((f) => f.line),
      [6],
    );
  });

  it('`nearby` is satisfied by the key path when the provider is further away than the window', () => {
    const s = gen('{{alnum:64}}', 'e');
    const filler = Array.from({ length: 8 }, (_, i) => `    option_${i}: ${i}`).join('\n');
    const yaml = `binance:\n  live:\n${filler}\n    api_secret: ${s}\n`;
    assert.deepEqual(
      scan(yaml, 'exchanges.yaml').map((f) => [f.ruleId, f.key]),
      [['test-binance-secret', 'binance.live.api_secret']],
    );
    assert.equal(scan(yaml, 'exchanges.txt').length, 0);
  });

  it('a file that does not parse falls back to the text scan, silently', () => {
    const s = gen('{{alnum:64}}', 'f');
    const broken = `binance:\n  api_secret: ${s}\n  : : [\n`;
    const fs = scan(broken, 'broken.yaml');
    assert.deepEqual(
      fs.map((f) => [f.ruleId, f.line, f.column, f.key]),
      [['test-binance-secret', 2, 15, 'api_secret']],
    );
    assert.deepEqual(scan('{"binance": {"api_secret": "', 'broken.json'), []);
  });

  it('Jupyter notebooks: code in cell source strings keeps its keys and exact positions', () => {
    const s = gen('{{alnum:64}}', 'nb');
    const source = ['import ccxt\n', '# binance account\n', 'exchange = ccxt.binance({\n', `  "secret": "${s}",\n`, '})\n'];
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, source }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
    const [f, ...rest] = scan(nb, 'explore.ipynb');
    assert.equal(rest.length, 0);
    const lines = nb.split('\n');
    const line = lines.findIndex((l) => l.includes(s)) + 1;
    assert.deepEqual([f!.ruleId, f!.key, f!.line, f!.column], ['test-binance-secret', 'secret', line, lines[line - 1]!.indexOf(s) + 1]);
  });

  it('a value inside a longer string keeps the key from its own text', () => {
    const s = gen('{{alnum:64}}', 'g');
    const fs = scan(`{"binance": {"cmd": "export BINANCE_SECRET=${s}"}}`, 'run.json');
    assert.deepEqual(
      fs.map((f) => [f.ruleId, f.key]),
      [['test-binance-secret', 'BINANCE_SECRET']],
    );
  });
});
