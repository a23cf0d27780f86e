// The usage error and exit codes; defined in the shared vocabulary (src/core/errors.ts).
import { UsageError } from '../core/errors.js';
export { EXIT, UsageError } from '../core/errors.js';

/** A bad flag or flag value: the message is followed by "see keyhound COMMAND --help". */
export class OptionError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}
