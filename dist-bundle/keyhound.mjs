#!/usr/bin/env node
const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// builtin:node:fs
var m, chmodSync, closeSync, constants, existsSync, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync;
var init_node_fs = __esm({
  "builtin:node:fs"() {
    m = __require("node:fs");
    ({ chmodSync, closeSync, constants, existsSync, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } = m);
  }
});

// builtin:node:url
var m2, fileURLToPath, pathToFileURL;
var init_node_url = __esm({
  "builtin:node:url"() {
    m2 = __require("node:url");
    ({ fileURLToPath, pathToFileURL } = m2);
  }
});

// dist/src/report/tool.js
function packageJson() {
  if (!manifest) {
    for (const up of ["../package.json", "../../../package.json", "../../package.json"]) {
      try {
        manifest = JSON.parse(readFileSync(fileURLToPath(new URL(up, import.meta.url)), "utf8"));
        break;
      } catch {
      }
    }
  }
  return manifest ?? {};
}
function supportedNode() {
  return packageJson().engines?.node ?? "see package.json engines";
}
var manifest;
var init_tool = __esm({
  "dist/src/report/tool.js"() {
    "use strict";
    init_node_fs();
    init_node_url();
  }
});

// dist/src/cli/install-problems.js
var install_problems_exports = {};
__export(install_problems_exports, {
  loadFailure: () => loadFailure,
  missingDependency: () => missingDependency,
  nativeMismatch: () => nativeMismatch
});
function nativeMismatch(e, node = process.version) {
  const err = e;
  if (err?.code !== "ERR_DLOPEN_FAILED" || !/NODE_MODULE_VERSION/.test(err.message ?? ""))
    return void 0;
  return `a native dependency (re2) was built for another Node.js version than this one (${node}). Run keyhound with the Node.js that installed it, or reinstall under this one (npm ci, or npm rebuild re2). Supported Node.js: ${supportedNode()}.`;
}
function missingDependency(e, node = process.version) {
  const err = e;
  if (err?.code !== "MODULE_NOT_FOUND" && err?.code !== "ERR_MODULE_NOT_FOUND")
    return void 0;
  const name = /Cannot find (?:module|package) '([^']+)'/.exec(err.message ?? "")?.[1];
  if (!name || /^[./\\]|^[A-Za-z]:/.test(name))
    return void 0;
  return `keyhound's dependencies are not installed (cannot load ${name}). Install them where keyhound is (npm ci) with a supported Node.js: ${supportedNode()} (this is ${node}).`;
}
function loadFailure(e) {
  return nativeMismatch(e) ?? missingDependency(e);
}
var init_install_problems = __esm({
  "dist/src/cli/install-problems.js"() {
    "use strict";
    init_tool();
  }
});

// dist/src/cli/compile-cache.js
var builtin = (id) => process.getBuiltinModule(id);
function compileCacheDir(env = process.env, platform = process.platform) {
  const { lstatSync: lstatSync2, mkdirSync: mkdirSync2 } = builtin("node:fs");
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
    mkdirSync2(dir, { recursive: true, mode: 448 });
    if (platform === "win32")
      return dir;
    const st = lstatSync2(dir);
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
try {
  await import("./cli.mjs");
} catch (e) {
  const { loadFailure: loadFailure2 } = await Promise.resolve().then(() => (init_install_problems(), install_problems_exports));
  const message = loadFailure2(e);
  if (message === void 0)
    throw e;
  process.stderr.write(`keyhound: error: ${message}
`);
  process.exitCode = 2;
}
