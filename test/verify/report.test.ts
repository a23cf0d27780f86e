// The output contract of --verify in every format: JSON `verification` / `funds`, text wording, SARIF
// properties and security-severity 10 for keys live with withdraw rights or wallets holding funds.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/core/finding.js';
import { emptyStats } from '../../src/core/finding.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { renderJson, renderSarif, renderText, type ReportInput } from '../../src/report/index.js';
import { validateSarif } from '../support/validate-sarif.js';
import { finding, rule, randomValue } from '../revoke/helpers.js';
import { assertNoSecrets } from './helpers.js';

const keyRule = rule({ id: 'binance-api-key', provider: 'binance', pair: { id: 'binance', part: 'key' }, tags: ['exchange'] });
const tokenRule = rule({ id: 'github-classic-token', provider: 'github', severity: 'error' });
const evmRule = rule({ id: 'evm-private-key', provider: 'ethereum', validate: 'evm-private-key', tags: ['wallet'] });
const RULES: RuleSpec[] = [keyRule, tokenRule, evmRule];
const at = '2026-01-01T00:00:00.000Z';

function findings(): { list: Finding[]; secrets: string[] } {
  const key = randomValue(64);
  const token = 'ghp_' + randomValue(36);
  const pk = randomValue(64, '0123456789abcdef');
  const a = finding(keyRule, key, { file: '.env', line: 1 });
  a.verification = { status: 'live', checkedAt: at, issuer: 'binance', host: 'api.binance.com', permissions: ['enableReading', 'enableWithdrawals'], canWithdraw: true, canTrade: false, canTransfer: true, ipRestricted: false };
  const b = finding(tokenRule, token, { file: 'ci.yml', line: 2 });
  b.verification = { status: 'invalid', checkedAt: at, issuer: 'github', host: 'api.github.com', detail: 'GitHub refuses the token (HTTP 401): revoked or expired' };
  const c = finding(evmRule, pk, { file: 'deploy.js', line: 3, address: '0x00000000000000000000000000000000000000a1' });
  c.funds = [{ chain: 'ethereum', address: '0x00000000000000000000000000000000000000a1', balance: '1.5', unit: 'ETH', txCount: 3 }];
  return { list: [a, b, c], secrets: [key, token, pk] };
}

function input(list: Finding[]): ReportInput {
  return { findings: list, rules: RULES, stats: emptyStats(), tool: { name: 'keyhound', version: '0.0.0', informationUri: 'https://example.invalid' }, showSecrets: false };
}

describe('verification in reports', () => {
  it('JSON carries the verification and funds contract in a fixed shape', () => {
    const { list, secrets } = findings();
    const text = renderJson(input(list));
    const out = JSON.parse(text) as { findings: Record<string, unknown>[] };
    const byRule = new Map(out.findings.map((f) => [f.ruleId, f]));
    assert.deepEqual(byRule.get('binance-api-key')!.verification, {
      status: 'live', checkedAt: at, issuer: 'binance', host: 'api.binance.com', permissions: ['enableReading', 'enableWithdrawals'], canWithdraw: true, canTrade: false, canTransfer: true, ipRestricted: false,
    });
    assert.equal((byRule.get('github-classic-token')!.verification as { status: string }).status, 'invalid');
    assert.deepEqual(byRule.get('evm-private-key')!.funds, [{ chain: 'ethereum', address: '0x00000000000000000000000000000000000000a1', balance: '1.5', unit: 'ETH', txCount: 3 }]);
    assertNoSecrets([{ name: 'json', text }], secrets);
  });

  it('text says live / revoked or invalid and shows funds; offline checks say checksum ok', () => {
    const { list, secrets } = findings();
    list[2]!.validated = true;
    const text = renderText(input(list), { color: false });
    assert.match(text, /verified: +live — can withdraw; cannot trade; no IP restriction; permissions enableReading, enableWithdrawals \(binance, api\.binance\.com\)/);
    assert.match(text, /verified: +revoked or invalid: GitHub refuses the token/);
    assert.match(text, /funds: +1\.5 ETH on ethereum at 0x0+a1 \(3 transactions\)/);
    assert.match(text, /✔ checksum ok/);
    assert.match(text, /Verified: 1 live, 1 revoked or invalid, 0 not checked; 1 wallet holding funds; 2 at risk/);
    assertNoSecrets([{ name: 'text', text }], secrets);
  });

  it('SARIF: properties, a funds-at-risk rule at security-severity 10, a message that says so; valid for GitHub', () => {
    const { list, secrets } = findings();
    const text = renderSarif(input(list));
    const log = JSON.parse(text) as { runs: { tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } }; results: { ruleId: string; level: string; message: { text: string }; properties: Record<string, unknown> }[] }[] };
    const run = log.runs[0]!;
    const rules = new Map(run.tool.driver.rules.map((r) => [r.id, r]));
    assert.equal(rules.get('binance-api-key.funds-at-risk')!.properties['security-severity'], '10.0');
    assert.equal(rules.get('evm-private-key.funds-at-risk')!.properties['security-severity'], '10.0');
    const res = new Map(run.results.map((r) => [r.ruleId, r]));
    const live = res.get('binance-api-key.funds-at-risk')!;
    assert.equal(live.level, 'error');
    assert.match(live.message.text, /^VERIFIED LIVE by binance \(api\.binance\.com\), with withdraw rights/);
    assert.equal((live.properties.verification as { canWithdraw: boolean }).canWithdraw, true);
    assert.equal(live.properties['security-severity'], '10.0');
    assert.match(res.get('evm-private-key.funds-at-risk')!.message.text, /^WALLET HOLDS FUNDS: 1\.5 ETH on ethereum/);
    const revoked = res.get('github-classic-token')!;
    assert.match(revoked.message.text, /Verified revoked or invalid by github/);
    assert.equal(revoked.properties['security-severity'], undefined);
    assertNoSecrets([{ name: 'sarif', text }], secrets);
    const dir = mkdtempSync(join(tmpdir(), 'keyhound-verify-sarif-'));
    try {
      const file = join(dir, 'verify.sarif');
      writeFileSync(file, text);
      let v;
      try {
        v = validateSarif(file);
      } catch (e) {
        if (process.platform === 'linux' && process.arch === 'x64') throw e;
        return;
      }
      assert.equal(v.errors + v.warnings, 0, v.output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
