// Expands {{kind:arg}} placeholders in rule examples into seeded values, so rule files carry no
// live-looking secret while their examples still exercise real formats and checksums.
import { base64, base64urlnopad } from '@scure/base';
import { sampleGenerators } from './samples.js';
import { SeededRandom, type Generator } from './seeded-random.js';

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function count(arg: string | undefined, kind: string): number {
  const n = Number(arg);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`example placeholder {{${kind}:N}} needs a length`);
  return n;
}

function uuid(rng: SeededRandom): string {
  const h = rng.chars('0123456789abcdef', 32).split('');
  h[12] = '4';
  h[16] = '89ab'[rng.int(4)]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export const basicGenerators: Record<string, Generator> = {
  hex: (r, a) => r.chars('0123456789abcdef', count(a, 'hex')),
  HEX: (r, a) => r.chars('0123456789ABCDEF', count(a, 'HEX')),
  alnum: (r, a) => r.chars(DIGITS + UPPER + LOWER, count(a, 'alnum')),
  upper: (r, a) => r.chars(DIGITS + UPPER, count(a, 'upper')),
  lower: (r, a) => r.chars(DIGITS + LOWER, count(a, 'lower')),
  letters: (r, a) => r.chars(UPPER + LOWER, count(a, 'letters')),
  digits: (r, a) => r.chars('123456789', 1) + r.chars(DIGITS, count(a, 'digits') - 1),
  b58: (r, a) => r.chars(B58, count(a, 'b58')),
  /** base64 of N random bytes */
  b64: (r, a) => base64.encode(r.bytes(count(a, 'b64'))),
  /** N base64url characters */
  b64url: (r, a) => r.chars(DIGITS + UPPER + LOWER + '-_', count(a, 'b64url')),
  /** base64url (no padding) of N random bytes */
  b64urlbytes: (r, a) => base64urlnopad.encode(r.bytes(count(a, 'b64urlbytes'))),
  /** unpadded base64 of N random lower-case hex characters (BitcoinAverage keys) */
  b64hex: (r, a) => base64.encode(new TextEncoder().encode(r.chars('0123456789abcdef', count(a, 'b64hex')))).replace(/=+$/, ''),
  uuid: (r) => uuid(r),
  UUID: (r) => uuid(r).toUpperCase(),
};

const PLACEHOLDER = /\{\{([A-Za-z0-9-]+)(?::([^}]*))?\}\}/g;

/** Replaces every {{kind[:arg]}} with a value from the generator of that kind, seeded by `seed`. */
export function expandExample(template: string, seed: string): string {
  const rng = new SeededRandom(seed);
  return template.replace(PLACEHOLDER, (_all, kind: string, arg: string | undefined) => {
    const gen = basicGenerators[kind] ?? sampleGenerators[kind];
    if (!gen) throw new Error(`unknown example placeholder {{${kind}}}`);
    return gen(rng, arg);
  });
}

export function placeholderKinds(): string[] {
  return [...Object.keys(basicGenerators), ...Object.keys(sampleGenerators)].sort();
}
