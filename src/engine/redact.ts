/** Keeps at most the first 4 characters (fewer for short values) and marks the cut. */
export function redact(secret: string): string {
  const flat = secret.replace(/\s+/g, ' ').trim();
  const keep = Math.min(4, Math.floor(flat.length / 4));
  return flat.slice(0, keep) + '…';
}
