// The key-name grammar: provider words and role words as data, compiled into the context matcher.
// One vocabulary of qualifiers (prod, testnet, sub-account, read-only, v2 …) and role words serves
// every rule, so no rule file spells the grammar out by hand.
import type { NameRole, RuleNames } from '../core/rule.js';

/** Words that may stand between the provider and the role, or after the role (`BINANCE_TESTNET_API_KEY_2`). */
export const QUALIFIERS = [
  'us', 'com', 'test(?:net)?', 'live', 'prod(?:uction)?', 'main(?:net)?', 'demo', 'paper', 'sandbox', 'stag(?:e|ing)',
  'sub[_-]?(?:account)?', 'master', 'spot', 'futures?', 'perps?', 'margin', 'trad(?:e|ing)', 'read[_-]?(?:only|write)?',
  'write', 'bot', 'my', 'real', 'account', 'exchange', 'user', 'hmac', 'pro', 'dev', 'default', 'primary', 'secondary',
  'rest', 'ws', 'x', 'v?\\d+',
  // the encoding a value is kept in (`PRIVATE_KEY_BASE64`, `BASE64_PRIVATE_KEY`, `SECRET_HEX`)
  'b(?:ase)?64', 'b(?:ase)?58', 'hex', 'pem',
];

/** Role words, as RE2 alternatives over a name whose words are joined by `_`, `-` or nothing. */
export const ROLE_WORDS: Record<NameRole, string[]> = {
  key: [
    '(?:api[_-]?)?key(?:[_-]?(?:id|name))?', 'apikey(?:[_-]?(?:id|name))?', 'access[_-]?key(?:[_-]?id)?', 'accesskeyid',
    'access[_-]?id', 'key[_-]?(?:id|name)', 'api[_-]?key[_-]?(?:id|name)', 'api[_-]?id',
  ],
  secret: [
    '(?:api[_-]?)?secret(?:[_-]?(?:api[_-]?)?key)?', 'api[_-]?key[_-]?secret', 'apisecret', 'secretkey',
    'hmac[_-]?(?:secret|key)', 'signing[_-]?(?:secret|key)', 'sign[_-]?key',
  ],
  'private-key': ['(?:api[_-]?)?private[_-]?key', 'privatekey', 'api[_-]?key[_-]?(?:secret|private[_-]?key)', 'priv[_-]?key'],
  passphrase: ['(?:api[_-]?)?pass[_-]?phrase', '(?:api[_-]?|trading[_-]?|trade[_-]?)?password', 'passwd', 'pwd'],
  token: [
    '(?:api[_-]?|access[_-]?|auth[_-]?|bearer[_-]?|secret[_-]?)?token', 'auth(?:[_-]?(?:key|header))?', 'credentials?',
    'api[_-]?auth', 'api[_-]?credentials?',
  ],
  'client-id': ['client[_-]?id', 'clientid', 'app[_-]?id'],
  'project-id': ['(?:project[_-]?)?id', 'projectid', 'app[_-]?key'],
  'project-secret': ['project[_-]?secret', 'projectsecret'],
  jwt: ['(?:api[_-]?|access[_-]?|auth[_-]?)?jwt', 'jwt[_-]?(?:token|secret|key)'],
  'client-secret': ['client[_-]?secret', 'clientsecret', 'app[_-]?secret'],
  // the provider's name alone (`KUCOIN=…`, `kucoin 2313b299-…`): the value's shape decides its role
  named: [],
};

export const NAME_ROLES = Object.keys(ROLE_WORDS) as NameRole[];

/** A provider word as RE2: `gate.io` / `gate-io` / `gate_io` / `gateio` alike, case-insensitive. */
function providerAlt(p: string): string {
  return p
    .toLowerCase()
    .split(/[\s._-]+/)
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .join('[_.-]?');
}

/** Leading structure of a name: `self.`, `config["x"]["`, `$`, `ENV:`; words before the provider (`REACT_APP_`). */
const STRUCTURE = `(?:.*[.\\[\\]"'$@/:])?[_-]*`;

/**
 * The `context.keys` regex for a rule's names: provider word (optional, except for `named` and `providerRoles`),
 * qualifiers, a role word, trailing qualifiers or the provider again; or one of the `also` names.
 */
export function compileNameKeys(names: RuleNames): string {
  const prov = `(?:${names.providers.map(providerAlt).join('|')})`;
  const qual = `(?:${QUALIFIERS.join('|')})`;
  const roleWords = names.roles.flatMap((r) => ROLE_WORDS[r]);
  const alts: string[] = [];
  if (roleWords.length > 0) {
    alts.push(`${STRUCTURE}(?:(?:[\\w-]*[_-])?${prov}[_-]?)?(?:${qual}[_-]?)*(?:${roleWords.join('|')})(?:[_-]?(?:${qual}|${prov}))*`);
  }
  const ownWords = (names.providerRoles ?? []).flatMap((r) => ROLE_WORDS[r]);
  if (ownWords.length > 0) {
    alts.push(`${STRUCTURE}(?:[\\w-]*[_-])?${prov}[_-]?(?:${qual}[_-]?)*(?:${ownWords.join('|')})(?:[_-]?(?:${qual}|${prov}))*`);
  }
  if (names.roles.includes('named')) alts.push(`${STRUCTURE}(?:[\\w-]*[_-])?${prov}(?:[_-]?${qual})*`);
  for (const a of names.also ?? []) alts.push(`${STRUCTURE}${providerAlt(a)}`);
  return `(?i)^(?:${alts.join('|')})["'\\]]*$`;
}

/** The `context.nearby` regex: any provider word, as a word (short ones must not sit inside longer words). */
export function compileNameNearby(names: RuleNames): string {
  const alts = names.providers.map((p) => {
    const a = providerAlt(p);
    return p.replace(/[^a-z0-9]/gi, '').length <= 4 ? `(?:^|[^a-z])${a}(?:[^a-z]|$)` : a;
  });
  return `(?i)(?:${alts.join('|')})`;
}
