#!/usr/bin/env node
import { CommanderError } from 'commander';
import { EXIT, UsageError } from '../core/errors.js';
import { buildProgram } from './program.js';

let code: number = EXIT.clean;
try {
  const program = await buildProgram((c) => {
    code = c;
  }, process.argv);
  await program.parseAsync(process.argv);
  process.exitCode = code;
} catch (e) {
  if (e instanceof CommanderError) {
    // help and version print and exit 0; every other commander error is a usage error
    process.exitCode = e.exitCode === 0 ? EXIT.clean : EXIT.error;
  } else if (e instanceof UsageError) {
    process.stderr.write(`keyhound: ${e.message}\n`);
    process.exitCode = EXIT.error;
  } else {
    const err = e as Error & { file?: string };
    process.stderr.write(`keyhound: error: ${err.message}\n`);
    if (process.env.KEYHOUND_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = EXIT.error;
  }
}
