// .keyhoundignore: gitignore-syntax paths whose findings are suppressed (and counted), at the scan root.
import { readFileSync } from 'node:fs';
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

/** The root's .keyhoundignore as a matcher, or null when there is none. */
export function loadIgnoreFile(root: string): PathMatcher | null {
  let text: string;
  try {
    text = readFileSync(join(root, IGNORE_FILE), 'utf8');
  } catch {
    return null;
  }
  return pathMatcher(text);
}
