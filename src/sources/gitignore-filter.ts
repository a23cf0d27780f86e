// Which paths .gitignore files exclude from a folder walk.
import { readTextIfExists } from '../util/safe-fs.js';
import { posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** One folder's .gitignore: the folder (relative to the walked root, `''` for the root) and its rules. */
export interface IgnoreRules {
  dir: string;
  rules: Ignore;
}

/**
 * Reads the .gitignore of one walked folder (`dir` relative to `root`, `/`-separated). Returns its rules,
 * or undefined when there is none or it cannot be used; `warn` names a .gitignore that is not a regular
 * file or is too large.
 */
export function loadGitignore(root: string, dir: string, warn: (m: string) => void): IgnoreRules | undefined {
  const file = posix.join(dir, '.gitignore');
  let text: string | undefined;
  try {
    text = readTextIfExists(posix.join(root, file));
  } catch (e) {
    if ((e as { errno?: string }).errno !== undefined) return undefined; // unreadable: no rules from it
    warn(`${file} not used: ${(e as Error).message.replace(`${posix.join(root, file)}: `, '')}`);
    return undefined;
  }
  return text === undefined ? undefined : { dir, rules: ignore().add(text) };
}

/**
 * Whether the .gitignore files of a path's folders ignore it (`rel` relative to the walked root,
 * `/`-separated; folders end with `/`). `chain` holds the rules of the path's own folder and its parents,
 * root first; as in git, the deepest file with a rule for the path decides (`!keep.log` below re-includes).
 */
export function gitignores(chain: readonly IgnoreRules[], rel: string): boolean {
  for (let i = chain.length - 1; i >= 0; i--) {
    const { dir, rules } = chain[i]!;
    const sub = dir === '' ? rel : rel.slice(dir.length + 1);
    if (!sub) continue;
    const r = rules.test(sub);
    if (r.ignored) return true;
    if (r.unignored) return false;
  }
  return false;
}
