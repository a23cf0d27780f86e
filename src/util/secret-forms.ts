// Every form in which keyhound itself may send a secret (raw, JSON string, percent/form-encoded,
// base64 at any alignment, each line of a PEM block), so text coming back (an error body echoing the
// request, a log line) can be scrubbed of all of them, not only of the raw string.

const MIN = 6;

/** Stable middle of base64 for `bytes` starting at each of the three alignments inside a longer stream. */
function base64Forms(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const enc = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64').replace(/=+$/, '');
    // characters touching the padding bytes or the unknown bytes after the value are not fixed
    const start = pad === 0 ? 0 : 4;
    const fullChars = Math.floor(((pad + bytes.length) * 8) / 6);
    const middle = enc.slice(start, Math.max(start, fullChars - 1));
    for (const m of [middle, enc.slice(start)]) {
      if (m.length >= MIN) out.push(m, m.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return out;
}

/** The encodings of one secret, longest first; nothing shorter than 6 characters (too common to cut). */
export function secretForms(secret: string | undefined): string[] {
  if (!secret || secret.length < 4) return [];
  const forms = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  forms.add(JSON.stringify(json).slice(1, -1)); // a JSON body quoted again inside an error message
  const pct = encodeURIComponent(secret);
  forms.add(pct);
  forms.add(pct.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  forms.add(new URLSearchParams({ v: secret }).toString().slice(2));
  forms.add(escape(secret));
  for (const b of base64Forms(Buffer.from(secret, 'utf8'))) forms.add(b);
  const lines = secret.split(/\r?\n/).map((l) => l.trim());
  if (lines.length > 1) {
    for (const l of lines) if (l.length >= 16 && !/^-----/.test(l)) forms.add(l);
  }
  return [...forms].filter((f) => f.length >= Math.min(MIN, secret.length)).sort((a, b) => b.length - a.length);
}

/** Removes every known form of every given secret from texts. */
export class SecretScrubber {
  private readonly forms: string[];
  constructor(secrets: Iterable<string | undefined>) {
    const all = new Set<string>();
    for (const s of secrets) for (const f of secretForms(s)) all.add(f);
    this.forms = [...all].sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    let out = text;
    for (const f of this.forms) if (out.includes(f)) out = out.split(f).join('[secret]');
    return out;
  }
}

/** One-off: `text` without any form of `secrets`. */
export function scrubSecrets(text: string, secrets: Iterable<string | undefined>): string {
  return new SecretScrubber(secrets).scrub(text);
}
