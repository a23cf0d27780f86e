// Seeded builders of valid values for each offline check, used by rule examples and fixtures.
import type { Generator } from '../rules/example-values.js';

export const sampleGenerators: Record<string, Generator> = {};
