// Each config parser: key paths, and spans that point at the value's bytes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStructure, structureKind, type StructureKind } from '../../src/engine/structure/index.js';
import { namesSecretRole, providerInPath } from '../../src/engine/structure/keypath-rule.js';

function values(text: string, kind: StructureKind) {
  const buf = Buffer.from(text, 'utf8');
  const vs = parseStructure(buf, kind);
  assert.ok(vs, `${kind} should parse`);
  return new Map(vs.map((v) => [v.path.join('.'), { value: v.value, at: buf.toString('utf8', v.start, v.end) }]));
}

/** path → value, and the span holds exactly the value's text. */
function check(text: string, kind: StructureKind, want: Record<string, string>) {
  const got = values(text, kind);
  for (const [path, value] of Object.entries(want)) {
    const v = got.get(path);
    assert.ok(v, `missing ${path} in ${[...got.keys()].join(', ')}`);
    assert.equal(v.value, value, path);
    assert.equal(v.at, value, `span of ${path}`);
  }
}

describe('structure kinds by file name', () => {
  it('maps names to formats', () => {
    const cases: Record<string, StructureKind | null> = {
      'config/app.yaml': 'yaml',
      'docker-compose.yml': 'yaml',
      'a/b/settings.json': 'json',
      'notebooks/explore.ipynb': 'json',
      '.env': 'env',
      '.env.production': 'env',
      'prod.env': 'env',
      'setup.cfg': 'ini',
      'app.properties': 'ini',
      '.npmrc': 'ini',
      'Cargo.toml': 'toml',
      'prod.tfvars': 'tfvars',
      'main.py': null,
      'README.md': null,
    };
    for (const [p, k] of Object.entries(cases)) assert.equal(structureKind(p), k, p);
  });
});

describe('yaml', () => {
  it('nested maps, flow maps, quotes, block scalars, lists, multi-document', () => {
    check(
      [
        'exchanges:',
        '  binance:',
        '    api_secret: "q1w2e3r4t5y6u7i8"',
        '  BYBIT: {secret: Zx9Yw8Vu7Ts6Rq5P}',
        'éàü: plain value here',
        'logs:',
        '  - tx_hash: 0xabc123',
        'cert: |',
        '  line-one',
        '---',
        'second: doc',
      ].join('\n'),
      'yaml',
      {
        'exchanges.binance.api_secret': 'q1w2e3r4t5y6u7i8',
        'exchanges.BYBIT.secret': 'Zx9Yw8Vu7Ts6Rq5P',
        'éàü': 'plain value here',
        'logs.0.tx_hash': '0xabc123',
        second: 'doc',
      },
    );
  });
  it('docker-compose environment lists and Kubernetes name/value pairs', () => {
    check(
      [
        'services:',
        '  bot:',
        '    environment:',
        '      - BINANCE_API_SECRET=abc123def456',
        '      - "OKX_PASSPHRASE=p4ss w0rd"',
        '    containers:',
        '  app:',
        '    env:',
        '      - name: KRAKEN_PRIVATE_KEY',
        '        value: kr4k3nv4lu3',
      ].join('\n'),
      'yaml',
      {
        'services.bot.environment.BINANCE_API_SECRET': 'abc123def456',
        'services.bot.environment.OKX_PASSPHRASE': 'p4ss w0rd',
        'services.app.env.KRAKEN_PRIVATE_KEY': 'kr4k3nv4lu3',
      },
    );
  });
  it('invalid YAML is not structure', () => {
    assert.equal(parseStructure(Buffer.from('a: [1, 2\nb: : :\n'), 'yaml'), null);
  });
});

describe('json', () => {
  it('paths, array indices, escapes, comments (JSONC), non-ASCII spans', () => {
    check(
      '{\n  // exchange keys\n  "exchanges": {"binance": {"api_secret": "s3cr3tv4lue"}},\n  "list": ["a", {"k": "v\\"q"}],\n  "ü": "x", "n": 1, "t": true, "z": null\n}',
      'json',
      { 'exchanges.binance.api_secret': 's3cr3tv4lue', 'list.0': 'a', ü: 'x' },
    );
    assert.equal(values('{"list": [{"k": "v\\"q"}]}', 'json').get('list.0.k')!.value, 'v"q');
  });
  it('Jupyter notebooks are JSON', () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: ['api_key = "abc"\n'] }], metadata: { kernelspec: { name: 'python3' } } }, null, 1);
    check(nb, 'json', { 'metadata.kernelspec.name': 'python3' });
  });
  it('malformed JSON is not structure', () => {
    assert.equal(parseStructure(Buffer.from('{"a": 1,, }'), 'json'), null);
    assert.equal(parseStructure(Buffer.from('{"a": "unterminated}'), 'json'), null);
  });
});

