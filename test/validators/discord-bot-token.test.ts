import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64urlnopad } from '@scure/base';
import { discordBotToken } from '../../src/validators/discord-bot-token.js';
import { input, sample, SEEDS } from './validator-input.js';

const check = (s: string) => discordBotToken(input(s));
const b64 = (s: string) => base64urlnopad.encode(new TextEncoder().encode(s));

describe('discord-bot-token validator', () => {
  it('accepts tokens whose first part is a snowflake', () => {
    for (const seed of SEEDS) {
      const r = check(sample('discord', undefined, seed));
      assert.equal(r.valid, true, r.reason);
      assert.match(r.address!, /^bot user id \d{17,20}$/);
    }
  });
  it('rejects other first parts and shapes', () => {
    const [, ts, mac] = sample('discord').split('.') as [string, string, string];
    assert.equal(check(`${b64('hello world, not an id')}.${ts}.${mac}`).valid, false);
    assert.equal(check(`${b64('1234567890123456')}.${ts}.${mac}`).valid, false); // 16 digits
    assert.equal(check(`${b64('99999999999999999999')}.${ts}.${mac}`).valid, false); // far future
    assert.equal(check(`${b64('198622483471925248')}.${ts}`).valid, false);
    assert.equal(check(`${b64('198622483471925248')}.${ts}.${mac}`).valid, true);
  });
});
