// A finding's stable id: rule and secret hashed, so reports and baselines never need the secret.
import { createHash } from 'node:crypto';

/** Stable across line moves and renames: depends on rule id and secret only. */
export function fingerprint(ruleId: string, secret: string): string {
  return createHash('sha256').update(`keyhound:v1\0${ruleId}\0${secret}`, 'utf8').digest('hex').slice(0, 32);
}
