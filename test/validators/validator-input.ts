// Test helpers: build a ValidatorInput and seeded sample values.
import type { ValidatorInput } from '../../src/core/validator.js';
import { SeededRandom } from '../../src/rules/seeded-random.js';
import { sampleGenerators } from '../../src/rules/samples.js';

/** Input for a validator; `text` defaults to the secret itself, `index` to where the match sits in it. */
export function input(secret: string, text = secret, match = secret): ValidatorInput {
  const at = Math.max(0, text.indexOf(match));
  return { secret, match, text: () => text, index: () => at };
}

export function sample(kind: string, arg?: string, seed = `test:${kind}:${arg ?? ''}`): string {
  const gen = sampleGenerators[kind];
  if (!gen) throw new Error(`no sample generator ${kind}`);
  return gen(new SeededRandom(seed), arg);
}

export const SEEDS = ['a', 'b', 'c', 'd', 'e', 'f'];
