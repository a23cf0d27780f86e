// The redacted form of a secret, as every output shows it.
/**
 * Keeps the first characters (at most 4) of long values only and marks the cut: a short secret (a
 * passphrase, a PIN) shows none of its characters, since each one shown divides the guesses left.
 */
export function redact(secret: string): string {
  const flat = secret.replace(/\s+/g, ' ').trim();
  const keep = flat.length >= 24 ? 4 : 0;
  return flat.slice(0, keep) + '…';
}
