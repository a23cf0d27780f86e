// The seeded byte stream behind example values: the same seed gives the same values on every machine.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** Deterministic byte stream from a seed (SHA-256 in counter mode): same seed, same values. */
export class SeededRandom {
  private counter = 0;
  private pool = new Uint8Array(0);
  private pos = 0;
  constructor(private readonly seed: string) {}

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (this.pos >= this.pool.length) {
        this.pool = sha256(utf8ToBytes(`${this.seed}\0${this.counter++}`));
        this.pos = 0;
      }
      out[i] = this.pool[this.pos++]!;
    }
    return out;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const b = this.bytes(4);
      const v = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
      if (v < limit) return v % n;
    }
  }

  /** n characters drawn from an alphabet. */
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}

/** Builds one example value of a placeholder kind (`{{kind:arg}}`) from the seeded stream. */
export type Generator = (rng: SeededRandom, arg: string | undefined) => string;
