// The binding model: the name(s) a value is bound to, one case per supported form.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignedValueOffset, boundNames } from '../../src/engine/binding.js';
import { Engine } from '../../src/engine/scanner.js';
import { expandExample } from '../../src/rules/example-values.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { validators } from '../../src/validators/index.js';

// prefix before the value, line above (or undefined), expected closest name, other expected names
const CASES: Array<[string, string, string | undefined, string, string[]?]> = [
  ['dotenv', 'GATE_API_KEY=', undefined, 'GATE_API_KEY'],
  ['yaml', '  api_key: "', undefined, 'api_key'],
  ['yaml block value', '    ', 'secret: |', 'secret'],
  ['json', '{"apiSecret": "', undefined, 'apiSecret'],
  ['python setdefault', 'os.environ.setdefault("GATE_API_KEY", "', undefined, 'GATE_API_KEY'],
  ['java setProperty', 'System.setProperty("binance.api.key", "', undefined, 'binance.api.key'],
  ['go Setenv', 'os.Setenv("KUCOIN_API_SECRET", "', undefined, 'KUCOIN_API_SECRET'],
  ['java Map.put', 'params.put("apiKey", "', undefined, 'apiKey'],
  ['map put of a constant', 'cfg.put(Keys.BYBIT_SECRET, "', undefined, 'Keys.BYBIT_SECRET'],
  ['config.set', 'config.set("exchange", "bitget_secret", "', undefined, 'bitget_secret'],
  ['js || fallback', 'process.env.BINANCE_SECRET = process.env.BINANCE_SECRET || "', undefined, 'BINANCE_SECRET'],
  ['js ?? fallback', 'const k = process.env.OKX_API_KEY ?? \'', undefined, 'OKX_API_KEY'],
  ['python or fallback', 'key = os.getenv("KRAKEN_KEY") or "', undefined, 'KRAKEN_KEY'],
  ['python getenv default', 'key = os.getenv("KRAKEN_KEY", "', undefined, 'KRAKEN_KEY'],
  ['python getattr default', 'secret = getattr(settings, "mexc_secret", "', undefined, 'mexc_secret'],
  ['shell default', 'curl -H "X: ${BYBIT_API_KEY:-', undefined, 'BYBIT_API_KEY'],
  ['foundry envOr', 'uint256 pk = vm.envOr("PRIVATE_KEY", uint256(0x', undefined, 'PRIVATE_KEY'],
  ['go var typed', 'var bitmexSecret string = "', undefined, 'bitmexSecret'],
  ['ts typed', 'const apiSecret: string = "', undefined, 'apiSecret'],
  ['rust typed', 'const BYBIT_KEY: &str = "', undefined, 'BYBIT_KEY'],
  ['kotlin typed', 'val gateSecret: String = "', undefined, 'gateSecret'],
  ['go :=', 'apiKey := "', undefined, 'apiKey'],
  ['makefile ?=', 'BINANCE_API_KEY ?= ', undefined, 'BINANCE_API_KEY'],
  ['makefile ::=', 'BINANCE_API_KEY ::= ', undefined, 'BINANCE_API_KEY'],
  ['makefile :::=', 'BINANCE_API_KEY :::= ', undefined, 'BINANCE_API_KEY'],
  ['makefile !=', 'BINANCE_API_KEY != ', undefined, 'BINANCE_API_KEY'],
  ['php .=', "$kucoinSecret .= '", undefined, '$kucoinSecret'],
  ['php array', "'api_secret' => '", undefined, 'api_secret'],
  ['php define', "define('BITSTAMP_SECRET', '", undefined, 'BITSTAMP_SECRET'],
  ['xml element', '<apiSecret>', undefined, 'apiSecret'],
  ['xml element with naming attribute', '<string name="kraken_api_key">', undefined, 'kraken_api_key'],
  ['xml add key/value', '<add key="BinanceApiSecret" value="', undefined, 'BinanceApiSecret', ['value']],
  ['xml property', '<property name="okx.secret" value="', undefined, 'okx.secret'],
  ['xml attribute', '<exchange apiKey="', undefined, 'apiKey'],
  ['k8s env value', '    value: "', '  - name: KUCOIN_API_SECRET', 'KUCOIN_API_SECRET', ['value']],
  ['terraform default', '  default = "', 'variable "bitfinex_api_secret" {', 'bitfinex_api_secret'],
  ['http header', 'curl -H "X-MBX-APIKEY: ', undefined, 'X-MBX-APIKEY'],
  ['http header map', 'headers = {"OK-ACCESS-KEY": "', undefined, 'OK-ACCESS-KEY'],
  ['url query', 'https://api.example.com/v1/prices?symbol=BTC&apikey=', undefined, 'apikey'],
  ['cli flag', 'bot --api-secret ', undefined, '--api-secret'],
  ['docker ENV', 'ENV BYBIT_SECRET=', undefined, 'BYBIT_SECRET'],
  ['c define', '#define BITGET_SECRET "', undefined, 'BITGET_SECRET'],
  ['powershell', '$env:HTX_SECRET_KEY = "', undefined, 'HTX_SECRET_KEY'],
  ['ruby ||=', "ENV['BYBIT_SECRET'] ||= '", undefined, "ENV['BYBIT_SECRET']"],
  ['logstash =>', '    api_key => "', undefined, 'api_key'],
  ['python kwarg', 'client = Client(api_secret="', undefined, 'api_secret'],
  ['free text', 'kucoin ', undefined, 'kucoin'],
  ['free text with role', "moralis token = '", undefined, 'token'],
  ['sentence', 'my kucoin key is ', undefined, 'kucoin_key'],
  ['free text with a dash', "poloniex token - '", undefined, 'poloniex_token'],
  ['list item with a dash', '- kraken api key - ', undefined, 'kraken_api_key'],
  ['xml element body on its own line', '    ', '  <kucoinToken>', 'kucoinToken'],
  ['xml body on its own line, naming attribute', '    ', '<string name="bybit_secret">', 'bybit_secret'],
];

