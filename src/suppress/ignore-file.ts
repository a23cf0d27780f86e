// .keyhoundignore: gitignore-syntax paths whose findings are suppressed (and counted), at the scan root.
import { readTextIfExists } from '../util/safe-fs.js';
import { join } from 'node:path';
import ignore from 'ignore';

export const IGNORE_FILE = '.keyhoundignore';

export type PathMatcher = (file: string) => boolean;

/** A matcher for gitignore-syntax lines; paths are root-relative and `/`-separated. */
export function pathMatcher(lines: string[] | string): PathMatcher {
  const ig = ignore().add(lines);
  return (file) => {
    if (!file || file === '-' || file.startsWith('../') || file.startsWith('/')) return false;
    try {
      return ig.ignores(file);
    } catch {
      return false;
    }
  };
}

/** The root's .keyhoundignore as a matcher, or null when there is none (or it cannot be read: `warn` says why). */
export function loadIgnoreFile(root: string, warn: (message: string) => void = () => {}): PathMatcher | null {
  let text: string | undefined;
  try {
    text = readTextIfExists(join(root, IGNORE_FILE));
  } catch (e) {
    warn(`${IGNORE_FILE} not used: ${(e as Error).message}`);
    return null;
  }
  return text === undefined ? null : pathMatcher(text);
}
