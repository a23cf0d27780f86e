// A finding's stable id: rule and secret hashed, so reports and baselines never need the secret.
import { nodeCrypto } from '../util/lazy-require.js';

/** Stable across line moves and renames: depends on rule id and secret only. */
export function fingerprint(ruleId: string, secret: string): string {
  return nodeCrypto().createHash('sha256').update(`keyhound:v1\0${ruleId}\0${secret}`, 'utf8').digest('hex').slice(0, 32);
}
