// Discord webhook URLs: …/api/webhooks/<webhook id>/<token>; the id is a snowflake whose creation
// time must fall between Discord's epoch and 2040 (made-up ids such as 1234… or 9999… do not).
import type { Validator } from '../core/validator.js';
import { snowflakeTime } from './discord-bot-token.js';

const URL = /\/webhooks\/([0-9]{17,20})\/([A-Za-z0-9_-]{60,80})$/;

export const discordWebhookUrl: Validator = ({ secret }) => {
  const m = URL.exec(secret.trim());
  if (!m) return { valid: false, reason: 'not …/webhooks/<id>/<token>' };
  const created = snowflakeTime(m[1]!);
  if (created === null) return { valid: false, reason: 'webhook id is not a Discord snowflake of a plausible time' };
  return { valid: true, reason: `webhook id is a snowflake from ${new Date(created).toISOString().slice(0, 10)}`, address: `webhook ${m[1]}` };
};
