#!/usr/bin/env node
// Entry script of the CLI: builds the command tree, runs it, and turns errors into one line and an exit code.
import { CommanderError } from 'commander';
import { EXIT, OptionError, UsageError } from '../core/errors.js';
import { loadFailure } from './install-problems.js';
import { buildProgram, commandNamed } from './program.js';

/** Where to read about a bad flag or value: the help of the command the user typed. */
function helpHint(argv: string[]): string {
  const name = argv.slice(2).find((a) => !a.startsWith('-'));
  const command = name !== undefined ? commandNamed(name) : undefined;
  return `see keyhound ${command ? `${command} ` : ''}--help`;
}

const error = (message: string) => process.stderr.write(`keyhound: error: ${message.replace(/^error:\s*/, '').trim()}\n`);

let code: number = EXIT.clean;
try {
  const program = await buildProgram((c) => {
    code = c;
  }, process.argv);
  await program.parseAsync(process.argv);
  process.exitCode = code;
} catch (e) {
  if (e instanceof CommanderError) {
    // help and version print and exit 0; every other commander error is a usage error, already printed
    process.exitCode = e.exitCode === 0 ? EXIT.clean : EXIT.error;
    if (e.exitCode !== 0) process.stderr.write(`${helpHint(process.argv)}\n`);
  } else if (e instanceof UsageError) {
    error(e.message);
    if (e instanceof OptionError) process.stderr.write(`${helpHint(process.argv)}\n`);
    process.exitCode = EXIT.error;
  } else {
    const err = e as Error & { file?: string };
    error(loadFailure(err) ?? err.message);
    if (process.env.KEYHOUND_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = EXIT.error;
  }
}
