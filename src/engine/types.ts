// The engine's input and output types; they are defined in the shared vocabulary (src/core/).
export * from '../core/finding.js';
export * from '../core/rule.js';
export * from '../core/validator.js';