describe('binding model', () => {
  for (const [form, prefix, above, first, more] of CASES) {
    it(form, () => {
      const names = boundNames(prefix, above);
      assert.equal(names[0], first, JSON.stringify(names));
      for (const n of more ?? []) assert.ok(names.includes(n), `${n} in ${JSON.stringify(names)}`);
    });
  }

  it('stays fast on long runs of word characters (no nested backtracking)', () => {
    const prefix = `x = {apiKey: '${'aB3'.repeat(80)}', secret: '`;
    const t = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) boundNames(prefix + 'Zq9'.repeat(i % 7));
    assert.ok(Number(process.hrtime.bigint() - t) / 1e6 < 2000);
  });
});

describe('values holding =', () => {
  it('splits NAME=value taken whole after ENV / export / indentation, and nothing else', () => {
    assert.equal(assignedValueOffset('ENV ', 'OKX_PASSPHRASE=a=b1'), 'OKX_PASSPHRASE='.length);
    assert.equal(assignedValueOffset('export ', 'K=v='), 2);
    assert.equal(assignedValueOffset('    ', 'K=v'), 2);
    assert.equal(assignedValueOffset('passphrase: ', 'ab=cd1'), 0, 'a YAML value stays whole');
    assert.equal(assignedValueOffset('OKX_PASSPHRASE=', 'a=b1'), 0, 'after an operator the value stays whole');
    assert.equal(assignedValueOffset('--passphrase ', 'ab=cd1'), 0, 'a flag value stays whole');
    assert.equal(assignedValueOffset('', 'QUJDRA=='), 0, 'base64 padding is no assignment');
    assert.equal(assignedValueOffset('', 'QUJD='), 0);
    assert.equal(assignedValueOffset('', `${'A'.repeat(80)}=x`), 0, 'a long base64 run is no name');
    assert.equal(assignedValueOffset('fetch("', 'https://h/v1?limit=5&passphrase=a=b1'), 'https://h/v1?limit=5&passphrase='.length, 'a URL: its last query parameter');
    assert.equal(assignedValueOffset('curl h/?limit=', '5&passphrase=a=b1'), '5&passphrase='.length, 'inside a query string');
    assert.equal(assignedValueOffset('passphrase: ', 'ab&c=d1'), 0, 'a value that is no URL keeps its & and =');
  });

  it('a passphrase keeps its = in every assignment form, bound to its name', () => {
    const { rules, knownPublic } = loadRuleDir();
    const engine = new Engine(rules, { validators, knownPublic });
    const pass = expandExample('Tr4d={{alnum:6}}x=', 'binding:passphrase=');
    for (const line of [`ENV OKX_PASSPHRASE=${pass}`, `export OKX_PASSPHRASE=${pass}`, `OKX_PASSPHRASE=${pass}`, `OKX_PASSPHRASE="${pass}"`, `okx:\n  passphrase: ${pass}`, `  OKX_PASSPHRASE=${pass}`, `# okx\nfetch("https://x.example/v1?limit=5&passphrase=${pass}");`]) {
      const found = engine.scan(Buffer.from(`${line}\n`), '.env').filter((f) => f.ruleId === 'okx-api-passphrase');
      assert.deepEqual(found.map((f) => f.secret), [pass], line);
      assert.match(found[0]!.key ?? '', /passphrase/i, line);
    }
  });
});
