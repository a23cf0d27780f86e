#!/usr/bin/env node
// The `keyhound` executable: turns on Node's compile cache, then loads the CLI. Uncached, every run
// (every commit, through the pre-commit hook) parses the whole CLI before it does anything.
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
try {
  await import('./main.js');
} catch (e) {
  // the CLI did not load (once loaded, main.js turns its own errors into one line): say why in one line
  const { loadFailure } = await import('./install-problems.js');
  const message = loadFailure(e);
  if (message === undefined) throw e;
  process.stderr.write(`keyhound: error: ${message}\n`);
  process.exitCode = 2;
}
