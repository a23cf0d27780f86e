import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The package root, from test/support (tsx) or dist/test/support (built tests). */
export const PACKAGE_ROOT = [resolve(here, '../..'), resolve(here, '../../..')].find((d) => {
  try {
    return JSON.parse(readFileSync(resolve(d, 'package.json'), 'utf8')).name === 'keyhound';
  } catch {
    return false;
  }
})!;
