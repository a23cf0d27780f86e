#!/usr/bin/env node
const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);

// dist/src/cli/compile-cache.js
var builtin = (id) => process.getBuiltinModule(id);
function compileCacheDir(env = process.env, platform = process.platform) {
  const { lstatSync, mkdirSync } = builtin("node:fs");
  const { isAbsolute, join } = builtin("node:path");
  let base;
  if (platform === "win32")
    base = env.LOCALAPPDATA;
  else if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME))
    base = env.XDG_CACHE_HOME;
  else {
    try {
      base = join(builtin("node:os").homedir(), platform === "darwin" ? "Library/Caches" : ".cache");
    } catch {
      return void 0;
    }
  }
  if (!base || !isAbsolute(base))
    return void 0;
  const dir = join(base, "keyhound", "compile-cache");
  try {
    mkdirSync(dir, { recursive: true, mode: 448 });
    if (platform === "win32")
      return dir;
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== process.getuid?.() || (st.mode & 18) !== 0)
      return void 0;
    return dir;
  } catch {
    return void 0;
  }
}
function enableCompileCache(env = process.env) {
  if (env.NODE_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE)
    return;
  const mod = builtin("node:module");
  if (typeof mod.enableCompileCache !== "function")
    return;
  const dir = compileCacheDir(env);
  if (dir)
    mod.enableCompileCache(dir);
}

// dist/src/cli/launch.js
enableCompileCache();
await import("./cli.mjs");
