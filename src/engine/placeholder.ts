// Values that look like secrets but are templates, references or filler.

const MARKERS = [
  'your_', 'your-', 'yourapi', 'yourkey', 'yoursecret', 'xxxx', 'changeme', 'change_me', 'placeholder',
  'example', 'dummy', 'sample', 'redacted', 'replace_me', 'replaceme', 'insert_', 'fill_in', 'fillme',
  'todo', 'fixme', 'notreal', 'not_a_real', 'fake_', '_fake', '****', '....', '…',
];

/** True for template syntax, env references and filler text. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  const lower = v.toLowerCase();
  if (/^\$|\$\{|\{\{|\}\}|%\(|^%[A-Za-z_]+%$|^<.*>$|<[A-Za-z_ -]+>/.test(v)) return true;
  if (/^(process\.env|os\.environ|env\.|secrets\.|vars\.)/.test(v)) return true;
  for (const m of MARKERS) if (lower.includes(m)) return true;
  return isLowVariety(v);
}

/** Repeated, periodic or sequential characters: 0000…, abab…, 123456…, abcdef…. */
export function isLowVariety(v: string): boolean {
  const s = v.replace(/^0x/i, '').replace(/[\s_-]+/g, '');
  if (s.length < 8) return false;
  const unique = new Set(s.toLowerCase()).size;
  if (unique <= 3) return true;
  if (/(.)\1{7,}/.test(s)) return true;
  for (let p = 2; p <= 8 && p * 3 <= s.length; p++) {
    let periodic = true;
    for (let i = p; i < s.length; i++) {
      if (s[i] !== s[i - p]) { periodic = false; break; }
    }
    if (periodic) return true;
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
