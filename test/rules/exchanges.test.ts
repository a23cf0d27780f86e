// Exchange rules against realistic multi-line files, with the whole built-in pack loaded: planted
// credentials are found with the right rule and linked, decoys stay silent, documented samples are notes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../src/engine/scanner.js';
import type { Finding } from '../../src/core/finding.js';
import { expandExample } from '../../src/rules/example-values.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';

const { rules, knownPublic } = loadRuleDir();
const engine = new Engine(rules, { validators, wellKnownConstant, knownPublic });

function scan(text: string, path: string): Finding[] {
  return engine.scan(Buffer.from(text, 'utf8'), path);
}

const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'note');
const show = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.line} (${f.severity}, key ${f.key ?? '-'})`).join('; ');

/** A template line and the rule(s) expected to report it (null: nothing expected). */
type Planted = [template: string, ruleId: string | string[] | null];

/**
 * Expands the lines with one seed, scans them as `path`, and checks that exactly the expected lines
 * carry a warning/error finding of the expected rule, and that parts of one pair are linked.
 */
function checkPlanted(lines: Planted[], path: string, seed: string): Finding[] {
  const text = expandExample(lines.map(([t]) => t).join('\n'), seed);
  const findings = scan(text, path);
  const expected = new Map<number, string[]>();
  let line = 1;
  for (const [template, ruleId] of lines) {
    if (ruleId) expected.set(line, typeof ruleId === 'string' ? [ruleId] : ruleId);
    line += expandExample(template, 'count-lines').split('\n').length;
  }
  for (const [ln, ruleIds] of expected) {
    const hit = findings.filter((f) => f.line === ln);
    for (const ruleId of ruleIds) {
      assert.ok(
        hit.some((f) => f.ruleId === ruleId && f.severity !== 'note'),
        `line ${ln}: expected ${ruleId}, got ${show(hit) || 'nothing'}`,
      );
    }
  }
  const unexpected = serious(findings).filter((f) => !expected.get(f.line)?.includes(f.ruleId));
  assert.deepEqual(show(unexpected), '', 'findings on lines where none was planted');

  // Every pair part is linked to each other part of the same pair within 5 lines.
  const paired = findings.filter((f) => f.pair);
  for (const a of paired) {
    for (const b of paired) {
      if (a === b || a.pair!.id !== b.pair!.id || a.pair!.part === b.pair!.part) continue;
      if (Math.abs(a.line - b.line) > 5) continue;
      assert.ok(a.related?.includes(b.fingerprint), `${a.ruleId}@${a.line} not linked to ${b.ruleId}@${b.line}`);
    }
  }
  return findings;
}

describe('exchange rules on realistic files', () => {
  it('a trading bot .env with every exchange: each part found with its rule and linked to its pair', () => {
    const lines: Planted[] = [
      ['# ---- trading bot: live credentials (never commit this file) ----', null],
      ['BINANCE_API_KEY={{alnum:64}}', 'binance-api-key'],
      ['BINANCE_API_SECRET={{alnum:64}}', 'binance-api-secret'],
      ['', null],
      ['CDP_API_KEY_NAME=organizations/{{uuid}}/apiKeys/{{uuid}}', 'coinbase-cdp-api-key-name'],
      ['CDP_API_KEY_PRIVATE_KEY="{{pem:ec-escaped}}"', 'coinbase-cdp-ec-private-key'],
      ['CDP_API_KEY_ID={{uuid}}', 'coinbase-cdp-api-key-id'],
      ['CDP_API_KEY_SECRET={{ed25519-b64}}', 'coinbase-cdp-ed25519-secret'],
      ['CDP_WALLET_SECRET=MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg{{b64:102}}', 'coinbase-cdp-wallet-secret'],
      ['', null],
      ['COINBASE_API_KEY={{alnum:16}}', 'coinbase-api-key'],
      ['COINBASE_API_SECRET={{alnum:32}}', 'coinbase-api-secret'],
      ['', null],
      ['KRAKEN_API_KEY={{b64:42}}', 'kraken-api-key'],
      ['KRAKEN_PRIVATE_KEY={{b64:64}}', 'kraken-private-key'],
      ['', null],
      ['BYBIT_API_KEY={{alnum:18}}', 'bybit-api-key'],
      ['BYBIT_API_SECRET={{alnum:36}}', 'bybit-api-secret'],
      ['', null],
      ['OKX_API_KEY={{uuid}}', 'okx-api-key'],
      ['OKX_SECRET_KEY={{HEX:32}}', 'okx-api-secret'],
      ['OKX_PASSPHRASE=Tr4d{{alnum:8}}!', 'okx-api-passphrase'],
      ['', null],
      ['KUCOIN_API_KEY={{hex:24}}', 'kucoin-api-key'],
      ['KUCOIN_API_SECRET={{uuid}}', 'kucoin-api-secret'],
      ['KUCOIN_API_PASSPHRASE=Kc{{alnum:8}}#', 'kucoin-api-passphrase'],
      ['', null],
      ['BFX_API_KEY={{alnum:43}}', 'bitfinex-api-key'],
      ['BFX_API_SECRET={{alnum:43}}', 'bitfinex-api-secret'],
      ['', null],
      ['GEMINI_API_KEY=account-{{alnum:20}}', 'gemini-api-key'],
      ['GEMINI_API_SECRET={{alnum:28}}', 'gemini-api-secret'],
      ['', null],
      ['BITSTAMP_API_KEY={{alnum:32}}', 'bitstamp-api-key'],
      ['BITSTAMP_API_SECRET={{alnum:32}}', 'bitstamp-api-secret'],
      ['', null],
      ['GATE_API_KEY={{hex:32}}', 'gate-api-key'],
      ['GATE_API_SECRET={{hex:64}}', 'gate-api-secret'],
      ['', null],
      ['HUOBI_ACCESS_KEY={{hex:8}}-{{lower:10}}-{{hex:8}}-{{hex:5}}', 'htx-access-key'],
      ['HUOBI_SECRET_KEY={{hex:8}}-{{hex:8}}-{{hex:8}}-{{hex:5}}', 'htx-secret-key'],
      ['', null],
      ['BITGET_API_KEY=bg_{{hex:32}}', 'bitget-api-key'],
      ['BITGET_SECRET_KEY={{hex:64}}', 'bitget-api-secret'],
      ['BITGET_PASSPHRASE=Bg{{alnum:8}}9', 'bitget-api-passphrase'],
      ['', null],
      ['MEXC_API_KEY=mx0v{{alnum:14}}', 'mexc-api-key'],
      ['MEXC_SECRET_KEY={{hex:32}}', 'mexc-api-secret'],
      ['', null],
      ['DERIBIT_CLIENT_ID={{alnum:10}}', 'deribit-client-id'],
      ['DERIBIT_CLIENT_SECRET={{upper:32}}', 'deribit-client-secret'],
      ['', null],
      ['BITMEX_API_KEY={{b64url:24}}', 'bitmex-api-key'],
      ['BITMEX_API_SECRET={{b64url:48}}', 'bitmex-api-secret'],
      ['', null],
      ['POLONIEX_API_KEY={{upper:8}}-{{upper:8}}-{{upper:8}}-{{upper:8}}', 'poloniex-api-key'],
      ['POLONIEX_API_SECRET={{hex:128}}', 'poloniex-api-secret'],
      ['', null],
      ['TRADING_MODE=live', null],
      ['MAX_POSITION_USDT=250', null],
    ];
    const findings = checkPlanted(lines, '.env', 'exchanges-test:env');

    // Severity policy: secrets are errors, key ids and passphrases warnings.
    for (const f of findings) {
      const spec = rules.find((r) => r.id === f.ruleId)!;
      if (spec.tags.includes('exchange')) {
        const part = spec.pair?.part ?? '';
        assert.equal(f.severity, /secret/.test(part) ? 'error' : 'warning', `${f.ruleId} severity`);
      }
    }
    // Pairs are linked in both directions: the Binance key knows its secret.
    const key = findings.find((f) => f.ruleId === 'binance-api-key')!;
    const secret = findings.find((f) => f.ruleId === 'binance-api-secret')!;
    assert.deepEqual(key.related, [secret.fingerprint]);
    assert.deepEqual(secret.related, [key.fingerprint]);
    const cdpPem = findings.find((f) => f.ruleId === 'coinbase-cdp-ec-private-key')!;
    assert.equal(cdpPem.validated, true);
    assert.equal(findings.find((f) => f.ruleId === 'coinbase-cdp-ed25519-secret')!.validated, true);
  });

  it('nested YAML, ccxt constructors, kwargs and PHP with generic key names', () => {
    const lines: Planted[] = [
      ['exchanges:', null],
      ['  binance:', null],
      ['    api_key: "{{alnum:64}}"', 'binance-api-key'],
      ['    secret: "{{alnum:64}}"', 'binance-api-secret'],
      ['    options: { defaultType: future }', null],
      ['  kucoin:', null],
      ['    api_key: {{hex:24}}', 'kucoin-api-key'],
      ['    api_secret: {{uuid}}', 'kucoin-api-secret'],
      ['    passphrase: "Kc{{alnum:8}}#"', 'kucoin-api-passphrase'],
      ['', null],
      ['', null],
      ['', null],
      ['', null],
      ['const okx = new ccxt.okx({', null],
      ["  apiKey: '{{uuid}}',", 'okx-api-key'],
      ["  secret: '{{HEX:32}}',", 'okx-api-secret'],
      ["  password: 'Pw{{alnum:9}}5',", 'okx-api-passphrase'],
      ['});', null],
      ['', null],
      ['', null],
      ['from pybit.unified_trading import HTTP', null],
      ['session = HTTP(testnet=False, api_key="{{alnum:18}}", api_secret="{{alnum:36}}")', ['bybit-api-key', 'bybit-api-secret']],
      ['', null],
      ['', null],
      ['$bitstamp_api_key = "{{alnum:32}}";', 'bitstamp-api-key'],
      ['$bitstamp_api_secret = "{{alnum:32}}";', 'bitstamp-api-secret'],
    ];
    checkPlanted(lines, 'bot_config.txt', 'exchanges-test:mixed');
  });

  it(
    'adjacent blocks of two exchanges with same-shaped parts under generic names',
    () => {
      const lines: Planted[] = [
        ['kucoin:', null],
        ['  api_key: {{hex:24}}', 'kucoin-api-key'],
        ['  api_secret: {{uuid}}', 'kucoin-api-secret'],
        ['  passphrase: "Kc{{alnum:8}}#"', 'kucoin-api-passphrase'],
        ['okx:', null],
        ['  api_key: {{uuid}}', 'okx-api-key'],
        ['  secret: {{HEX:32}}', 'okx-api-secret'],
        ['  passphrase: "Ok{{alnum:8}}#"', 'okx-api-passphrase'],
      ];
      checkPlanted(lines, 'config.yaml', 'exchanges-test:adjacent');
    },
  );

  it('a downloaded CDP key file: id and EC key found, validated and linked', () => {
    const text = expandExample(
      '{\n  "name": "organizations/{{uuid}}/apiKeys/{{uuid}}",\n  "privateKey": "{{pem:ec-escaped}}"\n}\n',
      'exchanges-test:cdp-json',
    );
    const fs = serious(scan(text, 'cdp_api_key.json'));
    assert.deepEqual(fs.map((f) => f.ruleId).sort(), ['coinbase-cdp-api-key-name', 'coinbase-cdp-ec-private-key']);
    const [name, pem] = [fs.find((f) => f.pair!.part === 'key')!, fs.find((f) => f.pair!.part === 'secret')!];
    assert.deepEqual(pem.related, [name.fingerprint]);
    assert.equal(pem.severity, 'error');

    const ed = expandExample('{\n   "id": "{{uuid}}",\n   "privateKey": "{{ed25519-b64}}"\n}\n', 'exchanges-test:cdp-ed');
    const fe = serious(scan(ed, 'cdp_api_key.json'));
    assert.deepEqual(fe.map((f) => f.ruleId).sort(), ['coinbase-cdp-ed25519-secret', 'coinbase-cdp-key-file-id']);
  });

  it('python-binance with literal positional arguments', () => {
    const text = expandExample(
      'from binance.client import Client\n\n\nclient = Client("{{alnum:64}}", "{{alnum:64}}")\nprint(client.get_account())\n',
      'exchanges-test:positional',
    );
    const fs = serious(scan(text, 'bot.py'));
    assert.deepEqual(fs.map((f) => f.ruleId).sort(), ['binance-api-key-positional', 'binance-api-secret-positional']);
  });

  it('a decoy-heavy project: placeholders, env references, ids, hashes and samples give no warning or error', () => {
    const files: Record<string, string> = {
      '.env.example': [
        '# copy to .env and fill in',
        'BINANCE_API_KEY=your_binance_api_key_here',
        'BINANCE_API_SECRET=',
        'KRAKEN_API_KEY=<your kraken key>',
        'KRAKEN_PRIVATE_KEY="<your kraken private key>"',
        'OKX_API_KEY=${OKX_API_KEY}',
        'OKX_SECRET_KEY=YOUR_OKX_SECRET_KEY',
        'OKX_PASSPHRASE=${OKX_PASSPHRASE}',
        'KUCOIN_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxx',
        'KUCOIN_API_SECRET=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
        'KUCOIN_API_PASSPHRASE=changeme',
        'BYBIT_API_KEY=XXXXXXXXXXXXXXXXXX',
        'BYBIT_API_SECRET=your-bybit-secret',
        'GATE_API_KEY=00000000000000000000000000000000',
        'GATE_API_SECRET=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        'MEXC_API_KEY=mx0v...',
        'MEXC_SECRET_KEY=...',
        'BITGET_API_KEY=bg_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'BITGET_PASSPHRASE=your_passphrase',
        'GEMINI_API_KEY=account-XXXXXXXXXXXXXXXXXXXX',
        'CDP_API_KEY_NAME=organizations/{org_id}/apiKeys/{key_id}',
        'CDP_API_KEY_PRIVATE_KEY="-----BEGIN EC PRIVATE KEY-----\\nYOUR PRIVATE KEY\\n-----END EC PRIVATE KEY-----\\n"',
        'CDP_API_KEY_SECRET=${CDP_API_KEY_SECRET}',
        'BITMEX_API_KEY=your_api_key',
        'POLONIEX_API_KEY=XXXXXXXX-XXXXXXXX-XXXXXXXX-XXXXXXXX',
        '# Google Gemini (AI), not the exchange',
        'GEMINI_API_KEY=AIza{{b64url:35}}',
      ].join('\n'),
      'config.yaml': [
        'exchanges:',
        '  binance:',
        '    api_key: ${BINANCE_API_KEY}',
        '    api_secret: "<your api secret>"',
        '    symbols: [BTCUSDT, ETHUSDT]',
        '  okx:',
        '    api_key: !env OKX_API_KEY',
        '    passphrase: ${OKX_PASSPHRASE}',
        'wallet:',
        '  address: "0x{{hex:40}}"',
        '  deposit_tx: "0x{{hex:64}}"',
      ].join('\n'),
      'bot.py': [
        'import os',
        'import ccxt',
        'from binance.client import Client',
        '',
        'client = Client(os.getenv("BINANCE_API_KEY"), os.getenv("BINANCE_API_SECRET"))',
        "okx = ccxt.okx({'apiKey': os.getenv('OKX_API_KEY'), 'secret': os.getenv('OKX_SECRET_KEY'), 'password': os.getenv('OKX_PASSPHRASE')})",
        "kucoin = ccxt.kucoin({'apiKey': cfg['kucoin']['key'], 'secret': cfg['kucoin']['secret'], 'password': passphrase})",
        '',
        '# bookkeeping',
        "order = okx.create_order('BTC/USDT', 'limit', 'buy', 0.01, 65000, {'clOrdId': 'b{{hex:31}}'})",
        'kucoin_order_id = "{{hex:24}}"',
        'orderId = "{{hex:24}}"  # kucoin order',
        'client_oid = "{{uuid}}"  # kucoin client order id',
        'request_id = "{{uuid}}"  # okx',
        'trace_id = "{{uuid}}"',
        'tx_hash = "0x{{hex:64}}"  # gate withdrawal',
        'listenKey = "{{alnum:64}}"  # binance user data stream',
        'signature = "{{hex:64}}"  # binance HMAC of the query string',
        'symbol = "BTCUSDT"  # binance',
      ].join('\n'),
      'exchange.ts': [
        "import ccxt from 'ccxt';",
        'export const binance = new ccxt.binance({',
        '  apiKey: process.env.BINANCE_API_KEY,',
        '  secret: process.env.BINANCE_API_SECRET,',
        '});',
        'export const bitget = new ccxt.bitget({ apiKey: env.BITGET_API_KEY, secret: env.BITGET_SECRET, password: config.bitget.passphrase,',
        '});',
        "const banner = 'bg_{{hex:32}}.png'; // bitget theme asset",
        'const idempotencyKey = crypto.randomUUID(); // okx',
      ].join('\n'),
      'test_exchange.py': [
        'exchange = HuobiExchange(',
        '    huobi_api_key="testAPIKey",',
        '    huobi_secret_key="testSecret",',
        ')',
        'bitmex = BitmexExchange(bitmex_api_key="testAPIKey", bitmex_api_secret="testSecret")',
        'bitstamp_config = BitstampConfigMap(bitstamp_api_key="test_key", bitstamp_api_secret="test_secret")',
      ].join('\n'),
      'docs/api.md': [
        '## Signing (Binance API docs example)',
        'BINANCE_API_KEY=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
        'BINANCE_API_SECRET=NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
        '## Deribit public/auth example',
        '"client_id" : "fo7WAPRm4P",',
        '"client_secret" : "W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS"  # deribit',
      ].join('\n'),
    };
    for (const [path, template] of Object.entries(files)) {
      const findings = scan(expandExample(template, `exchanges-test:decoy:${path}`), path);
      assert.equal(show(serious(findings)), '', `${path}: expected no warning or error`);
    }
  });

  it('documented Binance, Kraken and OKX samples are notes, not leaks', () => {
    const text = [
      'BINANCE_API_KEY=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
      'BINANCE_API_SECRET=NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
      'KRAKEN_PRIVATE_KEY=kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
      'OKX_SECRET_KEY=22582BD0CFF14C41EDBF1AB98506286D',
    ].join('\n');
    const findings = scan(text, 'README.md');
    assert.deepEqual(
      findings.map((f) => [f.line, f.ruleId, f.severity]),
      [
        [1, 'binance-api-key', 'note'],
        [2, 'binance-api-secret', 'note'],
        [3, 'kraken-private-key', 'note'],
        [4, 'okx-api-secret', 'note'],
      ],
    );
    for (const f of findings) assert.ok(f.knownPublic, `${f.ruleId} says why it is public`);
  });
});
