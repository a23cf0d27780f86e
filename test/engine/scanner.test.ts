import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../src/engine/scanner.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';

function rule(over: Partial<RuleSpec>): RuleSpec {
  return {
    id: 'test-rule',
    title: 'Test secret',
    provider: 'test',
    severity: 'error',
    keywords: ['tok_'],
    pattern: '\\b(tok_[a-z0-9]{16})\\b',
    tags: [],
    examples: { match: ['x'], nomatch: ['y'] },
    ...over,
  };
}

const scan = (r: RuleSpec, text: string, path = 'a.txt') => new Engine([r], { validators, wellKnownConstant }).scan(Buffer.from(text), path);

describe('engine', () => {
  it('finds a match with line, columns and redaction', () => {
    const [f, ...rest] = scan(rule({}), 'first line\n  é = "tok_a1b2c3d4e5f6g7h8"\n');
    assert.equal(rest.length, 0);
    assert.equal(f!.line, 2);
    assert.equal(f!.column, 8);
    assert.equal(f!.endColumn, 8 + 20);
    assert.equal(f!.redacted, '…', 'a 20-character secret shows none of its characters');
    assert.equal(f!.secret, 'tok_a1b2c3d4e5f6g7h8');
    assert.match(f!.fingerprint, /^[0-9a-f]{32}$/);
  });
  it('fingerprint depends on rule and secret, not position', () => {
    const a = scan(rule({}), 'tok_a1b2c3d4e5f6g7h8')[0]!;
    const b = scan(rule({}), '\n\n   x tok_a1b2c3d4e5f6g7h8')[0]!;
    assert.equal(a.fingerprint, b.fingerprint);
  });
  it('skips when no keyword is present', () => {
    assert.equal(scan(rule({ keywords: ['zzz'] }), 'tok_a1b2c3d4e5f6g7h8').length, 0);
  });
  it('skips placeholders and low-variety values', () => {
    assert.equal(scan(rule({ pattern: '(tok_\\w{16})' }), 'tok_your_key_here_xx').length, 0);
    assert.equal(scan(rule({ pattern: '(tok_\\w{16})' }), 'tok_0000000000000000').length, 0);
    assert.equal(scan(rule({ pattern: '(tok_\\w{16})' }), 'tok_0123456789abcdef').length, 0);
  });
  it('entropy minimum', () => {
    assert.equal(scan(rule({ entropy: 4.5 }), 'tok_a1b2c3d4e5f6g7h8').length, 0);
  });
  it('context keys and deny keys', () => {
    const r = rule({ pattern: '([0-9a-f]{64})', keywords: ['key', 'hash'], context: { keys: '(?i)private' } });
    const hex = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
    assert.equal(scan(r, `PRIVATE_KEY=${hex}`).length, 1);
    assert.equal(scan(r, `const privateKey = "0x${hex}";`).length, 1);
    assert.equal(scan(r, `TX_HASH=${hex}`).length, 0);
    assert.equal(scan(r, `privateKeyHash: ${hex}`).length, 0);
    assert.equal(scan(r, `random ${hex} key`).length, 0);
  });
  it('links two-part credentials within a few lines', () => {
    const k = rule({ id: 'k', pattern: '(tok_[a-z0-9]{16})', pair: { id: 'p', part: 'key' } });
    const s = rule({ id: 's', keywords: ['sec_'], pattern: '(sec_[a-z0-9]{16})', pair: { id: 'p', part: 'secret' } });
    const fs = new Engine([k, s], { validators, wellKnownConstant }).scan(Buffer.from('tok_a1b2c3d4e5f6g7h8\nsec_z9y8x7w6v5u4t3s2\n'), 'a');
    assert.equal(fs.length, 2);
    assert.deepEqual(fs[0]!.related, [fs[1]!.fingerprint]);
    assert.deepEqual(fs[1]!.related, [fs[0]!.fingerprint]);
  });
  it('known public values become notes', () => {
    const e = new Engine([rule({})], { validators, wellKnownConstant, knownPublic: [{ value: 'tok_a1b2c3d4e5f6g7h8', description: 'docs' }] });
    const [f] = e.scan(Buffer.from('tok_a1b2c3d4e5f6g7h8'), 'a');
    assert.equal(f!.severity, 'note');
    assert.equal(f!.knownPublic, 'docs');
  });
  it('skips lockfiles and data URIs', () => {
    assert.equal(scan(rule({}), 'tok_a1b2c3d4e5f6g7h8', 'sub/package-lock.json').length, 0);
    assert.equal(scan(rule({ pattern: '(tok_[a-z0-9+/]{16})' }), 'src="data:image/png;base64,tok_a1b2c3d4e5f6g7h8"').length, 0);
  });
});