describe('.env', () => {
  it('export, quotes, comments', () => {
    check(
      '# comment\nexport BINANCE_API_KEY=abc123\nBYBIT_SECRET="q w e"\nOKX_KEY=\'lit\' # trailing\nPLAIN=v1 # note\n',
      'env',
      { BINANCE_API_KEY: 'abc123', BYBIT_SECRET: 'q w e', OKX_KEY: 'lit', PLAIN: 'v1' },
    );
  });
});

describe('INI and properties', () => {
  it('sections and both separators', () => {
    check('; top\n[binance]\napi_secret = s3cr3t\n[kraken.live]\nprivate_key: k3y ; note\n', 'ini', {
      'binance.api_secret': 's3cr3t',
      'kraken.live.private_key': 'k3y',
    });
    check('exchange.binance.secret=abc\n! comment\n', 'ini', { 'exchange.binance.secret': 'abc' });
  });
});

describe('toml', () => {
  it('tables, array tables, dotted keys, inline tables, arrays', () => {
    check(
      [
        'title = "bot"',
        '[exchanges.binance]',
        'api_secret = "s3cr3t"',
        "passphrase = 'lit'",
        '[[accounts]]',
        'key = "first"',
        '[[accounts]]',
        'key = "second"',
        '[other]',
        'bybit.secret = "dotted"',
        'okx = { secret = "inline", key = "k2" }',
        'list = ["x", "y"]',
      ].join('\n'),
      'toml',
      {
        title: 'bot',
        'exchanges.binance.api_secret': 's3cr3t',
        'exchanges.binance.passphrase': 'lit',
        'accounts.0.key': 'first',
        'accounts.1.key': 'second',
        'other.bybit.secret': 'dotted',
        'other.okx.secret': 'inline',
        'other.list.1': 'y',
      },
    );
  });
  it('invalid TOML is not structure', () => {
    assert.equal(parseStructure(Buffer.from('[a\nb = = 1\n'), 'toml'), null);
  });
});

describe('tfvars', () => {
  it('maps, blocks, lists, heredocs', () => {
    check(
      [
        'region = "eu-west-1"',
        'exchange_keys = {',
        '  binance_secret = "s3cr3t"',
        '  nested = {',
        '    kraken_key = "k"',
        '  }',
        '}',
        'policy = <<EOF',
        'secret = "not a value"',
        'EOF',
        'rpc_urls = [',
        '  "https://a",',
        '  "https://b",',
        ']',
        'inline = { okx_secret = "i" }',
      ].join('\n'),
      'tfvars',
      {
        region: 'eu-west-1',
        'exchange_keys.binance_secret': 's3cr3t',
        'exchange_keys.nested.kraken_key': 'k',
        'rpc_urls.1': 'https://b',
        'inline.okx_secret': 'i',
      },
    );
    assert.ok(!values('policy = <<EOF\nsecret = "x"\nEOF\n', 'tfvars').has('secret'));
  });
});

describe('key words', () => {
  it('secret roles', () => {
    for (const k of ['api_secret', 'apiSecret', 'SECRET', 'private_key', 'passphrase', 'API_KEY', 'token', 'secretKey', 'mnemonic']) {
      assert.ok(namesSecretRole(k), k);
    }
    for (const k of ['api_key_id', 'secret_path', 'token_url', 'tx_hash', 'name', 'endpoint', 'keyring_file']) {
      assert.ok(!namesSecretRole(k), k);
    }
  });
  it('providers in a path', () => {
    const p = new Set(['binance', 'bybit', 'cryptocom', 'gateio']);
    assert.equal(providerInPath(['exchanges', 'binance', 'api_secret'], p), 'binance');
    assert.equal(providerInPath(['BYBIT', 'secret'], p), 'bybit');
    assert.equal(providerInPath(['BINANCE_API_SECRET'], p), 'binance');
    assert.equal(providerInPath(['cryptoCom', 'key'], p), 'cryptocom');
    assert.equal(providerInPath(['gate_io', 'key'], p), 'gateio');
    assert.equal(providerInPath(['gateway', 'key'], p), undefined);
    assert.equal(providerInPath(['0', 'secret'], p), undefined);
  });
});
