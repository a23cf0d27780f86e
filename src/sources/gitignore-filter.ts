import { readTextIfExists } from '../util/safe-fs.js';
import { posix } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';

/**
 * .gitignore rules of a tree: exact per-path answers from `ignore`, plus fast-glob globs that prune
 * whole ignored directories (node_modules/, dist/) from the walk. Files with negations are not turned
 * into pruning globs, since a `!` line may re-include something below.
 */
export class GitignoreFilter {
  private readonly byDir = new Map<string, Ignore>();
  readonly pruneGlobs: string[] = [];
  /** .gitignore files that could not be used (a FIFO, a device, too large). */
  readonly warnings: string[] = [];

  static async load(root: string, extraPrune: string[] = []): Promise<GitignoreFilter> {
    const f = new GitignoreFilter();
    f.pruneGlobs.push(...extraPrune);
    await f.addFile(root, '');
    const nested = await fg('**/.gitignore', {
      cwd: root,
      dot: true,
      ignore: ['**/.git/**', ...f.pruneGlobs],
      followSymbolicLinks: false,
      suppressErrors: true,
    });
    for (const file of nested.sort((a, b) => a.length - b.length)) {
      const dir = posix.dirname(file);
      if (dir === '.' || f.ignores(dir + '/')) continue;
      await f.addFile(root, dir);
    }
    return f;
  }

  private async addFile(root: string, dir: string): Promise<void> {
    let text: string | undefined;
    const file = posix.join(dir, '.gitignore');
    try {
      text = readTextIfExists(posix.join(root, file));
    } catch (e) {
      if ((e as { errno?: string }).errno !== undefined) return; // unreadable: as before, no rules from it
      this.warnings.push(`${file} not used: ${(e as Error).message.replace(`${posix.join(root, file)}: `, '')}`);
      return;
    }
    if (text === undefined) return;
    this.byDir.set(dir, ignore().add(text));
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    if (lines.some((l) => l.startsWith('!'))) return;
    for (const line of lines) {
      const pat = line.replace(/\/+$/, '');
      if (!pat || /[\\[\]{}]/.test(pat)) continue;
      const anchored = pat.startsWith('/') || pat.slice(0, -1).includes('/');
      const body = pat.replace(/^\//, '');
      const base = dir ? `${dir}/` : '';
      this.pruneGlobs.push(anchored ? `${base}${body}/**` : `${base}**/${body}/**`);
    }
  }

  /** `rel` is relative to the root, `/`-separated; directories end with `/`. */
  ignores(rel: string): boolean {
    for (const [dir, ig] of this.byDir) {
      if (dir === '') {
        if (ig.ignores(rel)) return true;
      } else if (rel.startsWith(dir + '/')) {
        const sub = rel.slice(dir.length + 1);
        if (sub && ig.ignores(sub)) return true;
      }
    }
    return false;
  }
}
