import type { Validator } from '../engine/types.js';

/** Offline checks by the name rules use in `validate:`. Each module holds one check. */
export const validators: Record<string, Validator> = {};
