// Values that look like secrets but are templates, references or filler.

/** Filler words: a placeholder when they stand as a word of the value (`your_key`, `sk_live_EXAMPLE`). */
const WORDS = [
  'your_', 'your-', 'yourapi', 'yourkey', 'yoursecret', 'changeme', 'change_me', 'placeholder',
  'example', 'dummy', 'sample', 'redacted', 'replace_me', 'replaceme', 'insert_', 'fill_in', 'fillme',
  'todo', 'fixme', 'notreal', 'not_a_real', 'fake_', '_fake', 'randomstring', 'random_string', 'tokenhere',
  'token_here', 'keyhere', 'key_here', 'secrethere', 'secret_here',
];
/** Six letters or more (separators aside): never in a random token by chance. */
const LONG = WORDS.map((w) => w.replace(/[_-]/g, '').length >= 6);
/** Masks: a placeholder wherever they occur. */
const MASKS = ['xxxx', '****', '....', '…'];

const isAlnum = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/**
 * A random token of 40+ characters holds some four- or five-letter word by chance (about 0.3% of
 * 88-character base64 keys contain `todo`, `fake_` …), so there a short word counts only where it
 * starts or ends a segment; a six-letter one (`EXAMPLE`, `sample`) is never there by chance.
 */
function hasFillerWord(lower: string): boolean {
  const strict = lower.length >= 40;
  for (let k = 0; k < WORDS.length; k++) {
    const w = WORDS[k]!;
    const long = LONG[k];
    for (let i = lower.indexOf(w); i !== -1; i = lower.indexOf(w, i + 1)) {
      if (!strict || long || !isAlnum(lower[i - 1]) || !isAlnum(lower[i + w.length])) return true;
    }
  }
  return MASKS.some((m) => lower.includes(m));
}

/** True for template syntax, env references and filler text. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^\$|\$\{|\{\{|\}\}|%\(|^%[A-Za-z_]+%$|^<.*>$|<[A-Za-z_ -]+>/.test(v)) return true;
  if (/^(process\.env|os\.environ|env\.|secrets\.|vars\.)/.test(v)) return true;
  if (hasFillerWord(v.toLowerCase())) return true;
  return isLowVariety(v);
}

/** Repeated, periodic or sequential characters: 0000…, abab…, 123456…, abcdef…. */
export function isLowVariety(v: string): boolean {
  const s = v.replace(/^0x/i, '').replace(/[\s_-]+/g, '');
  if (s.length < 8) return false;
  const unique = new Set(s.toLowerCase()).size;
  if (unique <= 3) return true;
  // Long encoded keys (PEM/DER/OpenSSH bodies) hold runs of zero bytes ("AAAAAAAA"): only a period counts there.
  const long = s.length > 100;
  if (!long && /(.)\1{7,}/.test(s)) return true;
  for (let p = 2; p <= 8 && p * 3 <= s.length; p++) {
    let periodic = true;
    for (let i = p; i < s.length; i++) {
      if (s[i] !== s[i - p]) { periodic = false; break; }
    }
    if (periodic) return true;
  }
  if (long) return false;
  // hand-made documentation values: the digits, read in order, count up (a123b45c6d78e9f012a34…)
  let steps = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    steps = prev >= 0 && c === (prev + 1) % 10 ? steps + 1 : 0;
    prev = c;
    if (steps >= 11) return true;
  }
  // a run of 6+ ascending or descending neighbours (123456, abcdef, fedcba)
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= 6 || down >= 6) return true;
  }
  return false;
}
