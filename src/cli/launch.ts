#!/usr/bin/env node
// The `keyhound` executable: turns on Node's compile cache, then loads the CLI. Uncached, every run
// (every commit, through the pre-commit hook) parses the whole CLI before it does anything.
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
await import('./main.js');
