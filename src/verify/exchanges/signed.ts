// What the exchanges' checks share: a signed GET rebuilt per attempt (its timestamp is signed), nonces
// that only grow, what an exchange's error codes mean, and how rights and IP lists are written.
import { badPassphrase, badSignature, type CheckOutcome, clockSkew, field, ipBound, type IssuerHttp, type IssuerResponse, unexpected } from '../types.js';

/** Milliseconds since the epoch, as text: most exchanges' signed timestamp. */
export const msTimestamp = (): string => String(Date.now());

/** Nonces strictly increasing across the run, even within one clock tick (exchanges refuse one not above the last). */
export function nonces(perMs: number): () => string {
  let last = 0;
  return () => {
    last = Math.max(Date.now() * perMs, last + 1);
    return String(last);
  };
}

export interface SignedGet {
  path: string;
  timestamp: () => string;
  /** The request's headers, signature included, for one timestamp. */
  headers(ts: string): Record<string, string>;
  /** The JSON body's field that carries the exchange's answer code. */
  codeField: string;
  /** The answer code that means "too many requests" (HTTP 429 always does). */
  rateLimitCode: string;
}

/** Sends a signed GET, signed afresh on each retry; returns the answer and its code ('' when none). */
export async function signedGet(http: IssuerHttp, req: SignedGet): Promise<{ r: IssuerResponse; code: string }> {
  const r = await http.send(
    () => {
      const ts = req.timestamp();
      return { method: 'GET', path: req.path, headers: req.headers(ts) };
    },
    (x) => x.status === 429 || String(field(x.json, req.codeField)) === req.rateLimitCode,
  );
  return { r, code: String(field(r.json, req.codeField) ?? '') };
}

/** What an exchange's error codes mean. */
export interface ErrorCodes {
  /** The exchange does not know the key. */
  invalid?: string[];
  badSignature?: string;
  badPassphrase?: string;
  clockSkew?: string;
  ipBound?: string;
  /** Codes with an answer of their own. */
  other?: Record<string, CheckOutcome>;
  /** A code not listed (default: an unexpected answer naming the code). */
  otherwise?: CheckOutcome;
}

/** The outcome of an exchange's error code. */
export function errorOutcome(name: string, r: IssuerResponse, code: string, codes: ErrorCodes): CheckOutcome {
  if (codes.invalid?.includes(code)) return { status: 'invalid', detail: `${name} does not know this key (${code})` };
  if (code === codes.badSignature) return badSignature(code);
  if (code === codes.badPassphrase) return badPassphrase(code);
  if (code === codes.clockSkew) return clockSkew(code);
  if (code === codes.ipBound) return ipBound(code);
  if (codes.other && Object.hasOwn(codes.other, code)) return codes.other[code]!;
  return codes.otherwise ?? unexpected(r, code ? `error code ${code}` : 'unexpected answer');
}

/** Rights written as one comma-separated text ("read_only,trade,withdraw"). */
export function commaList(v: unknown): string[] {
  return String(v ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** An IP allow-list written as text: the key is bound when it names anything. */
export function boundByText(ips: unknown): boolean {
  return typeof ips === 'string' && ips.trim() !== '';
}
