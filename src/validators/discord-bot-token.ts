// Discord bot tokens: base64url(bot user id) . timestamp . HMAC; the id is a snowflake.
import type { Validator } from '../core/validator.js';
import { decodeBase64Loose } from './base64-loose.js';

const DISCORD_EPOCH = 1420070400000n;
// Snowflake creation times accepted: 2015 (Discord's epoch) to 2040.
const LATEST = Date.UTC(2040, 0, 1);

/** Creation time (ms) of a 17–20 digit snowflake, or null when it is no plausible snowflake. */
export function snowflakeTime(digits: string): number | null {
  if (!/^[1-9]\d{16,19}$/.test(digits)) return null;
  const created = Number((BigInt(digits) >> 22n) + DISCORD_EPOCH);
  return created > LATEST ? null : created;
}

export const discordBotToken: Validator = ({ secret }) => {
  const parts = secret.trim().split('.');
  if (parts.length !== 3) return { valid: false, reason: 'expected three dot-separated parts' };
  const [id, ts, mac] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(ts) || !/^[A-Za-z0-9_-]{20,}$/.test(mac)) return { valid: false, reason: 'timestamp or HMAC part malformed' };
  const bytes = decodeBase64Loose(id);
  if (!bytes) return { valid: false, reason: 'first part is not base64url' };
  const digits = Buffer.from(bytes).toString('latin1');
  if (!/^[1-9]\d{16,19}$/.test(digits)) return { valid: false, reason: 'first part does not decode to a 17–20 digit snowflake' };
  if (snowflakeTime(digits) === null) return { valid: false, reason: 'snowflake timestamp out of range' };
  return { valid: true, reason: 'first part decodes to a Discord snowflake', address: `bot user id ${digits}` };
};
