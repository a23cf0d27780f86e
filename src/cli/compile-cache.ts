// Where the `keyhound` executable keeps Node's compile cache (see launch.ts). Built-ins come through
// process.getBuiltinModule: an ES import of node:fs builds a module facade that loads fs streams too.
import type * as Fs from 'node:fs';
import type * as Os from 'node:os';
import type * as Path from 'node:path';

type Builtins = { 'node:fs': typeof Fs; 'node:os': typeof Os; 'node:path': typeof Path };
const builtin = <K extends keyof Builtins>(id: K): Builtins[K] =>
  (process as unknown as { getBuiltinModule(id: string): unknown }).getBuiltinModule(id) as Builtins[K];

/**
 * A cache folder only this user can write, since V8 trusts the code it finds there: never the scanned
 * tree, never a shared temporary folder. Undefined when there is no such place (no home, a folder others
 * could write to); the CLI then runs uncached.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const { lstatSync, mkdirSync } = builtin('node:fs');
  const { isAbsolute, join } = builtin('node:path');
  let base: string | undefined;
  if (platform === 'win32') base = env.LOCALAPPDATA;
  else if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) base = env.XDG_CACHE_HOME;
  else {
    try {
      base = join(builtin('node:os').homedir(), platform === 'darwin' ? 'Library/Caches' : '.cache');
    } catch {
      return undefined;
    }
  }
  if (!base || !isAbsolute(base)) return undefined;
  const dir = join(base, 'keyhound', 'compile-cache');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (platform === 'win32') return dir;
    const st = lstatSync(dir);
    // ours, a real folder, writable by nobody else
    if (!st.isDirectory() || st.uid !== process.getuid?.() || (st.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Turns the cache on for what this process loads from now on. NODE_COMPILE_CACHE (a folder of the
 * user's choice) and NODE_DISABLE_COMPILE_CACHE keep their meaning: Node has already acted on them.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return;
  const mod = builtin('node:module' as keyof Builtins) as unknown as { enableCompileCache?: (dir: string) => unknown };
  if (typeof mod.enableCompileCache !== 'function') return;
  const dir = compileCacheDir(env);
  if (dir) mod.enableCompileCache(dir);
}
