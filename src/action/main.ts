#!/usr/bin/env node
// Entry script of the GitHub Action (action.yml runs its bundle, `node dist-bundle/action.mjs`, in the action's folder).
// Inputs arrive as INPUT_* environment variables that action.yml maps explicitly (see inputs.ts).
import { EXIT } from '../core/errors.js';
import { runAction } from './run.js';
import { command } from './workflow.js';

try {
  process.exitCode = await runAction(process.env);
} catch (e) {
  // an unexpected failure: message only (a stack could quote scanned text), stack on request
  const err = e as Error;
  process.stdout.write(command('error', `keyhound failed unexpectedly: ${err?.message ?? String(e)}`));
  if (process.env.KEYHOUND_DEBUG || process.env.RUNNER_DEBUG === '1') process.stderr.write(`${err?.stack}\n`);
  process.exitCode = EXIT.error;
}
