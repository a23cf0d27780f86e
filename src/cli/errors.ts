// The usage error and exit codes; defined in the shared vocabulary (src/core/errors.ts).
export { EXIT, UsageError } from '../core/errors.js';
