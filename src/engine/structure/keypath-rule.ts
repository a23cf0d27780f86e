// How the key-path rule reads a key path: the secret role a key name states, and the provider a path
// segment names. The rule itself (its providers, pattern and examples) is rule data in src/rules/.

/** Secret roles a key name can state (as whole words of the name). */
const ROLES = new Set([
  'secret', 'secrets', 'private', 'priv', 'privkey', 'privatekey', 'passphrase', 'password', 'passwd', 'pwd',
  'token', 'key', 'apikey', 'apisecret', 'secretkey', 'accesskey', 'mnemonic', 'seed', 'seedphrase', 'credential',
  'credentials', 'auth',
]);

/** Last words that make a name about something else (`api_key_id`, `secret_path`, `token_url`). */
const NOT_A_SECRET = new Set([
  'id', 'ids', 'name', 'names', 'url', 'uri', 'urls', 'host', 'hostname', 'endpoint', 'path', 'file', 'dir', 'env',
  'user', 'username', 'account', 'region', 'type', 'kind', 'version', 'enabled', 'enable', 'disabled', 'length',
  'len', 'size', 'ttl', 'expiry', 'expires', 'expiration', 'timeout', 'label', 'ref', 'hint', 'prefix', 'suffix',
  'format', 'header', 'location', 'arn', 'mode', 'field', 'var', 'variable', 'count', 'index', 'limit', 'provider',
]);

/** Words of a key: split on punctuation and camelCase, lower-cased. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Trailing words that only say how a secret is written (`privateKeyHex`, `secret_b64`). */
const ENCODING_SUFFIX = new Set(['hex', 'b64', 'base64', 'b58', 'base58', 'pem', 'der', 'raw', 'value', 'str', 'string', 'bytes', 'data', 'enc']);

/**
 * True when the value's own name states a secret role, as its head word (`api_secret`, `secretKey`,
 * `privateKeyHex`): a role word in the middle names something else (`AWSPrivateCAAuditor`,
 * `SecretsManagerReadWrite` are policy names).
 */
export function namesSecretRole(leaf: string): boolean {
  const words = keyWords(leaf);
  if (words.length === 0) return false;
  if (NOT_A_SECRET.has(words[words.length - 1]!)) return false;
  const head = words.length > 1 && ENCODING_SUFFIX.has(words[words.length - 1]!) ? words.length - 2 : words.length - 1;
  if (ROLES.has(words[head]!)) return true;
  // `apiSecret` → api, secret; `APISECRET` → one word: look for a role inside
  const joined = words.join('');
  return /(secret|privatekey|privkey|passphrase|password|apikey|mnemonic|seedphrase|token)$/.test(joined);
}

/** Normalised provider names: lower-case letters and digits only. */
export function normalizeProvider(p: string): string {
  return p.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The first provider named by a word (or two adjacent words) of the key path, if any. */
export function providerInPath(path: readonly string[], providers: ReadonlySet<string>): string | undefined {
  for (const seg of path) {
    if (/^\d+$/.test(seg)) continue;
    const words = keyWords(seg);
    for (let i = 0; i < words.length; i++) {
      if (providers.has(words[i]!)) return words[i];
      const pair = words[i]! + (words[i + 1] ?? '');
      if (i + 1 < words.length && providers.has(pair)) return pair;
    }
    const whole = words.join('');
    if (providers.has(whole)) return whole;
  }
  return undefined;
}
