#!/usr/bin/env node
const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name2 in all)
    __defProp(target, name2, { get: all[name2], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// dep:commander
var require_commander = __commonJS({
  "dep:commander"(exports, module) {
    module.exports = __require("commander");
  }
});

// dist/src/core/finding.js
var finding_exports = {};
__export(finding_exports, {
  GRANTS: () => GRANTS,
  SEVERITIES: () => SEVERITIES,
  emptyStats: () => emptyStats,
  fundsAtRisk: () => fundsAtRisk,
  grantsFunds: () => grantsFunds,
  hasBalance: () => hasBalance,
  severityRank: () => severityRank,
  verifiedLive: () => verifiedLive
});
function severityRank(s) {
  return SEVERITIES.indexOf(s);
}
function grantsFunds(grants2) {
  return grants2 === "wallet" || grants2 === "exchange-account" || grants2 === "custody";
}
function emptyStats() {
  return {
    files: 0,
    bytes: 0,
    durationMs: 0,
    skipped: { binary: 0, tooLarge: 0, unreadable: 0, ignored: 0, lockfile: 0 },
    ignoredPaths: [],
    ignoredScanned: [],
    findings: { error: 0, warning: 0, note: 0 },
    suppressed: { inline: 0, ignoreFile: 0, baseline: 0, allow: 0 },
    warnings: []
  };
}
function hasBalance(balance) {
  return !/^0*(\.0*)?$/.test(balance);
}
function verifiedLive(f) {
  if (f.verification?.status === "live")
    return true;
  return (f.funds ?? []).some((x) => x.txCount > 0 || hasBalance(x.balance));
}
function fundsAtRisk(f) {
  const v = f.verification;
  if (v?.status === "live" && (v.canWithdraw === true || v.canTransfer === true))
    return true;
  return (f.funds ?? []).some((x) => hasBalance(x.balance));
}
var SEVERITIES, GRANTS;
var init_finding = __esm({
  "dist/src/core/finding.js"() {
    "use strict";
    SEVERITIES = ["note", "warning", "error"];
    GRANTS = ["wallet", "exchange-account", "custody", "service"];
  }
});

// dist/src/core/errors.js
var errors_exports = {};
__export(errors_exports, {
  EXIT: () => EXIT,
  FAIL_ON_LEVELS: () => FAIL_ON_LEVELS,
  OptionError: () => OptionError,
  UsageError: () => UsageError,
  exitCodeFor: () => exitCodeFor
});
function exitCodeFor(findings, failOn) {
  if (failOn === "never")
    return EXIT.clean;
  const min = severityRank(failOn);
  return findings.some((f) => severityRank(f.severity) >= min) ? EXIT.findings : EXIT.clean;
}
var UsageError, OptionError, EXIT, FAIL_ON_LEVELS;
var init_errors = __esm({
  "dist/src/core/errors.js"() {
    "use strict";
    init_finding();
    UsageError = class extends Error {
      constructor(message2) {
        super(message2);
        this.name = "UsageError";
      }
    };
    OptionError = class extends UsageError {
      constructor(message2) {
        super(message2);
        this.name = "OptionError";
      }
    };
    EXIT = { clean: 0, findings: 1, error: 2, partial: 3 };
    FAIL_ON_LEVELS = ["error", "warning", "note", "never"];
  }
});

// builtin:node:fs
var node_fs_exports = {};
__export(node_fs_exports, {
  chmodSync: () => chmodSync,
  closeSync: () => closeSync,
  constants: () => constants,
  default: () => node_fs_default,
  existsSync: () => existsSync,
  fstatSync: () => fstatSync,
  fsyncSync: () => fsyncSync,
  linkSync: () => linkSync,
  lstatSync: () => lstatSync,
  mkdirSync: () => mkdirSync,
  mkdtempSync: () => mkdtempSync,
  openSync: () => openSync,
  readFileSync: () => readFileSync,
  readSync: () => readSync,
  readdirSync: () => readdirSync,
  realpathSync: () => realpathSync,
  renameSync: () => renameSync,
  rmSync: () => rmSync,
  statSync: () => statSync,
  unlinkSync: () => unlinkSync,
  writeFileSync: () => writeFileSync,
  writeSync: () => writeSync
});
var m, node_fs_default, chmodSync, closeSync, constants, existsSync, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync;
var init_node_fs = __esm({
  "builtin:node:fs"() {
    m = __require("node:fs");
    node_fs_default = m;
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
function toolVersion() {
  return packageJson().version ?? "0.0.0";
}
function supportedNode() {
  return packageJson().engines?.node ?? "see package.json engines";
}
var INFORMATION_URI, manifest;
var init_tool = __esm({
  "dist/src/report/tool.js"() {
    "use strict";
    init_node_fs();
    init_node_url();
    INFORMATION_URI = "https://github.com/keyhound/keyhound";
  }
});

// builtin:node:path
var m3, basename, delimiter, dirname, isAbsolute, join, posix, relative, resolve, sep;
var init_node_path = __esm({
  "builtin:node:path"() {
    m3 = __require("node:path");
    ({ basename, delimiter, dirname, isAbsolute, join, posix, relative, resolve, sep } = m3);
  }
});

// builtin:node:module
var m4, createRequire;
var init_node_module = __esm({
  "builtin:node:module"() {
    m4 = __require("node:module");
    ({ createRequire } = m4);
  }
});

// dist/src/util/lazy-require.js
function lazyRequire(id, from = import.meta.url) {
  let mod;
  return () => mod ??= createRequire(from)(id);
}
var nodeCrypto;
var init_lazy_require = __esm({
  "dist/src/util/lazy-require.js"() {
    "use strict";
    init_node_module();
    nodeCrypto = () => process.getBuiltinModule("node:crypto");
  }
});

// dist/src/util/safe-fs.js
function code(e) {
  return e.code ?? e.message;
}
function readRegularFile(file, opts = {}) {
  const max = opts.maxBytes ?? SETTINGS_MAX_BYTES;
  const what = opts.what ? `${opts.what} ` : "";
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | O_NONBLOCK);
  } catch (e) {
    throw Object.assign(new UnsafeFileError(file, `cannot read ${what}(${code(e)})`), { errno: code(e) });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new UnsafeFileError(file, `${what}is not a regular file`);
    if (st.size > max)
      throw new UnsafeFileError(file, `${what}is ${st.size} bytes, over the limit of ${max}`);
    const chunks = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(Math.min(max + 1, Math.max(st.size + 1, 64 * 1024)));
    for (; ; ) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0)
        break;
      total += n;
      if (total > max)
        throw new UnsafeFileError(file, `${what}is over the limit of ${max} bytes`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
function readTextIfExists(file, opts = {}) {
  try {
    return readRegularFile(file, opts).toString("utf8");
  } catch (e) {
    if (e.errno === "ENOENT" || e.errno === "ENOTDIR")
      return void 0;
    throw e;
  }
}
function guardTree(root) {
  guarded.add(resolve(root));
}
function inside(root, p) {
  const rel = relative(root, p);
  if (rel === "" || rel === ".." || rel.startsWith(".." + sep) || isAbsolute(rel))
    return void 0;
  return rel;
}
function checkParents(file, dir) {
  for (const root of guarded) {
    const rel = inside(root, dir) ?? (resolve(dir) === root ? "" : void 0);
    if (rel === void 0)
      continue;
    let cur = root;
    for (const part of rel.split(sep).filter(Boolean)) {
      cur = join(cur, part);
      let st;
      try {
        st = lstatSync(cur);
      } catch {
        break;
      }
      if (st.isSymbolicLink())
        throw new UnsafeFileError(file, `refusing to write through the symbolic link ${cur} inside the scanned tree ${root}`);
      if (!st.isDirectory())
        throw new UnsafeFileError(file, `${cur} is not a folder`);
    }
  }
}
function checkTarget(file, replaceLink = false) {
  let st;
  try {
    st = lstatSync(file);
  } catch (e) {
    if (code(e) === "ENOENT")
      return false;
    throw new UnsafeFileError(file, `cannot write (${code(e)})`);
  }
  if (st.isSymbolicLink()) {
    if (replaceLink)
      return true;
    throw new UnsafeFileError(file, "refusing to write through a symbolic link");
  }
  if (!st.isFile())
    throw new UnsafeFileError(file, "refusing to write: not a regular file");
  return true;
}
function ensureDir(dir, mode = 493) {
  const abs = resolve(dir);
  checkParents(abs, abs);
  try {
    mkdirSync(abs, { recursive: true, mode });
  } catch (e) {
    throw new UnsafeFileError(abs, `cannot create folder (${code(e)})`);
  }
  checkParents(abs, abs);
}
function writeFileSafe(file, data, opts = {}) {
  const abs = resolve(file);
  const dir = dirname(abs);
  if (opts.mkdir !== void 0)
    ensureDir(dir, opts.mkdir);
  checkParents(abs, dir);
  checkTarget(abs, opts.replaceLink);
  const tmp = join(dir, `.${basename(abs)}.${process.pid}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`);
  let fd;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, opts.mode ?? 420);
  } catch (e) {
    throw new UnsafeFileError(abs, `cannot write (${code(e)})`);
  }
  try {
    const bytes2 = typeof data === "string" ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes2.length)
      off += writeSync(fd, bytes2, off, bytes2.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    checkTarget(abs, opts.replaceLink);
    renameSync(tmp, abs);
  } catch (e) {
    if (fd >= 0)
      closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
    }
    if (e instanceof UnsafeFileError)
      throw e;
    throw new UnsafeFileError(abs, `cannot write (${code(e)})`);
  }
}
function appendFileSafe(file, data, opts = {}) {
  const abs = resolve(file);
  const dir = dirname(abs);
  if (opts.mkdir !== void 0)
    ensureDir(dir, opts.mkdir);
  checkParents(abs, dir);
  let fd;
  try {
    fd = openSync(abs, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | O_NOFOLLOW | O_NONBLOCK, opts.mode ?? 420);
  } catch (e) {
    const c = code(e);
    throw new UnsafeFileError(abs, c === "ELOOP" ? "refusing to write through a symbolic link" : `cannot write (${c})`);
  }
  try {
    if (!fstatSync(fd).isFile())
      throw new UnsafeFileError(abs, "refusing to write: not a regular file");
    const bytes2 = typeof data === "string" ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes2.length)
      off += writeSync(fd, bytes2, off, bytes2.length - off);
  } catch (e) {
    if (e instanceof UnsafeFileError)
      throw e;
    throw new UnsafeFileError(abs, `cannot write (${code(e)})`);
  } finally {
    closeSync(fd);
  }
}
var UnsafeFileError, MiB, SETTINGS_MAX_BYTES, O_NOFOLLOW, O_NONBLOCK, guarded;
var init_safe_fs = __esm({
  "dist/src/util/safe-fs.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_lazy_require();
    UnsafeFileError = class extends Error {
      file;
      constructor(file, detail) {
        super(`${file}: ${detail}`);
        this.file = file;
        this.name = "UnsafeFileError";
      }
    };
    MiB = 1024 * 1024;
    SETTINGS_MAX_BYTES = 4 * MiB;
    O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
    O_NONBLOCK = constants.O_NONBLOCK ?? 0;
    guarded = /* @__PURE__ */ new Set();
  }
});

// dist/src/report/common.js
function makeScrub(findings, showSecrets) {
  if (showSecrets)
    return (s) => s;
  const byPrefix = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const f of findings) {
    for (const v of [f.secret, f.secret.replace(/\s+/g, " ").trim(), f.secret.trim()]) {
      if (v.length < MIN_SCRUB_LENGTH || seen.has(v))
        continue;
      seen.add(v);
      const k = v.slice(0, MIN_SCRUB_LENGTH);
      const list = byPrefix.get(k) ?? [];
      list.push([v, f.redacted]);
      byPrefix.set(k, list);
    }
  }
  if (byPrefix.size === 0)
    return (s) => s;
  for (const list of byPrefix.values())
    list.sort((a, b) => b[0].length - a[0].length);
  return (s) => {
    if (s.length < MIN_SCRUB_LENGTH)
      return s;
    let out = "";
    let from = 0;
    for (let i = 0; i + MIN_SCRUB_LENGTH <= s.length; ) {
      const hit = byPrefix.get(s.slice(i, i + MIN_SCRUB_LENGTH))?.find(([v]) => s.startsWith(v, i));
      if (!hit) {
        i++;
        continue;
      }
      out += s.slice(from, i) + hit[1];
      i += hit[0].length;
      from = i;
    }
    return from === 0 ? s : out + s.slice(from);
  };
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byLocation(a, b) {
  return cmp(a.repository ?? "", b.repository ?? "") || cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint);
}
function bySeverity(a, b) {
  return severityRank(b.severity) - severityRank(a.severity) || byLocation(a, b);
}
function sortedByLocation(findings) {
  return [...findings].sort(byLocation);
}
function countBySeverity(findings) {
  const c = { error: 0, warning: 0, note: 0 };
  for (const f of findings)
    c[f.severity]++;
  return c;
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function formatBytes(n) {
  if (!Number.isFinite(n) || n < 1024)
    return `${Math.max(0, Math.round(n || 0))} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
function formatDuration(ms) {
  if (!Number.isFinite(ms) || ms < 0)
    return "0 ms";
  if (ms < 1e3)
    return `${Math.round(ms)} ms`;
  if (ms < 6e4)
    return `${(ms / 1e3).toFixed(ms < 1e4 ? 2 : 1)} s`;
  const m13 = Math.floor(ms / 6e4);
  return `${m13} min ${Math.round(ms % 6e4 / 1e3)} s`;
}
function shortSha(sha) {
  return sha.slice(0, 8);
}
function breakdown(counts, labels) {
  let total = 0;
  const parts = [];
  for (const [k, v] of Object.entries(counts)) {
    if (!v)
      continue;
    total += v;
    parts.push(`${v} ${labels[k] ?? k}`);
  }
  return { total, text: parts.join(", ") };
}
function commitSentence(c, scrub2) {
  let s = `introduced in commit ${shortSha(c.sha)}`;
  if (c.author)
    s += ` by ${scrub2(c.author)}`;
  if (c.date)
    s += ` on ${c.date.slice(0, 10)}`;
  if (c.removedIn)
    s += `; removed in ${shortSha(c.removedIn)}${c.removedDate ? ` on ${c.removedDate.slice(0, 10)}` : ""}`;
  else if (c.presentAtHead)
    s += "; still present at HEAD";
  if (c.exposureDays !== void 0)
    s += `; exposed for ${plural(c.exposureDays, "day")}`;
  return s;
}
function indexByFingerprint(findings) {
  const m13 = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list = m13.get(f.fingerprint);
    if (list)
      list.push(f);
    else
      m13.set(f.fingerprint, [f]);
  }
  return m13;
}
function linkedParts(f, index) {
  return (f.related ?? []).map((fp) => {
    const cands = (index.get(fp) ?? []).filter((o) => o !== f);
    const finding = cands.find((o) => o.file === f.file) ?? cands[0];
    return finding ? { fingerprint: fp, finding } : { fingerprint: fp };
  });
}
function suppressionOf(f) {
  return f.suppressed !== void 0 && Object.hasOwn(SUPPRESSED_LABELS, f.suppressed) ? f.suppressed : void 0;
}
function sentence(s) {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
var MIN_SCRUB_LENGTH, SKIPPED_LABELS, SUPPRESSED_LABELS;
var init_common = __esm({
  "dist/src/report/common.js"() {
    "use strict";
    init_finding();
    MIN_SCRUB_LENGTH = 6;
    SKIPPED_LABELS = { binary: "binary", tooLarge: "too large", unreadable: "unreadable", ignored: "ignored", lockfile: "lockfiles and checksum lists" };
    SUPPRESSED_LABELS = { inline: "inline", ignoreFile: "ignore file", baseline: "baseline", allow: "allow-list" };
  }
});

// builtin:node:crypto
var m5, checkPrimeSync, createHash, createHmac, createPrivateKey, randomBytes, randomUUID, sign, timingSafeEqual;
var init_node_crypto = __esm({
  "builtin:node:crypto"() {
    m5 = __require("node:crypto");
    ({ checkPrimeSync, createHash, createHmac, createPrivateKey, randomBytes, randomUUID, sign, timingSafeEqual } = m5);
  }
});

// dist/src/report/messages.js
function findingMessage(f) {
  if (f.messageId) {
    const d = f.messageData ?? {};
    return `${MESSAGES[f.messageId](d)}${d.in ? ` (in ${d.in})` : ""}`;
  }
  return f.message ?? f.title;
}
var MESSAGES;
var init_messages = __esm({
  "dist/src/report/messages.js"() {
    "use strict";
    MESSAGES = {
      secret: (d) => `${d.title}${d.key ? ` assigned to ${d.key}` : ""}${d.checked ? " (offline check passed)" : ""}`,
      "known-public": (d) => `${d.title}: known public test key (${d.knownPublic}); not a leak, but never use it for real funds or accounts`,
      "key-path": (d) => `Secret for ${d.provider} under key path ${d.keyPath}`
    };
  }
});

// dist/src/report/text.js
var text_exports = {};
__export(text_exports, {
  renderText: () => renderText,
  terminalSafe: () => terminalSafe,
  verificationText: () => verificationText
});
function terminalSafe(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === "\n")
      return "\\n";
    if (c === "\r")
      return "\\r";
    if (c === "	")
      return "\\t";
    const code3 = c.charCodeAt(0);
    return code3 <= 255 ? `\\x${code3.toString(16).padStart(2, "0")}` : `\\u${code3.toString(16).padStart(4, "0")}`;
  });
}
function renderText(input, opts) {
  const paint = (style, s) => opts.color ? `${(Array.isArray(style) ? style : [style]).map((k) => ANSI[k]).join("")}${s}${ANSI.reset}` : s;
  const scrub2 = makeScrub(input.findings, input.showSecrets);
  const safe = (s) => terminalSafe(scrub2(s));
  const out = [];
  const index = indexByFingerprint(input.findings);
  const listed = opts.showNotes ? input.findings : input.findings.filter((f) => f.severity !== "note");
  for (const f of sortedByLocation(listed)) {
    out.push(...block(f, input, index, paint, safe), "");
  }
  out.push(...summary(input, paint, safe));
  const folded = input.findings.length - listed.length;
  if (folded > 0)
    out.push(paint("dim", `${plural(folded, "note")} not listed (known public test keys and other notes): --show-notes lists them.`));
  if (opts.hiddenBelow)
    out.push(paint("dim", `${plural(opts.hiddenBelow.count, "finding")} below --min-level ${opts.hiddenBelow.level} not shown.`));
  return out.join("\n") + "\n";
}
function named(paths, safe) {
  const shown = paths.slice(0, 10).map(safe).join(", ");
  return paths.length > 10 ? `${shown} \u2026 and ${paths.length - 10} more (--format json lists all)` : shown;
}
function block(f, input, index, paint, safe) {
  const where2 = `${f.repository ? `${safe(f.repository)}: ` : ""}${safe(f.file)}:${f.line}:${f.column}`;
  const lines2 = [];
  const sup = suppressionOf(f);
  const supMark = sup ? `  ${paint("gray", `[suppressed: ${SUPPRESSED_LABELS[sup]}]`)}` : "";
  if (f.knownPublic) {
    lines2.push(`${paint(["gray", "bold"], "NOTE")}  ${paint("gray", "known public test key")}  ${paint("gray", safe(f.ruleId))}  ${paint("bold", where2)}${supMark}`);
  } else {
    lines2.push(`${paint([COLOR[f.severity], "bold"], LABEL[f.severity])}  ${paint("bold", safe(f.ruleId))}  ${paint("bold", where2)}${supMark}`);
  }
  const row = (label2, value) => lines2.push(`  ${paint("dim", (label2 + ":").padEnd(13))} ${value}`);
  lines2.push(`  ${safe(findingMessage(f))}`);
  const secret = input.showSecrets ? paint("bold", terminalSafe(f.secret)) : `${terminalSafe(f.redacted)} ${paint("dim", "(redacted)")}`;
  const mark = f.validated ? `  ${paint("green", "\u2714 checksum ok")}` : "";
  row("secret", secret + mark);
  if (f.knownPublic)
    row("known public", paint("gray", safe(f.knownPublic)));
  if (f.verification)
    row("verified", verificationText(f.verification, paint, safe));
  for (const x of f.funds ?? []) {
    const txs = plural(x.txCount, "transaction");
    row("funds", `${hasBalance(x.balance) ? paint(["red", "bold"], `${safe(x.balance)} ${safe(x.unit)}`) : `${safe(x.balance)} ${safe(x.unit)}`} on ${safe(x.chain)} at ${safe(x.address)} (${txs})`);
  }
  if (f.address)
    row("address", safe(f.address));
  if (f.keyType)
    row("key type", safe(f.keyType));
  if (f.key)
    row("key", safe(f.key));
  for (const part of linkedParts(f, index)) {
    const o = part.finding;
    row("linked", o ? `${safe(o.pair?.part ?? o.ruleId)} (${safe(o.ruleId)}) at ${safe(o.file)}:${o.line}:${o.column}` : `fingerprint ${part.fingerprint}`);
  }
  if (f.commit) {
    const c = f.commit;
    row("commit", `${safe(c.sha)}${c.subject ? ` "${safe(c.subject)}"` : ""}`);
    const intro = [c.date ? safe(c.date.slice(0, 10)) : "", c.author ? `by ${safe(c.author)}` : ""].filter(Boolean).join(" ");
    if (intro)
      row("introduced", intro);
    if (c.removedIn)
      row("removed", `${safe(c.removedIn)}${c.removedDate ? ` on ${safe(c.removedDate.slice(0, 10))}` : ""}`);
    else if (c.presentAtHead)
      row("removed", "no, still present at HEAD");
    if (c.exposureDays !== void 0)
      row("exposure", plural(c.exposureDays, "day"));
    if (c.paths && c.paths.length > 1)
      row("paths", c.paths.map(safe).join(" \u2192 "));
  }
  if (f.decoded)
    row("decoded", `found inside a decoded value: ${safe(f.decoded)}`);
  row("fingerprint", paint("dim", f.fingerprint));
  return lines2;
}
function verificationText(v, paint, safe) {
  const where2 = paint("dim", `(${safe(v.issuer)}, ${safe(v.host)})`);
  const detail = v.detail ? `: ${safe(v.detail)}` : "";
  if (v.status === "invalid")
    return `${paint("green", "revoked or invalid")}${detail} ${where2}`;
  if (v.status !== "live")
    return `${paint("yellow", "not checked")}${detail || (v.status === "error" ? ": error" : "")} ${where2}`;
  const rights = [];
  if (v.canWithdraw)
    rights.push(paint(["red", "bold"], "can withdraw"));
  else if (v.canWithdraw === false)
    rights.push("cannot withdraw");
  if (v.canTransfer && !v.canWithdraw)
    rights.push(paint(["red", "bold"], "can transfer"));
  if (v.canTrade)
    rights.push("can trade");
  else if (v.canTrade === false)
    rights.push("cannot trade");
  if (v.ipRestricted)
    rights.push("IP-restricted");
  else if (v.ipRestricted === false)
    rights.push("no IP restriction");
  if (v.expiresAt)
    rights.push(`expires ${safe(v.expiresAt)}`);
  if (v.permissions?.length)
    rights.push(`permissions ${v.permissions.map(safe).join(", ")}`);
  const said = [...rights, ...v.detail ? [safe(v.detail)] : []].join("; ");
  return `${paint(["red", "bold"], "live")}${said ? ` \u2014 ${said}` : ""} ${where2}`;
}
function verificationSummary(findings) {
  const seen = /* @__PURE__ */ new Set();
  const n = { live: 0, risk: 0, invalid: 0, other: 0, wallets: 0 };
  for (const f of findings) {
    if (seen.has(f.fingerprint))
      continue;
    seen.add(f.fingerprint);
    if (fundsAtRisk(f))
      n.risk++;
    if (f.funds?.some((x) => hasBalance(x.balance)))
      n.wallets++;
    const st = f.verification?.status;
    if (st === "live")
      n.live++;
    else if (st === "invalid")
      n.invalid++;
    else if (st)
      n.other++;
  }
  if (n.live + n.invalid + n.other + n.wallets === 0 && !findings.some((f) => f.funds))
    return void 0;
  return `Verified: ${n.live} live, ${n.invalid} revoked or invalid, ${n.other} not checked; ${plural(n.wallets, "wallet")} holding funds; ${n.risk} at risk (withdraw/transfer rights or funds).`;
}
function summary(input, paint, safe) {
  const s = input.stats;
  const n = countBySeverity(input.findings);
  const known2 = input.findings.filter((f) => f.knownPublic).length;
  const scanned = `${plural(s.files, "file")} (${formatBytes(s.bytes)}) scanned in ${formatDuration(s.durationMs)}${s.commits !== void 0 ? `, ${plural(s.commits, "commit")}` : ""}${s.blobs !== void 0 ? `, ${plural(s.blobs, "blob")}` : ""}`;
  const sk = breakdown(s.skipped, SKIPPED_LABELS);
  const su = breakdown(s.suppressed, SUPPRESSED_LABELS);
  const counts = `skipped ${sk.total}${sk.text ? ` (${sk.text})` : ""}, suppressed ${su.total}${su.text ? ` (${su.text})` : ""}`;
  const lines2 = [];
  if (input.findings.length === 0) {
    lines2.push(`${paint(["green", "bold"], "No secrets found.")} ${scanned}; ${counts}.`);
  } else {
    const sev = [
      paint(n.error ? ["red", "bold"] : "dim", plural(n.error, "error")),
      paint(n.warning ? ["yellow", "bold"] : "dim", plural(n.warning, "warning")),
      paint(n.note ? "cyan" : "dim", `${plural(n.note, "note")}${known2 ? ` (${known2} known public)` : ""}`)
    ].join(", ");
    lines2.push(`${paint("bold", `Found ${plural(input.findings.length, "secret")}:`)} ${sev}. ${scanned}; ${counts}.`);
  }
  if (input.repositories)
    lines2.push(...repositoryLines(input, paint, safe));
  const verified = verificationSummary(input.findings);
  if (verified)
    lines2.push(paint("bold", verified));
  const ignored = s.ignoredPaths ?? [];
  if (ignored.length > 0)
    lines2.push(`${paint("dim", "ignored, not scanned:")} ${named(ignored, safe)}`);
  const scannedAnyway = s.ignoredScanned ?? [];
  if (scannedAnyway.length > 0)
    lines2.push(`${paint("dim", "git-ignored but scanned (named like secrets):")} ${named(scannedAnyway, safe)}`);
  return lines2;
}
function repositoryLines(input, paint, safe) {
  const repos = input.repositories ?? [];
  const count2 = (st) => repos.filter((r) => r.status === st).length;
  const failed2 = count2("failed");
  const lines2 = [
    `Repositories: ${count2("scanned")} scanned, ${paint(failed2 ? ["red", "bold"] : "dim", `${failed2} failed`)}, ${count2("skipped")} skipped.`
  ];
  for (const r of repos)
    if (r.status === "failed")
      lines2.push(`${paint("red", "failed:")} ${safe(r.full_name)}: ${safe(r.error ?? "unknown error")}`);
  return lines2;
}
var ANSI, LABEL, COLOR;
var init_text = __esm({
  "dist/src/report/text.js"() {
    "use strict";
    init_finding();
    init_common();
    init_messages();
    ANSI = {
      reset: "\x1B[0m",
      bold: "\x1B[1m",
      dim: "\x1B[2m",
      red: "\x1B[31m",
      green: "\x1B[32m",
      yellow: "\x1B[33m",
      cyan: "\x1B[36m",
      gray: "\x1B[90m"
    };
    LABEL = { error: "ERROR", warning: "WARNING", note: "NOTE" };
    COLOR = { error: "red", warning: "yellow", note: "cyan" };
  }
});

// dist/src/report/html-page.js
var html_page_exports = {};
__export(html_page_exports, {
  STYLE: () => STYLE,
  esc: () => esc,
  htmlPage: () => htmlPage,
  safeHttpsUrl: () => safeHttpsUrl,
  webUrlOfRemote: () => webUrlOfRemote
});
function esc(s) {
  if (s === void 0 || s === null)
    return "";
  return terminalSafe(String(s)).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
function safeHttpsUrl(u) {
  if (!u)
    return void 0;
  try {
    const url2 = new URL(u);
    if (url2.protocol !== "https:" || url2.username || url2.password)
      return void 0;
    return url2.href.replace(/\/+$/, "");
  } catch {
    return void 0;
  }
}
function webUrlOfRemote(remote) {
  const r = remote?.trim();
  if (!r)
    return void 0;
  const scp = /^[\w.-]+@([\w.-]+):([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(r);
  const href = scp ? `https://${scp[1]}/${scp[2]}` : /^https:\/\//.test(r) ? r.replace(/\.git\/?$/, "") : void 0;
  return safeHttpsUrl(href);
}
function htmlPage(p) {
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(STYLE)}`,
    `script-src ${p.script ? sha256(p.script) : "'none'"}`,
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(p.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    p.body,
    p.script ? `<script>${p.script}</script>` : "",
    "</body>",
    "</html>",
    ""
  ].join("\n");
}
var ENTITIES, sha256, STYLE;
var init_html_page = __esm({
  "dist/src/report/html-page.js"() {
    "use strict";
    init_node_crypto();
    init_text();
    ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    sha256 = (s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;
    STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--fg:#1c2128;--muted:#5b6572;--line:#d8dee4;--error:#c62828;--warning:#b26a00;--note:#1769aa;
--ok:#2e7d32;--chip:#eef1f4;--bar:#c62828;--bar2:#e0a030;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
@media (prefers-color-scheme:dark){:root{--bg:#0f1216;--card:#171b21;--fg:#e6e9ed;--muted:#97a1ad;--line:#2b323b;--error:#ef5350;
--warning:#ffb74d;--note:#64b5f6;--ok:#81c784;--chip:#222831;--bar:#ef5350;--bar2:#ffb74d}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1180px;margin:0 auto;padding:20px 20px 60px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}h3{font-size:15px;margin:0}
.sub{color:var(--muted);margin:0 0 14px}.muted{color:var(--muted)}
code,.mono{font-family:var(--mono);font-size:12.5px;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;margin:14px 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card .n{font-size:24px;font-weight:700}.card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.error .n{color:var(--error)}.card.warning .n{color:var(--warning)}.card.note .n{color:var(--note)}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{display:inline-block;min-width:64px;text-align:center;border-radius:10px;padding:1px 8px;font-size:11.5px;font-weight:700;
text-transform:uppercase;color:#fff}
.sev.error{background:var(--error)}.sev.warning{background:var(--warning)}.sev.note{background:var(--note)}
.chip{display:inline-block;background:var(--chip);border-radius:10px;padding:1px 8px;font-size:12px;margin:0 4px 2px 0}
.chip.ok{color:var(--ok)}.chip.bad{color:var(--error);font-weight:700}.chip.warn{color:var(--warning)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:10px 14px;position:sticky;top:0;z-index:2}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
.filters select,.filters input{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.filters input{min-width:220px}.filters .count{margin-left:auto;color:var(--muted)}
.provider{margin:18px 0}.provider>h3{font-size:16px;margin:0 0 8px}
.file{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:8px 0;overflow:hidden}
.file>h4{margin:0;padding:8px 12px;font:600 13px var(--mono);background:var(--chip);overflow-wrap:anywhere}
.finding{padding:10px 12px;border-top:1px solid var(--line)}.finding:first-of-type{border-top:0}
.finding .head{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.finding dl{display:grid;grid-template-columns:130px 1fr;gap:2px 12px;margin:8px 0 0}
.finding dt{color:var(--muted)}.finding dd{margin:0;overflow-wrap:anywhere}
details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
.warnbox{border-left:4px solid var(--warning);background:var(--card);padding:8px 12px;margin:8px 0}
.timeline svg{width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:8px}
.timeline text{font:11px var(--mono);fill:var(--fg)}.timeline .axis{fill:var(--muted)}
.timeline .gridline{stroke:var(--line)}.timeline .bar{fill:var(--bar)}.timeline .bar.removed{fill:var(--bar2)}
.timeline .mark{fill:var(--ok)}
section.cred{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0}
section.cred h3{font-size:16px;margin-bottom:8px}
ul.check{list-style:none;padding-left:4px}ul.check li{margin:6px 0}ul.check li::before{content:"\\2610\\00a0\\00a0"}
ul.check li.done::before{content:"\\2611\\00a0\\00a0";color:var(--ok)}
pre{background:var(--chip);padding:8px 10px;border-radius:6px;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
footer{margin-top:30px;color:var(--muted);font-size:12px}
a{color:var(--note)}[hidden]{display:none!important}
`;
  }
});

// dist/src/report/json.js
function jsonCommit(c, scrub2) {
  const o = { sha: c.sha };
  if (c.author !== void 0)
    o.author = scrub2(c.author);
  if (c.email !== void 0)
    o.email = scrub2(c.email);
  if (c.date !== void 0)
    o.date = c.date;
  if (c.subject !== void 0)
    o.subject = scrub2(c.subject);
  if (c.removedIn !== void 0)
    o.removedIn = c.removedIn;
  if (c.removedDate !== void 0)
    o.removedDate = c.removedDate;
  if (c.exposureDays !== void 0)
    o.exposureDays = c.exposureDays;
  if (c.presentAtHead !== void 0)
    o.presentAtHead = c.presentAtHead;
  if (c.paths !== void 0)
    o.paths = c.paths.map(scrub2);
  return o;
}
function jsonVerification(v, scrub2) {
  const o = { status: v.status, checkedAt: v.checkedAt, issuer: v.issuer, host: v.host };
  if (v.permissions !== void 0)
    o.permissions = v.permissions.map(scrub2);
  if (v.canWithdraw !== void 0)
    o.canWithdraw = v.canWithdraw;
  if (v.canTrade !== void 0)
    o.canTrade = v.canTrade;
  if (v.canTransfer !== void 0)
    o.canTransfer = v.canTransfer;
  if (v.ipRestricted !== void 0)
    o.ipRestricted = v.ipRestricted;
  if (v.expiresAt !== void 0)
    o.expiresAt = scrub2(v.expiresAt);
  if (v.detail !== void 0)
    o.detail = scrub2(v.detail);
  return o;
}
function jsonFinding(f, scrub2, showSecrets) {
  const o = {
    ...f.repository !== void 0 ? { repository: f.repository } : {},
    ruleId: f.ruleId,
    title: scrub2(f.title),
    provider: f.provider,
    severity: f.severity,
    file: scrub2(f.file),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    fingerprint: f.fingerprint,
    redacted: f.redacted,
    validated: f.validated,
    message: scrub2(findingMessage(f)),
    tags: [...f.tags],
    grants: f.grants
  };
  if (f.address !== void 0)
    o.address = f.address;
  if (f.keyType !== void 0)
    o.keyType = f.keyType;
  if (f.key !== void 0)
    o.key = scrub2(f.key);
  if (f.knownPublic !== void 0)
    o.knownPublic = scrub2(f.knownPublic);
  if (f.related !== void 0)
    o.related = [...f.related];
  if (f.commit !== void 0)
    o.commit = jsonCommit(f.commit, scrub2);
  if (f.decoded !== void 0)
    o.decoded = scrub2(f.decoded);
  const sup = suppressionOf(f);
  if (sup)
    o.suppressed = sup;
  if (f.verification !== void 0)
    o.verification = jsonVerification(f.verification, scrub2);
  if (f.funds !== void 0)
    o.funds = f.funds.map((x) => ({ chain: x.chain, address: x.address, balance: x.balance, unit: x.unit, txCount: x.txCount }));
  if (showSecrets)
    o.secret = f.secret;
  return o;
}
function jsonStats(s, scrub2) {
  const o = {
    files: s.files,
    bytes: s.bytes,
    durationMs: s.durationMs,
    skipped: { binary: s.skipped.binary, tooLarge: s.skipped.tooLarge, unreadable: s.skipped.unreadable, ignored: s.skipped.ignored, lockfile: s.skipped.lockfile ?? 0 },
    ignoredPaths: (s.ignoredPaths ?? []).map(scrub2),
    ignoredScanned: (s.ignoredScanned ?? []).map(scrub2),
    findings: { error: s.findings.error, warning: s.findings.warning, note: s.findings.note },
    suppressed: {
      inline: s.suppressed.inline,
      ignoreFile: s.suppressed.ignoreFile,
      baseline: s.suppressed.baseline,
      allow: s.suppressed.allow
    },
    warnings: s.warnings.map(scrub2)
  };
  if (s.commits !== void 0)
    o.commits = s.commits;
  if (s.blobs !== void 0)
    o.blobs = s.blobs;
  return o;
}
function toJsonReport(input) {
  const scrub2 = makeScrub(input.findings, input.showSecrets);
  return {
    version: JSON_REPORT_VERSION,
    ...input.repositories ? { repositories: input.repositories.map((r) => repositoryStatus(r, scrub2)) } : {},
    ...input.scan ? { scan: { tool: "keyhound", version: input.tool.version, ...input.scan, refs: input.scan.refs?.map(scrub2) } } : {},
    findings: sortedByLocation(input.findings).map((f) => jsonFinding(f, scrub2, input.showSecrets)),
    stats: jsonStats(input.stats, scrub2)
  };
}
function renderJson(input) {
  return JSON.stringify(toJsonReport(input), null, 2) + "\n";
}
function repositoryStatus(r, scrub2) {
  const o = { full_name: r.full_name, status: r.status };
  if (r.error !== void 0)
    o.error = scrub2(r.error);
  if (r.reason !== void 0)
    o.reason = r.reason;
  return o;
}
function grantsOf(j) {
  if (j.grants && GRANTS.includes(j.grants))
    return j.grants;
  const tags = j.tags ?? [];
  if (tags.some((t) => OLD_WALLET_TAGS.includes(t)))
    return "wallet";
  if (tags.includes("exchange"))
    return "exchange-account";
  return tags.includes("custody") ? "custody" : "service";
}
function findingFromJson(j) {
  const f = {
    ruleId: j.ruleId,
    title: j.title,
    provider: j.provider,
    severity: j.severity,
    file: j.file,
    line: j.line,
    column: j.column,
    endLine: j.endLine,
    endColumn: j.endColumn,
    secret: j.secret ?? "",
    redacted: j.redacted,
    fingerprint: j.fingerprint,
    validated: j.validated,
    message: j.message,
    tags: [...j.tags ?? []],
    grants: grantsOf(j)
  };
  if (j.repository !== void 0)
    f.repository = j.repository;
  if (j.address !== void 0)
    f.address = j.address;
  if (j.key !== void 0)
    f.key = j.key;
  if (j.knownPublic !== void 0)
    f.knownPublic = j.knownPublic;
  if (j.related !== void 0)
    f.related = [...j.related];
  if (j.commit !== void 0)
    f.commit = { ...j.commit, ...j.commit.paths ? { paths: [...j.commit.paths] } : {} };
  if (j.decoded !== void 0)
    f.decoded = j.decoded;
  if (j.suppressed !== void 0)
    f.suppressed = j.suppressed;
  return f;
}
var JSON_REPORT_VERSION, OLD_WALLET_TAGS;
var init_json = __esm({
  "dist/src/report/json.js"() {
    "use strict";
    init_finding();
    init_common();
    init_messages();
    JSON_REPORT_VERSION = 1;
    OLD_WALLET_TAGS = ["wallet", "private-key", "mnemonic", "seed-phrase", "keystore"];
  }
});

// dist/src/report/sarif.js
function ruleName(id) {
  const name2 = id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join("");
  return name2 || "Secret";
}
function securitySeverity(rule, level2) {
  if (level2 === "note")
    return "2.0";
  if (level2 === "warning")
    return "5.5";
  return rule.validate && grantsFunds(rule.grants) ? "9.5" : "8.5";
}
function precisionOf(rule) {
  return rule.precision ?? (rule.validate ? "high" : "medium");
}
function genericRemediation(rule) {
  const purge = "Purge the value from git history (git filter-repo or BFG), force-push and ask collaborators to re-clone. Forks, caches and CI logs may still hold it, so this never replaces rotation.";
  if (rule.grants === "wallet") {
    return [
      "Treat the wallet as compromised: move all funds, tokens and NFTs now to a new wallet created from a fresh key or seed phrase (bots sweep leaked keys within minutes), and revoke token approvals granted by the old address.",
      "Stop using the old key or seed anywhere; load the new one from a secret manager, CI secret, environment variable or hardware signer, never from the repository.",
      purge,
      "Check the address history (block explorer) for transfers since the exposure began."
    ];
  }
  const steps = [
    `Treat the credential as compromised: revoke or delete it at the issuer (${rule.provider}) now. Removing it from the code does not undo the exposure.`,
    rule.grants === "exchange-account" ? "Create a replacement with the least privileges needed (no withdrawal permission, IP allow-list) and keep it in a secret manager, CI secret or environment variable, never in the repository." : "Create a replacement (rotate) with the least privileges needed and keep it in a secret manager, CI secret or environment variable, never in the repository."
  ];
  if (rule.grants === "exchange-account") {
    steps.push("Review the account for trades, withdrawals and new API keys since the exposure began; if withdrawals were possible, move the remaining funds.");
  } else {
    steps.push("Review the issuer's access logs for use since the exposure began.");
  }
  steps.push(purge);
  return steps;
}
function helpFor(rule, knownPublic) {
  const steps = knownPublic ? [
    "This value is published (a development-chain account, documentation sample or test vector), so it grants nothing secret, but anyone can sign with it.",
    "Never send real funds to its address or use it on a public network; load real keys from the environment or a secret manager instead.",
    "If it is intentional test data, suppress it inline or in the ignore file to silence the note."
  ] : rule.remediation ? [rule.remediation.trim()] : genericRemediation(rule);
  const about = rule.description?.trim() || `${rule.title} (${rule.provider}).`;
  const text = `${sentence(about)}

Remediation:
${steps.map((s, i) => `${i + 1}. ${s}`).join("\n")}`;
  const markdown = [
    `## ${mdEscape(rule.title)}`,
    "",
    mdEscape(sentence(about)),
    "",
    `Provider: \`${rule.provider}\` \xB7 precision: ${precisionOf(rule)} \xB7 default level: ${knownPublic ? "note" : rule.severity}`,
    "",
    "### Remediation",
    "",
    ...steps.map((s, i) => `${i + 1}. ${mdEscape(s)}`),
    ""
  ].join("\n");
  return { text, markdown };
}
function mdEscape(s) {
  return s.replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c]);
}
function descriptor(rule, knownPublic, atRisk = false) {
  const level2 = knownPublic ? "note" : atRisk ? "error" : rule.severity;
  const tags = [.../* @__PURE__ */ new Set(["security", "secret", ...rule.tags, ...knownPublic ? ["known-public"] : [], ...atRisk ? ["funds-at-risk"] : [], CWE_HARDCODED_CREDENTIALS])];
  const title = knownPublic ? `${rule.title}: known public test key` : atRisk ? `${rule.title}: live with withdraw or transfer rights, or holding funds` : rule.title;
  const full = knownPublic ? `A published test value (development chain account, documentation sample or test vector) matched the rule ${rule.id}; not a leak, but never usable for real funds.` : rule.description?.trim() || `${rule.title} (${rule.provider}) found in the source or its history.`;
  const full2 = atRisk ? `${sentence(full)} Verification found it live with withdraw or transfer rights, or a wallet holding funds: move the funds and revoke it now.` : full;
  return {
    id: knownPublic ? rule.id + KNOWN_PUBLIC_SUFFIX : atRisk ? rule.id + FUNDS_AT_RISK_SUFFIX : rule.id,
    name: ruleName(rule.id) + (knownPublic ? "KnownPublic" : atRisk ? "FundsAtRisk" : ""),
    shortDescription: { text: sentence(title) },
    fullDescription: { text: sentence(full2) },
    help: helpFor(rule, knownPublic),
    defaultConfiguration: { level: level2 },
    properties: {
      tags,
      precision: knownPublic ? "very-high" : precisionOf(rule),
      "security-severity": atRisk ? FUNDS_AT_RISK_SEVERITY : securitySeverity(rule, level2),
      provider: rule.provider
    }
  };
}
function ruleFromFinding(f) {
  return {
    id: f.ruleId,
    title: f.title,
    provider: f.provider,
    severity: f.knownPublic ? "error" : f.severity,
    keywords: [],
    pattern: "",
    tags: f.tags,
    grants: f.grants,
    examples: { match: [], nomatch: [] }
  };
}
function artifactLocation(file) {
  let p = file.replace(/^(\.\/)+/, "");
  if (isAbsolute(p))
    return { uri: pathToFileURL(p).href };
  if (p === "")
    p = ".";
  return { uri: p.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}
function region(f) {
  const pos = (n) => Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
  const startLine = pos(f.line);
  const startColumn = pos(f.column);
  let endLine = Number.isFinite(f.endLine) && f.endLine >= startLine ? Math.floor(f.endLine) : startLine;
  let endColumn = pos(f.endColumn);
  if (endLine === startLine && endColumn <= startColumn)
    endColumn = startColumn + 1;
  return { startLine, startColumn, endLine, endColumn };
}
function primaryLocationLineHash(f, occurrence = 1) {
  const h = createHash("sha256").update(`keyhound:primaryLocationLineHash:v1\0${f.ruleId}\0${f.fingerprint}\0${f.commit?.sha ?? ""}`).digest("hex").slice(0, 16);
  return `${h}:${occurrence}`;
}
function verificationSentence(f, scrub2) {
  const v = f.verification;
  const held = (f.funds ?? []).filter((x) => hasBalance(x.balance));
  const parts = [];
  if (v?.status === "live") {
    const rights = [v.canWithdraw && "withdraw", v.canTransfer && !v.canWithdraw && "transfer", v.canTrade && "trade"].filter(Boolean);
    parts.push(`VERIFIED LIVE by ${v.issuer} (${v.host})${rights.length ? `, with ${rights.join(" and ")} rights` : ""}${v.ipRestricted ? ", IP-restricted" : ""}`);
  } else if (v?.status === "invalid")
    parts.push(`Verified revoked or invalid by ${v.issuer}`);
  else if (v)
    parts.push(`Not checked (${v.status}${v.detail ? `: ${scrub2(v.detail)}` : ""})`);
  if (held.length)
    parts.push(`WALLET HOLDS FUNDS: ${held.map((x) => `${x.balance} ${x.unit} on ${x.chain} at ${x.address}`).join(", ")}`);
  else if (f.funds?.length)
    parts.push(`Wallet checked: no funds (${f.funds.map((x) => `${x.txCount} transactions on ${x.chain}`).join(", ")})`);
  return parts.length ? parts.map(sentence).join(" ") : void 0;
}
function resultMessage(f, index, scrub2, showSecrets) {
  const message2 = findingMessage(f);
  const verified = verificationSentence(f, scrub2);
  const parts = [...verified && fundsAtRisk(f) ? [verified] : [], sentence(scrub2(message2))];
  parts.push(sentence(showSecrets ? `Secret: ${f.secret}` : `Redacted value: ${f.redacted}`));
  if (f.address)
    parts.push(sentence(`Derived address: ${f.address}`));
  if (f.keyType)
    parts.push(sentence(`Key type: ${f.keyType}`));
  if (f.key && !message2.includes(f.key))
    parts.push(sentence(`Assigned to ${scrub2(f.key)}`));
  if (f.related?.length) {
    const linked = linkedParts(f, index);
    const names = [...new Set(linked.flatMap((p) => p.finding ? [p.finding.pair?.part ?? p.finding.ruleId] : []))];
    parts.push(sentence(`Linked to ${names.length ? names.join(", ") : plural(f.related.length, "other part")} of the same credential nearby`));
  }
  if (f.commit)
    parts.push(sentence(commitSentence(f.commit, scrub2).replace(/^i/, "I")));
  if (f.decoded)
    parts.push(sentence(`Found inside a decoded value (${scrub2(f.decoded)})`));
  if (verified && !fundsAtRisk(f))
    parts.push(verified);
  return parts.join(" ");
}
function resultProperties(f, scrub2) {
  const p = {
    ...f.repository ? { repository: f.repository } : {},
    fingerprint: f.fingerprint,
    validated: f.validated,
    provider: f.provider,
    redacted: f.redacted
  };
  if (f.address)
    p["address"] = f.address;
  if (f.keyType)
    p["keyType"] = f.keyType;
  if (f.key)
    p["key"] = scrub2(f.key);
  if (f.knownPublic)
    p["knownPublic"] = scrub2(f.knownPublic);
  if (f.related?.length)
    p["related"] = [...f.related];
  if (f.decoded)
    p["decoded"] = scrub2(f.decoded);
  if (f.commit) {
    const c = f.commit;
    const commit = { sha: c.sha };
    if (c.author !== void 0)
      commit["author"] = scrub2(c.author);
    if (c.date !== void 0)
      commit["date"] = c.date;
    if (c.removedIn !== void 0)
      commit["removedIn"] = c.removedIn;
    if (c.removedDate !== void 0)
      commit["removedDate"] = c.removedDate;
    if (c.exposureDays !== void 0)
      commit["exposureDays"] = c.exposureDays;
    if (c.presentAtHead !== void 0)
      commit["presentAtHead"] = c.presentAtHead;
    if (c.paths !== void 0)
      commit["paths"] = c.paths.map(scrub2);
    p["commit"] = commit;
  }
  if (f.verification)
    p["verification"] = jsonVerification(f.verification, scrub2);
  if (f.funds)
    p["funds"] = f.funds.map((x) => ({ ...x }));
  if (fundsAtRisk(f))
    p["security-severity"] = FUNDS_AT_RISK_SEVERITY;
  return p;
}
function toSarif(input) {
  const scrub2 = makeScrub(input.findings, input.showSecrets);
  const notifications = input.stats.warnings.map((w) => ({
    level: "warning",
    message: { text: sentence(scrub2(w)) }
  }));
  let findings = input.findings;
  if (findings.length > MAX_SARIF_RESULTS) {
    findings = [...findings].sort(bySeverity).slice(0, MAX_SARIF_RESULTS);
    notifications.push({
      level: "warning",
      message: {
        text: `${input.findings.length - MAX_SARIF_RESULTS} of ${input.findings.length} findings were left out of this SARIF file (GitHub accepts ${MAX_SARIF_RESULTS} results per run); use the json format for all of them.`
      }
    });
  }
  findings = sortedByLocation(findings);
  const rules = [];
  const index = /* @__PURE__ */ new Map();
  const specs = /* @__PURE__ */ new Map();
  const add = (spec, knownPublic, atRisk = false) => {
    const id = knownPublic ? spec.id + KNOWN_PUBLIC_SUFFIX : atRisk ? spec.id + FUNDS_AT_RISK_SUFFIX : spec.id;
    let i = index.get(id);
    if (i === void 0) {
      i = rules.push(descriptor(spec, knownPublic, atRisk)) - 1;
      index.set(id, i);
    }
    return i;
  };
  for (const r of input.rules) {
    if (specs.has(r.id))
      continue;
    specs.set(r.id, r);
    add(r, false);
  }
  const anySuppressed = findings.some((f) => suppressionOf(f));
  const fpIndex = indexByFingerprint(input.findings);
  const seen = /* @__PURE__ */ new Map();
  const results = findings.map((f) => {
    let spec = specs.get(f.ruleId);
    if (!spec) {
      spec = ruleFromFinding(f);
      specs.set(spec.id, spec);
      add(spec, false);
    }
    const known2 = !!f.knownPublic;
    const risk = !known2 && fundsAtRisk(f);
    const ruleIndex = add(spec, known2, risk);
    const loc = artifactLocation(f.repository ? `${f.repository}/${f.file}` : f.file);
    const base = primaryLocationLineHash(f).replace(/:\d+$/, "");
    const key = `${loc.uri}\0${base}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const result = {
      ruleId: rules[ruleIndex].id,
      ruleIndex,
      level: risk ? "error" : f.severity,
      message: { text: resultMessage(f, fpIndex, scrub2, input.showSecrets) },
      locations: [{ physicalLocation: { artifactLocation: loc, region: region(f) } }],
      partialFingerprints: { primaryLocationLineHash: `${base}:${n}` },
      fingerprints: { "keyhound/v1": f.fingerprint },
      properties: resultProperties(f, scrub2)
    };
    if (anySuppressed)
      result.suppressions = suppressionsOf(f);
    return result;
  });
  const originalUriBaseIds = {
    [SRCROOT]: input.root ? { uri: dirUri(input.root), description: { text: "The scanned repository or folder." } } : { description: { text: "The scanned repository or folder; file paths are relative to it." } }
  };
  const run = {
    tool: {
      driver: {
        name: input.tool.name,
        semanticVersion: input.tool.version,
        informationUri: input.tool.informationUri,
        rules
      }
    },
    originalUriBaseIds,
    columnKind: "utf16CodeUnits",
    results,
    properties: {
      stats: jsonStats(input.stats, scrub2),
      ...input.repositories ? { repositories: input.repositories.map((r) => ({ ...r, ...r.error ? { error: scrub2(r.error) } : {} })) } : {}
    }
  };
  if (notifications.length)
    run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: notifications }];
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}
function suppressionsOf(f) {
  const s = suppressionOf(f);
  if (!s)
    return [];
  return [{ kind: s === "inline" ? "inSource" : "external", status: "accepted", justification: `Suppressed by keyhound: ${SUPPRESSION_TEXT[s]}.` }];
}
function dirUri(root) {
  const href = pathToFileURL(root).href;
  return href.endsWith("/") ? href : `${href}/`;
}
function renderSarif(input) {
  return JSON.stringify(toSarif(input), null, 2) + "\n";
}
var SARIF_SCHEMA, SRCROOT, MAX_SARIF_RESULTS, KNOWN_PUBLIC_SUFFIX, FUNDS_AT_RISK_SUFFIX, FUNDS_AT_RISK_SEVERITY, CWE_HARDCODED_CREDENTIALS, SUPPRESSION_TEXT;
var init_sarif = __esm({
  "dist/src/report/sarif.js"() {
    "use strict";
    init_node_crypto();
    init_node_path();
    init_node_url();
    init_finding();
    init_common();
    init_json();
    init_messages();
    SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    SRCROOT = "%SRCROOT%";
    MAX_SARIF_RESULTS = 25e3;
    KNOWN_PUBLIC_SUFFIX = ".known-public";
    FUNDS_AT_RISK_SUFFIX = ".funds-at-risk";
    FUNDS_AT_RISK_SEVERITY = "10.0";
    CWE_HARDCODED_CREDENTIALS = "external/cwe/cwe-798";
    SUPPRESSION_TEXT = {
      inline: "inline suppression comment in the source",
      ignoreFile: "listed in the ignore file",
      baseline: "present in the baseline",
      allow: "allow-listed value"
    };
  }
});

// dist/src/report/html.js
function renderHtml(input) {
  const byId = new Map(input.rules.map((r) => [r.id, r]));
  return renderHtmlReport(toJsonReport(input), { remediation: (f) => remediationFor(f, byId.get(f.ruleId)) });
}
function remediationFor(f, rule) {
  return rule?.remediation ? [rule.remediation.trim().replace(/\s+/g, " ")] : genericRemediation({ provider: f.provider, grants: grantsOf(f) });
}
function fileLink(f, repositoryUrl) {
  const base = safeHttpsUrl(f.repository) ?? safeHttpsUrl(repositoryUrl);
  if (!base || f.file === "-")
    return void 0;
  const path = (f.commit?.paths?.[0] ?? f.file).split("/").map(encodeURIComponent).join("/");
  const ref = f.commit?.sha && /^[0-9a-f]{7,64}$/i.test(f.commit.sha) ? f.commit.sha : "HEAD";
  return `${base}/blob/${ref}/${path}#L${f.line}`;
}
function commitLink(sha, repositoryUrl) {
  const base = safeHttpsUrl(repositoryUrl);
  return base && sha && /^[0-9a-f]{7,64}$/i.test(sha) ? `${base}/commit/${sha}` : void 0;
}
function stateChips(f) {
  const out = [];
  if (f.validated)
    out.push('<span class="chip ok">checksum ok</span>');
  const v = f.verification;
  if (v) {
    const label2 = v.status === "live" ? "live" : v.status === "invalid" ? "revoked or invalid" : v.status === "error" ? "check failed" : "not checked";
    out.push(`<span class="chip ${v.status === "live" ? "bad" : v.status === "invalid" ? "ok" : "warn"}">${esc(label2)}</span>`);
    if (v.canWithdraw)
      out.push('<span class="chip bad">can withdraw</span>');
    if (v.canTransfer)
      out.push('<span class="chip bad">can transfer</span>');
    if (v.canTrade)
      out.push('<span class="chip warn">can trade</span>');
    if (v.ipRestricted === false)
      out.push('<span class="chip warn">no IP allow-list</span>');
  } else {
    out.push('<span class="chip">not verified</span>');
  }
  for (const fu of f.funds ?? []) {
    if (Number(fu.balance) > 0)
      out.push(`<span class="chip bad">holds ${esc(fu.balance)} ${esc(fu.unit)}</span>`);
  }
  if (f.suppressed)
    out.push(`<span class="chip">suppressed: ${esc(SUPPRESSED_LABELS[f.suppressed] ?? f.suppressed)}</span>`);
  return out.join(" ");
}
function findingHtml(f, ctx) {
  const { opts } = ctx;
  const repoUrl = ctx.report.scan?.repositoryUrl;
  const rows = [];
  const where2 = `${esc(f.file)}:${f.line}:${f.column}`;
  rows.push(["location", link(fileLink(f, repoUrl), `<code>${where2}</code>`)]);
  if (f.repository)
    rows.push(["repository", esc(f.repository)]);
  rows.push([f.secret !== void 0 ? "secret" : "redacted", `<code>${esc(f.secret ?? f.redacted)}</code>`]);
  if (f.key)
    rows.push(["key", `<code>${esc(f.key)}</code>`]);
  if (f.address)
    rows.push(["derived address", `<code>${esc(f.address)}</code>`]);
  if (f.knownPublic)
    rows.push(["known public", esc(f.knownPublic)]);
  if (f.decoded)
    rows.push(["decoded", `found inside a decoded value: ${esc(f.decoded)}`]);
  const v = f.verification;
  if (v) {
    const bits = [`${esc(v.status)} (${esc(v.issuer)}, ${esc(v.host)}, ${esc(v.checkedAt)})`];
    if (v.permissions?.length)
      bits.push(`permissions: ${v.permissions.map(esc).join(", ")}`);
    if (v.expiresAt)
      bits.push(`expires ${esc(v.expiresAt)}`);
    if (v.detail)
      bits.push(esc(v.detail));
    rows.push(["verification", bits.join("; ")]);
  }
  for (const fu of f.funds ?? []) {
    rows.push(["funds", `${esc(fu.chain)} <code>${esc(fu.address)}</code>: ${esc(fu.balance)} ${esc(fu.unit)}, ${plural(fu.txCount, "transaction")}`]);
  }
  const c = f.commit;
  if (c) {
    const who = [c.author ? esc(c.author) : "", c.date ? esc(c.date.slice(0, 10)) : ""].filter(Boolean).join(", ");
    rows.push(["introduced", `${link(commitLink(c.sha, repoUrl), `<code>${esc(shortSha(c.sha))}</code>`)}${who ? ` by ${who}` : ""}${c.subject ? ` \u2014 \u201C${esc(c.subject)}\u201D` : ""}`]);
    if (c.removedIn)
      rows.push(["removed", `${link(commitLink(c.removedIn, repoUrl), `<code>${esc(shortSha(c.removedIn))}</code>`)}${c.removedDate ? ` on ${esc(c.removedDate.slice(0, 10))}` : ""}`]);
    else if (c.presentAtHead)
      rows.push(["removed", "<strong>no \u2014 still present at HEAD</strong>"]);
    if (c.exposureDays !== void 0)
      rows.push(["exposed", plural(c.exposureDays, "day")]);
    if (c.paths && c.paths.length > 1)
      rows.push(["paths", c.paths.map((p) => `<code>${esc(p)}</code>`).join(" \u2192 ")]);
  }
  if (f.related?.length) {
    const parts = f.related.map((fp) => {
      const o = ctx.byFingerprint.get(fp)?.find((x) => x !== f);
      return o ? `<code>${esc(o.ruleId)}</code> at <code>${esc(o.file)}:${o.line}</code>` : `fingerprint <code>${esc(fp)}</code>`;
    });
    rows.push(["linked", `other part of the same credential: ${parts.join(", ")}`]);
  }
  rows.push(["message", esc(f.message)]);
  const steps = opts.remediation?.(f) ?? remediationFor(f);
  if (steps.length && !f.knownPublic) {
    rows.push(["remediation", steps.length === 1 ? esc(steps[0]) : `<ol>${steps.map((s) => `<li>${esc(s)}</li>`).join("")}</ol>`]);
  }
  rows.push(["fingerprint", `<code class="muted">${esc(f.fingerprint)}</code>`]);
  const data = {
    sev: f.severity,
    provider: f.provider,
    rule: f.ruleId,
    file: f.file,
    line: String(f.line),
    days: String(c?.exposureDays ?? -1),
    date: c?.date ?? "",
    text: [f.file, f.ruleId, f.title, f.key ?? "", f.repository ?? "", f.address ?? ""].join(" ").toLowerCase()
  };
  const attrs = Object.entries(data).map(([k, val]) => `data-${k}="${esc(val)}"`).join(" ");
  return [
    `<article class="finding" ${attrs}>`,
    `<div class="head"><span class="sev ${esc(f.severity)}">${esc(f.knownPublic ? "public" : f.severity)}</span>`,
    `<strong>${esc(f.title)}</strong> <code class="muted">${esc(f.ruleId)}</code> ${stateChips(f)}</div>`,
    `<dl>${rows.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${val}</dd>`).join("")}</dl>`,
    "</article>"
  ].join("");
}
function groupBy(items, key) {
  const m13 = /* @__PURE__ */ new Map();
  for (const it of items) {
    const k = key(it);
    const l = m13.get(k);
    if (l)
      l.push(it);
    else
      m13.set(k, [it]);
  }
  return m13;
}
function groupsHtml(findings, ctx) {
  const providers = [...groupBy(findings, (f) => f.provider)].sort((a, b) => worst(b[1]) - worst(a[1]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  return providers.map(([provider, fs]) => {
    const files = [...groupBy(fs, (f) => f.repository ? `${f.repository}: ${f.file}` : f.file)].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    return [
      `<section class="provider group" data-provider="${esc(provider)}">`,
      `<h3>${esc(provider)} <span class="muted">(${plural(fs.length, "finding")})</span></h3>`,
      ...files.map(([file, ffs]) => `<div class="file group"><h4>${esc(file)}</h4><div class="list">${[...ffs].sort((a, b) => (RANK[b.severity] ?? 0) - (RANK[a.severity] ?? 0) || a.line - b.line).map((f) => findingHtml(f, ctx)).join("")}</div></div>`),
      "</section>"
    ].join("\n");
  }).join("\n");
}
function timelineSvg(rows, now, maxRows = 60) {
  const valid = rows.filter((r) => Number.isFinite(Date.parse(r.start))).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (valid.length === 0)
    return "";
  const shown = valid.slice(0, maxRows);
  const nowMs = Number.isFinite(Date.parse(now)) ? Date.parse(now) : Date.now();
  const t0 = Math.min(...shown.map((r) => Date.parse(r.start)));
  const t1 = Math.max(nowMs, ...shown.map((r) => r.end ? Date.parse(r.end) : nowMs).filter(Number.isFinite));
  const span = Math.max(t1 - t0, 864e5);
  const W = 1e3;
  const L = 300;
  const R = 20;
  const rowH = 22;
  const top = 26;
  const H = top + shown.length * rowH + 10;
  const x = (ms) => L + (ms - t0) / span * (W - L - R);
  const parts = [];
  for (const frac of [0, 0.25, 0.5, 0.75, 1]) {
    const ms = t0 + frac * span;
    const xx = x(ms).toFixed(1);
    parts.push(`<line class="gridline" x1="${xx}" y1="18" x2="${xx}" y2="${H - 6}"/>`);
    const anchor = frac === 0 ? "start" : frac === 1 ? "end" : "middle";
    parts.push(`<text class="axis" x="${xx}" y="12" text-anchor="${anchor}">${new Date(ms).toISOString().slice(0, 10)}</text>`);
  }
  shown.forEach((r, i) => {
    const y = top + i * rowH;
    const s = Date.parse(r.start);
    const e = r.end && Number.isFinite(Date.parse(r.end)) ? Date.parse(r.end) : nowMs;
    const label2 = r.label.length > 44 ? `${r.label.slice(0, 43)}\u2026` : r.label;
    const days2 = Math.max(0, Math.round((e - s) / 864e5));
    parts.push(`<text x="4" y="${y + 14}">${esc(label2)}</text>`);
    parts.push(`<rect class="bar${r.end ? " removed" : ""}" x="${x(s).toFixed(1)}" y="${y + 4}" width="${Math.max(2, x(e) - x(s)).toFixed(1)}" height="13" rx="3"><title>${esc(`${r.label}: ${r.start.slice(0, 10)} \u2192 ${r.end ? r.end.slice(0, 10) : "still exposed"} (${plural(days2, "day")})`)}</title></rect>`);
    for (const m13 of r.marks ?? []) {
      const mm = Date.parse(m13.at);
      if (!Number.isFinite(mm))
        continue;
      parts.push(`<circle class="mark" cx="${x(mm).toFixed(1)}" cy="${y + 10.5}" r="5"><title>${esc(m13.label)}</title></circle>`);
    }
  });
  const more = valid.length > shown.length ? `<p class="muted">${plural(valid.length - shown.length, "more window")} not drawn.</p>` : "";
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Exposure timeline">${parts.join("")}</svg>${more}`;
}
function summaryHtml(report, active, known2) {
  const s = report.stats;
  const bySev = { error: 0, warning: 0, note: 0 };
  for (const f of active)
    bySev[f.severity] = (bySev[f.severity] ?? 0) + 1;
  const sk = breakdown(s.skipped, SKIPPED_LABELS);
  const su = breakdown(s.suppressed, SUPPRESSED_LABELS);
  const cards = [
    ...SEVERITIES2.map((sev) => `<div class="card ${sev}" id="count-${sev}"><div class="n">${bySev[sev]}</div><div class="l">${sev}</div></div>`),
    `<div class="card" id="count-known"><div class="n">${known2.length}</div><div class="l">known public test keys</div></div>`,
    `<div class="card" id="count-suppressed"><div class="n">${su.total}</div><div class="l">suppressed</div></div>`,
    `<div class="card" id="count-skipped"><div class="n">${sk.total}</div><div class="l">skipped</div></div>`
  ];
  const providers = [...groupBy(active, (f) => f.provider)].sort((a, b) => worst(b[1]) - worst(a[1]) || b[1].length - a[1].length);
  const provTable = providers.length ? `<table id="by-provider"><thead><tr><th>provider</th>${SEVERITIES2.map((x) => `<th class="num">${x}</th>`).join("")}<th class="num">total</th></tr></thead><tbody>${providers.map(([p, fs]) => `<tr><td>${esc(p)}</td>${SEVERITIES2.map((x) => `<td class="num">${fs.filter((f) => f.severity === x).length}</td>`).join("")}<td class="num">${fs.length}</td></tr>`).join("")}</tbody></table>` : "";
  const scanned = [
    plural(s.files, "file"),
    formatBytes(s.bytes),
    s.commits !== void 0 ? plural(s.commits, "commit") : "",
    s.blobs !== void 0 ? plural(s.blobs, "blob") : "",
    `in ${formatDuration(s.durationMs)}`
  ].filter(Boolean);
  const repos = report.repositories ?? [];
  const reposLine = repos.length ? `<p id="repositories">Repositories: ${["scanned", "failed", "skipped"].map((st) => `${repos.filter((r) => r.status === st).length} ${st}`).join(", ")}.</p>${repos.some((r) => r.status !== "scanned") ? `<details><summary>not scanned</summary><ul>${repos.filter((r) => r.status !== "scanned").map((r) => `<li><code>${esc(r.full_name)}</code>: ${esc(r.status)}${r.error || r.reason ? ` \u2014 ${esc(r.error ?? r.reason)}` : ""}</li>`).join("")}</ul></details>` : ""}` : "";
  const lines2 = [
    reposLine,
    `<p>${active.length === 0 ? "<strong>No secrets found.</strong> " : ""}Scanned ${esc(scanned.join(", "))}.</p>`,
    `<p id="suppressed-skipped">Suppressed: ${su.total}${su.text ? ` (${esc(su.text)})` : ""}. Skipped: ${sk.total}${sk.text ? ` (${esc(sk.text)})` : ""}.</p>`,
    ...s.warnings.map((w) => `<div class="warnbox">${esc(w)}</div>`)
  ];
  return `<div class="cards">${cards.join("")}</div>${lines2.join("")}${provTable}`;
}
function humanTime(iso) {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC` : iso;
}
function headerHtml(report, title) {
  const sc = report.scan;
  const bits = [];
  if (sc) {
    bits.push(`keyhound ${esc(sc.version)}`, `<code>${esc(sc.command)}</code>`, `started ${esc(humanTime(sc.startedAt))}`);
    if (sc.refs?.length)
      bits.push(`refs: ${sc.refs.map((r) => `<code>${esc(r === "--all" ? "all refs" : r)}</code>`).join(" ")}`);
    const url2 = safeHttpsUrl(sc.repositoryUrl);
    if (url2)
      bits.push(link(url2, esc(url2)));
  }
  return `<header><h1>${esc(title)}</h1><p class="sub">${bits.join(" \xB7 ")}</p></header>`;
}
function filtersHtml(findings) {
  const opt = (values) => [...new Set(values)].sort().map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join("");
  return [
    '<div class="filters" id="filters">',
    `<label>severity<select id="f-sev"><option value="">any</option>${SEVERITIES2.map((s) => `<option value="${s}">${s}</option>`).join("")}</select></label>`,
    `<label>provider<select id="f-provider"><option value="">any</option>${opt(findings.map((f) => f.provider))}</select></label>`,
    `<label>rule<select id="f-rule"><option value="">any</option>${opt(findings.map((f) => f.ruleId))}</select></label>`,
    '<label>file, rule or key contains<input id="f-text" type="search" placeholder="e.g. .env" autocomplete="off"></label>',
    '<label>sort by<select id="f-sort"><option value="severity">severity</option><option value="file">file</option><option value="rule">rule</option><option value="exposure">days exposed</option><option value="date">date introduced</option></select></label>',
    `<span class="count" id="f-count">${plural(findings.length, "finding")}</span>`,
    "</div>"
  ].join("");
}
function renderHtmlReport(report, opts = {}) {
  const findings = Array.isArray(report.findings) ? report.findings : [];
  const known2 = findings.filter((f) => f.knownPublic);
  const active = findings.filter((f) => !f.knownPublic);
  const title = opts.title ?? "keyhound secret scan";
  const ctx = { report, opts, byFingerprint: groupBy(findings, (f) => f.fingerprint) };
  const now = report.scan?.startedAt ?? (/* @__PURE__ */ new Date()).toISOString();
  const windows = active.filter((f) => f.commit?.date).map((f) => ({ label: `${f.ruleId} \xB7 ${f.file}`, start: f.commit.date, end: f.commit.presentAtHead ? void 0 : f.commit.removedDate ?? void 0 }));
  const body = [
    "<main>",
    headerHtml(report, title),
    "<h2>Summary</h2>",
    summaryHtml(report, active, known2),
    windows.length ? `<section class="timeline" id="timeline"><h2>Exposure timeline</h2>${timelineSvg(windows, now)}<p class="muted">Bars run from the introducing commit to the removing commit (amber) or to the scan (red: still in the tree).</p></section>` : "",
    `<h2>Findings (${active.length})</h2>`,
    active.length ? filtersHtml(active) : "<p>None.</p>",
    `<div id="findings">${groupsHtml(active, ctx)}</div>`,
    known2.length ? `<h2>Known public test keys</h2><details id="known-public"><summary>${plural(known2.length, "known public test key")} (published development keys and documentation samples: not leaks, but never fund their addresses)</summary>${groupsHtml(known2, ctx)}</details>` : "",
    `<footer>Generated by keyhound${report.scan ? ` ${esc(report.scan.version)}` : ""}. Secrets are redacted${findings.some((f) => f.secret !== void 0) ? " \u2014 except in this report, written with --show-secrets: keep it private" : ""}. The page makes no network requests.</footer>`,
    "</main>"
  ].join("\n");
  return htmlPage({ title, body, script: active.length ? FILTER_SCRIPT : void 0 });
}
var SEVERITIES2, RANK, link, worst, FILTER_SCRIPT;
var init_html = __esm({
  "dist/src/report/html.js"() {
    "use strict";
    init_common();
    init_html_page();
    init_json();
    init_sarif();
    SEVERITIES2 = ["error", "warning", "note"];
    RANK = { error: 2, warning: 1, note: 0 };
    link = (href, text) => href ? `<a href="${esc(href)}" rel="noreferrer noopener">${text}</a>` : text;
    worst = (fs) => Math.max(...fs.map((f) => RANK[f.severity] ?? 0));
    FILTER_SCRIPT = `(()=>{'use strict';
const q=(s)=>document.querySelector(s),qa=(s,r)=>Array.from((r||document).querySelectorAll(s));
const sev=q('#f-sev'),prov=q('#f-provider'),rule=q('#f-rule'),text=q('#f-text'),sort=q('#f-sort'),count=q('#f-count');
const RANK={error:2,warning:1,note:0};
function apply(){const s=sev.value,p=prov.value,r=rule.value,t=text.value.trim().toLowerCase();let n=0;
for(const el of qa('#findings .finding')){const d=el.dataset;const ok=(!s||d.sev===s)&&(!p||d.provider===p)&&(!r||d.rule===r)&&(!t||d.text.includes(t));
el.hidden=!ok;if(ok)n++;}
for(const g of qa('#findings .file.group'))g.hidden=!g.querySelector('.finding:not([hidden])');
for(const g of qa('#findings .provider.group'))g.hidden=!g.querySelector('.file:not([hidden])');
count.textContent=n+' of '+qa('#findings .finding').length+' shown';}
function key(el){const d=el.dataset;switch(sort.value){
case 'file':return [d.file,Number(d.line)];case 'rule':return [d.rule,d.file];
case 'exposure':return [-Number(d.days),d.file];case 'date':return [d.date||'~',d.file];
default:return [-(RANK[d.sev]||0),d.file,Number(d.line)];}}
function cmp(a,b){for(let i=0;i<a.length;i++){if(a[i]<b[i])return -1;if(a[i]>b[i])return 1;}return 0;}
function min(keys){return keys.reduce((m,k)=>m===null||cmp(k,m)<0?k:m,null)||[];}
function order(){const gk=new Map();
for(const list of qa('#findings .file .list')){const items=qa(':scope>.finding',list).map((el)=>[key(el),el]);items.sort((a,b)=>cmp(a[0],b[0]));
for(const [,el] of items)list.appendChild(el);gk.set(list.parentElement,min(items.map((i)=>i[0])));}
for(const pg of qa('#findings .provider.group')){const files=qa(':scope>.file',pg).map((el)=>[gk.get(el),el]);files.sort((a,b)=>cmp(a[0],b[0]));
for(const [,el] of files)pg.appendChild(el);gk.set(pg,min(files.map((i)=>i[0])));}
const root=q('#findings');const pgs=qa(':scope>.provider.group',root).map((el)=>[gk.get(el),el]);pgs.sort((a,b)=>cmp(a[0],b[0]));for(const [,el] of pgs)root.appendChild(el);}
for(const el of [sev,prov,rule])el.addEventListener('change',apply);text.addEventListener('input',apply);
sort.addEventListener('change',()=>{order();apply();});
order();apply();})();`;
  }
});

// dist/src/report/github.js
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function annotationMessage(f, scrub2, showSecrets) {
  const parts = [sentence(scrub2(findingMessage(f))), sentence(`${showSecrets ? "Secret" : "Redacted"}: ${showSecrets ? f.secret : f.redacted}`)];
  if (f.address)
    parts.push(sentence(`Address: ${f.address}`));
  if (f.keyType)
    parts.push(sentence(`Key type: ${f.keyType}`));
  if (f.commit) {
    const c = f.commit;
    let s = `Commit ${shortSha(c.sha)}${c.author ? ` by ${scrub2(c.author)}` : ""}${c.date ? ` on ${c.date.slice(0, 10)}` : ""}`;
    if (c.removedIn)
      s += `, removed in ${shortSha(c.removedIn)}`;
    else if (c.presentAtHead)
      s += ", still at HEAD";
    if (c.exposureDays !== void 0)
      s += `, exposed ${plural(c.exposureDays, "day")}`;
    parts.push(sentence(s));
  }
  if (f.decoded)
    parts.push(sentence(`Inside a decoded value (${scrub2(f.decoded)})`));
  parts.push(`Fingerprint ${f.fingerprint}`);
  return parts.join(" ");
}
function annotations(findings, opts = {}) {
  const perLevel = Math.max(0, opts.perLevel ?? ANNOTATIONS_PER_LEVEL);
  const showSecrets = opts.showSecrets ?? false;
  const scrub2 = makeScrub(findings, showSecrets);
  const used = { error: 0, warning: 0, notice: 0 };
  const omittedByLevel = { error: 0, warning: 0, notice: 0 };
  const lines2 = [];
  for (const f of [...findings].sort(bySeverity)) {
    const level2 = LEVEL[f.severity];
    if (used[level2] >= perLevel) {
      omittedByLevel[level2]++;
      continue;
    }
    used[level2]++;
    const sup = suppressionOf(f);
    const title = `${sup ? `[suppressed: ${SUPPRESSED_LABELS[sup]}] ` : ""}${f.knownPublic ? "Known public test key: " : ""}${f.title} (${f.ruleId})`;
    const props = [
      ["file", scrub2(f.file)],
      ["line", f.line],
      ["endLine", Math.max(f.line, f.endLine)]
    ];
    if (f.endLine <= f.line)
      props.push(["col", f.column], ["endColumn", Math.max(f.column + 1, f.endColumn)]);
    props.push(["title", scrub2(title)]);
    const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
    lines2.push(`::${level2} ${p}::${escapeData(annotationMessage(f, scrub2, showSecrets))}`);
  }
  return { lines: lines2, omitted: omittedByLevel.error + omittedByLevel.warning + omittedByLevel.notice, omittedByLevel };
}
function mdCell(s) {
  return s.replace(/[\r\n]+/g, " ").replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]).replace(/([\\`*_[\]|])/g, "\\$1");
}
function mdCode(s) {
  const t = s.replace(/[\r\n]+/g, " ").replace(/`/g, "'").replace(/\|/g, "\\|");
  return t ? `\`${t}\`` : "";
}
function summaryMarkdown(input, opts = {}) {
  const maxBytes = opts.maxBytes ?? SUMMARY_MAX_BYTES;
  const scrub2 = makeScrub(input.findings, input.showSecrets);
  const s = input.stats;
  const findings = [...input.findings].sort(bySeverity);
  const n = countBySeverity(findings);
  const head = [`## ${mdCell(opts.title ?? "keyhound secret scan")}`, ""];
  const scanned = `${plural(s.files, "file")} (${formatBytes(s.bytes)}) scanned in ${formatDuration(s.durationMs)}${s.commits !== void 0 ? `, ${plural(s.commits, "commit")}` : ""}`;
  if (findings.length === 0) {
    head.push(`:white_check_mark: **No secrets found.** ${scanned}.`, "");
  } else {
    head.push(`:warning: **Found ${plural(findings.length, "secret")}:** ${plural(n.error, "error")}, ${plural(n.warning, "warning")}, ${plural(n.note, "note")}. ${scanned}.`, "");
  }
  const sk = breakdown(s.skipped, SKIPPED_LABELS);
  const su = breakdown(s.suppressed, SUPPRESSED_LABELS);
  const foot = [
    `Suppressed: ${su.total}${su.text ? ` (${su.text})` : ""}. Skipped: ${sk.total}${sk.text ? ` (${sk.text})` : ""}.`
  ];
  const { omitted } = annotations(findings, { perLevel: opts.perLevel ?? ANNOTATIONS_PER_LEVEL });
  if (omitted > 0) {
    foot.push("", `${plural(omitted, "finding")} not shown as annotations (GitHub shows ${opts.perLevel ?? ANNOTATIONS_PER_LEVEL} per level); all are listed here.`);
  }
  for (const w of s.warnings)
    foot.push("", `> [!WARNING]
> ${mdCell(scrub2(w))}`);
  const rows = [];
  if (findings.length) {
    rows.push("| Severity | Rule | File:line | Commit | Secret | Exposure |", "| --- | --- | --- | --- | --- | --- |");
  }
  const header = rows.join("\n");
  let size = bytes(head.join("\n")) + bytes(header) + bytes(foot.join("\n")) + 16;
  const truncationReserve = 200;
  let shown = 0;
  for (const f of findings) {
    const sup = suppressionOf(f);
    const sev = (f.knownPublic ? "note (known public test key)" : f.severity) + (sup ? ` (suppressed: ${SUPPRESSED_LABELS[sup]})` : "");
    const commit = f.commit ? `${mdCode(shortSha(f.commit.sha))}${f.commit.date ? ` ${mdCell(f.commit.date.slice(0, 10))}` : ""}` : "";
    const secret = mdCode(input.showSecrets ? f.secret : f.redacted) + (f.validated ? " \u2714" : "");
    const exposure = f.commit?.exposureDays !== void 0 ? `${plural(f.commit.exposureDays, "day")}${f.commit.presentAtHead ? ", still at HEAD" : ""}` : "";
    const row = `| ${sev} | ${mdCode(f.ruleId)} | ${mdCell(scrub2(f.file))}:${f.line} | ${commit} | ${secret} | ${exposure} |`;
    if (size + bytes(row) + 1 + truncationReserve > maxBytes)
      break;
    rows.push(row);
    size += bytes(row) + 1;
    shown++;
  }
  const body = [...head, ...rows];
  if (shown < findings.length) {
    body.push("", `**${findings.length - shown} more ${findings.length - shown === 1 ? "finding" : "findings"} not shown** (job summary size limit); see the SARIF or JSON report.`);
  }
  if (rows.length)
    body.push("");
  body.push(...foot);
  return body.join("\n") + "\n";
}
var LEVEL, ANNOTATIONS_PER_LEVEL, SUMMARY_MAX_BYTES, bytes;
var init_github = __esm({
  "dist/src/report/github.js"() {
    "use strict";
    init_common();
    init_messages();
    LEVEL = { error: "error", warning: "warning", note: "notice" };
    ANNOTATIONS_PER_LEVEL = 10;
    SUMMARY_MAX_BYTES = 1024 * 1024;
    bytes = (s) => Buffer.byteLength(s, "utf8");
  }
});

// dist/src/report/index.js
var report_exports = {};
__export(report_exports, {
  OUTPUT_DIR_FORMATS: () => OUTPUT_DIR_FORMATS,
  REPORT_FORMATS: () => REPORT_FORMATS,
  annotations: () => annotations,
  render: () => render,
  renderHtml: () => renderHtml,
  renderHtmlReport: () => renderHtmlReport,
  renderJson: () => renderJson,
  renderSarif: () => renderSarif,
  renderText: () => renderText,
  summaryMarkdown: () => summaryMarkdown,
  toJsonReport: () => toJsonReport,
  toSarif: () => toSarif
});
function render(format, input, opts) {
  if (!Object.hasOwn(REPORTERS, format))
    throw new Error(`unknown report format: ${String(format)}`);
  return REPORTERS[format].render(input, opts);
}
var REPORTERS, REPORT_FORMATS, OUTPUT_DIR_FORMATS;
var init_report = __esm({
  "dist/src/report/index.js"() {
    "use strict";
    init_html();
    init_json();
    init_sarif();
    init_text();
    init_text();
    init_json();
    init_sarif();
    init_html();
    init_github();
    REPORTERS = {
      text: { render: renderText, outputDir: false },
      json: { render: (input) => renderJson(input), outputDir: true },
      sarif: { render: (input) => renderSarif(input), outputDir: true },
      html: { render: (input) => renderHtml(input), outputDir: true }
    };
    REPORT_FORMATS = Object.keys(REPORTERS);
    OUTPUT_DIR_FORMATS = REPORT_FORMATS.filter((f) => REPORTERS[f].outputDir);
  }
});

// dist/src/util/secret-forms.js
function base64Forms(bytes2) {
  const out = [];
  for (let pad2 = 0; pad2 < 3; pad2++) {
    const enc = Buffer.concat([Buffer.alloc(pad2), bytes2]).toString("base64").replace(/=+$/, "");
    const start = pad2 === 0 ? 0 : 4;
    const fullChars = Math.floor((pad2 + bytes2.length) * 8 / 6);
    const middle = enc.slice(start, Math.max(start, fullChars - 1));
    for (const m13 of [middle, enc.slice(start)]) {
      if (m13.length >= MIN)
        out.push(m13, m13.replace(/\+/g, "-").replace(/\//g, "_"));
    }
  }
  return out;
}
function secretForms(secret) {
  if (!secret || secret.length < 4)
    return [];
  const forms = /* @__PURE__ */ new Set([secret]);
  const json2 = JSON.stringify(secret).slice(1, -1);
  forms.add(json2);
  forms.add(JSON.stringify(json2).slice(1, -1));
  const pct = encodeURIComponent(secret);
  forms.add(pct);
  forms.add(pct.replace(/%[0-9A-F]{2}/g, (m13) => m13.toLowerCase()));
  forms.add(new URLSearchParams({ v: secret }).toString().slice(2));
  forms.add(escape(secret));
  for (const b of base64Forms(Buffer.from(secret, "utf8")))
    forms.add(b);
  const lines2 = secret.split(/\r?\n/).map((l) => l.trim());
  if (lines2.length > 1) {
    for (const l of lines2)
      if (l.length >= 16 && !/^-----/.test(l))
        forms.add(l);
  }
  return [...forms].filter((f) => f.length >= Math.min(MIN, secret.length)).sort((a, b) => b.length - a.length);
}
function scrubSecrets(text, secrets) {
  return new SecretScrubber(secrets).scrub(text);
}
var MIN, SecretScrubber;
var init_secret_forms = __esm({
  "dist/src/util/secret-forms.js"() {
    "use strict";
    MIN = 6;
    SecretScrubber = class {
      forms;
      constructor(secrets) {
        const all = /* @__PURE__ */ new Set();
        for (const s of secrets)
          for (const f of secretForms(s))
            all.add(f);
        this.forms = [...all].sort((a, b) => b.length - a.length);
      }
      scrub(text) {
        let out = text;
        for (const f of this.forms)
          if (out.includes(f))
            out = out.split(f).join("[secret]");
        return out;
      }
    };
  }
});

// builtin:node:os
var node_os_exports = {};
__export(node_os_exports, {
  availableParallelism: () => availableParallelism,
  default: () => node_os_default,
  homedir: () => homedir,
  hostname: () => hostname,
  tmpdir: () => tmpdir
});
var m6, node_os_default, availableParallelism, homedir, hostname, tmpdir;
var init_node_os = __esm({
  "builtin:node:os"() {
    m6 = __require("node:os");
    node_os_default = m6;
    ({ availableParallelism, homedir, hostname, tmpdir } = m6);
  }
});

// dist/src/util/state-dir.js
function stateDir(env = process.env) {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".local", "state");
  return join(base, "keyhound");
}
var init_state_dir = __esm({
  "dist/src/util/state-dir.js"() {
    "use strict";
    init_node_os();
    init_node_path();
  }
});

// dist/src/revoke/audit.js
var AUDIT_LOG_NAME, AuditLog;
var init_audit = __esm({
  "dist/src/revoke/audit.js"() {
    "use strict";
    init_safe_fs();
    init_secret_forms();
    AUDIT_LOG_NAME = "audit.jsonl";
    AuditLog = class {
      file;
      constructor(file) {
        this.file = file;
      }
      /**
       * Appends entries in one write. Each entry's `secrets` are the raw values it is about: a last line of
       * defence, cut from its line in every encoding keyhound sends before it is written.
       */
      write(items) {
        if (items.length === 0)
          return;
        let text = "";
        for (const { entry: entry2, secrets } of items) {
          text += scrubSecrets(JSON.stringify(entry2), secrets) + "\n";
        }
        appendFileSafe(this.file, text, { mode: 384, mkdir: 448 });
      }
    };
  }
});

// dist/src/util/problem-kind.js
function problemKind(message2) {
  const first = message2.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  const cut = first.indexOf(": ");
  return (cut > 0 ? first.slice(0, cut) : first).replace(/["'`/].*$/, "").trim() || "syntax error";
}
var yamlProblem;
var init_problem_kind = __esm({
  "dist/src/util/problem-kind.js"() {
    "use strict";
    yamlProblem = problemKind;
  }
});

// dep:ajv
var require_ajv = __commonJS({
  "dep:ajv"(exports, module) {
    module.exports = __require("ajv");
  }
});

// dep:yaml
var require_yaml = __commonJS({
  "dep:yaml"(exports, module) {
    module.exports = __require("yaml");
  }
});

// builtin:node:net
var m7, isIP;
var init_node_net = __esm({
  "builtin:node:net"() {
    m7 = __require("node:net");
    ({ isIP } = m7);
  }
});

// dist/src/net/http.js
function isLoopbackHost(hostname2) {
  const h = hostname2.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(h) === 4)
    return h.startsWith("127.");
  if (isIP(h) === 6)
    return h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(h);
  return false;
}
function checkEndpointUrl(raw, where2) {
  let url2;
  try {
    url2 = new URL(raw);
  } catch {
    throw new Error(`${where2}: not a URL: "${raw}"`);
  }
  if (url2.protocol === "https:")
    return url2;
  if (url2.protocol === "http:" && isLoopbackHost(url2.hostname))
    return url2;
  throw new Error(`${where2}: must be https (http only to a loopback address such as 127.0.0.1), got ${url2.protocol}//${url2.host}`);
}
async function httpRequest(url2, init, timeoutMs) {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetch(url2, { method: init.method, headers: init.headers, body: init.body, redirect: "manual", signal: ctrl.signal });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    if (ctrl.signal.aborted)
      throw new RequestTimeout(timeoutMs);
    throw new NetworkError(e);
  } finally {
    clearTimeout(timer);
  }
}
function timeoutFetch(timeoutMs) {
  return async (input, init) => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
      const res = await fetch(input, { ...init, redirect: "manual", signal: ctrl.signal });
      const body = await res.arrayBuffer();
      return new Response(res.status === 204 || res.status === 304 ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers
      });
    } catch (e) {
      if (ctrl.signal.aborted)
        throw new RequestTimeout(timeoutMs);
      throw new NetworkError(e);
    } finally {
      clearTimeout(timer);
    }
  };
}
function parseRetryAfter(value, now = Date.now()) {
  if (!value)
    return void 0;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v))
    return Math.round(Number(v) * 1e3);
  const t = Date.parse(v);
  return Number.isNaN(t) ? void 0 : Math.max(0, t - now);
}
function waitHint(headers, now = Date.now()) {
  const ra = parseRetryAfter(headers.get("retry-after"), now);
  if (ra !== void 0)
    return ra;
  if (headers.get("x-ratelimit-remaining") === "0") {
    const reset = Number(headers.get("x-ratelimit-reset"));
    if (Number.isFinite(reset) && reset > 0)
      return Math.max(0, reset * 1e3 - now);
  }
  if (headers.get("x-bapi-limit-status") === "0") {
    const reset = Number(headers.get("x-bapi-limit-reset-timestamp"));
    if (Number.isFinite(reset) && reset > 0)
      return Math.max(0, reset - now);
  }
  return void 0;
}
function scrub(text, secrets, max = 200) {
  let out = scrubSecrets(text, secrets);
  out = out.replace(/\s+/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "?").trim();
  return out.length > max ? out.slice(0, max) + "\u2026" : out;
}
function jsonOf(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
var RequestTimeout, NetworkError;
var init_http = __esm({
  "dist/src/net/http.js"() {
    "use strict";
    init_node_net();
    init_secret_forms();
    RequestTimeout = class extends Error {
      constructor(ms) {
        super(`no answer within ${ms} ms`);
        this.name = "RequestTimeout";
      }
    };
    NetworkError = class extends Error {
      constructor(cause) {
        const c = cause?.cause?.code ?? cause?.code;
        super(`network error${c ? ` (${c})` : ""}`);
        this.name = "NetworkError";
      }
    };
  }
});

// dist/src/revoke/schema.js
var duration, rate, stringList, envName, issuerSchema, revokeConfigSchema;
var init_schema = __esm({
  "dist/src/revoke/schema.js"() {
    "use strict";
    duration = {
      anyOf: [
        { type: "number", exclusiveMinimum: 0 },
        { type: "string", pattern: "^\\d+(\\.\\d+)?\\s*(ms|s|m|h)$" }
      ]
    };
    rate = {
      type: "object",
      additionalProperties: false,
      required: ["requests", "per"],
      properties: {
        requests: { type: "integer", minimum: 1 },
        per: duration
      }
    };
    stringList = { type: "array", items: { type: "string", minLength: 1 } };
    envName = { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" };
    issuerSchema = {
      type: "object",
      additionalProperties: false,
      properties: {
        type: { enum: ["github", "webhook", "bybit", "binance", "alchemy"] },
        enabled: { type: "boolean" },
        /** Route findings of these rule ids (`*` wildcards) to this issuer, whatever the rule's revoker. */
        rules: stringList,
        /** Route findings of these providers to this issuer. */
        providers: stringList,
        concurrency: { type: "integer", minimum: 1, maximum: 32 },
        rateLimit: rate,
        timeout: duration,
        retries: { type: "integer", minimum: 0, maximum: 10 },
        // github
        apiUrl: { type: "string", minLength: 1 },
        // bybit, binance, alchemy
        baseUrl: { type: "string", minLength: 1 },
        recvWindow: { type: "integer", minimum: 1, maximum: 6e4 },
        account: { enum: ["master", "sub"] },
        apiKeyEnv: envName,
        secretEnv: envName,
        subAccountEmail: { type: "string", minLength: 3 },
        subAccountEmailEnv: envName,
        tokenEnv: envName,
        // webhook
        url: { type: "string", minLength: 1 },
        method: { enum: ["POST", "PUT", "PATCH", "DELETE", "post", "put", "patch", "delete"] },
        headers: { type: "object", additionalProperties: { type: "string" } },
        body: { type: "string" },
        encoding: { enum: ["json", "form", "raw"] },
        signingSecretEnv: envName,
        signatureHeader: { type: "string", pattern: "^[A-Za-z0-9-]+$" }
      }
    };
    revokeConfigSchema = {
      type: "object",
      additionalProperties: false,
      properties: {
        /** Requests in flight at once, over all issuers. */
        concurrency: { type: "integer", minimum: 1, maximum: 64 },
        auditLog: { type: "string", minLength: 1 },
        stateFile: { type: "string", minLength: 1 },
        retry: {
          type: "object",
          additionalProperties: false,
          properties: {
            retries: { type: "integer", minimum: 0, maximum: 10 },
            baseDelay: duration,
            maxDelay: duration,
            /** Longest wait honoured (Retry-After, rate-limit reset); longer = failed now, retried on the next run. */
            maxWait: duration
          }
        },
        issuers: {
          type: "object",
          propertyNames: { pattern: "^[a-z0-9]+([-_][a-z0-9]+)*$" },
          additionalProperties: issuerSchema
        }
      }
    };
  }
});

// dist/src/revoke/types.js
var ISSUER_TYPES;
var init_types = __esm({
  "dist/src/revoke/types.js"() {
    "use strict";
    ISSUER_TYPES = ["github", "webhook", "bybit", "binance", "alchemy"];
  }
});

// dist/src/revoke/config.js
function parseDuration(v) {
  if (typeof v === "number")
    return Math.round(v * 1e3);
  const m13 = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(v.trim());
  if (!m13)
    throw new Error(`not a duration: "${v}" (examples: 500ms, 10s, 2m)`);
  const mult = { ms: 1, s: 1e3, m: 6e4, h: 36e5 }[m13[2]];
  return Math.round(Number(m13[1]) * mult);
}
function defaultConfigPath(env = process.env) {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".config");
  return join(base, "keyhound", "revoke.yaml");
}
function validate(data) {
  validator ??= new Ajv({ allErrors: false, strict: true }).compile(revokeConfigSchema);
  return validator(data) ? void 0 : validator.errors[0];
}
function describe(err) {
  const path = err.instancePath.split("/").filter(Boolean).join(".");
  let detail = err.message ?? "invalid";
  if (err.keyword === "additionalProperties")
    detail = `unknown field "${err.params.additionalProperty}"`;
  if (err.keyword === "enum")
    detail = `must be one of ${err.params.allowedValues.join(", ")}`;
  if (err.keyword === "propertyNames")
    detail = "issuer names are lower-case words joined by - or _";
  return `${path ? `${path}: ` : ""}${detail}`;
}
function expandPath(p, baseDir) {
  if (p === "~" || p.startsWith("~/"))
    return join(homedir(), p.slice(1));
  return resolve(baseDir, p);
}
function parseRevokeConfig(data, file) {
  const fail2 = (msg) => {
    throw new UsageError(`${file}: ${msg}`);
  };
  const err = validate(data ?? {});
  if (err)
    fail2(describe(err));
  const raw = data ?? {};
  const baseDir = dirname(resolve(file));
  const warnings = [];
  const retry = {
    retries: raw.retry?.retries ?? DEFAULT_RETRY.retries,
    baseDelayMs: raw.retry?.baseDelay !== void 0 ? parseDuration(raw.retry.baseDelay) : DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: raw.retry?.maxDelay !== void 0 ? parseDuration(raw.retry.maxDelay) : DEFAULT_RETRY.maxDelayMs,
    maxWaitMs: raw.retry?.maxWait !== void 0 ? parseDuration(raw.retry.maxWait) : DEFAULT_RETRY.maxWaitMs
  };
  const issuers = /* @__PURE__ */ new Map();
  for (const [name2, r] of Object.entries(raw.issuers ?? {})) {
    const type = r.type ?? (ISSUER_TYPES.includes(name2) ? name2 : void 0);
    if (!type)
      fail2(`issuers.${name2}: needs "type" (one of ${ISSUER_TYPES.join(", ")})`);
    const { rateLimit, timeout, type: _t, enabled, ...rest } = r;
    const ic = { ...rest, name: name2, type, enabled: enabled ?? true };
    if (rateLimit)
      ic.rateLimit = { requests: rateLimit.requests, perMs: parseDuration(rateLimit.per) };
    if (timeout !== void 0)
      ic.timeoutMs = parseDuration(timeout);
    if (ic.method)
      ic.method = ic.method.toUpperCase();
    checkIssuer(ic, fail2);
    issuers.set(name2, ic);
  }
  return {
    source: file,
    concurrency: raw.concurrency ?? 4,
    auditLog: raw.auditLog ? expandPath(raw.auditLog, baseDir) : void 0,
    stateFile: raw.stateFile ? expandPath(raw.stateFile, baseDir) : void 0,
    retry,
    issuers,
    warnings
  };
}
function checkIssuer(ic, fail2) {
  const where2 = `issuers.${ic.name}`;
  for (const k of Object.keys(ic)) {
    if (SPECIFIC.has(k) && !FIELDS_BY_TYPE[ic.type].includes(k))
      fail2(`${where2}: field "${k}" does not apply to a ${ic.type} issuer`);
  }
  const url2 = (field2) => {
    const v = ic[field2];
    if (v === void 0)
      return;
    try {
      checkEndpointUrl(v, `${where2}.${field2}`);
    } catch (e) {
      fail2(e.message);
    }
  };
  url2("url");
  url2("apiUrl");
  url2("baseUrl");
  if (ic.type === "webhook") {
    if (!ic.url)
      fail2(`${where2}: a webhook needs "url"`);
    if (/\$\{/.test(ic.url))
      fail2(`${where2}.url: no \${\u2026} interpolation in URLs (put tokens in headers)`);
    if (ic.body !== void 0) {
      for (const m13 of ic.body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
        if (!BODY_PLACEHOLDERS.includes(m13[1])) {
          fail2(`${where2}.body: unknown placeholder {{${m13[1]}}} (known: ${BODY_PLACEHOLDERS.map((p) => `{{${p}}}`).join(" ")})`);
        }
      }
    }
    for (const [h, v] of Object.entries(ic.headers ?? {})) {
      if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(h))
        fail2(`${where2}.headers: not a header name: "${h}"`);
      if (/\{\{/.test(v))
        fail2(`${where2}.headers.${h}: {{\u2026}} placeholders belong in the body; headers take \${ENV_VAR} only`);
    }
  }
}
function loadRevokeConfig(opts = {}) {
  const env = opts.env ?? process.env;
  const file = opts.file ? resolve(opts.file) : defaultConfigPath(env);
  if (!existsSync(file)) {
    if (opts.file)
      throw new UsageError(`revocation config not found: ${opts.file}`);
    return { concurrency: 4, retry: { ...DEFAULT_RETRY }, issuers: /* @__PURE__ */ new Map(), warnings: [] };
  }
  let text;
  try {
    text = readRegularFile(file).toString("utf8");
  } catch (e) {
    throw new UsageError(`cannot read revocation config ${e.message}`);
  }
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new UsageError(`${file}: YAML error${line ? ` at line ${line}` : ""}: ${yamlProblem(e.message)}`);
  }
  const cfg = parseRevokeConfig(doc.toJS(), file);
  try {
    if (process.platform !== "win32" && (statSync(file).mode & 2) !== 0) {
      cfg.warnings.push(`${file} is writable by every user: anyone on this machine could redirect revocations`);
    }
  } catch {
  }
  return cfg;
}
var import_ajv, import_yaml, Ajv, DEFAULT_RETRY, BODY_PLACEHOLDERS, validator, FIELDS_BY_TYPE, SPECIFIC;
var init_config = __esm({
  "dist/src/revoke/config.js"() {
    "use strict";
    init_node_fs();
    init_safe_fs();
    init_problem_kind();
    init_node_os();
    init_node_path();
    import_ajv = __toESM(require_ajv(), 1);
    import_yaml = __toESM(require_yaml(), 1);
    init_errors();
    init_http();
    init_schema();
    init_types();
    Ajv = import_ajv.default.default;
    DEFAULT_RETRY = { retries: 3, baseDelayMs: 500, maxDelayMs: 3e4, maxWaitMs: 6e4 };
    BODY_PLACEHOLDERS = ["secret", "rule", "provider", "fingerprint", "file", "line", "commit", "redacted", "time", "delivery"];
    FIELDS_BY_TYPE = {
      github: ["apiUrl"],
      webhook: ["url", "method", "headers", "body", "encoding", "signingSecretEnv", "signatureHeader"],
      bybit: ["baseUrl", "recvWindow", "account"],
      binance: ["baseUrl", "recvWindow", "apiKeyEnv", "secretEnv", "subAccountEmail", "subAccountEmailEnv"],
      alchemy: ["baseUrl", "tokenEnv"]
    };
    SPECIFIC = new Set(Object.values(FIELDS_BY_TYPE).flat());
  }
});

// dist/src/revoke/issuers/common.js
function baseSettings(cfg, deps, defaults2) {
  return {
    batchSize: defaults2.batchSize ?? 1,
    concurrency: cfg.concurrency ?? defaults2.concurrency,
    rate: cfg.rateLimit ?? defaults2.rate,
    retries: cfg.retries ?? deps.retry.retries,
    timeoutMs: cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS
  };
}
function missingEnv(env, names) {
  return names.filter((n) => !!n && !env[n]);
}
function needEnvMessage(names) {
  return `needs ${names.join(" and ")} in the environment`;
}
function classifyStatus(status, headers) {
  if (status >= 200 && status < 300)
    return { outcome: "revoked" };
  if (status === 404 || status === 410)
    return { outcome: "already-revoked" };
  if (status === 429 || status === 408 || status >= 500)
    return { outcome: "retry", retryAfterMs: waitHint(headers) };
  return { outcome: "failed" };
}
var DEFAULT_TIMEOUT_MS;
var init_common2 = __esm({
  "dist/src/revoke/issuers/common.js"() {
    "use strict";
    init_http();
    DEFAULT_TIMEOUT_MS = 1e4;
  }
});

// dist/src/revoke/issuers/alchemy.js
function readAppsPage(json2) {
  const root = json2 ?? {};
  const data = root.data ?? root;
  const list = Array.isArray(data) ? data : data.apps ?? root.apps ?? [];
  const apps = (Array.isArray(list) ? list : []).filter((a) => a && typeof a.id === "string").map((a) => ({
    id: a.id,
    keys: [a.apiKey, ...Array.isArray(a.apiKeys) ? a.apiKeys : []].filter((k) => typeof k === "string")
  }));
  const d = Array.isArray(data) ? {} : data;
  const c = d.cursor ?? d.nextCursor ?? root.cursor ?? root.nextCursor ?? root.pagination?.cursor;
  return { apps, cursor: typeof c === "string" && c ? c : void 0 };
}
function alchemyIssuer(cfg, deps) {
  const base = checkEndpointUrl(cfg.baseUrl ?? ALCHEMY_DEFAULT_BASE, `issuers.${cfg.name}.baseUrl`);
  const apps = new URL("/v1/apps", base);
  const tokenEnv = cfg.tokenEnv ?? ALCHEMY_TOKEN_ENV;
  const settings = baseSettings(cfg, deps, { concurrency: 1, rate: { requests: 5, perMs: 1e3 } });
  let listing;
  const auth = () => ({ Authorization: `Bearer ${deps.env[tokenEnv]}`, Accept: "application/json", "User-Agent": `keyhound/${deps.version}` });
  async function list(timeoutMs, secrets) {
    const out = /* @__PURE__ */ new Map();
    let cursor2;
    const seen = /* @__PURE__ */ new Set();
    for (let page = 0; page < MAX_PAGES; page++) {
      const u = new URL(apps);
      u.searchParams.set("limit", "25");
      if (cursor2)
        u.searchParams.set("cursor", cursor2);
      const res = await httpRequest(u, { method: "GET", headers: auth() }, timeoutMs);
      if (res.status !== 200) {
        const c = classifyStatus(res.status, res.headers);
        const reason = res.status === 401 || res.status === 403 ? `listing apps: access key rejected (HTTP ${res.status})` : scrub(`listing apps: HTTP ${res.status}`, secrets);
        return { outcome: c.outcome === "retry" ? "retry" : "failed", status: res.status, retryAfterMs: c.retryAfterMs, reason };
      }
      const p = readAppsPage(jsonOf(res.text));
      for (const a of p.apps)
        for (const k of a.keys)
          out.set(k, a.id);
      if (!p.cursor || seen.has(p.cursor))
        return out;
      seen.add(p.cursor);
      cursor2 = p.cursor;
    }
    return out;
  }
  return {
    ...settings,
    name: cfg.name,
    type: "alchemy",
    endpoint: apps,
    needsPair: false,
    unavailable() {
      const missing = missingEnv(deps.env, [tokenEnv]);
      return missing.length > 0 ? needEnvMessage(missing) : void 0;
    },
    rejects: () => void 0,
    async attempt(batch, ctx) {
      const t = batch[0];
      const secrets = [t.secret, deps.env[tokenEnv]];
      listing ??= list(ctx.timeoutMs, secrets).catch((e) => {
        listing = void 0;
        throw e;
      });
      const index = await listing;
      if (!(index instanceof Map)) {
        listing = void 0;
        return index;
      }
      const id = index.get(t.secret);
      if (!id)
        return { outcome: "failed", reason: "no app of the account behind this access key uses this key" };
      const res = await httpRequest(new URL(`/v1/apps/${encodeURIComponent(id)}`, base), { method: "DELETE", headers: auth() }, ctx.timeoutMs);
      const c = classifyStatus(res.status, res.headers);
      if (c.outcome === "revoked" || c.outcome === "already-revoked")
        index.delete(t.secret);
      if (res.status >= 300 && res.status < 400)
        return { outcome: "failed", status: res.status, reason: "redirect not followed" };
      const reason = c.outcome === "revoked" ? `app ${id} deleted` : c.outcome === "already-revoked" ? `app ${id} already gone` : res.status === 401 || res.status === 403 ? `access key rejected (HTTP ${res.status})` : scrub(`HTTP ${res.status}`, secrets);
      return { ...c, status: res.status, retryAfterMs: c.retryAfterMs ?? waitHint(res.headers), reason };
    }
  };
}
var ALCHEMY_DEFAULT_BASE, ALCHEMY_TOKEN_ENV, MAX_PAGES;
var init_alchemy = __esm({
  "dist/src/revoke/issuers/alchemy.js"() {
    "use strict";
    init_http();
    init_common2();
    ALCHEMY_DEFAULT_BASE = "https://admin-api.alchemy.com";
    ALCHEMY_TOKEN_ENV = "ALCHEMY_ADMIN_ACCESS_KEY";
    MAX_PAGES = 200;
  }
});

// dep:@noble/curves/ed25519.js
var require_ed25519 = __commonJS({
  "dep:@noble/curves/ed25519.js"(exports, module) {
    module.exports = __require("@noble/curves/ed25519.js");
  }
});

// dep:@scure/base
var require_base = __commonJS({
  "dep:@scure/base"(exports, module) {
    module.exports = __require("@scure/base");
  }
});

// dist/src/net/signing.js
function hmacSha256Hex(key, message2) {
  return createHmac("sha256", key).update(message2).digest("hex");
}
function hmacSha256Base64(key, message2) {
  return createHmac("sha256", key).update(message2).digest("base64");
}
function hmacSha384Hex(key, message2) {
  return createHmac("sha384", key).update(message2).digest("hex");
}
function binanceSign(secret, queryString) {
  return hmacSha256Hex(secret, queryString);
}
function bybitSign(secret, timestamp, apiKey, recvWindow, payload) {
  return hmacSha256Hex(secret, timestamp + apiKey + recvWindow + payload);
}
function prehashSign(secret, timestamp, method, pathAndQuery, body = "") {
  return hmacSha256Base64(secret, timestamp + method.toUpperCase() + pathAndQuery + body);
}
function kucoinPassphrase(secret, passphrase) {
  return hmacSha256Base64(secret, passphrase);
}
function krakenSign(secretB64, path, nonce, postData) {
  const inner = createHash("sha256").update(nonce + postData).digest();
  return createHmac("sha512", Buffer.from(secretB64, "base64")).update(Buffer.concat([Buffer.from(path), inner])).digest("base64");
}
function bitfinexSign(secret, apiPath, nonce, body) {
  return hmacSha384Hex(secret, `/api${apiPath}${nonce}${body}`);
}
function geminiSign(secret, request, nonce) {
  const payload = Buffer.from(JSON.stringify({ request, nonce })).toString("base64");
  return { payload, signature: hmacSha384Hex(secret, payload) };
}
function gateSign(secret, method, path, query, body, timestamp) {
  const bodyHash = createHash("sha512").update(body).digest("hex");
  return createHmac("sha512", secret).update(`${method.toUpperCase()}
${path}
${query}
${bodyHash}
${timestamp}`).digest("hex");
}
function rfc3986(s) {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function htxSignedQuery(secret, method, host, path, params) {
  const query = Object.keys(params).sort().map((k) => `${rfc3986(k)}=${rfc3986(params[k])}`).join("&");
  const signature = hmacSha256Base64(secret, `${method.toUpperCase()}
${host.toLowerCase()}
${path}
${query}`);
  return `${query}&Signature=${rfc3986(signature)}`;
}
function htxTimestamp(now = Date.now()) {
  return new Date(now).toISOString().slice(0, 19);
}
function pemText(raw) {
  return raw.replace(/\\r/g, "").replace(/\\n/g, "\n").replace(/\r/g, "").trim();
}
function coinbaseJwt({ keyName, privateKey, uri, nowSeconds, nonce }) {
  const now = nowSeconds ?? Math.floor(Date.now() / 1e3);
  const pem = privateKey.includes("-----BEGIN") ? pemText(privateKey) : void 0;
  const alg = pem ? "ES256" : "EdDSA";
  const header = { alg, kid: keyName, nonce: nonce ?? randomBytes(16).toString("hex"), typ: "JWT" };
  const claims = { sub: keyName, iss: "cdp", nbf: now, exp: now + 120, uri };
  const enc = (o) => import_base.base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  const input = `${enc(header)}.${enc(claims)}`;
  let sig;
  if (pem) {
    sig = sign("sha256", Buffer.from(input), { key: createPrivateKey(pem), dsaEncoding: "ieee-p1363" });
  } else {
    const bytes2 = import_base.base64.decode(privateKey.trim());
    if (bytes2.length !== 64 && bytes2.length !== 32)
      throw new Error("not an Ed25519 key of 32 or 64 bytes");
    sig = import_ed25519.ed25519.sign(new TextEncoder().encode(input), bytes2.subarray(0, 32));
  }
  return `${input}.${import_base.base64urlnopad.encode(sig)}`;
}
var import_ed25519, import_base;
var init_signing = __esm({
  "dist/src/net/signing.js"() {
    "use strict";
    init_node_crypto();
    import_ed25519 = __toESM(require_ed25519(), 1);
    import_base = __toESM(require_base(), 1);
  }
});

// dist/src/revoke/issuers/binance.js
function binanceIssuer(cfg, deps) {
  const base = checkEndpointUrl(cfg.baseUrl ?? BINANCE_DEFAULT_BASE, `issuers.${cfg.name}.baseUrl`);
  const endpoint = new URL(BINANCE_PATH, base);
  const keyEnv = cfg.apiKeyEnv ?? BINANCE_KEY_ENV;
  const secretEnv = cfg.secretEnv ?? BINANCE_SECRET_ENV;
  const emailEnv = cfg.subAccountEmailEnv ?? BINANCE_EMAIL_ENV;
  const email = () => cfg.subAccountEmail ?? deps.env[emailEnv];
  const recvWindow = String(cfg.recvWindow ?? 5e3);
  const settings = baseSettings(cfg, deps, { concurrency: 1, rate: { requests: 1, perMs: 1e3 } });
  return {
    ...settings,
    name: cfg.name,
    type: "binance",
    endpoint,
    needsPair: false,
    unavailable() {
      const missing = missingEnv(deps.env, [keyEnv, secretEnv]);
      if (!email())
        missing.push(emailEnv);
      return missing.length > 0 ? `${needEnvMessage(missing)}${!email() ? ` (or subAccountEmail in revoke.yaml)` : ""}` : void 0;
    },
    rejects(t) {
      if (t.secret === deps.env[keyEnv])
        return "this is the master key itself: the API deletes sub-account keys only";
      return void 0;
    },
    async attempt(batch, ctx) {
      const t = batch[0];
      const masterKey = deps.env[keyEnv];
      const masterSecret = deps.env[secretEnv];
      const params = new URLSearchParams({
        email: email(),
        subAccountApiKey: t.secret,
        recvWindow,
        timestamp: String(Date.now())
      });
      const query = params.toString();
      const url2 = `${endpoint.href}?${query}&signature=${binanceSign(masterSecret, query)}`;
      const res = await httpRequest(url2, { method: "DELETE", headers: { "X-MBX-APIKEY": masterKey, "User-Agent": `keyhound/${deps.version}` } }, ctx.timeoutMs);
      const status = res.status;
      if (status >= 200 && status < 300)
        return { outcome: "revoked", status };
      const data = jsonOf(res.text);
      const detail = data?.code !== void 0 ? `code ${String(data.code)}${data.msg ? ` ${String(data.msg)}` : ""}` : `HTTP ${status}`;
      const reason = scrub(detail, [t.secret, masterKey, masterSecret], 160);
      if (status === 429 || status === 418 || status >= 500 || Number(data?.code) === -1003) {
        return { outcome: "retry", status, retryAfterMs: waitHint(res.headers), reason };
      }
      return { outcome: "failed", status, reason };
    }
  };
}
var BINANCE_DEFAULT_BASE, BINANCE_PATH, BINANCE_KEY_ENV, BINANCE_SECRET_ENV, BINANCE_EMAIL_ENV;
var init_binance = __esm({
  "dist/src/revoke/issuers/binance.js"() {
    "use strict";
    init_http();
    init_signing();
    init_common2();
    BINANCE_DEFAULT_BASE = "https://api.binance.com";
    BINANCE_PATH = "/sapi/v1/sub-account/subAccountApi";
    BINANCE_KEY_ENV = "BINANCE_MASTER_API_KEY";
    BINANCE_SECRET_ENV = "BINANCE_MASTER_API_SECRET";
    BINANCE_EMAIL_ENV = "BINANCE_SUB_ACCOUNT_EMAIL";
  }
});

// dist/src/revoke/issuers/bybit.js
function bybitIssuer(cfg, deps) {
  const base = checkEndpointUrl(cfg.baseUrl ?? BYBIT_DEFAULT_BASE, `issuers.${cfg.name}.baseUrl`);
  const path = cfg.account === "sub" ? BYBIT_SUB_PATH : BYBIT_MASTER_PATH;
  const endpoint = new URL(path, base);
  const recvWindow = String(cfg.recvWindow ?? 5e3);
  const settings = baseSettings(cfg, deps, { concurrency: 2, rate: { requests: 5, perMs: 1e3 } });
  return {
    ...settings,
    name: cfg.name,
    type: "bybit",
    endpoint,
    needsPair: true,
    unavailable: () => void 0,
    rejects(t) {
      return t.pairSecret ? void 0 : "Bybit deletes a key only in a request signed by it: its API secret was not found next to it";
    },
    async attempt(batch, ctx) {
      const t = batch[0];
      const apiKey = t.secret;
      const secret = t.pairSecret;
      const body = "{}";
      const timestamp = String(Date.now());
      const headers = {
        "Content-Type": "application/json",
        "User-Agent": `keyhound/${deps.version}`,
        "X-BAPI-API-KEY": apiKey,
        "X-BAPI-TIMESTAMP": timestamp,
        "X-BAPI-RECV-WINDOW": recvWindow,
        "X-BAPI-SIGN-TYPE": "2",
        "X-BAPI-SIGN": bybitSign(secret, timestamp, apiKey, recvWindow, body)
      };
      const res = await httpRequest(endpoint, { method: "POST", headers, body }, ctx.timeoutMs);
      const status = res.status;
      const wait = waitHint(res.headers);
      if (status === 429 || status >= 500)
        return { outcome: "retry", status, retryAfterMs: wait, reason: `HTTP ${status}` };
      if (status === 403)
        return { outcome: "failed", status, reason: "HTTP 403: Bybit refuses requests from this network location" };
      if (status < 200 || status >= 300)
        return { outcome: "failed", status, reason: `HTTP ${status}` };
      const data = jsonOf(res.text);
      const code3 = Number(data?.retCode);
      const msg = scrub(String(data?.retMsg ?? ""), [apiKey, secret], 120);
      if (!data || !Number.isFinite(code3))
        return { outcome: "failed", status, reason: "unreadable answer (no retCode)" };
      switch (code3) {
        case 0:
          return { outcome: "revoked", status };
        case 10003:
        case 33004:
          return { outcome: "already-revoked", status, reason: `Bybit does not know this key (retCode ${code3}): deleted already, or it belongs to another environment than ${endpoint.host}` };
        case 10006:
        case 10018:
        case 10016:
        case 1e4:
          return { outcome: "retry", status, retryAfterMs: wait, reason: `retCode ${code3}${msg ? ` ${msg}` : ""}` };
        case 10002:
          return { outcome: "failed", status, reason: "request outside the receive window: check this machine's clock (retCode 10002)" };
        case 10004:
          return { outcome: "failed", status, reason: "signature rejected: the secret found next to the key is not its secret (retCode 10004)" };
        case 10005:
          return { outcome: "failed", status, reason: "the key lacks a permission needed to delete itself (retCode 10005): delete it on bybit.com" };
        case 10010:
          return { outcome: "failed", status, reason: "the key is bound to other IP addresses (retCode 10010): delete it on bybit.com" };
        default:
          return { outcome: "failed", status, reason: `retCode ${code3}${msg ? ` ${msg}` : ""}` };
      }
    }
  };
}
var BYBIT_DEFAULT_BASE, BYBIT_MASTER_PATH, BYBIT_SUB_PATH;
var init_bybit = __esm({
  "dist/src/revoke/issuers/bybit.js"() {
    "use strict";
    init_http();
    init_signing();
    init_common2();
    BYBIT_DEFAULT_BASE = "https://api.bybit.com";
    BYBIT_MASTER_PATH = "/v5/user/delete-api";
    BYBIT_SUB_PATH = "/v5/user/delete-sub-api";
  }
});

// dep:@octokit/rest
var require_rest = __commonJS({
  "dep:@octokit/rest"(exports, module) {
    module.exports = __require("@octokit/rest");
  }
});

// dist/src/revoke/issuers/github.js
function githubApiUrl(cfg, deps) {
  return (deps.githubApiUrl ?? cfg.apiUrl ?? deps.env.GITHUB_API_URL ?? GITHUB_DEFAULT_API).replace(/\/+$/, "");
}
function isGithubDotCom(url2) {
  return url2.hostname.toLowerCase() === "api.github.com";
}
function githubIssuer(cfg, deps) {
  const base = githubApiUrl(cfg, deps);
  const endpoint = checkEndpointUrl(base, deps.githubApiUrl ? "--github-api-url" : cfg.apiUrl ? `issuers.${cfg.name}.apiUrl` : "GITHUB_API_URL");
  const token = !isGithubDotCom(endpoint) && deps.env.GITHUB_TOKEN ? deps.env.GITHUB_TOKEN : void 0;
  const settings = baseSettings(cfg, deps, { concurrency: 1, rate: { requests: 60, perMs: 36e5 }, batchSize: GITHUB_BATCH });
  let octokit;
  const client2 = () => octokit ??= new import_rest.Octokit({
    baseUrl: base,
    auth: token,
    userAgent: `keyhound/${deps.version}`,
    request: { fetch: timeoutFetch(settings.timeoutMs), redirect: "manual" },
    log: { debug: () => {
    }, info: () => {
    }, warn: () => {
    }, error: () => {
    } }
  });
  return {
    ...settings,
    name: cfg.name,
    type: "github",
    endpoint: new URL(`${base}/credentials/revoke`),
    needsPair: false,
    unavailable: () => void 0,
    rejects(t) {
      if (GITHUB_REVOCABLE.test(t.secret))
        return void 0;
      if (t.secret.startsWith("ghs_"))
        return "ghs_ installation tokens are not accepted by GitHub's revocation API (they expire within an hour)";
      return "not a GitHub token type the revocation API accepts (ghp_, github_pat_, gho_, ghu_, ghr_)";
    },
    async attempt(batch, _ctx) {
      const credentials = [...new Set(batch.map((t) => t.secret))];
      const secrets = credentials;
      try {
        const res = await client2().rest.credentials.revoke({ credentials });
        if (res.status >= 200 && res.status < 300)
          return { outcome: "revoked", status: res.status, reason: res.status === 202 ? "accepted" : void 0 };
        return { outcome: "failed", status: res.status, reason: `unexpected HTTP ${res.status} (redirects are not followed)` };
      } catch (e) {
        const err = e;
        if (err.cause instanceof RequestTimeout || err.cause instanceof NetworkError)
          throw err.cause;
        if (e instanceof RequestTimeout || e instanceof NetworkError)
          throw e;
        const status = err.status;
        if (status === void 0)
          throw new NetworkError(e);
        const headers = new Headers(err.response?.headers ?? {});
        const wait = waitHint(headers);
        const message2 = scrub(String(err.message ?? ""), secrets);
        if (status === 429 || status === 403 && wait !== void 0 || status >= 500) {
          return { outcome: "retry", status, retryAfterMs: wait, reason: status === 429 || status === 403 ? "rate limited" : message2 || `HTTP ${status}` };
        }
        if (status === 422)
          return { outcome: "failed", status, reason: `validation failed or the endpoint has been spammed${message2 ? `: ${message2}` : ""}` };
        if (status === 403 && token)
          return { outcome: "failed", status, reason: `forbidden (this server rejects authenticated calls? unset GITHUB_TOKEN)${message2 ? `: ${message2}` : ""}` };
        return { outcome: "failed", status, reason: message2 || `HTTP ${status}` };
      }
    }
  };
}
var import_rest, GITHUB_DEFAULT_API, GITHUB_REVOCABLE, GITHUB_BATCH;
var init_github2 = __esm({
  "dist/src/revoke/issuers/github.js"() {
    "use strict";
    import_rest = __toESM(require_rest(), 1);
    init_http();
    init_common2();
    GITHUB_DEFAULT_API = "https://api.github.com";
    GITHUB_REVOCABLE = /^(ghp_|gho_|ghu_|ghr_|github_pat_)/;
    GITHUB_BATCH = 1e3;
  }
});

// dist/src/revoke/signing.js
function signWebhookBody(secret, body) {
  return `sha256=${hmacSha256Hex(secret, body)}`;
}
function verifyWebhookSignature(secret, body, header) {
  if (!header || !header.startsWith("sha256="))
    return false;
  const got = Buffer.from(header.slice(7), "hex");
  const want = createHmac("sha256", secret).update(body).digest();
  return got.length === want.length && timingSafeEqual(got, want);
}
var WEBHOOK_SIGNATURE_HEADER;
var init_signing2 = __esm({
  "dist/src/revoke/signing.js"() {
    "use strict";
    init_node_crypto();
    init_signing();
    WEBHOOK_SIGNATURE_HEADER = "X-Keyhound-Signature-256";
  }
});

// dist/src/revoke/issuers/webhook.js
function envRefs(text) {
  return [...text.matchAll(ENV_REF)].map((m13) => m13[1]);
}
function interpolateEnv(text, env) {
  return text.replace(ENV_REF, (_a, name2) => env[name2] ?? "");
}
function headerValue(headers, name2) {
  const k = Object.keys(headers).find((h) => h.toLowerCase() === name2.toLowerCase());
  return k === void 0 ? void 0 : headers[k];
}
function inferEncoding(cfg) {
  if (cfg.encoding)
    return cfg.encoding;
  const ct = headerValue(cfg.headers ?? {}, "content-type")?.toLowerCase() ?? "";
  if (ct.includes("json"))
    return "json";
  if (ct.includes("x-www-form-urlencoded"))
    return "form";
  if (ct)
    return "raw";
  const b = (cfg.body ?? DEFAULT_WEBHOOK_BODY).trim();
  return b.startsWith("{") || b.startsWith("[") ? "json" : "raw";
}
function renderBody(template, values, encoding) {
  return template.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (_a, name2) => {
    const v = values[name2] ?? "";
    if (encoding === "json")
      return JSON.stringify(v).slice(1, -1);
    if (encoding === "form")
      return encodeURIComponent(v);
    return v;
  });
}
function webhookIssuer(cfg, deps) {
  const url2 = checkEndpointUrl(cfg.url, `issuers.${cfg.name}.url`);
  const settings = baseSettings(cfg, deps, { concurrency: 2, rate: { requests: 10, perMs: 1e3 } });
  const signingEnv = cfg.signingSecretEnv ?? DEFAULT_SIGNING_SECRET_ENV;
  const sigHeader = cfg.signatureHeader ?? WEBHOOK_SIGNATURE_HEADER;
  const template = cfg.body ?? DEFAULT_WEBHOOK_BODY;
  const encoding = inferEncoding(cfg);
  const method = cfg.method ?? "POST";
  const neededEnv = [signingEnv, ...Object.values(cfg.headers ?? {}).flatMap(envRefs)];
  return {
    ...settings,
    name: cfg.name,
    type: "webhook",
    endpoint: url2,
    needsPair: false,
    unavailable() {
      const missing = missingEnv(deps.env, neededEnv);
      return missing.length > 0 ? needEnvMessage([...new Set(missing)]) : void 0;
    },
    rejects: () => void 0,
    async attempt(batch, ctx) {
      const t = batch[0];
      const delivery = ctx.delivery;
      const values = {
        secret: t.secret,
        rule: t.ruleId,
        provider: t.provider,
        fingerprint: t.fingerprint,
        redacted: t.redacted,
        file: t.file,
        line: String(t.line),
        commit: t.commit ?? "",
        time: (/* @__PURE__ */ new Date()).toISOString(),
        delivery
      };
      const body = renderBody(template, values, encoding);
      if (encoding === "json") {
        try {
          JSON.parse(body);
        } catch {
          return { outcome: "failed", reason: `issuers.${cfg.name}.body does not render valid JSON` };
        }
      }
      const headers = {};
      for (const [k, v] of Object.entries(cfg.headers ?? {}))
        headers[k] = interpolateEnv(v, deps.env);
      if (!headerValue(headers, "content-type")) {
        headers["Content-Type"] = encoding === "json" ? "application/json" : encoding === "form" ? "application/x-www-form-urlencoded" : "text/plain; charset=utf-8";
      }
      if (!headerValue(headers, "user-agent"))
        headers["User-Agent"] = `keyhound/${deps.version}`;
      headers[sigHeader] = signWebhookBody(deps.env[signingEnv], body);
      headers["X-Keyhound-Delivery"] = delivery;
      headers["X-Keyhound-Attempt"] = String(ctx.attempt);
      const res = await httpRequest(url2, { method, headers, body }, ctx.timeoutMs);
      const c = classifyStatus(res.status, res.headers);
      if (res.status >= 300 && res.status < 400)
        return { outcome: "failed", status: res.status, reason: "redirect not followed" };
      const secrets = [t.secret, deps.env[signingEnv], ...neededEnv.map((n) => deps.env[n])];
      const reason = c.outcome === "already-revoked" ? "receiver says already gone" : c.outcome === "revoked" ? void 0 : scrub(`HTTP ${res.status} (response body not shown)`, secrets, 160);
      return { ...c, status: res.status, reason };
    }
  };
}
var DEFAULT_SIGNING_SECRET_ENV, DEFAULT_WEBHOOK_BODY, ENV_REF;
var init_webhook = __esm({
  "dist/src/revoke/issuers/webhook.js"() {
    "use strict";
    init_http();
    init_signing2();
    init_common2();
    DEFAULT_SIGNING_SECRET_ENV = "KEYHOUND_WEBHOOK_SECRET";
    DEFAULT_WEBHOOK_BODY = '{"secret":"{{secret}}","rule":"{{rule}}","provider":"{{provider}}","fingerprint":"{{fingerprint}}","file":"{{file}}","line":{{line}},"commit":"{{commit}}","delivery":"{{delivery}}","time":"{{time}}"}';
    ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
  }
});

// dist/src/revoke/issuers/index.js
function createIssuers(config, deps) {
  const configs = [...config.issuers.values()];
  for (const name2 of BUILTIN_ISSUERS) {
    if (!config.issuers.has(name2))
      configs.push({ name: name2, type: name2, enabled: true });
  }
  const issuers = /* @__PURE__ */ new Map();
  const disabled = /* @__PURE__ */ new Set();
  for (const cfg of configs) {
    if (!cfg.enabled) {
      disabled.add(cfg.name);
      continue;
    }
    try {
      issuers.set(cfg.name, FACTORIES[cfg.type](cfg, deps));
    } catch (e) {
      throw new UsageError(`${config.source ? `${config.source}: ` : ""}${e.message}`);
    }
  }
  return { issuers, disabled, configs };
}
var FACTORIES, BUILTIN_ISSUERS;
var init_issuers = __esm({
  "dist/src/revoke/issuers/index.js"() {
    "use strict";
    init_errors();
    init_alchemy();
    init_binance();
    init_bybit();
    init_github2();
    init_webhook();
    FACTORIES = {
      github: githubIssuer,
      webhook: webhookIssuer,
      bybit: bybitIssuer,
      binance: binanceIssuer,
      alchemy: alchemyIssuer
    };
    BUILTIN_ISSUERS = ["github", "bybit", "binance", "alchemy"];
  }
});

// dist/src/core/rule.js
function trustedRevoker(rule) {
  return rule.origin === "built-in" ? rule.revoker : void 0;
}
var init_rule = __esm({
  "dist/src/core/rule.js"() {
    "use strict";
  }
});

// dist/src/revoke/plan.js
var plan_exports = {};
__export(plan_exports, {
  buildPlan: () => buildPlan,
  globMatch: () => globMatch,
  isSecretPart: () => isSecretPart,
  planSecrets: () => planSecrets
});
function globMatch(patterns, value) {
  return (patterns ?? []).some((p) => new RegExp(`^${p.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(value));
}
function isSecretPart(f) {
  return !!f.pair && /secret|private|passphrase|password/i.test(f.pair.part);
}
function targetOf(f, count2) {
  return {
    ruleId: f.ruleId,
    provider: f.provider,
    secret: f.secret,
    fingerprint: f.fingerprint,
    alsoFingerprints: [],
    redacted: f.redacted,
    file: f.file,
    line: f.line,
    commit: f.commit?.sha,
    locations: count2
  };
}
function buildPlan({ findings, rules, issuers, state, forceIssuer }) {
  const plan = { items: [], skipped: [], notRevocable: 0, knownPublic: 0, warnings: [] };
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const first = /* @__PURE__ */ new Map();
  const count2 = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (f.knownPublic) {
      plan.knownPublic++;
      continue;
    }
    if (!first.has(f.fingerprint))
      first.set(f.fingerprint, f);
    count2.set(f.fingerprint, (count2.get(f.fingerprint) ?? 0) + 1);
  }
  const untrusted = /* @__PURE__ */ new Set();
  const routeOf = (f) => {
    if (forceIssuer)
      return forceIssuer;
    for (const cfg of issuers.configs) {
      if (globMatch(cfg.rules, f.ruleId) || globMatch(cfg.providers, f.provider))
        return cfg.name;
    }
    const rule = ruleById.get(f.ruleId);
    if (!rule?.revoker)
      return void 0;
    const revoker = trustedRevoker(rule);
    if (!revoker)
      untrusted.add(rule);
    return revoker;
  };
  const routed = /* @__PURE__ */ new Map();
  for (const [fp, f] of first)
    routed.set(fp, routeOf(f));
  const bySecret = /* @__PURE__ */ new Map();
  for (const [fp, f] of first) {
    const name2 = routed.get(fp);
    const target = targetOf(f, count2.get(fp));
    if (!name2) {
      plan.notRevocable++;
      continue;
    }
    const skip = (kind, reason, endpoint) => plan.skipped.push({ target, issuer: name2, endpoint, kind, reason });
    if (issuers.disabled.has(name2)) {
      skip("disabled", "issuer disabled in revoke.yaml (enabled: false)");
      continue;
    }
    const issuer = issuers.issuers.get(name2);
    if (!issuer) {
      skip("no-issuer", `no issuer named "${name2}": declare it in revoke.yaml`);
      continue;
    }
    const host = issuer.endpoint.host;
    const related = (f.related ?? []).map((r) => first.get(r)).filter((r) => !!r && routed.get(r.fingerprint) === name2);
    if (KEY_ADDRESSED.has(issuer.type) && isSecretPart(f)) {
      if (related.some((r) => !isSecretPart(r)))
        continue;
      skip("unpaired", `${issuer.type} deletes keys by their API key: this secret's key was not found next to it`, host);
      continue;
    }
    if (KEY_ADDRESSED.has(issuer.type)) {
      const secretPart = related.find((r) => isSecretPart(r));
      if (secretPart) {
        target.alsoFingerprints.push(secretPart.fingerprint);
        if (issuer.needsPair)
          target.pairSecret = secretPart.secret;
      }
    }
    const done = state?.get(fp);
    if (done) {
      skip("state", `already ${done.outcome === "revoked" ? "revoked" : "gone"} (${done.issuer}, ${done.time}; state file)`, host);
      continue;
    }
    const unavailable = issuer.unavailable();
    if (unavailable) {
      skip("unavailable", unavailable, host);
      continue;
    }
    const rejected = issuer.rejects(target);
    if (rejected) {
      skip("rejected", rejected, host);
      continue;
    }
    const key = `${name2}\0${target.secret}`;
    const same2 = bySecret.get(key);
    if (same2) {
      same2.target.alsoFingerprints.push(fp, ...target.alsoFingerprints);
      same2.target.locations += target.locations;
      continue;
    }
    const item = { target, issuer };
    bySecret.set(key, item);
    plan.items.push(item);
  }
  for (const rule of untrusted) {
    const from = rule.origin === "repository-config" ? "comes from the scanned tree's config" : rule.origin === "rules-option" ? `comes from a rule file (${rule.source ?? "--rules"})` : "is not a built-in rule";
    plan.warnings.push(`rule "${rule.id}" ${from}: its "revoker" is ignored (route it with rules: in your own revoke.yaml)`);
  }
  return plan;
}
function planSecrets(plan) {
  const out = [];
  for (const { target } of [...plan.items, ...plan.skipped]) {
    out.push(target.secret);
    if (target.pairSecret)
      out.push(target.pairSecret);
  }
  return out;
}
var KEY_ADDRESSED;
var init_plan = __esm({
  "dist/src/revoke/plan.js"() {
    "use strict";
    init_rule();
    KEY_ADDRESSED = /* @__PURE__ */ new Set(["bybit", "binance"]);
  }
});

// dist/src/revoke/repo-config.js
function judgeRepoConfig(data, file) {
  const out = { disabled: false, warnings: [], file };
  if (!data || typeof data !== "object" || Array.isArray(data))
    return out;
  const refused = [];
  for (const [k, v] of Object.entries(data)) {
    if (k === REPO_REVOKE_KEY) {
      if (v === false)
        out.disabled = true;
      else if (v === true)
        refused.push(`"revoke: true" (the scanned tree can only disable revocation; enable it with --revoke)`);
      else
        refused.push(`"revoke:" with ${Array.isArray(v) ? "a list" : typeof v === "object" && v ? "settings" : JSON.stringify(v)}`);
    } else if (SUSPECT_KEY.test(k)) {
      refused.push(`"${k}:"`);
    }
  }
  if (refused.length > 0) {
    out.warnings.push(`${file}: refused revocation settings ${refused.join(", ")}: a config inside the scanned tree may only disable revocation (revoke: false); endpoints and credentials come only from --revoke-config, $XDG_CONFIG_HOME/keyhound/revoke.yaml or the environment`);
  }
  return out;
}
function readRepoConfig(root, configFile) {
  let file = configFile ? resolve(configFile) : void 0;
  if (!file) {
    let dir = resolve(root);
    try {
      if (!statSync(dir).isDirectory())
        dir = dirname(dir);
    } catch {
      dir = dirname(dir);
    }
    file = [".keyhound.yaml", ".keyhound.yml"].map((n) => join(dir, n)).find((p) => existsSync(p));
  }
  if (!file || !existsSync(file))
    return { disabled: false, warnings: [] };
  const name2 = configFile ?? basename(file);
  try {
    const doc = (0, import_yaml2.parseDocument)(readRegularFile(file).toString("utf8"));
    if (doc.errors.length > 0)
      return { disabled: false, warnings: [], file: name2 };
    return judgeRepoConfig(doc.toJS(), name2);
  } catch {
    return { disabled: false, warnings: [], file: name2 };
  }
}
var import_yaml2, REPO_REVOKE_KEY, repoRevokeSchema, SUSPECT_KEY;
var init_repo_config = __esm({
  "dist/src/revoke/repo-config.js"() {
    "use strict";
    init_node_fs();
    init_safe_fs();
    init_node_path();
    import_yaml2 = __toESM(require_yaml(), 1);
    REPO_REVOKE_KEY = "revoke";
    repoRevokeSchema = { type: "boolean" };
    SUSPECT_KEY = /revok|webhook|issuer|endpoint|callback/i;
  }
});

// dep:p-limit
var require_p_limit = __commonJS({
  "dep:p-limit"(exports, module) {
    module.exports = __require("p-limit");
  }
});

// dist/src/net/limits.js
function backoffDelay(n, baseMs, maxMs, random = Math.random) {
  const cap = Math.min(maxMs, baseMs * 2 ** (n - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}
var WaitTooLong, sleep, RateLimiter;
var init_limits = __esm({
  "dist/src/net/limits.js"() {
    "use strict";
    WaitTooLong = class extends Error {
      waitMs;
      constructor(waitMs) {
        super(`rate limited: the next request is allowed in ${Math.ceil(waitMs / 1e3)} s, longer than the wait allowed (retry.maxWait)`);
        this.waitMs = waitMs;
        this.name = "WaitTooLong";
      }
    };
    sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    RateLimiter = class {
      rate;
      maxWaitMs;
      tokens;
      last = Date.now();
      pausedUntil = 0;
      queue = Promise.resolve();
      constructor(rate2, maxWaitMs) {
        this.rate = rate2;
        this.maxWaitMs = maxWaitMs;
        this.tokens = rate2.requests;
      }
      refill(now) {
        const add = (now - this.last) / this.rate.perMs * this.rate.requests;
        this.tokens = Math.min(this.rate.requests, this.tokens + add);
        this.last = now;
      }
      /** Time until a token is free and any pause is over, ms. */
      waitNeeded(now) {
        this.refill(now);
        const forToken = this.tokens >= 1 ? 0 : (1 - this.tokens) / this.rate.requests * this.rate.perMs;
        return Math.max(forToken, this.pausedUntil - now, 0);
      }
      /** Waits for a request slot, in call order. */
      take() {
        const next = this.queue.then(async () => {
          const wait = this.waitNeeded(Date.now());
          if (wait > this.maxWaitMs)
            throw new WaitTooLong(wait);
          if (wait > 0)
            await sleep(wait);
          this.refill(Date.now());
          this.tokens -= 1;
        });
        this.queue = next.catch(() => void 0);
        return next;
      }
      /** The issuer asked for a pause: no request before now + ms. */
      pause(ms) {
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
      }
    };
  }
});

// dist/src/revoke/run.js
function entry(run, t, issuer, endpoint, attempt, status, outcome, reason) {
  const e = {
    time: (/* @__PURE__ */ new Date()).toISOString(),
    run,
    rule: t.ruleId,
    provider: t.provider,
    fingerprint: t.fingerprint,
    redacted: t.redacted,
    issuer,
    endpoint,
    attempt,
    status: status ?? null,
    outcome,
    commit: t.commit ?? null,
    file: t.file,
    line: t.line
  };
  if (reason)
    e.reason = reason;
  return e;
}
async function executePlan(plan, opts) {
  const results = [];
  const clean = (s) => s === void 0 ? void 0 : scrub(s, opts.secrets, 300);
  for (const s of plan.skipped) {
    results.push({ target: s.target, issuer: s.issuer, endpoint: s.endpoint ?? "", outcome: "skipped", skip: s.kind, attempts: 0, reason: s.reason });
    if (!opts.dryRun)
      opts.audit?.write([{ entry: entry(opts.runId, s.target, s.issuer, s.endpoint ?? "", 0, void 0, "skipped", clean(s.reason)), secrets: [s.target.secret, s.target.pairSecret] }]);
  }
  if (opts.dryRun) {
    for (const { target, issuer } of plan.items) {
      results.push({ target, issuer: issuer.name, endpoint: issuer.endpoint.host, outcome: "planned", attempts: 0 });
    }
    return results;
  }
  const global = (0, import_p_limit.default)(opts.concurrency);
  const byIssuer = /* @__PURE__ */ new Map();
  for (const item of plan.items) {
    const list = byIssuer.get(item.issuer) ?? [];
    list.push(item);
    byIssuer.set(item.issuer, list);
  }
  const tasks = [];
  for (const [issuer, items] of byIssuer) {
    const limiter = new RateLimiter(issuer.rate, opts.retry.maxWaitMs);
    const local = (0, import_p_limit.default)(issuer.concurrency);
    for (let i = 0; i < items.length; i += issuer.batchSize) {
      const batch = items.slice(i, i + issuer.batchSize).map((x) => x.target);
      tasks.push(local(() => global(() => runBatch(issuer, limiter, batch))));
    }
  }
  await Promise.all(tasks);
  return results;
  async function runBatch(issuer, limiter, batch) {
    const host = issuer.endpoint.host;
    const fps = batch.flatMap((t) => [t.fingerprint, ...t.alsoFingerprints]);
    const delivery = opts.state ? opts.state.begin(fps, issuer.name, opts.runId) : randomUUID();
    const audit = (attempt, r, outcome, reason) => {
      const why = clean(reason);
      opts.audit?.write(batch.map((t) => ({ entry: { ...entry(opts.runId, t, issuer.name, host, attempt, r.status, outcome, why), delivery }, secrets: [t.secret, t.pairSecret] })));
    };
    const finish = (attempts, outcome, status, reason) => {
      const why = clean(reason);
      for (const t of batch)
        results.push({ target: t, issuer: issuer.name, endpoint: host, outcome, status, attempts, reason: why });
      if ((outcome === "revoked" || outcome === "already-revoked") && opts.state) {
        const time = (/* @__PURE__ */ new Date()).toISOString();
        opts.state.markMany(batch.map((t) => ({
          fingerprints: [t.fingerprint, ...t.alsoFingerprints],
          entry: { rule: t.ruleId, issuer: issuer.name, outcome, time, redacted: t.redacted }
        })));
      }
    };
    const max = issuer.retries + 1;
    for (let attempt = 1; attempt <= max; attempt++) {
      try {
        await limiter.take();
      } catch (e) {
        const reason = e instanceof WaitTooLong ? e.message : "rate limiter failed";
        audit(attempt, {}, "failed", reason);
        finish(attempt - 1, "failed", void 0, reason);
        return;
      }
      let r;
      audit(attempt, {}, "sending");
      try {
        r = await issuer.attempt(batch, { timeoutMs: issuer.timeoutMs, attempt, delivery });
      } catch (e) {
        if (e instanceof RequestTimeout || e instanceof NetworkError)
          r = { outcome: "retry", reason: e.message };
        else
          r = { outcome: "failed", reason: `internal error: ${e.message}` };
      }
      if (r.retryAfterMs !== void 0 && r.retryAfterMs > 0)
        limiter.pause(r.retryAfterMs);
      if (r.outcome !== "retry") {
        audit(attempt, r, r.outcome, r.reason);
        finish(attempt, r.outcome, r.status, r.reason);
        return;
      }
      if (attempt === max) {
        const reason = `${r.reason ?? "transient error"}; gave up after ${max} attempt${max === 1 ? "" : "s"}`;
        audit(attempt, r, "failed", reason);
        finish(attempt, "failed", r.status, reason);
        return;
      }
      const wait = r.retryAfterMs ?? backoffDelay(attempt, opts.retry.baseDelayMs, opts.retry.maxDelayMs, opts.random);
      if (wait > opts.retry.maxWaitMs) {
        const reason = `${r.reason ?? "rate limited"}; asked to wait ${Math.ceil(wait / 1e3)} s, more than retry.maxWait: run again later`;
        audit(attempt, r, "failed", reason);
        finish(attempt, "failed", r.status, reason);
        return;
      }
      audit(attempt, r, "retrying", r.reason);
      await sleep(wait);
    }
  }
}
function tally(results) {
  const t = { revoked: 0, "already-revoked": 0, failed: 0, skipped: 0, planned: 0 };
  for (const r of results)
    t[r.outcome]++;
  return t;
}
var import_p_limit;
var init_run = __esm({
  "dist/src/revoke/run.js"() {
    "use strict";
    init_node_crypto();
    import_p_limit = __toESM(require_p_limit(), 1);
    init_http();
    init_limits();
  }
});

// dist/src/revoke/report.js
function where(r) {
  const t = r.target;
  const file = t.file.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
  const loc = `${file}${t.line ? `:${t.line}` : ""}${t.commit ? ` @${t.commit.slice(0, 12)}` : ""}`;
  return t.locations > 1 ? `${loc} (+${t.locations - 1} more)` : loc;
}
function pad(s, n) {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function formatResults(results, plan, opts) {
  const lines2 = [];
  lines2.push(opts.dryRun ? "revocation plan (dry run: nothing was sent; add --yes to revoke):" : "revocation:");
  const order = ["planned", "revoked", "already-revoked", "failed", "skipped"];
  const sorted = [...results].sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome));
  const w = {
    label: Math.max(...sorted.map((r) => label(r).length), 7),
    rule: Math.max(...sorted.map((r) => r.target.ruleId.length), 4),
    secret: Math.max(...sorted.map((r) => r.target.redacted.length), 6),
    issuer: Math.max(...sorted.map((r) => r.issuer.length), 6),
    host: Math.max(...sorted.map((r) => (r.endpoint || "-").length), 8)
  };
  for (const r of sorted) {
    const status = r.status !== void 0 ? ` HTTP ${r.status}` : "";
    const reason = r.reason ? `  ${r.reason}` : "";
    lines2.push(`  ${pad(label(r), w.label)}  ${pad(r.target.ruleId, w.rule)}  ${pad(r.target.redacted, w.secret)}  ${pad(r.issuer, w.issuer)}  ${pad(r.endpoint || "-", w.host)}  ${where(r)}${status}${reason}`);
  }
  if (results.length === 0)
    lines2.push("  nothing to revoke");
  const extra = [];
  if (plan.notRevocable > 0)
    extra.push(`${plan.notRevocable} finding${plan.notRevocable === 1 ? " has" : "s have"} no issuer able to revoke ${plan.notRevocable === 1 ? "it" : "them"}: rotate by hand`);
  if (plan.knownPublic > 0)
    extra.push(`${plan.knownPublic} known public test key${plan.knownPublic === 1 ? "" : "s"} not sent`);
  for (const e of extra)
    lines2.push(`  ${e}`);
  const t = tally(results);
  const earlier = results.filter((r) => r.skip === "state").length;
  const summary2 = opts.dryRun ? `${t.planned} to revoke, ${earlier ? `${earlier} done earlier, ` : ""}${t.skipped - earlier} skipped` : `${t.revoked} revoked, ${t["already-revoked"]} already gone, ${t.failed} failed, ${earlier ? `${earlier} done earlier, ` : ""}${t.skipped - earlier} skipped`;
  lines2.push(`${summary2}${!opts.dryRun && opts.auditLog ? `; audit log: ${opts.auditLog}` : ""}`);
  return lines2.join("\n") + "\n";
}
function resultsJson(results, opts) {
  return JSON.stringify({
    dryRun: opts.dryRun,
    auditLog: opts.dryRun ? null : opts.auditLog ?? null,
    results: results.map((r) => ({
      rule: r.target.ruleId,
      provider: r.target.provider,
      fingerprint: r.target.fingerprint,
      redacted: r.target.redacted,
      issuer: r.issuer,
      endpoint: r.endpoint || null,
      outcome: r.outcome,
      skipped: r.skip ?? null,
      status: r.status ?? null,
      attempts: r.attempts,
      reason: r.reason ?? null,
      file: r.target.file,
      line: r.target.line,
      commit: r.target.commit ?? null
    })),
    summary: tally(results)
  }, null, 2) + "\n";
}
var LABEL2, label;
var init_report2 = __esm({
  "dist/src/revoke/report.js"() {
    "use strict";
    init_run();
    LABEL2 = {
      planned: "would revoke",
      revoked: "revoked",
      "already-revoked": "already gone",
      failed: "FAILED",
      skipped: "skipped"
    };
    label = (r) => r.skip === "state" ? "done earlier" : LABEL2[r.outcome];
  }
});

// dist/src/revoke/state.js
function empty() {
  return { version: 1, revoked: {}, pending: {} };
}
function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0)
    return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
var FP, STATE_MAX_BYTES, StateLockedError, StateLock, RevokeState;
var init_state = __esm({
  "dist/src/revoke/state.js"() {
    "use strict";
    init_node_crypto();
    init_node_fs();
    init_node_path();
    init_safe_fs();
    FP = /^[0-9a-f]{8,128}$/;
    STATE_MAX_BYTES = 64 * 1024 * 1024;
    StateLockedError = class extends Error {
      constructor(file, pid) {
        super(`revocation state ${file} is locked by another keyhound run (pid ${pid || "unknown"}); wait for it to finish`);
        this.name = "UsageError";
      }
    };
    StateLock = class _StateLock {
      file;
      held = false;
      onExit = () => this.release();
      constructor(file) {
        this.file = file;
      }
      static async acquire(stateFile, waitMs = 12e4) {
        const lock = new _StateLock(`${stateFile}.lock`);
        ensureDir(dirname(stateFile), 448);
        const deadline = Date.now() + waitMs;
        for (; ; ) {
          try {
            const fd = openSync(lock.file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 384);
            writeSync(fd, `${process.pid}
`);
            closeSync(fd);
            lock.held = true;
            process.once("exit", lock.onExit);
            return lock;
          } catch (e) {
            if (e.code !== "EEXIST")
              throw new Error(`cannot lock revocation state ${stateFile} (${e.code})`);
          }
          let owner = "";
          try {
            owner = (readTextIfExists(lock.file, { maxBytes: 64 }) ?? "").trim();
          } catch {
            owner = "";
          }
          if (owner !== "" && !alive(Number(owner))) {
            try {
              unlinkSync(lock.file);
            } catch {
            }
            continue;
          }
          if (Date.now() > deadline)
            throw new StateLockedError(stateFile, owner);
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
        }
      }
      release() {
        if (!this.held)
          return;
        this.held = false;
        process.removeListener("exit", this.onExit);
        try {
          unlinkSync(this.file);
        } catch {
        }
      }
    };
    RevokeState = class _RevokeState {
      file;
      data;
      constructor(file) {
        this.file = file;
        this.data = _RevokeState.read(file);
      }
      static read(file) {
        let text;
        try {
          text = readTextIfExists(file, { maxBytes: STATE_MAX_BYTES, what: "revocation state" });
        } catch (e) {
          throw Object.assign(new Error(`revocation state ${e.message}`), { name: "UsageError" });
        }
        if (text === void 0)
          return empty();
        try {
          const d = JSON.parse(text);
          const out = empty();
          for (const [fp, e] of Object.entries(d.revoked ?? {}))
            if (FP.test(fp) && e && typeof e === "object")
              out.revoked[fp] = e;
          for (const [fp, e] of Object.entries(d.pending ?? {})) {
            if (FP.test(fp) && e && typeof e === "object" && typeof e.delivery === "string")
              out.pending[fp] = e;
          }
          return out;
        } catch {
          throw Object.assign(new Error(`revocation state file ${file} is not valid JSON; move it away to start afresh`), { name: "UsageError" });
        }
      }
      get(fingerprint2) {
        return Object.hasOwn(this.data.revoked, fingerprint2) ? this.data.revoked[fingerprint2] : void 0;
      }
      has(fingerprint2) {
        return Object.hasOwn(this.data.revoked, fingerprint2);
      }
      size() {
        return Object.keys(this.data.revoked).length;
      }
      /** The delivery id journalled for a fingerprint by an earlier, unfinished attempt. */
      pending(fingerprint2) {
        return Object.hasOwn(this.data.pending, fingerprint2) ? this.data.pending[fingerprint2] : void 0;
      }
      /**
       * Journals the intent to send a request for these fingerprints, before it is sent, and returns its
       * delivery id: the one an earlier unfinished attempt recorded (a crash, a timeout), or a new one.
       */
      begin(fingerprints, issuer, run) {
        const delivery = fingerprints.map((fp) => this.pending(fp)?.delivery).find((d) => d !== void 0) ?? randomUUID();
        const time = (/* @__PURE__ */ new Date()).toISOString();
        for (const fp of fingerprints)
          this.data.pending[fp] = { issuer, delivery, time, run };
        this.save();
        return delivery;
      }
      /** Records fingerprints and writes the file at once. */
      mark(fingerprints, entry2) {
        this.markMany([{ fingerprints, entry: entry2 }]);
      }
      /** Settles requests: revoked fingerprints are recorded and leave the journal. */
      markMany(list) {
        if (list.length === 0)
          return;
        for (const { fingerprints, entry: entry2 } of list) {
          for (const fp of fingerprints) {
            this.data.revoked[fp] = entry2;
            delete this.data.pending[fp];
          }
        }
        this.save();
      }
      save() {
        writeFileSafe(this.file, JSON.stringify(this.data, null, 2) + "\n", { mode: 384, mkdir: 448 });
      }
    };
  }
});

// dist/src/revoke/index.js
var revoke_exports = {};
__export(revoke_exports, {
  REPO_REVOKE_KEY: () => REPO_REVOKE_KEY,
  STATE_FILE_NAME: () => STATE_FILE_NAME,
  WEBHOOK_SIGNATURE_HEADER: () => WEBHOOK_SIGNATURE_HEADER,
  defaultRevokePaths: () => defaultRevokePaths,
  judgeRepoConfig: () => judgeRepoConfig,
  repoRevokeSchema: () => repoRevokeSchema,
  revokeExitCode: () => revokeExitCode,
  revokeFindings: () => revokeFindings,
  signWebhookBody: () => signWebhookBody,
  verifyWebhookSignature: () => verifyWebhookSignature
});
function defaultRevokePaths(env = process.env) {
  const dir = stateDir(env);
  return { auditLog: join(dir, AUDIT_LOG_NAME), stateFile: join(dir, STATE_FILE_NAME) };
}
async function revokeFindings(findings, rules, opts, io) {
  const env = io.env ?? process.env;
  const cwd = io.cwd ?? process.cwd();
  const dryRun = !opts.yes;
  if (opts.root !== void 0 || opts.config !== void 0) {
    const verdict = readRepoConfig(opts.root ?? cwd, opts.config);
    for (const w of verdict.warnings)
      io.warn(w);
    if (verdict.disabled) {
      io.warn(`revocation disabled by ${verdict.file} (revoke: false): nothing planned, nothing sent`);
      return { results: [], dryRun, disabledByRepo: true };
    }
  }
  const config = loadRevokeConfig({ file: opts.revokeConfig, env });
  for (const w of config.warnings)
    io.warn(w);
  const issuers = createIssuers(config, { env, githubApiUrl: opts.githubApiUrl, retry: config.retry, version: io.version ?? "0.0.0" });
  if (opts.forceIssuer && !issuers.issuers.has(opts.forceIssuer) && !issuers.disabled.has(opts.forceIssuer)) {
    const { UsageError: UsageError2 } = await Promise.resolve().then(() => (init_errors(), errors_exports));
    throw new UsageError2(`no issuer named "${opts.forceIssuer}" (known: ${[...issuers.issuers.keys()].join(", ")})`);
  }
  const defaults2 = defaultRevokePaths(env);
  const auditLog = resolve(cwd, opts.auditLog ?? config.auditLog ?? defaults2.auditLog);
  const stateFile = resolve(cwd, opts.revokeState ?? config.stateFile ?? defaults2.stateFile);
  const lock = dryRun ? void 0 : await StateLock.acquire(stateFile);
  try {
    return await revokeLocked(findings, rules, opts, io, { config, issuers, auditLog, stateFile, dryRun });
  } finally {
    lock?.release();
  }
}
async function revokeLocked(findings, rules, opts, io, ctx) {
  const { config, issuers, auditLog, stateFile, dryRun } = ctx;
  const state = new RevokeState(stateFile);
  const plan = buildPlan({ findings, rules, issuers, state, forceIssuer: opts.forceIssuer });
  for (const w of plan.warnings)
    io.warn(w);
  const secrets = planSecrets(plan);
  const audit = dryRun ? void 0 : new AuditLog(auditLog);
  const results = await executePlan(plan, {
    dryRun,
    retry: config.retry,
    concurrency: config.concurrency,
    audit,
    state: dryRun ? void 0 : state,
    runId: randomUUID(),
    secrets,
    random: io.random
  });
  const shown = opts.format === "json" ? resultsJson(results, { dryRun, auditLog }) : formatResults(results, plan, { dryRun, auditLog });
  io.out(scrubAll(shown, secrets));
  return { results, plan, dryRun, disabledByRepo: false, auditLog, stateFile };
}
function scrubAll(text, secrets) {
  return scrubSecrets(text, secrets);
}
function revokeExitCode(run) {
  return tally(run.results).failed > 0 ? 1 : 0;
}
var STATE_FILE_NAME;
var init_revoke = __esm({
  "dist/src/revoke/index.js"() {
    "use strict";
    init_node_crypto();
    init_node_path();
    init_secret_forms();
    init_state_dir();
    init_audit();
    init_config();
    init_issuers();
    init_plan();
    init_repo_config();
    init_report2();
    init_run();
    init_state();
    init_signing2();
    init_repo_config();
    STATE_FILE_NAME = "revoke-state.json";
  }
});

// dist/src/verify/types.js
function field(o, ...path) {
  let v = o;
  for (const p of path) {
    if (v === null || typeof v !== "object")
      return void 0;
    v = v[p];
  }
  return v;
}
function unexpected(r, what = "unexpected answer") {
  return { status: "error", detail: `${what} (HTTP ${r.status})` };
}
function badSignature(code3) {
  return { status: "invalid", detail: `signature rejected (${code3}): the secret found beside the key is not its secret` };
}
function badPassphrase(code3) {
  return { status: "invalid", detail: `passphrase rejected (${code3}): the passphrase found beside the key is not its passphrase` };
}
function ipBound(code3) {
  return { status: "live", ipRestricted: true, detail: `the key is bound to other IP addresses (${code3}): rights not readable from here` };
}
function clockSkew(code3) {
  return { status: "error", detail: `request time refused (${code3}): check this machine's clock` };
}
var RateLimited;
var init_types2 = __esm({
  "dist/src/verify/types.js"() {
    "use strict";
    RateLimited = class extends Error {
      waitMs;
      constructor(waitMs) {
        super(`rate limited${waitMs !== void 0 ? ` (asked to wait ${Math.ceil(waitMs / 1e3)} s)` : ""}`);
        this.waitMs = waitMs;
        this.name = "RateLimited";
      }
    };
  }
});

// dist/src/verify/client.js
var IssuerClient;
var init_client = __esm({
  "dist/src/verify/client.js"() {
    "use strict";
    init_http();
    init_limits();
    init_types2();
    IssuerClient = class {
      base;
      settings;
      limiter;
      /** Requests sent, for tests and the summary. */
      sent = 0;
      constructor(base, rate2, settings) {
        this.base = base;
        this.settings = settings;
        this.limiter = new RateLimiter(rate2, settings.maxWaitMs);
      }
      get host() {
        return this.base.host;
      }
      /** Base URL + path: the base's own path prefix is kept (`https://host/api` + `/v1/x`); '' is the base itself. */
      urlFor(path) {
        if (path === "")
          return new URL(this.base.href);
        const prefix = this.base.pathname.replace(/\/+$/, "");
        const u = new URL(this.base.href);
        const q = path.indexOf("?");
        u.pathname = prefix + (q < 0 ? path : path.slice(0, q));
        u.search = q < 0 ? "" : path.slice(q);
        return u;
      }
      async send(build, rateLimited) {
        for (let attempt = 0; ; attempt++) {
          try {
            await this.limiter.take();
          } catch (e) {
            if (e instanceof WaitTooLong)
              throw new RateLimited(e.waitMs);
            throw e;
          }
          const spec = build();
          const headers = { "User-Agent": this.settings.userAgent, Accept: "application/json", ...spec.headers };
          this.sent++;
          const res = await httpRequest(this.urlFor(spec.path), { method: spec.method, headers, body: spec.body }, this.settings.timeoutMs);
          const r = { status: res.status, headers: res.headers, text: res.text, json: jsonOf(res.text) };
          const limited = rateLimited ? rateLimited(r) : res.status === 429;
          if (!limited)
            return r;
          const wait = waitHint(res.headers) ?? 1e3 * 2 ** attempt;
          if (attempt >= this.settings.retries || wait > this.settings.maxWaitMs)
            throw new RateLimited(wait);
          this.limiter.pause(wait);
        }
      }
    };
  }
});

// dist/src/verify/config.js
function parseDuration2(v) {
  if (typeof v === "number")
    return Math.round(v * 1e3);
  const m13 = /^(\d+(?:\.\d+)?)\s*(ms|s|m)$/.exec(v.trim());
  return Math.round(Number(m13[1]) * { ms: 1, s: 1e3, m: 6e4 }[m13[2]]);
}
function checkSecretEndpoint(raw, where2) {
  const u = checkEndpointUrl(raw, where2);
  if (u.username || u.password)
    throw new Error(`${where2}: no credentials in the URL`);
  return u;
}
function envVarFor(id) {
  return `KEYHOUND_${id.toUpperCase().replace(/-/g, "_")}_API_URL`;
}
function defaultVerifyConfigPath(env = process.env) {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), ".config");
  return join(base, "keyhound", "verify.yaml");
}
function parseVerifyConfig(data, file) {
  validator2 ??= new Ajv2({ allErrors: false, strict: true }).compile(verifyConfigSchema);
  if (!validator2(data ?? {})) {
    const e = validator2.errors[0];
    const at = e.instancePath.split("/").filter(Boolean).join(".");
    const extra = e.keyword === "additionalProperties" ? ` "${e.params.additionalProperty}"` : "";
    throw new UsageError(`${file}: ${at ? `${at}: ` : ""}${e.message ?? "invalid"}${extra}`);
  }
  const raw = data ?? {};
  const cfg = emptyConfig();
  cfg.source = file;
  if (raw.timeout !== void 0)
    cfg.timeoutMs = parseDuration2(raw.timeout);
  if (raw.maxWait !== void 0)
    cfg.maxWaitMs = parseDuration2(raw.maxWait);
  if (raw.concurrency !== void 0)
    cfg.concurrency = raw.concurrency;
  if (raw.retries !== void 0)
    cfg.retries = raw.retries;
  for (const [id, v] of Object.entries(raw.issuers ?? {})) {
    if (v.enabled === false)
      cfg.disabled.add(id);
    if (v.apiUrl !== void 0) {
      try {
        checkSecretEndpoint(v.apiUrl, `issuers.${id}.apiUrl`);
      } catch (err) {
        throw new UsageError(`${file}: ${err.message}`);
      }
      cfg.apiUrls.set(id, v.apiUrl);
    }
  }
  for (const [chain, v] of Object.entries(raw.rpc ?? {})) {
    const u = typeof v === "string" ? v : v.url;
    try {
      cfg.rpc.set(chain, { chain, url: checkSecretEndpoint(u, `rpc.${chain}`), unit: typeof v === "string" ? void 0 : v.unit, from: file });
    } catch (err) {
      throw new UsageError(`${file}: ${err.message}`);
    }
  }
  return cfg;
}
function emptyConfig() {
  return { ...DEFAULTS, apiUrls: /* @__PURE__ */ new Map(), disabled: /* @__PURE__ */ new Set(), rpc: /* @__PURE__ */ new Map(), warnings: [] };
}
function loadVerifyConfig(opts = {}) {
  const env = opts.env ?? process.env;
  const file = opts.file ? resolve(opts.file) : defaultVerifyConfigPath(env);
  if (!existsSync(file)) {
    if (opts.file)
      throw new UsageError(`verification config not found: ${opts.file}`);
    return emptyConfig();
  }
  let text;
  try {
    if (!statSync(file).isFile())
      throw new Error("not a regular file");
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read verification config ${file}: ${e.message}`);
  }
  const doc = (0, import_yaml3.parseDocument)(text);
  if (doc.errors.length > 0) {
    const line = doc.errors[0].linePos?.[0]?.line;
    throw new UsageError(`${file}: YAML error${line ? ` at line ${line}` : ""}`);
  }
  const cfg = parseVerifyConfig(doc.toJS(), file);
  if (process.platform !== "win32" && (statSync(file).mode & 2) !== 0) {
    cfg.warnings.push(`${file} is writable by every user: anyone on this machine could redirect verification requests`);
  }
  return cfg;
}
function applyRpcOptions(cfg, values) {
  for (const v of values) {
    const m13 = /^([a-z][a-z0-9-]*)=(.+)$/.exec(v.trim());
    if (!m13)
      throw new UsageError(`--rpc needs CHAIN=URL (e.g. ethereum=https://rpc.example/KEY), got "${v.split("=")[0]}=\u2026"`);
    try {
      const prev = cfg.rpc.get(m13[1]);
      cfg.rpc.set(m13[1], { chain: m13[1], url: checkSecretEndpoint(m13[2], `--rpc ${m13[1]}`), unit: prev?.unit, from: "--rpc" });
    } catch (e) {
      throw new UsageError(e.message.replace(/"[^"]*"$/, "\u2026"));
    }
  }
}
var import_ajv2, import_yaml3, Ajv2, duration2, url, name, verifyConfigSchema, DEFAULTS, validator2;
var init_config2 = __esm({
  "dist/src/verify/config.js"() {
    "use strict";
    init_node_fs();
    init_node_os();
    init_node_path();
    import_ajv2 = __toESM(require_ajv(), 1);
    import_yaml3 = __toESM(require_yaml(), 1);
    init_errors();
    init_http();
    Ajv2 = import_ajv2.default.default;
    duration2 = {
      anyOf: [
        { type: "number", exclusiveMinimum: 0 },
        { type: "string", pattern: "^\\d+(\\.\\d+)?\\s*(ms|s|m)$" }
      ]
    };
    url = { type: "string", minLength: 1 };
    name = "^[a-z][a-z0-9-]*$";
    verifyConfigSchema = {
      type: "object",
      additionalProperties: false,
      properties: {
        timeout: duration2,
        concurrency: { type: "integer", minimum: 1, maximum: 32 },
        maxWait: duration2,
        retries: { type: "integer", minimum: 0, maximum: 5 },
        issuers: {
          type: "object",
          propertyNames: { pattern: name },
          additionalProperties: {
            type: "object",
            additionalProperties: false,
            properties: { apiUrl: url, enabled: { type: "boolean" } }
          }
        },
        rpc: {
          type: "object",
          propertyNames: { pattern: name },
          additionalProperties: {
            anyOf: [
              url,
              { type: "object", additionalProperties: false, required: ["url"], properties: { url, unit: { type: "string", minLength: 1, maxLength: 12 } } }
            ]
          }
        }
      }
    };
    DEFAULTS = { timeoutMs: 1e4, concurrency: 4, maxWaitMs: 3e4, retries: 2 };
  }
});

// dep:@noble/curves/secp256k1.js
var require_secp256k1 = __commonJS({
  "dep:@noble/curves/secp256k1.js"(exports, module) {
    module.exports = __require("@noble/curves/secp256k1.js");
  }
});

// dep:@scure/bip32
var require_bip32 = __commonJS({
  "dep:@scure/bip32"(exports, module) {
    module.exports = __require("@scure/bip32");
  }
});

// dep:@scure/btc-signer
var require_btc_signer = __commonJS({
  "dep:@scure/btc-signer"(exports, module) {
    module.exports = __require("@scure/btc-signer");
  }
});

// dep:@noble/hashes/sha2.js
var require_sha2 = __commonJS({
  "dep:@noble/hashes/sha2.js"(exports, module) {
    module.exports = __require("@noble/hashes/sha2.js");
  }
});

// dist/src/validators/base58check.js
function decodeBase58check(s) {
  try {
    return b58check.decode(s);
  } catch {
    return null;
  }
}
function decodeBase58(s) {
  try {
    return import_base2.base58.decode(s);
  } catch {
    return null;
  }
}
var import_sha2, import_base2, b58check;
var init_base58check = __esm({
  "dist/src/validators/base58check.js"() {
    "use strict";
    import_sha2 = __toESM(require_sha2(), 1);
    import_base2 = __toESM(require_base(), 1);
    b58check = (0, import_base2.createBase58check)(import_sha2.sha256);
  }
});

// dist/src/validators/bip32-versions.js
function privateVersion(v) {
  return PRIVATE_VERSIONS.find((x) => x.version === v);
}
function publicVersion(v) {
  return PRIVATE_VERSIONS.find((x) => x.publicVersion === v);
}
var PRIVATE_VERSIONS;
var init_bip32_versions = __esm({
  "dist/src/validators/bip32-versions.js"() {
    "use strict";
    PRIVATE_VERSIONS = [
      { name: "xprv", version: 76066276, publicName: "xpub", publicVersion: 76067358 },
      { name: "yprv", version: 77428856, publicName: "ypub", publicVersion: 77429938 },
      { name: "zprv", version: 78791436, publicName: "zpub", publicVersion: 78792518 },
      { name: "Yprv", version: 43364357, publicName: "Ypub", publicVersion: 43365439 },
      { name: "Zprv", version: 44726937, publicName: "Zpub", publicVersion: 44728019 },
      { name: "tprv", version: 70615956, publicName: "tpub", publicVersion: 70617039 },
      { name: "uprv", version: 71978536, publicName: "upub", publicVersion: 71979618 },
      { name: "vprv", version: 73341116, publicName: "vpub", publicVersion: 73342198 },
      { name: "Uprv", version: 37914037, publicName: "Upub", publicVersion: 37915119 },
      { name: "Vprv", version: 39276616, publicName: "Vpub", publicVersion: 39277699 },
      { name: "Ltpv", version: 27106558, publicName: "Ltub", publicVersion: 27108450 }
    ];
  }
});

// dep:@noble/hashes/legacy.js
var require_legacy = __commonJS({
  "dep:@noble/hashes/legacy.js"(exports, module) {
    module.exports = __require("@noble/hashes/legacy.js");
  }
});

// dep:@noble/hashes/sha3.js
var require_sha3 = __commonJS({
  "dep:@noble/hashes/sha3.js"(exports, module) {
    module.exports = __require("@noble/hashes/sha3.js");
  }
});

// dep:@noble/hashes/utils.js
var require_utils = __commonJS({
  "dep:@noble/hashes/utils.js"(exports, module) {
    module.exports = __require("@noble/hashes/utils.js");
  }
});

// dist/src/validators/secp256k1-keys.js
function bytesToBigInt(b) {
  return b.length === 0 ? 0n : BigInt("0x" + (0, import_utils.bytesToHex)(b));
}
function isValidScalar(key) {
  if (key.length !== 32)
    return false;
  const k = bytesToBigInt(key);
  return k >= 1n && k < SECP256K1_N;
}
function hash160(data) {
  return (0, import_legacy.ripemd160)((0, import_sha22.sha256)(data));
}
function p2pkhAddress(key, compressed, testnet) {
  const pub = import_secp256k1.secp256k1.getPublicKey(key, compressed);
  const payload = new Uint8Array(21);
  payload[0] = testnet ? 111 : 0;
  payload.set(hash160(pub), 1);
  return b58check.encode(payload);
}
function toChecksumAddress(addr) {
  const lower = addr.replace(/^0x/i, "").toLowerCase();
  const h = (0, import_utils.bytesToHex)((0, import_sha3.keccak_256)((0, import_utils.utf8ToBytes)(lower)));
  let out = "0x";
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i];
    out += parseInt(h[i], 16) >= 8 ? c.toUpperCase() : c;
  }
  return out;
}
function evmAddress(key) {
  const pub = import_secp256k1.secp256k1.getPublicKey(key, false).subarray(1);
  return toChecksumAddress((0, import_utils.bytesToHex)((0, import_sha3.keccak_256)(pub).subarray(12)));
}
var import_secp256k1, import_legacy, import_sha22, import_sha3, import_utils, SECP256K1_N;
var init_secp256k1_keys = __esm({
  "dist/src/validators/secp256k1-keys.js"() {
    "use strict";
    import_secp256k1 = __toESM(require_secp256k1(), 1);
    import_legacy = __toESM(require_legacy(), 1);
    import_sha22 = __toESM(require_sha2(), 1);
    import_sha3 = __toESM(require_sha3(), 1);
    import_utils = __toESM(require_utils(), 1);
    init_base58check();
    SECP256K1_N = import_secp256k1.secp256k1.Point.CURVE().n;
  }
});

// dep:@noble/curves/utils.js
var require_utils2 = __commonJS({
  "dep:@noble/curves/utils.js"(exports, module) {
    module.exports = __require("@noble/curves/utils.js");
  }
});

// dist/src/validators/ed25519-pair.js
function ed25519PairPublicKey(bytes2) {
  if (bytes2.length !== 64)
    return null;
  const pub = bytes2.subarray(32);
  try {
    return (0, import_utils2.equalBytes)(import_ed255192.ed25519.getPublicKey(bytes2.subarray(0, 32)), pub) ? pub : null;
  } catch {
    return null;
  }
}
var import_ed255192, import_utils2;
var init_ed25519_pair = __esm({
  "dist/src/validators/ed25519-pair.js"() {
    "use strict";
    import_ed255192 = __toESM(require_ed25519(), 1);
    import_utils2 = __toESM(require_utils2(), 1);
  }
});

// dist/src/validators/solana-keypair.js
var solana_keypair_exports = {};
__export(solana_keypair_exports, {
  parseByteArray: () => parseByteArray,
  solanaKeypair: () => solanaKeypair
});
function parseByteArray(text) {
  const t = text.trim().replace(/^\[/, "").replace(/\]$/, "");
  const parts = t.split(",").map((p) => p.trim());
  if (parts.length > 0 && parts[parts.length - 1] === "")
    parts.pop();
  const out = new Uint8Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!/^\d{1,3}$/.test(p))
      return null;
    const n = Number(p);
    if (n > 255)
      return null;
    out[i] = n;
  }
  return out;
}
var import_base3, solanaKeypair;
var init_solana_keypair = __esm({
  "dist/src/validators/solana-keypair.js"() {
    "use strict";
    import_base3 = __toESM(require_base(), 1);
    init_base58check();
    init_ed25519_pair();
    solanaKeypair = ({ secret }) => {
      const s = secret.trim();
      const isArray = /^\[?\s*\d/.test(s) && s.includes(",");
      const bytes2 = isArray ? parseByteArray(s) : decodeBase58(s);
      if (!bytes2)
        return { valid: false, reason: isArray ? "not an array of 0..255 integers" : "not base58" };
      if (bytes2.length !== 64)
        return { valid: false, reason: `${bytes2.length} bytes, a keypair has 64` };
      const pub = ed25519PairPublicKey(bytes2);
      if (!pub)
        return { valid: false, reason: "second half is not the ed25519 public key of the first" };
      return { valid: true, reason: "ed25519 seed matches its public key", address: import_base3.base58.encode(pub) };
    };
  }
});

// dist/src/verify/funds/addresses.js
function scriptAddress(pub, script, net) {
  if (script === "p2pkh")
    return (0, import_btc_signer.p2pkh)(pub, net).address;
  if (script === "p2wpkh")
    return (0, import_btc_signer.p2wpkh)(pub, net).address;
  return (0, import_btc_signer.p2sh)((0, import_btc_signer.p2wpkh)(pub, net), net).address;
}
function wifAddresses(wif2) {
  const data = decodeBase58check(wif2.trim());
  if (!data || data[0] !== 128 && data[0] !== 239)
    return [];
  const compressed = data.length === 34 && data[33] === 1;
  if (!compressed && data.length !== 33)
    return [];
  const testnet = data[0] === 239;
  const net = testnet ? import_btc_signer.TEST_NETWORK : import_btc_signer.NETWORK;
  const family = testnet ? "bitcoin-testnet" : "bitcoin";
  const key = data.subarray(1, 33);
  const pub = import_secp256k12.secp256k1.getPublicKey(key, compressed);
  const scripts = compressed ? ["p2pkh", "p2sh-p2wpkh", "p2wpkh"] : ["p2pkh"];
  return scripts.map((s) => ({ family, address: scriptAddress(pub, s, net), path: s }));
}
function xprvAddresses(xprv) {
  const data = decodeBase58check(xprv.trim());
  if (!data || data.length !== 78)
    return [];
  const v = privateVersion(new DataView(data.buffer, data.byteOffset).getUint32(0));
  const scripts = v && SCRIPTS_BY_VERSION[v.name];
  if (!v || !scripts)
    return [];
  const testnet = ["tprv", "uprv", "vprv"].includes(v.name);
  const net = testnet ? import_btc_signer.TEST_NETWORK : import_btc_signer.NETWORK;
  const family = testnet ? "bitcoin-testnet" : "bitcoin";
  let root;
  try {
    root = import_bip32.HDKey.fromExtendedKey(xprv.trim(), { private: v.version, public: v.publicVersion });
  } catch {
    return [];
  }
  const out = [];
  for (const script of scripts) {
    const account = root.depth === 0 ? `m/${PURPOSE[script]}'/${testnet ? 1 : 0}'/0'` : "m";
    const paths = [...Array.from({ length: RECEIVE_ADDRESSES }, (_, i) => `0/${i}`), "1/0"];
    for (const p of paths) {
      const child = root.derive(`${account}/${p}`);
      if (!child.publicKey)
        continue;
      out.push({ family, address: scriptAddress(child.publicKey, script, net), path: `${account === "m" ? "" : account.slice(1)}/${p}`.replace(/^\//, "") });
    }
  }
  return out;
}
function walletAddresses(f, validate2) {
  switch (validate2) {
    case "evm-private-key": {
      if (f.address)
        return [{ family: "evm", address: f.address }];
      const hex = f.secret.trim().replace(/^0x/i, "");
      if (!/^[0-9a-fA-F]{64}$/.test(hex))
        return [];
      try {
        return [{ family: "evm", address: evmAddress(Buffer.from(hex, "hex")) }];
      } catch {
        return [];
      }
    }
    case "solana-keypair": {
      const addr = f.address ?? solanaKeypair({ secret: f.secret, match: f.secret, text: () => f.secret, index: () => 0 }).address;
      return addr && import_base4.base58.decode(addr).length === 32 ? [{ family: "solana", address: addr }] : [];
    }
    case "wif":
      return wifAddresses(f.secret);
    case "bip32-xprv":
      return xprvAddresses(f.secret);
    default:
      return [];
  }
}
var import_secp256k12, import_bip32, import_btc_signer, import_base4, PURPOSE, SCRIPTS_BY_VERSION, RECEIVE_ADDRESSES;
var init_addresses = __esm({
  "dist/src/verify/funds/addresses.js"() {
    "use strict";
    import_secp256k12 = __toESM(require_secp256k1(), 1);
    import_bip32 = __toESM(require_bip32(), 1);
    import_btc_signer = __toESM(require_btc_signer(), 1);
    import_base4 = __toESM(require_base(), 1);
    init_base58check();
    init_bip32_versions();
    init_secp256k1_keys();
    init_solana_keypair();
    PURPOSE = { p2pkh: 44, "p2sh-p2wpkh": 49, p2wpkh: 84 };
    SCRIPTS_BY_VERSION = {
      xprv: ["p2pkh", "p2sh-p2wpkh", "p2wpkh"],
      tprv: ["p2pkh", "p2sh-p2wpkh", "p2wpkh"],
      yprv: ["p2sh-p2wpkh"],
      uprv: ["p2sh-p2wpkh"],
      zprv: ["p2wpkh"],
      vprv: ["p2wpkh"]
    };
    RECEIVE_ADDRESSES = 3;
  }
});

// dist/src/verify/funds/balances.js
function familyOfChain(chain) {
  return chain === "solana" || chain === "bitcoin" || chain === "bitcoin-testnet" ? chain : "evm";
}
function formatUnits(value, decimals) {
  const neg = value < 0n;
  const v = neg ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = v / base;
  const frac = (v % base).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}
async function rpc(http, method, params) {
  const body = JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params });
  const r = await http.send(() => ({ method: "POST", path: "", headers: { "Content-Type": "application/json" }, body }));
  if (r.status !== 200)
    throw new RpcError(`${method}: HTTP ${r.status}`);
  const err = field(r.json, "error");
  if (err !== void 0 && err !== null) {
    const code3 = Number(field(err, "code"));
    throw new RpcError(`${method}: JSON-RPC error${Number.isFinite(code3) ? ` ${code3}` : ""}`);
  }
  const result = field(r.json, "result");
  if (result === void 0)
    throw new RpcError(`${method}: no result`);
  return result;
}
function hexQuantity(v, what) {
  if (typeof v !== "string" || !/^0x[0-9a-fA-F]{1,64}$/.test(v))
    throw new RpcError(`${what}: not a hex quantity`);
  return BigInt(v);
}
async function evmFunds(http, chain, unit, address) {
  const balance = hexQuantity(await rpc(http, "eth_getBalance", [address, "latest"]), "eth_getBalance");
  const nonce = hexQuantity(await rpc(http, "eth_getTransactionCount", [address, "latest"]), "eth_getTransactionCount");
  return { chain, address, balance: formatUnits(balance, 18), unit, txCount: Number(nonce) };
}
async function solanaFunds(http, address, unit = "SOL") {
  const value = field(await rpc(http, "getBalance", [address]), "value");
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw new RpcError("getBalance: not a lamport amount");
  const sigs = await rpc(http, "getSignaturesForAddress", [address, { limit: SOLANA_SIGNATURE_LIMIT }]);
  if (!Array.isArray(sigs))
    throw new RpcError("getSignaturesForAddress: not a list");
  return { chain: "solana", address, balance: formatUnits(BigInt(value), 9), unit, txCount: sigs.length };
}
async function esploraFunds(http, chain, address, unit = "BTC") {
  const r = await http.send(() => ({ method: "GET", path: `/address/${encodeURIComponent(address)}` }));
  if (r.status !== 200)
    throw new RpcError(`GET /address: HTTP ${r.status}`);
  let sats = 0n;
  let txs = 0;
  for (const part of ["chain_stats", "mempool_stats"]) {
    const s = field(r.json, part);
    const n = (k) => {
      const v = field(s, k);
      if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
        throw new RpcError(`GET /address: ${part}.${k} missing`);
      return v;
    };
    sats += BigInt(n("funded_txo_sum")) - BigInt(n("spent_txo_sum"));
    txs += n("tx_count");
  }
  return { chain, address, balance: formatUnits(sats, 8), unit, txCount: txs };
}
var EVM_UNITS, RpcError, rpcId, SOLANA_SIGNATURE_LIMIT;
var init_balances = __esm({
  "dist/src/verify/funds/balances.js"() {
    "use strict";
    init_types2();
    EVM_UNITS = {
      ethereum: "ETH",
      mainnet: "ETH",
      sepolia: "ETH",
      holesky: "ETH",
      base: "ETH",
      arbitrum: "ETH",
      optimism: "ETH",
      linea: "ETH",
      scroll: "ETH",
      zksync: "ETH",
      blast: "ETH",
      polygon: "POL",
      bsc: "BNB",
      avalanche: "AVAX",
      gnosis: "xDAI",
      fantom: "FTM",
      celo: "CELO",
      cronos: "CRO",
      moonbeam: "GLMR",
      mantle: "MNT"
    };
    RpcError = class extends Error {
    };
    rpcId = 0;
    SOLANA_SIGNATURE_LIMIT = 1e3;
  }
});

// dist/src/verify/exchanges/binance.js
function signedQuery(secret, extra = "") {
  const q = `${extra}timestamp=${Date.now()}&recvWindow=${RECV_WINDOW}`;
  return `${q}&signature=${binanceSign(secret, q)}`;
}
function binanceError(r) {
  const code3 = Number(field(r.json, "code"));
  switch (code3) {
    case -2014:
      return { status: "invalid", detail: "API key format invalid (-2014)" };
    case -2015:
      return { status: "unknown", detail: 'Binance answers "invalid API key, IP, or permissions" (-2015): revoked, IP-restricted or without the read right' };
    case -1022:
      return badSignature("-1022");
    case -1021:
      return clockSkew("-1021");
    default:
      if (r.status === 403)
        return { status: "unknown", detail: "refused by the web application firewall (HTTP 403)" };
      if (r.status === 418)
        return { status: "unknown", detail: "this address is banned for too many requests (HTTP 418)" };
      return unexpected(r, Number.isFinite(code3) ? `error code ${code3}` : "unexpected answer");
  }
}
var RECV_WINDOW, FLAGS, binance, mexc;
var init_binance2 = __esm({
  "dist/src/verify/exchanges/binance.js"() {
    "use strict";
    init_signing();
    init_types2();
    RECV_WINDOW = "5000";
    FLAGS = [
      ["enableReading", "read"],
      ["enableSpotAndMarginTrading", "trade"],
      ["enableMargin", "trade"],
      ["enableFutures", "trade"],
      ["enableVanillaOptions", "trade"],
      ["enablePortfolioMarginTrading", "trade"],
      ["enableFixApiTrade", "trade"],
      ["enableInternalTransfer", "transfer"],
      ["permitsUniversalTransfer", "transfer"],
      ["enableWithdrawals", "withdraw"]
    ];
    binance = {
      id: "binance",
      name: "Binance",
      defaultBase: "https://api.binance.com",
      providers: ["binance"],
      needs: ["secret"],
      rate: { requests: 5, perMs: 1e3 },
      doc: {
        endpoint: "GET /sapi/v1/account/apiRestrictions",
        fields: ["ipRestrict", "enableReading", "enableSpotAndMarginTrading", "enableMargin", "enableFutures", "enableVanillaOptions", "enableInternalTransfer", "permitsUniversalTransfer", "enableWithdrawals"],
        basis: "docs",
        caveat: "-2015 means an unknown key, another IP or a missing right alike: reported as unknown"
      },
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: `/sapi/v1/account/apiRestrictions?${signedQuery(c.secret)}`, headers: { "X-MBX-APIKEY": c.key } }), (x) => x.status === 429 || Number(field(x.json, "code")) === -1003);
        if (r.status !== 200 || typeof r.json !== "object" || r.json === null || Array.isArray(r.json))
          return binanceError(r);
        const o = r.json;
        const on = FLAGS.filter(([k]) => o[k] === true);
        const has = (right) => on.some(([, g]) => g === right);
        return {
          status: "live",
          permissions: on.map(([k]) => k),
          canWithdraw: o.enableWithdrawals === true,
          canTrade: has("trade"),
          canTransfer: has("transfer") || has("withdraw"),
          ipRestricted: o.ipRestrict === true
        };
      }
    };
    mexc = {
      id: "mexc",
      name: "MEXC",
      defaultBase: "https://api.mexc.com",
      providers: ["mexc"],
      needs: ["secret"],
      rate: { requests: 5, perMs: 1e3 },
      doc: {
        endpoint: "GET /api/v3/account",
        fields: ["canTrade", "canWithdraw", "canDeposit", "permissions"],
        basis: "inferred",
        caveat: "canWithdraw may describe the account rather than the key; error codes from peers (10072, 700002, 700006)"
      },
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: `/api/v3/account?${signedQuery(c.secret)}`, headers: { "X-MEXC-APIKEY": c.key } }));
        if (r.status === 200 && typeof r.json === "object" && r.json !== null && "canTrade" in r.json) {
          const perms = field(r.json, "permissions");
          return {
            status: "live",
            permissions: Array.isArray(perms) ? perms.map(String).slice(0, 20) : void 0,
            canTrade: field(r.json, "canTrade") === true,
            canWithdraw: field(r.json, "canWithdraw") === true
          };
        }
        const code3 = Number(field(r.json, "code"));
        if (code3 === 10072 || code3 === 700001)
          return { status: "invalid", detail: `API key invalid (${code3})` };
        if (code3 === 700002)
          return badSignature("700002");
        if (code3 === 700006)
          return ipBound("700006");
        if (code3 === 700003)
          return clockSkew("700003");
        return unexpected(r);
      }
    };
  }
});

// dist/src/verify/exchanges/signed.js
function nonces(perMs) {
  let last = 0;
  return () => {
    last = Math.max(Date.now() * perMs, last + 1);
    return String(last);
  };
}
async function signedGet(http, req) {
  const r = await http.send(() => {
    const ts = req.timestamp();
    return { method: "GET", path: req.path, headers: req.headers(ts) };
  }, (x) => x.status === 429 || String(field(x.json, req.codeField)) === req.rateLimitCode);
  return { r, code: String(field(r.json, req.codeField) ?? "") };
}
function errorOutcome(name2, r, code3, codes) {
  if (codes.invalid?.includes(code3))
    return { status: "invalid", detail: `${name2} does not know this key (${code3})` };
  if (code3 === codes.badSignature)
    return badSignature(code3);
  if (code3 === codes.badPassphrase)
    return badPassphrase(code3);
  if (code3 === codes.clockSkew)
    return clockSkew(code3);
  if (code3 === codes.ipBound)
    return ipBound(code3);
  if (codes.other && Object.hasOwn(codes.other, code3))
    return codes.other[code3];
  return codes.otherwise ?? unexpected(r, code3 ? `error code ${code3}` : "unexpected answer");
}
function commaList(v) {
  return String(v ?? "").split(",").map((p) => p.trim()).filter(Boolean);
}
function boundByText(ips) {
  return typeof ips === "string" && ips.trim() !== "";
}
var msTimestamp;
var init_signed = __esm({
  "dist/src/verify/exchanges/signed.js"() {
    "use strict";
    init_types2();
    msTimestamp = () => String(Date.now());
  }
});

// dist/src/verify/exchanges/bitfinex.js
var PATH, nextNonce, bitfinex;
var init_bitfinex = __esm({
  "dist/src/verify/exchanges/bitfinex.js"() {
    "use strict";
    init_signing();
    init_types2();
    init_signed();
    PATH = "/v2/auth/r/permissions";
    nextNonce = nonces(1e3);
    bitfinex = {
      id: "bitfinex",
      name: "Bitfinex",
      defaultBase: "https://api.bitfinex.com",
      providers: ["bitfinex"],
      needs: ["secret"],
      rate: { requests: 1, perMs: 1e3 },
      doc: {
        endpoint: `POST ${PATH}`,
        fields: ["[scope, read, write] for account, history, orders, positions, funding, settings, wallets, withdraw \u2026"],
        basis: "docs",
        caveat: 'error shape ["error", 10100, "apikey: invalid"] from peers'
      },
      async check(c, http) {
        const r = await http.send(() => {
          const nonce = nextNonce();
          const body = "{}";
          return {
            method: "POST",
            path: PATH,
            body,
            headers: { "Content-Type": "application/json", "bfx-nonce": nonce, "bfx-apikey": c.key, "bfx-signature": bitfinexSign(c.secret, PATH, nonce, body) }
          };
        }, (x) => x.status === 429 || x.text.includes("ERR_RATE_LIMIT"));
        const j = r.json;
        if (Array.isArray(j) && j[0] === "error") {
          const code3 = Number(j[1]);
          if (code3 === 10100)
            return { status: "invalid", detail: "Bitfinex does not know this key (10100)" };
          if (code3 === 10112)
            return badSignature("10112");
          if (code3 === 10114)
            return { status: "error", detail: "nonce refused (10114): another client uses this key with larger nonces" };
          return { status: "error", detail: `error code ${Number.isFinite(code3) ? code3 : "?"}` };
        }
        if (r.status !== 200 || !Array.isArray(j))
          return unexpected(r);
        const perms = [];
        const right = (scope, i) => j.some((e) => Array.isArray(e) && e[0] === scope && Number(e[i]) === 1);
        for (const e of j) {
          if (!Array.isArray(e) || typeof e[0] !== "string" || !/^[a-z_]{1,30}$/.test(e[0]))
            continue;
          if (Number(e[1]) === 1)
            perms.push(`${e[0]}:read`);
          if (Number(e[2]) === 1)
            perms.push(`${e[0]}:write`);
        }
        return {
          status: "live",
          permissions: perms,
          canWithdraw: right("withdraw", 2),
          canTrade: right("orders", 2) || right("positions", 2),
          canTransfer: right("wallets", 2) || right("withdraw", 2)
        };
      }
    };
  }
});

// dist/src/verify/exchanges/bitget.js
var PATH2, bitget;
var init_bitget = __esm({
  "dist/src/verify/exchanges/bitget.js"() {
    "use strict";
    init_signing();
    init_types2();
    init_signed();
    PATH2 = "/api/v2/spot/account/info";
    bitget = {
      id: "bitget",
      name: "Bitget",
      defaultBase: "https://api.bitget.com",
      providers: ["bitget"],
      needs: ["secret", "passphrase"],
      rate: { requests: 1, perMs: 1e3 },
      doc: {
        endpoint: `GET ${PATH2}`,
        fields: ["authorities (stow/coow trade, wtow transfer, wwow withdraw \u2026)", "ips"],
        basis: "inferred",
        caveat: "authority codes and error codes (40006, 40037, 40009, 40012, 40018) from a docs mirror, not bitget.com itself"
      },
      async check(c, http) {
        const { r, code: code3 } = await signedGet(http, {
          path: PATH2,
          timestamp: msTimestamp,
          headers: (ts) => ({
            "ACCESS-KEY": c.key,
            "ACCESS-SIGN": prehashSign(c.secret, ts, "GET", PATH2),
            "ACCESS-TIMESTAMP": ts,
            "ACCESS-PASSPHRASE": c.passphrase,
            locale: "en-US"
          }),
          codeField: "code",
          rateLimitCode: "429"
        });
        if (code3 === "00000" && r.status === 200) {
          const data = field(r.json, "data");
          const auth = field(data, "authorities");
          const perms = Array.isArray(auth) ? auth.map(String).slice(0, 40) : [];
          const ips = field(data, "ips");
          return {
            status: "live",
            permissions: perms,
            canWithdraw: perms.includes("wwow"),
            canTrade: perms.some((p) => p === "stow" || p === "coow" || p === "cpow" || p === "taxow"),
            canTransfer: perms.includes("wtow") || perms.includes("wwow"),
            ipRestricted: typeof ips === "string" && ips.trim() !== "" || Array.isArray(ips) && ips.length > 0
          };
        }
        return errorOutcome("Bitget", r, code3, { invalid: ["40006", "40037"], badSignature: "40009", badPassphrase: "40012", clockSkew: "40008", ipBound: "40018" });
      }
    };
  }
});

// dist/src/verify/exchanges/bybit.js
var RECV_WINDOW2, TRADE_GROUPS, TRANSFER_RIGHTS, bybit;
var init_bybit2 = __esm({
  "dist/src/verify/exchanges/bybit.js"() {
    "use strict";
    init_signing();
    init_types2();
    init_signed();
    RECV_WINDOW2 = "5000";
    TRADE_GROUPS = ["Spot", "ContractTrade", "Derivatives", "Options", "CopyTrading", "BlockTrade"];
    TRANSFER_RIGHTS = ["AccountTransfer", "SubMemberTransfer", "SubMemberTransferList", "Withdraw"];
    bybit = {
      id: "bybit",
      name: "Bybit",
      defaultBase: "https://api.bybit.com",
      providers: ["bybit"],
      needs: ["secret"],
      rate: { requests: 5, perMs: 1e3 },
      doc: {
        endpoint: "GET /v5/user/query-api",
        fields: ["readOnly", "permissions (Wallet: Withdraw, AccountTransfer \u2026; Spot, ContractTrade, Derivatives, Options \u2026)", "ips", "expiredAt"],
        basis: "docs"
      },
      async check(c, http) {
        const { r, code: code3 } = await signedGet(http, {
          path: "/v5/user/query-api",
          timestamp: msTimestamp,
          headers: (ts) => ({
            "X-BAPI-API-KEY": c.key,
            "X-BAPI-TIMESTAMP": ts,
            "X-BAPI-RECV-WINDOW": RECV_WINDOW2,
            "X-BAPI-SIGN": bybitSign(c.secret, ts, c.key, RECV_WINDOW2, "")
          }),
          codeField: "retCode",
          rateLimitCode: "10006"
        });
        if (r.status === 403)
          return { status: "unknown", detail: "Bybit refuses requests from this network location (HTTP 403)" };
        if (r.status !== 200 || code3.trim() === "" || !Number.isFinite(Number(code3)))
          return unexpected(r);
        if (Number(code3) !== 0) {
          return errorOutcome("Bybit", r, String(Number(code3)), {
            badSignature: "10004",
            clockSkew: "10002",
            ipBound: "10010",
            other: {
              "10003": { status: "invalid", detail: `Bybit does not know this key (10003; a testnet key is unknown on ${http.base.host})` },
              "33004": { status: "invalid", detail: "the key has expired (33004)" }
            },
            otherwise: { status: "error", detail: `retCode ${Number(code3)}` }
          });
        }
        const res = field(r.json, "result");
        const groups = field(res, "permissions");
        const permissions = [];
        const rights = (g) => {
          const v = field(groups, g);
          return Array.isArray(v) ? v.map(String) : [];
        };
        if (groups && typeof groups === "object") {
          for (const g of Object.keys(groups).sort())
            for (const p of rights(g))
              permissions.push(`${g}:${p}`);
        }
        const readOnly = Number(field(res, "readOnly")) === 1;
        const wallet = rights("Wallet");
        const ips = field(res, "ips");
        const expiredAt = field(res, "expiredAt");
        const out = {
          status: "live",
          permissions: permissions.slice(0, 40),
          canWithdraw: wallet.includes("Withdraw"),
          canTrade: !readOnly && TRADE_GROUPS.some((g) => rights(g).length > 0),
          canTransfer: wallet.some((w) => TRANSFER_RIGHTS.includes(w)),
          ipRestricted: Array.isArray(ips) && ips.length > 0 && !ips.every((ip) => ip === "*")
        };
        if (typeof expiredAt === "string" && /^\d{4}-\d\d-\d\dT/.test(expiredAt) && !expiredAt.startsWith("1970"))
          out.expiresAt = expiredAt;
        if (readOnly)
          out.detail = "read-only key";
        return out;
      }
    };
  }
});

// dist/src/verify/exchanges/coinbase.js
var PATH3, coinbase;
var init_coinbase = __esm({
  "dist/src/verify/exchanges/coinbase.js"() {
    "use strict";
    init_signing();
    init_types2();
    PATH3 = "/api/v3/brokerage/key_permissions";
    coinbase = {
      id: "coinbase",
      name: "Coinbase",
      defaultBase: "https://api.coinbase.com",
      providers: ["coinbase"],
      needs: ["secret"],
      rate: { requests: 5, perMs: 1e3 },
      doc: {
        endpoint: `GET ${PATH3}`,
        fields: ["can_view", "can_trade", "can_transfer", "portfolio_type"],
        basis: "docs",
        caveat: "the body of a 401 is not documented: any 401 is read as an invalid key"
      },
      rejects(c) {
        if (!c.secret || !(/-----BEGIN/.test(c.secret) || /^[A-Za-z0-9+/]{86}==$/.test(c.secret.trim()))) {
          return "not a CDP key (legacy Coinbase API keys are not checked)";
        }
        return void 0;
      },
      async check(c, http) {
        const prefix = http.base.pathname.replace(/\/+$/, "");
        const r = await http.send(() => ({
          method: "GET",
          path: PATH3,
          headers: { Authorization: `Bearer ${coinbaseJwt({ keyName: c.key, privateKey: c.secret, uri: `GET ${http.base.host}${prefix}${PATH3}` })}` }
        }));
        if (r.status === 401)
          return { status: "invalid", detail: "Coinbase refuses the key (HTTP 401): revoked, or the private key is not this key name's" };
        if (r.status === 403)
          return { status: "live", ipRestricted: true, detail: "the key is refused here (HTTP 403): IP allow-list or missing view right" };
        if (r.status !== 200 || typeof field(r.json, "can_view") !== "boolean")
          return unexpected(r);
        const view = field(r.json, "can_view") === true;
        const trade = field(r.json, "can_trade") === true;
        const transfer = field(r.json, "can_transfer") === true;
        const permissions = [view && "view", trade && "trade", transfer && "transfer"].filter((x) => !!x);
        const type = field(r.json, "portfolio_type");
        return {
          status: "live",
          permissions,
          canWithdraw: transfer,
          canTrade: trade,
          canTransfer: transfer,
          ...typeof type === "string" && /^[A-Z_]{1,20}$/.test(type) ? { detail: `portfolio ${type}` } : {}
        };
      }
    };
  }
});

// dist/src/verify/exchanges/gate.js
var PATH4, gate;
var init_gate = __esm({
  "dist/src/verify/exchanges/gate.js"() {
    "use strict";
    init_signing();
    init_types2();
    PATH4 = "/api/v4/account/detail";
    gate = {
      id: "gate",
      name: "Gate",
      defaultBase: "https://api.gateio.ws",
      providers: ["gate"],
      needs: ["secret"],
      rate: { requests: 2, perMs: 1e3 },
      doc: {
        endpoint: `GET ${PATH4}`,
        fields: ["user_id", "ip_whitelist", "key.mode"],
        basis: "inferred",
        caveat: "liveness and IP binding only: no withdraw permission name is documented; error labels from a docs mirror"
      },
      async check(c, http) {
        const prefix = http.base.pathname.replace(/\/+$/, "");
        const r = await http.send(() => {
          const ts = String(Math.floor(Date.now() / 1e3));
          return { method: "GET", path: PATH4, headers: { KEY: c.key, Timestamp: ts, SIGN: gateSign(c.secret, "GET", prefix + PATH4, "", "", ts) } };
        });
        if (r.status === 200 && field(r.json, "user_id") !== void 0) {
          const ips = field(r.json, "ip_whitelist");
          return { status: "live", ipRestricted: Array.isArray(ips) && ips.length > 0, detail: "liveness only: Gate does not report withdraw rights here" };
        }
        const label2 = String(field(r.json, "label") ?? "");
        if (label2 === "INVALID_KEY")
          return { status: "invalid", detail: "Gate does not know this key (INVALID_KEY)" };
        if (label2 === "INVALID_SIGNATURE")
          return badSignature("INVALID_SIGNATURE");
        if (label2 === "REQUEST_EXPIRED")
          return clockSkew("REQUEST_EXPIRED");
        if (label2 === "IP_FORBIDDEN")
          return ipBound("IP_FORBIDDEN");
        return unexpected(r);
      }
    };
  }
});

// dist/src/verify/exchanges/gemini.js
var PATH5, nextNonce2, gemini;
var init_gemini = __esm({
  "dist/src/verify/exchanges/gemini.js"() {
    "use strict";
    init_signing();
    init_types2();
    init_signed();
    PATH5 = "/v1/roles";
    nextNonce2 = nonces(1);
    gemini = {
      id: "gemini",
      name: "Gemini",
      defaultBase: "https://api.gemini.com",
      providers: ["gemini"],
      needs: ["secret"],
      rate: { requests: 2, perMs: 1e3 },
      doc: {
        endpoint: `POST ${PATH5}`,
        fields: ["isAuditor", "isTrader", "isFundManager"],
        basis: "docs",
        caveat: "error reasons (InvalidSignature, InvalidNonce, InvalidApiKey) from peers"
      },
      async check(c, http) {
        const r = await http.send(() => {
          const { payload, signature } = geminiSign(c.secret, PATH5, nextNonce2());
          return {
            method: "POST",
            path: PATH5,
            body: "",
            headers: { "Content-Type": "text/plain", "Cache-Control": "no-cache", "X-GEMINI-APIKEY": c.key, "X-GEMINI-PAYLOAD": payload, "X-GEMINI-SIGNATURE": signature }
          };
        });
        if (r.status === 200 && typeof field(r.json, "isTrader") === "boolean") {
          const roles = ["isAuditor", "isTrader", "isFundManager"].filter((k) => field(r.json, k) === true);
          const fund = roles.includes("isFundManager");
          return {
            status: "live",
            permissions: roles.map((k) => k.slice(2).replace(/^./, (x) => x.toLowerCase())),
            canWithdraw: fund,
            canTrade: roles.includes("isTrader"),
            canTransfer: fund,
            ...roles.length === 1 && roles[0] === "isAuditor" ? { detail: "auditor (read-only) key" } : {}
          };
        }
        const reason = String(field(r.json, "reason") ?? "");
        if (reason === "InvalidApiKey" || reason === "MissingApiKey" || reason === "InvalidApiKeyHeader")
          return { status: "invalid", detail: `Gemini does not know this key (${reason})` };
        if (reason === "InvalidSignature")
          return badSignature("InvalidSignature");
        if (reason === "InvalidNonce")
          return { status: "error", detail: "nonce refused (InvalidNonce): another client uses this key with larger nonces" };
        if (reason === "AccountClosed" || reason === "ApiKeyRevoked")
          return { status: "invalid", detail: reason };
        if (reason === "IpNotAllowed" || reason === "InvalidIP")
          return { status: "live", ipRestricted: true, detail: `the key is bound to other IP addresses (${reason})` };
        return unexpected(r, reason && /^[A-Za-z]{1,40}$/.test(reason) ? reason : "unexpected answer");
      }
    };
  }
});

// dist/src/verify/exchanges/htx.js
function signed(c, http, path, extra = {}) {
  const prefix = http.base.pathname.replace(/\/+$/, "");
  const params = { AccessKeyId: c.key, SignatureMethod: "HmacSHA256", SignatureVersion: "2", Timestamp: htxTimestamp(), ...extra };
  return { method: "GET", path: `${path}?${htxSignedQuery(c.secret, "GET", http.base.host, prefix + path, params)}` };
}
function htxError(r) {
  const errCode = String(field(r.json, "err-code") ?? "");
  const msg = String(field(r.json, "err-msg") ?? field(r.json, "message") ?? "");
  if (errCode === "api-signature-not-valid" || /signature|access ?key/i.test(msg)) {
    return /access ?key/i.test(msg) ? { status: "invalid", detail: "HTX does not know this key (api-signature-not-valid: incorrect access key)" } : badSignature("api-signature-not-valid");
  }
  if (/ip/i.test(errCode) || /\bip\b/i.test(msg))
    return { status: "live", ipRestricted: true, detail: "the key is bound to other IP addresses" };
  if (/timestamp|expired/i.test(msg))
    return { status: "error", detail: "request expired: check this machine's clock" };
  return unexpected(r);
}
var htx;
var init_htx = __esm({
  "dist/src/verify/exchanges/htx.js"() {
    "use strict";
    init_signing();
    init_types2();
    init_signed();
    htx = {
      id: "htx",
      name: "HTX",
      defaultBase: "https://api.huobi.pro",
      providers: ["htx", "huobi"],
      needs: ["secret"],
      rate: { requests: 2, perMs: 1e3 },
      doc: {
        endpoint: "GET /v2/user/uid, then GET /v2/user/api-key",
        fields: ["data (uid)", "permission (readOnly, trade, withdraw)", "ipAddresses", "validDays", "status"],
        basis: "inferred",
        caveat: "fields and errors from a docs mirror; the api-key query answers parent-user keys only"
      },
      async check(c, http) {
        const limited = (x) => x.status === 429 || String(field(x.json, "err-code") ?? "").includes("limit");
        const uidRes = await http.send(() => signed(c, http, "/v2/user/uid"), limited);
        const uid = field(uidRes.json, "data");
        if (uidRes.status !== 200 || Number(field(uidRes.json, "code")) !== 200 || typeof uid !== "number" && typeof uid !== "string")
          return htxError(uidRes);
        const keyRes = await http.send(() => signed(c, http, "/v2/user/api-key", { uid: String(uid), accessKey: c.key }), limited);
        const entry2 = field(keyRes.json, "data", 0);
        if (keyRes.status !== 200 || Number(field(keyRes.json, "code")) !== 200 || !entry2) {
          return { status: "live", detail: "the key works; its rights are not readable (sub-user key, or no read right on keys)" };
        }
        const perms = commaList(field(entry2, "permission"));
        const ips = field(entry2, "ipAddresses");
        const st = String(field(entry2, "status") ?? "");
        if (st === "expired")
          return { status: "invalid", permissions: perms, detail: "the key has expired" };
        const out = {
          status: "live",
          permissions: perms,
          canWithdraw: perms.includes("withdraw"),
          canTrade: perms.includes("trade"),
          canTransfer: perms.includes("withdraw"),
          ipRestricted: boundByText(ips)
        };
        const days2 = Number(field(entry2, "validDays"));
        if (Number.isFinite(days2) && days2 >= 0)
          out.detail = `valid for ${days2} more days`;
        return out;
      }
    };
  }
});

// dist/src/verify/exchanges/kraken.js
var PATH6, nextNonce3, kraken;
var init_kraken = __esm({
  "dist/src/verify/exchanges/kraken.js"() {
    "use strict";
    init_signing();
    init_types2();
    init_signed();
    PATH6 = "/0/private/Balance";
    nextNonce3 = nonces(1e3);
    kraken = {
      id: "kraken",
      name: "Kraken",
      defaultBase: "https://api.kraken.com",
      providers: ["kraken"],
      needs: ["secret"],
      rate: { requests: 1, perMs: 1e3 },
      doc: {
        endpoint: `POST ${PATH6}`,
        fields: ["error[] (EAPI:Invalid key, EAPI:Invalid signature, EGeneral:Permission denied)", "result present"],
        basis: "docs",
        caveat: "liveness only: Kraken has no endpoint that lists a key's rights"
      },
      async check(c, http) {
        const r = await http.send(() => {
          const nonce = nextNonce3();
          const body = `nonce=${nonce}`;
          return {
            method: "POST",
            path: PATH6,
            body,
            headers: { "Content-Type": "application/x-www-form-urlencoded", "API-Key": c.key, "API-Sign": krakenSign(c.secret, PATH6, nonce, body) }
          };
        }, (x) => x.status === 429 || JSON.stringify(field(x.json, "error") ?? "").includes("Rate limit exceeded"));
        const errors = field(r.json, "error");
        if (!Array.isArray(errors))
          return unexpected(r);
        const list = errors.map(String);
        const has = (e) => list.some((x) => x.startsWith(e));
        if (list.length === 0 && field(r.json, "result") !== void 0) {
          return { status: "live", permissions: ["query-funds"], detail: "liveness only: Kraken does not report withdraw rights" };
        }
        if (has("EAPI:Invalid key"))
          return { status: "invalid", detail: "Kraken does not know this key (EAPI:Invalid key)" };
        if (has("EAPI:Invalid signature"))
          return badSignature("EAPI:Invalid signature");
        if (has("EGeneral:Permission denied"))
          return { status: "live", permissions: [], detail: "the key works but lacks the query-funds right (EGeneral:Permission denied)" };
        if (has("EAPI:Invalid nonce"))
          return { status: "error", detail: "nonce refused (EAPI:Invalid nonce): another client uses this key with larger nonces" };
        if (has("EGeneral:Temporary lockout"))
          return { status: "unknown", detail: "temporarily locked out (EGeneral:Temporary lockout)" };
        return { status: "error", detail: "unexpected error answer" };
      }
    };
  }
});

// dist/src/verify/exchanges/kucoin.js
var PATH7, kucoin;
var init_kucoin = __esm({
  "dist/src/verify/exchanges/kucoin.js"() {
    "use strict";
    init_signing();
    init_types2();
    init_signed();
    PATH7 = "/api/v1/user/api-key";
    kucoin = {
      id: "kucoin",
      name: "KuCoin",
      defaultBase: "https://api.kucoin.com",
      providers: ["kucoin"],
      needs: ["secret", "passphrase"],
      rate: { requests: 3, perMs: 1e3 },
      doc: {
        endpoint: `GET ${PATH7}`,
        fields: ["permission (General, Spot, Margin, Futures, InnerTransfer, Transfer, Earn)", "ipWhitelist"],
        basis: "docs",
        caveat: '"Transfer" read as the withdrawal right (KuCoin names withdrawal so in its key settings; not spelled out in the API reference)'
      },
      async check(c, http) {
        const { r, code: code3 } = await signedGet(http, {
          path: PATH7,
          timestamp: msTimestamp,
          headers: (ts) => ({
            "KC-API-KEY": c.key,
            "KC-API-SIGN": prehashSign(c.secret, ts, "GET", PATH7),
            "KC-API-TIMESTAMP": ts,
            "KC-API-PASSPHRASE": kucoinPassphrase(c.secret, c.passphrase),
            "KC-API-KEY-VERSION": "2"
          }),
          codeField: "code",
          rateLimitCode: "429000"
        });
        if (code3 === "200000" && r.status === 200) {
          const data = field(r.json, "data");
          const perms = commaList(field(data, "permission"));
          const ips = field(data, "ipWhitelist");
          return {
            status: "live",
            permissions: perms,
            canWithdraw: perms.includes("Transfer"),
            canTrade: perms.some((p) => ["Spot", "Margin", "Futures"].includes(p)),
            canTransfer: perms.includes("Transfer") || perms.includes("InnerTransfer"),
            ipRestricted: boundByText(ips),
            ...perms.length > 0 && perms.every((p) => p === "General") ? { detail: "read-only key (General)" } : {}
          };
        }
        return errorOutcome("KuCoin", r, code3, { invalid: ["400003"], badSignature: "400005", badPassphrase: "400004", clockSkew: "400002", ipBound: "400006" });
      }
    };
  }
});

// dist/src/verify/exchanges/okx.js
var PATH8, okx;
var init_okx = __esm({
  "dist/src/verify/exchanges/okx.js"() {
    "use strict";
    init_signing();
    init_types2();
    init_signed();
    PATH8 = "/api/v5/account/config";
    okx = {
      id: "okx",
      name: "OKX",
      defaultBase: "https://www.okx.com",
      providers: ["okx"],
      needs: ["secret", "passphrase"],
      rate: { requests: 2, perMs: 1e3 },
      doc: { endpoint: `GET ${PATH8}`, fields: ["perm", "ip"], basis: "docs" },
      async check(c, http) {
        const { r, code: code3 } = await signedGet(http, {
          path: PATH8,
          timestamp: () => (/* @__PURE__ */ new Date()).toISOString(),
          headers: (ts) => ({
            "OK-ACCESS-KEY": c.key,
            "OK-ACCESS-SIGN": prehashSign(c.secret, ts, "GET", PATH8),
            "OK-ACCESS-TIMESTAMP": ts,
            "OK-ACCESS-PASSPHRASE": c.passphrase
          }),
          codeField: "code",
          rateLimitCode: "50011"
        });
        if (code3 === "0" && r.status === 200) {
          const acct = field(r.json, "data", 0);
          const perms = commaList(field(acct, "perm"));
          const ip = field(acct, "ip");
          return {
            status: "live",
            permissions: perms,
            canWithdraw: perms.includes("withdraw"),
            canTrade: perms.includes("trade"),
            canTransfer: perms.includes("withdraw"),
            ipRestricted: boundByText(ip),
            ...perms.length === 1 && perms[0] === "read_only" ? { detail: "read-only key" } : {}
          };
        }
        return errorOutcome("OKX", r, code3, {
          invalid: ["50111", "50119"],
          badSignature: "50113",
          badPassphrase: "50105",
          clockSkew: "50102",
          ipBound: "50110",
          other: { "50101": { status: "unknown", detail: `the key belongs to another environment than ${http.base.host} (50101; a demo-trading key?)` } }
        });
      }
    };
  }
});

// dist/src/verify/services/data-apis.js
var ZERO, num, etherscan, coinmarketcap, coingecko, moralis;
var init_data_apis = __esm({
  "dist/src/verify/services/data-apis.js"() {
    "use strict";
    init_types2();
    ZERO = "0x0000000000000000000000000000000000000000";
    num = (v) => typeof v === "number" && Number.isFinite(v) ? v : void 0;
    etherscan = {
      id: "etherscan",
      name: "Etherscan",
      defaultBase: "https://api.etherscan.io",
      providers: ["etherscan", "bscscan", "polygonscan"],
      needs: [],
      rate: { requests: 2, perMs: 1e3 },
      doc: {
        endpoint: "GET /v2/api?chainid=1&module=account&action=balance&address=0x0\u20260&tag=latest&apikey={key}",
        fields: ["status", "message", 'result ("Invalid API Key", "Max rate limit reached")'],
        basis: "docs",
        caveat: "one V2 key serves every chain; legacy per-chain keys (BscScan, Polygonscan) are checked on the same endpoint"
      },
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: `/v2/api?chainid=1&module=account&action=balance&address=${ZERO}&tag=latest&apikey=${encodeURIComponent(c.key)}` }), (x) => x.status === 429 || /rate limit/i.test(String(field(x.json, "result") ?? "")));
        const status = String(field(r.json, "status") ?? "");
        const result = String(field(r.json, "result") ?? "");
        if (r.status === 200 && status === "1")
          return { status: "live" };
        if (/invalid api.?key|missing\/invalid/i.test(result))
          return { status: "invalid", detail: 'Etherscan: "Invalid API Key"' };
        return unexpected(r);
      }
    };
    coinmarketcap = {
      id: "coinmarketcap",
      name: "CoinMarketCap",
      defaultBase: "https://pro-api.coinmarketcap.com",
      providers: ["coinmarketcap"],
      needs: [],
      rate: { requests: 1, perMs: 2e3 },
      doc: {
        endpoint: "GET /v1/key/info (X-CMC_PRO_API_KEY, costs no credit)",
        fields: ["status.error_code", "data.plan.credit_limit_monthly", "data.plan.rate_limit_minute", "data.usage.current_month.credits_left"],
        basis: "docs"
      },
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: "/v1/key/info", headers: { "X-CMC_PRO_API_KEY": c.key } }), (x) => x.status === 429 && [1008, 1011].includes(Number(field(x.json, "status", "error_code"))));
        const code3 = Number(field(r.json, "status", "error_code"));
        if (r.status === 200 && code3 === 0) {
          const plan = field(r.json, "data", "plan");
          const monthly = num(field(plan, "credit_limit_monthly"));
          const left = num(field(r.json, "data", "usage", "current_month", "credits_left"));
          const parts = [monthly !== void 0 && `plan of ${monthly} credits a month`, left !== void 0 && `${left} left this month`].filter(Boolean);
          return { status: "live", ...parts.length ? { detail: parts.join(", ") } : {} };
        }
        if (code3 === 1001 || code3 === 1002 || code3 === 1005)
          return { status: "invalid", detail: `CoinMarketCap refuses the key (${code3})` };
        if (code3 === 1007)
          return { status: "invalid", detail: "the key is disabled (1007)" };
        if ([1003, 1004, 1006, 1009, 1010].includes(code3))
          return { status: "live", detail: `the key exists; its plan refuses this call now (${code3})` };
        return unexpected(r);
      }
    };
    coingecko = {
      id: "coingecko",
      name: "CoinGecko",
      defaultBase: "https://pro-api.coingecko.com",
      providers: ["coingecko"],
      needs: [],
      rate: { requests: 1, perMs: 2e3 },
      doc: {
        endpoint: "GET /api/v3/key (x-cg-pro-api-key)",
        fields: ["plan", "rate_limit_request_per_minute", "monthly_call_credit", "current_remaining_monthly_calls", "error_code 10010/10011 (demo key on the pro host)"],
        basis: "docs"
      },
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: "/api/v3/key", headers: { "x-cg-pro-api-key": c.key } }));
        if (r.status === 200 && field(r.json, "plan") !== void 0) {
          const plan = String(field(r.json, "plan"));
          const left = num(field(r.json, "current_remaining_monthly_calls"));
          const parts = [/^[A-Za-z0-9 _-]{1,30}$/.test(plan) && `plan ${plan}`, left !== void 0 && `${left} calls left this month`].filter(Boolean);
          return { status: "live", ...parts.length ? { detail: parts.join(", ") } : {} };
        }
        const code3 = Number(field(r.json, "status", "error_code") ?? field(r.json, "error_code"));
        if (code3 === 10010 || code3 === 10011)
          return { status: "unknown", detail: `a Demo-plan key (the Pro API refuses it: ${code3}); Demo keys are not checked` };
        if (r.status === 401 || code3 === 10002)
          return { status: "invalid", detail: "CoinGecko refuses the key" };
        return unexpected(r);
      }
    };
    moralis = {
      id: "moralis",
      name: "Moralis",
      defaultBase: "https://deep-index.moralis.io",
      providers: ["moralis"],
      needs: [],
      rate: { requests: 2, perMs: 1e3 },
      doc: { endpoint: "GET /api/v2.2/{0x0\u20260}/balance?chain=0x1 (X-API-Key)", fields: ["balance", "HTTP 401"], basis: "docs" },
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: `/api/v2.2/${ZERO}/balance?chain=0x1`, headers: { "X-API-Key": c.key } }));
        if (r.status === 200 && field(r.json, "balance") !== void 0)
          return { status: "live" };
        if (r.status === 401)
          return { status: "invalid", detail: "Moralis refuses the key (HTTP 401)" };
        return unexpected(r);
      }
    };
  }
});

// dist/src/verify/services/general.js
var bearer, github, slack, stripe, telegram, openai;
var init_general = __esm({
  "dist/src/verify/services/general.js"() {
    "use strict";
    init_types2();
    bearer = (t) => ({ Authorization: `Bearer ${t}` });
    github = {
      id: "github",
      name: "GitHub",
      defaultBase: "https://api.github.com",
      envVar: "GITHUB_API_URL",
      providers: ["github"],
      needs: [],
      rate: { requests: 5, perMs: 1e3 },
      doc: {
        endpoint: "GET /user",
        fields: ["X-OAuth-Scopes header (classic tokens)", "HTTP 401"],
        basis: "docs",
        caveat: "fine-grained and installation tokens carry no scopes header: liveness only"
      },
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: "/user", headers: { ...bearer(c.key), Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28" } }), (x) => x.status === 429 || x.status === 403 && x.headers.get("x-ratelimit-remaining") === "0");
        if (r.status === 401)
          return { status: "invalid", detail: "GitHub refuses the token (HTTP 401): revoked or expired" };
        if (r.status === 403)
          return { status: "live", detail: "the token works but may not read the user (installation token or missing permission)" };
        if (r.status !== 200)
          return unexpected(r);
        const scopes = r.headers.get("x-oauth-scopes");
        if (scopes === null)
          return { status: "live", detail: "fine-grained token: rights are per repository and not listed here" };
        const list = scopes.split(",").map((s) => s.trim()).filter((s) => /^[a-z:_]{1,40}$/.test(s));
        const write = list.some((s) => ["repo", "public_repo", "workflow", "write:packages", "admin:org", "delete_repo", "admin:repo_hook"].includes(s));
        return { status: "live", permissions: list, ...write ? { detail: "can write to repositories or the organisation" } : list.length === 0 ? { detail: "no scopes (public data only)" } : {} };
      }
    };
    slack = {
      id: "slack",
      name: "Slack",
      defaultBase: "https://slack.com",
      providers: ["slack"],
      needs: [],
      rate: { requests: 1, perMs: 1e3 },
      doc: { endpoint: "POST /api/auth.test", fields: ["ok", "error (invalid_auth, token_revoked, account_inactive, not_authed)", "bot_id"], basis: "docs" },
      rejects: (c) => /^xox[abposre]-/.test(c.key) ? void 0 : "only xox\u2026 tokens are checked (app-level tokens and webhook URLs have no read-only check)",
      async check(c, http) {
        const r = await http.send(() => ({ method: "POST", path: "/api/auth.test", headers: { ...bearer(c.key), "Content-Type": "application/x-www-form-urlencoded" }, body: "" }));
        if (r.status === 200 && field(r.json, "ok") === true) {
          return { status: "live", detail: field(r.json, "bot_id") ? "bot token" : "user token" };
        }
        const err = String(field(r.json, "error") ?? "");
        if (err === "invalid_auth")
          return { status: "invalid", detail: "Slack: invalid_auth (revoked, or refused from this IP address)" };
        if (["token_revoked", "token_expired", "account_inactive", "not_authed", "no_permission"].includes(err))
          return { status: "invalid", detail: `Slack: ${err}` };
        return unexpected(r);
      }
    };
    stripe = {
      id: "stripe",
      name: "Stripe",
      defaultBase: "https://api.stripe.com",
      providers: ["stripe"],
      needs: [],
      rate: { requests: 2, perMs: 1e3 },
      doc: {
        endpoint: "GET /v1/balance",
        fields: ["HTTP 200", 'HTTP 401 ("Invalid API Key provided")', "HTTP 403 (restricted key without the balance right)"],
        basis: "docs",
        caveat: "the 403 for restricted keys is inferred"
      },
      rejects: (c) => /^(sk|rk)_(live|test)_/.test(c.key) ? void 0 : "not a Stripe secret or restricted key",
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: "/v1/balance", headers: bearer(c.key) }));
        const mode = c.key.includes("_live_") ? "live mode" : "test mode";
        if (r.status === 200)
          return { status: "live", detail: `${c.key.startsWith("rk_") ? "restricted" : "secret"} key, ${mode}`, canTransfer: c.key.startsWith("sk_live_") ? true : void 0 };
        if (r.status === 401)
          return { status: "invalid", detail: "Stripe: invalid API key" };
        if (r.status === 403)
          return { status: "live", detail: `restricted key without the balance right, ${mode}` };
        return unexpected(r);
      }
    };
    telegram = {
      id: "telegram",
      name: "Telegram",
      defaultBase: "https://api.telegram.org",
      providers: ["telegram"],
      needs: [],
      rate: { requests: 5, perMs: 1e3 },
      doc: { endpoint: "GET /bot{token}/getMe", fields: ["ok", "result.is_bot", "error_code 401/404"], basis: "docs" },
      rejects: (c) => /^\d{5,12}:[A-Za-z0-9_-]{30,40}$/.test(c.key) ? void 0 : "not a bot token",
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: `/bot${c.key}/getMe` }));
        if (r.status === 200 && field(r.json, "ok") === true)
          return { status: "live", detail: "bot token" };
        if (r.status === 401 || r.status === 404)
          return { status: "invalid", detail: `Telegram: ${r.status === 401 ? "Unauthorized" : "Not Found"}` };
        return unexpected(r);
      }
    };
    openai = {
      id: "openai",
      name: "OpenAI",
      defaultBase: "https://api.openai.com",
      providers: ["openai"],
      needs: [],
      rate: { requests: 2, perMs: 1e3 },
      doc: {
        endpoint: "GET /v1/models",
        fields: ["HTTP 200", "HTTP 401 error.code invalid_api_key / IP not authorized", "HTTP 429 error.code insufficient_quota"],
        basis: "docs"
      },
      async check(c, http) {
        const r = await http.send(() => ({ method: "GET", path: "/v1/models", headers: bearer(c.key) }), (x) => x.status === 429 && field(x.json, "error", "code") !== "insufficient_quota");
        if (r.status === 200)
          return { status: "live" };
        const code3 = String(field(r.json, "error", "code") ?? "");
        const msg = String(field(r.json, "error", "message") ?? "");
        if (r.status === 429 && code3 === "insufficient_quota")
          return { status: "live", detail: "the key works but its quota is used up" };
        if (r.status === 401 && /\bIP\b/.test(msg))
          return { status: "live", ipRestricted: true, detail: "the key is not allowed from this IP address" };
        if (r.status === 401)
          return { status: "invalid", detail: `OpenAI refuses the key${code3 === "invalid_api_key" ? " (invalid_api_key)" : ""}` };
        if (r.status === 403)
          return { status: "live", detail: "the key works but may not list models (restricted key or region)" };
        return unexpected(r);
      }
    };
  }
});

// dist/src/verify/services/rpc-keys.js
function rpcOutcome(r, name2) {
  if (r.status === 200 && field(r.json, "result") !== void 0 && field(r.json, "error") === void 0)
    return { status: "live" };
  const msg = String(field(r.json, "error", "message") ?? "");
  const code3 = Number(field(r.json, "error", "code"));
  if (r.status === 401)
    return { status: "invalid", detail: `${name2} refuses the key (HTTP 401)` };
  if (r.status === 403 || code3 === -32002 || /project id settings|allowlist|whitelist|not allowed/i.test(msg)) {
    return { status: "live", ipRestricted: true, detail: `the key exists but ${name2} refuses this request (allow-lists or limits in its settings)` };
  }
  if (r.status === 200 && field(r.json, "error") !== void 0)
    return { status: "unknown", detail: `JSON-RPC error ${Number.isFinite(code3) ? code3 : ""}`.trim() };
  return unexpected(r);
}
var CHAIN_ID, infura, alchemy, helius;
var init_rpc_keys = __esm({
  "dist/src/verify/services/rpc-keys.js"() {
    "use strict";
    init_types2();
    CHAIN_ID = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] });
    infura = {
      id: "infura",
      name: "Infura",
      defaultBase: "https://mainnet.infura.io",
      providers: ["infura"],
      needs: [],
      rate: { requests: 5, perMs: 1e3 },
      doc: {
        endpoint: "POST /v3/{key} eth_chainId (API key secret, when found beside it, as basic auth)",
        fields: ["result", "HTTP 401", "error.code -32002 (refused by project settings)"],
        basis: "inferred",
        caveat: "the 401 and -32002 answers are seen in public issue threads, not in Infura's reference"
      },
      rejects: (c) => /^[0-9a-f]{32}$/i.test(c.key) ? void 0 : "not an Infura key id (32 hex)",
      async check(c, http) {
        const headers = { "Content-Type": "application/json" };
        if (c.secret)
          headers.Authorization = `Basic ${Buffer.from(`:${c.secret}`).toString("base64")}`;
        return rpcOutcome(await http.send(() => ({ method: "POST", path: `/v3/${c.key}`, headers, body: CHAIN_ID })), "Infura");
      }
    };
    alchemy = {
      id: "alchemy",
      name: "Alchemy",
      defaultBase: "https://eth-mainnet.g.alchemy.com",
      providers: ["alchemy"],
      needs: [],
      rate: { requests: 5, perMs: 1e3 },
      doc: { endpoint: "POST /v2/{key} eth_chainId", fields: ["result", "HTTP 401 (invalid)", "HTTP 403 (allow-list / capacity)"], basis: "docs" },
      rejects: (c) => /^[A-Za-z0-9_-]{16,64}$/.test(c.key) && !c.key.startsWith("alcht_") ? void 0 : "not an Alchemy app key (auth tokens are not checked)",
      async check(c, http) {
        return rpcOutcome(await http.send(() => ({ method: "POST", path: `/v2/${c.key}`, headers: { "Content-Type": "application/json" }, body: CHAIN_ID })), "Alchemy");
      }
    };
    helius = {
      id: "helius",
      name: "Helius",
      defaultBase: "https://mainnet.helius-rpc.com",
      providers: ["helius"],
      needs: [],
      rate: { requests: 5, perMs: 1e3 },
      doc: { endpoint: "POST /?api-key={key} getBalance (system program address)", fields: ["result", "HTTP 401"], basis: "docs" },
      rejects: (c) => /^[0-9a-f-]{36}$/i.test(c.key) ? void 0 : "not a Helius key (UUID)",
      async check(c, http) {
        const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "getBalance", params: ["11111111111111111111111111111111"] });
        return rpcOutcome(await http.send(() => ({ method: "POST", path: `/?api-key=${encodeURIComponent(c.key)}`, headers: { "Content-Type": "application/json" }, body })), "Helius");
      }
    };
  }
});

// dist/src/verify/checks.js
function checkForProvider(provider) {
  return byProvider.get(provider);
}
var EXCHANGE_CHECKS, SERVICE_CHECKS, ALL_CHECKS, byProvider;
var init_checks = __esm({
  "dist/src/verify/checks.js"() {
    "use strict";
    init_binance2();
    init_bitfinex();
    init_bitget();
    init_bybit2();
    init_coinbase();
    init_gate();
    init_gemini();
    init_htx();
    init_kraken();
    init_kucoin();
    init_okx();
    init_data_apis();
    init_general();
    init_rpc_keys();
    EXCHANGE_CHECKS = [binance, bybit, okx, kucoin, coinbase, kraken, bitfinex, gemini, bitget, htx, gate, mexc];
    SERVICE_CHECKS = [infura, alchemy, helius, etherscan, coinmarketcap, coingecko, moralis, github, slack, stripe, telegram, openai];
    ALL_CHECKS = [...EXCHANGE_CHECKS, ...SERVICE_CHECKS];
    byProvider = /* @__PURE__ */ new Map();
    for (const c of ALL_CHECKS)
      for (const p of c.providers)
        byProvider.set(p, c);
  }
});

// dist/src/verify/targets.js
function roleOf(f) {
  const part = f.pair?.part ?? (f.key ?? "").split(/[.[\]/]/).pop() ?? "";
  if (/passphrase|password|pass$/i.test(part))
    return "passphrase";
  if (/wallet/i.test(part))
    return void 0;
  if (/secret|private|priv/i.test(part))
    return "secret";
  return "key";
}
function partsOf(f, all) {
  const linked = (f.related ?? []).map((r) => all.get(r)).filter((r) => !!r && r.pair?.id === f.pair?.id);
  if (linked.length > 0 || f.pair)
    return linked;
  const near = [];
  for (const o of all.values()) {
    if (o === f || o.pair || o.provider !== f.provider || o.file !== f.file || o.commit?.sha !== f.commit?.sha)
      continue;
    if (Math.abs(o.line - f.line) <= NEARBY_LINES)
      near.push(o);
  }
  return near.sort((a, b) => Math.abs(a.line - f.line) - Math.abs(b.line - f.line));
}
function buildTargets(findings, rules, opts = {}) {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const byFp = /* @__PURE__ */ new Map();
  const untrusted = /* @__PURE__ */ new Set();
  for (const f of findings) {
    if (f.knownPublic || f.suppressed)
      continue;
    const rule = ruleById.get(f.ruleId);
    if (!rule || rule.origin !== "built-in") {
      untrusted.add(f.ruleId);
      continue;
    }
    if (!byFp.has(f.fingerprint))
      byFp.set(f.fingerprint, f);
  }
  const out = { checks: [], wallets: [], untrusted: [...untrusted].sort() };
  const taken = /* @__PURE__ */ new Set();
  const bySecret = /* @__PURE__ */ new Map();
  for (const [fp, f] of byFp) {
    if (taken.has(fp))
      continue;
    const validate2 = ruleById.get(f.ruleId).validate;
    if (validate2 && WALLET_VALIDATORS.has(validate2)) {
      taken.add(fp);
      out.wallets.push({ finding: f, validate: validate2, fingerprints: [fp] });
      continue;
    }
    const check = checkForProvider(f.provider);
    if (!check)
      continue;
    const role = check.needs.length === 0 && !f.pair ? "key" : roleOf(f);
    if (role !== "key")
      continue;
    const related = partsOf(f, byFp);
    const part = (want) => related.find((r) => roleOf(r) === want && !taken.has(r.fingerprint));
    const secret = part("secret");
    const passphrase = part("passphrase");
    const fps = [fp, ...secret ? [secret.fingerprint] : [], ...passphrase ? [passphrase.fingerprint] : []];
    const credential = { key: f.secret, secret: secret?.secret, passphrase: passphrase?.secret, provider: f.provider, fingerprints: fps };
    const same2 = `${check.id}\0${credential.key}\0${credential.secret ?? ""}\0${credential.passphrase ?? ""}`;
    const prev = bySecret.get(same2);
    if (prev) {
      prev.credential.fingerprints.push(...fps.filter((x) => !prev.credential.fingerprints.includes(x)));
      for (const x of fps)
        taken.add(x);
      continue;
    }
    for (const x of fps)
      taken.add(x);
    const t = { check, credential };
    if (opts.disabled?.has(check.id))
      t.skip = `${check.name} checks are switched off in verify.yaml`;
    else if (check.needs.includes("secret") && !credential.secret)
      t.skip = `needs the ${check.name} secret found beside the key`;
    else if (check.needs.includes("passphrase") && !credential.passphrase)
      t.skip = `needs the ${check.name} passphrase found beside the key`;
    else
      t.skip = check.rejects?.(credential);
    bySecret.set(same2, t);
    out.checks.push(t);
  }
  return out;
}
var WALLET_VALIDATORS, NEARBY_LINES;
var init_targets = __esm({
  "dist/src/verify/targets.js"() {
    "use strict";
    init_checks();
    WALLET_VALIDATORS = /* @__PURE__ */ new Set(["evm-private-key", "solana-keypair", "wif", "bip32-xprv"]);
    NEARBY_LINES = 10;
  }
});

// dist/src/verify/index.js
var verify_exports = {};
__export(verify_exports, {
  ALL_CHECKS: () => ALL_CHECKS,
  EXCHANGE_CHECKS: () => EXCHANGE_CHECKS,
  SERVICE_CHECKS: () => SERVICE_CHECKS,
  baseUrlFor: () => baseUrlFor,
  verifyFindings: () => verifyFindings
});
function baseUrlFor(check, cfg, env) {
  const envName2 = check.envVar ?? envVarFor(check.id);
  const fromEnv = env[envName2];
  if (fromEnv)
    return checkSecretEndpoint(fromEnv, envName2);
  const fromFile = cfg.apiUrls.get(check.id);
  if (fromFile)
    return checkSecretEndpoint(fromFile, `${cfg.source ?? "verify.yaml"}: issuers.${check.id}.apiUrl`);
  return new URL(check.defaultBase);
}
function describeError(e) {
  if (e instanceof RateLimited)
    return { status: "unknown", detail: `not checked: ${e.message}` };
  if (e instanceof RequestTimeout || e instanceof NetworkError)
    return { status: "error", detail: e.message };
  return { status: "error", detail: "internal error during the check" };
}
async function verifyFindings(findings, rules, opts = {}, io = {}) {
  const env = io.env ?? process.env;
  const cfg = loadVerifyConfig({ file: opts.verifyConfig, env });
  applyRpcOptions(cfg, opts.rpc ?? []);
  const summary2 = { checked: 0, live: 0, invalid: 0, unknown: 0, errors: 0, skipped: 0, walletsChecked: 0, walletsWithFunds: 0, requests: 0, warnings: [...cfg.warnings] };
  const warn = (w) => {
    summary2.warnings.push(w);
    io.warn?.(w);
  };
  for (const w of cfg.warnings)
    io.warn?.(w);
  const targets = buildTargets(findings, rules, { disabled: cfg.disabled });
  if (targets.untrusted.length > 0) {
    warn(`not verified: findings of rules that are not built in (${targets.untrusted.join(", ")}): a rule file or config could label any value as any issuer's key`);
  }
  const settings = { timeoutMs: cfg.timeoutMs, retries: cfg.retries, maxWaitMs: cfg.maxWaitMs, userAgent: `keyhound/${io.version ?? "0.0.0"}` };
  const clients = /* @__PURE__ */ new Map();
  const clientFor = (key, base, rate2) => {
    let c = clients.get(key);
    if (!c) {
      c = new IssuerClient(base(), rate2, settings);
      clients.set(key, c);
    }
    return c;
  };
  const allSecrets = targets.checks.flatMap((t) => [t.credential.key, t.credential.secret, t.credential.passphrase]).concat(targets.wallets.map((w) => w.finding.secret));
  const limit = (0, import_p_limit2.default)(cfg.concurrency);
  const results = /* @__PURE__ */ new Map();
  const funds = /* @__PURE__ */ new Map();
  const runCheck = async (t) => {
    const client2 = clientFor(`issuer:${t.check.id}`, () => baseUrlFor(t.check, cfg, env), t.check.rate);
    const base = { checkedAt: (/* @__PURE__ */ new Date()).toISOString(), issuer: t.check.id, host: client2.host };
    let outcome;
    if (t.skip) {
      summary2.skipped++;
      outcome = { status: "unknown", detail: `not checked: ${t.skip}` };
    } else {
      summary2.checked++;
      try {
        outcome = await t.check.check(t.credential, client2);
      } catch (e) {
        outcome = describeError(e);
      }
      if (outcome.status === "live")
        summary2.live++;
      else if (outcome.status === "invalid")
        summary2.invalid++;
      else if (outcome.status === "unknown")
        summary2.unknown++;
      else
        summary2.errors++;
    }
    const v = { status: outcome.status, ...base };
    for (const k of ["permissions", "canWithdraw", "canTrade", "canTransfer", "ipRestricted", "expiresAt"]) {
      if (outcome[k] !== void 0)
        v[k] = outcome[k];
    }
    if (outcome.detail)
      v.detail = scrub(outcome.detail, allSecrets, 200);
    for (const fp of t.credential.fingerprints)
      results.set(fp, v);
  };
  const rpcFor = (family) => [...cfg.rpc.values()].filter((r) => familyOfChain(r.chain) === family);
  const families = new Set(targets.wallets.flatMap((w) => walletAddresses(w.finding, w.validate).map((a) => a.family)));
  const unconfigured = [...families].filter((f) => rpcFor(f).length === 0);
  if (targets.wallets.length > 0 && unconfigured.length > 0) {
    const example = unconfigured[0] === "evm" ? "ethereum" : unconfigured[0];
    warn(`wallet balances not checked for ${unconfigured.join(", ")}: no RPC endpoint configured (--rpc ${example}=URL or rpc: in verify.yaml); no address left this machine`);
  }
  for (const t of targets.checks) {
    try {
      clientFor(`issuer:${t.check.id}`, () => baseUrlFor(t.check, cfg, env), t.check.rate);
    } catch (e) {
      throw new UsageError(e.message);
    }
  }
  const runWallet = async (w) => {
    const addrs = walletAddresses(w.finding, w.validate);
    const found = [];
    let asked = false;
    for (const a of addrs) {
      for (const ep of rpcFor(a.family)) {
        asked = true;
        const client2 = clientFor(`rpc:${ep.chain}`, () => ep.url, RPC_RATE);
        try {
          if (a.family === "evm")
            found.push(await evmFunds(client2, ep.chain, ep.unit ?? EVM_UNITS[ep.chain] ?? "native", a.address));
          else if (a.family === "solana")
            found.push(await solanaFunds(client2, a.address, ep.unit));
          else
            found.push(await esploraFunds(client2, ep.chain, a.address, ep.unit ?? (a.family === "bitcoin" ? "BTC" : "tBTC")));
        } catch (e) {
          const why = e instanceof RpcError || e instanceof RateLimited || e instanceof RequestTimeout || e instanceof NetworkError ? e.message : "internal error";
          warn(`${ep.chain} endpoint ${ep.url.host}: balance of ${a.address} not read: ${scrub(why, allSecrets, 120)}`);
        }
      }
    }
    if (!asked)
      return;
    found.sort((a, b) => a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0);
    summary2.walletsChecked++;
    const active = found.filter((f) => f.txCount > 0 || hasBalance(f.balance));
    const shown = active.length > 0 ? active : [...new Map(found.map((f) => [f.chain, f])).values()];
    if (active.some((f) => hasBalance(f.balance)))
      summary2.walletsWithFunds++;
    for (const fp of w.fingerprints)
      funds.set(fp, shown);
  };
  await Promise.all([...targets.checks.map((t) => limit(() => runCheck(t))), ...targets.wallets.map((w) => limit(() => runWallet(w)))]);
  for (const f of findings) {
    const v = results.get(f.fingerprint);
    if (v)
      f.verification = v;
    const fu = funds.get(f.fingerprint);
    if (fu)
      f.funds = fu;
  }
  summary2.requests = [...clients.values()].reduce((n, c) => n + c.sent, 0);
  return summary2;
}
var import_p_limit2, RPC_RATE;
var init_verify = __esm({
  "dist/src/verify/index.js"() {
    "use strict";
    import_p_limit2 = __toESM(require_p_limit(), 1);
    init_finding();
    init_errors();
    init_http();
    init_client();
    init_config2();
    init_addresses();
    init_balances();
    init_targets();
    init_types2();
    init_checks();
    RPC_RATE = { requests: 10, perMs: 1e3 };
  }
});

// dist/src/cli/output.js
var output_exports = {};
__export(output_exports, {
  INFORMATION_URI: () => INFORMATION_URI,
  exitCodeFor: () => exitCodeFor,
  finishScan: () => finishScan,
  noteSuppression: () => noteSuppression,
  oneLineSummary: () => oneLineSummary,
  progressReporter: () => progressReporter,
  revokeFound: () => revokeFound,
  toolVersion: () => toolVersion,
  useColor: () => useColor,
  verifyFound: () => verifyFound,
  writeOutputFile: () => writeOutputFile,
  writeReport: () => writeReport
});
function useColor(opts, stream = process.stdout) {
  if (opts.color === false || opts.output)
    return false;
  if (process.env.NO_COLOR !== void 0 && process.env.NO_COLOR !== "")
    return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0")
    return true;
  return !!stream.isTTY;
}
function progressReporter(opts) {
  const tty = !opts.quiet && !!process.stderr.isTTY;
  const started = Date.now();
  let shown = false;
  return {
    update(s) {
      if (!tty || Date.now() - started < 1e3)
        return;
      shown = true;
      const mb = (s.bytes / 1024 / 1024).toFixed(1);
      process.stderr.write(`\r\x1B[Kscanning: ${s.files} files, ${mb} MB`);
    },
    done() {
      if (shown)
        process.stderr.write("\r\x1B[K");
    }
  };
}
function noteSuppression(result, opts) {
  const wrote = result.suppression?.wroteBaseline;
  if (!wrote || opts.quiet)
    return;
  process.stderr.write(`keyhound: wrote baseline ${wrote.file} (${wrote.entries} ${wrote.entries === 1 ? "entry" : "entries"})
`);
}
function oneLineSummary(result, shown, output, safe = (s) => s) {
  const n = result.stats.findings;
  const counts = result.findings.length === 0 ? "no secrets found" : `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} (${n.error} error, ${n.warning} warning, ${n.note} note)`;
  const hidden = result.findings.length - shown;
  return `keyhound: ${counts} in ${result.stats.files} file${result.stats.files === 1 ? "" : "s"}${hidden > 0 ? `, ${hidden} below --min-level` : ""}; report written to ${safe(output)}`;
}
async function writeReport(result, session, opts, meta) {
  const [{ render: render2 }, { terminalSafe: terminalSafe2 }] = await Promise.all([Promise.resolve().then(() => (init_report(), report_exports)), Promise.resolve().then(() => (init_text(), text_exports))]);
  const minRank = severityRank(opts.minLevel ?? "note");
  const shown = result.findings.filter((f) => severityRank(f.severity) >= minRank);
  const hidden = result.findings.length - shown.length;
  const text = render2(opts.format, {
    findings: shown,
    repositories: result.repositories,
    rules: session.ruleSet.rules,
    stats: result.stats,
    tool: { name: "keyhound", version: toolVersion(), informationUri: INFORMATION_URI },
    showSecrets: opts.showSecrets,
    root: session.root,
    ...meta ? { scan: { ...meta, startedAt: new Date(Date.now() - result.stats.durationMs).toISOString() } } : {}
  }, { color: useColor(opts), showNotes: opts.showNotes, hiddenBelow: hidden > 0 ? { level: opts.minLevel, count: hidden } : void 0 });
  if (opts.output) {
    writeOutputFile(opts.output, text.endsWith("\n") ? text : text + "\n");
  } else {
    process.stdout.write(text.endsWith("\n") ? text : text + "\n");
  }
  if (!opts.quiet) {
    for (const w of result.stats.warnings)
      process.stderr.write(`keyhound: warning: ${terminalSafe2(w)}
`);
    if (opts.output)
      process.stderr.write(`${oneLineSummary(result, shown.length, opts.output, terminalSafe2)}
`);
  }
  return exitCodeFor(result.findings, session.settings.failOn);
}
async function revokeFound(result, session, opts) {
  const { revokeFindings: revokeFindings2, revokeExitCode: revokeExitCode2 } = await Promise.resolve().then(() => (init_revoke(), revoke_exports));
  const run = await revokeFindings2(result.findings, session.ruleSet.rules, {
    yes: opts.yes,
    revokeConfig: opts.revokeConfig,
    auditLog: opts.auditLog,
    revokeState: opts.revokeState,
    githubApiUrl: opts.githubApiUrl,
    root: session.root,
    config: opts.config
  }, {
    out: (t) => process.stderr.write(t.replace(/^(?=.)/gm, "keyhound: ")),
    warn: (w) => process.stderr.write(`keyhound: warning: ${w}
`),
    version: toolVersion()
  });
  return revokeExitCode2(run);
}
async function verifyFound(result, session, opts) {
  const [{ verifyFindings: verifyFindings2 }, { verifiedLive: verifiedLive2 }] = await Promise.all([Promise.resolve().then(() => (init_verify(), verify_exports)), Promise.resolve().then(() => (init_finding(), finding_exports))]);
  const summary2 = await verifyFindings2(result.findings, session.ruleSet.rules, { verifyConfig: opts.verifyConfig, rpc: opts.rpc }, { warn: () => void 0, version: toolVersion() });
  result.stats.warnings.push(...summary2.warnings);
  if (!opts.onlyLive)
    return;
  result.findings = result.findings.filter(verifiedLive2);
  const n = { error: 0, warning: 0, note: 0 };
  for (const f of result.findings)
    n[f.severity]++;
  result.stats.findings = n;
}
async function finishScan(result, session, opts, meta) {
  noteSuppression(result, opts);
  if (opts.verify)
    await verifyFound(result, session, opts);
  const code3 = await writeReport(result, session, opts, meta);
  return opts.revoke ? Math.max(code3, await revokeFound(result, session, opts)) : code3;
}
function writeOutputFile(file, text) {
  try {
    writeFileSafe(file, text);
  } catch (e) {
    throw new UsageError(`cannot write --output ${e.message}`);
  }
}
var init_output = __esm({
  "dist/src/cli/output.js"() {
    "use strict";
    init_finding();
    init_errors();
    init_safe_fs();
    init_tool();
  }
});

// dist/src/config/settings.js
function parseSize(text) {
  const m13 = SIZE.exec(text);
  if (!m13)
    return void 0;
  const unit = (m13[2] ?? "b").toLowerCase()[0];
  const mult = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Math.floor(Number(m13[1]) * mult);
}
function decideSettings(given = {}, config = {}) {
  const out = {};
  for (const name2 of SETTING_NAMES)
    out[name2] = given[name2] ?? config[name2] ?? SCAN_SETTINGS[name2].default;
  return out;
}
var SIZE, setting, SCAN_SETTINGS, SETTING_NAMES;
var init_settings = __esm({
  "dist/src/config/settings.js"() {
    "use strict";
    init_errors();
    SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i;
    setting = (s) => s;
    SCAN_SETTINGS = {
      maxFileSize: setting({
        flag: "--max-file-size <size>",
        description: "skip larger files, with a warning",
        helpGroup: "configuration",
        configKey: "max-file-size",
        default: 10 * 1024 * 1024,
        cliDefault: "10MB",
        schema: {
          anyOf: [
            { type: "integer", minimum: 1 },
            { type: "string", pattern: "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG][iI]?[bB]?|[bB])?\\s*$" }
          ]
        },
        schemaHint: "must be a size such as 500000, 512KB or 10MB",
        fromCli(text) {
          const n = parseSize(text);
          if (n === void 0)
            throw new OptionError(`not a size: "${text}" (examples: 500000, 512KB, 10MB)`);
          return n;
        },
        fromConfig: (v) => typeof v === "number" ? v : parseSize(String(v))
      }),
      failOn: setting({
        flag: "--fail-on <level>",
        description: "exit 1 when a finding is at or above this level",
        helpGroup: "report",
        configKey: "fail-on",
        default: "warning",
        cliDefault: "warning",
        choices: FAIL_ON_LEVELS,
        schema: { enum: [...FAIL_ON_LEVELS] },
        // commander checks the choices
        fromCli: (text) => text,
        fromConfig: (v) => v
      }),
      baseline: setting({
        flag: "--baseline <file>",
        description: "report only findings not recorded in this baseline file (default: baseline: in the config)",
        helpGroup: "configuration",
        configKey: "baseline",
        default: void 0,
        schema: { type: "string", minLength: 1 },
        path: true,
        fromCli: (text) => text,
        fromConfig: (v) => String(v)
      })
    };
    SETTING_NAMES = Object.keys(SCAN_SETTINGS);
  }
});

// dist/src/cli/options.js
function addRevocationTargets(cmd) {
  return cmd.option("--rules <path>", "extra rule file or folder (repeatable)", collect).optionsGroup("Revocation:").option("--revoke-config <file>", "revocation config (default: $XDG_CONFIG_HOME/keyhound/revoke.yaml)").option("--audit-log <file>", "revocation audit log, JSON lines (default: ~/.local/state/keyhound/audit.jsonl)").option("--revoke-state <file>", "fingerprints already revoked and requests in flight (default: ~/.local/state/keyhound/revoke-state.json)").option("--github-api-url <url>", "GitHub API for credential revocation (default: $GITHUB_API_URL or https://api.github.com)");
}
function addOutputOptions(cmd) {
  cmd.optionsGroup("Report:").addOption(new import_commander.Option("-f, --format <format>", "output format").choices([...REPORT_FORMATS]).default("text")).option("-o, --output <file>", "write the report to a file (the terminal still gets a one-line summary)");
  return addSettingOptions(cmd, "report").addOption(new import_commander.Option("--min-level <level>", "show only findings at or above this level").choices(["error", "warning", "note"]).default("note")).option("--show-notes", "text: list every note (known public test keys \u2026) instead of one summary line").option("--show-secrets", "print found secrets in full (default: redacted everywhere)").option("-q, --quiet", "no progress line and no warnings on standard error").option("--no-color", "no colours in text output (NO_COLOR is honoured too)").addOption(new import_commander.Option("--report-format <format>", "gitleaks name of --format").choices([...REPORT_FORMATS]).hideHelp()).addOption(new import_commander.Option("--report-path <file>", "gitleaks name of --output").hideHelp()).addOption(new import_commander.Option("--redact [percent]", "gitleaks: redact secrets (keyhound always does unless --show-secrets)").hideHelp()).addOption(new import_commander.Option("--baseline-path <file>", "gitleaks name of --baseline").hideHelp());
}
function addSettingOptions(cmd, group) {
  for (const name2 of SETTING_NAMES) {
    const s = SCAN_SETTINGS[name2];
    if (s.helpGroup !== group)
      continue;
    const option = new import_commander.Option(s.flag, s.description);
    if (s.choices)
      option.choices([...s.choices]);
    if (s.cliDefault !== void 0)
      option.default(s.cliDefault);
    cmd.addOption(option);
  }
  return cmd;
}
function addReportOptions(cmd, features = { revoke: true, writeBaseline: true, examples: [] }) {
  addOutputOptions(cmd).optionsGroup("Configuration and suppression:").option("-c, --config <file>", "configuration file (default: .keyhound.yaml at the scan root)");
  addSettingOptions(cmd, "configuration");
  if (features.writeBaseline)
    cmd.option("--write-baseline <file>", "record the current findings in a baseline file (keyed fingerprints, no secrets)");
  cmd.option("--no-suppress", "report everything: ignore inline allow comments, .keyhoundignore, allow: entries and baselines");
  if (features.revoke) {
    cmd.optionsGroup("Revocation:").option("--revoke", "plan revocation of found secrets whose issuer can revoke them (prints the plan; see --yes)").option("--yes", "with --revoke: call the issuers and revoke (irreversible)");
    addRevocationTargets(cmd.optionsGroup("Configuration and suppression:"));
  } else {
    cmd.option("--rules <path>", "extra rule file or folder (repeatable)", collect);
  }
  cmd.optionsGroup("Verification:").option("--verify", "check found keys with their issuers (read-only) and wallet secrets' balances at your --rpc endpoints").option("--rpc <chain=url>", "RPC endpoint for wallet balances: ethereum=URL, polygon=URL, solana=URL, bitcoin=ESPLORA_URL (repeatable)", collect).option("--verify-config <file>", "verification config (default: $XDG_CONFIG_HOME/keyhound/verify.yaml)").option("--only-live", "with --verify: report only findings verified live, and wallets with funds or transactions");
  if (features.examples.length > 0)
    cmd.addHelpText("after", `
Examples:
${features.examples.map((e) => `  ${e}`).join("\n")}
`);
  return cmd.optionsGroup("Options:");
}
function either(raw, ours, theirs, flags) {
  const a = raw[ours];
  const b = raw[theirs];
  if (b === void 0)
    return a;
  if (a !== void 0 && a !== b && !isDefault(raw, ours))
    throw new OptionError(`${flags[0]} and ${flags[1]} name the same setting: give one`);
  return b;
}
function isDefault(raw, key) {
  return defaults.get(raw)?.has(key) ?? false;
}
function markDefaults(raw, cmd) {
  const set = /* @__PURE__ */ new Set();
  for (const key of Object.keys(raw))
    if (cmd.getOptionValueSource(key) === "default")
      set.add(key);
  defaults.set(raw, set);
  return raw;
}
function reportOptions(raw, cmd) {
  if (cmd)
    markDefaults(raw, cmd);
  if (raw.redact !== void 0 && raw.showSecrets)
    throw new OptionError("--redact and --show-secrets contradict each other");
  const baseline = either(raw, "baseline", "baselinePath", ["--baseline", "--baseline-path"]);
  if (baseline !== void 0)
    raw.baseline = baseline;
  return {
    ...settingOptions(raw),
    format: either(raw, "format", "reportFormat", ["--format", "--report-format"]),
    output: either(raw, "output", "reportPath", ["--output", "--report-path"]),
    showSecrets: !!raw.showSecrets,
    showNotes: !!raw.showNotes,
    minLevel: raw.minLevel ?? "note",
    quiet: !!raw.quiet,
    color: raw.color === false ? false : void 0,
    config: raw.config,
    rules: raw.rules ?? [],
    ...revokeOptions(raw),
    ...verifyOptions(raw)
  };
}
function settingOptions(raw) {
  const out = {};
  for (const name2 of SETTING_NAMES) {
    const s = SCAN_SETTINGS[name2];
    const text = raw[name2] ?? s.cliDefault;
    out[name2] = text === void 0 ? s.default : s.fromCli(String(text));
  }
  return out;
}
function verifyOptions(raw) {
  const rpc2 = raw.rpc ?? [];
  if (!raw.verify) {
    const lone = raw.onlyLive ? "--only-live" : rpc2.length > 0 ? "--rpc" : raw.verifyConfig ? "--verify-config" : void 0;
    if (lone)
      throw new UsageError(`${lone} only works with --verify: add --verify to check found secrets online`);
  }
  return { verify: !!raw.verify, verifyConfig: raw.verifyConfig, rpc: rpc2, onlyLive: !!raw.onlyLive };
}
function revokeOptions(raw) {
  if (raw.yes && !raw.revoke)
    throw new OptionError("--yes only confirms --revoke: add --revoke to revoke found secrets");
  return {
    revoke: !!raw.revoke,
    yes: !!raw.yes,
    revokeConfig: raw.revokeConfig,
    auditLog: raw.auditLog,
    revokeState: raw.revokeState,
    githubApiUrl: raw.githubApiUrl
  };
}
function scanRequest(root, opts, raw, cmd) {
  const given = (name2) => {
    const src = cmd.getOptionValueSource(name2);
    return src !== void 0 ? src !== "default" : raw[name2] !== void 0;
  };
  return {
    root,
    config: opts.config,
    rules: opts.rules,
    given: Object.fromEntries(SETTING_NAMES.filter(given).map((name2) => [name2, opts[name2]])),
    suppression: {
      writeBaseline: raw.writeBaseline,
      noSuppress: raw.suppress === false
    }
  };
}
var import_commander, collect, defaults;
var init_options = __esm({
  "dist/src/cli/options.js"() {
    "use strict";
    import_commander = __toESM(require_commander(), 1);
    init_errors();
    init_settings();
    init_report();
    collect = (v, prev) => [...prev ?? [], v];
    defaults = /* @__PURE__ */ new WeakMap();
  }
});

// dep:re2
var require_re2 = __commonJS({
  "dep:re2"(exports, module) {
    module.exports = __require("re2");
  }
});

// dist/src/rules/keypath-rule.js
var KEYPATH_RULE_ID, KNOWN_PROVIDERS, KEYPATH_RULE;
var init_keypath_rule = __esm({
  "dist/src/rules/keypath-rule.js"() {
    "use strict";
    KEYPATH_RULE_ID = "keypath-provider-secret";
    KNOWN_PROVIDERS = [
      // exchanges
      "binance",
      "binanceus",
      "bybit",
      "okx",
      "okex",
      "kucoin",
      "kraken",
      "coinbase",
      "bitfinex",
      "bitstamp",
      "gemini",
      "huobi",
      "htx",
      "gateio",
      "mexc",
      "bitget",
      "bitmex",
      "deribit",
      "bitmart",
      "cryptocom",
      "poloniex",
      "bittrex",
      "upbit",
      "bithumb",
      "phemex",
      "bingx",
      "lbank",
      "whitebit",
      "bitvavo",
      "bitpanda",
      "luno",
      "hyperliquid",
      "dydx",
      "ascendex",
      "probit",
      "coinex",
      "woox",
      "blofin",
      "aevo",
      "ftx",
      // nodes, RPC, indexers, explorers
      "infura",
      "alchemy",
      "quicknode",
      "ankr",
      "moralis",
      "chainstack",
      "blockdaemon",
      "tatum",
      "helius",
      "getblock",
      "nodereal",
      "etherscan",
      "bscscan",
      "polygonscan",
      "arbiscan",
      "basescan",
      "snowtrace",
      "ftmscan",
      "solscan",
      "covalent",
      "bitquery",
      "thegraph",
      "nansen",
      "tenderly",
      "blocknative",
      "flashbots",
      "pokt",
      "llamanodes",
      "drpc",
      "shyft",
      "zerion",
      "debank",
      "simplehash",
      "opensea",
      "pinata",
      "walletconnect",
      "reown",
      "web3auth",
      "thirdweb",
      "biconomy",
      "pimlico",
      "chainlink",
      "coingecko",
      "coinmarketcap",
      "cryptocompare",
      "messari",
      "kaiko",
      "lifi",
      "oneinch",
      "zerox",
      "paraswap",
      "birdeye",
      "defillama",
      // custody, payments, wallets
      "fireblocks",
      "bitgo",
      "moonpay",
      "transak",
      "coinbasecommerce",
      "nowpayments",
      "btcpay",
      "blockcypher",
      "blockchair",
      "metamask",
      "trezor"
    ];
    KEYPATH_RULE = {
      id: KEYPATH_RULE_ID,
      title: "Secret under a provider key path",
      provider: "(from key path)",
      severity: "error",
      description: "A high-entropy value in a config file (YAML, JSON, .env, TOML, INI, properties, tfvars) whose key path names a provider and a secret role, e.g. exchanges.binance.api_secret: reported for that provider even without a provider-specific pattern.",
      keywords: ["(key path)"],
      // the whole value: printable, no spaces, no URL or path
      pattern: "^[A-Za-z0-9+/=_\\-.~:!@#$%^&*?]{16,512}$",
      entropy: 3.2,
      context: {},
      tags: ["security", "secret", "generic", "keypath"],
      grants: "service",
      generic: true,
      precision: "medium",
      remediation: "Revoke the credential at the provider, create a new one, and load it from a secret store or the environment.",
      examples: {
        match: ["exchanges:\n  binance:\n    api_secret: {{alnum:48}}", '{"bybit": {"secret": "{{alnum:36}}"}}'],
        nomatch: ["exchanges:\n  binance:\n    tx_hash: {{hex:64}}", "binance:\n  api_url: https://api.binance.com/{{alnum:24}}"]
      },
      keyPath: { providers: [...KNOWN_PROVIDERS], minLength: 16 }
    };
  }
});

// dist/src/validators/evm-constants.js
function minusOne(h) {
  const { bytesToHex: bytesToHex5 } = hashUtils();
  return (BigInt("0x" + bytesToHex5(h)) - 1n).toString(16).padStart(64, "0");
}
function table() {
  if (constants2)
    return constants2;
  const { keccak_256: keccak_2562 } = sha3();
  const { sha256: sha2567 } = sha2();
  const { bytesToHex: bytesToHex5, utf8ToBytes: utf8ToBytes3 } = hashUtils();
  const c = /* @__PURE__ */ new Map();
  for (const s of KECCAK_OF)
    c.set(bytesToHex5(keccak_2562(utf8ToBytes3(s))), s === "" ? 'keccak256("")' : `keccak256("${s}")`);
  for (const s of SLOT_LABELS)
    c.set(minusOne(keccak_2562(utf8ToBytes3(s))), `EIP-1967 slot ${s}`);
  c.set(bytesToHex5(keccak_2562(Uint8Array.of(128))), 'empty trie root keccak256(rlp(""))');
  c.set(bytesToHex5(keccak_2562(Uint8Array.of(192))), "empty uncles hash keccak256(rlp([]))");
  c.set(bytesToHex5(sha2567(new Uint8Array(0))), 'sha256("")');
  return constants2 = c;
}
function wellKnownConstant(hex) {
  return table().get(hex);
}
var sha2, sha3, hashUtils, KECCAK_OF, SLOT_LABELS, constants2;
var init_evm_constants = __esm({
  "dist/src/validators/evm-constants.js"() {
    "use strict";
    init_lazy_require();
    sha2 = lazyRequire("@noble/hashes/sha2.js");
    sha3 = lazyRequire("@noble/hashes/sha3.js");
    hashUtils = lazyRequire("@noble/hashes/utils.js");
    KECCAK_OF = [
      "",
      // ERC-20 / 721 / 1155 / ownership / proxy events
      "Transfer(address,address,uint256)",
      "Approval(address,address,uint256)",
      "ApprovalForAll(address,address,bool)",
      "TransferSingle(address,address,address,uint256,uint256)",
      "TransferBatch(address,address,address,uint256[],uint256[])",
      "OwnershipTransferred(address,address)",
      "Upgraded(address)",
      "AdminChanged(address,address)",
      "BeaconUpgraded(address)",
      "Deposit(address,uint256)",
      "Withdrawal(address,uint256)",
      "Sync(uint112,uint112)",
      "Swap(address,uint256,uint256,uint256,uint256,address)",
      "RoleGranted(bytes32,address,address)",
      "RoleRevoked(bytes32,address,address)",
      "Initialized(uint8)",
      "Initialized(uint64)",
      // AccessControl roles
      "MINTER_ROLE",
      "PAUSER_ROLE",
      "BURNER_ROLE",
      "ADMIN_ROLE",
      "UPGRADER_ROLE",
      "OPERATOR_ROLE",
      "MANAGER_ROLE",
      // EIP-712
      "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
      "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
    ];
    SLOT_LABELS = ["eip1967.proxy.implementation", "eip1967.proxy.admin", "eip1967.proxy.beacon"];
    constants2 = null;
  }
});

// dep:@scure/bip39
var require_bip39 = __commonJS({
  "dep:@scure/bip39"(exports, module) {
    module.exports = __require("@scure/bip39");
  }
});

// dep:@scure/bip39/wordlists/english.js
var require_english = __commonJS({
  "dep:@scure/bip39/wordlists/english.js"(exports, module) {
    module.exports = __require("@scure/bip39/wordlists/english.js");
  }
});

// dist/src/validators/bip39.js
var bip39_exports = {};
__export(bip39_exports, {
  bip39: () => bip39,
  knownMnemonics: () => knownMnemonics,
  mnemonicWords: () => mnemonicWords
});
function knownMnemonics() {
  if (known)
    return known;
  known = new Map(Object.entries(DEV_PHRASES));
  for (const p of VECTOR_PHRASES)
    known.set(p, "BIP39 test vector");
  for (const len of [16, 20, 24, 28, 32]) {
    for (const fill of [0, 127, 128, 255]) {
      const phrase = (0, import_bip39.entropyToMnemonic)(new Uint8Array(len).fill(fill), import_english.wordlist);
      known.set(phrase, fill === 0 ? 'BIP39 test vector (all-zero entropy, "abandon \u2026 about")' : "BIP39 test vector");
    }
  }
  return known;
}
function mnemonicWords(phrase) {
  return phrase.split(/[\s,]+/).map((w) => w.replace(/^["'`]+|["'`]+$/g, "").toLowerCase()).filter((w) => w.length > 0);
}
var import_bip39, import_english, WORDS, COUNTS, DEV_PHRASES, VECTOR_PHRASES, known, bip39;
var init_bip39 = __esm({
  "dist/src/validators/bip39.js"() {
    "use strict";
    import_bip39 = __toESM(require_bip39(), 1);
    import_english = __toESM(require_english(), 1);
    WORDS = new Set(import_english.wordlist);
    COUNTS = /* @__PURE__ */ new Set([12, 15, 18, 21, 24]);
    DEV_PHRASES = {
      "test test test test test test test test test test test junk": "Hardhat/Anvil default mnemonic",
      "myth like bonus scare over problem client lizard pioneer submit female collect": "Ganache -d mnemonic",
      "candy maple cake sugar pudding cream honey rich smooth crumble sweet treat": "Truffle develop mnemonic",
      "bottom drive obey lake curtain smoke basket hold race lonely fit walk": "Substrate dev phrase"
    };
    VECTOR_PHRASES = [
      "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
      "gravity machine north sort system female filter attitude volume fold club stay feature office ecology stable narrow fog",
      "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length",
      "scheme spot photo card baby mountain device kick cradle pact join borrow",
      "horn tenant knee talent sponsor spell gate clip pulse soap slush warm silver nephew swap uncle crack brave",
      "panda eyebrow bullet gorilla call smoke muffin taste mesh discover soft ostrich alcohol speed nation flash devote level hobby quick inner drive ghost inside",
      "cat swing flag economy stadium alone churn speed unique patch report train",
      "light rule cinnamon wrap drastic word pride squirrel upgrade then income fatal apart sustain crack supply proud access",
      "all hour make first leader extend hole alien behind guard gospel lava path output census museum junior mass reopen famous sing advance salt reform",
      "vessel ladder alter error federal sibling chat ability sun glass valve picture",
      "scissors invite lock maple supreme raw rapid void congress muscle digital elegant little brisk hair mango congress clump",
      "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold"
    ];
    known = null;
    bip39 = ({ secret }) => {
      const words = mnemonicWords(secret);
      if (!COUNTS.has(words.length))
        return { valid: false, reason: `${words.length} words; BIP39 uses 12/15/18/21/24` };
      const unknown = words.find((w) => !WORDS.has(w));
      if (unknown !== void 0)
        return { valid: false, reason: "a word is not in the BIP39 English list" };
      const phrase = words.join(" ");
      if (!(0, import_bip39.validateMnemonic)(phrase, import_english.wordlist))
        return { valid: false, reason: "BIP39 checksum mismatch" };
      const knownPublic = knownMnemonics().get(phrase);
      return { valid: true, reason: `${words.length}-word BIP39 mnemonic, checksum valid`, ...knownPublic ? { knownPublic } : {} };
    };
  }
});

// dist/src/validators/wif.js
var wif_exports = {};
__export(wif_exports, {
  wif: () => wif
});
var wif;
var init_wif = __esm({
  "dist/src/validators/wif.js"() {
    "use strict";
    init_base58check();
    init_secp256k1_keys();
    wif = ({ secret }) => {
      const data = decodeBase58check(secret.trim());
      if (!data)
        return { valid: false, reason: "not base58check (checksum mismatch)" };
      const version = data[0];
      if (version !== 128 && version !== 239)
        return { valid: false, reason: "version is neither 0x80 nor 0xef" };
      let compressed = false;
      if (data.length === 34) {
        if (data[33] !== 1)
          return { valid: false, reason: "compression flag is not 0x01" };
        compressed = true;
      } else if (data.length !== 33) {
        return { valid: false, reason: "payload is not 33 or 34 bytes" };
      }
      const key = data.subarray(1, 33);
      if (!isValidScalar(key))
        return { valid: false, reason: "key outside 1..n-1 of secp256k1" };
      const testnet = version === 239;
      return {
        valid: true,
        reason: `WIF ${testnet ? "testnet" : "mainnet"} ${compressed ? "compressed" : "uncompressed"} key`,
        address: p2pkhAddress(key, compressed, testnet)
      };
    };
  }
});

// dist/src/validators/bip38.js
var bip38_exports = {};
__export(bip38_exports, {
  bip38: () => bip38
});
var bip38;
var init_bip38 = __esm({
  "dist/src/validators/bip38.js"() {
    "use strict";
    init_base58check();
    bip38 = ({ secret }) => {
      const s = secret.trim();
      if (s.length !== 58 || !s.startsWith("6P"))
        return { valid: false, reason: "expected 58 characters starting 6P" };
      const data = decodeBase58check(s);
      if (!data)
        return { valid: false, reason: "not base58check (checksum mismatch)" };
      if (data.length !== 39 || data[0] !== 1 || data[1] !== 66 && data[1] !== 67) {
        return { valid: false, reason: "payload is not 39 bytes starting 0x0142 or 0x0143" };
      }
      return { valid: true, reason: data[1] === 66 ? "BIP38 encrypted key (non-EC)" : "BIP38 encrypted key (EC-multiplied)" };
    };
  }
});

// dist/src/validators/bip32-xprv.js
var bip32_xprv_exports = {};
__export(bip32_xprv_exports, {
  bip32Xprv: () => bip32Xprv
});
function readU32(b, at) {
  return (b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]) >>> 0;
}
var import_secp256k13, bip32Xprv;
var init_bip32_xprv = __esm({
  "dist/src/validators/bip32-xprv.js"() {
    "use strict";
    import_secp256k13 = __toESM(require_secp256k1(), 1);
    init_base58check();
    init_bip32_versions();
    init_secp256k1_keys();
    bip32Xprv = ({ secret }) => {
      const data = decodeBase58check(secret.trim());
      if (!data)
        return { valid: false, reason: "not base58check (checksum mismatch)" };
      if (data.length !== 78)
        return { valid: false, reason: "payload is not 78 bytes" };
      const version = readU32(data, 0);
      const kind = privateVersion(version);
      if (!kind) {
        return { valid: false, reason: publicVersion(version) ? "public extended key, not a secret" : "unknown version bytes" };
      }
      const depth = data[4];
      if (depth === 0 && (readU32(data, 5) !== 0 || readU32(data, 9) !== 0)) {
        return { valid: false, reason: "master key with a parent fingerprint or child number" };
      }
      if (data[45] !== 0)
        return { valid: false, reason: "key data does not start 0x00" };
      const key = data.subarray(46, 78);
      if (!isValidScalar(key))
        return { valid: false, reason: "key outside 1..n-1 of secp256k1" };
      const pub = new Uint8Array(78);
      pub.set(data.subarray(0, 45));
      new DataView(pub.buffer).setUint32(0, kind.publicVersion);
      pub.set(import_secp256k13.secp256k1.getPublicKey(key, true), 45);
      return { valid: true, reason: `${kind.name} extended private key, depth ${depth}`, address: b58check.encode(pub) };
    };
  }
});

// dist/src/validators/base64-loose.js
function decodeBase64Loose(s) {
  let t = s.trim().replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t))
    return null;
  t = t.replace(/=+$/, "");
  if (t.length % 4 === 1)
    return null;
  t += "=".repeat((4 - t.length % 4) % 4);
  try {
    return import_base5.base64.decode(t);
  } catch {
    return null;
  }
}
var import_base5;
var init_base64_loose = __esm({
  "dist/src/validators/base64-loose.js"() {
    "use strict";
    import_base5 = __toESM(require_base(), 1);
  }
});

// dist/src/validators/ed25519-keypair-b64.js
var ed25519_keypair_b64_exports = {};
__export(ed25519_keypair_b64_exports, {
  ed25519KeypairB64: () => ed25519KeypairB64
});
var import_base6, ed25519KeypairB64;
var init_ed25519_keypair_b64 = __esm({
  "dist/src/validators/ed25519-keypair-b64.js"() {
    "use strict";
    import_base6 = __toESM(require_base(), 1);
    init_base64_loose();
    init_ed25519_pair();
    ed25519KeypairB64 = ({ secret }) => {
      const bytes2 = decodeBase64Loose(secret);
      if (!bytes2)
        return { valid: false, reason: "not base64" };
      if (bytes2.length !== 64)
        return { valid: false, reason: `${bytes2.length} bytes, a keypair has 64` };
      const pub = ed25519PairPublicKey(bytes2);
      if (!pub)
        return { valid: false, reason: "second half is not the ed25519 public key of the first" };
      return { valid: true, reason: "ed25519 seed matches its public key", address: import_base6.base64.encode(pub) };
    };
  }
});

// dist/src/validators/json-enclosing.js
function closingBrace(text, start) {
  let depth = 0;
  let inString = false;
  const end = Math.min(text.length, start + MAX_FORWARD);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++;
      else if (c === 34)
        inString = false;
      continue;
    }
    if (c === 34)
      inString = true;
    else if (c === 123)
      depth++;
    else if (c === 125 && --depth === 0)
      return i;
  }
  return -1;
}
function* enclosingObjects(text, index) {
  const floor = Math.max(0, index - MAX_BACK);
  const window = text.slice(floor, index + 1);
  let tried = 0;
  for (let w = window.lastIndexOf("{"); w >= 0 && tried < MAX_CANDIDATES; w = w > 0 ? window.lastIndexOf("{", w - 1) : -1) {
    const p = floor + w;
    tried++;
    const end = closingBrace(text, p);
    if (end < index)
      continue;
    try {
      const v = JSON.parse(text.slice(p, end + 1));
      if (v && typeof v === "object" && !Array.isArray(v))
        yield v;
    } catch {
    }
  }
}
function findEnclosing(text, index, accept) {
  for (const o of enclosingObjects(text, index))
    if (accept(o))
      return o;
  const from = Math.max(0, index - MAX_BACK);
  const window = text.slice(from, index + MAX_FORWARD);
  if (!window.includes('\\"'))
    return void 0;
  const unescape2 = (t) => t.replace(/\\(["\\])/g, "$1");
  const before = unescape2(text.slice(from, index)).length;
  const unescaped = unescape2(window);
  for (const o of enclosingObjects(unescaped, before))
    if (accept(o))
      return o;
  return void 0;
}
function parsedWhole(text) {
  if (text === lastText)
    return lastParsed;
  lastText = text;
  lastParsed = void 0;
  const head = text.trimStart()[0];
  if ((head === "{" || head === "[") && text.length <= 4 * 1024 * 1024) {
    try {
      lastParsed = JSON.parse(text);
    } catch {
    }
  }
  return lastParsed;
}
function findObject(root, accept, depth = 0) {
  if (!root || typeof root !== "object" || depth > 32)
    return void 0;
  if (!Array.isArray(root) && accept(root))
    return root;
  for (const v of Array.isArray(root) ? root : Object.values(root)) {
    const hit = findObject(v, accept, depth + 1);
    if (hit)
      return hit;
  }
  return void 0;
}
function offsetOf(text, match, index) {
  if (text !== cursorText) {
    cursorText = text;
    cursor = 0;
  }
  let at = match ? text.indexOf(match, cursor) : -1;
  if (at < 0 && cursor > 0 && match)
    at = text.indexOf(match);
  if (at < 0)
    return index();
  cursor = at + 1;
  return at;
}
function locateObject(text, match, index, holds, accept) {
  const doc = parsedWhole(text);
  if (doc !== void 0) {
    const holder = findObject(doc, holds);
    if (holder)
      return accept(holder) ? holder : void 0;
  }
  return findEnclosing(text, offsetOf(text, match, index), accept);
}
var MAX_BACK, MAX_FORWARD, MAX_CANDIDATES, lastText, lastParsed, cursorText, cursor;
var init_json_enclosing = __esm({
  "dist/src/validators/json-enclosing.js"() {
    "use strict";
    MAX_BACK = 16 * 1024;
    MAX_FORWARD = 32 * 1024;
    MAX_CANDIDATES = 64;
    lastText = null;
    cursorText = null;
    cursor = 0;
  }
});

// dist/src/validators/cosmos-validator-key.js
var cosmos_validator_key_exports = {};
__export(cosmos_validator_key_exports, {
  cosmosValidatorKey: () => cosmosValidatorKey
});
function listedPublicKey(text, match, index, secret) {
  const holds = (o) => o.priv_key?.value === secret;
  const file = locateObject(text, match, index, holds, (o) => "priv_key" in o);
  const pub = file?.pub_key;
  return typeof pub?.value === "string" ? pub.value : void 0;
}
var import_sha23, import_utils3, import_base7, cosmosValidatorKey;
var init_cosmos_validator_key = __esm({
  "dist/src/validators/cosmos-validator-key.js"() {
    "use strict";
    import_sha23 = __toESM(require_sha2(), 1);
    import_utils3 = __toESM(require_utils(), 1);
    import_base7 = __toESM(require_base(), 1);
    init_base64_loose();
    init_ed25519_pair();
    init_json_enclosing();
    cosmosValidatorKey = (input) => {
      const bytes2 = decodeBase64Loose(input.secret);
      if (!bytes2)
        return { valid: false, reason: "not base64" };
      if (bytes2.length !== 64)
        return { valid: false, reason: `${bytes2.length} bytes, an Ed25519 private key has 64` };
      const pub = ed25519PairPublicKey(bytes2);
      if (!pub)
        return { valid: false, reason: "second half is not the ed25519 public key of the first" };
      const listed = listedPublicKey(input.text(), input.match, input.index, input.secret.trim());
      if (listed !== void 0 && listed !== import_base7.base64.encode(pub)) {
        return { valid: false, reason: "pub_key.value differs from the derived public key" };
      }
      const address = (0, import_utils3.bytesToHex)((0, import_sha23.sha256)(pub).subarray(0, 20)).toUpperCase();
      return { valid: true, reason: `ed25519 key pair${listed ? " matching pub_key" : ""}`, address };
    };
  }
});

// dist/src/validators/evm-private-key.js
var evm_private_key_exports = {};
__export(evm_private_key_exports, {
  evmPrivateKey: () => evmPrivateKey
});
var import_utils4, evmPrivateKey;
var init_evm_private_key = __esm({
  "dist/src/validators/evm-private-key.js"() {
    "use strict";
    import_utils4 = __toESM(require_utils(), 1);
    init_evm_constants();
    init_secp256k1_keys();
    evmPrivateKey = ({ secret }) => {
      const h = secret.trim().replace(/^0x/i, "").toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(h))
        return { valid: false, reason: "expected 64 hex characters" };
      const constant = wellKnownConstant(h);
      if (constant)
        return { valid: false, reason: `well-known constant ${constant}, not a key` };
      const key = (0, import_utils4.hexToBytes)(h);
      if (!isValidScalar(key))
        return { valid: false, reason: "outside 1..n-1 of secp256k1" };
      return { valid: true, reason: "secp256k1 scalar in range", address: evmAddress(key) };
    };
  }
});

// builtin:node:zlib
var m8, crc32;
var init_node_zlib = __esm({
  "builtin:node:zlib"() {
    m8 = __require("node:zlib");
    ({ crc32 } = m8);
  }
});

// dist/src/validators/crc32-base62.js
function crc322(s) {
  const fn = crc32;
  if (!fn)
    throw new Error("keyhound: token checksums need node:zlib crc32 (Node >= 20.15)");
  return fn(s) >>> 0;
}
function base62(n, width) {
  let out = "";
  let v = n;
  while (v > 0) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, "0");
}
function crc32Base62(body) {
  return base62(crc322(body), 6);
}
function checkCrc32Token(token, prefix, lengths = [36]) {
  if (!token.startsWith(prefix))
    return { valid: false, reason: `missing ${prefix} prefix` };
  const rest = token.slice(prefix.length);
  if (!/^[0-9A-Za-z]+$/.test(rest) || !lengths.includes(rest.length)) {
    return { valid: false, reason: `expected ${lengths.join(" or ")} base62 characters after ${prefix}` };
  }
  const want = crc32Base62(rest.slice(0, -6));
  return want === rest.slice(-6) ? { valid: true, reason: "CRC32 checksum matches" } : { valid: false, reason: "CRC32 checksum mismatch" };
}
var BASE62;
var init_crc32_base62 = __esm({
  "dist/src/validators/crc32-base62.js"() {
    "use strict";
    init_node_zlib();
    BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  }
});

// dist/src/validators/jwt.js
var jwt_exports = {};
__export(jwt_exports, {
  jwt: () => jwt
});
function decodeJson(part) {
  if (!/^[A-Za-z0-9_-]+$/.test(part))
    return void 0;
  const bytes2 = decodeBase64Loose(part);
  if (!bytes2)
    return void 0;
  try {
    return JSON.parse(Buffer.from(bytes2).toString("utf8"));
  } catch {
    return void 0;
  }
}
var isObj, jwt;
var init_jwt = __esm({
  "dist/src/validators/jwt.js"() {
    "use strict";
    init_base64_loose();
    isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
    jwt = ({ secret }) => {
      const parts = secret.trim().split(".");
      if (parts.length !== 3)
        return { valid: false, reason: "expected three dot-separated parts" };
      const header = decodeJson(parts[0]);
      if (!isObj(header) || typeof header.alg !== "string")
        return { valid: false, reason: "header is not JSON with alg" };
      const payload = decodeJson(parts[1]);
      if (!isObj(payload))
        return { valid: false, reason: "payload is not a JSON object" };
      if (header.alg.toLowerCase() === "none")
        return { valid: false, reason: "unsigned token (alg none)" };
      if (!/^[A-Za-z0-9_-]{16,}$/.test(parts[2]))
        return { valid: false, reason: "signature part missing or malformed" };
      const exp = typeof payload.exp === "number" ? `, exp ${new Date(payload.exp * 1e3).toISOString().slice(0, 10)}` : "";
      return { valid: true, reason: `JWT ${header.alg}${exp}` };
    };
  }
});

// dist/src/validators/github-token.js
var github_token_exports = {};
__export(github_token_exports, {
  githubToken: () => githubToken
});
var CLASSIC, KINDS, LENGTHS, STATELESS, githubToken;
var init_github_token = __esm({
  "dist/src/validators/github-token.js"() {
    "use strict";
    init_crc32_base62();
    init_jwt();
    CLASSIC = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"];
    KINDS = {
      ghp_: "personal access token",
      gho_: "OAuth access token",
      ghu_: "user-to-server token",
      ghs_: "server-to-server token",
      ghr_: "refresh token"
    };
    LENGTHS = { ghr_: [36, 76] };
    STATELESS = /^ghs_([1-9][0-9]{0,11})_(eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
    githubToken = (input) => {
      const s = input.secret.trim();
      if (s.startsWith("github_pat_")) {
        return /^github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}$/.test(s) ? { valid: true, reason: "fine-grained PAT shape (22 + _ + 59); GitHub publishes no checksum for it" } : { valid: false, reason: "not the fine-grained PAT shape github_pat_ + 22 + _ + 59" };
      }
      const stateless = STATELESS.exec(s);
      if (stateless) {
        const r2 = jwt({ ...input, secret: stateless[2], match: stateless[2] });
        return r2.valid ? { valid: true, reason: `stateless installation token of app ${stateless[1]} (${r2.reason})` } : { valid: false, reason: `stateless installation token whose JWT does not decode: ${r2.reason}` };
      }
      const prefix = CLASSIC.find((p) => s.startsWith(p));
      if (!prefix)
        return { valid: false, reason: "unknown GitHub token prefix" };
      const r = checkCrc32Token(s, prefix, LENGTHS[prefix]);
      return r.valid ? { valid: true, reason: `${KINDS[prefix]}: ${r.reason}` } : r;
    };
  }
});

// dist/src/validators/npm-token.js
var npm_token_exports = {};
__export(npm_token_exports, {
  npmToken: () => npmToken
});
var npmToken;
var init_npm_token = __esm({
  "dist/src/validators/npm-token.js"() {
    "use strict";
    init_crc32_base62();
    npmToken = ({ secret }) => checkCrc32Token(secret.trim(), "npm_");
  }
});

// dist/src/validators/eth-keystore.js
var eth_keystore_exports = {};
__export(eth_keystore_exports, {
  ethKeystore: () => ethKeystore,
  keystoreProblem: () => keystoreProblem
});
function keystoreProblem(o) {
  if (Number(o.version) !== 3)
    return "version is not 3";
  const c = cryptoOf(o);
  if (!isObj2(c))
    return "no crypto object";
  if (typeof c.cipher !== "string" || c.cipher.length === 0)
    return "no cipher";
  if (!isHex(c.ciphertext, 32))
    return "ciphertext is not hex";
  if (!isObj2(c.cipherparams) || !isHex(c.cipherparams.iv, 16))
    return "cipherparams.iv is not hex";
  const p = c.kdfparams;
  if (!isObj2(p))
    return "no kdfparams";
  if (!isHex(p.salt, 16) || !isNum(p.dklen))
    return "kdfparams lack salt or dklen";
  if (c.kdf === "scrypt") {
    if (!isNum(p.n) || !isNum(p.r) || !isNum(p.p))
      return "scrypt kdfparams lack n, r or p";
  } else if (c.kdf === "pbkdf2") {
    if (!isNum(p.c))
      return "pbkdf2 kdfparams lack c";
  } else {
    return "kdf is neither scrypt nor pbkdf2";
  }
  if (!isHex(c.mac, 32))
    return "mac is not hex";
  return null;
}
var isObj2, isHex, isNum, cryptoOf, looksLikeKeystore, ethKeystore;
var init_eth_keystore = __esm({
  "dist/src/validators/eth-keystore.js"() {
    "use strict";
    init_json_enclosing();
    init_secp256k1_keys();
    isObj2 = (v) => !!v && typeof v === "object" && !Array.isArray(v);
    isHex = (v, min = 2) => typeof v === "string" && v.replace(/^0x/i, "").length >= min && /^[0-9a-f]+$/i.test(v.replace(/^0x/i, ""));
    isNum = (v) => typeof v === "number" && Number.isFinite(v) && v > 0;
    cryptoOf = (o) => o.crypto ?? o.Crypto;
    looksLikeKeystore = (o) => isObj2(cryptoOf(o)) && "version" in o;
    ethKeystore = (input) => {
      const text = input.text();
      const secret = input.secret.toLowerCase();
      const holdsSecret = (o) => {
        const c2 = cryptoOf(o);
        return isObj2(c2) && typeof c2.ciphertext === "string" && c2.ciphertext.toLowerCase().replace(/^0x/, "") === secret.replace(/^0x/, "");
      };
      const ks = locateObject(text, input.match, input.index, holdsSecret, looksLikeKeystore);
      if (!ks)
        return { valid: false, reason: "no enclosing keystore JSON object" };
      const problem = keystoreProblem(ks);
      if (problem)
        return { valid: false, reason: problem };
      const c = cryptoOf(ks);
      const addr = typeof ks.address === "string" && /^(0x)?[0-9a-f]{40}$/i.test(ks.address) ? toChecksumAddress(ks.address) : void 0;
      return {
        valid: true,
        reason: `keystore v3 (${String(c.kdf)}, ${String(c.cipher)}): encrypted, password can be brute-forced offline`,
        ...addr ? { address: addr } : {}
      };
    };
  }
});

// dep:@noble/curves/nist.js
var require_nist = __commonJS({
  "dep:@noble/curves/nist.js"(exports, module) {
    module.exports = __require("@noble/curves/nist.js");
  }
});

// dist/src/validators/pem-private-key.js
var pem_private_key_exports = {};
__export(pem_private_key_exports, {
  keyObjectOf: () => keyObjectOf,
  parsePemBlock: () => parsePemBlock,
  pemPrivateKey: () => pemPrivateKey
});
function parsePemBlock(raw) {
  const text = raw.replace(/\\r/g, "").replace(/\\n/g, "\n").replace(/\r/g, "");
  const begin = BEGIN.exec(text);
  if (!begin)
    return null;
  const label2 = begin[1];
  const endMarker = `-----END ${label2}-----`;
  const endAt = text.indexOf(endMarker, begin.index);
  if (endAt < 0)
    return null;
  const inner = text.slice(begin.index + begin[0].length, endAt);
  const headers = [];
  let body = "";
  for (const line of inner.split("\n")) {
    const l = line.replace(/["'`]\s*\+\s*["'`]?/g, "").replace(/["'`;\\]/g, "").trim();
    if (l.length === 0)
      continue;
    if (/^[A-Za-z-]+:\s/.test(l)) {
      headers.push(l);
      continue;
    }
    const b = l.replace(/[,\s]+/g, "");
    if (/^=[A-Za-z0-9+/]{4}$/.test(b))
      continue;
    body += b;
  }
  return { label: label2, headers, body };
}
function decodeBody(body) {
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body))
    return null;
  return Buffer.from(body, "base64");
}
function isWholeDerSequence(der2) {
  if (der2.length < 2 || der2[0] !== 48)
    return false;
  let len = der2[1];
  let at = 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 4 || der2.length < 2 + n)
      return false;
    len = 0;
    for (let i = 0; i < n; i++)
      len = len * 256 + der2[2 + i];
    at = 2 + n;
  }
  return at + len === der2.length;
}
function describeKey(k) {
  const d = k.asymmetricKeyDetails ?? {};
  switch (k.asymmetricKeyType) {
    case "rsa":
    case "rsa-pss":
      return `RSA ${d.modulusLength ?? ""}`.trim();
    case "dsa":
      return `DSA ${d.modulusLength ?? ""}`.trim();
    case "ec":
      return `EC ${CURVES[d.namedCurve ?? ""] ?? d.namedCurve ?? ""}`.trim();
    case "ed25519":
      return "Ed25519";
    case "ed448":
      return "Ed448";
    default:
      return String(k.asymmetricKeyType ?? "unknown").toUpperCase();
  }
}
function opensshKeyType(b) {
  const MAGIC = "openssh-key-v1\0";
  if (b.length < MAGIC.length || b.toString("latin1", 0, MAGIC.length) !== MAGIC)
    return null;
  let at = MAGIC.length;
  const str = () => {
    if (at + 4 > b.length)
      return null;
    const n = b.readUInt32BE(at);
    if (at + 4 + n > b.length)
      return null;
    const s = b.subarray(at + 4, at + 4 + n);
    at += 4 + n;
    return s;
  };
  const cipher = str();
  const kdf = str();
  const kdfOptions = str();
  if (!cipher || !kdf || !kdfOptions || at + 4 > b.length)
    return null;
  const nkeys = b.readUInt32BE(at);
  at += 4;
  if (nkeys < 1 || nkeys > 16)
    return null;
  let type = "";
  for (let i = 0; i < nkeys; i++) {
    const pub = str();
    if (!pub || pub.length < 4)
      return null;
    const n = pub.readUInt32BE(0);
    if (i === 0 && 4 + n <= pub.length)
      type = pub.toString("latin1", 4, 4 + n);
  }
  const priv = str();
  if (!priv || priv.length === 0)
    return null;
  if (cipher.toString() === "none") {
    if (priv.length < 8 || priv.readUInt32BE(0) !== priv.readUInt32BE(4))
      return null;
    return type;
  }
  return `${type}, encrypted (${cipher.toString()})`;
}
function keyObjectOf(parts) {
  const armour2 = parts.label === "ECDSA PRIVATE KEY" ? "EC PRIVATE KEY" : parts.label;
  const pem = `-----BEGIN ${armour2}-----
${parts.body.replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}
-----END ${armour2}-----
`;
  try {
    return createPrivateKey({ key: pem, format: "pem" });
  } catch (e) {
    return { error: e.code ?? "error" };
  }
}
var BEGIN, CURVES, pemPrivateKey;
var init_pem_private_key = __esm({
  "dist/src/validators/pem-private-key.js"() {
    "use strict";
    init_node_crypto();
    BEGIN = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----/;
    CURVES = {
      prime256v1: "P-256",
      secp384r1: "P-384",
      secp521r1: "P-521",
      secp256k1: "secp256k1"
    };
    pemPrivateKey = ({ match, secret }) => {
      const parts = parsePemBlock(match.includes("-----BEGIN") ? match : secret);
      if (!parts)
        return { valid: false, reason: "no complete BEGIN/END PRIVATE KEY block" };
      const der2 = decodeBody(parts.body);
      if (!der2)
        return { valid: false, reason: "body is not complete base64" };
      const { label: label2 } = parts;
      let result;
      if (label2 === "OPENSSH PRIVATE KEY") {
        const type = opensshKeyType(der2);
        result = type === null ? { valid: false, reason: "not a complete openssh-key-v1 container" } : { valid: true, reason: "OpenSSH private key container", keyType: `OpenSSH ${type}`.trim() };
      } else if (label2 === "ENCRYPTED PRIVATE KEY") {
        result = isWholeDerSequence(der2) ? { valid: true, reason: "encrypted PKCS#8 (cannot decrypt; still sensitive)", keyType: "encrypted PKCS#8" } : { valid: false, reason: "not a complete DER structure" };
      } else if (parts.headers.some((h) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(h))) {
        result = der2.length >= 64 && der2.length % 8 === 0 ? { valid: true, reason: "legacy encrypted PEM (cannot decrypt; still sensitive)", keyType: `${label2.replace(/ PRIVATE KEY$/, "")} encrypted` } : { valid: false, reason: "encrypted body is not whole cipher blocks" };
      } else if (label2 === "TENDERMINT PRIVATE KEY") {
        const header = (name2) => parts.headers.find((h) => h.toLowerCase().startsWith(`${name2}:`))?.slice(name2.length + 1).trim();
        const kdf = header("kdf");
        result = kdf && der2.length >= 24 + 16 + 32 ? { valid: true, reason: `Cosmos SDK armoured key (${kdf}-encrypted; the passphrase can be brute-forced)`, keyType: `Cosmos ${header("type") ?? "key"} encrypted` } : { valid: false, reason: "no kdf header or body too short for an encrypted key" };
      } else if (label2 === "PGP PRIVATE KEY BLOCK") {
        const t = der2[0];
        result = t >= 148 && t <= 151 || t === 197 ? { valid: true, reason: "OpenPGP secret key packet", keyType: "PGP secret key" } : { valid: false, reason: "first packet is not an OpenPGP secret key" };
      } else {
        const key = keyObjectOf(parts);
        result = "error" in key ? { valid: false, reason: `does not parse as a private key (${key.error})` } : { valid: true, reason: "private key parses", keyType: describeKey(key) };
      }
      return result;
    };
  }
});

// dist/src/validators/ec-p256-private-key.js
var ec_p256_private_key_exports = {};
__export(ec_p256_private_key_exports, {
  ecP256PrivateKey: () => ecP256PrivateKey
});
var import_nist, import_base8, same, ecP256PrivateKey;
var init_ec_p256_private_key = __esm({
  "dist/src/validators/ec-p256-private-key.js"() {
    "use strict";
    import_nist = __toESM(require_nist(), 1);
    import_base8 = __toESM(require_base(), 1);
    init_pem_private_key();
    same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
    ecP256PrivateKey = ({ match, secret }) => {
      const parts = parsePemBlock(match.includes("-----BEGIN") ? match : secret);
      if (!parts)
        return { valid: false, reason: "no complete BEGIN/END PRIVATE KEY block" };
      const key = keyObjectOf(parts);
      if ("error" in key)
        return { valid: false, reason: `does not parse as a private key (${key.error})` };
      const jwk = key.export({ format: "jwk" });
      if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.d || !jwk.x || !jwk.y) {
        return { valid: false, reason: `not a P-256 key (${jwk.kty} ${jwk.crv ?? ""})`.trim() };
      }
      const d = import_base8.base64urlnopad.decode(jwk.d);
      if (!import_nist.p256.utils.isValidSecretKey(d))
        return { valid: false, reason: "scalar out of range for P-256" };
      const pub = import_nist.p256.getPublicKey(d, false);
      const carried2 = Uint8Array.from([4, ...import_base8.base64urlnopad.decode(jwk.x), ...import_base8.base64urlnopad.decode(jwk.y)]);
      if (!same(pub, carried2))
        return { valid: false, reason: "the public key in the block does not belong to its private scalar" };
      return { valid: true, reason: "P-256 private key; its public key matches", keyType: "EC P-256" };
    };
  }
});

// dist/src/validators/gitlab-token.js
var gitlab_token_exports = {};
__export(gitlab_token_exports, {
  checkRoutable: () => checkRoutable,
  gitlabToken: () => gitlabToken
});
function checkRoutable(token) {
  const m13 = ROUTABLE_TAIL.exec(token);
  if (!m13)
    return null;
  const [, version, length, crc] = m13;
  if (crc322(token.slice(0, -7)).toString(36).padStart(7, "0") !== crc)
    return { valid: false, reason: "routable token CRC32 mismatch" };
  const payload = token.slice(0, m13.index).slice(-parseInt(length, 36));
  if (!/^[A-Za-z0-9_-]{27,300}$/.test(payload))
    return { valid: false, reason: "routable token payload length field mismatch" };
  const bytes2 = decodeBase64Loose(payload);
  const n = bytes2?.[bytes2.length - 1];
  if (!bytes2 || n === void 0 || bytes2.length < 16 + n + 1)
    return { valid: false, reason: "routable payload does not decode" };
  const routing = Buffer.from(bytes2.subarray(bytes2.length - 1 - n, bytes2.length - 1)).toString("latin1").split("\n");
  if (!routing.every((l) => ROUTING_LINE.test(l))) {
    return { valid: false, reason: "routable payload holds no routing keys" };
  }
  return { valid: true, reason: `routable token v${parseInt(version, 36)}: CRC32 matches, routing ${routing.join(" ")}` };
}
var ROUTABLE_TAIL, ROUTING_LINE, gitlabToken;
var init_gitlab_token = __esm({
  "dist/src/validators/gitlab-token.js"() {
    "use strict";
    init_crc32_base62();
    init_base64_loose();
    ROUTABLE_TAIL = /\.([0-9a-z]{2})\.([0-9a-z]{2})([0-9a-z]{7})$/;
    ROUTING_LINE = /^[cgoptu]:[A-Za-z0-9_]+$/;
    gitlabToken = ({ secret }) => checkRoutable(secret.trim()) ?? { valid: true, reason: "legacy token shape (GitLab publishes no checksum for it)" };
  }
});

// dist/src/validators/discord-bot-token.js
var discord_bot_token_exports = {};
__export(discord_bot_token_exports, {
  discordBotToken: () => discordBotToken,
  snowflakeTime: () => snowflakeTime
});
function snowflakeTime(digits) {
  if (!/^[1-9]\d{16,19}$/.test(digits))
    return null;
  const created = Number((BigInt(digits) >> 22n) + DISCORD_EPOCH);
  return created > LATEST ? null : created;
}
var DISCORD_EPOCH, LATEST, discordBotToken;
var init_discord_bot_token = __esm({
  "dist/src/validators/discord-bot-token.js"() {
    "use strict";
    init_base64_loose();
    DISCORD_EPOCH = 1420070400000n;
    LATEST = Date.UTC(2040, 0, 1);
    discordBotToken = ({ secret }) => {
      const parts = secret.trim().split(".");
      if (parts.length !== 3)
        return { valid: false, reason: "expected three dot-separated parts" };
      const [id, ts, mac] = parts;
      if (!/^[A-Za-z0-9_-]+$/.test(ts) || !/^[A-Za-z0-9_-]{20,}$/.test(mac))
        return { valid: false, reason: "timestamp or HMAC part malformed" };
      const bytes2 = decodeBase64Loose(id);
      if (!bytes2)
        return { valid: false, reason: "first part is not base64url" };
      const digits = Buffer.from(bytes2).toString("latin1");
      if (!/^[1-9]\d{16,19}$/.test(digits))
        return { valid: false, reason: "first part does not decode to a 17\u201320 digit snowflake" };
      if (snowflakeTime(digits) === null)
        return { valid: false, reason: "snowflake timestamp out of range" };
      return { valid: true, reason: "first part decodes to a Discord snowflake", address: `bot user id ${digits}` };
    };
  }
});

// dist/src/validators/discord-webhook-url.js
var discord_webhook_url_exports = {};
__export(discord_webhook_url_exports, {
  discordWebhookUrl: () => discordWebhookUrl
});
var URL2, discordWebhookUrl;
var init_discord_webhook_url = __esm({
  "dist/src/validators/discord-webhook-url.js"() {
    "use strict";
    init_discord_bot_token();
    URL2 = /\/webhooks\/([0-9]{17,20})\/([A-Za-z0-9_-]{60,80})$/;
    discordWebhookUrl = ({ secret }) => {
      const m13 = URL2.exec(secret.trim());
      if (!m13)
        return { valid: false, reason: "not \u2026/webhooks/<id>/<token>" };
      const created = snowflakeTime(m13[1]);
      if (created === null)
        return { valid: false, reason: "webhook id is not a Discord snowflake of a plausible time" };
      return { valid: true, reason: `webhook id is a snowflake from ${new Date(created).toISOString().slice(0, 10)}`, address: `webhook ${m13[1]}` };
    };
  }
});

// dist/src/validators/index.js
function lazy(load, exported) {
  let impl;
  return (input) => (impl ??= load()[exported])(input);
}
var validators;
var init_validators = __esm({
  "dist/src/validators/index.js"() {
    "use strict";
    init_lazy_require();
    init_evm_constants();
    validators = {
      bip39: lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_bip39(), __toCommonJS(bip39_exports)))(), "bip39"),
      wif: lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_wif(), __toCommonJS(wif_exports)))(), "wif"),
      bip38: lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_bip38(), __toCommonJS(bip38_exports)))(), "bip38"),
      "bip32-xprv": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_bip32_xprv(), __toCommonJS(bip32_xprv_exports)))(), "bip32Xprv"),
      "solana-keypair": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_solana_keypair(), __toCommonJS(solana_keypair_exports)))(), "solanaKeypair"),
      "ed25519-keypair-b64": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_ed25519_keypair_b64(), __toCommonJS(ed25519_keypair_b64_exports)))(), "ed25519KeypairB64"),
      "cosmos-validator-key": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_cosmos_validator_key(), __toCommonJS(cosmos_validator_key_exports)))(), "cosmosValidatorKey"),
      "evm-private-key": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_evm_private_key(), __toCommonJS(evm_private_key_exports)))(), "evmPrivateKey"),
      "github-token": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_github_token(), __toCommonJS(github_token_exports)))(), "githubToken"),
      "npm-token": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_npm_token(), __toCommonJS(npm_token_exports)))(), "npmToken"),
      "eth-keystore": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_eth_keystore(), __toCommonJS(eth_keystore_exports)))(), "ethKeystore"),
      "ec-p256-private-key": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_ec_p256_private_key(), __toCommonJS(ec_p256_private_key_exports)))(), "ecP256PrivateKey"),
      "gitlab-token": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_gitlab_token(), __toCommonJS(gitlab_token_exports)))(), "gitlabToken"),
      "pem-private-key": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_pem_private_key(), __toCommonJS(pem_private_key_exports)))(), "pemPrivateKey"),
      "discord-bot-token": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_discord_bot_token(), __toCommonJS(discord_bot_token_exports)))(), "discordBotToken"),
      "discord-webhook-url": lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_discord_webhook_url(), __toCommonJS(discord_webhook_url_exports)))(), "discordWebhookUrl"),
      jwt: lazy(/* @__PURE__ */ ((m13) => () => m13 ??= (init_jwt(), __toCommonJS(jwt_exports)))(), "jwt")
    };
  }
});

// dist/src/rules/names.js
function providerAlt(p) {
  return p.toLowerCase().split(/[\s._-]+/).map((w) => w.replace(/[^a-z0-9]/g, "")).filter(Boolean).join("[_.-]?");
}
function compileNameKeys(names) {
  const prov = `(?:${names.providers.map(providerAlt).join("|")})`;
  const qual = `(?:${QUALIFIERS.join("|")})`;
  const roleWords = names.roles.flatMap((r) => ROLE_WORDS[r]);
  const alts = [];
  if (roleWords.length > 0) {
    alts.push(`${STRUCTURE}(?:(?:[\\w-]*[_-])?${prov}[_-]?)?(?:${qual}[_-]?)*(?:${roleWords.join("|")})(?:[_-]?(?:${qual}|${prov}))*`);
  }
  const ownWords = (names.providerRoles ?? []).flatMap((r) => ROLE_WORDS[r]);
  if (ownWords.length > 0) {
    alts.push(`${STRUCTURE}(?:[\\w-]*[_-])?${prov}[_-]?(?:${qual}[_-]?)*(?:${ownWords.join("|")})(?:[_-]?(?:${qual}|${prov}))*`);
  }
  if (names.roles.includes("named"))
    alts.push(`${STRUCTURE}(?:[\\w-]*[_-])?${prov}(?:[_-]?${qual})*`);
  for (const a of names.also ?? [])
    alts.push(`${STRUCTURE}${providerAlt(a)}`);
  return `(?i)^(?:${alts.join("|")})["'\\]]*$`;
}
function compileNameNearby(names) {
  const alts = names.providers.map((p) => {
    const a = providerAlt(p);
    return p.replace(/[^a-z0-9]/gi, "").length <= 4 ? `(?:^|[^a-z])${a}(?:[^a-z]|$)` : a;
  });
  return `(?i)(?:${alts.join("|")})`;
}
var QUALIFIERS, ROLE_WORDS, NAME_ROLES, STRUCTURE;
var init_names = __esm({
  "dist/src/rules/names.js"() {
    "use strict";
    QUALIFIERS = [
      "us",
      "com",
      "test(?:net)?",
      "live",
      "prod(?:uction)?",
      "main(?:net)?",
      "demo",
      "paper",
      "sandbox",
      "stag(?:e|ing)",
      "sub[_-]?(?:account)?",
      "master",
      "spot",
      "futures?",
      "perps?",
      "margin",
      "trad(?:e|ing)",
      "read[_-]?(?:only|write)?",
      "write",
      "bot",
      "my",
      "real",
      "account",
      "exchange",
      "user",
      "hmac",
      "pro",
      "dev",
      "default",
      "primary",
      "secondary",
      "rest",
      "ws",
      "x",
      "v?\\d+",
      // the encoding a value is kept in (`PRIVATE_KEY_BASE64`, `BASE64_PRIVATE_KEY`, `SECRET_HEX`)
      "b(?:ase)?64",
      "b(?:ase)?58",
      "hex",
      "pem"
    ];
    ROLE_WORDS = {
      key: [
        "(?:api[_-]?)?key(?:[_-]?(?:id|name))?",
        "apikey(?:[_-]?(?:id|name))?",
        "access[_-]?key(?:[_-]?id)?",
        "accesskeyid",
        "access[_-]?id",
        "key[_-]?(?:id|name)",
        "api[_-]?key[_-]?(?:id|name)",
        "api[_-]?id"
      ],
      secret: [
        "(?:api[_-]?)?secret(?:[_-]?(?:api[_-]?)?key)?",
        "api[_-]?key[_-]?secret",
        "apisecret",
        "secretkey",
        "hmac[_-]?(?:secret|key)",
        "signing[_-]?(?:secret|key)",
        "sign[_-]?key"
      ],
      "private-key": ["(?:api[_-]?)?private[_-]?key", "privatekey", "api[_-]?key[_-]?(?:secret|private[_-]?key)", "priv[_-]?key"],
      passphrase: ["(?:api[_-]?)?pass[_-]?phrase", "(?:api[_-]?|trading[_-]?|trade[_-]?)?password", "passwd", "pwd"],
      token: [
        "(?:api[_-]?|access[_-]?|auth[_-]?|bearer[_-]?|secret[_-]?)?token",
        "auth(?:[_-]?(?:key|header))?",
        "credentials?",
        "api[_-]?auth",
        "api[_-]?credentials?"
      ],
      "client-id": ["client[_-]?id", "clientid", "app[_-]?id"],
      "project-id": ["(?:project[_-]?)?id", "projectid", "app[_-]?key"],
      "project-secret": ["project[_-]?secret", "projectsecret"],
      jwt: ["(?:api[_-]?|access[_-]?|auth[_-]?)?jwt", "jwt[_-]?(?:token|secret|key)"],
      "client-secret": ["client[_-]?secret", "clientsecret", "app[_-]?secret"],
      // the provider's name alone (`KUCOIN=…`, `kucoin 2313b299-…`): the value's shape decides its role
      named: []
    };
    NAME_ROLES = Object.keys(ROLE_WORDS);
    STRUCTURE = `(?:.*[.\\[\\]"'$@/:])?[_-]*`;
  }
});

// dist/src/rules/schema.js
var NAME_ROLE_LIST, re2Pattern, grants, ruleSchema, ruleFileSchema;
var init_schema2 = __esm({
  "dist/src/rules/schema.js"() {
    "use strict";
    NAME_ROLE_LIST = ["key", "secret", "private-key", "passphrase", "token", "client-id", "client-secret", "project-id", "project-secret", "jwt", "named"];
    re2Pattern = { type: "string", minLength: 1 };
    grants = { enum: ["wallet", "exchange-account", "custody", "service"] };
    ruleSchema = {
      type: "object",
      additionalProperties: false,
      required: ["id", "title", "provider", "severity", "pattern", "examples"],
      properties: {
        id: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
        title: { type: "string", minLength: 1 },
        provider: { type: "string", minLength: 1 },
        severity: { enum: ["error", "warning", "note"] },
        description: { type: "string" },
        keywords: { type: "array", items: { type: "string", minLength: 2 } },
        pattern: re2Pattern,
        secretGroup: { anyOf: [{ type: "integer", minimum: 0 }, { type: "string", minLength: 1 }] },
        entropy: { type: "number", minimum: 0, maximum: 8 },
        prefilter: { enum: ["pattern"] },
        context: {
          type: "object",
          additionalProperties: false,
          properties: {
            keys: re2Pattern,
            nearby: re2Pattern,
            window: { type: "integer", minimum: 0, maximum: 50 },
            denyKeys: { type: "string" }
          }
        },
        names: {
          type: "object",
          additionalProperties: false,
          required: ["providers", "roles"],
          properties: {
            providers: { type: "array", minItems: 1, items: { type: "string", minLength: 2 } },
            roles: { type: "array", minItems: 1, items: { enum: NAME_ROLE_LIST } },
            providerRoles: { type: "array", items: { enum: NAME_ROLE_LIST } },
            also: { type: "array", items: { type: "string", minLength: 2 } }
          }
        },
        matrix: {
          type: "object",
          additionalProperties: false,
          required: ["skip", "why"],
          properties: {
            skip: { type: "array", minItems: 1, items: { type: "string", pattern: "^[a-z0-9-]+$" } },
            why: { type: "string", minLength: 10 }
          }
        },
        generic: { type: "boolean" },
        priority: { type: "integer", minimum: -100, maximum: 100 },
        supersedes: { type: "array", items: { type: "string", minLength: 1 } },
        identifies: { type: "boolean" },
        validate: { type: "string", minLength: 1 },
        allow: { type: "array", items: { type: "string", minLength: 1 } },
        tags: { type: "array", items: { type: "string", minLength: 1 } },
        grants,
        pair: {
          type: "object",
          additionalProperties: false,
          required: ["id", "part"],
          properties: { id: { type: "string", minLength: 1 }, part: { type: "string", minLength: 1 } }
        },
        precision: { enum: ["very-high", "high", "medium", "low"] },
        remediation: { type: "string" },
        revoker: { type: "string", minLength: 1 },
        examples: {
          type: "object",
          additionalProperties: false,
          required: ["match", "nomatch"],
          properties: {
            match: { type: "array", minItems: 1, items: { type: "string" } },
            nomatch: { type: "array", minItems: 1, items: { type: "string" } }
          }
        }
      }
    };
    ruleFileSchema = {
      type: "object",
      additionalProperties: false,
      properties: {
        family: { type: "string" },
        /** Default `grants` of the file's rules (a rule's own field wins). */
        grants,
        rules: { type: "array", items: ruleSchema },
        "known-public": {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["value", "description"],
            properties: { value: { type: "string", minLength: 1 }, description: { type: "string", minLength: 1 } }
          }
        }
      }
    };
  }
});

// dist/src/rules/loader.js
var loader_exports = {};
__export(loader_exports, {
  RuleError: () => RuleError,
  builtinRulesDir: () => builtinRulesDir,
  checkRule: () => checkRule,
  loadRuleDir: () => loadRuleDir,
  parseRuleFile: () => parseRuleFile,
  readRuleFiles: () => readRuleFiles,
  writePack: () => writePack
});
function builtinRulesDir() {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ["../rules", "../../../rules", "../../rules"]) {
    const dir = resolve(here, up);
    try {
      if (readdirSync(dir).some((f) => f.endsWith(".yaml")))
        return dir;
    } catch {
    }
  }
  throw new Error(`keyhound: built-in rules folder not found near ${here}`);
}
function compiled() {
  if (!ajvCache) {
    const Ajv3 = ajvModule().default;
    const ajv = new Ajv3({ allErrors: false, strict: true });
    ajvCache = { file: ajv.compile(ruleFileSchema), rule: ajv.compile(ruleSchema) };
  }
  return ajvCache;
}
function describe2(err) {
  const path = err.instancePath.split("/").filter(Boolean);
  let detail = err.message ?? "invalid";
  if (err.keyword === "additionalProperties")
    detail = `unknown field "${err.params.additionalProperty}"`;
  if (err.keyword === "required")
    detail = `missing required field "${err.params.missingProperty}"`;
  if (err.keyword === "enum")
    detail = `must be one of ${err.params.allowedValues.join(", ")}`;
  return { path, detail };
}
function checkRule(raw, file, where2 = "", defaultGrants = "service") {
  const v = compiled().rule;
  const id = typeof raw?.id === "string" ? raw.id : void 0;
  if (!v(raw)) {
    const { path, detail } = describe2(v.errors[0]);
    throw new RuleError(file, id ?? where2, path.join(".") || void 0, detail);
  }
  let spec = raw;
  if (spec.names) {
    const keys = compileNameKeys(spec.names);
    if (spec.context?.keys && spec.context.keys !== keys)
      throw new RuleError(file, spec.id, "names", "give either names or context.keys, not both");
    const context = { ...spec.context, keys };
    if (!context.nearby)
      context.nearby = compileNameNearby(spec.names);
    spec = { ...spec, context };
  }
  const tryRe = (field2, pattern, flags = "u") => {
    if (pattern === void 0)
      return;
    try {
      new import_re2.default(pattern, flags);
    } catch (e) {
      throw new RuleError(file, spec.id, field2, `not a valid RE2 pattern (${problemKind(e.message)})`);
    }
  };
  tryRe("pattern", spec.pattern);
  tryRe("context.keys", spec.context?.keys);
  tryRe("context.nearby", spec.context?.nearby);
  if (spec.context?.denyKeys)
    tryRe("context.denyKeys", spec.context.denyKeys);
  spec.allow?.forEach((a, i) => a.startsWith("re:") && tryRe(`allow.${i}`, a.slice(3)));
  if (spec.validate && !validators[spec.validate]) {
    throw new RuleError(file, spec.id, "validate", `unknown validator "${spec.validate}" (known: ${Object.keys(validators).join(", ")})`);
  }
  if (typeof spec.secretGroup === "string" && !spec.pattern.includes(`<${spec.secretGroup}>`)) {
    throw new RuleError(file, spec.id, "secretGroup", `pattern has no group named "${spec.secretGroup}"`);
  }
  return { ...spec, keywords: spec.keywords ?? [], tags: spec.tags ?? [], grants: spec.grants ?? defaultGrants, source: file };
}
function parseRuleFile(text, file) {
  const doc = yaml().parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new RuleError(file, void 0, void 0, `YAML error${line ? ` at line ${line}` : ""}: ${yamlProblem(e.message)}`);
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new RuleError(file, void 0, void 0, 'expected a mapping with "rules:"');
  const rules = [];
  const list = data.rules;
  if (list !== void 0 && !Array.isArray(list))
    throw new RuleError(file, void 0, "rules", "must be a list");
  const v = compiled().file;
  const fileGrants = data.grants;
  if (fileGrants !== void 0 && !GRANTS.includes(fileGrants))
    throw new RuleError(file, void 0, "grants", `must be one of ${GRANTS.join(", ")}`);
  (list ?? []).forEach((r, i) => rules.push(checkRule(r, file, `#${i + 1}`, fileGrants ?? "service")));
  if (!v(data)) {
    const { path, detail } = describe2(v.errors[0]);
    throw new RuleError(file, void 0, path.join(".") || void 0, detail);
  }
  return { rules, knownPublic: data["known-public"] ?? [] };
}
function loadRuleDir(dir = builtinRulesDir()) {
  return dir === builtinRulesDir() && freshPack(dir) || parseRuleDir(dir);
}
function ruleFileNames(dir) {
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
}
function parseRuleDir(dir) {
  const out = { rules: [], knownPublic: [] };
  for (const name2 of ruleFileNames(dir)) {
    const file = join(dir, name2);
    const set = parseRuleFile(readFileSync(file, "utf8"), `rules/${basename(file)}`);
    out.rules.push(...set.rules);
    out.knownPublic.push(...set.knownPublic);
  }
  return out;
}
function rulesDigest(dir) {
  const hash = nodeCrypto().createHash("sha256");
  for (const f of ruleFileNames(dir)) {
    const bytes2 = readFileSync(join(dir, f));
    hash.update(`${f}\0${bytes2.length}\0`).update(bytes2);
  }
  return hash.digest("hex");
}
function freshPack(dir) {
  try {
    const pack = JSON.parse(readFileSync(PACK, "utf8"));
    return pack.digest === rulesDigest(dir) ? pack.ruleSet : null;
  } catch {
    return null;
  }
}
function writePack(dir = builtinRulesDir()) {
  const ruleSet = parseRuleDir(dir);
  const pack = { digest: rulesDigest(dir), ruleSet };
  writeFileSync(PACK, JSON.stringify(pack));
  return ruleSet.rules.length;
}
function readRuleFiles(paths) {
  const out = { rules: [], knownPublic: [] };
  for (const p of paths) {
    let files;
    try {
      files = statSync(p).isDirectory() ? readdirSync(p).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(p, f)) : [p];
    } catch (e) {
      throw new RuleError(p, void 0, void 0, `cannot read: ${e.code ?? e.message}`);
    }
    for (const file of files) {
      let text;
      try {
        text = readRegularFile(file, { maxBytes: RULE_FILE_MAX_BYTES }).toString("utf8");
      } catch (e) {
        const m13 = e.message;
        throw new RuleError(file, void 0, void 0, m13.startsWith(`${file}: `) ? m13.slice(file.length + 2) : "cannot read");
      }
      const set = parseRuleFile(text, file);
      out.rules.push(...set.rules);
      out.knownPublic.push(...set.knownPublic);
    }
  }
  return out;
}
var import_re2, ajvModule, yaml, RuleError, ajvCache, PACK, RULE_FILE_MAX_BYTES;
var init_loader = __esm({
  "dist/src/rules/loader.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_node_url();
    import_re2 = __toESM(require_re2(), 1);
    init_finding();
    init_validators();
    init_lazy_require();
    init_names();
    init_safe_fs();
    init_problem_kind();
    init_schema2();
    ajvModule = lazyRequire("ajv");
    yaml = lazyRequire("yaml");
    RuleError = class extends Error {
      file;
      ruleId;
      field;
      constructor(file, ruleId2, field2, detail) {
        super(`${file}${ruleId2 ? `: rule "${ruleId2}"` : ""}${field2 ? `: field "${field2}"` : ""}: ${detail}`);
        this.file = file;
        this.ruleId = ruleId2;
        this.field = field2;
        this.name = "RuleError";
      }
    };
    ajvCache = null;
    PACK = fileURLToPath(new URL("./pack.json", import.meta.url));
    RULE_FILE_MAX_BYTES = 8 * 1024 * 1024;
  }
});

// dist/src/engine/lines.js
function lastAtOrBelow(sorted, x) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (sorted[mid] <= x)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}
var NEAR_BYTES, LineIndex;
var init_lines = __esm({
  "dist/src/engine/lines.js"() {
    "use strict";
    NEAR_BYTES = 4096;
    LineIndex = class {
      buf;
      starts = null;
      constructor(buf) {
        this.buf = buf;
      }
      lineStarts() {
        if (this.starts)
          return this.starts;
        const starts = [0];
        const buf = this.buf;
        if (buf.indexOf(13) === -1) {
          let i = buf.indexOf(10);
          while (i !== -1) {
            starts.push(i + 1);
            i = buf.indexOf(10, i + 1);
          }
        } else {
          for (let i = 0; i < buf.length; i++) {
            const b = buf[i];
            if (b === 10 || b === 13 && buf[i + 1] !== 10)
              starts.push(i + 1);
          }
        }
        this.starts = starts;
        return starts;
      }
      /** 0-based line number of a byte offset. */
      lineOf(offset) {
        return lastAtOrBelow(this.lineStarts(), offset);
      }
      lineStart(line) {
        return this.lineStarts()[line] ?? this.buf.length;
      }
      lineEnd(line) {
        const s = this.lineStarts();
        const next = s[line + 1];
        let end = next === void 0 ? this.buf.length : next - 1;
        if (end > 0 && this.buf[end - 1] === 13)
          end--;
        return end;
      }
      lineCount() {
        return this.lineStarts().length;
      }
      /** The last column computed (0-based line, byte offset, 0-based column): the next one on the same line, further on, decodes only the bytes between. */
      lastLine = -1;
      lastOffset = 0;
      lastColumn = 0;
      /** 1-based line and 1-based UTF-16 column of a byte offset. */
      position(offset) {
        const line = this.lineOf(offset);
        if (this.lastLine !== line || this.lastOffset > offset) {
          this.lastLine = line;
          this.lastOffset = this.lineStart(line);
          this.lastColumn = 0;
        }
        this.lastColumn += this.buf.toString("utf8", this.lastOffset, offset).length;
        this.lastOffset = offset;
        return { line: line + 1, column: this.lastColumn + 1 };
      }
      /** Text of lines [from, to] (0-based, inclusive, clamped). */
      text(from, to) {
        const a = Math.max(0, from);
        const b = Math.min(this.lineCount() - 1, to);
        return this.buf.toString("utf8", this.lineStart(a), this.lineEnd(b));
      }
      /**
       * Text of lines [from, to] around the bytes [at, end), at most `clip` bytes either side of them: on
       * ordinary lines the lines themselves, on a long line (minified code) the part near the value.
       */
      textNear(from, to, at, end, clip) {
        const a = Math.max(0, from);
        const b = Math.min(this.lineCount() - 1, to);
        const start = this.charStart(Math.max(this.lineStart(a), at - clip));
        const stop = this.charStart(Math.max(start, Math.min(this.lineEnd(b), end + clip)));
        return this.buf.toString("utf8", start, stop);
      }
      /** The text before `at` on its line: from the line's start, or `max` bytes back on a longer line. */
      prefix(at, max) {
        const start = this.charStart(Math.max(this.lineStart(this.lineOf(at)), at - max));
        return this.buf.toString("utf8", start, at);
      }
      /** The end of line `line` (0-based), at most `max` bytes of it; '' past the ends. */
      tail(line, max) {
        if (line < 0 || line >= this.lineCount())
          return "";
        const end = this.lineEnd(line);
        return this.buf.toString("utf8", this.charStart(Math.max(this.lineStart(line), end - max)), end);
      }
      /** `i`, or the start of the next character when `i` falls inside one (UTF-8 continuation bytes). */
      charStart(i) {
        for (let k = 0; k < 3 && i < this.buf.length && (this.buf[i] & 192) === 128; k++)
          i++;
        return i;
      }
    };
  }
});

// dist/src/engine/run-gate.js
function union(a, b) {
  if (!a || !b)
    return null;
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++)
    t[i] = a[i] | b[i];
  return t;
}
function score(cls, length) {
  let n = 0;
  for (let c = 32; c < 127; c++)
    n += cls[c];
  n += cls[9] + cls[10];
  return n === 0 ? length * 7 : length * Math.log2(97 / Math.max(n, 1));
}
function better(a, b) {
  if (!a)
    return b;
  if (!b)
    return a;
  return score(b.cls, b.length) > score(a.cls, a.length) ? b : a;
}
function zeroWidth(asserts) {
  return { min: 0, cls: new Uint8Array(256), best: null, nl: NL_NONE, max: 0, asserts };
}
function complement(t) {
  const out = new Uint8Array(256);
  for (let i = 0; i < 256; i++)
    out[i] = i >= 128 ? 1 : t[i] ? 0 : 1;
  return out;
}
function read(pattern, fold) {
  try {
    return new Reader(pattern).parse(fold);
  } catch (e) {
    if (e instanceof Unsupported)
      return null;
    throw e;
  }
}
function lineShape(pattern, fold = false) {
  const piece = read(pattern, fold);
  if (!piece)
    return null;
  return {
    lineLocal: piece.nl !== NL_ANY,
    noNewline: piece.nl === NL_NONE,
    textStart: (piece.asserts & ASSERT_TEXT_START) !== 0,
    asserts: piece.asserts !== 0,
    min: piece.min
  };
}
function runGate(pattern) {
  const best = read(pattern, false)?.best;
  if (!best || best.length < 1 || score(best.cls, best.length) < MIN_SCORE)
    return null;
  let key = "";
  for (let i = 0; i < 256; i += 4)
    key += (best.cls[i] << 3 | best.cls[i + 1] << 2 | best.cls[i + 2] << 1 | best.cls[i + 3]).toString(16);
  return { bytes: best.cls, length: best.length, key: `${key}:${best.length}` };
}
function hasRun(buf, gate2) {
  const t = gate2.bytes;
  const len = gate2.length;
  const n = buf.length;
  for (let p = len - 1; p < n; p += len) {
    if (t[buf[p]] === 0)
      continue;
    let lo = p;
    while (lo > 0 && t[buf[lo - 1]] === 1) {
      lo--;
      if (p - lo + 1 >= len)
        return true;
    }
    let hi = p;
    while (hi - lo + 1 < len && hi + 1 < n && t[buf[hi + 1]] === 1)
      hi++;
    if (hi - lo + 1 >= len)
      return true;
  }
  return false;
}
var NL_NONE, NL_LAST, NL_ANY, ASSERT_ANY, ASSERT_TEXT_START, Unsupported, ANY, bit, range, DIGIT, WORD, SPACE, HIGH, Reader, MIN_SCORE;
var init_run_gate = __esm({
  "dist/src/engine/run-gate.js"() {
    "use strict";
    NL_NONE = 0;
    NL_LAST = 1;
    NL_ANY = 2;
    ASSERT_ANY = 1;
    ASSERT_TEXT_START = 2;
    Unsupported = class extends Error {
    };
    ANY = null;
    bit = (codes) => {
      const t = new Uint8Array(256);
      for (const c of codes)
        t[c] = 1;
      return t;
    };
    range = (a, b) => {
      const out = [];
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++)
        out.push(c);
      return out;
    };
    DIGIT = range("0", "9");
    WORD = [...DIGIT, ...range("A", "Z"), ...range("a", "z"), 95];
    SPACE = [9, 10, 12, 13, 32];
    HIGH = range("\x80", "\xFF");
    Reader = class {
      src;
      pos = 0;
      constructor(src) {
        this.src = src;
      }
      parse(fold = false) {
        const p = this.alternation({ fold, multi: false });
        if (this.pos !== this.src.length)
          throw new Unsupported("trailing");
        return p;
      }
      peek() {
        return this.src[this.pos];
      }
      alternation(flags) {
        const state = { ...flags };
        const alts = [this.sequence(state)];
        while (this.peek() === "|") {
          this.pos++;
          alts.push(this.sequence(state));
        }
        if (alts.length === 1)
          return alts[0];
        let min = Infinity;
        let max = 0;
        let nl = NL_NONE;
        let asserts = 0;
        let cls = new Uint8Array(256);
        for (const a of alts) {
          min = Math.min(min, a.min);
          max = Math.max(max, a.max);
          nl = Math.max(nl, a.nl);
          asserts |= a.asserts;
          cls = union(cls, a.cls);
        }
        return { min, cls, best: cls && min > 0 ? { cls, length: min } : null, nl, max, asserts };
      }
      /** Concatenation up to `|` or `)`; `state.fold` is the case-insensitive flag, changed by `(?i)`. */
      sequence(state) {
        const items = [];
        for (; ; ) {
          const c = this.peek();
          if (c === void 0 || c === "|" || c === ")")
            break;
          const atom = this.atom(state);
          if (atom)
            items.push(this.quantified(atom));
        }
        let best = null;
        let min = 0;
        let max = 0;
        let asserts = 0;
        let nl = NL_NONE;
        let cls = new Uint8Array(256);
        for (let i = 0; i < items.length; i++) {
          best = better(best, items[i].best);
          min += items[i].min;
          max += items[i].max;
          asserts |= items[i].asserts;
          if (items[i].nl !== NL_NONE)
            nl = i === items.length - 1 ? Math.max(nl, items[i].nl) : NL_ANY;
          cls = union(cls, items[i].cls);
          let runCls = new Uint8Array(256);
          let runLen = 0;
          for (let j = i; j < items.length; j++) {
            runCls = union(runCls, items[j].cls);
            if (!runCls)
              break;
            runLen += items[j].min;
            if (runLen > 0)
              best = better(best, { cls: runCls, length: runLen });
          }
        }
        return { min, cls, best, nl, max, asserts };
      }
      quantified(p) {
        const c = this.peek();
        let lo;
        let hi = Infinity;
        if (c === "*" || c === "?") {
          this.pos++;
          lo = 0;
          if (c === "?")
            hi = 1;
        } else if (c === "+") {
          this.pos++;
          lo = 1;
        } else if (c === "{") {
          const m13 = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
          if (!m13)
            return p;
          this.pos += m13[0].length;
          lo = Number(m13[1]);
          hi = m13[2] === void 0 ? lo : m13[3] ? Number(m13[3]) : Infinity;
        } else
          return p;
        if (this.peek() === "?")
          this.pos++;
        const next = this.peek();
        if (next === "*" || next === "+" || next === "?" || next === "{" && /^\{\d/.test(this.src.slice(this.pos)))
          throw new Unsupported("double quantifier");
        const nl = hi <= 1 || p.nl === NL_NONE ? p.nl : NL_ANY;
        const max = p.max * hi;
        if (lo === 0)
          return { min: 0, cls: p.cls, best: null, nl, max, asserts: p.asserts };
        return {
          min: p.min * lo,
          cls: p.cls,
          best: better(p.best, p.cls && p.min > 0 ? { cls: p.cls, length: p.min * lo } : null),
          nl,
          max,
          asserts: p.asserts
        };
      }
      atom(state) {
        const c = this.src[this.pos++];
        if (c === "(")
          return this.group(state);
        if (c === "[")
          return this.single(this.charClass(state.fold));
        if (c === ".")
          return { min: 1, cls: ANY, best: null, nl: NL_LAST, max: 1, asserts: 0 };
        if (c === "^")
          return zeroWidth(state.multi ? ASSERT_ANY : ASSERT_ANY | ASSERT_TEXT_START);
        if (c === "$")
          return zeroWidth(ASSERT_ANY);
        if (c === "\\")
          return this.escape(state.fold);
        if (c === "*" || c === "+" || c === "?")
          throw new Unsupported("quantifier without atom");
        return this.single(this.literal(c, state.fold));
      }
      single(cls) {
        return { min: 1, cls, best: cls ? { cls, length: 1 } : null, nl: !cls || cls[10] ? NL_LAST : NL_NONE, max: 1, asserts: 0 };
      }
      group(state) {
        let fold = state.fold;
        let multi = state.multi;
        if (this.peek() === "?") {
          this.pos++;
          const named2 = /^(?:P?<[A-Za-z_][A-Za-z0-9_]*>)/.exec(this.src.slice(this.pos));
          if (named2)
            this.pos += named2[0].length;
          else {
            const flags = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(this.src.slice(this.pos));
            if (!flags)
              throw new Unsupported("group kind");
            this.pos += flags[0].length;
            if (flags[1].includes("i"))
              fold = true;
            if (flags[2]?.includes("i"))
              fold = false;
            if (flags[1].includes("m"))
              multi = true;
            if (flags[2]?.includes("m"))
              multi = false;
            if (flags[3] === ")") {
              state.fold = fold;
              state.multi = multi;
              return null;
            }
          }
        }
        const inner = this.alternation({ fold, multi });
        if (this.src[this.pos++] !== ")")
          throw new Unsupported("unclosed group");
        return inner;
      }
      /** One literal character (UTF-16 unit of the source; non-ASCII → any high byte). */
      literal(ch, fold) {
        const code3 = ch.codePointAt(0);
        if (code3 >= 128) {
          if (code3 > 65535)
            this.pos++;
          return bit(HIGH);
        }
        return this.folded(bit([code3]), fold);
      }
      /** Case-insensitive: both ASCII cases, and any high byte (RE2 folds k/s with the Kelvin and long-s signs). */
      folded(t, fold) {
        if (!fold)
          return t;
        let letter = false;
        for (let c = 65; c <= 90; c++) {
          if (t[c] || t[c + 32]) {
            t[c] = 1;
            t[c + 32] = 1;
            letter = true;
          }
        }
        if (letter)
          for (const h of HIGH)
            t[h] = 1;
        return t;
      }
      escape(fold) {
        const c = this.src[this.pos++];
        if (c === void 0)
          throw new Unsupported("trailing backslash");
        if (c === "b" || c === "B" || c === "z")
          return zeroWidth(ASSERT_ANY);
        if (c === "A")
          return zeroWidth(ASSERT_ANY | ASSERT_TEXT_START);
        const cls = this.classEscape(c);
        if (cls)
          return this.single(this.folded(cls, fold));
        return this.single(this.literal(this.escapedChar(c), fold));
      }
      /** `\d \w \s` and their negations, or null for a single-character escape. */
      classEscape(c) {
        switch (c) {
          case "d":
            return bit(DIGIT);
          case "w":
            return bit(WORD);
          case "s":
            return bit(SPACE);
          case "D":
            return complement(bit(DIGIT));
          case "W":
            return complement(bit(WORD));
          case "S":
            return complement(bit(SPACE));
          default:
            return null;
        }
      }
      /** The character an escape stands for (`\.` `\n` `\x41` …). */
      escapedChar(c) {
        const simple = { n: "\n", t: "	", r: "\r", f: "\f", v: "\v", a: "\x07" };
        if (simple[c])
          return simple[c];
        if (c === "x") {
          const m13 = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.src.slice(this.pos));
          if (!m13)
            throw new Unsupported("hex escape");
          this.pos += m13[0].length;
          return String.fromCodePoint(parseInt(m13[1] ?? m13[2], 16));
        }
        if (/[A-Za-z0-9]/.test(c))
          throw new Unsupported(`escape \\${c}`);
        return c;
      }
      charClass(fold) {
        const t = new Uint8Array(256);
        let negate = false;
        if (this.peek() === "^") {
          negate = true;
          this.pos++;
        }
        let first = true;
        for (; ; ) {
          const c = this.src[this.pos++];
          if (c === void 0)
            throw new Unsupported("unclosed class");
          if (c === "]" && !first)
            break;
          first = false;
          if (c === "[" && this.peek() === ":")
            throw new Unsupported("POSIX class");
          let lo;
          if (c === "\\") {
            const e = this.src[this.pos++];
            if (e === void 0)
              throw new Unsupported("trailing backslash");
            const cls = this.classEscape(e);
            if (cls) {
              for (let i = 0; i < 256; i++)
                t[i] |= cls[i];
              continue;
            }
            lo = this.escapedChar(e).codePointAt(0);
          } else
            lo = c.codePointAt(0);
          if (lo > 65535)
            this.pos++;
          let hi = lo;
          if (this.peek() === "-" && this.src[this.pos + 1] !== "]" && this.src[this.pos + 1] !== void 0) {
            this.pos++;
            let h = this.src[this.pos++];
            if (h === "\\")
              h = this.escapedChar(this.src[this.pos++] ?? "");
            hi = h.codePointAt(0);
            if (hi > 65535)
              this.pos++;
            if (hi < lo)
              throw new Unsupported("bad range");
          }
          for (let x = lo; x <= Math.min(hi, 127); x++)
            t[x] = 1;
          if (hi >= 128)
            for (const h of HIGH)
              t[h] = 1;
        }
        const folded = this.folded(t, fold);
        return negate ? complement(folded) : folded;
      }
    };
    MIN_SCORE = 6;
  }
});

// dist/src/engine/chunk.js
var table2, BASE64_BODY, MEDIA_TYPE, Chunk;
var init_chunk = __esm({
  "dist/src/engine/chunk.js"() {
    "use strict";
    init_lines();
    init_run_gate();
    table2 = (re) => Uint8Array.from({ length: 256 }, (_, c) => re.test(String.fromCharCode(c)) ? 1 : 0);
    BASE64_BODY = table2(/[A-Za-z0-9+/=]/);
    MEDIA_TYPE = table2(/[\w/+.-]/);
    Chunk = class {
      buf;
      lines;
      decoded = null;
      constructor(buf) {
        this.buf = buf;
        this.lines = new LineIndex(buf);
      }
      runs = null;
      /** Whether the chunk holds the gate's run (rules with the same run ask once). */
      hasRun(gate2) {
        this.runs ??= /* @__PURE__ */ new Map();
        let has = this.runs.get(gate2.key);
        if (has === void 0) {
          has = hasRun(this.buf, gate2);
          this.runs.set(gate2.key, has);
        }
        return has;
      }
      /** The offset last asked about by inDataUri and where its base64 run starts (asked in ascending order, mostly). */
      runAt = -1;
      runLo = -1;
      /**
       * Whether `at` lies in the body of a `data:<type>;base64,` URI that starts on its line (at or after
       * `lineStart`): `/data:[\w/+.-]*;base64,[A-Za-z0-9+/=]*$/` on the text before it, read backwards over
       * the bytes, so a long inline image costs one walk, not one per match inside it.
       */
      inDataUri(lineStart, at) {
        const b = this.buf;
        let lo = at;
        if (this.runAt >= lineStart && this.runAt <= at) {
          let k = this.runAt;
          while (k < at && BASE64_BODY[b[k]] === 1)
            k++;
          if (k === at)
            lo = this.runLo;
        }
        while (lo > lineStart && BASE64_BODY[b[lo - 1]] === 1)
          lo--;
        this.runAt = at;
        this.runLo = lo;
        if (lo - 8 < lineStart || b.toString("latin1", lo - 8, lo) !== ";base64,")
          return false;
        let j = lo - 8;
        while (j > lineStart && MEDIA_TYPE[b[j - 1]] === 1)
          j--;
        return j - 5 >= lineStart && b.toString("latin1", j - 5, j) === "data:";
      }
      get text() {
        if (this.decoded === null)
          this.decoded = this.buf.toString("utf8");
        return this.decoded;
      }
      lastByte = 0;
      lastChar = 0;
      /** Candidates come in ascending order per rule: decode on from the last answer, not from byte 0. */
      charIndex(byteOffset) {
        if (byteOffset < this.lastByte) {
          this.lastByte = 0;
          this.lastChar = 0;
        }
        this.lastChar += this.buf.toString("utf8", this.lastByte, byteOffset).length;
        this.lastByte = byteOffset;
        return this.lastChar;
      }
    };
  }
});

// dist/src/engine/prefilter.js
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var import_re22, SMALL_TOTAL, Prefilter;
var init_prefilter = __esm({
  "dist/src/engine/prefilter.js"() {
    "use strict";
    import_re22 = __toESM(require_re2(), 1);
    SMALL_TOTAL = 48 * 1024;
    Prefilter = class {
      keywords;
      rulesOf;
      set = null;
      seen = 0;
      patternRules = [];
      patterns = [];
      patternSet = null;
      /**
       * `gates` are more patterns for the keywordless-pattern set (the engine's encoded-value finders, a
       * few costly rule patterns): they ride along nearly free, and `patternHits(buf)` tells which occur.
       */
      constructor(rules, gates = []) {
        const keywordsPerRule = rules.map((r) => r.keywords);
        rules.forEach((r, i) => {
          if (r.keywords.length === 0) {
            this.patternRules.push(i);
            this.patterns.push(r.pattern);
          }
        });
        for (const g of gates)
          if (!this.patterns.includes(g))
            this.patterns.push(g);
        const index = /* @__PURE__ */ new Map();
        this.keywords = [];
        this.rulesOf = [];
        keywordsPerRule.forEach((kws, rule) => {
          for (const raw of kws) {
            const kw = raw.startsWith("re:") ? raw : raw.toLowerCase();
            let k = index.get(kw);
            if (k === void 0) {
              k = this.keywords.length;
              index.set(kw, k);
              this.keywords.push(kw);
              this.rulesOf.push([]);
            }
            this.rulesOf[k].push(rule);
          }
        });
      }
      last = null;
      /** Whether `pattern` is in the pattern set (a keywordless rule's pattern or a gate). */
      inSet(pattern) {
        return this.patterns.includes(pattern);
      }
      /** Indices of rules that can match `buf`, ascending (remembered for the last buffer asked about). */
      candidates(buf) {
        if (this.last?.buf === buf)
          return [...this.last.rules];
        const rules = new Set(this.keywordCandidates(buf));
        const hits = /* @__PURE__ */ new Set();
        if (this.patterns.length > 0) {
          this.patternSet ??= new import_re22.default.Set(this.patterns, "u");
          const n = this.patternRules.length;
          for (const i of this.patternSet.match(buf)) {
            if (i < n)
              rules.add(this.patternRules[i]);
            hits.add(this.patterns[i]);
          }
        }
        const sorted = [...rules].sort((a, b) => a - b);
        this.last = { buf, rules: sorted, hits };
        return [...sorted];
      }
      /** The set's patterns (keywordless rules' and gates) that occur in `buf`. */
      patternHits(buf) {
        if (this.last?.buf !== buf)
          this.candidates(buf);
        return this.last.hits;
      }
      /** Indices of rules with at least one keyword in `buf`. */
      keywordCandidates(buf) {
        this.seen += buf.length;
        const hits = this.seen <= SMALL_TOTAL ? this.smallHits(buf) : this.setHits(buf);
        const rules = /* @__PURE__ */ new Set();
        for (const k of hits)
          for (const r of this.rulesOf[k])
            rules.add(r);
        return [...rules];
      }
      smallHits(buf) {
        const text = buf.toString("latin1").toLowerCase();
        const out = [];
        this.keywords.forEach((kw, k) => {
          if (kw.startsWith("re:") ? this.keywordRe(k).test(buf) : text.includes(kw))
            out.push(k);
        });
        return out;
      }
      compiled = /* @__PURE__ */ new Map();
      /** `re:` keywords are RE2 patterns (e.g. `re:\bgate[_.:]`, where a plain `gate.` would hit `delegate.`). */
      keywordRe(k) {
        let re = this.compiled.get(k);
        if (!re) {
          re = new import_re22.default(this.keywords[k].slice(3), "iu");
          this.compiled.set(k, re);
        }
        return re;
      }
      setHits(buf) {
        if (!this.set) {
          this.set = new import_re22.default.Set(this.keywords.map((k) => k.startsWith("re:") ? k.slice(3) : escapeRe(k)), "iu");
        }
        return this.set.match(buf);
      }
    };
  }
});

// dist/src/engine/structure/keypath-rule.js
function keyWords(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
function namesSecretRole(leaf) {
  const words = keyWords(leaf);
  if (words.length === 0)
    return false;
  if (NOT_A_SECRET.has(words[words.length - 1]))
    return false;
  const head = words.length > 1 && ENCODING_SUFFIX.has(words[words.length - 1]) ? words.length - 2 : words.length - 1;
  if (ROLES.has(words[head]))
    return true;
  const joined = words.join("");
  return /(secret|privatekey|privkey|passphrase|password|apikey|mnemonic|seedphrase|token)$/.test(joined);
}
function normalizeProvider(p) {
  return p.toLowerCase().replace(/[^a-z0-9]/g, "");
}
function providerInPath(path, providers) {
  for (const seg of path) {
    if (/^\d+$/.test(seg))
      continue;
    const words = keyWords(seg);
    for (let i = 0; i < words.length; i++) {
      if (providers.has(words[i]))
        return words[i];
      const pair = words[i] + (words[i + 1] ?? "");
      if (i + 1 < words.length && providers.has(pair))
        return pair;
    }
    const whole = words.join("");
    if (providers.has(whole))
      return whole;
  }
  return void 0;
}
var ROLES, NOT_A_SECRET, ENCODING_SUFFIX;
var init_keypath_rule2 = __esm({
  "dist/src/engine/structure/keypath-rule.js"() {
    "use strict";
    ROLES = /* @__PURE__ */ new Set([
      "secret",
      "secrets",
      "private",
      "priv",
      "privkey",
      "privatekey",
      "passphrase",
      "password",
      "passwd",
      "pwd",
      "token",
      "key",
      "apikey",
      "apisecret",
      "secretkey",
      "accesskey",
      "mnemonic",
      "seed",
      "seedphrase",
      "credential",
      "credentials",
      "auth"
    ]);
    NOT_A_SECRET = /* @__PURE__ */ new Set([
      "id",
      "ids",
      "name",
      "names",
      "url",
      "uri",
      "urls",
      "host",
      "hostname",
      "endpoint",
      "path",
      "file",
      "dir",
      "env",
      "user",
      "username",
      "account",
      "region",
      "type",
      "kind",
      "version",
      "enabled",
      "enable",
      "disabled",
      "length",
      "len",
      "size",
      "ttl",
      "expiry",
      "expires",
      "expiration",
      "timeout",
      "label",
      "ref",
      "hint",
      "prefix",
      "suffix",
      "format",
      "header",
      "location",
      "arn",
      "mode",
      "field",
      "var",
      "variable",
      "count",
      "index",
      "limit",
      "provider"
    ]);
    ENCODING_SUFFIX = /* @__PURE__ */ new Set(["hex", "b64", "base64", "b58", "base58", "pem", "der", "raw", "value", "str", "string", "bytes", "data", "enc"]);
  }
});

// dist/src/engine/compile.js
function normalizeValue(v) {
  return v.trim().replace(/^0x/i, "").replace(/\s+/g, " ").toLowerCase();
}
function patternRe(pattern) {
  let re = compiledPatterns.get(pattern);
  if (!re) {
    re = new import_re23.default(pattern, "gdu");
    compiledPatterns.set(pattern, re);
  }
  return re;
}
function lazyCi(pattern) {
  return pattern ? new Lazy(pattern, "iu") : null;
}
function defaultGroup(pattern) {
  return /\((?!\?)|\(\?P?</.test(pattern.replace(/\\./g, "")) ? 1 : 0;
}
function gateOf(pattern) {
  let gate2 = runGates.get(pattern);
  if (gate2 === void 0)
    runGates.set(pattern, gate2 = runGate(pattern));
  return gate2;
}
function compileRule(spec, index, opts) {
  const ctx = spec.context;
  const allowExact = /* @__PURE__ */ new Set();
  const allowRe = [];
  for (const a of spec.allow ?? []) {
    if (a.startsWith("re:"))
      allowRe.push(new Lazy(a.slice(3), "u"));
    else
      allowExact.add(normalizeValue(a));
  }
  let gate2;
  let validator3 = null;
  if (spec.validate) {
    validator3 = opts.validators[spec.validate] ?? null;
    if (!validator3)
      throw new Error(`rule ${spec.id}: unknown validator "${spec.validate}"`);
  }
  return {
    spec,
    index,
    re: null,
    group: spec.secretGroup ?? defaultGroup(spec.pattern),
    entropy: spec.entropy ?? 0,
    keys: lazyCi(ctx?.keys),
    nearby: lazyCi(ctx?.nearby),
    window: ctx?.window ?? 3,
    deny: ctx?.denyKeys === "" ? null : ctx?.denyKeys ? new Lazy(ctx.denyKeys, "u") : DEFAULT_DENY,
    allowExact,
    allowRe,
    validator: validator3,
    generic: spec.generic === true,
    setGated: false,
    get gate() {
      if (gate2 === void 0)
        gate2 = spec.keyPath ? null : gateOf(spec.pattern);
      return gate2;
    }
  };
}
function compileRules(specs, opts, gates = []) {
  const all = specs.map((spec, index) => compileRule(spec, index, opts));
  const rules = all.filter((r) => !r.spec.keyPath);
  const keyPathRules = all.filter((r) => r.spec.keyPath);
  const providers = /* @__PURE__ */ new Set();
  for (const r of keyPathRules)
    for (const p of r.spec.keyPath.providers)
      providers.add(normalizeProvider(p));
  if (keyPathRules.length > 0) {
    for (const r of rules) {
      const p = normalizeProvider(r.spec.provider);
      if (p.length >= 3 && p !== "generic")
        providers.add(p);
    }
  }
  const known2 = /* @__PURE__ */ new Map();
  for (const k of opts.knownPublic ?? [])
    known2.set(normalizeValue(k.value), k.description);
  const groups = rules.map((r) => r.spec);
  if (keyPathRules.length > 0)
    groups.push({ keywords: [...providers], pattern: "" });
  const gated = rules.filter((r) => r.spec.prefilter === "pattern" && r.spec.keywords.length > 0).map((r) => r.spec.pattern);
  const prefilter = new Prefilter(groups, [...gates, ...gated]);
  for (const r of rules)
    r.setGated = r.spec.keywords.length > 0 && prefilter.inSet(r.spec.pattern);
  return { rules, keyPathRules, providers, prefilter, known: known2, wellKnownConstant: opts.wellKnownConstant };
}
var import_re23, DEFAULT_DENY_KEYS, MEMO_SIZE, Lazy, DEFAULT_DENY, compiledPatterns, runGates;
var init_compile = __esm({
  "dist/src/engine/compile.js"() {
    "use strict";
    import_re23 = __toESM(require_re2(), 1);
    init_prefilter();
    init_run_gate();
    init_keypath_rule2();
    DEFAULT_DENY_KEYS = "(?i)(hash|digest|checksum|integrity|sha1|sha256|sha512|sha$|md5|keccak|topic|selector|signature|fingerprint|txid|tx_?id|root|salt|slot|role|nonce|address|addr$|pubkey|public_?key|xpub|commit|uuid|guid|request_?id|trace|color|colour)";
    MEMO_SIZE = 1024;
    Lazy = class {
      pattern;
      flags;
      re = null;
      memo = null;
      constructor(pattern, flags) {
        this.pattern = pattern;
        this.flags = flags;
      }
      test(s) {
        const memo2 = this.memo ??= /* @__PURE__ */ new Map();
        let hit = memo2.get(s);
        if (hit === void 0) {
          if (!this.re)
            this.re = new import_re23.default(this.pattern, this.flags);
          hit = this.re.test(s);
          if (s.length <= 64) {
            if (memo2.size >= MEMO_SIZE)
              memo2.clear();
            memo2.set(s, hit);
          }
        }
        return hit;
      }
    };
    DEFAULT_DENY = new Lazy(DEFAULT_DENY_KEYS, "u");
    compiledPatterns = /* @__PURE__ */ new Map();
    runGates = /* @__PURE__ */ new Map();
  }
});

// dist/src/engine/decode.js
function isPlausibleText(buf) {
  if (buf.length === 0)
    return false;
  let control = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0)
      return false;
    if (c < 32 && c !== 10 && c !== 13 && c !== 9)
      control++;
    else if (c === 127)
      control++;
  }
  if (control > buf.length / 50)
    return false;
  const text = buf.toString("utf8");
  return !text.includes("\uFFFD");
}
function decodeBase64(value) {
  const v = value.trim();
  if (v.length < MIN_BASE64 || v.length > MAX_ENCODED)
    return null;
  const std = B64.test(v);
  if (!std && !B64URL.test(v))
    return null;
  const body = v.replace(/=+$/, "");
  if (body.length % 4 === 1)
    return null;
  if (v.includes("=") && v.length % 4 !== 0)
    return null;
  if (/^[0-9a-fA-F]+$/.test(body) || /^[a-z]+$/.test(body) || /^[A-Z]+$/.test(body))
    return null;
  const buf = Buffer.from(body, std ? "base64" : "base64url");
  if (buf.length < 8 || !isPlausibleText(buf))
    return null;
  return buf.toString("utf8");
}
function decodePercent(value) {
  if (value.length > MAX_ENCODED || !PERCENT.test(value))
    return null;
  try {
    const out = decodeURIComponent(value.replace(/\+/g, " "));
    return out !== value && !out.includes("\0") ? out : null;
  } catch {
    return null;
  }
}
function decodeValue(value) {
  const b = decodeBase64(value);
  if (b !== null)
    return { encoding: "base64", text: b };
  const p = decodePercent(value);
  if (p !== null)
    return { encoding: "percent", text: p };
  return null;
}
var MIN_BASE64, MAX_ENCODED, MAX_DEPTH, MAX_DECODED_PER_CHUNK, MAX_VALUES_PER_CHUNK, B64, B64URL, PERCENT;
var init_decode = __esm({
  "dist/src/engine/decode.js"() {
    "use strict";
    MIN_BASE64 = 16;
    MAX_ENCODED = 64 * 1024;
    MAX_DEPTH = 2;
    MAX_DECODED_PER_CHUNK = 1024 * 1024;
    MAX_VALUES_PER_CHUNK = 2e3;
    B64 = /^[A-Za-z0-9+/]+={0,2}$/;
    B64URL = /^[A-Za-z0-9_-]+={0,2}$/;
    PERCENT = /%[0-9A-Fa-f]{2}/;
  }
});

// dist/src/engine/inline-allow.js
function markInlineAllows(buf, findings, lines2) {
  if (findings.length === 0)
    return;
  if (buf.indexOf("keyhound:allow") === -1 && buf.indexOf("KEYHOUND:ALLOW") === -1)
    return;
  const idx = lines2 ?? new LineIndex(buf);
  for (const f of findings) {
    const own = idx.text(f.line - 1, f.line - 1);
    const last = f.endLine !== f.line ? idx.text(f.endLine - 1, f.endLine - 1) : "";
    const above = f.line > 1 ? idx.text(f.line - 2, f.line - 2) : "";
    if (SAME_LINE.test(own) || SAME_LINE.test(last) || NEXT_LINE.test(above))
      f.suppressed = "inline";
  }
}
var SAME_LINE, NEXT_LINE;
var init_inline_allow = __esm({
  "dist/src/engine/inline-allow.js"() {
    "use strict";
    init_lines();
    SAME_LINE = /keyhound:allow(?!-next-line)\b/i;
    NEXT_LINE = /keyhound:allow-next-line\b/i;
  }
});

// dist/src/engine/structure/types.js
function joinPath(path) {
  return path.join(".");
}
function leafKey(path) {
  for (let i = path.length - 1; i >= 0; i--)
    if (!/^\d+$/.test(path[i]))
      return path[i];
  return void 0;
}
var StructIndex, ByteOffsets;
var init_types3 = __esm({
  "dist/src/engine/structure/types.js"() {
    "use strict";
    init_lines();
    StructIndex = class {
      values;
      constructor(values) {
        this.values = values.filter((v) => v.end > v.start).sort((a, b) => a.start - b.start);
      }
      /** The value whose span contains [start, end), if any. */
      at(start, end = start + 1) {
        const vs = this.values;
        let lo = 0;
        let hi = vs.length - 1;
        let found = -1;
        while (lo <= hi) {
          const mid = lo + hi >> 1;
          if (vs[mid].start <= start) {
            found = mid;
            lo = mid + 1;
          } else
            hi = mid - 1;
        }
        for (let i = found; i >= 0 && i > found - 4; i--) {
          const v = vs[i];
          if (v.start <= start && end <= v.end)
            return v;
        }
        return void 0;
      }
    };
    ByteOffsets = class {
      text;
      ascii;
      lineStarts = null;
      lineBytes = null;
      constructor(text, byteLength) {
        this.text = text;
        this.ascii = byteLength === text.length;
      }
      byte(charOffset) {
        if (this.ascii)
          return charOffset;
        if (!this.lineStarts) {
          const starts = [0];
          const bytes2 = [0];
          let b = 0;
          let from = 0;
          for (let i = this.text.indexOf("\n"); i !== -1; i = this.text.indexOf("\n", i + 1)) {
            b += Buffer.byteLength(this.text.slice(from, i + 1));
            from = i + 1;
            starts.push(from);
            bytes2.push(b);
          }
          this.lineStarts = starts;
          this.lineBytes = bytes2;
        }
        const line = lastAtOrBelow(this.lineStarts, charOffset);
        return this.lineBytes[line] + Buffer.byteLength(this.text.slice(this.lineStarts[line], charOffset));
      }
    };
  }
});

// builtin:node:buffer
var m9, isAscii;
var init_node_buffer = __esm({
  "builtin:node:buffer"() {
    m9 = __require("node:buffer");
    ({ isAscii } = m9);
  }
});

// dist/src/engine/structure/json.js
var json_exports = {};
__export(json_exports, {
  parseJson: () => parseJson
});
function parseJson(buf) {
  try {
    return (isAscii(buf) ? new AsciiReader(buf) : new Utf8Reader(buf)).document();
  } catch (e) {
    if (e instanceof JsonError || e instanceof SyntaxError)
      return null;
    throw e;
  }
}
function wordChar(c) {
  return c >= 48 && c <= 57 || c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c === 45 || c === 43 || c === 46;
}
var QUOTE, BACKSLASH, LITERAL, utf8Slice, JsonError, Reader2, AsciiReader, Utf8Reader;
var init_json2 = __esm({
  "dist/src/engine/structure/json.js"() {
    "use strict";
    init_node_buffer();
    QUOTE = 34;
    BACKSLASH = 92;
    LITERAL = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;
    utf8Slice = Buffer.prototype.utf8Slice ?? function(start, end) {
      return this.toString("utf8", start, end);
    };
    JsonError = class extends Error {
    };
    Reader2 = class {
      buf;
      pos = 0;
      out = [];
      /** Key path of the value being read; copied only for the string values that are kept. */
      path = [];
      constructor(buf) {
        this.buf = buf;
      }
      document() {
        if (this.code(0) === 239 && this.code(1) === 187 && this.code(2) === 191)
          this.pos = 3;
        this.space();
        this.value(0);
        this.space();
        if (this.pos < this.buf.length)
          throw new JsonError("trailing data");
        return this.out;
      }
      fail() {
        throw new JsonError(`unexpected byte at ${this.pos}`);
      }
      space() {
        const b = this.buf;
        for (; ; ) {
          const c = this.code(this.pos);
          if (c === 32 || c === 10 || c === 13 || c === 9)
            this.pos++;
          else if (c === 47 && this.code(this.pos + 1) === 47) {
            const nl = b.indexOf(10, this.pos);
            this.pos = nl === -1 ? b.length : nl + 1;
          } else if (c === 47 && this.code(this.pos + 1) === 42) {
            const close = b.indexOf("*/", this.pos + 2);
            if (close === -1)
              this.fail();
            this.pos = close + 2;
          } else
            return;
        }
      }
      /** Reads a string at pos (on the quote); returns its value; its content ends at pos - 1. */
      string() {
        const start = ++this.pos;
        let escaped = false;
        for (; ; ) {
          const q = this.quote(this.pos);
          if (q === -1)
            this.fail();
          let n = 0;
          for (let i = q - 1; i >= start && this.code(i) === BACKSLASH; i--)
            n++;
          this.pos = q + 1;
          if (n > 0)
            escaped = true;
          if (n % 2 === 0) {
            const raw = this.text(start, q);
            if (raw.includes("\n"))
              this.fail();
            return escaped ? JSON.parse(`"${raw}"`) : raw;
          }
        }
      }
      value(depth) {
        if (depth > 256)
          this.fail();
        const c = this.code(this.pos);
        if (c === 123) {
          this.pos++;
          this.space();
          while (this.code(this.pos) !== 125) {
            if (this.code(this.pos) !== QUOTE)
              this.fail();
            this.path.push(this.string());
            this.space();
            if (this.code(this.pos) !== 58)
              this.fail();
            this.pos++;
            this.space();
            this.value(depth + 1);
            this.path.pop();
            this.space();
            if (this.code(this.pos) === 44) {
              this.pos++;
              this.space();
            } else if (this.code(this.pos) !== 125)
              this.fail();
          }
          this.pos++;
          return;
        }
        if (c === 91) {
          this.pos++;
          this.space();
          let i = 0;
          while (this.code(this.pos) !== 93) {
            this.path.push(String(i++));
            this.value(depth + 1);
            this.path.pop();
            this.space();
            if (this.code(this.pos) === 44) {
              this.pos++;
              this.space();
            } else if (this.code(this.pos) !== 93)
              this.fail();
          }
          this.pos++;
          return;
        }
        if (c === QUOTE) {
          const start2 = this.pos + 1;
          const value = this.string();
          const end = this.pos - 1;
          if (end > start2)
            this.out.push({ path: this.path.slice(), start: start2, end, value });
          return;
        }
        const start = this.pos;
        while (this.pos < this.buf.length && wordChar(this.code(this.pos)))
          this.pos++;
        if (this.pos === start)
          this.fail();
        if (!LITERAL.test(this.text(start, this.pos)))
          this.fail();
      }
    };
    AsciiReader = class extends Reader2 {
      chars;
      constructor(buf) {
        super(buf);
        this.chars = buf.toString("latin1");
      }
      code(i) {
        return this.chars.charCodeAt(i);
      }
      quote(from) {
        return this.chars.indexOf('"', from);
      }
      text(start, end) {
        return this.chars.slice(start, end);
      }
    };
    Utf8Reader = class extends Reader2 {
      code(i) {
        const c = this.buf[i];
        return c === void 0 ? NaN : c;
      }
      quote(from) {
        return this.buf.indexOf(QUOTE, from);
      }
      text(start, end) {
        return utf8Slice.call(this.buf, start, end);
      }
    };
  }
});

// dist/src/engine/structure/line-formats.js
var line_formats_exports = {};
__export(line_formats_exports, {
  parseEnv: () => parseEnv,
  parseIni: () => parseIni,
  parseTfvars: () => parseTfvars,
  parseTomlValues: () => parseTomlValues
});
function splitLines(text) {
  const out = [];
  let at = 0;
  for (const raw of text.split("\n")) {
    out.push({ text: raw.endsWith("\r") ? raw.slice(0, -1) : raw, at });
    at += raw.length + 1;
  }
  return out;
}
function readValue(line, from, comment) {
  let i = from;
  while (i < line.length && (line[i] === " " || line[i] === "	"))
    i++;
  if (i >= line.length)
    return null;
  const q = line[i];
  if (q === '"' || q === "'" || q === "`") {
    let j = i + 1;
    let value = "";
    while (j < line.length && line[j] !== q) {
      if (line[j] === "\\" && q === '"' && j + 1 < line.length) {
        const e = line[j + 1];
        value += e === "n" ? "\n" : e === "t" ? "	" : e;
        j += 2;
        continue;
      }
      value += line[j];
      j++;
    }
    if (j >= line.length)
      return null;
    return j > i + 1 ? { start: i + 1, end: j, value } : null;
  }
  let end = line.length;
  if (comment) {
    comment.lastIndex = i;
    const m13 = comment.exec(line);
    if (m13)
      end = m13.index;
  }
  while (end > i && (line[end - 1] === " " || line[end - 1] === "	"))
    end--;
  return end > i ? { start: i, end, value: line.slice(i, end) } : null;
}
function emit(out, bytes2, line, path, v) {
  if (!v)
    return;
  out.push({ path, start: bytes2.byte(line.at + v.start), end: bytes2.byte(line.at + v.end), value: v.value });
}
function parseEnv(text, byteLength) {
  const bytes2 = new ByteOffsets(text, byteLength);
  const out = [];
  for (const line of splitLines(text)) {
    const m13 = ENV_LINE.exec(line.text);
    if (m13)
      emit(out, bytes2, line, [m13[1]], readValue(line.text, m13[0].length, /\s#/g));
  }
  return out;
}
function parseIni(text, byteLength) {
  const bytes2 = new ByteOffsets(text, byteLength);
  const out = [];
  let section = [];
  for (const line of splitLines(text)) {
    if (/^\s*[;#!]/.test(line.text))
      continue;
    const s = INI_SECTION.exec(line.text);
    if (s) {
      section = [s[1].trim()];
      continue;
    }
    const m13 = INI_PAIR.exec(line.text);
    if (m13)
      emit(out, bytes2, line, [...section, m13[1].trim()], readValue(line.text, m13[0].length, /\s[;#]/g));
  }
  return out;
}
function tomlKey(raw) {
  const out = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/g;
  let m13;
  while ((m13 = re.exec(raw)) !== null && m13[0].length > 0)
    out.push(m13[1] ?? m13[2] ?? m13[3]);
  return out;
}
function parseTomlValues(text, byteLength) {
  try {
    toml().parse(text);
  } catch {
    return null;
  }
  const bytes2 = new ByteOffsets(text, byteLength);
  const out = [];
  let table4 = [];
  const arrays = /* @__PURE__ */ new Map();
  let inMultiline = null;
  for (const line of splitLines(text)) {
    if (inMultiline) {
      if (line.text.includes(inMultiline))
        inMultiline = null;
      continue;
    }
    const t = TOML_TABLE.exec(line.text);
    if (t && !TOML_PAIR.test(line.text)) {
      table4 = tomlKey(t[2]);
      if (t[1]) {
        const k = table4.join("\0");
        const n = arrays.get(k) ?? 0;
        arrays.set(k, n + 1);
        table4 = [...table4, String(n)];
      }
      continue;
    }
    const m13 = TOML_PAIR.exec(line.text);
    if (!m13)
      continue;
    const path = [...table4, ...tomlKey(m13[1])];
    const rest = line.text.slice(m13[0].length);
    const lead = rest.length - rest.trimStart().length;
    const first = rest.trimStart();
    if (first.startsWith('"""') || first.startsWith("'''")) {
      if (!first.slice(3).includes(first.slice(0, 3)))
        inMultiline = first.slice(0, 3);
      continue;
    }
    if (first.startsWith("{")) {
      inlinePairs(out, bytes2, line, path, m13[0].length + lead);
      continue;
    }
    if (first.startsWith("[")) {
      let i = 0;
      const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
      re.lastIndex = m13[0].length + lead;
      let s;
      while ((s = re.exec(line.text)) !== null) {
        const start = s.index + 1;
        emit(out, bytes2, line, [...path, String(i++)], { start, end: start + (s[1] ?? s[2]).length, value: unescape(s[1] ?? s[2]) });
      }
      continue;
    }
    emit(out, bytes2, line, path, readValue(line.text, m13[0].length, /\s#/g));
  }
  return out;
}
function unescape(s) {
  return s.replace(/\\(.)/g, (_a, c) => c === "n" ? "\n" : c === "t" ? "	" : c);
}
function inlinePairs(out, bytes2, line, path, from) {
  const re = /([A-Za-z0-9_.\-"']+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/g;
  re.lastIndex = from;
  let m13;
  while ((m13 = re.exec(line.text)) !== null) {
    const body = m13[2] ?? m13[3];
    const start = m13.index + m13[0].length - body.length - 1;
    emit(out, bytes2, line, [...path, ...tomlKey(m13[1])], { start, end: start + body.length, value: unescape(body) });
  }
}
function parseTfvars(text, byteLength) {
  const bytes2 = new ByteOffsets(text, byteLength);
  const out = [];
  const stack = [];
  const here = () => stack.flatMap((s) => s.key);
  let heredoc = null;
  let comment = false;
  for (const line of splitLines(text)) {
    const t = line.text;
    if (heredoc) {
      if (t.trim() === heredoc)
        heredoc = null;
      continue;
    }
    if (comment) {
      if (t.includes("*/"))
        comment = false;
      continue;
    }
    if (/^\s*(#|\/\/)/.test(t) || t.trim() === "")
      continue;
    if (/^\s*\/\*/.test(t)) {
      comment = !t.includes("*/");
      continue;
    }
    const h = TF_HEREDOC.exec(t);
    if (h) {
      heredoc = h[1];
      continue;
    }
    const unq = (k) => k.replace(/^"|"$/g, "");
    let m13 = TF_OPEN_MAP.exec(t);
    if (m13) {
      stack.push({ key: [unq(m13[1])], list: false, n: 0 });
      continue;
    }
    m13 = TF_OPEN_LIST.exec(t);
    if (m13) {
      stack.push({ key: [unq(m13[1])], list: true, n: 0 });
      continue;
    }
    m13 = TF_BLOCK.exec(t);
    if (m13) {
      const labels = [...m13[2].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
      stack.push({ key: [m13[1], ...labels], list: false, n: 0 });
      continue;
    }
    if (/^\s*[}\]]\s*,?\s*$/.test(t)) {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    if (top?.list) {
      const re = /"((?:[^"\\]|\\.)*)"/g;
      let s;
      while ((s = re.exec(t)) !== null) {
        const start = s.index + 1;
        emit(out, bytes2, line, [...here(), String(top.n++)], { start, end: start + s[1].length, value: unescape(s[1]) });
      }
      continue;
    }
    m13 = TF_PAIR.exec(t);
    if (m13) {
      const rest = t.slice(m13[0].length).trimStart();
      const path = [...here(), unq(m13[1])];
      if (rest.startsWith("{"))
        inlinePairs(out, bytes2, line, path, m13[0].length);
      else if (rest.startsWith('"'))
        emit(out, bytes2, line, path, readValue(t, m13[0].length, null));
    }
  }
  return out;
}
var toml, ENV_LINE, INI_SECTION, INI_PAIR, TOML_TABLE, TOML_PAIR, TF_OPEN_MAP, TF_OPEN_LIST, TF_BLOCK, TF_PAIR, TF_HEREDOC;
var init_line_formats = __esm({
  "dist/src/engine/structure/line-formats.js"() {
    "use strict";
    init_lazy_require();
    init_types3();
    toml = lazyRequire("smol-toml");
    ENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][\w.\-]*)\s*=/;
    INI_SECTION = /^\s*\[([^\]]+)\]\s*(?:[;#].*)?$/;
    INI_PAIR = /^\s*([^\s=:;#\[][^=:]*?)\s*[=:]/;
    TOML_TABLE = /^\s*\[(\[)?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
    TOML_PAIR = /^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/;
    TF_OPEN_MAP = /^\s*("[^"]+"|[\w.\-]+)\s*=\s*\{\s*(?:#.*|\/\/.*)?$/;
    TF_OPEN_LIST = /^\s*("[^"]+"|[\w.\-]+)\s*=\s*\[\s*(?:#.*|\/\/.*)?$/;
    TF_BLOCK = /^\s*([\w\-]+)((?:\s+"[^"]*")*)\s*\{\s*$/;
    TF_PAIR = /^\s*("[^"]+"|[\w.\-]+)\s*[=:]/;
    TF_HEREDOC = /<<-?\s*([A-Za-z_]\w*)\s*$/;
  }
});

// dist/src/engine/structure/yaml-subset.js
function badPlainStart(c) {
  return c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === SQ || c === DQ || c === 37 || c === 64 || c === 96 || c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE || c === HASH;
}
function isFlowIndicator(c) {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}
function plainTag(s) {
  const c = s.charCodeAt(0);
  if (c === 126 || c === 110 || c === 78)
    return NULL_RE.test(s) ? NULL : STR;
  if (c === 116 || c === 84 || c === 102 || c === 70)
    return BOOL_RE.test(s) ? BOOL : STR;
  if (c >= 48 && c <= 57 || c === DASH || c === 43 || c === 46)
    return NUM_RE.test(s) ? NUM : STR;
  return STR;
}
function unescapeDouble(s) {
  if (s.indexOf("\\") === -1)
    return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = s[++i];
    if (next === void 0)
      throw OUTSIDE;
    const simple = DQ_ESCAPES[next];
    if (simple !== void 0)
      out += simple;
    else if (next === "x" || next === "u" || next === "U") {
      const len = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = s.slice(i + 1, i + 1 + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex))
        throw OUTSIDE;
      const code3 = parseInt(hex, 16);
      if (code3 > 1114111)
        throw OUTSIDE;
      out += String.fromCodePoint(code3);
      i += len;
    } else
      throw OUTSIDE;
  }
  return out;
}
function readYamlSubset(text, byteLength) {
  if (UNHANDLED_CHARS.test(text))
    return void 0;
  let docs;
  try {
    docs = new LineReader(text).documents();
  } catch (e) {
    if (e === OUTSIDE)
      return void 0;
    if (e === INVALID)
      return null;
    throw e;
  }
  return valuesOf(docs, text, byteLength);
}
function quotedEnd(t, r, end) {
  const q = t.charCodeAt(r);
  for (let i = r + 1; i < end; i++) {
    const ch = t.charCodeAt(i);
    if (ch === TAB)
      throw OUTSIDE;
    if (q === DQ && ch === BACKSLASH2)
      i++;
    else if (ch === q) {
      if (q === SQ && t.charCodeAt(i + 1) === SQ)
        i++;
      else
        return i;
    }
  }
  return -1;
}
function quoted(t, r, close) {
  const inner = t.slice(r + 1, close);
  const double = t.charCodeAt(r) === DQ;
  const text = double ? unescapeDouble(inner) : inner.indexOf("'") === -1 ? inner : inner.replace(/''/g, "'");
  return { kind: 0, style: double ? QUOTE_DOUBLE : QUOTE_SINGLE, tag: STR, text, r0: r, r1: close + 1 };
}
function plainKey(s) {
  switch (plainTag(s)) {
    case NULL:
      return void 0;
    case BOOL:
      return s.charCodeAt(0) === 116 || s.charCodeAt(0) === 84 ? "true" : "false";
    case NUM:
      if (SAME_INT_RE.test(s))
        return s;
      throw OUTSIDE;
    default:
      return s;
  }
}
function valuesOf(docs, text, byteLength) {
  const bytes2 = new ByteOffsets(text, byteLength);
  const out = [];
  const scalar = (node, path) => {
    if (node.tag === NULL || node.tag === BOOL)
      return;
    let start = node.r0;
    let end = node.r1;
    if (node.style === QUOTE_DOUBLE || node.style === QUOTE_SINGLE) {
      start += 1;
      end -= 1;
    } else if (node.style === BLOCK_LITERAL || node.style === BLOCK_FOLDED) {
      const nl = text.indexOf("\n", start);
      if (nl !== -1 && nl < end)
        start = nl + 1;
      while (start < end && (text[start] === " " || text[start] === "	"))
        start++;
    }
    if (end <= start)
      return;
    out.push({ path, start: bytes2.byte(start), end: bytes2.byte(end), value: node.text });
  };
  const walk = (node, path) => {
    if (node.kind === 3)
      return;
    if (node.kind === 0)
      return scalar(node, path);
    if (node.kind === 1) {
      for (const [k, v] of node.pairs)
        if (k !== void 0)
          walk(v, [...path, k]);
      return;
    }
    const parent = path[path.length - 1] ?? "";
    node.items.forEach((item, i) => {
      if (item.kind === 0 && item.tag === STR && ENV_LIST_PARENT.test(parent)) {
        const value = item.value ?? item.text;
        const m13 = ENV_ITEM.exec(value);
        if (m13) {
          const quoted2 = item.style === QUOTE_DOUBLE || item.style === QUOTE_SINGLE;
          const offset = item.r0 + (quoted2 ? 1 : 0) + m13[0].length;
          const end = item.r1 - (quoted2 ? 1 : 0);
          if (end > offset)
            out.push({ path: [...path, m13[1]], start: bytes2.byte(offset), end: bytes2.byte(end), value: value.slice(m13[0].length) });
          return;
        }
      }
      if (item.kind === 1) {
        const name2 = item.pairs.find((p) => p[0] === "name");
        const val = item.pairs.find((p) => p[0] === "value");
        if (name2 && val && name2[1].kind === 0 && name2[1].tag === STR && val[1].kind === 0) {
          scalar(val[1], [...path, name2[1].value ?? name2[1].text]);
          for (const p of item.pairs)
            if (p !== val && p !== name2 && p[0] !== void 0)
              walk(p[1], [...path, String(i), p[0]]);
          return;
        }
      }
      walk(item, [...path, String(i)]);
    });
  };
  for (const doc of docs)
    if (doc)
      walk(doc, []);
  return out;
}
var ENV_LIST_PARENT, ENV_ITEM, OUTSIDE, INVALID, PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED, STR, NUM, NULL, BOOL, NULL_RE, BOOL_RE, NUM_RE, SAME_INT_RE, UNHANDLED_CHARS, SP, TAB, HASH, COLON, DASH, DQ, SQ, LBRACKET, RBRACKET, LBRACE, RBRACE, COMMA, BACKSLASH2, DQ_ESCAPES, CONTENT, DOC_START, EOF, MAX_DEPTH2, LineReader, FlowReader;
var init_yaml_subset = __esm({
  "dist/src/engine/structure/yaml-subset.js"() {
    "use strict";
    init_types3();
    ENV_LIST_PARENT = /^(environment|env|args|build_args|build-args|variables|vars)$/i;
    ENV_ITEM = /^\s*([A-Za-z_][\w.\-]*)\s*=/;
    OUTSIDE = { outside: true };
    INVALID = { invalid: true };
    PLAIN = 0;
    QUOTE_DOUBLE = 1;
    QUOTE_SINGLE = 2;
    BLOCK_LITERAL = 3;
    BLOCK_FOLDED = 4;
    STR = 0;
    NUM = 1;
    NULL = 2;
    BOOL = 3;
    NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
    BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
    NUM_RE = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
    SAME_INT_RE = /^(?:0|-?[1-9][0-9]{0,14})$/;
    UNHANDLED_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;
    SP = 32;
    TAB = 9;
    HASH = 35;
    COLON = 58;
    DASH = 45;
    DQ = 34;
    SQ = 39;
    LBRACKET = 91;
    RBRACKET = 93;
    LBRACE = 123;
    RBRACE = 125;
    COMMA = 44;
    BACKSLASH2 = 92;
    DQ_ESCAPES = {
      "0": "\0",
      a: "\x07",
      b: "\b",
      e: "\x1B",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "	",
      v: "\v",
      N: "\x85",
      _: "\xA0",
      L: "\u2028",
      P: "\u2029",
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\"
    };
    CONTENT = 0;
    DOC_START = 1;
    EOF = 2;
    MAX_DEPTH2 = 48;
    LineReader = class {
      text;
      n;
      /** Current line: start, end of content (before CR LF / LF), start of the next line, indentation. */
      ls = 0;
      le = 0;
      nx = 0;
      ind = 0;
      at = CONTENT;
      depth = 0;
      constructor(text) {
        this.text = text;
        this.n = text.length;
      }
      documents() {
        const docs = [];
        this.seekFrom(0);
        let explicit = false;
        for (; ; ) {
          if (this.at === EOF) {
            if (explicit)
              docs.push(null);
            return docs;
          }
          if (this.at === DOC_START) {
            if (explicit)
              docs.push(null);
            const rest = this.skipSpaces(this.ls + 3);
            if (rest < this.le && (this.text.charCodeAt(rest) !== HASH || rest === this.ls + 3))
              throw OUTSIDE;
            explicit = true;
            this.seekFrom(this.nx);
            continue;
          }
          const p = this.ls + this.ind;
          const col = this.ind;
          let root;
          if (this.isSeqIndicator(p))
            root = this.readSeq(col, p, false);
          else if (this.keyEnd(p) !== -1)
            root = this.readMap(col, p);
          else
            throw OUTSIDE;
          if (this.at === CONTENT)
            throw OUTSIDE;
          docs.push(root);
          explicit = false;
        }
      }
      /** Loads the line starting at `from` (no seeking). */
      load(from) {
        const t = this.text;
        this.ls = from;
        const nl = t.indexOf("\n", from);
        let le = nl === -1 ? this.n : nl;
        if (le > from && t.charCodeAt(le - 1) === 13)
          le--;
        this.le = le;
        this.nx = nl === -1 ? this.n : nl + 1;
        let i = from;
        while (i < le && t.charCodeAt(i) === SP)
          i++;
        this.ind = i - from;
      }
      /** Moves to the first line at or after `from` with content, a document marker, or the end. */
      seekFrom(from) {
        const t = this.text;
        for (; ; ) {
          if (from >= this.n) {
            this.at = EOF;
            this.ls = this.le = this.nx = this.n;
            this.ind = 0;
            return;
          }
          this.load(from);
          const p = this.ls + this.ind;
          if (p === this.le) {
            from = this.nx;
            continue;
          }
          const c = t.charCodeAt(p);
          if (c === TAB)
            throw OUTSIDE;
          if (c === HASH) {
            from = this.nx;
            continue;
          }
          if (this.ind === 0 && (c === DASH || c === 46) && this.le - p >= 3) {
            const three = t.slice(p, p + 3);
            const after = p + 3 === this.le ? SP : t.charCodeAt(p + 3);
            if ((three === "---" || three === "...") && (after === SP || after === TAB)) {
              if (three === "...")
                throw OUTSIDE;
              this.at = DOC_START;
              return;
            }
          }
          this.at = CONTENT;
          return;
        }
      }
      skipSpaces(i) {
        const t = this.text;
        while (i < this.le && t.charCodeAt(i) === SP)
          i++;
        if (i < this.le && t.charCodeAt(i) === TAB)
          throw OUTSIDE;
        return i;
      }
      /**
       * The line from `p` cannot go on the collection being read (the caller knows where it stands): a plain
       * scalar with no key in it, a stray `}` or `]` (no flow collection is open), and where `entries`, a key or
       * a `- ` entry too.
       */
      strayLine(p, entries2) {
        const c = this.text.charCodeAt(p);
        if (c === RBRACE || c === RBRACKET || this.emptyProperty(p))
          return true;
        if (entries2 && (this.isSeqIndicator(p) || this.keyEnd(p) !== -1))
          return true;
        if (c === DQ || c === SQ)
          return this.quotedEnd(p) !== -1 && this.keyEnd(p) === -1;
        if (badPlainStart(c) || c === DASH || c === 63 || c === COLON)
          return false;
        return this.keyEnd(p) === -1;
      }
      /** The end of the name of the anchor or alias at `p` (a space or the line's end follows); else outside. */
      propertyEnd(p) {
        const t = this.text;
        let i = p + 1;
        while (i < this.le) {
          const ch = t.charCodeAt(i);
          if (ch === SP)
            break;
          if (ch === TAB || isFlowIndicator(ch))
            throw OUTSIDE;
          i++;
        }
        return i;
      }
      /** An alias or anchor without a name (`* `, `& `): an error wherever a node starts. */
      emptyProperty(p) {
        const c = this.text.charCodeAt(p);
        return (c === 42 || c === 38) && (p + 1 === this.le || this.text.charCodeAt(p + 1) === SP);
      }
      isSeqIndicator(p) {
        return this.text.charCodeAt(p) === DASH && (p + 1 === this.le || this.text.charCodeAt(p + 1) === SP);
      }
      enter() {
        if (++this.depth > MAX_DEPTH2)
          throw OUTSIDE;
      }
      /** A block mapping whose first key starts at `p` on the current line, at column `col`. */
      readMap(col, p) {
        this.enter();
        const pairs = [];
        for (; ; ) {
          const after = this.keyEnd(p);
          if (after === -1)
            throw this.strayLine(p, false) ? INVALID : OUTSIDE;
          const key = this.keyText(p, after - 1);
          const value = this.readValue(after, col, true);
          pairs.push([key, value]);
          if (this.at !== CONTENT || this.ind < col)
            break;
          if (this.ind > col) {
            throw value.kind !== 0 && this.strayLine(this.ls + this.ind, true) ? INVALID : OUTSIDE;
          }
          p = this.ls + this.ind;
        }
        this.depth--;
        return { kind: 1, pairs };
      }
      /** A block sequence whose first `-` is at `p` on the current line, at column `col`. */
      readSeq(col, p, underKey) {
        this.enter();
        const items = [];
        for (; ; ) {
          const item = this.readValue(p + 1, col, false);
          items.push(item);
          if (this.at !== CONTENT || this.ind < col)
            break;
          if (this.ind > col)
            throw item.kind !== 0 && this.strayLine(this.ls + this.ind, true) ? INVALID : OUTSIDE;
          p = this.ls + this.ind;
          if (!this.isSeqIndicator(p)) {
            if (underKey)
              break;
            throw this.strayLine(p, true) ? INVALID : OUTSIDE;
          }
        }
        this.depth--;
        return { kind: 2, items };
      }
      /**
       * The node after a key's `:` or an entry's `-` at `q` on the current line, in a collection at column `col`;
       * leaves the cursor on the next line with content.
       */
      readValue(q, col, inMap) {
        const t = this.text;
        const r = this.skipSpaces(q);
        const c = r < this.le ? t.charCodeAt(r) : -1;
        if (c !== -1 && this.emptyProperty(r))
          throw INVALID;
        if (c === 38) {
          const after = this.propertyEnd(r);
          const v = this.skipSpaces(after);
          if (v < this.le) {
            const d = t.charCodeAt(v);
            if (d === 38 || d === 42 || d === 33 || this.isSeqIndicator(v) || this.keyEnd(v) !== -1)
              throw OUTSIDE;
          }
          return this.readValue(after, col, inMap);
        }
        if (c === 42) {
          const after = this.propertyEnd(r);
          if (!this.endsLine(after))
            throw OUTSIDE;
          this.seekFrom(this.nx);
          if (this.at === CONTENT && this.ind > col)
            throw OUTSIDE;
          return { kind: 3 };
        }
        if (c === -1 || c === HASH) {
          this.seekFrom(this.nx);
          if (this.at === CONTENT) {
            const p = this.ls + this.ind;
            if (this.ind > col) {
              if (this.isSeqIndicator(p))
                return this.readSeq(this.ind, p, false);
              if (this.keyEnd(p) !== -1)
                return this.readMap(this.ind, p);
              throw this.emptyProperty(p) ? INVALID : OUTSIDE;
            }
            if (this.ind === col && inMap && this.isSeqIndicator(p))
              return this.readSeq(col, p, true);
          }
          return { kind: 0, style: PLAIN, tag: NULL, text: "", r0: r, r1: r };
        }
        if (!inMap && this.keyEnd(r) !== -1)
          return this.readMap(r - this.ls, r);
        let node;
        if (c === 124 || c === 62)
          return this.readBlockScalar(r, col);
        if (c === DQ || c === SQ) {
          const close = this.quotedEnd(r);
          if (close === -1)
            throw OUTSIDE;
          node = this.quoted(r, close);
          if (!this.endsLine(close + 1))
            throw INVALID;
        } else if (c === LBRACKET || c === LBRACE) {
          const flow = new FlowReader(t, r, this.le, this.depth);
          node = flow.node();
          if (!this.endsLine(flow.pos))
            throw OUTSIDE;
        } else if (this.isSeqIndicator(r)) {
          if (inMap)
            throw OUTSIDE;
          return this.readSeq(r - this.ls, r, false);
        } else
          node = this.plainValue(r);
        this.seekFrom(this.nx);
        if (this.at === CONTENT && this.ind > col)
          throw OUTSIDE;
        return node;
      }
      /** Whether only spaces and a comment follow `i` on the line (after a scalar or flow collection). */
      endsLine(i) {
        const j = this.skipSpaces(i);
        return j === this.le || this.text.charCodeAt(j) === HASH && j > i;
      }
      /** A one-line plain scalar in block context starting at `r`. */
      plainValue(r) {
        const t = this.text;
        const c = t.charCodeAt(r);
        if (badPlainStart(c))
          throw OUTSIDE;
        if ((c === DASH || c === 63 || c === COLON) && (r + 1 === this.le || t.charCodeAt(r + 1) === SP))
          throw OUTSIDE;
        let end = r + 1;
        for (let i = r + 1; i < this.le; i++) {
          const ch = t.charCodeAt(i);
          if (ch === SP) {
            if (t.charCodeAt(i + 1) === HASH)
              break;
          } else if (ch === TAB)
            throw OUTSIDE;
          else {
            if (ch === COLON && (i + 1 === this.le || t.charCodeAt(i + 1) === SP))
              throw INVALID;
            end = i + 1;
          }
        }
        const s = t.slice(r, end);
        return { kind: 0, style: PLAIN, tag: plainTag(s), text: s, r0: r, r1: end };
      }
      quotedEnd(r) {
        return quotedEnd(this.text, r, this.le);
      }
      quoted(r, close) {
        return quoted(this.text, r, close);
      }
      /**
       * If a mapping key starts at `p` on the current line: the index just after its `:`; else -1.
       * Keys the reader cannot give the package's text for are outside the subset.
       */
      keyEnd(p) {
        const t = this.text;
        const c = t.charCodeAt(p);
        if (c === DQ || c === SQ) {
          const close = this.quotedEnd(p);
          if (close === -1)
            return -1;
          let i = close + 1;
          while (i < this.le && t.charCodeAt(i) === SP)
            i++;
          if (t.charCodeAt(i) === COLON && (i + 1 === this.le || t.charCodeAt(i + 1) === SP))
            return i + 1;
          return -1;
        }
        if (badPlainStart(c))
          return -1;
        if ((c === DASH || c === 63 || c === COLON) && (p + 1 === this.le || t.charCodeAt(p + 1) === SP))
          return -1;
        for (let i = p + 1; i < this.le; i++) {
          const ch = t.charCodeAt(i);
          if (ch === COLON) {
            if (i + 1 === this.le || t.charCodeAt(i + 1) === SP) {
              if (i - p > 1e3)
                throw OUTSIDE;
              return i + 1;
            }
          } else if (ch === SP) {
            if (t.charCodeAt(i + 1) === HASH)
              return -1;
          } else if (ch === TAB)
            throw OUTSIDE;
        }
        return -1;
      }
      /** The key's text as the package's walk gives it (`colon` is the index of the key's `:`). */
      keyText(p, colon) {
        const t = this.text;
        const c = t.charCodeAt(p);
        let end = colon;
        while (t.charCodeAt(end - 1) === SP)
          end--;
        if (c === DQ || c === SQ)
          return this.quoted(p, end - 1).text;
        return plainKey(t.slice(p, end));
      }
      /** A literal or folded block scalar whose header is at `r`, in a collection at column `col`. */
      readBlockScalar(r, col) {
        const t = this.text;
        const folded = t.charCodeAt(r) === 62;
        let i = r + 1;
        const chomp = t.charCodeAt(i);
        if (chomp === DASH)
          i++;
        else if (chomp === 43)
          throw OUTSIDE;
        const strip = chomp === DASH;
        const afterHeader = i;
        i = this.skipSpaces(i);
        if (i < this.le && (t.charCodeAt(i) !== HASH || i === afterHeader))
          throw OUTSIDE;
        let indent = -1;
        let value = "";
        let sep2 = "";
        let pendingBlank = 0;
        let end = -1;
        let from = this.nx;
        while (from < this.n) {
          this.load(from);
          const blank = this.ls + this.ind === this.le;
          if (blank) {
            if (indent === -1)
              throw OUTSIDE;
            if (this.ind > indent)
              throw OUTSIDE;
            pendingBlank++;
            from = this.nx;
            continue;
          }
          if (indent === -1) {
            if (this.ind <= col)
              throw OUTSIDE;
            indent = this.ind;
          } else if (this.ind < indent)
            break;
          const first = this.ls + indent;
          if (t.charCodeAt(this.ls + this.ind) === TAB && (folded || this.ind < indent))
            throw OUTSIDE;
          if (folded) {
            if (this.ind > indent)
              throw OUTSIDE;
            if (pendingBlank > 0) {
              value += "\n".repeat(pendingBlank);
              sep2 = "";
            }
            value += sep2 + t.slice(first, this.le);
            sep2 = " ";
          } else {
            value += sep2 + "\n".repeat(pendingBlank) + t.slice(first, this.le);
            sep2 = "\n";
          }
          pendingBlank = 0;
          end = this.nx;
          from = this.nx;
        }
        if (indent === -1)
          throw OUTSIDE;
        if (!strip)
          value += "\n";
        this.seekFrom(end);
        if (this.at === CONTENT && this.ind > col)
          throw this.strayLine(this.ls + this.ind, true) ? INVALID : OUTSIDE;
        return { kind: 0, style: folded ? BLOCK_FOLDED : BLOCK_LITERAL, tag: STR, text: value, r0: r, r1: end };
      }
    };
    FlowReader = class {
      text;
      pos;
      end;
      depth;
      constructor(text, pos, end, depth = 0) {
        this.text = text;
        this.pos = pos;
        this.end = end;
        this.depth = depth;
      }
      node() {
        const t = this.text;
        const c = t.charCodeAt(this.pos);
        if (c === LBRACKET || c === LBRACE) {
          if (++this.depth > MAX_DEPTH2)
            throw OUTSIDE;
          const close = c === LBRACKET ? RBRACKET : RBRACE;
          this.pos++;
          this.space();
          const items = [];
          const pairs = [];
          while (t.charCodeAt(this.pos) !== close) {
            if (c === LBRACKET) {
              const item = this.scalarOrCollection();
              if (t.charCodeAt(this.pos) === COLON)
                items.push({ kind: 1, pairs: [this.pairValue(item)] });
              else
                items.push(item);
            } else {
              const key = this.scalarOrCollection();
              if (t.charCodeAt(this.pos) !== COLON)
                throw OUTSIDE;
              pairs.push(this.pairValue(key));
            }
            if (t.charCodeAt(this.pos) === COMMA) {
              this.pos++;
              this.space();
            } else if (t.charCodeAt(this.pos) !== close)
              throw OUTSIDE;
          }
          this.pos++;
          this.depth--;
          return c === LBRACKET ? { kind: 2, items } : { kind: 1, pairs };
        }
        throw OUTSIDE;
      }
      /** After a flow key, on its `:`: the pair. */
      pairValue(key) {
        if (key.kind !== 0 || key.style === PLAIN && this.text.charCodeAt(this.pos + 1) !== SP)
          throw OUTSIDE;
        this.pos++;
        this.space();
        return [key.style === PLAIN ? plainKey(key.text) : key.text, this.scalarOrCollection()];
      }
      space() {
        const t = this.text;
        while (this.pos < this.end && t.charCodeAt(this.pos) === SP)
          this.pos++;
        if (this.pos >= this.end || t.charCodeAt(this.pos) === TAB)
          throw OUTSIDE;
      }
      /** One entry, then the spaces after it. */
      scalarOrCollection() {
        const t = this.text;
        const c = t.charCodeAt(this.pos);
        let node;
        if (c === LBRACKET || c === LBRACE)
          node = this.node();
        else if (c === DQ || c === SQ) {
          const close = quotedEnd(t, this.pos, this.end);
          if (close === -1)
            throw OUTSIDE;
          node = quoted(t, this.pos, close);
          this.pos = close + 1;
        } else {
          if (badPlainStart(c) || c === COLON || c === 63 || c === DASH) {
            if (!(c === DASH && this.pos + 1 < this.end && !isFlowIndicator(t.charCodeAt(this.pos + 1)) && t.charCodeAt(this.pos + 1) !== SP))
              throw OUTSIDE;
          }
          let last = this.pos;
          let i = this.pos;
          for (; i < this.end; i++) {
            const ch = t.charCodeAt(i);
            if (isFlowIndicator(ch))
              break;
            if (ch === COLON) {
              if (t.charCodeAt(i + 1) === SP)
                break;
              throw OUTSIDE;
            }
            if (ch === HASH || ch === TAB)
              throw OUTSIDE;
            if (ch !== SP)
              last = i + 1;
          }
          if (i >= this.end)
            throw OUTSIDE;
          const s = t.slice(this.pos, last);
          node = { kind: 0, style: PLAIN, tag: plainTag(s), text: s, r0: this.pos, r1: last };
          this.pos = i;
        }
        this.space();
        return node;
      }
    };
  }
});

// dist/src/engine/structure/yaml.js
var yaml_exports = {};
__export(yaml_exports, {
  parseYaml: () => parseYaml,
  parseYamlWithPackage: () => parseYamlWithPackage
});
function parseYaml(text, byteLength) {
  const read2 = readYamlSubset(text, byteLength);
  return read2 === void 0 ? parseYamlWithPackage(text, byteLength) : read2;
}
function parseYamlWithPackage(text, byteLength) {
  const docs = yaml2().parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  if (!Array.isArray(docs))
    return [];
  if (docs.some((doc) => doc.errors.length > 0))
    return null;
  return valuesOf(docs.map((doc) => toNode(doc.contents, 0)), text, byteLength);
}
function keyText(node) {
  if (yaml2().isScalar(node))
    return node.value === null ? void 0 : String(node.value);
  return void 0;
}
function toNode(node, depth) {
  const y = yaml2();
  if (depth > 64 || node === null || node === void 0 || y.isAlias(node))
    return SKIP;
  if (y.isScalar(node)) {
    const v = node.value;
    if (!node.range)
      return { kind: 0, style: PLAIN, tag: NULL, text: "", r0: 0, r1: 0 };
    const raw = node;
    const tag = v === null ? NULL : typeof v === "boolean" ? BOOL : typeof v === "string" ? STR : NUM;
    const text = typeof raw.source === "string" && node.type === "PLAIN" ? raw.source : String(v);
    const value = typeof v === "string" && v !== text ? v : void 0;
    return { kind: 0, style: STYLES[node.type ?? "PLAIN"] ?? PLAIN, tag, text, value, r0: node.range[0], r1: node.range[1] };
  }
  if (y.isMap(node)) {
    const pairs = [];
    for (const pair of node.items)
      if (y.isPair(pair))
        pairs.push([keyText(pair.key), toNode(pair.value, depth + 1)]);
    return { kind: 1, pairs };
  }
  if (y.isSeq(node))
    return { kind: 2, items: node.items.map((item) => toNode(item, depth + 1)) };
  return SKIP;
}
var yaml2, SKIP, STYLES;
var init_yaml = __esm({
  "dist/src/engine/structure/yaml.js"() {
    "use strict";
    init_lazy_require();
    init_yaml_subset();
    yaml2 = lazyRequire("yaml");
    SKIP = { kind: 3 };
    STYLES = { PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED };
  }
});

// dist/src/engine/structure/index.js
function structureKind(path) {
  const base = (path.split(/[\\/]/).pop() ?? "").toLowerCase();
  if (/\.ya?ml$/.test(base))
    return "yaml";
  if (/\.(json|jsonc|ipynb|json\.example|json\.sample)$/.test(base) || base === ".babelrc" || base === ".eslintrc")
    return "json";
  if (base === ".env" || base.startsWith(".env.") || base.endsWith(".env") || base === ".envrc")
    return "env";
  if (/\.(ini|cfg|properties)$/.test(base) || base === ".npmrc" || base === ".pypirc" || base === ".yarnrc")
    return "ini";
  if (base.endsWith(".toml"))
    return "toml";
  if (base.endsWith(".tfvars"))
    return "tfvars";
  return null;
}
function parseStructure(buf, kind) {
  if (!kind || buf.length > STRUCTURE_MAX_BYTES[kind])
    return null;
  try {
    if (kind === "json")
      return json().parseJson(buf);
    const text = buf.toString("utf8");
    switch (kind) {
      case "yaml":
        return yaml3().parseYaml(text, buf.length);
      case "env":
        return lines().parseEnv(text, buf.length);
      case "ini":
        return lines().parseIni(text, buf.length);
      case "toml":
        return lines().parseTomlValues(text, buf.length);
      case "tfvars":
        return lines().parseTfvars(text, buf.length);
    }
  } catch {
    return null;
  }
}
var json, lines, yaml3, STRUCTURE_MAX_BYTES;
var init_structure = __esm({
  "dist/src/engine/structure/index.js"() {
    "use strict";
    init_lazy_require();
    init_types3();
    json = /* @__PURE__ */ ((m13) => () => m13 ??= (init_json2(), __toCommonJS(json_exports)))();
    lines = /* @__PURE__ */ ((m13) => () => m13 ??= (init_line_formats(), __toCommonJS(line_formats_exports)))();
    yaml3 = /* @__PURE__ */ ((m13) => () => m13 ??= (init_yaml(), __toCommonJS(yaml_exports)))();
    STRUCTURE_MAX_BYTES = {
      yaml: 512 * 1024,
      json: 4 * 1024 * 1024,
      env: 1024 * 1024,
      ini: 1024 * 1024,
      toml: 1024 * 1024,
      tfvars: 1024 * 1024
    };
  }
});

// dist/src/engine/binding.js
function assignedValueOffset(linePrefix, value) {
  if (URL_START.test(value) || IN_QUERY.test(linePrefix)) {
    let at = 0;
    for (const m14 of value.matchAll(QUERY_PARAM))
      at = m14.index + m14[0].length;
    return at;
  }
  if (!ASSIGN_LEAD.test(linePrefix))
    return 0;
  const m13 = INLINE_NAME.exec(value);
  return m13 ? m13[0].length : 0;
}
function dropListItems(prefix) {
  const open = prefix.lastIndexOf("[");
  if (open < 0)
    return prefix;
  const items = prefix.slice(open + 1);
  if (!items.includes(",") || /[\]{}()=:;]/.test(items))
    return prefix;
  return prefix.slice(0, open + 1);
}
function expressionName(expr) {
  const quoted2 = /["'`]([^"'`]+)["'`]\s*[)\]]$/.exec(expr);
  if (quoted2)
    return quoted2[1];
  return expr.replace(/^(?:process\.env|import\.meta\.env|os\.environ|ENV|env|\$_ENV|\$_SERVER)\./, "");
}
function carried(prefix, above) {
  let last;
  for (const m13 of prefix.matchAll(NAMING_ATTR))
    last = m13[1];
  if (last)
    return last;
  if (above !== void 0) {
    for (const m13 of above.matchAll(NAMING_ATTR))
      last = m13[1];
    if (last)
      return last;
    const d = DECLARED_ABOVE.exec(above);
    if (d)
      return d[1];
  }
  return void 0;
}
function freeText(prefix) {
  const tokens = prefix.slice(-80).replace(/["'`]\s*$/, "").split(/[ \t]*(?:[:=]|-{1,2}|\u2013|\u2014)?[ \t]+|[ \t]*[:=][ \t]*/);
  const words = [];
  for (let i = tokens.length - 1; i >= 0 && words.length < 5; i--) {
    const t = tokens[i];
    if (t === "" && i === tokens.length - 1)
      continue;
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(t))
      break;
    if (!FILLER.has(t.toLowerCase()))
      words.unshift(t);
  }
  return words.length > 0 ? words.join("_") : void 0;
}
function xmlName(m13) {
  let attr;
  for (const a of m13[2].matchAll(NAMING_ATTR))
    attr = a[1];
  return attr ?? m13[1];
}
function closest(p, above) {
  let m13 = SHELL_DEFAULT.exec(p) ?? DEFINE.exec(p) ?? DOCKER_ENV.exec(p) ?? FLAG.exec(p);
  if (m13)
    return m13[1];
  m13 = XML_OPEN.exec(p);
  if (m13)
    return xmlName(m13);
  m13 = FALLBACK.exec(p);
  if (m13)
    return expressionName(m13[1]);
  m13 = ARG_AFTER_NAME.exec(p);
  if (m13)
    return m13[1] ?? m13[2];
  m13 = TYPED.exec(p) ?? ASSIGN.exec(p);
  if (m13)
    return m13[1];
  const listed = dropListItems(p);
  if (listed !== p) {
    m13 = ASSIGN.exec(listed) ?? CALL.exec(listed);
    if (m13)
      return m13[1];
  }
  m13 = CALL.exec(p);
  if (m13)
    return m13[1];
  if (above !== void 0 && /^\s*(?:-\s*)?["'`]?\s*$/.test(p)) {
    m13 = KEY_ONLY_LINE.exec(above);
    if (m13)
      return m13[1];
  }
  if (above !== void 0 && /^\s*$/.test(p)) {
    m13 = XML_OPEN.exec(above);
    if (m13)
      return xmlName(m13);
  }
  return void 0;
}
function boundNames(prefix, above) {
  let p = prefix.length > MAX_PREFIX ? prefix.slice(-MAX_PREFIX) : prefix;
  p = p.replace(/0x$/i, "");
  const out = [];
  const first = closest(p, above);
  if (first) {
    if (CARRIERS.has(first.toLowerCase().replace(/^.*[.\[\]"'$@]/, ""))) {
      const named2 = carried(p.slice(0, Math.max(0, p.length - first.length - 1)), above);
      if (named2)
        out.push(named2);
    }
    out.push(first);
  }
  if (!first) {
    const free = freeText(p);
    if (free)
      out.push(free);
  }
  for (const n of [...out]) {
    if (!/[$@\]]/.test(n))
      continue;
    const bare = n.replace(/^[$@]+/, "");
    const subs = [...n.matchAll(/\[\s*["']?([\w.\-]+)["']?\s*\]/g)].map((m13) => m13[1]);
    for (const alt of [bare, subs.join(".")])
      if (alt && !out.includes(alt))
        out.push(alt);
  }
  return out;
}
function isCarrier(name2) {
  return CARRIERS.has(name2.toLowerCase());
}
function assignedKey(prefix, above) {
  return boundNames(prefix, above)[0];
}
function leafNames(leaf) {
  const last = leaf.replace(/^.*[.:/]/, "");
  return last && last !== leaf ? [leaf, last] : [leaf];
}
function bindingAt(start, end, line, lineStart, linePrefix, ctx) {
  const { chunk } = ctx;
  const v = ctx.struct?.at(start, end);
  const aboveLine = () => chunk.lines.tail(line - 2, NEAR_BYTES);
  if (v && start - v.start <= 3 && /^["'`\s]*(0x)?$/i.test(chunk.buf.toString("utf8", v.start, start))) {
    const keyPath = joinPath(v.path);
    const leaf = leafKey(v.path);
    const names2 = leaf ? leafNames(leaf) : [];
    const carrier = /^\s*(?:-\s*)?["']?([A-Za-z_]+)["']?\s*[:=]/.exec(linePrefix)?.[1];
    const fromAbove = line > 1 && carrier !== void 0 && isCarrier(carrier);
    if (fromAbove) {
      for (const n of boundNames(linePrefix, aboveLine()))
        if (!names2.includes(n))
          names2.push(n);
    }
    return { key: keyPath, keyPath, names: names2, fromAbove };
  }
  let prefix = v && v.start > lineStart ? chunk.buf.toString("utf8", v.start, start) : linePrefix;
  if (prefix.includes("\\"))
    prefix = prefix.replace(/\\+(["'])/g, "$1");
  const above = !v && line > 1 ? aboveLine() : void 0;
  const names = boundNames(prefix, above);
  if (names.length > 0) {
    const fromAbove = names.some(isCarrier) || above !== void 0 && !/[\w$@]/.test(prefix);
    return { key: names[0], names, fromAbove };
  }
  if (v) {
    const keyPath = joinPath(v.path);
    const leaf = leafKey(v.path);
    return { key: keyPath, keyPath, names: leaf ? leafNames(leaf) : [], fromAbove: false };
  }
  return { names, fromAbove: false };
}
function nameMatches(re, name2) {
  if (re.test(name2))
    return true;
  const split = name2.replace(/([a-z0-9])([A-Z])/g, "$1_$2");
  return split !== name2 && re.test(split);
}
var MAX_PREFIX, OPS, NAME, ASSIGN, TYPED, ARG_AFTER_NAME, FALLBACK, SHELL_DEFAULT, CALL, FLAG, DOCKER_ENV, DEFINE, KEY_ONLY_LINE, XML_OPEN, NAMING_ATTR, DECLARED_ABOVE, CARRIERS, FILLER, ASSIGN_LEAD, INLINE_NAME, URL_START, IN_QUERY, QUERY_PARAM;
var init_binding = __esm({
  "dist/src/engine/binding.js"() {
    "use strict";
    init_lines();
    init_structure();
    MAX_PREFIX = 240;
    OPS = String.raw`(?::::=|::=|\?\?=|\|\|=|:=|=>|\?=|!=|\.=|\+=|[:=])`;
    NAME = String.raw`[A-Za-z_$@][\w.$@\-]*(?:\[["']?[\w.\-]+["']?\])*`;
    ASSIGN = new RegExp(String.raw`(?:^|[^\w$@.\-])["'\`]?(${NAME})["'\`]?\s*${OPS}\s*(?:[A-Za-z_$][\w.$]*\s*\(\s*)?(?:\[\s*)?["'\`]?\s*$`);
    TYPED = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*:?\s*(?:&(?:'static\s+)?)?(?:string|str|String|\[\]byte|Text|char\s*\*)\??\s*(?::=|=)\s*["'`]?\s*$/;
    ARG_AFTER_NAME = /(?:\(|,)\s*(?:["'`]([A-Za-z_][\w.\-]*)["'`]|([A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*|[A-Za-z_$][\w$]*\.[A-Z][A-Z0-9_]+))\s*,\s*(?:[A-Za-z_]\w*\(\s*)?["'`]?\s*$/;
    FALLBACK = /([A-Za-z_$][\w$.]*(?:\(\s*["'`][^"'`]{1,80}["'`]\s*\)|\[\s*["'`][^"'`]{1,80}["'`]\s*\])?)\s*(?:\|\||\?\?|\bor\b|\?:)\s*["'`]?\s*$/;
    SHELL_DEFAULT = /\$\{([A-Za-z_]\w*):?[-=?+]$/;
    CALL = /([A-Za-z_$][\w.$]*)\s*\(\s*(?:\[\s*)?["'`]?\s*$/;
    FLAG = /(?:^|\s)(--?[A-Za-z][\w-]*)(?:\s+|=)["']?\s*$/;
    DOCKER_ENV = /^\s*(?:ENV|ARG|export|set|setx|setenv|declare(?:\s+-\w+)?|readonly|local)\s+([A-Za-z_][\w]*)(?:\s+|=)["']?\s*$/i;
    DEFINE = /^\s*#\s*define\s+([A-Za-z_]\w*)\s+["']?\s*$/;
    KEY_ONLY_LINE = /^\s*(?:-\s+)?["'`]?([A-Za-z_$@][\w.$@\-]*)["'`]?\s*[:=]\s*(?:[|>][-+]?\s*|\[\s*)?$/;
    XML_OPEN = /<([A-Za-z_][\w.:\-]*)((?:\s+[\w.:\-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*)\s*>\s*$/;
    NAMING_ATTR = /\b(?:key|name|id|variable|var|param|property|setting|option)["']?\s*[:=]\s*["']?([A-Za-z_][\w.\-]*)/gi;
    DECLARED_ABOVE = /\b(?:variable|output|param(?:eter)?|secret)\s+"([A-Za-z_][\w.\-]*)"/;
    CARRIERS = /* @__PURE__ */ new Set(["value", "val", "v", "default", "defaultvalue", "default_value", "fallback", "content", "text", "data", "setting"]);
    FILLER = /* @__PURE__ */ new Set(["is", "are", "was", "the", "a", "an", "my", "our", "your", "this", "that", "here", "use", "using", "set", "to", "for", "with", "and", "of", "new", "old", "const", "let", "var", "val", "def", "return", "public", "protected", "internal", "static", "final", "readonly", "override", "string", "str", "char"]);
    ASSIGN_LEAD = /^\s*(?:(?:ENV|ARG|export|set|setx|setenv|declare(?:\s+-\w+)?|readonly|local|env)\s+)?$/i;
    INLINE_NAME = /^[A-Za-z_][\w.]{0,63}=(?=[^=\s\\])/;
    URL_START = /^(?:[A-Za-z][\w+.\-]*:\/\/|\/)/;
    IN_QUERY = /[?&][\w.\-]+=$/;
    QUERY_PARAM = /[?&][A-Za-z_][\w.\-]{0,63}=(?=[^=&\s])/g;
  }
});

// dist/src/engine/encoded-runs.js
function base64Spans(buf, limit) {
  const out = [];
  const n = buf.length;
  let lastEnd = 0;
  for (let p = BASE64_TAIL - 1; p < n && out.length < limit; p += BASE64_TAIL) {
    if (B642[buf[p]] === 0)
      continue;
    let lo = p;
    while (lo > 0 && B642[buf[lo - 1]] === 1)
      lo--;
    let hi = p + 1;
    while (hi < n && B642[buf[hi]] === 1)
      hi++;
    p = hi - 1;
    if (hi - lo < BASE64_TAIL)
      continue;
    let digit = lo;
    while (digit < hi && (buf[digit] < 48 || buf[digit] > 57))
      digit++;
    if (hi - digit < BASE64_TAIL)
      continue;
    let lead = lo - 1;
    while (lead >= 0 && SPACE2[buf[lead]] === 1)
      lead--;
    if (lead < lastEnd || LEAD[buf[lead]] === 0)
      continue;
    let end = hi;
    while (end < n && end - hi < 2 && buf[end] === 61)
      end++;
    out.push({ start: lo, end });
    lastEnd = end;
  }
  return out;
}
function percentSpans(buf, limit) {
  const out = [];
  const n = buf.length;
  let from = 0;
  while (out.length < limit) {
    const at = buf.indexOf(37, from);
    if (at === -1 || at + 2 >= n)
      break;
    if (HEX[buf[at + 1]] === 0 || HEX[buf[at + 2]] === 0) {
      from = at + 1;
      continue;
    }
    let high = false;
    let start = at;
    for (; start > 0 && DELIM[buf[start - 1]] === 0; start--)
      if (buf[start - 1] >= 128)
        high = true;
    let end = at + 3;
    for (; end < n && DELIM[buf[end]] === 0; end++)
      if (buf[end] >= 128)
        high = true;
    if (high)
      tokenMatches(buf, start, end, limit, out);
    else
      out.push({ start, end });
    from = end;
  }
  return out;
}
function tokenMatches(buf, start, end, limit, out) {
  const part = Buffer.from(buf.buffer, buf.byteOffset + start, end - start);
  const re = percentToken ??= new import_re24.default(PERCENT_VALUE, "g");
  re.lastIndex = 0;
  while (out.length < limit) {
    const m13 = re.exec(part);
    if (m13 === null)
      return;
    const len = m13[0].length;
    out.push({ start: start + m13.index, end: start + m13.index + len });
    if (len === 0)
      re.lastIndex++;
  }
}
var import_re24, BASE64_VALUE, BASE64_TAIL, table3, B642, LEAD, SPACE2, DELIM, HEX, PERCENT_VALUE, percentToken;
var init_encoded_runs = __esm({
  "dist/src/engine/encoded-runs.js"() {
    "use strict";
    import_re24 = __toESM(require_re2(), 1);
    BASE64_VALUE = "[\"'`=:]\\s*[A-Za-z+/_-]*[0-9][A-Za-z0-9+/_-]{15,}={0,2}";
    BASE64_TAIL = 16;
    table3 = (chars, ranges = []) => {
      const t = new Uint8Array(256);
      for (const c of chars)
        t[c.charCodeAt(0)] = 1;
      for (const [a, b] of ranges)
        for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++)
          t[c] = 1;
      return t;
    };
    B642 = table3("+/_-", [["A", "Z"], ["a", "z"], ["0", "9"]]);
    LEAD = table3("\"'`=:");
    SPACE2 = table3("	\n\f\r ");
    DELIM = table3("	\n\f\r \"'`<>(){}[],;");
    HEX = table3("", [["0", "9"], ["A", "F"], ["a", "f"]]);
    PERCENT_VALUE = "[^\\s\"'`<>(){}\\[\\],;]*%[0-9A-Fa-f]{2}[^\\s\"'`<>(){}\\[\\],;]*";
    percentToken = null;
  }
});

// dist/src/engine/passes/decoded.js
function decodedPass(ctx, budget, scanInner) {
  const out = [];
  const { chunk } = ctx;
  const visit = (start, end, dec, keyPath) => {
    if (budget.values <= 0 || budget.bytes <= 0 || dec.text.trim() === "")
      return;
    budget.values--;
    const inner = Buffer.from(dec.text, "utf8");
    budget.bytes -= inner.length;
    if (budget.bytes < 0)
      return;
    const pos = chunk.lines.position(start);
    const near = chunk.lines.textNear(pos.line - 1 - 3, pos.line - 1 + 3, start, end, NEAR_BYTES);
    const context = [keyPath ? joinPath(keyPath) : "", near, ctx.outer?.context ?? ""].join("\n");
    const leaf = keyPath ? leafKey(keyPath) : void 0;
    let kind = leaf ? structureKind(leaf) : null;
    if (!kind && /^\s*[{[]/.test(dec.text))
      kind = "json";
    let values = parseStructure(inner, kind);
    let whole = false;
    if (!values && keyPath) {
      values = wholeValue(dec.text, keyPath);
      whole = true;
    }
    const found = scanInner(inner, values, whole, { context });
    if (found.length === 0)
      return;
    const endPos = chunk.lines.position(end);
    for (const f of found) {
      out.push({
        ...f,
        line: pos.line,
        column: pos.column,
        endLine: endPos.line,
        endColumn: endPos.column,
        start,
        end,
        decoded: f.decoded ? `${dec.encoding}/${f.decoded}` : dec.encoding
      });
    }
  };
  if (ctx.struct) {
    for (const v of ctx.struct.values) {
      if (v.value.length < MIN_BASE64 && !v.value.includes("%"))
        continue;
      const dec = decodeValue(v.value.trim());
      if (dec)
        visit(v.start, v.end, dec, v.path);
    }
    if (!ctx.whole)
      return out;
  }
  const b = chunk.buf;
  for (const { find, gate: gate2 } of TEXT_FINDERS) {
    if (!ctx.setHits.has(gate2))
      continue;
    for (const { start, end } of find(b, MAX_TEXT_MATCHES)) {
      if (budget.values <= 0)
        break;
      const dec = decodeValue(b.toString("utf8", start, end));
      if (!dec)
        continue;
      const line = chunk.lines.lineOf(start);
      const prefix = chunk.lines.prefix(start, NEAR_BYTES);
      if (/;base64,$/.test(prefix))
        continue;
      const above = line > 0 ? chunk.lines.tail(line - 1, NEAR_BYTES) : void 0;
      const key = assignedKey(prefix, above);
      visit(start, end, dec, key ? [key] : void 0);
    }
  }
  return out;
}
function wholeValue(text, keyPath) {
  const lead = text.length - text.trimStart().length;
  return [{ path: keyPath, start: Buffer.byteLength(text.slice(0, lead)), end: Buffer.byteLength(text.trimEnd()), value: text.trim() }];
}
var PERCENT_GATE, DECODE_GATES, TEXT_FINDERS, MAX_TEXT_MATCHES;
var init_decoded = __esm({
  "dist/src/engine/passes/decoded.js"() {
    "use strict";
    init_binding();
    init_decode();
    init_lines();
    init_encoded_runs();
    init_structure();
    PERCENT_GATE = "%[0-9A-Fa-f]{2}";
    DECODE_GATES = [BASE64_VALUE, PERCENT_GATE];
    TEXT_FINDERS = [
      { find: base64Spans, gate: BASE64_VALUE },
      { find: percentSpans, gate: PERCENT_GATE }
    ];
    MAX_TEXT_MATCHES = 9999;
  }
});

// dist/src/engine/fingerprint.js
function fingerprint(ruleId2, secret) {
  return nodeCrypto().createHash("sha256").update(`keyhound:v1\0${ruleId2}\0${secret}`, "utf8").digest("hex").slice(0, 32);
}
var init_fingerprint = __esm({
  "dist/src/engine/fingerprint.js"() {
    "use strict";
    init_lazy_require();
  }
});

// dist/src/engine/redact.js
function redact(secret) {
  const flat = secret.replace(/\s+/g, " ").trim();
  const keep = flat.length >= 24 ? 4 : 0;
  return flat.slice(0, keep) + "\u2026";
}
var init_redact = __esm({
  "dist/src/engine/redact.js"() {
    "use strict";
  }
});

// dist/src/engine/candidate.js
var candidate_exports = {};
__export(candidate_exports, {
  makeFinding: () => makeFinding,
  newFinding: () => newFinding
});
function newFinding(spec, secret, place2, say, judged = {}) {
  return {
    ruleId: spec.id,
    title: spec.title,
    provider: judged.provider ?? spec.provider,
    severity: judged.severity ?? spec.severity,
    ...place2,
    secret,
    redacted: redact(secret),
    fingerprint: fingerprint(spec.id, secret),
    validated: judged.validated ?? false,
    messageId: say.messageId,
    messageData: say.messageData,
    tags: spec.tags,
    grants: spec.grants ?? "service"
  };
}
function makeFinding(set, rule, ctx, facts) {
  const { chunk } = ctx;
  const { secret, start, end, key, result } = facts;
  const spec = rule.spec;
  const norm = normalizeValue(secret);
  let knownPublic = result.knownPublic ?? set.known.get(norm);
  if (!knownPublic && (rule.allowExact.has(norm) || rule.allowRe.some((r) => r.test(secret)))) {
    knownPublic = "documented sample value";
  }
  const pos = facts.pos ?? chunk.lines.position(start);
  const endPos = chunk.lines.position(end);
  const severity = knownPublic ? "note" : spec.severity;
  const provider = facts.provider ?? spec.provider;
  const validated = !!rule.validator && result.valid;
  let messageId;
  let messageData;
  if (knownPublic) {
    messageId = "known-public";
    messageData = { title: spec.title, knownPublic };
  } else if (facts.messageId === "key-path") {
    messageId = "key-path";
    messageData = { provider, keyPath: key ?? "" };
  } else {
    messageId = "secret";
    messageData = { title: spec.title, ...key ? { key } : {}, ...rule.validator ? { checked: "offline" } : {} };
  }
  const f = {
    ...newFinding(spec, secret, { file: ctx.path, line: pos.line, column: pos.column, endLine: endPos.line, endColumn: endPos.column }, { messageId, messageData }, { provider, severity, validated }),
    start,
    end,
    generic: rule.generic,
    priority: spec.priority ?? 0
  };
  if (spec.supersedes)
    f.supersedes = spec.supersedes;
  if (key && spec.provider.length >= 3 && normalizeProvider(key).includes(normalizeProvider(spec.provider)))
    f.named = true;
  if (knownPublic)
    f.knownPublic = knownPublic;
  if (result.address)
    f.address = result.address;
  if (result.keyType)
    f.keyType = result.keyType;
  if (key)
    f.key = key;
  if (spec.pair)
    f.pair = spec.pair;
  return f;
}
var init_candidate = __esm({
  "dist/src/engine/candidate.js"() {
    "use strict";
    init_compile();
    init_fingerprint();
    init_redact();
    init_keypath_rule2();
  }
});

// dist/src/engine/entropy.js
function shannonEntropy(s) {
  if (s.length === 0)
    return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of s)
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = s.length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}
var init_entropy = __esm({
  "dist/src/engine/entropy.js"() {
    "use strict";
  }
});

// dist/src/engine/placeholder.js
function hasFillerWord(lower) {
  const strict = lower.length >= 40;
  for (let k = 0; k < WORDS2.length; k++) {
    const w = WORDS2[k];
    const long = LONG[k];
    for (let i = lower.indexOf(w); i !== -1; i = lower.indexOf(w, i + 1)) {
      if (!strict || long || !isAlnum(lower[i - 1]) || !isAlnum(lower[i + w.length]))
        return true;
    }
  }
  return MASKS.some((m13) => lower.includes(m13));
}
function isPlaceholder(value) {
  const v = value.trim();
  if (v.length === 0)
    return true;
  if (/^\$|\$\{|\{\{|\}\}|%\(|^%[A-Za-z_]+%$|^<.*>$|<[A-Za-z_ -]+>/.test(v))
    return true;
  if (/^(process\.env|os\.environ|env\.|secrets\.|vars\.)/.test(v))
    return true;
  if (hasFillerWord(v.toLowerCase()))
    return true;
  return isLowVariety(v);
}
function isLowVariety(v) {
  const s = v.replace(/^0x/i, "").replace(/[\s_-]+/g, "");
  if (s.length < 8)
    return false;
  const unique = new Set(s.toLowerCase()).size;
  if (unique <= 3)
    return true;
  const long = s.length > 100;
  if (!long && /(.)\1{7,}/.test(s))
    return true;
  for (let p = 2; p <= 8 && p * 3 <= s.length; p++) {
    let periodic = true;
    for (let i = p; i < s.length; i++) {
      if (s[i] !== s[i - p]) {
        periodic = false;
        break;
      }
    }
    if (periodic)
      return true;
  }
  if (long)
    return false;
  let steps = 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9)
      continue;
    steps = prev >= 0 && c === (prev + 1) % 10 ? steps + 1 : 0;
    prev = c;
    if (steps >= 11)
      return true;
  }
  let up = 1;
  let down = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (up >= 6 || down >= 6)
      return true;
  }
  return false;
}
var WORDS2, LONG, MASKS, isAlnum;
var init_placeholder = __esm({
  "dist/src/engine/placeholder.js"() {
    "use strict";
    WORDS2 = [
      "your_",
      "your-",
      "yourapi",
      "yourkey",
      "yoursecret",
      "changeme",
      "change_me",
      "placeholder",
      "example",
      "dummy",
      "sample",
      "redacted",
      "replace_me",
      "replaceme",
      "insert_",
      "fill_in",
      "fillme",
      "todo",
      "fixme",
      "notreal",
      "not_a_real",
      "fake_",
      "_fake",
      "randomstring",
      "random_string",
      "tokenhere",
      "token_here",
      "keyhere",
      "key_here",
      "secrethere",
      "secret_here"
    ];
    LONG = WORDS2.map((w) => w.replace(/[_-]/g, "").length >= 6);
    MASKS = ["xxxx", "****", "....", "\u2026"];
    isAlnum = (c) => c !== void 0 && /[a-z0-9]/.test(c);
  }
});

// dist/src/engine/passes/key-path.js
function keyPathPass(set, ctx, memo2) {
  const out = [];
  if (!ctx.struct || set.keyPathRules.length === 0)
    return out;
  for (const v of ctx.struct.values) {
    for (const rule of set.keyPathRules) {
      const f = keyPathCandidate(set, rule, v, ctx, memo2);
      if (f)
        out.push(f);
    }
  }
  return out;
}
function keyPathCandidate(set, rule, v, ctx, memo2) {
  const kp = rule.spec.keyPath;
  const secret = v.value.trim();
  if (secret.length < kp.minLength || secret.length > 512)
    return null;
  if (/\s/.test(secret))
    return null;
  const leaf = leafKey(v.path);
  if (!leaf || !memo2.get(memo2.role, leaf, () => namesSecretRole(leaf)))
    return null;
  if (rule.keys && !rule.keys.test(leaf))
    return null;
  if (rule.deny && rule.deny.test(leaf))
    return null;
  const keyPath = joinPath(v.path);
  const provider = memo2.get(memo2.provider, keyPath, () => providerInPath(v.path, set.providers));
  if (!provider)
    return null;
  if (!rule.re)
    rule.re = new import_re25.default(rule.spec.pattern, "u");
  if (!rule.re.test(secret))
    return null;
  if (/:\/\/|^[./~]|^\d+$|^[A-Za-z]+$|^arn:|^[^:]*:[^:]*:/.test(secret) || isPlaceholder(secret))
    return null;
  if (rule.entropy && shannonEntropy(secret) < rule.entropy)
    return null;
  return makeFinding(set, rule, ctx, { secret, start: v.start, end: v.end, key: keyPath, result: { valid: false }, provider, messageId: "key-path" });
}
var import_re25, KeyPathMemo;
var init_key_path = __esm({
  "dist/src/engine/passes/key-path.js"() {
    "use strict";
    import_re25 = __toESM(require_re2(), 1);
    init_candidate();
    init_entropy();
    init_placeholder();
    init_structure();
    init_keypath_rule2();
    KeyPathMemo = class {
      role = /* @__PURE__ */ new Map();
      provider = /* @__PURE__ */ new Map();
      get(map, key, compute) {
        let v = map.get(key);
        if (v === void 0 && !map.has(key)) {
          if (map.size > 2e4)
            map.clear();
          v = compute();
          map.set(key, v);
        }
        return v;
      }
    };
  }
});

// dist/src/engine/match-iterator.js
function* matchesOf(re, input, limit) {
  let at = 0;
  for (let n = 0; n < limit; n++) {
    re.lastIndex = at;
    const m13 = re.exec(input);
    if (m13 === null)
      return;
    at = re.lastIndex + (m13[0].length === 0 ? 1 : 0);
    yield m13;
  }
}
var init_match_iterator = __esm({
  "dist/src/engine/match-iterator.js"() {
    "use strict";
  }
});

// dist/src/engine/near-windows.js
function memo(key, f) {
  let ok = shapes.get(key);
  if (ok === void 0)
    shapes.set(key, ok = f());
  return ok;
}
function windowable(pattern, nearby) {
  return memo(`p:${pattern}`, () => {
    const s = lineShape(pattern);
    return !!s && s.lineLocal && !s.textStart;
  }) && memo(`n:${nearby}`, () => {
    const s = lineShape(nearby, true);
    return !!s && s.noNewline && !s.asserts && s.min > 0;
  });
}
function nearWindows(chunk, nearby, window) {
  let re = hitRes.get(nearby);
  if (!re)
    hitRes.set(nearby, re = new import_re26.default(nearby, "giu"));
  const { buf, lines: lines2 } = chunk;
  const out = [];
  let hits = 0;
  const reach = window + 2;
  for (const m13 of matchesOf(re, buf, MAX_HITS + 1)) {
    if (++hits > MAX_HITS)
      return null;
    const len = m13[0].length;
    const first = Math.max(0, lines2.lineOf(m13.index) - reach);
    const last = lines2.lineOf(m13.index + Math.max(len - 1, 0)) + reach;
    let start = lines2.lineStart(first);
    if (start > 0 && buf[start - 1] !== 10)
      start = buf.lastIndexOf(10, start - 1) + 1;
    let end = lines2.lineStart(last + 1);
    if (end < buf.length && buf[end - 1] !== 10) {
      const nl = buf.indexOf(10, end);
      end = nl === -1 ? buf.length : nl + 1;
    }
    const prev = out[out.length - 1];
    if (prev && start <= prev.end)
      prev.end = Math.max(prev.end, end);
    else
      out.push({ start, end });
  }
  return out;
}
function windowMatches(re, buf, windows, limit) {
  const out = [];
  for (const w of windows) {
    const part = buf.subarray(w.start, Math.min(buf.length, w.end + 1));
    for (const m13 of matchesOf(re, part, limit - out.length)) {
      if (m13.index >= w.end - w.start)
        break;
      out.push(shift(m13, w.start));
    }
    if (out.length >= limit)
      break;
  }
  return out;
}
function shift(m13, by) {
  if (by === 0)
    return m13;
  const move = (s) => s ? [s[0] + by, s[1] + by] : s;
  const spans = m13.indices;
  const moved = Object.assign(spans.map(move), {
    groups: spans.groups ? Object.fromEntries(Object.entries(spans.groups).map(([k, v]) => [k, move(v)])) : void 0
  });
  const out = Object.assign([...m13], { index: m13.index + by, input: m13.input, groups: m13.groups });
  out.indices = moved;
  return out;
}
var import_re26, MAX_HITS, shapes, hitRes;
var init_near_windows = __esm({
  "dist/src/engine/near-windows.js"() {
    "use strict";
    import_re26 = __toESM(require_re2(), 1);
    init_match_iterator();
    init_run_gate();
    MAX_HITS = 2e3;
    shapes = /* @__PURE__ */ new Map();
    hitRes = /* @__PURE__ */ new Map();
  }
});

// dist/src/engine/passes/pattern.js
function patternPass(set, ctx, candidates) {
  const out = [];
  const passes = /* @__PURE__ */ new Map();
  const windows = /* @__PURE__ */ new Map();
  for (const ri of candidates) {
    const rule = set.rules[ri];
    if (!rule)
      continue;
    if (rule.setGated && !ctx.setHits.has(rule.spec.pattern))
      continue;
    if (rule.gate && !ctx.chunk.hasRun(rule.gate))
      continue;
    const re = rule.re ??= patternRe(rule.spec.pattern);
    const nearby = rule.spec.context?.nearby;
    if (nearby && !ctx.struct && !ctx.outer && windowable(rule.spec.pattern, nearby)) {
      const key = `${rule.window}:${nearby}`;
      let near = windows.get(key);
      if (near === void 0)
        windows.set(key, near = nearWindows(ctx.chunk, nearby, rule.window));
      if (near) {
        for (const m13 of windowMatches(re, ctx.chunk.buf, near, MAX_MATCHES)) {
          const f = candidate(set, rule, m13, ctx);
          if (f)
            out.push(f);
        }
        continue;
      }
    }
    let matches = passes.get(rule.spec.pattern);
    if (!matches) {
      matches = [...matchesOf(re, ctx.chunk.buf, MAX_MATCHES)];
      passes.set(rule.spec.pattern, matches);
    }
    for (const m13 of matches) {
      const f = candidate(set, rule, m13, ctx);
      if (f)
        out.push(f);
    }
  }
  return out;
}
function isWellKnownConstant(secret, lookup) {
  if (!lookup)
    return false;
  const hex = secret.length === 66 && /^0x/i.test(secret) ? secret.slice(2) : secret;
  return hex.length === 64 && /^[0-9a-fA-F]+$/.test(hex) && lookup(hex.toLowerCase()) !== void 0;
}
function candidate(set, rule, m13, ctx) {
  const { chunk } = ctx;
  const g = rule.group;
  const span = typeof g === "number" ? m13.indices?.[g] : m13.indices?.groups?.[g];
  const value = typeof g === "number" ? m13[g] : m13.groups?.[g];
  if (!span || value === void 0)
    return null;
  const end = span[1];
  let start = span[0];
  let secret = value.toString("utf8");
  const shift2 = secret.includes("=") ? assignedValueOffset(chunk.lines.prefix(start, NEAR_BYTES), secret) : 0;
  if (shift2 > 0) {
    start += shift2;
    secret = secret.slice(shift2);
  }
  if (isPlaceholder(secret) || isWellKnownConstant(secret, set.wellKnownConstant))
    return null;
  if (rule.entropy && shannonEntropy(secret) < rule.entropy)
    return null;
  const pos = chunk.lines.position(start);
  const lineStart = chunk.lines.lineStart(pos.line - 1);
  if (chunk.inDataUri(lineStart, start))
    return null;
  const linePrefix = chunk.lines.prefix(start, NEAR_BYTES);
  const { key, keyPath, names, fromAbove } = bindingAt(start, end, pos.line, lineStart, linePrefix, ctx);
  if (rule.deny && names.some((n) => rule.deny.test(n)))
    return null;
  if (rule.keys && !(key && (names.some((n) => nameMatches(rule.keys, n)) || rule.keys.test(key))))
    return null;
  if (rule.nearby) {
    const top = pos.line - 1 - rule.window - (fromAbove ? 1 : 0);
    const near = rule.nearby.test(chunk.lines.textNear(top, pos.line - 1 + rule.window, start, end, NEAR_BYTES)) || keyPath !== void 0 && rule.nearby.test(keyPath) || ctx.outer !== void 0 && rule.nearby.test(ctx.outer.context);
    if (!near)
      return null;
  }
  let result = { valid: false };
  if (rule.validator) {
    result = rule.validator({
      secret,
      match: m13[0].toString("utf8"),
      text: () => chunk.text,
      index: () => chunk.charIndex(start)
    });
    if (!result.valid) {
      if (!rule.spec.identifies)
        return null;
      const veto = makeFinding(set, rule, ctx, { secret, start, end, result, pos });
      veto.veto = true;
      return veto;
    }
  }
  const f = makeFinding(set, rule, ctx, { secret, start, end, key, result, pos });
  if (!f.named && providerOnLine(rule.spec.provider, linePrefix))
    f.named = true;
  return f;
}
function providerOnLine(provider, linePrefix) {
  const p = normalizeProvider(provider);
  return p.length >= 3 && normalizeProvider(linePrefix).includes(p);
}
var MAX_MATCHES;
var init_pattern = __esm({
  "dist/src/engine/passes/pattern.js"() {
    "use strict";
    init_binding();
    init_keypath_rule2();
    init_candidate();
    init_compile();
    init_entropy();
    init_match_iterator();
    init_lines();
    init_near_windows();
    init_placeholder();
    MAX_MATCHES = 1e4;
  }
});

// dist/src/engine/resolve.js
function resolve2(candidates) {
  return link2(dedupe(dropVetoed(candidates)));
}
function dropVetoed(candidates) {
  const vetoes = candidates.filter((c) => c.veto);
  if (vetoes.length === 0)
    return candidates;
  return candidates.filter((c) => !c.veto && (c.validated || !vetoes.some((v) => c.start < v.end && c.end > v.start)));
}
function score2(f) {
  return (f.generic ? 0 : 16) + (f.validated ? 8 : 0) + (f.knownPublic ? 0 : 4) + (f.named ? 2 : 0) + (f.severity === "error" ? 1 : 0) + (f.decoded ? 0.5 : 0);
}
function compare(a, b) {
  if (a.supersedes?.includes(b.ruleId))
    return -1;
  if (b.supersedes?.includes(a.ruleId))
    return 1;
  return score2(b) - score2(a) || b.priority - a.priority || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
function dedupe(raw) {
  raw.sort((a, b) => a.start - b.start || b.end - a.end || compare(a, b) || (a.fingerprint < b.fingerprint ? -1 : 1));
  const out = [];
  for (const f of raw) {
    const last = out[out.length - 1];
    if (last && f.start < last.end && f.end > last.start) {
      if (compare(f, last) < 0)
        out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}
function link2(candidates) {
  const findings = candidates.map(({ start: _s, end: _e, generic: _g, named: _n, priority: _p, supersedes: _x, veto: _v, ...f }) => f);
  const paired = findings.filter((f) => f.pair);
  for (const a of paired) {
    for (const b of paired) {
      if (a === b || a.pair.id !== b.pair.id || a.pair.part === b.pair.part)
        continue;
      if (Math.abs(a.line - b.line) > PAIR_LINES)
        continue;
      (a.related ??= []).push(b.fingerprint);
    }
  }
  return findings;
}
var PAIR_LINES;
var init_resolve = __esm({
  "dist/src/engine/resolve.js"() {
    "use strict";
    PAIR_LINES = 5;
  }
});

// dist/src/engine/skip-paths.js
function isSkippedPath(path) {
  const base = (path.split(/[\\/]/).pop() ?? "").toLowerCase();
  return LOCKFILES.has(base) || CHECKSUM_FILE.test(base);
}
var LOCKFILES, CHECKSUM_FILE;
var init_skip_paths = __esm({
  "dist/src/engine/skip-paths.js"() {
    "use strict";
    LOCKFILES = /* @__PURE__ */ new Set([
      "package-lock.json",
      "npm-shrinkwrap.json",
      "yarn.lock",
      "pnpm-lock.yaml",
      "bun.lock",
      "composer.lock",
      "cargo.lock",
      "gemfile.lock",
      "poetry.lock",
      "pipfile.lock",
      "uv.lock",
      "go.sum",
      "flake.lock",
      "mix.lock",
      "packages.lock.json",
      "podfile.lock",
      "pubspec.lock",
      "gradle.lockfile",
      "deno.lock"
    ]);
    CHECKSUM_FILE = /(^|[._-])(sha(1|224|256|384|512)?sums?|md5sums?|checksums?|b2sums?)(\.(txt|asc))?$|\.(sha1|sha256|sha512|md5|sig|asc)$/i;
  }
});

// dist/src/engine/scanner.js
var Engine;
var init_scanner = __esm({
  "dist/src/engine/scanner.js"() {
    "use strict";
    init_chunk();
    init_compile();
    init_decode();
    init_inline_allow();
    init_decoded();
    init_key_path();
    init_pattern();
    init_resolve();
    init_skip_paths();
    init_structure();
    init_compile();
    Engine = class {
      set;
      memo = new KeyPathMemo();
      constructor(specs, opts) {
        this.set = compileRules(specs, opts, DECODE_GATES);
      }
      get ruleSpecs() {
        return [...this.set.rules, ...this.set.keyPathRules].sort((a, b) => a.index - b.index).map((r) => r.spec);
      }
      /** Scans one chunk of bytes; `path` is used for reporting and path-based skips only. */
      scan(buf, path) {
        if (buf.length === 0 || isSkippedPath(path))
          return [];
        const budget = { bytes: MAX_DECODED_PER_CHUNK, values: MAX_VALUES_PER_CHUNK };
        const kind = structureKind(path);
        const values = kind && this.set.prefilter.candidates(buf).length > 0 ? parseStructure(buf, kind) : null;
        const found = this.scanBuffer(buf, path, values, false, void 0, 0, budget);
        if (found.candidates.length === 0)
          return [];
        const out = resolve2(found.candidates);
        markInlineAllows(buf, out, found.lines);
        return out;
      }
      /** The passes over one buffer: the chunk itself, or (depth > 0) a decoded value inside it. */
      scanBuffer(buf, path, values, whole, outer, depth, budget) {
        const { prefilter } = this.set;
        const candidates = prefilter.candidates(buf);
        const setHits = prefilter.patternHits(buf);
        if (outer) {
          for (const r of prefilter.keywordCandidates(Buffer.from(outer.context)))
            if (!candidates.includes(r))
              candidates.push(r);
        }
        const decodable = depth < MAX_DEPTH && budget.values > 0;
        if (candidates.length === 0 && !values && !decodable)
          return { candidates: [], lines: null };
        const chunk = new Chunk(buf);
        const ctx = { path, chunk, struct: values ? new StructIndex(values) : null, outer, whole: !!values && whole, setHits };
        const out = patternPass(this.set, ctx, candidates);
        out.push(...keyPathPass(this.set, ctx, this.memo));
        if (decodable) {
          const inner = (b, v, w, o) => this.scanBuffer(b, path, v, w, o, depth + 1, budget).candidates;
          out.push(...decodedPass(ctx, budget, inner));
        }
        return { candidates: out, lines: chunk.lines };
      }
    };
  }
});

// dep:@noble/curves/abstract/modular.js
var require_modular = __commonJS({
  "dep:@noble/curves/abstract/modular.js"(exports, module) {
    module.exports = __require("@noble/curves/abstract/modular.js");
  }
});

// dist/src/rules/sample-pem.js
function bigToBytes(n) {
  let h = n.toString(16);
  if (h.length % 2)
    h = "0" + h;
  return Uint8Array.from(Buffer.from(h, "hex"));
}
function seededEc(rng) {
  let d;
  do
    d = rng.bytes(32);
  while (!import_nist2.p256.utils.isValidSecretKey(d));
  const pub = import_nist2.p256.getPublicKey(d, false);
  const jwk = { kty: "EC", crv: "P-256", d: b64u(d), x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33)) };
  return createPrivateKey({ key: jwk, format: "jwk" });
}
function seededEd25519(rng) {
  const seed = rng.bytes(32);
  return { seed, pub: import_ed255193.ed25519.getPublicKey(seed) };
}
function ed25519Key(rng) {
  const { seed, pub } = seededEd25519(rng);
  return createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", d: b64u(seed), x: b64u(pub) }, format: "jwk" });
}
function seededPrime(rng, bits, e) {
  let x = BigInt("0x" + (0, import_utils5.bytesToHex)(rng.bytes(bits / 8))) | 3n << BigInt(bits - 2) | 1n;
  for (; ; ) {
    if (SMALL_PRIMES.every((p) => x % p !== 0n) && (x - 1n) % e !== 0n && checkPrimeSync(x))
      return x;
    x += 2n;
  }
}
function seededRsa(rng) {
  const tag = (0, import_utils5.bytesToHex)(rng.bytes(16));
  const hit = rsaCache.get(tag);
  if (hit)
    return hit;
  const e = 65537n;
  const p = seededPrime(rng, 1024, e);
  let q = seededPrime(rng, 1024, e);
  while (q === p)
    q = seededPrime(rng, 1024, e);
  const phi = (p - 1n) * (q - 1n);
  const d = (0, import_modular.invert)(e, phi);
  const jwk = {
    kty: "RSA",
    n: b64u(bigToBytes(p * q)),
    e: b64u(bigToBytes(e)),
    d: b64u(bigToBytes(d)),
    p: b64u(bigToBytes(p)),
    q: b64u(bigToBytes(q)),
    dp: b64u(bigToBytes(d % (p - 1n))),
    dq: b64u(bigToBytes(d % (q - 1n))),
    qi: b64u(bigToBytes((0, import_modular.invert)(q, p)))
  };
  const key = createPrivateKey({ key: jwk, format: "jwk" });
  rsaCache.set(tag, key);
  return key;
}
function der(tag, body) {
  const len = body.length;
  const head = len < 128 ? [tag, len] : len < 256 ? [tag, 129, len] : [tag, 130, len >> 8, len & 255];
  return Uint8Array.from([...head, ...body]);
}
function encryptedPkcs8(rng) {
  const pbes2 = oid("2a864886f70d01050d");
  const pbkdf2 = oid("2a864886f70d01050c");
  const hmacSha256 = oid("2a864886f70d0209");
  const aes256cbc = oid("60864801650304012a");
  const kdf = seq(pbkdf2, seq(octets(rng.bytes(8)), int(2048), seq(hmacSha256, NULL2)));
  const enc = seq(aes256cbc, octets(rng.bytes(16)));
  return seq(seq(pbes2, seq(kdf, enc)), octets(rng.bytes(16 * (8 + rng.int(3)))));
}
function opensshEd25519(rng) {
  const { seed, pub } = seededEd25519(rng);
  const u32 = (n) => Uint8Array.of(n >>> 24, n >>> 16 & 255, n >>> 8 & 255, n & 255);
  const str = (b) => {
    const bytes2 = typeof b === "string" ? Buffer.from(b, "latin1") : b;
    return Uint8Array.from([...u32(bytes2.length), ...bytes2]);
  };
  const cat = (...p) => Uint8Array.from(p.flatMap((x) => [...x]));
  const pubBlob = cat(str("ssh-ed25519"), str(pub));
  const check = rng.bytes(4);
  let priv = cat(check, check, str("ssh-ed25519"), str(pub), str(cat(seed, pub)), str("deploy@build"));
  const pad2 = [];
  for (let i = 1; (priv.length + pad2.length) % 8 !== 0; i++)
    pad2.push(i);
  priv = cat(priv, Uint8Array.from(pad2));
  return cat(Buffer.from("openssh-key-v1\0", "latin1"), str("none"), str("none"), str(""), u32(1), str(pubBlob), str(priv));
}
function armour(label2, body, width = 64) {
  const b64 = Buffer.from(body).toString("base64");
  const lines2 = b64.match(new RegExp(`.{1,${width}}`, "g")) ?? [];
  return `-----BEGIN ${label2}-----
${lines2.join("\n")}
-----END ${label2}-----
`;
}
function crc24(data) {
  let crc = 11994318;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 16777216)
        crc ^= 25578747;
    }
  }
  return crc & 16777215;
}
function cosmosArmoredKey(rng, type = "secp256k1") {
  const keyLen = type === "ed25519" ? 64 : 32;
  const body = rng.bytes(24 + 5 + keyLen + 16);
  const crc = crc24(body);
  const crcB64 = Buffer.from([crc >> 16, crc >> 8 & 255, crc & 255]).toString("base64");
  const salt = (0, import_utils5.bytesToHex)(rng.bytes(16)).toUpperCase();
  const lines2 = Buffer.from(body).toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN TENDERMINT PRIVATE KEY-----
kdf: bcrypt
salt: ${salt}
type: ${type}

${lines2.join("\n")}
=${crcB64}
-----END TENDERMINT PRIVATE KEY-----
`;
}
function samplePem(rng, kind = "ec") {
  switch (kind) {
    case "rsa":
      return seededRsa(rng).export({ type: "pkcs1", format: "pem" });
    case "rsa-pkcs8":
      return seededRsa(rng).export({ type: "pkcs8", format: "pem" });
    case "ec":
      return seededEc(rng).export({ type: "sec1", format: "pem" });
    case "pkcs8":
      return seededEc(rng).export({ type: "pkcs8", format: "pem" });
    case "ed25519":
      return ed25519Key(rng).export({ type: "pkcs8", format: "pem" });
    case "openssh":
      return armour("OPENSSH PRIVATE KEY", opensshEd25519(rng), 70);
    case "encrypted":
      return armour("ENCRYPTED PRIVATE KEY", encryptedPkcs8(rng));
    case "ec-escaped":
      return seededEc(rng).export({ type: "sec1", format: "pem" }).replace(/\n/g, "\\n");
    case "ecdsa":
    case "ecdsa-escaped": {
      const pem = seededEc(rng).export({ type: "sec1", format: "pem" }).replace(/-----(BEGIN|END) EC PRIVATE KEY-----/g, "-----$1 ECDSA PRIVATE KEY-----");
      return kind === "ecdsa" ? pem : pem.replace(/\n/g, "\\n");
    }
    default:
      throw new Error(`{{pem:${kind}}}: kind must be one of ${PEM_KINDS.join(", ")}`);
  }
}
function truncatedPem(rng, kind = "ec") {
  const pem = samplePem(rng, kind.replace(/-escaped$/, ""));
  const lines2 = pem.trimEnd().split("\n");
  const body = lines2.slice(1, -1);
  const keep = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
  keep[keep.length - 1] = keep[keep.length - 1].slice(0, -8);
  return [lines2[0], ...keep, lines2[lines2.length - 1]].join("\n") + "\n";
}
var import_modular, import_ed255193, import_nist2, import_utils5, import_base9, PEM_KINDS, b64u, SMALL_PRIMES, rsaCache, seq, oid, octets, int, NULL2;
var init_sample_pem = __esm({
  "dist/src/rules/sample-pem.js"() {
    "use strict";
    init_node_crypto();
    import_modular = __toESM(require_modular(), 1);
    import_ed255193 = __toESM(require_ed25519(), 1);
    import_nist2 = __toESM(require_nist(), 1);
    import_utils5 = __toESM(require_utils(), 1);
    import_base9 = __toESM(require_base(), 1);
    PEM_KINDS = ["rsa", "rsa-pkcs8", "ec", "ed25519", "pkcs8", "openssh", "encrypted", "ec-escaped", "ecdsa", "ecdsa-escaped"];
    b64u = (b) => import_base9.base64urlnopad.encode(b);
    SMALL_PRIMES = (() => {
      const out = [];
      for (let p = 3; out.length < 300; p += 2)
        if (out.every((q) => p % q !== 0))
          out.push(p);
      return out.map(BigInt);
    })();
    rsaCache = /* @__PURE__ */ new Map();
    seq = (...parts) => der(48, Uint8Array.from(parts.flatMap((p) => [...p])));
    oid = (hex) => der(6, Uint8Array.from(Buffer.from(hex, "hex")));
    octets = (b) => der(4, b);
    int = (n) => der(2, n < 128 ? Uint8Array.of(n) : Uint8Array.of(n >> 8, n & 255));
    NULL2 = Uint8Array.of(5, 0);
  }
});

// dist/src/rules/samples.js
function oneOf(kind, arg, allowed, fallback) {
  const v = arg ?? fallback;
  if (!allowed.includes(v))
    throw new Error(`{{${kind}:${arg}}}: argument must be one of ${allowed.join(", ")}`);
  return v;
}
function secpScalar(rng) {
  for (; ; ) {
    const k = rng.bytes(32);
    if (isValidScalar(k))
      return k;
  }
}
function mutate(rng, s, alphabet, keep = 0) {
  const i = keep + rng.int(s.length - keep);
  let c = s[i];
  while (c === s[i])
    c = alphabet[rng.int(alphabet.length)];
  return s.slice(0, i) + c + s.slice(i + 1);
}
function brokenBase58check(rng, valid, keep) {
  for (; ; ) {
    const bad = mutate(rng, valid, B58, keep);
    if (!decodeBase58check(bad))
      return bad;
  }
}
function crcToken(rng, prefix, bodyLength = 30) {
  const body = rng.chars(ALNUM, bodyLength);
  return prefix + body + crc32Base62(body);
}
function badCrcToken(rng, prefix, bodyLength = 30) {
  const t = crcToken(rng, prefix, bodyLength);
  return t.slice(0, -6) + mutate(rng, t.slice(-6), ALNUM);
}
function wifOf(rng, arg) {
  const kind = oneOf("wif", arg, WIF_KINDS, "compressed");
  const testnet = kind.startsWith("testnet");
  const compressed = kind === "compressed" || kind === "testnet-compressed";
  const payload = [testnet ? 239 : 128, ...secpScalar(rng), ...compressed ? [1] : []];
  return b58check.encode(Uint8Array.from(payload));
}
function extendedKey(rng, arg, pub) {
  const name2 = arg ?? (pub ? "xpub" : "xprv");
  const v = PRIVATE_VERSIONS.find((x) => x.name === name2 || x.publicName === name2);
  if (!v)
    throw new Error(`{{${pub ? "xpub" : "xprv"}:${arg}}}: unknown version, use one of ${[...XPRV_NAMES, ...XPUB_NAMES].join(", ")}`);
  const depth = rng.int(4);
  const out = new Uint8Array(78);
  const view = new DataView(out.buffer);
  view.setUint32(0, pub ? v.publicVersion : v.version);
  out[4] = depth;
  if (depth > 0) {
    out.set(rng.bytes(4), 5);
    view.setUint32(9, (rng.int(2) ? 2147483648 : 0) + rng.int(100));
  }
  out.set(rng.bytes(32), 13);
  const key = secpScalar(rng);
  if (pub)
    out.set(import_secp256k14.secp256k1.getPublicKey(key, true), 45);
  else
    out.set(key, 46);
  return b58check.encode(out);
}
function mnemonic(rng, arg) {
  const n = Number(oneOf("bip39", arg, BIP39_COUNTS, "12"));
  return (0, import_bip392.entropyToMnemonic)(rng.bytes(n / 3 * 4), import_english2.wordlist);
}
function badMnemonic(rng, arg) {
  const words = mnemonic(rng, arg).split(" ");
  for (; ; ) {
    words[words.length - 1] = import_english2.wordlist[rng.int(import_english2.wordlist.length)];
    const phrase = words.join(" ");
    if (!(0, import_bip392.validateMnemonic)(phrase, import_english2.wordlist))
      return phrase;
  }
}
function ed25519Pair(rng) {
  const { seed, pub } = seededEd25519(rng);
  return Uint8Array.from([...seed, ...pub]);
}
function solanaOf(bytes2, kind) {
  return kind === "json" ? `[${[...bytes2].join(",")}]` : import_base10.base58.encode(bytes2);
}
function uuid(rng) {
  const h = rng.chars(HEX2, 32).split("");
  h[12] = "4";
  h[16] = "89ab"[rng.int(4)];
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
function keystore(rng, arg) {
  const kind = oneOf("keystore", arg, ["scrypt", "pbkdf2", "pretty"], "scrypt");
  const kdf = kind === "pbkdf2" ? "pbkdf2" : "scrypt";
  const kdfparams = kdf === "scrypt" ? { dklen: 32, n: 262144, p: 1, r: 8, salt: rng.chars(HEX2, 64) } : { c: 262144, dklen: 32, prf: "hmac-sha256", salt: rng.chars(HEX2, 64) };
  const ks = {
    address: rng.chars(HEX2, 40),
    crypto: {
      cipher: "aes-128-ctr",
      ciphertext: rng.chars(HEX2, 64),
      cipherparams: { iv: rng.chars(HEX2, 32) },
      kdf,
      kdfparams,
      mac: rng.chars(HEX2, 64)
    },
    id: uuid(rng),
    version: 3
  };
  return kind === "pretty" ? JSON.stringify(ks, null, 2) : JSON.stringify(ks);
}
function cosmosValidatorJson(rng) {
  const pair = ed25519Pair(rng);
  const pub = pair.subarray(32);
  const doc = {
    address: (0, import_utils6.bytesToHex)((0, import_sha24.sha256)(pub).subarray(0, 20)).toUpperCase(),
    pub_key: { type: "tendermint/PubKeyEd25519", value: import_base10.base64.encode(pub) },
    priv_key: { type: "tendermint/PrivKeyEd25519", value: import_base10.base64.encode(pair) }
  };
  return JSON.stringify(doc, null, 2);
}
function cosmosNodeKeyJson(rng) {
  return JSON.stringify({ priv_key: { type: "tendermint/PrivKeyEd25519", value: import_base10.base64.encode(ed25519Pair(rng)) } });
}
function didJwt(rng, arg) {
  const iss = oneOf("did-jwt", arg, ["web3-storage", "nft-storage"], "web3-storage");
  const enc = (o) => import_base10.base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  const addr = [...rng.chars("0123456789abcdef", 40)].map((c) => rng.int(2) ? c.toUpperCase() : c).join("");
  const payload = { sub: `did:ethr:0x${addr}`, iss, iat: 16e11 + rng.int(2e8) * 1e3, name: rng.chars("abcdefghijklmnopqrstuvwxyz", 3 + rng.int(8)) };
  return `${enc({ alg: "HS256", typ: "JWT" })}.${enc(payload)}.${import_base10.base64urlnopad.encode(rng.bytes(32))}`;
}
function snowflake(rng) {
  const ms = BigInt(Date.UTC(2016, 0, 1) + rng.int(8 * 365) * 864e5 + rng.int(864e5));
  return ms - DISCORD_EPOCH2 << 22n | BigInt(rng.int(1 << 22));
}
function discord(rng) {
  const first = import_base10.base64urlnopad.encode(new TextEncoder().encode(snowflake(rng).toString()));
  return `${first}.${rng.chars(ALNUM + "-_", 6)}.${rng.chars(ALNUM + "-_", 38)}`;
}
function gitlabRoutable(rng, arg) {
  const prefix = arg ?? "glpat-";
  if (!/^gl[a-z]{2,6}-(?:t[1-3]_)?$/.test(prefix))
    throw new Error(`{{gitlab:${arg}}}: argument must be a GitLab token prefix such as glpat- or glrt-t1_`);
  const routing = `c:${rng.int(36 ** 2).toString(36)}
o:${(1 + rng.int(1e7)).toString(36)}
u:${(1 + rng.int(3e7)).toString(36)}`;
  const payload = import_base10.base64urlnopad.encode(Uint8Array.from([...rng.bytes(16), ...new TextEncoder().encode(routing), routing.length]));
  const body = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, "0")}`;
  return body + crc322(body).toString(36).padStart(7, "0");
}
function githubStateless(rng, bad) {
  const appId = 1e5 + rng.int(3e6);
  const enc = (o) => import_base10.base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  const iat = 178e7 + rng.int(2e7);
  const header = enc({ alg: "RS256", kid: rng.chars(HEX2, 16), typ: "JWT" });
  const payload = enc({ iss: "github", app_id: appId, installation_id: 1e7 + rng.int(9e7), iat, exp: iat + 3600, rid: uuid(rng) });
  const middle = bad ? rng.chars(ALNUM, payload.length) : payload;
  return `ghs_${appId}_${header}.${middle}.${import_base10.base64urlnopad.encode(rng.bytes(256))}`;
}
function jwt2(rng, arg) {
  const alg = oneOf("jwt", arg, ["HS256", "RS256", "ES256", "none"], "HS256");
  const enc = (o) => import_base10.base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(o)));
  const iat = 17e8 + rng.int(5e7);
  const header = enc({ alg, typ: "JWT" });
  const payload = enc({ sub: uuid(rng), role: "service", iat, exp: iat + 3600 * (1 + rng.int(720)) });
  const sigLen = alg === "none" ? 0 : alg === "RS256" ? 256 : alg === "ES256" ? 64 : 32;
  return `${header}.${payload}.${sigLen ? import_base10.base64urlnopad.encode(rng.bytes(sigLen)) : ""}`;
}
var import_ed255194, import_secp256k14, import_sha24, import_utils6, import_base10, import_bip392, import_english2, ALNUM, B58, HEX2, WIF_KINDS, XPRV_NAMES, XPUB_NAMES, BIP39_COUNTS, DISCORD_EPOCH2, sampleGenerators;
var init_samples = __esm({
  "dist/src/rules/samples.js"() {
    "use strict";
    import_ed255194 = __toESM(require_ed25519(), 1);
    import_secp256k14 = __toESM(require_secp256k1(), 1);
    import_sha24 = __toESM(require_sha2(), 1);
    import_utils6 = __toESM(require_utils(), 1);
    import_base10 = __toESM(require_base(), 1);
    import_bip392 = __toESM(require_bip39(), 1);
    import_english2 = __toESM(require_english(), 1);
    init_base58check();
    init_bip32_versions();
    init_crc32_base62();
    init_sample_pem();
    init_secp256k1_keys();
    ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    HEX2 = "0123456789abcdef";
    WIF_KINDS = ["compressed", "uncompressed", "testnet", "testnet-compressed"];
    XPRV_NAMES = PRIVATE_VERSIONS.map((v) => v.name);
    XPUB_NAMES = PRIVATE_VERSIONS.map((v) => v.publicName);
    BIP39_COUNTS = ["12", "15", "18", "21", "24"];
    DISCORD_EPOCH2 = 1420070400000n;
    sampleGenerators = {
      github: (r, a) => crcToken(r, `${oneOf("github", a, ["ghp", "gho", "ghu", "ghs", "ghr"], "ghp")}_`),
      "github-bad": (r, a) => badCrcToken(r, `${oneOf("github-bad", a, ["ghp", "gho", "ghu", "ghs", "ghr"], "ghp")}_`),
      /** The long refresh-token form: ghr_ + 70 + 6-character CRC32. */
      "github-long": (r) => crcToken(r, "ghr_", 70),
      "github-long-bad": (r) => badCrcToken(r, "ghr_", 70),
      "github-stateless": (r) => githubStateless(r, false),
      "github-stateless-bad": (r) => githubStateless(r, true),
      gitlab: gitlabRoutable,
      "gitlab-bad": (r, a) => {
        const t = gitlabRoutable(r, a);
        return t.slice(0, -7) + mutate(r, t.slice(-7), "0123456789abcdefghijklmnopqrstuvwxyz");
      },
      "discord-id": (r) => snowflake(r).toString(),
      "github-pat": (r) => `github_pat_11${r.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 20)}_${r.chars(ALNUM, 59)}`,
      npm: (r) => crcToken(r, "npm_"),
      "npm-bad": (r) => badCrcToken(r, "npm_"),
      "evm-key": (r) => (0, import_utils6.bytesToHex)(secpScalar(r)),
      "evm-key-outofrange": (r) => (SECP256K1_N + BigInt("0x" + (0, import_utils6.bytesToHex)(r.bytes(15)))).toString(16),
      wif: wifOf,
      "wif-bad": (r, a) => brokenBase58check(r, wifOf(r, a), 2),
      bip38: (r) => {
        const ec = r.int(2) === 1;
        const flag = ec ? [0, 32][r.int(2)] : [192, 224][r.int(2)];
        return b58check.encode(Uint8Array.from([1, ec ? 67 : 66, flag, ...r.bytes(36)]));
      },
      xprv: (r, a) => extendedKey(r, a, false),
      "xprv-bad": (r, a) => brokenBase58check(r, extendedKey(r, a, false), 4),
      xpub: (r, a) => extendedKey(r, a, true),
      bip39: mnemonic,
      "bip39-bad": badMnemonic,
      solana: (r, a) => solanaOf(ed25519Pair(r), oneOf("solana", a, ["b58", "json"], "b58")),
      "solana-bad": (r, a) => {
        const kind = oneOf("solana-bad", a, ["b58", "json"], "b58");
        const seed = r.bytes(32);
        return solanaOf(Uint8Array.from([...seed, ...import_ed255194.ed25519.getPublicKey(r.bytes(32))]), kind);
      },
      "solana-pub": (r) => import_base10.base58.encode(seededEd25519(r).pub),
      "ed25519-b64": (r) => import_base10.base64.encode(ed25519Pair(r)),
      "cosmos-validator-json": cosmosValidatorJson,
      "cosmos-node-key-json": cosmosNodeKeyJson,
      "cosmos-armored-key": (r, a) => cosmosArmoredKey(r, oneOf("cosmos-armored-key", a, ["secp256k1", "ed25519"], "secp256k1")),
      keystore,
      pem: samplePem,
      "pem-truncated": truncatedPem,
      discord,
      jwt: jwt2,
      "did-jwt": didJwt
    };
  }
});

// dist/src/rules/seeded-random.js
var import_sha25, import_utils7, SeededRandom;
var init_seeded_random = __esm({
  "dist/src/rules/seeded-random.js"() {
    "use strict";
    import_sha25 = __toESM(require_sha2(), 1);
    import_utils7 = __toESM(require_utils(), 1);
    SeededRandom = class {
      seed;
      counter = 0;
      pool = new Uint8Array(0);
      pos = 0;
      constructor(seed) {
        this.seed = seed;
      }
      bytes(n) {
        const out = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          if (this.pos >= this.pool.length) {
            this.pool = (0, import_sha25.sha256)((0, import_utils7.utf8ToBytes)(`${this.seed}\0${this.counter++}`));
            this.pos = 0;
          }
          out[i] = this.pool[this.pos++];
        }
        return out;
      }
      /** Uniform integer in [0, n). */
      int(n) {
        const limit = Math.floor(4294967296 / n) * n;
        for (; ; ) {
          const b = this.bytes(4);
          const v = (b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]) >>> 0;
          if (v < limit)
            return v % n;
        }
      }
      /** n characters drawn from an alphabet. */
      chars(alphabet, n) {
        let s = "";
        for (let i = 0; i < n; i++)
          s += alphabet[this.int(alphabet.length)];
        return s;
      }
    };
  }
});

// dist/src/rules/example-values.js
function count(arg, kind) {
  const n = Number(arg);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`example placeholder {{${kind}:N}} needs a length`);
  return n;
}
function uuid2(rng) {
  const h = rng.chars("0123456789abcdef", 32).split("");
  h[12] = "4";
  h[16] = "89ab"[rng.int(4)];
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
function expandExample(template, seed) {
  const rng = new SeededRandom(seed);
  return template.replace(PLACEHOLDER, (_all, kind, arg) => {
    const gen = basicGenerators[kind] ?? sampleGenerators[kind];
    if (!gen)
      throw new Error(`unknown example placeholder {{${kind}}}`);
    return gen(rng, arg);
  });
}
var import_base11, DIGITS, LOWER, UPPER, B582, basicGenerators, PLACEHOLDER;
var init_example_values = __esm({
  "dist/src/rules/example-values.js"() {
    "use strict";
    import_base11 = __toESM(require_base(), 1);
    init_samples();
    init_seeded_random();
    DIGITS = "0123456789";
    LOWER = "abcdefghijklmnopqrstuvwxyz";
    UPPER = LOWER.toUpperCase();
    B582 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    basicGenerators = {
      hex: (r, a) => r.chars("0123456789abcdef", count(a, "hex")),
      HEX: (r, a) => r.chars("0123456789ABCDEF", count(a, "HEX")),
      alnum: (r, a) => r.chars(DIGITS + UPPER + LOWER, count(a, "alnum")),
      upper: (r, a) => r.chars(DIGITS + UPPER, count(a, "upper")),
      lower: (r, a) => r.chars(DIGITS + LOWER, count(a, "lower")),
      letters: (r, a) => r.chars(UPPER + LOWER, count(a, "letters")),
      digits: (r, a) => r.chars("123456789", 1) + r.chars(DIGITS, count(a, "digits") - 1),
      b58: (r, a) => r.chars(B582, count(a, "b58")),
      /** base64 of N random bytes */
      b64: (r, a) => import_base11.base64.encode(r.bytes(count(a, "b64"))),
      /** N base64url characters */
      b64url: (r, a) => r.chars(DIGITS + UPPER + LOWER + "-_", count(a, "b64url")),
      /** base64url (no padding) of N random bytes */
      b64urlbytes: (r, a) => import_base11.base64urlnopad.encode(r.bytes(count(a, "b64urlbytes"))),
      /** unpadded base64 of N random lower-case hex characters (BitcoinAverage keys) */
      b64hex: (r, a) => import_base11.base64.encode(new TextEncoder().encode(r.chars("0123456789abcdef", count(a, "b64hex")))).replace(/=+$/, ""),
      uuid: (r) => uuid2(r),
      UUID: (r) => uuid2(r).toUpperCase()
    };
    PLACEHOLDER = /\{\{([A-Za-z0-9-]+)(?::([^}]*))?\}\}/g;
  }
});

// dist/src/rules/examples.js
var examples_exports = {};
__export(examples_exports, {
  exampleSeed: () => exampleSeed,
  runRuleExamples: () => runRuleExamples
});
function exampleSeed(ruleId2, kind, index) {
  return `keyhound-example:${ruleId2}:${kind}:${index}`;
}
function runRuleExamples(rule, knownPublic = []) {
  const engine = new Engine([rule], { validators, wellKnownConstant, knownPublic });
  const results = [];
  for (const kind of ["match", "nomatch"]) {
    rule.examples[kind].forEach((template, index) => {
      let findings;
      try {
        const text = expandExample(template, exampleSeed(rule.id, kind, index));
        findings = engine.scan(Buffer.from(text, "utf8"), "example.txt").filter((f) => f.ruleId === rule.id);
      } catch (e) {
        results.push({ ruleId: rule.id, kind, index, ok: false, detail: e.message });
        return;
      }
      const ok = kind === "match" ? findings.length > 0 : findings.length === 0;
      const detail = ok ? void 0 : kind === "match" ? "expected a finding, got none" : `expected no finding, got ${findings.length} (${findings.map((f) => `${f.severity} at ${f.line}:${f.column}`).join(", ")})`;
      results.push({ ruleId: rule.id, kind, index, ok, ...detail ? { detail } : {} });
    });
  }
  return results;
}
var init_examples = __esm({
  "dist/src/rules/examples.js"() {
    "use strict";
    init_scanner();
    init_validators();
    init_example_values();
  }
});

// dist/src/rules/rule-set.js
var rule_set_exports = {};
__export(rule_set_exports, {
  ConfigRulesError: () => ConfigRulesError,
  buildRuleSet: () => buildRuleSet,
  builtInRules: () => builtInRules
});
function builtInRules() {
  const pack = loadRuleDir();
  return { rules: [...pack.rules, KEYPATH_RULE], knownPublic: pack.knownPublic };
}
function buildRuleSet(input = {}) {
  const entries2 = [];
  const knownPublic = [];
  const add = (set, origin) => {
    for (const r of set.rules)
      entries2.push({ spec: { ...r, origin }, place: { kind: "file", file: r.source ?? "" } });
    knownPublic.push(...set.knownPublic);
  };
  const builtIn = input.builtIn ?? true;
  if (builtIn)
    add(builtIn === true ? builtInRules() : builtIn(), "built-in");
  if (input.ruleFiles?.length)
    add(readRuleFiles(input.ruleFiles), "rules-option");
  const config = input.config;
  config?.custom.forEach((raw, index) => {
    let spec;
    try {
      spec = checkRule(raw, config.file, `#${index + 1}`);
    } catch (e) {
      if (e instanceof RuleError)
        throw new ConfigRulesError(["custom", String(index), ...e.field ? e.field.split(".") : []], detailOf(e));
      throw e;
    }
    entries2.push({ spec: { ...spec, origin: "repository-config" }, place: { kind: "config", index } });
  });
  const seen = /* @__PURE__ */ new Map();
  for (const e of entries2) {
    const prev = seen.get(e.spec.id);
    if (!prev) {
      seen.set(e.spec.id, e);
      continue;
    }
    const where2 = prev.spec.origin === "built-in" ? "built-in rules" : prev.spec.source ?? "another rule file";
    fail(e, ["id"], `rule id "${e.spec.id}" is already defined (${where2})`);
  }
  for (const e of entries2) {
    if (e.spec.origin === "built-in")
      continue;
    for (const r of examples().runRuleExamples(e.spec, knownPublic)) {
      if (r.ok)
        continue;
      fail(e, ["examples", r.kind, String(r.index)], `rule "${e.spec.id}": ${r.kind} example ${r.index + 1} fails: ${r.detail}`);
    }
  }
  let rules = entries2.map((e) => e.spec);
  if (config)
    rules = applyOverrides(rules, config);
  return { rules, knownPublic };
}
function applyOverrides(rules, config) {
  const known2 = new Set(rules.map((r) => r.id));
  const unknown = 'unknown rule id (see "keyhound rules list")';
  (config.disable ?? []).forEach((id, i) => {
    if (!known2.has(id))
      throw new ConfigRulesError(["disable", String(i)], unknown);
  });
  const severity = config.severity ?? {};
  for (const id of Object.keys(severity)) {
    if (!known2.has(id))
      throw new ConfigRulesError(["severity", id], unknown);
  }
  const disabled = new Set(config.disable ?? []);
  return rules.filter((r) => !disabled.has(r.id)).map((r) => severity[r.id] ? { ...r, severity: severity[r.id] } : r);
}
function fail(e, field2, detail) {
  if (e.place.kind === "config")
    throw new ConfigRulesError(["custom", String(e.place.index), ...field2], detail);
  throw new RuleError(e.place.file, e.spec.id, field2.join("."), detail);
}
function detailOf(e) {
  const prefix = `${e.file}${e.ruleId ? `: rule "${e.ruleId}"` : ""}${e.field ? `: field "${e.field}"` : ""}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}
var examples, ConfigRulesError;
var init_rule_set = __esm({
  "dist/src/rules/rule-set.js"() {
    "use strict";
    init_lazy_require();
    init_keypath_rule();
    init_loader();
    examples = /* @__PURE__ */ ((m13) => () => m13 ??= (init_examples(), __toCommonJS(examples_exports)))();
    ConfigRulesError = class extends Error {
      at;
      detail;
      constructor(at, detail) {
        super(detail);
        this.at = at;
        this.detail = detail;
        this.name = "ConfigRulesError";
      }
    };
  }
});

// dist/src/config/schema.js
function configSchema(rules) {
  return {
    type: "object",
    additionalProperties: false,
    properties: {
      extends: { enum: ["default", "none"] },
      rules,
      paths: {
        type: "object",
        additionalProperties: false,
        properties: { exclude: stringList2 }
      },
      ...settingsSchema,
      allow: { type: "array", items: allowEntry },
      // the config file can turn revocation off, never on or point it anywhere
      revoke: { const: false }
    }
  };
}
var settingsSchema, level, ruleId, stringList2, allowEntry, rulesMap, configSchemaRulesMap, configSchemaRulesList;
var init_schema3 = __esm({
  "dist/src/config/schema.js"() {
    "use strict";
    init_schema2();
    init_settings();
    settingsSchema = Object.fromEntries(Object.values(SCAN_SETTINGS).map((s) => [s.configKey, s.schema]));
    level = { enum: ["error", "warning", "note"] };
    ruleId = { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" };
    stringList2 = { type: "array", items: { type: "string", minLength: 1 } };
    allowEntry = {
      type: "object",
      additionalProperties: false,
      required: ["reason"],
      properties: {
        value: { type: "string", minLength: 1 },
        pattern: { type: "string", minLength: 1 },
        fingerprint: { type: "string", pattern: "^[0-9a-f]{16,64}$" },
        reason: { type: "string", minLength: 3 },
        rules: { type: "array", items: ruleId },
        paths: stringList2
      },
      oneOf: [{ required: ["value"] }, { required: ["pattern"] }, { required: ["fingerprint"] }]
    };
    rulesMap = {
      type: "object",
      additionalProperties: false,
      properties: {
        disable: { type: "array", items: ruleId },
        severity: { type: "object", propertyNames: ruleId, additionalProperties: level },
        custom: { type: "array", items: ruleSchema }
      }
    };
    configSchemaRulesMap = configSchema(rulesMap);
    configSchemaRulesList = configSchema({ type: "array", items: ruleSchema });
  }
});

// dist/src/config/load.js
var load_exports = {};
__export(load_exports, {
  CONFIG_NAMES: () => CONFIG_NAMES,
  ConfigError: () => ConfigError,
  findConfigFile: () => findConfigFile,
  loadConfig: () => loadConfig,
  parseConfig: () => parseConfig,
  readConfigText: () => readConfigText
});
function schemaValidators() {
  if (!validators2) {
    const Ajv3 = ajvModule2().default;
    const ajv = new Ajv3({ allErrors: false, strict: true, strictRequired: false, verbose: true });
    validators2 = { list: ajv.compile(configSchemaRulesList), map: ajv.compile(configSchemaRulesMap) };
  }
  return validators2;
}
function findConfigFile(root, explicit) {
  if (explicit) {
    if (!existsSync(explicit))
      throw new ConfigError(explicit, void 0, void 0, "config file not found");
    return explicit;
  }
  for (const name2 of CONFIG_NAMES) {
    const p = join(root, name2);
    if (existsSync(p) || lstatOrNull(p))
      return p;
  }
  return void 0;
}
function lstatOrNull(p) {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}
function readConfigText(file, shown = file) {
  try {
    return readRegularFile(file, { maxBytes: SETTINGS_MAX_BYTES }).toString("utf8");
  } catch (e) {
    const m13 = e.message;
    throw new ConfigError(shown, void 0, void 0, m13.startsWith(`${file}: `) ? m13.slice(file.length + 2) : "cannot read");
  }
}
function displayPath(p) {
  const rel = relative(process.cwd(), resolve(p));
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : resolve(p);
}
function pointer(instancePath) {
  return instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function pick(errors) {
  const last = errors[errors.length - 1];
  return last.keyword === "oneOf" || last.keyword === "anyOf" ? last : errors[0];
}
function schemaMessage(err, path) {
  const p = err.params;
  const at = path.join(".");
  switch (err.keyword) {
    case "additionalProperties": {
      const prop = String(p.additionalProperty);
      const allowed = Object.keys(err.parentSchema?.properties ?? {});
      return {
        key: [...path, prop],
        keyOf: prop,
        detail: `unknown key "${prop}"${allowed.length ? ` (allowed${at ? ` under ${at}` : ""}: ${allowed.join(", ")})` : ""}`
      };
    }
    case "required":
      return { key: path, detail: `missing required key "${String(p.missingProperty)}"` };
    case "propertyNames":
      return { key: [...path, String(p.propertyName)], keyOf: String(p.propertyName), detail: `"${String(p.propertyName)}" is not a rule id` };
    case "enum":
      return { key: path, detail: `must be one of ${p.allowedValues.join(", ")}` };
    case "const":
      if (path[0] === "revoke") {
        return {
          key: path,
          detail: 'only "revoke: false" is accepted: the config file can turn revocation off, never turn it on or configure endpoints or issuers'
        };
      }
      return { key: path, detail: `must be ${JSON.stringify(p.allowedValue)}` };
    case "oneOf":
      if (path[0] === "allow")
        return { key: path, detail: 'needs exactly one of "value", "pattern" or "fingerprint" (and a "reason")' };
      return { key: path, detail: err.message ?? "invalid" };
    case "anyOf": {
      const hint = Object.values(SCAN_SETTINGS).find((s) => s.configKey === path[0])?.schemaHint;
      return { key: path, detail: hint ?? err.message ?? "invalid" };
    }
    case "type":
      return { key: path, detail: `must be ${p.type === "array" ? "a list" : p.type === "object" ? "a mapping" : `a ${String(p.type)}`}` };
    case "pattern":
      if (/\^\[a-z0-9\]\+/.test(String(p.pattern)))
        return { key: path, detail: 'must be a rule id (lower-case words joined by "-")' };
      return { key: path, detail: `does not match ${String(p.pattern)}` };
    case "minLength":
      return { key: path, detail: p.limit === 1 ? "must not be empty" : `must be at least ${String(p.limit)} characters` };
    default:
      return { key: path, detail: err.message ?? "invalid" };
  }
}
function parseConfig(text, file, base = builtInRules, extraRules = []) {
  const lines2 = new (yaml4()).LineCounter();
  const doc = yaml4().parseDocument(text, { lineCounter: lines2, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? lines2.linePos(e.pos[0]).line;
    throw new ConfigError(file, line, void 0, `not valid YAML: ${yamlProblem(e.message)}`);
  }
  const loc = new Locator(doc, lines2);
  const data = doc.toJS() ?? {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new ConfigError(file, 1, void 0, "must be a mapping of settings");
  const v = Array.isArray(data.rules) ? schemaValidators().list : schemaValidators().map;
  if (!v(data)) {
    const err = pick(v.errors);
    const path = pointer(err.instancePath);
    const msg = schemaMessage(err, path);
    throw new ConfigError(file, loc.line(msg.keyOf !== void 0 ? path : msg.key, msg.keyOf), msg.key.join(".") || void 0, msg.detail);
  }
  const rulesRaw = data.rules;
  const customPath = Array.isArray(rulesRaw) ? ["rules"] : ["rules", "custom"];
  const extendsMode = data.extends ?? "default";
  const section = Array.isArray(rulesRaw) ? { custom: rulesRaw } : { custom: rulesRaw?.custom ?? [], disable: rulesRaw?.disable, severity: rulesRaw?.severity };
  let ruleSet;
  try {
    ruleSet = buildRuleSet({ builtIn: extendsMode === "none" ? false : base, ruleFiles: extraRules, config: { file, ...section } });
  } catch (e) {
    if (!(e instanceof ConfigRulesError))
      throw e;
    const [part, ...rest] = e.at;
    const path = part === "custom" ? [...customPath, ...rest] : ["rules", part, ...rest];
    const line = part === "severity" ? loc.line(["rules", "severity"], rest[0]) : loc.line(path);
    throw new ConfigError(file, line, path.join("."), e.detail);
  }
  (data.allow ?? []).forEach((a, i) => {
    if (a.pattern !== void 0) {
      try {
        new import_re27.default(a.pattern, "u");
      } catch (e) {
        throw new ConfigError(file, loc.line(["allow", String(i), "pattern"]), `allow.${i}.pattern`, `not a valid RE2 pattern (${problemKind(e.message)})`);
      }
    }
  });
  const settings = {
    file,
    extends: extendsMode,
    exclude: data.paths?.exclude ?? [],
    allow: data.allow ?? []
  };
  for (const name2 of SETTING_NAMES) {
    const value = data[SCAN_SETTINGS[name2].configKey];
    if (value !== void 0)
      Object.assign(settings, { [name2]: SCAN_SETTINGS[name2].fromConfig(value) });
  }
  if (data.revoke === false)
    settings.revoke = false;
  return { ruleSet, settings };
}
function loadConfig(root, configPath, opts = {}) {
  const file = findConfigFile(root, configPath);
  const extra = opts.extraRules ?? [];
  if (!file)
    return { ruleSet: buildRuleSet({ ruleFiles: extra }), settings: { extends: "default", exclude: [], allow: [] } };
  const shown = displayPath(file);
  const loaded = parseConfig(readConfigText(file, shown), shown, builtInRules, extra);
  for (const name2 of SETTING_NAMES) {
    const value = loaded.settings[name2];
    if (SCAN_SETTINGS[name2].path && typeof value === "string")
      Object.assign(loaded.settings, { [name2]: resolve(dirname(file), value) });
  }
  return loaded;
}
var import_re27, ajvModule2, yaml4, CONFIG_NAMES, ConfigError, validators2, Locator;
var init_load = __esm({
  "dist/src/config/load.js"() {
    "use strict";
    init_node_fs();
    init_safe_fs();
    init_problem_kind();
    init_node_path();
    import_re27 = __toESM(require_re2(), 1);
    init_lazy_require();
    init_rule_set();
    init_schema3();
    init_settings();
    ajvModule2 = lazyRequire("ajv");
    yaml4 = lazyRequire("yaml");
    CONFIG_NAMES = [".keyhound.yaml", ".keyhound.yml"];
    ConfigError = class extends Error {
      file;
      line;
      key;
      detail;
      constructor(file, line, key, detail) {
        super(`${file}${line ? `:${line}` : ""}: ${key ? `${key}: ` : ""}${detail}`);
        this.file = file;
        this.line = line;
        this.key = key;
        this.detail = detail;
        this.name = "ConfigError";
      }
    };
    validators2 = null;
    Locator = class {
      doc;
      lines;
      constructor(doc, lines2) {
        this.doc = doc;
        this.lines = lines2;
      }
      node(path) {
        let n = this.doc.contents;
        for (const seg of path) {
          if (yaml4().isMap(n)) {
            const pair = n.items.find((p) => yaml4().isPair(p) && yaml4().isScalar(p.key) && String(p.key.value) === seg);
            n = pair?.value;
          } else if (yaml4().isSeq(n)) {
            n = n.items[Number(seg)];
          } else
            return void 0;
        }
        return n;
      }
      /** Line of the value at `path`, or of its key for a missing/unknown key; falls back to the parent. */
      line(path, keyOf) {
        for (let i = path.length; i >= 0; i--) {
          const n = this.node(path.slice(0, i));
          if (keyOf !== void 0 && i === path.length && yaml4().isMap(n)) {
            const pair = n.items.find((p) => yaml4().isPair(p) && yaml4().isScalar(p.key) && String(p.key.value) === keyOf);
            const k = pair?.key;
            if (k?.range)
              return this.lines.linePos(k.range[0]).line;
          }
          if (n?.range)
            return this.lines.linePos(n.range[0]).line;
        }
        return void 0;
      }
    };
  }
});

// dist/src/util/keyed-fingerprint.js
var keyed_fingerprint_exports = {};
__export(keyed_fingerprint_exports, {
  FINGERPRINT_KEY_ENV: () => FINGERPRINT_KEY_ENV,
  FINGERPRINT_KEY_FILE: () => FINGERPRINT_KEY_FILE,
  fingerprintKey: () => fingerprintKey,
  fingerprintKeyFile: () => fingerprintKeyFile,
  keyedFingerprint: () => keyedFingerprint,
  publishFingerprints: () => publishFingerprints,
  setFingerprintKeyStore: () => setFingerprintKeyStore
});
function setFingerprintKeyStore(kind) {
  store = kind;
  cached = void 0;
}
function fingerprintKeyFile(env = process.env) {
  return join(stateDir(env), FINGERPRINT_KEY_FILE);
}
function createKeyFile(file) {
  ensureDir(join(file, ".."), 448);
  const tmp = `${file}.${process.pid}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 384);
  try {
    writeSync(fd, nodeCrypto().randomBytes(32).toString("hex") + "\n");
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, file);
  } catch (e) {
    if (e.code !== "EEXIST")
      throw e;
  } finally {
    unlinkSync(tmp);
  }
}
function fingerprintKey(env = process.env) {
  const fromEnv = env[FINGERPRINT_KEY_ENV];
  if (fromEnv)
    return { key: Buffer.from(fromEnv, "utf8"), source: "env" };
  if (cached)
    return cached;
  const file = fingerprintKeyFile(env);
  if (store === "memory") {
    cached = { key: nodeCrypto().randomBytes(32), source: "ephemeral" };
    return cached;
  }
  try {
    let text = readTextIfExists(file, { maxBytes: 4096, what: "fingerprint key" });
    if (text === void 0) {
      createKeyFile(file);
      text = readTextIfExists(file, { maxBytes: 4096, what: "fingerprint key" }) ?? "";
    }
    const hex = text.trim();
    if (!/^[0-9a-f]{32,}$/i.test(hex))
      throw new Error(`${file}: not a keyhound fingerprint key (64 hex digits); move it away to start afresh`);
    cached = { key: Buffer.from(hex, "hex"), source: "file", file };
  } catch (e) {
    const why = e.code ?? e.message;
    cached = {
      key: nodeCrypto().randomBytes(32),
      source: "ephemeral",
      warning: `fingerprint key ${file} not usable (${why}): fingerprints hold for this run only (set ${FINGERPRINT_KEY_ENV})`
    };
  }
  return cached;
}
function keyedFingerprint(key, ruleId2, secret) {
  return nodeCrypto().createHmac("sha256", key).update(`keyhound:v2\0${ruleId2}\0${secret}`, "utf8").digest("hex").slice(0, 32);
}
function publishFingerprints(findings, key = fingerprintKey()) {
  const done = /* @__PURE__ */ new WeakSet();
  const map = /* @__PURE__ */ new Map();
  const todo = findings.filter((f) => !published.has(f) && f.secret);
  for (const f of todo)
    map.set(f.fingerprint, keyedFingerprint(key.key, f.ruleId, f.secret));
  for (const f of todo) {
    if (done.has(f))
      continue;
    done.add(f);
    f.fingerprint = map.get(f.fingerprint);
    if (f.related)
      f.related = f.related.map((r) => map.get(r)).filter((r) => r !== void 0);
    published.add(f);
  }
  return key.warning;
}
var FINGERPRINT_KEY_ENV, FINGERPRINT_KEY_FILE, store, cached, published;
var init_keyed_fingerprint = __esm({
  "dist/src/util/keyed-fingerprint.js"() {
    "use strict";
    init_lazy_require();
    init_node_fs();
    init_node_path();
    init_safe_fs();
    init_state_dir();
    FINGERPRINT_KEY_ENV = "KEYHOUND_FINGERPRINT_KEY";
    FINGERPRINT_KEY_FILE = "fingerprint.key";
    store = "file";
    published = /* @__PURE__ */ new WeakSet();
  }
});

// dist/src/pipeline/names.js
function redactNames(findings, stats, secrets) {
  const list = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (list.length === 0)
    return;
  const clean = (t) => {
    let out = t;
    for (const s of list)
      if (out.includes(s))
        out = out.split(s).join(redact(s));
    return out;
  };
  for (const f of findings) {
    f.file = clean(f.file);
    if (f.commit) {
      if (f.commit.subject)
        f.commit.subject = clean(f.commit.subject);
      if (f.commit.paths)
        f.commit.paths = f.commit.paths.map(clean);
    }
  }
  stats.warnings = stats.warnings.map(clean);
}
var BATCH_BYTES, LONG_RUN, NameScan;
var init_names2 = __esm({
  "dist/src/pipeline/names.js"() {
    "use strict";
    init_redact();
    BATCH_BYTES = 1024 * 1024;
    LONG_RUN = /[^\s/\\.]{12,}/;
    NameScan = class {
      paths = /* @__PURE__ */ new Set();
      messages = [];
      addPath(path) {
        if (path && path !== "-" && LONG_RUN.test(path))
          this.paths.add(path);
      }
      add(names) {
        for (const p of names.paths ?? [])
          this.addPath(p);
        for (const m13 of names.messages ?? [])
          if (LONG_RUN.test(m13.text))
            this.messages.push(m13);
      }
      /** Scans the names; returns the findings in them and the secrets found (for redaction). */
      async scan(scanner) {
        const items = [
          ...[...this.paths].map((path) => ({ kind: "path", path })),
          ...this.messages.map((message2) => ({ kind: "message", message: message2 }))
        ];
        const out = [];
        const secrets = /* @__PURE__ */ new Set();
        for (let i = 0; i < items.length; ) {
          const batch = [];
          let text = "";
          let line = 1;
          while (i < items.length && (text.length < BATCH_BYTES || batch.length === 0)) {
            const item = items[i++];
            const t = item.kind === "path" ? item.path.replace(/[\r\n]/g, " ") : item.message.text.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
            const lines2 = t.split("\n").length;
            batch.push({ item, firstLine: line, lines: lines2 });
            text += t + "\n\n";
            line += lines2 + 1;
          }
          const outcome = await scanner.scan({ path: "names", data: Buffer.from(text, "utf8") });
          for (const f of outcome.findings) {
            const at = batch.find((b) => f.line >= b.firstLine && f.line < b.firstLine + b.lines);
            if (!at)
              continue;
            secrets.add(f.secret);
            const inLine = f.line - at.firstLine + 1;
            if (at.item.kind === "path") {
              out.push({ ...f, file: at.item.path, line: 1, endLine: 1, messageData: { ...f.messageData, in: "a file or folder name" } });
            } else {
              const c = at.item.message.commit;
              out.push({
                ...f,
                file: "COMMIT_EDITMSG",
                line: inLine,
                endLine: f.endLine - at.firstLine + 1,
                commit: { sha: c.sha, author: c.author, email: c.email, date: c.date, subject: c.subject },
                messageData: { ...f.messageData, in: `the message of commit ${c.sha.slice(0, 12)}` }
              });
            }
          }
        }
        return { findings: out, secrets: [...secrets] };
      }
    };
  }
});

// dist/src/pipeline/scan.js
function place(chunk, findings) {
  const kept = chunk.lines ? findings.filter((f) => chunk.lines.has(f.line)) : findings;
  if (chunk.commit)
    for (const f of kept)
      f.commit = chunk.commit;
  return kept;
}
async function runScan(sources, scanner, opts = {}) {
  const started = Date.now();
  const stats = emptyStats();
  const findings = [];
  const blobMatches = /* @__PURE__ */ new Map();
  const events = {
    warn: (m13) => stats.warnings.push(m13),
    skipped: (kind, path) => {
      stats.skipped[kind]++;
      if (kind === "ignored")
        stats.ignoredPaths.push(path);
    },
    ignoredScanned: (path) => void stats.ignoredScanned.push(path)
  };
  let lastProgress = Date.now();
  const gate2 = new Gate(Math.max(1, opts.inflight ?? 1));
  const names = new NameScan();
  for (const source of sources) {
    for await (const chunk of source.chunks(events)) {
      names.addPath(chunk.path);
      await gate2.enter();
      scanner.scan(chunk).then((o) => {
        if (o.warning)
          stats.warnings.push(o.warning);
        if (o.skipped)
          return void stats.skipped[o.skipped]++;
        stats.files++;
        stats.bytes += o.bytes;
        if (chunk.blob === void 0)
          findings.push(...place(chunk, o.findings));
        else if (o.findings.length > 0)
          blobMatches.set(chunk.blob, o.findings);
      }, (e) => void stats.warnings.push(`could not scan ${chunk.path}: ${e.message}`)).finally(() => gate2.leave());
      if (opts.onProgress && Date.now() - lastProgress > 250) {
        lastProgress = Date.now();
        opts.onProgress(stats);
      }
    }
    if (source.names)
      names.add(source.names());
  }
  await gate2.drain();
  const named2 = await names.scan(scanner);
  findings.push(...named2.findings);
  const result = { findings: [], stats, blobMatches, nameSecrets: named2.secrets };
  addFindings(result, findings);
  stats.durationMs = Date.now() - started;
  return result;
}
function addFindings(result, more) {
  redactNames(more, result.stats, result.nameSecrets ?? []);
  if (more.length > 0) {
    const warning = publishFingerprints(more);
    if (warning && !result.stats.warnings.includes(warning))
      result.stats.warnings.push(warning);
  }
  result.findings.push(...more);
  result.findings.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);
  for (const f of more)
    result.stats.findings[f.severity]++;
}
async function joinProvenance(result, source) {
  addFindings(result, await source.provenance(result.blobMatches ?? /* @__PURE__ */ new Map(), result.stats));
}
var Gate;
var init_scan = __esm({
  "dist/src/pipeline/scan.js"() {
    "use strict";
    init_finding();
    init_keyed_fingerprint();
    init_names2();
    Gate = class {
      limit;
      active = 0;
      waiters = [];
      constructor(limit) {
        this.limit = limit;
      }
      async enter() {
        while (this.active >= this.limit)
          await new Promise((r) => this.waiters.push(r));
        this.active++;
      }
      leave() {
        this.active--;
        this.waiters.shift()?.();
        if (this.active === 0)
          for (const w of this.waiters.splice(0))
            w();
      }
      async drain() {
        while (this.active > 0)
          await new Promise((r) => this.waiters.push(r));
      }
    };
  }
});

// builtin:node:worker_threads
var m10, Worker, parentPort, workerData;
var init_node_worker_threads = __esm({
  "builtin:node:worker_threads"() {
    m10 = __require("node:worker_threads");
    ({ Worker, parentPort, workerData } = m10);
  }
});

// dist/src/sources/types.js
function looksBinary(data) {
  return data.subarray(0, 8e3).includes(0);
}
function utf16Order(data) {
  if (data.length >= 2 && data[0] === 255 && data[1] === 254)
    return "le";
  if (data.length >= 2 && data[0] === 254 && data[1] === 255)
    return "be";
  const n = Math.min(data.length, 8e3) & ~1;
  if (n < 8)
    return void 0;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0)
      zeroEven++;
    if (data[i + 1] === 0)
      zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.7 && zeroEven <= pairs * 0.02)
    return "le";
  if (zeroEven >= pairs * 0.7 && zeroOdd <= pairs * 0.02)
    return "be";
  return void 0;
}
function asText(data) {
  if (!looksBinary(data))
    return data;
  const order = utf16Order(data);
  if (!order)
    return void 0;
  let body = data.subarray(0, data.length & ~1);
  if (order === "be")
    body = Buffer.from(body).swap16();
  let text = body.toString("utf16le");
  if (text.charCodeAt(0) === 65279)
    text = text.slice(1);
  const out = Buffer.from(text, "utf8");
  return looksBinary(out) ? void 0 : out;
}
var init_types4 = __esm({
  "dist/src/sources/types.js"() {
    "use strict";
  }
});

// dist/src/sources/read-file.js
function readSourceFile(file, path, maxSize, into) {
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { skipped: "unreadable", warning: `cannot read ${path}: ${e.code ?? e.message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return { skipped: "unreadable", warning: `skipped ${path}: not a regular file` };
    if (st.size > maxSize) {
      return { skipped: "tooLarge", warning: `skipped ${path}: ${st.size} bytes is over --max-file-size ${maxSize}` };
    }
    const data = into ? into.take(st.size) : Buffer.allocUnsafeSlow(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, data, off, st.size - off, null);
      if (n === 0)
        break;
      off += n;
    }
    const got = off === st.size ? data : data.subarray(0, off);
    const text = asText(got);
    if (!text)
      return { skipped: "binary" };
    return { data: text };
  } catch (e) {
    return { skipped: "unreadable", warning: `cannot read ${path}: ${e.code ?? e.message}` };
  } finally {
    closeSync(fd);
  }
}
var REUSED_MAX, ReadBuffer;
var init_read_file = __esm({
  "dist/src/sources/read-file.js"() {
    "use strict";
    init_node_fs();
    init_types4();
    REUSED_MAX = 8 * 1024 * 1024;
    ReadBuffer = class {
      buf = Buffer.allocUnsafeSlow(0);
      take(size) {
        if (size > REUSED_MAX)
          return Buffer.allocUnsafeSlow(size);
        if (this.buf.length < size)
          this.buf = Buffer.allocUnsafeSlow(Math.min(REUSED_MAX, Math.max(size, 64 * 1024, this.buf.length * 2)));
        return this.buf.subarray(0, size);
      }
    };
  }
});

// dist/src/pipeline/chunk-scanner.js
function scanChunk(engine, chunk, maxFileSize, reuse) {
  let data = chunk.data;
  if (!data) {
    if (!chunk.file)
      return { findings: [], bytes: 0 };
    const read2 = readSourceFile(chunk.file, chunk.path, maxFileSize, reuse);
    if (!("data" in read2))
      return { findings: [], bytes: 0, ...read2 };
    data = read2.data;
  }
  return { findings: engine.scan(data, chunk.path), bytes: data.length };
}
function createEngine(ruleSet) {
  return new Engine(ruleSet.rules, { validators, wellKnownConstant, knownPublic: ruleSet.knownPublic });
}
var InlineScanner;
var init_chunk_scanner = __esm({
  "dist/src/pipeline/chunk-scanner.js"() {
    "use strict";
    init_scanner();
    init_read_file();
    init_validators();
    InlineScanner = class {
      maxFileSize;
      engine;
      reuse = new ReadBuffer();
      constructor(ruleSet, maxFileSize = Infinity) {
        this.maxFileSize = maxFileSize;
        this.engine = createEngine(ruleSet);
      }
      async scan(chunk) {
        return scanChunk(this.engine, chunk, this.maxFileSize, this.reuse);
      }
      async close() {
      }
    };
  }
});

// dist/src/pipeline/worker-pool.js
var WORKER, BATCH, INLINE_BYTES, INLINE_FILES, AdaptiveScanner;
var init_worker_pool = __esm({
  "dist/src/pipeline/worker-pool.js"() {
    "use strict";
    init_node_os();
    init_node_worker_threads();
    init_chunk_scanner();
    WORKER = new URL(import.meta.url.endsWith(".mjs") ? "./scan-worker.mjs" : "./scan-worker.js", import.meta.url);
    BATCH = 32;
    INLINE_BYTES = 4 * 1024 * 1024;
    INLINE_FILES = 200;
    AdaptiveScanner = class {
      ruleSet;
      maxFileSize;
      threads;
      inline;
      slots = null;
      waiting = /* @__PURE__ */ new Map();
      nextId = 0;
      seenBytes = 0;
      seenFiles = 0;
      broken = null;
      /** Whether the first chunks were placed (this thread or the workers). */
      decided = false;
      held = [];
      constructor(ruleSet, maxFileSize, threads = Math.max(1, Math.min(availableParallelism(), 8))) {
        this.ruleSet = ruleSet;
        this.maxFileSize = maxFileSize;
        this.threads = threads;
        this.inline = new InlineScanner(ruleSet, maxFileSize);
      }
      /** Chunks worth keeping in flight so every worker stays busy. */
      get inflight() {
        return this.threads * BATCH * 3;
      }
      scan(chunk) {
        this.seenBytes += chunk.data?.length ?? 0;
        this.seenFiles += chunk.file ? 1 : 0;
        if (this.threads < 2 || this.broken)
          return this.inline.scan(chunk);
        if (this.slots)
          return this.toWorker(chunk);
        if (!this.small()) {
          this.start();
          return this.toWorker(chunk);
        }
        if (this.decided)
          return this.inline.scan(chunk);
        return new Promise((resolve3, reject) => {
          this.held.push({ chunk, resolve: resolve3, reject });
          if (this.held.length === 1)
            setImmediate(() => this.decide());
          if (this.held.length >= this.inflight)
            this.decide();
        });
      }
      small() {
        return this.seenBytes < INLINE_BYTES && this.seenFiles < INLINE_FILES;
      }
      decide() {
        if (this.decided)
          return;
        this.decided = true;
        const held = this.held.splice(0);
        const large = held.length >= this.inflight || !this.small();
        if (large && !this.slots)
          this.start();
        for (const h of held)
          (this.slots ? this.toWorker(h.chunk) : this.inline.scan(h.chunk)).then(h.resolve, h.reject);
      }
      toWorker(chunk) {
        const slot = this.slots.reduce((a, b) => b.busy < a.busy ? b : a);
        const id = this.nextId++;
        slot.busy++;
        let data;
        let transfer = [];
        const d = chunk.data;
        if (d) {
          const owns = d.byteOffset === 0 && d.buffer.byteLength === d.byteLength && !(d.buffer instanceof SharedArrayBuffer);
          data = owns ? new Uint8Array(d.buffer, 0, d.byteLength) : new Uint8Array(d);
          transfer = [data.buffer];
        }
        return new Promise((resolve3, reject) => {
          const done = () => slot.busy--;
          this.waiting.set(id, {
            resolve: (o) => (done(), resolve3(o)),
            reject: (e) => (done(), reject(e))
          });
          slot.batch.push({ id, path: chunk.path, file: chunk.file, data });
          slot.transfer.push(...transfer);
          if (slot.batch.length >= BATCH)
            this.flush(slot);
          else if (slot.batch.length === 1)
            setImmediate(() => this.flush(slot));
        });
      }
      flush(slot) {
        if (slot.batch.length === 0)
          return;
        const batch = slot.batch;
        const transfer = slot.transfer;
        slot.batch = [];
        slot.transfer = [];
        const msg = {
          ids: batch.map((r) => r.id),
          paths: batch.map((r) => r.path).join("\0"),
          files: batch.map((r) => r.file ?? "").join("\0"),
          data: batch.map((r) => r.data ?? null)
        };
        slot.worker.postMessage(msg, transfer);
      }
      start() {
        this.slots = [];
        for (let i = 0; i < this.threads; i++) {
          const worker = new Worker(WORKER, {
            workerData: { ruleSet: this.ruleSet, maxFileSize: this.maxFileSize }
          });
          worker.on("message", ({ clean, rest }) => {
            for (let i2 = 0; i2 < clean.length; i2 += 2) {
              const id = clean[i2];
              const w = this.waiting.get(id);
              if (!w)
                continue;
              this.waiting.delete(id);
              w.resolve({ findings: [], bytes: clean[i2 + 1] });
            }
            for (const msg of rest) {
              const w = this.waiting.get(msg.id);
              if (!w)
                continue;
              this.waiting.delete(msg.id);
              if (msg.error !== void 0 || !msg.outcome)
                w.reject(new Error(msg.error ?? "no result"));
              else
                w.resolve(msg.outcome);
            }
          });
          worker.on("error", (e) => this.fail(e));
          this.slots.push({ worker, busy: 0, batch: [], transfer: [] });
        }
      }
      /** A dead worker fails its pending chunks (each becomes a warning); later chunks scan inline. */
      fail(e) {
        this.broken = e;
        for (const [id, w] of this.waiting) {
          this.waiting.delete(id);
          w.reject(new Error(`worker failed: ${e.message}`));
        }
      }
      async close() {
        const slots = this.slots ?? [];
        this.slots = null;
        await Promise.all(slots.map((s) => s.worker.terminate()));
      }
    };
  }
});

// dep:ignore
var require_ignore = __commonJS({
  "dep:ignore"(exports, module) {
    module.exports = __require("ignore");
  }
});

// dist/src/suppress/ignore-file.js
function pathMatcher(lines2) {
  const ig = (0, import_ignore.default)().add(lines2);
  return (file) => {
    if (!file || file === "-" || file.startsWith("../") || file.startsWith("/"))
      return false;
    try {
      return ig.ignores(file);
    } catch {
      return false;
    }
  };
}
function loadIgnoreFile(root, warn = () => {
}) {
  let text;
  try {
    text = readTextIfExists(join(root, IGNORE_FILE));
  } catch (e) {
    warn(`${IGNORE_FILE} not used: ${e.message}`);
    return null;
  }
  return text === void 0 ? null : pathMatcher(text);
}
var import_ignore, IGNORE_FILE;
var init_ignore_file = __esm({
  "dist/src/suppress/ignore-file.js"() {
    "use strict";
    init_safe_fs();
    init_node_path();
    import_ignore = __toESM(require_ignore(), 1);
    IGNORE_FILE = ".keyhoundignore";
  }
});

// dist/src/suppress/allow.js
function allowMatcher(entries2) {
  const compiled2 = entries2.map((entry2) => {
    let test;
    if (entry2.value !== void 0) {
      const want = entry2.value.trim();
      test = (s) => s.trim() === want;
    } else if (entry2.pattern !== void 0) {
      const re = new import_re28.default(entry2.pattern, "u");
      test = (s) => re.test(s);
    } else {
      const fp = entry2.fingerprint.toLowerCase();
      test = (_s, f) => f.startsWith(fp);
    }
    return {
      entry: entry2,
      test,
      rules: entry2.rules ? new Set(entry2.rules) : null,
      paths: entry2.paths ? pathMatcher(entry2.paths) : null
    };
  });
  return (f) => {
    for (const c of compiled2) {
      if (c.rules && !c.rules.has(f.ruleId))
        continue;
      if (c.paths && !c.paths(f.file))
        continue;
      if (c.test(f.secret, f.fingerprint))
        return c.entry;
    }
    return void 0;
  };
}
var import_re28;
var init_allow = __esm({
  "dist/src/suppress/allow.js"() {
    "use strict";
    import_re28 = __toESM(require_re2(), 1);
    init_ignore_file();
  }
});

// dist/src/suppress/baseline.js
function detailOf2(e, file) {
  const errno = e.errno;
  if (errno)
    return errno;
  const m13 = e.message ?? String(e);
  return m13.startsWith(`${file}: `) ? m13.slice(file.length + 2) : e.code ?? m13;
}
var BASELINE_VERSION, BASELINE_MAX_BYTES, BaselineError, Baseline;
var init_baseline = __esm({
  "dist/src/suppress/baseline.js"() {
    "use strict";
    init_keyed_fingerprint();
    init_lazy_require();
    init_safe_fs();
    BASELINE_VERSION = 2;
    BASELINE_MAX_BYTES = 64 * 1024 * 1024;
    BaselineError = class extends Error {
      constructor(file, detail) {
        super(`${file}: ${detail}`);
        this.name = "BaselineError";
      }
    };
    Baseline = class _Baseline {
      entries;
      salt;
      constructor(entries2, salt) {
        this.entries = entries2;
        this.salt = salt;
      }
      static empty() {
        return new _Baseline([]);
      }
      static parse(text, file) {
        let data;
        try {
          data = JSON.parse(text);
        } catch {
          throw new BaselineError(file, "not a keyhound baseline (invalid JSON)");
        }
        if (data?.keyhound !== "baseline" || !Array.isArray(data.entries)) {
          throw new BaselineError(file, 'not a keyhound baseline (expected {"keyhound": "baseline", "version", "entries"})');
        }
        if (data.version === 1 && typeof data.salt !== "string")
          throw new BaselineError(file, 'version 1 baseline without "salt"');
        if (data.version !== 1 && data.version !== BASELINE_VERSION) {
          throw new BaselineError(file, `baseline version ${String(data.version)} is not supported (expected ${BASELINE_VERSION})`);
        }
        for (const e of data.entries) {
          if (typeof e?.fingerprint !== "string" || !/^[0-9a-f]{64}$/.test(e.fingerprint)) {
            throw new BaselineError(file, 'an entry has no valid "fingerprint"');
          }
        }
        return new _Baseline(data.entries, data.version === 1 ? data.salt : void 0);
      }
      static read(file) {
        let text;
        try {
          text = readRegularFile(file, { maxBytes: BASELINE_MAX_BYTES }).toString("utf8");
        } catch (e) {
          throw new BaselineError(file, `cannot read baseline: ${detailOf2(e, file)}`);
        }
        return _Baseline.parse(text, file);
      }
      /** The keyed fingerprint of a finding's content: rule id and secret, nothing else. */
      fingerprintOf(f) {
        if (this.salt !== void 0)
          return nodeCrypto().createHmac("sha256", this.salt).update(`keyhound-baseline:v1\0${f.ruleId}\0${f.secret}`).digest("hex");
        return nodeCrypto().createHmac("sha256", fingerprintKey().key).update(`keyhound-baseline:v2\0${f.ruleId}\0${f.secret}`).digest("hex");
      }
      /** A (version 2) baseline of these findings. */
      withFindings(findings) {
        const fresh = new _Baseline([]);
        const entries2 = findings.map((f) => ({ fingerprint: fresh.fingerprintOf(f), rule: f.ruleId, file: f.file, line: f.line })).sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
        return new _Baseline(entries2);
      }
      /**
       * Splits findings into those the baseline covers and new ones. One entry covers one occurrence:
       * a moved or renamed secret keeps its entry, a second copy of a baselined secret is new, and a
       * different secret on a baselined line is new (the fingerprint is the content, not the place).
       * Entries are given to the finding at the same file and line first, then the same file, then any.
       */
      match(findings) {
        const byFp = /* @__PURE__ */ new Map();
        for (const e of this.entries) {
          const list = byFp.get(e.fingerprint);
          if (list)
            list.push(e);
          else
            byFp.set(e.fingerprint, [e]);
        }
        const fps = findings.map((f) => this.fingerprintOf(f));
        const owner = new Array(findings.length);
        const used = /* @__PURE__ */ new Set();
        const passes = [
          (e, f) => e.file === f.file && e.line === f.line,
          (e, f) => e.file === f.file,
          () => true
        ];
        for (const ok of passes) {
          findings.forEach((f, i) => {
            if (owner[i])
              return;
            const e = byFp.get(fps[i])?.find((x) => !used.has(x) && ok(x, f));
            if (e) {
              owner[i] = e;
              used.add(e);
            }
          });
        }
        const known2 = [];
        const fresh = [];
        const pairs = [];
        findings.forEach((f, i) => {
          const e = owner[i];
          if (e) {
            known2.push(f);
            pairs.push([f, e]);
          } else
            fresh.push(f);
        });
        return { known: known2, fresh, pairs };
      }
      /** Entries some finding still matches, their hints moved to where the finding is now. */
      pruned(findings) {
        const { pairs } = this.match(findings);
        const entries2 = pairs.map(([f, e]) => ({ fingerprint: e.fingerprint, rule: e.rule, file: f.file, line: f.line })).sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
        return { baseline: new _Baseline(entries2, this.salt), dropped: this.entries.length - entries2.length };
      }
      toJSON() {
        if (this.salt !== void 0)
          return { keyhound: "baseline", version: 1, salt: this.salt, entries: this.entries };
        return { keyhound: "baseline", version: BASELINE_VERSION, entries: this.entries };
      }
      write(file) {
        try {
          writeFileSafe(file, JSON.stringify(this.toJSON(), null, 2) + "\n");
        } catch (e) {
          throw new BaselineError(file, `cannot write baseline: ${detailOf2(e, file)}`);
        }
      }
    };
  }
});

// dist/src/suppress/index.js
var suppress_exports = {};
__export(suppress_exports, {
  Baseline: () => Baseline,
  BaselineError: () => BaselineError,
  IGNORE_FILE: () => IGNORE_FILE,
  Suppressor: () => Suppressor,
  applySuppression: () => applySuppression,
  loadIgnoreFile: () => loadIgnoreFile,
  pathMatcher: () => pathMatcher
});
function applySuppression(result, opts) {
  const s = opts instanceof Suppressor ? opts : new Suppressor(opts);
  result.findings = s.apply(result.findings, result.stats);
  return s.finish();
}
var Suppressor;
var init_suppress = __esm({
  "dist/src/suppress/index.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_allow();
    init_baseline();
    init_ignore_file();
    init_baseline();
    init_ignore_file();
    Suppressor = class {
      opts;
      ignored;
      allowed;
      baseline;
      toWrite = null;
      /** Problems met while preparing (an unreadable .keyhoundignore), for the scan's warnings. */
      warnings = [];
      constructor(opts) {
        this.opts = opts;
        this.ignored = opts.ignoreFile === false ? null : loadIgnoreFile(opts.root, (m13) => this.warnings.push(m13));
        this.allowed = allowMatcher(opts.allow ?? []);
        this.baseline = null;
        if (opts.baseline) {
          const same2 = opts.writeBaseline && resolve(opts.writeBaseline) === resolve(opts.baseline);
          if (!(same2 && !existsSync(opts.baseline)))
            this.baseline = Baseline.read(opts.baseline);
        }
      }
      /** Which suppression covers a finding, if any (baselines aside). */
      reason(f) {
        if (f.suppressed === "inline")
          return "inline";
        if (this.ignored?.(f.file))
          return "ignoreFile";
        if (this.allowed(f))
          return "allow";
        return void 0;
      }
      /**
       * Drops suppressed findings, counts them in `stats.suppressed`, recounts `stats.findings`.
       * With --write-baseline the surviving findings become the new baseline (so they are then baselined).
       */
      apply(findings, stats) {
        const counts = stats.suppressed;
        stats.warnings.push(...this.warnings.splice(0));
        let kept = [];
        for (const f of findings) {
          const why = this.reason(f);
          if (!why) {
            kept.push(f);
            continue;
          }
          f.suppressed = why;
          if (this.opts.noSuppress)
            kept.push(f);
          else
            counts[why]++;
        }
        if (this.opts.writeBaseline) {
          this.toWrite = Baseline.empty().withFindings(kept.filter((f) => !f.suppressed || this.opts.noSuppress));
          this.baseline = this.toWrite;
        }
        if (this.baseline) {
          const { known: known2, fresh } = this.baseline.match(kept.filter((f) => !f.suppressed));
          for (const f of known2)
            f.suppressed = "baseline";
          if (!this.opts.noSuppress) {
            counts.baseline += known2.length;
            kept = fresh;
          }
        }
        stats.findings = { error: 0, warning: 0, note: 0 };
        for (const f of kept)
          stats.findings[f.severity]++;
        return kept;
      }
      /** Writes the baseline when --write-baseline was given. */
      finish() {
        if (!this.opts.writeBaseline || !this.toWrite)
          return {};
        this.toWrite.write(this.opts.writeBaseline);
        return { wroteBaseline: { file: this.opts.writeBaseline, entries: this.toWrite.entries.length } };
      }
    };
  }
});

// dist/src/session/scan-session.js
var scan_session_exports = {};
__export(scan_session_exports, {
  openScanSession: () => openScanSession
});
function openScanSession(req) {
  guardTree(req.root);
  const { ruleSet, settings: config } = loadConfig(req.root, req.config, { extraRules: req.rules ?? [] });
  const settings = { ...decideSettings(req.given, config), config };
  if (config.exclude.length > 0)
    settings.isExcluded = pathMatcher(config.exclude);
  const suppressor = new Suppressor({ root: req.root, allow: config.allow, ...req.suppression, baseline: settings.baseline });
  const scanner = (threads) => new AdaptiveScanner(ruleSet, settings.maxFileSize, threads);
  const scan = async (sources, opts = {}) => {
    const chunks = scanner(opts.threads);
    try {
      return await runScan(sources, chunks, { onProgress: opts.onProgress, inflight: chunks.inflight });
    } finally {
      await chunks.close();
    }
  };
  const suppress = (result) => {
    const findings = suppressor.apply(result.findings, result.stats);
    return { findings, stats: result.stats, suppression: suppressor.finish() };
  };
  return {
    root: req.root,
    ruleSet,
    settings,
    suppressor,
    scanner,
    scan,
    suppress,
    run: async (sources, opts) => suppress(await scan(sources, opts)),
    runHistory: async (source, opts) => {
      const scanned = await scan([source], opts);
      await joinProvenance(scanned, source);
      return suppress(scanned);
    }
  };
}
var init_scan_session = __esm({
  "dist/src/session/scan-session.js"() {
    "use strict";
    init_load();
    init_settings();
    init_scan();
    init_worker_pool();
    init_suppress();
    init_safe_fs();
  }
});

// builtin:node:fs/promises
var m11, stat;
var init_promises = __esm({
  "builtin:node:fs/promises"() {
    m11 = __require("node:fs/promises");
    ({ stat } = m11);
  }
});

// dist/src/sources/gitignore-filter.js
function loadGitignore(root, dir, warn) {
  const file = posix.join(dir, ".gitignore");
  let text;
  try {
    text = readTextIfExists(posix.join(root, file));
  } catch (e) {
    if (e.errno !== void 0)
      return void 0;
    warn(`${file} not used: ${e.message.replace(`${posix.join(root, file)}: `, "")}`);
    return void 0;
  }
  return text === void 0 ? void 0 : { dir, rules: (0, import_ignore2.default)().add(text) };
}
function gitignores(chain, rel) {
  for (let i = chain.length - 1; i >= 0; i--) {
    const { dir, rules } = chain[i];
    const sub = dir === "" ? rel : rel.slice(dir.length + 1);
    if (!sub)
      continue;
    const r = rules.test(sub);
    if (r.ignored)
      return true;
    if (r.unignored)
      return false;
  }
  return false;
}
var import_ignore2;
var init_gitignore_filter = __esm({
  "dist/src/sources/gitignore-filter.js"() {
    "use strict";
    init_safe_fs();
    init_node_path();
    import_ignore2 = __toESM(require_ignore(), 1);
  }
});

// dist/src/sources/secret-file-names.js
function namedLikeSecret(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return NAMES.some((re) => re.test(base));
}
var NAMES;
var init_secret_file_names = __esm({
  "dist/src/sources/secret-file-names.js"() {
    "use strict";
    NAMES = [
      /^\.env(\..+)?$/i,
      // .env, .env.local, .env.production
      /\.env$/i,
      // prod.env
      /\.(pem|key|p8|p12|pfx|jks|keystore|ppk|kdbx|asc\.key)$/i,
      /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/i,
      // ssh private keys (not the .pub)
      /\.tfvars(\.json)?$/i,
      /\.tfstate(\.backup)?$/i,
      /^(\.?credentials|secrets?)(\.[a-z0-9]+)?$/i,
      /credentials?\.(json|ya?ml|toml|ini|txt)$/i,
      /^service[-_]?account.*\.json$/i,
      /^\.(npmrc|pypirc|netrc|git-credentials|dockercfg|pgpass|s3cfg)$/i,
      /keystore/i,
      /^UTC--\d{4}-/,
      // go-ethereum keystore files
      /wallet/i,
      /^(mnemonic|seed-?phrase|seed)(\.[a-z0-9]+)?$/i
    ];
  }
});

// dist/src/sources/filesystem.js
var filesystem_exports = {};
__export(filesystem_exports, {
  FilesystemSource: () => FilesystemSource,
  StdinSource: () => StdinSource
});
function toPosix(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}
function safeRealpath(p) {
  try {
    return realpathSync(p);
  } catch {
    return void 0;
  }
}
var VCS_DIRS, MAX_LINK_DEPTH, FilesystemSource, StdinSource;
var init_filesystem = __esm({
  "dist/src/sources/filesystem.js"() {
    "use strict";
    init_node_fs();
    init_promises();
    init_node_path();
    init_skip_paths();
    init_gitignore_filter();
    init_secret_file_names();
    init_types4();
    VCS_DIRS = /* @__PURE__ */ new Set([".git", ".hg", ".svn"]);
    MAX_LINK_DEPTH = 40;
    FilesystemSource = class {
      opts;
      constructor(opts) {
        this.opts = opts;
      }
      /** Yields file references; the scanner reads them (in worker threads for large scans). */
      async *chunks(events) {
        const root = resolve(this.opts.root);
        const rel = (abs) => toPosix(relative(root, abs)) || basename(abs);
        for (const p of this.opts.paths) {
          const abs = resolve(p);
          let st;
          try {
            st = await stat(abs);
          } catch (e) {
            events.warn(`cannot read ${p}: ${e.code ?? e.message}`);
            events.skipped("unreadable", p);
            continue;
          }
          if (!st.isDirectory()) {
            if (isSkippedPath(abs))
              events.skipped("lockfile", rel(abs));
            else
              yield { path: rel(abs), file: abs };
            continue;
          }
          const prefix = toPosix(relative(root, abs));
          for (const file of this.walk(abs, events))
            yield { path: prefix ? `${prefix}/${file.rel}` : file.rel, file: file.abs };
        }
      }
      /**
       * Depth-first over one folder, each folder read once (readdir with file types: no stat per entry), in
       * name order. Folders .gitignore ignores are never entered: they are named in the summary, and files
       * directly in a walked folder that it ignores are scanned when named like secrets. Symbolic links are
       * skipped unless followed; followed, each real folder and each linked file is read once.
       */
      *walk(dir, events) {
        const root = resolve(this.opts.root);
        const prefix = toPosix(relative(root, dir));
        const relRoot = (r) => prefix ? `${prefix}/${r}` : r;
        const follow = this.opts.followSymlinks;
        const seenDirs = /* @__PURE__ */ new Set();
        const seenFiles = /* @__PURE__ */ new Set();
        if (follow)
          seenDirs.add(safeRealpath(dir) ?? dir);
        const stack = [{ abs: dir, rel: "", chain: [], depth: 0 }];
        while (stack.length > 0) {
          const d = stack.pop();
          let entries2;
          try {
            entries2 = readdirSync(d.abs, { withFileTypes: true });
          } catch {
            continue;
          }
          entries2.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
          let chain = d.chain;
          if (this.opts.gitignore && entries2.some((e) => e.name === ".gitignore" && !e.isDirectory())) {
            const own = loadGitignore(dir, d.rel, (m13) => events.warn(m13));
            if (own)
              chain = [...chain, own];
          }
          const subdirs = [];
          for (const e of entries2) {
            const name2 = e.name;
            const rel = d.rel ? `${d.rel}/${name2}` : name2;
            const abs = join(d.abs, name2);
            let isDir = e.isDirectory();
            if (e.isSymbolicLink()) {
              if (!follow)
                continue;
              const real = safeRealpath(abs);
              if (!real)
                continue;
              let st;
              try {
                st = statSync(real);
              } catch {
                continue;
              }
              isDir = st.isDirectory();
              const seen = isDir ? seenDirs : seenFiles;
              if (seen.has(real) || isDir && d.depth >= MAX_LINK_DEPTH)
                continue;
              seen.add(real);
            } else if (isDir && follow) {
              const real = safeRealpath(abs);
              if (!real || seenDirs.has(real))
                continue;
              seenDirs.add(real);
            }
            if (isDir) {
              if (VCS_DIRS.has(name2))
                continue;
              if (gitignores(chain, `${rel}/`))
                events.skipped("ignored", `${relRoot(rel)}/`);
              else
                subdirs.push({ abs, rel, chain, depth: d.depth + 1 });
              continue;
            }
            const r = relRoot(rel);
            if (this.opts.isExcluded?.(r)) {
              events.skipped("ignored", r);
              continue;
            }
            if (gitignores(chain, rel) && !this.scanIgnored(rel, r, events))
              continue;
            if (isSkippedPath(name2)) {
              events.skipped("lockfile", r);
              continue;
            }
            yield { abs, rel };
          }
          for (let i = subdirs.length - 1; i >= 0; i--)
            stack.push(subdirs[i]);
        }
      }
      /** A git-ignored file: scanned when named like a secret (unless turned off), else counted and named. */
      scanIgnored(path, relRoot, events) {
        if (this.opts.ignoredSecretFiles === false || !namedLikeSecret(path)) {
          events.skipped("ignored", relRoot);
          return false;
        }
        events.ignoredScanned?.(relRoot);
        return true;
      }
    };
    StdinSource = class {
      maxSize;
      stream;
      constructor(maxSize, stream = process.stdin) {
        this.maxSize = maxSize;
        this.stream = stream;
      }
      async *chunks(events) {
        const parts = [];
        let size = 0;
        for await (const part of this.stream) {
          const b = typeof part === "string" ? Buffer.from(part) : part;
          size += b.length;
          if (size > this.maxSize) {
            events.warn(`standard input is over --max-file-size ${this.maxSize}; scanned the first ${this.maxSize} bytes`);
            parts.push(b.subarray(0, b.length - (size - this.maxSize)));
            break;
          }
          parts.push(b);
        }
        const data = asText(Buffer.concat(parts));
        if (!data) {
          events.skipped("binary", "-");
          return;
        }
        yield { path: "-", data };
      }
    };
  }
});

// dist/src/cli/commands/scan.js
var scan_exports = {};
__export(scan_exports, {
  registerScan: () => registerScan
});
function registerScan(program, setExit) {
  addReportOptions(program.command("scan").alias("dir").description('scan files and folders (default: the current folder); "-" reads standard input').argument("[paths...]", "files or folders to scan (default: the current folder)"), {
    revoke: true,
    writeBaseline: true,
    examples: [
      "keyhound scan                                 # the current folder",
      "keyhound scan src config .env                 # files and folders",
      "cat deploy.log | keyhound scan -              # standard input",
      "keyhound scan . --format sarif -o keyhound.sarif",
      "keyhound scan . --write-baseline .keyhound-baseline.json"
    ]
  }).optionsGroup("Files:").option("--no-gitignore", "also scan files that .gitignore excludes").option("--no-ignored-secret-files", "skip git-ignored files named like secrets (.env, *.pem, id_rsa \u2026) too; by default they are scanned").option("--follow-symlinks", "follow symbolic links (default: skipped)").action(async (paths, raw, cmd) => {
    const [{ openScanSession: openScanSession2 }, { FilesystemSource: FilesystemSource2, StdinSource: StdinSource2 }, { finishScan: finishScan2, progressReporter: progressReporter2 }] = await Promise.all([
      Promise.resolve().then(() => (init_scan_session(), scan_session_exports)),
      Promise.resolve().then(() => (init_filesystem(), filesystem_exports)),
      Promise.resolve().then(() => (init_output(), output_exports))
    ]);
    const opts = reportOptions(raw, cmd);
    const list = paths.length > 0 ? paths : ["."];
    const missing = list.filter((p) => p !== "-" && !lstatSync(p, { throwIfNoEntry: false }));
    if (missing.length > 0)
      throw new UsageError(`no such file or folder: ${missing.join(", ")}`);
    const root = rootOf(list);
    const session = openScanSession2(scanRequest(root, opts, raw, cmd));
    const { maxFileSize, isExcluded } = session.settings;
    const sources = [];
    const files = list.filter((p) => p !== "-");
    if (list.includes("-"))
      sources.push(new StdinSource2(maxFileSize));
    if (files.length > 0) {
      sources.push(new FilesystemSource2({ paths: files, root, gitignore: raw.gitignore !== false, ignoredSecretFiles: raw.ignoredSecretFiles !== false, followSymlinks: !!raw.followSymlinks, maxFileSize, isExcluded }));
    }
    const progress = progressReporter2(opts);
    const result = await session.run(sources, { onProgress: progress.update });
    progress.done();
    setExit(await finishScan2(result, session, opts, { command: "scan" }));
  });
}
function rootOf(paths) {
  const files = paths.filter((p) => p !== "-");
  if (files.length === 1 && statSync(files[0], { throwIfNoEntry: false })?.isDirectory())
    return resolve(files[0]);
  return process.cwd();
}
var init_scan2 = __esm({
  "dist/src/cli/commands/scan.js"() {
    "use strict";
    init_node_fs();
    init_errors();
    init_node_path();
    init_options();
  }
});

// dep:simple-git
var require_simple_git = __commonJS({
  "dep:simple-git"(exports, module) {
    module.exports = __require("simple-git");
  }
});

// builtin:node:child_process
var m12, spawn;
var init_node_child_process = __esm({
  "builtin:node:child_process"() {
    m12 = __require("node:child_process");
    ({ spawn } = m12);
  }
});

// dist/src/sources/git-process.js
var git_process_exports = {};
__export(git_process_exports, {
  GIT_READ_CONFIG: () => GIT_READ_CONFIG,
  GitError: () => GitError,
  GitStream: () => GitStream,
  HARDENED_GIT_CONFIG: () => HARDENED_GIT_CONFIG,
  NotARepositoryError: () => NotARepositoryError,
  NulSplitter: () => NulSplitter,
  firstLine: () => firstLine,
  gitEnv: () => gitEnv,
  gitText: () => gitText,
  nulTokens: () => nulTokens,
  runGit: () => runGit
});
function gitEnv(extra = {}) {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: "0",
    GIT_NO_LAZY_FETCH: "1",
    GIT_OPTIONAL_LOCKS: "0",
    GCM_INTERACTIVE: "never",
    LC_ALL: process.env.LC_ALL ?? "C",
    ...extra
  };
}
function runGit(args, opts) {
  return new Promise((resolve3, reject) => {
    let child;
    try {
      child = spawn("git", [...GIT_READ_CONFIG, ...args], { cwd: opts.cwd, env: gitEnv(opts.env), stdio: "pipe" });
    } catch (e) {
      reject(new GitError(`cannot run git: ${e.message}`));
      return;
    }
    const out = [];
    let size = 0;
    let err = "";
    let killedFor = null;
    const limit = opts.maxBytes ?? 256 * 1024 * 1024;
    const timer = setTimeout(() => {
      killedFor = `timed out after ${opts.timeoutMs ?? 6e4} ms`;
      child.kill("SIGKILL");
    }, opts.timeoutMs ?? 6e4);
    child.stdout.on("data", (d) => {
      size += d.length;
      if (size > limit) {
        killedFor = `output over ${limit} bytes`;
        child.kill("SIGKILL");
        return;
      }
      out.push(d);
    });
    child.stderr.on("data", (d) => {
      if (err.length < 64 * 1024)
        err += d.toString();
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new GitError(e.code === "ENOENT" ? "git is not installed or not on PATH" : `cannot run git: ${e.message}`));
    });
    child.on("close", (code3) => {
      clearTimeout(timer);
      if (killedFor)
        reject(new GitError(`git ${args[0]} ${killedFor}`, err));
      else
        resolve3({ code: code3, stdout: Buffer.concat(out), stderr: err });
    });
    child.stdin.on("error", () => {
    });
    child.stdin.end(opts.input ?? "");
  });
}
async function gitText(args, opts) {
  const r = await runGit(args, opts);
  if (r.code !== 0)
    throw new GitError(firstLine(r.stderr) || `git ${args[0]} exited with ${r.code}`, r.stderr);
  return r.stdout.toString("utf8");
}
function firstLine(s) {
  return s.split("\n").map((l) => l.replace(/^(fatal|error): /, "").trim()).find((l) => l.length > 0) ?? "";
}
async function* nulTokens(chunks) {
  const split = new NulSplitter();
  for await (const chunk of chunks)
    yield* split.push(chunk);
  const last = split.end();
  if (last)
    yield last;
}
var GitError, NotARepositoryError, HARDENED_GIT_CONFIG, GIT_READ_CONFIG, GitStream, NulSplitter;
var init_git_process = __esm({
  "dist/src/sources/git-process.js"() {
    "use strict";
    init_node_child_process();
    init_errors();
    GitError = class extends UsageError {
      stderr;
      constructor(message2, stderr = "") {
        super(message2);
        this.stderr = stderr;
        this.name = "GitError";
      }
    };
    NotARepositoryError = class extends GitError {
      path;
      constructor(path) {
        super(`not a git repository: ${path} (run it inside a clone, or pass the repository folder)`);
        this.path = path;
        this.name = "NotARepositoryError";
      }
    };
    HARDENED_GIT_CONFIG = [
      "core.fsmonitor=false",
      "core.pager=cat",
      "pager.log=false",
      "pager.diff=false",
      "diff.external=",
      "diff.noprefix=false",
      "core.sshCommand=false",
      "core.gitProxy=",
      "core.askPass=",
      "credential.helper=",
      "gpg.program=false",
      "gpg.ssh.program=false",
      "gpg.x509.program=false",
      "log.showSignature=false",
      "core.untrackedCache=false",
      "protocol.allow=never",
      "protocol.ext.allow=never",
      "core.alternateRefsCommand=",
      "submodule.recurse=false"
    ];
    GIT_READ_CONFIG = [
      ...HARDENED_GIT_CONFIG.flatMap((c) => ["-c", c]),
      "-c",
      "core.quotePath=false",
      "-c",
      "color.ui=false"
    ];
    GitStream = class {
      idleMs;
      child;
      stderrText = "";
      exited;
      done = false;
      inputEnded = false;
      constructor(args, cwd, idleMs = Number(process.env.KEYHOUND_GIT_IDLE_MS ?? 3e5)) {
        this.idleMs = idleMs;
        this.child = spawn("git", [...GIT_READ_CONFIG, ...args], { cwd, env: gitEnv(), stdio: "pipe" });
        this.child.stderr.on("data", (d) => {
          if (this.stderrText.length < 64 * 1024)
            this.stderrText += d.toString();
        });
        this.child.stdin.on("error", () => {
        });
        this.exited = new Promise((resolve3) => {
          this.child.on("error", (e) => {
            this.stderrText += `cannot run git: ${e.message}
`;
            resolve3(-1);
          });
          this.child.on("close", (code3) => {
            this.done = true;
            resolve3(code3);
          });
        });
      }
      get stderr() {
        return this.stderrText;
      }
      /**
       * Stdout chunks, with the idle watchdog armed while waiting for each — once our input has ended
       * (before that, a quiet git may simply be waiting for requests we have not sent yet).
       */
      async *read() {
        const it = this.child.stdout[Symbol.asyncIterator]();
        for (; ; ) {
          let timer;
          const idle = new Promise((resolve3) => {
            const arm = () => {
              timer = setTimeout(() => this.inputEnded ? resolve3("idle") : arm(), this.idleMs);
            };
            arm();
          });
          const next = await Promise.race([it.next(), idle]);
          clearTimeout(timer);
          if (next === "idle") {
            this.stderrText += `keyhound: git produced nothing for ${Math.round(this.idleMs / 1e3)} s and was stopped
`;
            this.kill();
            return;
          }
          if (next.done)
            return;
          yield next.value;
        }
      }
      write(text) {
        if (!this.child.stdin.destroyed && this.child.stdin.writable)
          this.child.stdin.write(text);
      }
      endInput() {
        this.inputEnded = true;
        if (!this.child.stdin.destroyed)
          this.child.stdin.end();
      }
      /** Exit code once the process has ended (after stdout was read to its end). */
      wait() {
        return this.exited;
      }
      kill() {
        if (this.done)
          return;
        this.done = true;
        this.child.stdin.destroy();
        this.child.stdout.destroy();
        this.child.kill("SIGKILL");
      }
    };
    NulSplitter = class {
      rest = null;
      /** The tokens completed by this chunk. */
      push(chunk) {
        const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
        const out = [];
        let start = 0;
        for (; ; ) {
          const nul = buf.indexOf(0, start);
          if (nul < 0)
            break;
          out.push(buf.subarray(start, nul));
          start = nul + 1;
        }
        this.rest = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
        return out;
      }
      /** The last token when the stream did not end with NUL. */
      end() {
        const r = this.rest;
        this.rest = null;
        return r && r.length > 0 ? r : null;
      }
    };
  }
});

// dist/src/sources/git-repo.js
var git_repo_exports = {};
__export(git_repo_exports, {
  NotARepositoryError: () => NotARepositoryError,
  openRepo: () => openRepo,
  resolveCommit: () => resolveCommit
});
function client(dir) {
  const unsafe = {
    allowUnsafeFsMonitor: true,
    allowUnsafePager: true,
    allowUnsafeDiffExternal: true,
    allowUnsafeSshCommand: true,
    allowUnsafeGitProxy: true,
    allowUnsafeAskPass: true,
    allowUnsafeCredentialHelper: true,
    allowUnsafeGpgProgram: true,
    allowUnsafeProtocolOverride: true,
    allowUnsafeCommandBinaries: true,
    allowUnsafeSubmodule: true
  };
  return (0, import_simple_git.simpleGit)({ baseDir: dir, timeout: { block: 6e4 }, maxConcurrentProcesses: 6, allowEnvironment: REPO_ENV, config: HARDENED_GIT_CONFIG, unsafe });
}
async function quiet(p) {
  try {
    const s = (await p).trim();
    return s.length > 0 ? s : null;
  } catch {
    return null;
  }
}
async function openRepo(path) {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new NotARepositoryError(path);
  const git2 = client(dir);
  const where2 = git2.revparse(["--absolute-git-dir", "--is-bare-repository", "--is-shallow-repository"]);
  where2.catch(() => void 0);
  const [top, head, headRef, partialConfig] = await Promise.all([
    quiet(git2.revparse(["--show-toplevel"])),
    quiet(git2.raw(["rev-parse", "--verify", "-q", "HEAD^{commit}"])),
    quiet(git2.raw(["symbolic-ref", "-q", "HEAD"])),
    quiet(git2.raw(["config", "--get-regexp", "^(extensions\\.partialclone|remote\\..*\\.promisor)$"]))
  ]);
  let lines2;
  try {
    lines2 = (await where2).trim().split("\n");
  } catch (e) {
    const msg = e.message;
    if (/not a git repository/i.test(msg))
      throw new NotARepositoryError(path);
    throw new GitError(msg.split("\n")[0].replace(/^fatal: /, ""));
  }
  const [gitDir = "", bare, shallow] = lines2.map((l) => l.trim());
  const partialExt = (partialConfig ?? "").split("\n").some((l) => /^extensions\.partialclone \S/i.test(l.trim()));
  const promisor = (partialConfig ?? "").split("\n").filter((l) => /^remote\..*\.promisor /i.test(l.trim())).join("\n");
  const isBare = bare === "true";
  const root = isBare ? gitDir : top ?? dir;
  let shallowCommits = 0;
  if (shallow === "true") {
    const file = await quiet(git2.raw(["rev-parse", "--git-path", "shallow"])) ?? "shallow";
    try {
      shallowCommits = readFileSync(resolve(dir, file), "utf8").split("\n").filter((l) => l.trim()).length || 1;
    } catch {
      shallowCommits = 1;
    }
  }
  return {
    root,
    gitDir,
    bare: isBare,
    shallowCommits,
    head,
    headRef,
    partial: partialExt || promisor.split("\n").some((l) => / true$/i.test(l.trim()))
  };
}
async function resolveCommit(repo, rev) {
  if (rev.startsWith("-"))
    return null;
  const out = await quiet(client(repo.root).raw(["rev-parse", "--verify", "-q", "--end-of-options", `${rev}^{commit}`]));
  return out && /^[0-9a-f]{40,64}$/.test(out) ? out : null;
}
var import_simple_git, REPO_ENV;
var init_git_repo = __esm({
  "dist/src/sources/git-repo.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    import_simple_git = __toESM(require_simple_git(), 1);
    init_git_process();
    REPO_ENV = [
      "GIT_DIR",
      "GIT_WORK_TREE",
      "GIT_COMMON_DIR",
      "GIT_INDEX_FILE",
      "GIT_OBJECT_DIRECTORY",
      "GIT_ALTERNATE_OBJECT_DIRECTORIES",
      "GIT_CEILING_DIRECTORIES",
      "GIT_DISCOVERY_ACROSS_FILESYSTEM",
      "GIT_CONFIG_NOSYSTEM",
      "GIT_CONFIG_GLOBAL",
      "GIT_CONFIG_SYSTEM",
      "GIT_NAMESPACE"
    ];
  }
});

// dist/src/sources/git-cat-file.js
function parseInfo(line) {
  const parts = line.split(" ");
  if (parts.length === 3)
    return { sha: parts[0], missing: false, type: parts[1], size: Number(parts[2]) };
  return { sha: parts[0] ?? line, missing: true };
}
async function askAll(shas, started, start, each) {
  if (shas.length === 0) {
    started?.kill();
    return;
  }
  const proc = start();
  try {
    for (const s of shas)
      proc.request(s);
    proc.end();
    for await (const a of proc.answers())
      each(a);
  } finally {
    proc.kill();
  }
}
async function readObjects(cwd, shas, started) {
  const out = /* @__PURE__ */ new Map();
  for (const [sha, a] of await readObjectsUpTo(cwd, shas, Infinity, started))
    if (!a.missing && a.data)
      out.set(sha, a.data);
  return out;
}
async function readObjectsUpTo(cwd, shas, maxSize, started) {
  const out = /* @__PURE__ */ new Map();
  await askAll(shas, started, () => {
    const batch = started ?? new CatFileBatch(cwd);
    batch.maxSize = maxSize;
    return batch;
  }, (a) => {
    if (!a.missing)
      out.set(a.sha, a);
  });
  return out;
}
async function checkObjects(cwd, shas, started) {
  const out = /* @__PURE__ */ new Map();
  await askAll(shas, started, () => started ?? new CatFileCheck(cwd), (a) => out.set(a.sha, a));
  return out;
}
var CatFile, CatFileCheck, CatFileBatch;
var init_git_cat_file = __esm({
  "dist/src/sources/git-cat-file.js"() {
    "use strict";
    init_git_process();
    CatFile = class {
      git;
      requested = 0;
      answered = 0;
      ended = false;
      /** Requests not yet written: one write per turn of the event loop, not one per object. */
      queued = [];
      constructor(mode, cwd) {
        this.git = new GitStream(["cat-file", mode, ...mode === "--batch" ? ["--buffer"] : []], cwd);
      }
      /** Queues a request for one object id. */
      request(sha) {
        if (this.ended)
          throw new Error("cat-file: request after end");
        this.requested++;
        this.queued.push(sha);
        if (this.queued.length === 1)
          setImmediate(() => this.flush());
      }
      flush() {
        if (this.queued.length === 0)
          return;
        this.git.write(this.queued.join("\n") + "\n");
        this.queued = [];
      }
      /** No more requests: git answers the rest and exits. */
      end() {
        this.flush();
        this.ended = true;
        this.git.endInput();
      }
      get pending() {
        return this.requested - this.answered;
      }
      /** Answers in request order; stops early (with `stopped` set) if git dies. */
      async *answers() {
        try {
          for await (const a of this.parse(this.git.read())) {
            this.answered++;
            yield a;
          }
        } finally {
          this.git.kill();
        }
      }
      /** Why answers stopped before every request was answered, if they did. */
      stopped() {
        if (this.pending <= 0)
          return null;
        const why = this.git.stderr.trim().split("\n").pop() ?? "";
        return `git cat-file stopped with ${this.pending} object(s) unanswered${why ? `: ${why}` : ""}`;
      }
      kill() {
        this.git.kill();
      }
    };
    CatFileCheck = class extends CatFile {
      constructor(cwd) {
        super("--batch-check", cwd);
      }
      async *parse(chunks) {
        let rest = "";
        for await (const chunk of chunks) {
          const text = rest + chunk.toString("latin1");
          const lines2 = text.split("\n");
          rest = lines2.pop();
          for (const line of lines2)
            yield parseInfo(line);
        }
        if (rest)
          yield parseInfo(rest);
      }
    };
    CatFileBatch = class extends CatFile {
      /**
       * Objects larger than this are answered without their bytes (`data: null`), which are read past and
       * never held: one process can then both size and read objects. Settable until answers are read.
       */
      maxSize = Infinity;
      constructor(cwd) {
        super("--batch", cwd);
      }
      async *parse(chunks) {
        let head = null;
        let body = null;
        let filled = 0;
        let skip = 0;
        let size = 0;
        let sha = "";
        let type = "";
        let skipNewline = false;
        for await (const input of chunks) {
          let chunk = input;
          let pos = 0;
          while (pos < chunk.length) {
            if (skipNewline) {
              skipNewline = false;
              if (chunk[pos] === 10)
                pos++;
              continue;
            }
            if (skip > 0) {
              const n = Math.min(skip, chunk.length - pos);
              skip -= n;
              pos += n;
              if (skip === 0) {
                yield { sha, missing: false, type, size, data: null };
                skipNewline = true;
              }
              continue;
            }
            if (body) {
              const n = Math.min(body.length - filled, chunk.length - pos);
              chunk.copy(body, filled, pos, pos + n);
              filled += n;
              pos += n;
              if (filled === body.length) {
                yield { sha, missing: false, type, size, data: body };
                body = null;
                skipNewline = true;
              }
              continue;
            }
            const nl = chunk.indexOf(10, pos);
            if (nl < 0) {
              head = head ? Buffer.concat([head, chunk.subarray(pos)]) : Buffer.from(chunk.subarray(pos));
              break;
            }
            const line = (head ? Buffer.concat([head, chunk.subarray(pos, nl)]) : chunk.subarray(pos, nl)).toString("latin1");
            head = null;
            pos = nl + 1;
            const parts = line.split(" ");
            if (parts.length !== 3) {
              yield { sha: parts[0] ?? line, missing: true };
              continue;
            }
            sha = parts[0];
            type = parts[1];
            size = Number(parts[2]);
            if (size === 0) {
              yield { sha, missing: false, type, size, data: Buffer.alloc(0) };
              skipNewline = true;
              continue;
            }
            if (size > this.maxSize) {
              skip = size;
              continue;
            }
            body = Buffer.allocUnsafeSlow(size);
            filled = 0;
          }
          chunk = Buffer.alloc(0);
        }
      }
    };
  }
});

// dist/src/sources/git-diff-lines.js
function splitLines2(buf) {
  const text = buf.toString("latin1");
  const lines2 = text.includes("\r") ? text.split(/\r\n|\n|\r/) : text.split("\n");
  if (lines2.length > 0 && lines2[lines2.length - 1] === "")
    lines2.pop();
  return lines2;
}
function addedLines(prevBytes, nextBytes) {
  const next = asText(nextBytes) ?? nextBytes;
  const prev = prevBytes && (asText(prevBytes) ?? prevBytes);
  const b = splitLines2(next);
  const out = /* @__PURE__ */ new Set();
  if (!prev || prev.length === 0) {
    for (let i = 1; i <= b.length; i++)
      out.add(i);
    return out;
  }
  const a = splitLines2(prev);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start])
    start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (endB === start)
    return out;
  if (endA === start) {
    for (let i = start; i < endB; i++)
      out.add(i + 1);
    return out;
  }
  const ids = /* @__PURE__ */ new Map();
  const intern = (s) => {
    let id = ids.get(s);
    if (id === void 0)
      ids.set(s, id = ids.size);
    return id;
  };
  const am = Int32Array.from(a.slice(start, endA), intern);
  const bm = Int32Array.from(b.slice(start, endB), intern);
  const inserted = myersInsertions(am, bm) ?? multisetInsertions(am, bm);
  for (const j of inserted)
    out.add(start + j + 1);
  return out;
}
function myersInsertions(a, b) {
  const n = a.length;
  const m13 = b.length;
  const max = Math.min(n + m13, MAX_EDITS);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x2;
      if (k === -d || k !== d && v[off + k - 1] < v[off + k + 1])
        x2 = v[off + k + 1];
      else
        x2 = v[off + k - 1] + 1;
      let y2 = x2 - k;
      while (x2 < n && y2 < m13 && a[x2] === b[y2]) {
        x2++;
        y2++;
      }
      v[off + k] = x2;
      if (x2 >= n && y2 >= m13) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0)
    return null;
  const inserted = [];
  let x = n;
  let y = m13;
  for (let d = found; d > 0; d--) {
    const vd = trace[d];
    const at = (k2) => vd[k2 + d + 1];
    const k = x - y;
    const down = k === -d || k !== d && at(k - 1) < at(k + 1);
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    if (down)
      inserted.push(prevY);
    x = prevX;
    y = prevY;
  }
  return inserted;
}
function multisetInsertions(a, b) {
  const left = /* @__PURE__ */ new Map();
  for (const id of a)
    left.set(id, (left.get(id) ?? 0) + 1);
  const out = [];
  b.forEach((id, j) => {
    const c = left.get(id) ?? 0;
    if (c > 0)
      left.set(id, c - 1);
    else
      out.push(j);
  });
  return out;
}
var MAX_EDITS;
var init_git_diff_lines = __esm({
  "dist/src/sources/git-diff-lines.js"() {
    "use strict";
    init_types4();
    MAX_EDITS = 2e3;
  }
});

// dist/src/sources/git-log.js
function logArgs(revs, extra = []) {
  return [
    "-c",
    "log.showRoot=true",
    "-c",
    "log.showSignature=false",
    // no --date-order / --topo-order: those walk the whole graph before printing the first commit
    "log",
    "-z",
    "--raw",
    "--no-abbrev",
    "--no-renames",
    "-c",
    "--no-color",
    "--no-show-signature",
    `--format=${LOG_FORMAT}`,
    ...extra,
    ...revs,
    "--"
  ];
}
async function* parseLog(git2) {
  const parser = new LogParser();
  const split = new NulSplitter();
  for await (const chunk of git2.read()) {
    const events2 = [];
    for (const tok of split.push(chunk))
      parser.token(tok, events2);
    if (events2.length > 0)
      yield events2;
  }
  const last = split.end();
  const events = [];
  if (last)
    parser.token(last, events);
  if (events.length > 0)
    yield events;
}
function parseMeta(meta, path, commit) {
  let colons = 0;
  while (meta[colons] === ":")
    colons++;
  const parts = meta.slice(colons).split(" ");
  const n = colons;
  if (parts.length < 2 * (n + 1) + 1)
    return null;
  const modes = parts.slice(0, n + 1);
  const shas = parts.slice(n + 1, 2 * (n + 1));
  const status = parts[2 * (n + 1)];
  return {
    commit,
    path,
    newMode: modes[n],
    newSha: shas[n],
    oldModes: modes.slice(0, n),
    oldShas: shas.slice(0, n),
    status
  };
}
function isFileMode(mode) {
  return mode === "100644" || mode === "100755" || mode === "100664";
}
function isNullSha(sha) {
  return /^0+$/.test(sha);
}
var LOG_FORMAT, HEADER_FIELDS, LogParser;
var init_git_log = __esm({
  "dist/src/sources/git-log.js"() {
    "use strict";
    init_git_process();
    LOG_FORMAT = "%x01%H%x00%P%x00%aN%x00%aE%x00%aI%x00%at%x00%ct%x00%s%x00%b";
    HEADER_FIELDS = 9;
    LogParser = class {
      header = null;
      pending = null;
      commit = null;
      order = 0;
      token(tok, out) {
        if (this.pending !== null) {
          const change = parseMeta(this.pending, tok.toString("utf8"), this.commit);
          this.pending = null;
          if (change)
            out.push({ kind: "change", change });
          return;
        }
        if (this.header) {
          const header = this.header;
          header.push(tok.toString("utf8"));
          if (header.length === HEADER_FIELDS) {
            const [sha, parents, author, email, date, time, ctime, subject, body] = header;
            this.commit = {
              sha,
              parents: parents ? parents.split(" ") : [],
              author,
              email,
              date,
              time: Number(time),
              ctime: Number(ctime),
              subject,
              body: body.replace(/\n+$/, ""),
              order: this.order++
            };
            this.header = null;
            out.push({ kind: "commit", commit: this.commit });
          }
          return;
        }
        let t = tok;
        while (t.length > 0 && t[0] === 10)
          t = t.subarray(1);
        if (t.length === 0)
          return;
        if (t[0] === 1) {
          this.header = [t.subarray(1).toString("utf8")];
          return;
        }
        if (t[0] === 58 && this.commit) {
          this.pending = t.toString("latin1");
          return;
        }
      }
    };
  }
});

// dist/src/sources/git-provenance.js
function mergeProvenance(log, found, opts) {
  const byPrint = /* @__PURE__ */ new Map();
  for (const [blob, findings] of found) {
    const adds = log.adds.get(blob) ?? [];
    const removes = log.removes.get(blob) ?? [];
    const perPath = /* @__PURE__ */ new Map();
    for (const ev of adds) {
      if (opts.isExcluded?.(log.paths[ev.path]))
        continue;
      let p = perPath.get(ev.path);
      if (!p)
        perPath.set(ev.path, p = { adds: [], removes: [] });
      p.adds.push(ev);
    }
    for (const ev of removes)
      perPath.get(ev.path)?.removes.push(ev.commit);
    for (const f of findings) {
      for (const [path, p] of perPath) {
        const inRange = opts.lines ? p.adds.filter((ev) => opts.lines(blob, ev)?.has(f.line)) : p.adds;
        if (inRange.length === 0)
          continue;
        let list = byPrint.get(f.fingerprint);
        if (!list)
          byPrint.set(f.fingerprint, list = []);
        list.push({ finding: f, blob, path, adds: inRange.map((e) => e.commit), removes: p.removes });
      }
    }
  }
  const out = [];
  for (const occ of byPrint.values()) {
    for (const group of lineages(occ))
      out.push(merged(log, group, opts));
  }
  return out;
}
function lineages(occ) {
  const parent = /* @__PURE__ */ new Map();
  const find = (x) => {
    let r = x;
    while (parent.get(r) !== void 0 && parent.get(r) !== r)
      r = parent.get(r);
    parent.set(x, r);
    return r;
  };
  const union2 = (a, b) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb)
      parent.set(rb, ra);
  };
  for (const o of occ)
    find(o.path);
  const addedAt = /* @__PURE__ */ new Map();
  for (const o of occ) {
    for (const c of o.adds) {
      let l = addedAt.get(c);
      if (!l)
        addedAt.set(c, l = []);
      l.push(o.path);
    }
  }
  for (const o of occ)
    for (const c of o.removes)
      for (const p of addedAt.get(c) ?? [])
        union2(o.path, p);
  const groups = /* @__PURE__ */ new Map();
  for (const o of occ) {
    const r = find(o.path);
    let g = groups.get(r);
    if (!g)
      groups.set(r, g = []);
    g.push(o);
  }
  return [...groups.values()];
}
function merged(log, group, opts) {
  let intro = group[0];
  let introCommit = log.oldest(intro.adds);
  for (const o of group.slice(1)) {
    const c = log.oldest(o.adds);
    const cmp4 = log.compare(c, introCommit);
    if (cmp4 < 0 || cmp4 === 0 && o.finding.line < intro.finding.line) {
      intro = o;
      introCommit = c;
    }
  }
  const commit = log.commitInfo(introCommit);
  const firstSeen = /* @__PURE__ */ new Map();
  for (const o of group) {
    const c = log.oldest(o.adds);
    const prev = firstSeen.get(o.path);
    if (prev === void 0 || log.compare(c, prev) < 0)
      firstSeen.set(o.path, c);
  }
  const paths = [...firstSeen].sort((a, b) => log.compare(a[1], b[1]) || a[0] - b[0]).map(([p]) => log.paths[p]);
  if (paths.length > 1)
    commit.paths = paths;
  const present2 = group.some((o) => opts.tipTree.get(log.paths[o.path]) === o.blob);
  commit.presentAtHead = present2;
  let end = opts.now;
  if (!present2) {
    const removals = [];
    let allRemoved = true;
    for (const o of group) {
      const lastAdd = log.newest(o.adds);
      const after = o.removes.filter((r) => log.compare(r, lastAdd) > 0);
      if (after.length === 0) {
        allRemoved = false;
        break;
      }
      removals.push(log.newest(after));
    }
    if (allRemoved && removals.length > 0) {
      const r = log.commits[log.newest(removals)];
      commit.removedIn = r.sha;
      commit.removedDate = r.date;
      end = r.time * 1e3;
    }
  }
  const introTime = log.commits[introCommit].time * 1e3;
  commit.exposureDays = Math.max(0, Math.floor((end - introTime) / DAY_MS));
  return { ...intro.finding, file: log.paths[intro.path], commit };
}
var DAY_MS, ProvenanceLog;
var init_git_provenance = __esm({
  "dist/src/sources/git-provenance.js"() {
    "use strict";
    init_git_log();
    DAY_MS = 864e5;
    ProvenanceLog = class {
      keepParents;
      commits = [];
      paths = [];
      pathIds = /* @__PURE__ */ new Map();
      adds = /* @__PURE__ */ new Map();
      removes = /* @__PURE__ */ new Map();
      /** Submodule paths met (gitlinks): their contents live in other repositories. */
      submodules = /* @__PURE__ */ new Set();
      constructor(keepParents = false) {
        this.keepParents = keepParents;
      }
      addCommit(c) {
        this.commits[c.order] = c;
      }
      pathId(path) {
        let id = this.pathIds.get(path);
        if (id === void 0) {
          id = this.paths.length;
          this.paths.push(path);
          this.pathIds.set(path, id);
        }
        return id;
      }
      /** Records one raw line; returns the blob it added when it is a regular file's content. */
      addChange(ch) {
        if (ch.newMode === "160000" || ch.oldModes.includes("160000"))
          this.submodules.add(ch.path);
        const path = this.pathId(ch.path);
        const commit = ch.commit.order;
        ch.oldShas.forEach((old, i) => {
          if (isNullSha(old) || old === ch.newSha || !isFileMode(ch.oldModes[i]))
            return;
          let list2 = this.removes.get(old);
          if (!list2)
            this.removes.set(old, list2 = []);
          if (!list2.some((e) => e.commit === commit && e.path === path))
            list2.push({ commit, path });
        });
        if (isNullSha(ch.newSha) || !isFileMode(ch.newMode))
          return null;
        let list = this.adds.get(ch.newSha);
        if (!list)
          this.adds.set(ch.newSha, list = []);
        const ev = { commit, path };
        if (this.keepParents)
          ev.parents = ch.oldShas.map((s, i) => isFileMode(ch.oldModes[i]) ? s : "0");
        list.push(ev);
        return ch.newSha;
      }
      /** Negative when commit `a` is older than `b` (committer date; ties: later in the log is older). */
      compare(a, b) {
        const ca = this.commits[a];
        const cb = this.commits[b];
        return ca.ctime - cb.ctime || b - a;
      }
      oldest(list) {
        return list.reduce((x, y) => this.compare(y, x) < 0 ? y : x);
      }
      newest(list) {
        return list.reduce((x, y) => this.compare(y, x) > 0 ? y : x);
      }
      commitInfo(order) {
        const c = this.commits[order];
        return { sha: c.sha, author: c.author, email: c.email, date: c.date, subject: c.subject };
      }
    };
  }
});

// dist/src/sources/git-history.js
var git_history_exports = {};
__export(git_history_exports, {
  GitHistorySource: () => GitHistorySource,
  treeOf: () => treeOf
});
function intersect(sets) {
  const [first, ...rest] = sets;
  const out = /* @__PURE__ */ new Set();
  for (const l of first ?? [])
    if (rest.every((s) => s.has(l)))
      out.add(l);
  return out;
}
async function treeOf(root, rev, paths) {
  const out = /* @__PURE__ */ new Map();
  if (!rev || paths.size === 0)
    return out;
  const r = await runGit(["ls-tree", "-r", "-z", "--full-tree", rev], { cwd: root, timeoutMs: 12e4, maxBytes: 1024 ** 3 });
  if (r.code !== 0)
    return out;
  let start = 0;
  const buf = r.stdout;
  for (; ; ) {
    const nul = buf.indexOf(0, start);
    if (nul < 0)
      break;
    const entry2 = buf.subarray(start, nul);
    start = nul + 1;
    const tab = entry2.indexOf(9);
    if (tab < 0)
      continue;
    const path = entry2.subarray(tab + 1).toString("utf8");
    if (!paths.has(path))
      continue;
    const [, , sha] = entry2.subarray(0, tab).toString("latin1").split(" ");
    if (sha)
      out.set(path, sha);
  }
  return out;
}
async function localBlobs(root) {
  const r = await runGit(["cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)"], {
    cwd: root,
    timeoutMs: 6e5,
    maxBytes: 4 * 1024 ** 3
  });
  const out = /* @__PURE__ */ new Set();
  for (const line of r.stdout.toString("latin1").split("\n"))
    if (line.startsWith("blob "))
      out.add(line.slice(5));
  return out;
}
var LFS_POINTER, MAX_LISTED, GitHistorySource;
var init_git_history = __esm({
  "dist/src/sources/git-history.js"() {
    "use strict";
    init_skip_paths();
    init_git_cat_file();
    init_git_diff_lines();
    init_git_log();
    init_git_process();
    init_git_provenance();
    init_types4();
    LFS_POINTER = Buffer.from("version https://git-lfs.github.com/spec/");
    MAX_LISTED = 5;
    GitHistorySource = class {
      opts;
      log;
      /** blob → path it was first met at (the one given to the engine). */
      firstPath = /* @__PURE__ */ new Map();
      warnings = [];
      missing = 0;
      lfs = 0;
      tooLarge = [];
      commitCount = 0;
      /** Commit messages long enough to hold a secret, scanned after the blobs. */
      messages = [];
      /** Excluded paths already counted as skipped. */
      excluded = /* @__PURE__ */ new Set();
      constructor(opts) {
        this.opts = opts;
        this.log = new ProvenanceLog(!!opts.addedOnly);
      }
      readable(path) {
        return !isSkippedPath(path) && !this.opts.isExcluded?.(path);
      }
      async *chunks(events) {
        const root = this.opts.repo.root;
        const local = this.opts.repo.partial ? await localBlobs(root) : null;
        const extra = this.opts.since ? [`--since=${this.opts.since}`] : [];
        const logProc = new GitStream(logArgs(this.opts.revs, extra), root);
        logProc.endInput();
        const check = new CatFileCheck(root);
        const batch = new CatFileBatch(root);
        const requested = /* @__PURE__ */ new Set();
        const ask = (sha) => {
          if (requested.has(sha))
            return;
          requested.add(sha);
          if (local && !local.has(sha))
            this.missing++;
          else
            check.request(sha);
        };
        const logDone = (async () => {
          try {
            for await (const batch2 of parseLog(logProc))
              for (const ev of batch2) {
                if (ev.kind === "commit") {
                  this.log.addCommit(ev.commit);
                  this.commitCount++;
                  const c = ev.commit;
                  if (/[^\s/\\.]{12,}/.test(c.subject) || /[^\s/\\.]{12,}/.test(c.body)) {
                    this.messages.push({ commit: { sha: c.sha, author: c.author, email: c.email, date: c.date, subject: c.subject }, text: c.body ? `${c.subject}

${c.body}` : c.subject });
                  }
                  continue;
                }
                const blob = this.log.addChange(ev.change);
                if (!blob || requested.has(blob))
                  continue;
                if (this.readable(ev.change.path)) {
                  this.firstPath.set(blob, ev.change.path);
                  ask(blob);
                } else if (this.opts.isExcluded?.(ev.change.path) && !this.excluded.has(ev.change.path)) {
                  this.excluded.add(ev.change.path);
                  events.skipped("ignored", ev.change.path);
                }
              }
            const code3 = await logProc.wait();
            if (code3 !== 0) {
              const why = firstLine(logProc.stderr) || `exit code ${code3}`;
              this.warnings.push(`git log stopped early (${why}): history beyond that point was not scanned`);
            }
          } finally {
            check.end();
          }
        })();
        const checkDone = (async () => {
          try {
            for await (const info of check.answers()) {
              if (info.missing) {
                this.missing++;
                continue;
              }
              if (info.type !== "blob")
                continue;
              if (info.size > this.opts.maxFileSize) {
                const path = this.firstPath.get(info.sha) ?? info.sha;
                this.firstPath.delete(info.sha);
                this.tooLarge.push(`${path} (${info.sha.slice(0, 10)}, ${info.size} bytes)`);
                events.skipped("tooLarge", path);
                continue;
              }
              batch.request(info.sha);
            }
            const stop = check.stopped();
            if (stop)
              this.warnings.push(stop);
          } finally {
            batch.end();
          }
        })();
        logDone.catch(() => void 0);
        checkDone.catch(() => void 0);
        try {
          for await (const obj of batch.answers()) {
            if (obj.missing || obj.data === null) {
              this.missing++;
              continue;
            }
            const path = this.firstPath.get(obj.sha) ?? obj.sha;
            this.firstPath.delete(obj.sha);
            if (obj.data.length < 1024 && obj.data.subarray(0, LFS_POINTER.length).equals(LFS_POINTER)) {
              this.lfs++;
              events.skipped("ignored", path);
              continue;
            }
            const text = asText(obj.data);
            if (!text) {
              events.skipped("binary", path);
              continue;
            }
            yield { path, data: text, blob: obj.sha };
          }
          const stop = batch.stopped();
          if (stop)
            this.warnings.push(stop);
          await Promise.all([logDone, checkDone]);
        } finally {
          logProc.kill();
          check.kill();
          batch.kill();
          await Promise.allSettled([logDone, checkDone]);
        }
      }
      names() {
        return { paths: this.log.paths, messages: this.messages };
      }
      /**
       * After the scan: each blob's matches placed at every path and commit that blob had, merged into one
       * finding per secret with its provenance; fills `stats.commits` / `stats.blobs` and the walk's warnings.
       */
      async provenance(found, stats) {
        stats.commits = (stats.commits ?? 0) + this.commitCount;
        stats.blobs = (stats.blobs ?? 0) + this.log.adds.size;
        const { repo } = this.opts;
        if (repo.shallowCommits > 0) {
          stats.warnings.push(`shallow clone: history is truncated at ${repo.shallowCommits} commit(s); secrets older than that were not scanned and the oldest commit available is shown as their origin (git fetch --unshallow to scan everything)`);
        }
        if (this.missing > 0) {
          stats.warnings.push(`${this.missing} object(s) missing from this clone (partial or damaged): their contents were not scanned`);
        }
        if (this.tooLarge.length > 0) {
          const more = this.tooLarge.length > MAX_LISTED ? `, and ${this.tooLarge.length - MAX_LISTED} more` : "";
          stats.warnings.push(`skipped ${this.tooLarge.length} blob(s) over --max-file-size ${this.opts.maxFileSize} bytes: ${this.tooLarge.slice(0, MAX_LISTED).join(", ")}${more}`);
        }
        if (this.lfs > 0) {
          stats.warnings.push(`${this.lfs} Git LFS pointer file(s) skipped: LFS contents live outside git history (scan a checkout after git lfs pull)`);
        }
        if (this.log.submodules.size > 0) {
          const list = [...this.log.submodules].slice(0, MAX_LISTED).join(", ");
          stats.warnings.push(`submodule(s) not scanned (their history is another repository): ${list}; run keyhound history inside each`);
        }
        stats.warnings.push(...this.warnings);
        if (found.size === 0)
          return [];
        const tipTree = await treeOf(repo.root, this.opts.tip, new Set(this.candidatePaths(found)));
        const lines2 = this.opts.addedOnly ? await this.rangeLines(found) : void 0;
        return mergeProvenance(this.log, found, {
          tipTree,
          now: (this.opts.now ?? Date.now)(),
          lines: lines2,
          isExcluded: (p) => !this.readable(p)
        });
      }
      *candidatePaths(found) {
        for (const blob of found.keys())
          for (const ev of this.log.adds.get(blob) ?? [])
            yield this.log.paths[ev.path];
      }
      /** Range mode: for blobs with findings, the lines each commit added (diff against each parent's blob). */
      async rangeLines(found) {
        const need = /* @__PURE__ */ new Set();
        for (const blob of found.keys()) {
          need.add(blob);
          for (const ev of this.log.adds.get(blob) ?? [])
            for (const p of ev.parents ?? [])
              if (!isNullSha(p))
                need.add(p);
        }
        const sizes = await checkObjects(this.opts.repo.root, [...need]);
        const small = [...need].filter((s) => {
          const i = sizes.get(s);
          return i && !i.missing && i.size <= this.opts.maxFileSize;
        });
        const data = await readObjects(this.opts.repo.root, small);
        const memo2 = /* @__PURE__ */ new Map();
        return (blob, ev) => {
          const key = `${blob}\0${ev.commit}\0${ev.path}`;
          if (memo2.has(key))
            return memo2.get(key);
          const next = data.get(blob);
          let result = null;
          if (next) {
            const parents = ev.parents && ev.parents.length > 0 ? ev.parents : ["0"];
            const each = parents.map((p) => addedLines(isNullSha(p) ? null : data.get(p) ?? null, next));
            result = intersect(each);
          }
          memo2.set(key, result);
          return result;
        };
      }
    };
  }
});

// dist/src/cli/commands/history.js
var history_exports = {};
__export(history_exports, {
  parseRange: () => parseRange,
  registerHistory: () => registerHistory
});
function registerHistory(program, setExit) {
  addReportOptions(program.command("history").alias("git").description("scan git history: every blob reachable from all refs, read once, reported with the commit that introduced it and how long it was exposed").argument("[repo]", "repository folder", "."), {
    revoke: true,
    writeBaseline: true,
    examples: [
      "keyhound history                              # every commit reachable from any ref",
      "keyhound history --branch main --since 2024-01-01",
      "keyhound history --range origin/main..HEAD    # only what these commits added",
      "keyhound history --format sarif -o keyhound.sarif"
    ]
  }).option("--branch <ref>", "only commits reachable from this ref (repeatable)", collect).option("--range <base..head>", "only the lines the commits in this range added (pull requests, pushes)").option("--since <date>", 'only commits after this date (any date git understands: 2024-01-31, "6 months ago")').action(async (repoPath, raw, cmd) => {
    const opts = reportOptions(raw, cmd);
    const branches = raw.branch ?? [];
    const range2 = raw.range;
    if (range2 !== void 0 && branches.length > 0)
      throw new UsageError("--range and --branch cannot be combined");
    const [{ openRepo: openRepo2, resolveCommit: resolveCommit2 }, { GitHistorySource: GitHistorySource2 }] = await Promise.all([
      Promise.resolve().then(() => (init_git_repo(), git_repo_exports)),
      Promise.resolve().then(() => (init_git_history(), git_history_exports))
    ]);
    const scanning = Promise.all([Promise.resolve().then(() => (init_scan_session(), scan_session_exports)), Promise.resolve().then(() => (init_output(), output_exports))]);
    scanning.catch(() => void 0);
    const repo = await openRepo2(repoPath);
    let revs = ["--all"];
    let tip = repo.head;
    let addedOnly = false;
    if (range2 !== void 0) {
      const r = parseRange(range2);
      const base = await resolveCommit2(repo, r.base);
      if (!base)
        throw new UsageError(missingBase(r.base, repo.shallowCommits > 0));
      const head = await resolveCommit2(repo, r.head);
      if (!head)
        throw new UsageError(`range head ${r.head} is not a commit in this clone`);
      let from = base;
      if (r.dots === "...") {
        const { runGit: runGit2 } = await Promise.resolve().then(() => (init_git_process(), git_process_exports));
        const mb = await runGit2(["merge-base", base, head], { cwd: repo.root, timeoutMs: 12e4 });
        from = mb.stdout.toString().trim().split("\n")[0] ?? "";
        if (mb.code !== 0 || !from)
          throw new UsageError(`${r.base} and ${r.head} have no common ancestor in this clone (fetch more history: fetch-depth: 0)`);
      }
      revs = [`${from}..${head}`];
      tip = head;
      addedOnly = true;
    } else if (branches.length > 0) {
      revs = [];
      for (const b of branches) {
        const sha = await resolveCommit2(repo, b);
        if (!sha)
          throw new UsageError(`unknown branch or ref: ${b}`);
        revs.push(sha);
      }
    }
    const [{ openScanSession: openScanSession2 }, { finishScan: finishScan2, progressReporter: progressReporter2 }] = await scanning;
    const session = openScanSession2(scanRequest(repo.root, opts, raw, cmd));
    const { maxFileSize, isExcluded } = session.settings;
    const source = new GitHistorySource2({ repo, revs, since: raw.since, addedOnly, tip, maxFileSize, isExcluded });
    const progress = progressReporter2(opts);
    const result = await session.runHistory(source, { onProgress: progress.update, threads: Math.max(1, Math.min(availableParallelism() - 1, 8)) });
    progress.done();
    if (result.stats.commits === 0 && range2 === void 0 && !raw.since) {
      result.stats.warnings.push(repo.head ? "no commits to scan" : "the repository has no commits yet: nothing to scan");
    }
    const refs = range2 !== void 0 ? [range2] : branches.length ? branches : ["--all"];
    setExit(await finishScan2(result, session, opts, { command: "history", refs, repositoryUrl: await originWebUrl(repo.root) }));
  });
}
function parseRange(text) {
  const m13 = /^(.*?)(\.\.\.?)(.*)$/.exec(text.trim());
  if (!m13)
    throw new UsageError(`--range needs BASE..HEAD (got "${text}")`);
  const base = m13[1] || "HEAD";
  const head = m13[3] || "HEAD";
  if (/^0+$/.test(base)) {
    throw new UsageError(`range base ${base} is the null commit (a push that created a branch): scan the branch with \`keyhound history --branch <ref>\` or use the default branch as the base`);
  }
  return { base, head, dots: m13[2] };
}
function missingBase(base, shallow) {
  return `range base ${base} is not in this clone${shallow ? " (it is a shallow clone)" : ""}: fetch more history \u2014 with actions/checkout set \`fetch-depth: 0\` (or fetch the base: \`git fetch --deepen=50\` / \`git fetch origin ${base}\` / \`git fetch --unshallow\`)`;
}
async function originWebUrl(root) {
  const [{ runGit: runGit2 }, { webUrlOfRemote: webUrlOfRemote2 }] = await Promise.all([Promise.resolve().then(() => (init_git_process(), git_process_exports)), Promise.resolve().then(() => (init_html_page(), html_page_exports))]);
  try {
    const r = await runGit2(["config", "--get", "remote.origin.url"], { cwd: root, timeoutMs: 1e4 });
    return r.code === 0 ? webUrlOfRemote2(r.stdout.toString()) : void 0;
  } catch {
    return void 0;
  }
}
var init_history = __esm({
  "dist/src/cli/commands/history.js"() {
    "use strict";
    init_node_os();
    init_errors();
    init_options();
  }
});

// dist/src/sources/git-staged.js
var git_staged_exports = {};
__export(git_staged_exports, {
  GitStagedSource: () => GitStagedSource,
  StagedReaders: () => StagedReaders,
  stagedEntries: () => stagedEntries,
  worktreeRoot: () => worktreeRoot
});
function plainTop(cwd, env) {
  if (env.GIT_DIR || env.GIT_WORK_TREE)
    return void 0;
  try {
    const dotGit = join(cwd, ".git");
    const st = lstatSync(dotGit);
    if (st.isFile())
      return cwd;
    if (!st.isDirectory())
      return void 0;
    const config = readRegularFile(join(dotGit, "config"), { maxBytes: 1 << 20 }).toString("latin1");
    return /^\s*(worktree\b|worktreeconfig\b|bare\s*=\s*true\b|\[include)/im.test(config) ? void 0 : cwd;
  } catch {
    return void 0;
  }
}
async function worktreeRoot(cwd, env = process.env) {
  const plain = plainTop(cwd, env);
  if (plain !== void 0)
    return plain;
  const r = await runGit(["rev-parse", "--is-inside-work-tree", "--show-toplevel"], { cwd, timeoutMs: 3e4 });
  if (r.code !== 0) {
    if (/not a git repository/i.test(r.stderr))
      throw new NotARepositoryError(cwd);
    throw new GitError(firstLine(r.stderr) || `git rev-parse exited with ${r.code}`);
  }
  const [inside2, top] = r.stdout.toString("utf8").trim().split("\n");
  if (inside2 !== "true" || !top)
    throw new GitError("staged needs a work tree (this is a bare repository or a .git folder)");
  return top;
}
async function stagedEntries(root) {
  const r = await runGit(["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-ext-diff", "--no-textconv", "--ignore-submodules=all", "--diff-filter=ACMT"], { cwd: root, timeoutMs: 6e4 });
  if (r.code !== 0)
    throw new GitError(firstLine(r.stderr) || `git diff --cached exited with ${r.code}`);
  const out = [];
  const buf = r.stdout;
  let start = 0;
  let meta = null;
  for (; ; ) {
    const nul = buf.indexOf(0, start);
    if (nul < 0)
      break;
    const tok = buf.subarray(start, nul);
    start = nul + 1;
    if (meta === null) {
      meta = tok.toString("latin1");
      continue;
    }
    const [oldMode, newMode, oldSha, newSha, status] = meta.replace(/^:/, "").split(" ");
    meta = null;
    out.push({ path: tok.toString("utf8"), oldMode, newMode, oldSha, newSha, status });
  }
  return out;
}
var StagedReaders, GitStagedSource;
var init_git_staged = __esm({
  "dist/src/sources/git-staged.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_skip_paths();
    init_git_cat_file();
    init_git_diff_lines();
    init_git_log();
    init_git_process();
    init_safe_fs();
    init_types4();
    StagedReaders = class {
      batch;
      constructor(cwd) {
        this.batch = new CatFileBatch(cwd);
      }
      kill() {
        this.batch.kill();
      }
    };
    GitStagedSource = class {
      opts;
      constructor(opts) {
        this.opts = opts;
      }
      async *chunks(events) {
        try {
          yield* this.staged(events);
        } finally {
          this.opts.readers?.kill();
        }
      }
      async *staged(events) {
        const { root, maxFileSize, readers } = this.opts;
        const entries2 = (this.opts.entries ?? await stagedEntries(root)).filter((e) => {
          if (!isFileMode(e.newMode) || isNullSha(e.newSha))
            return false;
          if (isSkippedPath(e.path) || this.opts.isExcluded?.(e.path)) {
            events.skipped("ignored", e.path);
            return false;
          }
          return true;
        });
        if (entries2.length === 0)
          return;
        const olds = entries2.filter((e) => isFileMode(e.oldMode) && !isNullSha(e.oldSha)).map((e) => e.oldSha);
        const data = await readObjectsUpTo(root, [.../* @__PURE__ */ new Set([...entries2.map((e) => e.newSha), ...olds])], maxFileSize, readers?.batch);
        for (const e of entries2) {
          const obj = data.get(e.newSha);
          if (!obj || obj.missing) {
            events.warn(`cannot read the staged ${e.path}: object ${e.newSha.slice(0, 10)} is missing`);
            events.skipped("unreadable", e.path);
            continue;
          }
          if (!obj.data) {
            events.warn(`skipped ${e.path}: ${obj.size} bytes is over --max-file-size ${maxFileSize}`);
            events.skipped("tooLarge", e.path);
            continue;
          }
          const next = asText(obj.data);
          if (!next) {
            events.skipped("binary", e.path);
            continue;
          }
          const oldObj = isFileMode(e.oldMode) && !isNullSha(e.oldSha) ? data.get(e.oldSha) : void 0;
          const old = oldObj && !oldObj.missing ? oldObj.data : null;
          const prev = old ? asText(old) ?? old : null;
          const lines2 = addedLines(prev, next);
          if (lines2.size === 0)
            continue;
          yield { path: e.path, data: next, lines: lines2 };
        }
      }
    };
  }
});

// dist/src/cli/commands/staged.js
var staged_exports = {};
__export(staged_exports, {
  registerStaged: () => registerStaged,
  selfCommand: () => selfCommand,
  shortReport: () => shortReport
});
function registerStaged(program, setExit) {
  addReportOptions(program.command("staged").description("scan what is staged for the next commit (the index, not the working files) and report only the lines it adds; exit 1 blocks the commit (for pre-commit hooks)"), {
    revoke: false,
    writeBaseline: false,
    examples: ["keyhound staged                      # in a pre-commit hook", "keyhound staged --fail-on error     # block only on errors", "keyhound staged --format json -q"]
  }).action(async (raw, cmd) => {
    const opts = reportOptions(raw, cmd);
    const { GitStagedSource: GitStagedSource2, StagedReaders: StagedReaders2, stagedEntries: stagedEntries2, worktreeRoot: worktreeRoot2 } = await Promise.resolve().then(() => (init_git_staged(), git_staged_exports));
    const listing = stagedEntries2(process.cwd());
    const top = worktreeRoot2(process.cwd());
    const readers = new StagedReaders2(process.cwd());
    const modules = Promise.all([Promise.resolve().then(() => (init_scan_session(), scan_session_exports)), Promise.resolve().then(() => (init_output(), output_exports))]);
    for (const p of [listing, top, modules])
      p.catch(() => void 0);
    try {
      const root = await top;
      const entries2 = await listing;
      if (entries2.length === 0 && opts.format === "text" && !opts.output && !raw.writeBaseline) {
        setExit(0);
        return;
      }
      const [{ openScanSession: openScanSession2 }, output] = await modules;
      const session = openScanSession2(scanRequest(root, opts, raw, cmd));
      const { maxFileSize, isExcluded } = session.settings;
      const result = await session.run([new GitStagedSource2({ root, maxFileSize, isExcluded, entries: entries2, readers })]);
      if (opts.format !== "text") {
        setExit(await output.finishScan(result, session, opts, { command: "staged" }));
        return;
      }
      output.noteSuppression(result, opts);
      const code3 = output.exitCodeFor(result.findings, session.settings.failOn);
      const text = shortReport(result.findings, opts, code3);
      if (opts.output) {
        output.writeOutputFile(opts.output, text);
      } else if (text) {
        process.stdout.write(text);
      }
      if (!opts.quiet)
        for (const w of result.stats.warnings)
          process.stderr.write(`keyhound: warning: ${w}
`);
      setExit(code3);
    } finally {
      readers.kill();
    }
  });
}
function selfCommand(argv1 = process.argv[1], path = process.env.PATH ?? "") {
  if (!argv1)
    return "keyhound";
  const self = realOrSame(argv1);
  for (const dir of path.split(delimiter)) {
    if (dir && realOrSame(join(dir, "keyhound")) === self)
      return "keyhound";
  }
  const quote2 = (s) => /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
  return `node ${quote2(self)}`;
}
function realOrSame(p) {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
function shortReport(findings, opts, code3) {
  const shown = findings.filter((f) => !f.suppressed);
  if (shown.length === 0)
    return "";
  const secrets = new Set(shown.map((f) => f.secret).filter((s) => s.length >= 6));
  const scrub2 = (s) => {
    if (opts.showSecrets)
      return s;
    let out = s;
    for (const v of secrets)
      if (out.includes(v))
        out = out.split(v).join("\u2026");
    return out;
  };
  const n = shown.length;
  const lines2 = [
    `keyhound: ${n} possible secret${n === 1 ? "" : "s"} in staged changes${code3 === 1 ? " \u2014 commit blocked" : ""}`
  ];
  const width = Math.max(...shown.map((f) => `${f.file}:${f.line}`.length));
  for (const f of shown) {
    const where2 = scrub2(`${f.file}:${f.line}`).padEnd(width);
    const value = opts.showSecrets ? f.secret : f.redacted;
    lines2.push(`  ${where2}  ${f.ruleId}  ${value}  (${SEVERITY_MARK[f.severity] ?? f.severity}${f.knownPublic ? ", known public value" : ""})`);
  }
  lines2.push("", "Remove the value from the staged file (edit it, then git add) and rotate it if it was ever pushed.", "A false positive? Add a comment containing keyhound:allow on that line.", "Accept what exists today (from the repository root):", `  ${selfCommand()} scan --write-baseline .keyhound-baseline.json`, "  then add `baseline: .keyhound-baseline.json` to .keyhound.yaml (this hook reads it).");
  return lines2.join("\n") + "\n";
}
var SEVERITY_MARK;
var init_staged = __esm({
  "dist/src/cli/commands/staged.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_options();
    SEVERITY_MARK = { error: "error", warning: "warning", note: "note" };
  }
});

// dist/src/cli/commands/install-hook.js
var install_hook_exports = {};
__export(install_hook_exports, {
  HOOK_MARKER: () => HOOK_MARKER,
  hookScript: () => hookScript,
  registerInstallHook: () => registerInstallHook
});
function shQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
function hookScript(node = process.execPath, main = process.argv[1] ?? fileURLToPath(new URL("../main.js", import.meta.url))) {
  return `#!/bin/sh
${HOOK_MARKER}; remove it with \`keyhound install-hook --uninstall\`.
# Scans what is staged for this commit; a secret blocks it (bypass once: git commit --no-verify).
if [ -x ./node_modules/.bin/keyhound ]; then
  exec ./node_modules/.bin/keyhound staged
elif command -v keyhound >/dev/null 2>&1; then
  exec keyhound staged
elif [ -f ${shQuote(main)} ] && [ -x ${shQuote(node)} ]; then
  exec ${shQuote(node)} ${shQuote(main)} staged
else
  echo "keyhound pre-commit hook: keyhound is not installed (npm install --save-dev keyhound)," >&2
  echo "or remove the hook: keyhound install-hook --uninstall" >&2
  exit 1
fi
`;
}
function registerInstallHook(program, setExit) {
  program.command("install-hook").description("write a git pre-commit hook that runs `keyhound staged` (honours core.hooksPath)").option("--force", "replace (or with --uninstall remove) a pre-commit hook keyhound did not write; the old one is kept as pre-commit.keyhound-backup", false).option("--uninstall", "remove the hook keyhound wrote (and restore a hook it replaced)", false).action(async (raw) => {
    const { runGit: runGit2, firstLine: firstLine2 } = await Promise.resolve().then(() => (init_git_process(), git_process_exports));
    const cwd = process.cwd();
    const r = await runGit2(["rev-parse", "--git-path", "hooks"], { cwd, timeoutMs: 3e4 });
    if (r.code !== 0) {
      if (/not a git repository/i.test(r.stderr))
        throw new UsageError(`not a git repository: ${cwd}`);
      throw new UsageError(firstLine2(r.stderr) || "git rev-parse failed");
    }
    const out = r.stdout.toString("utf8").trim();
    const dir = isAbsolute(out) ? out : resolve(cwd, out);
    const hook = join(dir, "pre-commit");
    const backup = hook + BACKUP_SUFFIX;
    const shown = relative(cwd, hook) || hook;
    let existing;
    try {
      existing = readTextIfExists(hook, { maxBytes: 1024 * 1024, what: "pre-commit hook" }) ?? null;
    } catch (e) {
      throw new UsageError(e.message);
    }
    const ours = existing !== null && existing.includes(HOOK_MARKER);
    if (raw.uninstall) {
      if (existing === null) {
        process.stdout.write(`keyhound: no pre-commit hook at ${shown}: nothing to remove
`);
      } else if (!ours && !raw.force) {
        throw new UsageError(`${shown} was not written by keyhound: left in place (use --force to remove it anyway)`);
      } else {
        rmSync(hook);
        if (ours && existsSync(backup)) {
          renameSync(backup, hook);
          process.stdout.write(`keyhound: removed the keyhound hook and restored the previous ${shown}
`);
        } else {
          process.stdout.write(`keyhound: removed ${shown}
`);
        }
      }
      setExit(0);
      return;
    }
    if (existing !== null && !ours) {
      if (!raw.force) {
        throw new UsageError(`${shown} exists and was not written by keyhound: not replaced. Add \`keyhound staged\` to it yourself, or use --force to replace it (the old hook is kept as pre-commit.keyhound-backup)`);
      }
      renameSync(hook, backup);
    }
    writeFileSafe(hook, hookScript(), { mode: 493, mkdir: 493, replaceLink: true });
    chmodSync(hook, 493);
    process.stdout.write(`keyhound: ${ours ? "updated" : "installed"} pre-commit hook at ${shown}
`);
    setExit(0);
  });
}
var HOOK_MARKER, BACKUP_SUFFIX;
var init_install_hook = __esm({
  "dist/src/cli/commands/install-hook.js"() {
    "use strict";
    init_node_fs();
    init_safe_fs();
    init_node_path();
    init_node_url();
    init_errors();
    HOOK_MARKER = "# keyhound-hook: written by `keyhound install-hook`";
    BACKUP_SUFFIX = ".keyhound-backup";
  }
});

// dist/src/cli/commands/revoke.js
var revoke_exports2 = {};
__export(revoke_exports2, {
  findingsFromInput: () => findingsFromInput,
  readStdin: () => readStdin,
  registerRevoke: () => registerRevoke
});
async function readStdin(stream = process.stdin, max = MAX_STDIN) {
  if (stream.isTTY) {
    throw new UsageError("revoke reads the secret from standard input, never from the command line: pipe it in (\u2026 | keyhound revoke --rule RULE_ID) or redirect a file (< secret.txt)");
  }
  const chunks = [];
  let size = 0;
  for await (const c of stream) {
    const b = typeof c === "string" ? Buffer.from(c) : c;
    size += b.length;
    if (size > max)
      throw new UsageError(`standard input is larger than ${max} bytes: expected one secret`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}
async function findingsFromInput(text, rule, rules) {
  const { newFinding: newFinding2 } = await Promise.resolve().then(() => (init_candidate(), candidate_exports));
  const { isSecretPart: isSecretPart2 } = await Promise.resolve().then(() => (init_plan(), plan_exports));
  const { publishFingerprints: publishFingerprints2 } = await Promise.resolve().then(() => (init_keyed_fingerprint(), keyed_fingerprint_exports));
  const parts = text.split(/\s+/).filter(Boolean);
  const nowhere = { file: "-", line: 0, column: 0, endLine: 0, endColumn: 0 };
  const make = (r, secret, pair) => ({
    ...newFinding2(r, secret, nowhere, { messageId: "secret", messageData: { title: r.title } }),
    ...pair ? { pair } : {}
  });
  if (parts.length === 0)
    throw new UsageError("standard input is empty: expected the secret to revoke");
  if (parts.length === 1) {
    const one = [make(rule, parts[0], rule.pair)];
    publishFingerprints2(one);
    return one;
  }
  if (parts.length === 2 && rule.pair && !isSecretPart2(rule)) {
    const partner = rules.find((r) => r.pair?.id === rule.pair.id && isSecretPart2(r)) ?? rule;
    const key = make(rule, parts[0], rule.pair);
    const secret = make(partner, parts[1], { id: rule.pair.id, part: partner.pair && isSecretPart2(partner) ? partner.pair.part : "secret" });
    if (secret.fingerprint === key.fingerprint)
      throw new UsageError("the key and the secret read from standard input are the same value");
    key.related = [secret.fingerprint];
    secret.related = [key.fingerprint];
    publishFingerprints2([key, secret]);
    return [key, secret];
  }
  throw new UsageError(rule.pair ? "expected one secret, or the API key and its secret separated by a newline" : `expected one secret on standard input, got ${parts.length} words`);
}
function registerRevoke(program, setExit) {
  addRevocationTargets(program.command("revoke").description("revoke one secret read from standard input (never from the command line); see docs/revocation.md").requiredOption("--rule <id>", "rule the secret belongs to: decides the issuer (e.g. github-classic-token)").option("--issuer <name>", "send it to this issuer from revoke.yaml instead of the rule's revoker").option("--dry-run", "print what would be sent where; send nothing, write nothing", false).option("--yes", "accepted for symmetry with scan --revoke --yes (revoke acts unless --dry-run)", false)).addOption(new import_commander2.Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text")).allowExcessArguments(true).action(async (raw, cmd) => {
    if (cmd.args.length > 0) {
      throw new UsageError("revoke takes no arguments: the secret is read from standard input only, because the command line leaks into shell history and process lists (rotate a secret you typed there)");
    }
    const { buildRuleSet: buildRuleSet2 } = await Promise.resolve().then(() => (init_rule_set(), rule_set_exports));
    const { revokeFindings: revokeFindings2 } = await Promise.resolve().then(() => (init_revoke(), revoke_exports));
    const { isSecretPart: isSecretPart2 } = await Promise.resolve().then(() => (init_plan(), plan_exports));
    const rules = buildRuleSet2({ ruleFiles: raw.rules ?? [] }).rules;
    const id = String(raw.rule);
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      const able = rules.filter((r) => trustedRevoker(r)).map((r) => r.id);
      throw new UsageError(`unknown rule "${id}"${able.length ? ` (rules with an issuer: ${able.join(", ")})` : ""}`);
    }
    if (isSecretPart2(rule) && !raw.issuer) {
      const key = rules.find((r) => r.pair?.id === rule.pair.id && !isSecretPart2(r));
      throw new UsageError(`"${id}" is the ${rule.pair.part} of a two-part credential: keys are revoked by the key${key ? ` \u2014 use --rule ${key.id} and pipe the key (and, for Bybit, its secret on the next line)` : ""}`);
    }
    const text = await readStdin();
    const findings = await findingsFromInput(text, rule, rules);
    const run = await revokeFindings2(findings, rules, {
      yes: !raw.dryRun,
      revokeConfig: raw.revokeConfig,
      auditLog: raw.auditLog,
      revokeState: raw.revokeState,
      githubApiUrl: raw.githubApiUrl,
      forceIssuer: raw.issuer,
      format: raw.format
    }, {
      out: (t) => process.stdout.write(t),
      warn: (w) => process.stderr.write(`keyhound: warning: ${w}
`),
      version: toolVersion()
    });
    const plan = run.plan;
    if (plan.items.length === 0 && plan.skipped.length === 0) {
      process.stderr.write(`keyhound: rule "${id}" names no issuer and no revoke.yaml route claims it: use --issuer NAME
`);
      setExit(1);
      return;
    }
    const bad = run.results.some((r) => r.outcome === "failed" || r.outcome === "skipped" && r.skip !== "state");
    setExit(bad ? 1 : 0);
  });
}
var import_commander2, MAX_STDIN;
var init_revoke2 = __esm({
  "dist/src/cli/commands/revoke.js"() {
    "use strict";
    import_commander2 = __toESM(require_commander(), 1);
    init_rule();
    init_errors();
    init_options();
    init_output();
    MAX_STDIN = 64 * 1024;
  }
});

// dist/src/cli/commands/rules.js
var rules_exports = {};
__export(rules_exports, {
  registerRules: () => registerRules
});
function registerRules(program, setExit) {
  const rules = program.command("rules").description("list the rules in effect, or test a custom rule file");
  rules.command("list").description("print the id, provider and severity of every rule in effect (built-in, --rules, .keyhound.yaml)").option("-c, --config <file>", "configuration file (default: .keyhound.yaml in the current folder)").option("--rules <path>", "extra rule file or folder (repeatable)", collect, []).option("--json", "JSON output", false).action(async (raw) => {
    const { loadConfig: loadConfig2 } = await Promise.resolve().then(() => (init_load(), load_exports));
    const { ruleSet } = loadConfig2(process.cwd(), raw.config, { extraRules: raw.rules });
    const list = ruleSet.rules.map((r) => ({ id: r.id, provider: r.provider, severity: r.severity, title: r.title }));
    if (raw.json) {
      process.stdout.write(JSON.stringify({ rules: list }, null, 2) + "\n");
    } else {
      const w1 = Math.max(2, ...list.map((r) => r.id.length));
      const w2 = Math.max(8, ...list.map((r) => r.provider.length));
      const lines2 = [`${"ID".padEnd(w1)}  ${"PROVIDER".padEnd(w2)}  SEVERITY`];
      for (const r of list)
        lines2.push(`${r.id.padEnd(w1)}  ${r.provider.padEnd(w2)}  ${r.severity}`);
      lines2.push(`${list.length} rules`);
      process.stdout.write(lines2.join("\n") + "\n");
    }
    setExit(0);
  });
  rules.command("test").description("run a custom rule file's examples (a rules/*.yaml-style file or a .keyhound.yaml) and print pass/fail per example").argument("<file>", "rule file or config file with custom rules").action(async (file) => {
    const [{ checkRule: checkRule2, parseRuleFile: parseRuleFile2, RuleError: RuleError2 }, { runRuleExamples: runRuleExamples2 }] = await Promise.all([
      Promise.resolve().then(() => (init_loader(), loader_exports)),
      Promise.resolve().then(() => (init_examples(), examples_exports))
    ]);
    let text;
    try {
      text = readRegularFile(file, { maxBytes: 8 * 1024 * 1024 }).toString("utf8");
    } catch (e) {
      const errno = e.errno;
      throw new UsageError(errno ? `cannot read ${file}: ${errno}` : e.message);
    }
    let specs;
    const { parseDocument: parseDocument4 } = await Promise.resolve().then(() => __toESM(require_yaml(), 1));
    const data = parseDocument4(text).toJS();
    const rulesRaw = data && typeof data === "object" ? data.rules : void 0;
    const isConfig = !!data && typeof data === "object" && (!Array.isArray(rulesRaw) || Object.keys(data).some((k) => !["family", "grants", "rules", "known-public"].includes(k)));
    try {
      if (isConfig) {
        const list = Array.isArray(rulesRaw) ? rulesRaw : rulesRaw?.custom ?? [];
        specs = list.map((r, i) => checkRule2(r, file, `#${i + 1}`));
      } else {
        specs = parseRuleFile2(text, file).rules;
      }
    } catch (e) {
      const { ConfigError: ConfigError2 } = await Promise.resolve().then(() => (init_load(), load_exports));
      if (e instanceof RuleError2 || e instanceof ConfigError2)
        throw new UsageError(e.message);
      throw e;
    }
    if (specs.length === 0)
      throw new UsageError(`${file}: no rules to test`);
    let passed = 0;
    let failed2 = 0;
    const lines2 = [];
    const w = Math.max(...specs.map((r) => r.id.length));
    for (const spec of specs) {
      for (const r of runRuleExamples2(spec)) {
        const label2 = `${r.kind}[${r.index}]`.padEnd(11);
        if (r.ok)
          passed++;
        else
          failed2++;
        lines2.push(`${r.ok ? "PASS" : "FAIL"}  ${spec.id.padEnd(w)}  ${label2}${r.ok ? "" : `  ${r.detail}`}`.trimEnd());
      }
    }
    lines2.push(`${specs.length} ${specs.length === 1 ? "rule" : "rules"}, ${passed + failed2} examples: ${passed} passed, ${failed2} failed`);
    process.stdout.write(lines2.join("\n") + "\n");
    setExit(failed2 > 0 ? 1 : 0);
  });
}
var init_rules = __esm({
  "dist/src/cli/commands/rules.js"() {
    "use strict";
    init_safe_fs();
    init_options();
    init_errors();
  }
});

// dist/src/cli/commands/baseline.js
var baseline_exports = {};
__export(baseline_exports, {
  DEFAULT_BASELINE: () => DEFAULT_BASELINE,
  registerBaseline: () => registerBaseline
});
function registerBaseline(program, setExit) {
  const baseline = program.command("baseline").description("maintain baseline files (see scan --write-baseline / --baseline)");
  baseline.command("prune").description("scan, then drop baseline entries whose secret is no longer found (hints move to where it is now)").argument("[paths...]", "files or folders to scan", ["."]).option("-b, --baseline <file>", "baseline file to prune", DEFAULT_BASELINE).option("-c, --config <file>", "configuration file (default: .keyhound.yaml at the scan root)").option("--rules <path>", "extra rule file or folder (repeatable)", collect, []).option("--no-gitignore", "also scan files that .gitignore excludes").option("--dry-run", "print what would be dropped, write nothing", false).option("-q, --quiet", "print nothing", false).action(async (paths, raw) => {
    const [{ openScanSession: openScanSession2 }, { Baseline: Baseline2 }, { FilesystemSource: FilesystemSource2 }] = await Promise.all([
      Promise.resolve().then(() => (init_scan_session(), scan_session_exports)),
      Promise.resolve().then(() => (init_suppress(), suppress_exports)),
      Promise.resolve().then(() => (init_filesystem(), filesystem_exports))
    ]);
    const file = raw.baseline;
    const current = Baseline2.read(file);
    const list = paths.length > 0 ? paths : ["."];
    const root = list.length === 1 ? resolve(list[0]) : process.cwd();
    const session = openScanSession2({ root, config: raw.config, rules: raw.rules });
    const { maxFileSize, isExcluded } = session.settings;
    const source = new FilesystemSource2({ paths: list, root, gitignore: raw.gitignore !== false, followSymlinks: false, maxFileSize, isExcluded });
    const { findings: remaining } = await session.run([source]);
    const { baseline: pruned, dropped } = current.pruned(remaining);
    if (!raw.dryRun)
      pruned.write(file);
    if (!raw.quiet) {
      const verb = raw.dryRun ? "would drop" : "dropped";
      process.stdout.write(`${file}: kept ${pruned.entries.length} of ${current.entries.length} entries, ${verb} ${dropped} no longer found
`);
    }
    setExit(0);
  });
}
var DEFAULT_BASELINE;
var init_baseline2 = __esm({
  "dist/src/cli/commands/baseline.js"() {
    "use strict";
    init_node_path();
    init_options();
    DEFAULT_BASELINE = ".keyhound-baseline.json";
  }
});

// dist/src/sources/github-repos.js
var github_repos_exports = {};
__export(github_repos_exports, {
  GITHUB_API_DEFAULT: () => GITHUB_API_DEFAULT,
  GithubApiError: () => GithubApiError,
  GithubClient: () => GithubClient,
  apiRepository: () => apiRepository,
  isSafeFullName: () => isSafeFullName
});
function isSafeFullName(fullName) {
  const parts = fullName.split("/");
  return parts.length === 2 && parts.every((p) => OWNER_OR_NAME.test(p) && p !== "." && p !== "..");
}
function toHeaders(h) {
  const out = new Headers();
  for (const [k, v] of Object.entries(h))
    if (v !== void 0 && v !== null)
      out.set(k, String(v));
  return out;
}
function bodyMessage(data) {
  const m13 = data?.message;
  return typeof m13 === "string" ? m13 : "";
}
function apiRepository(raw) {
  const r = raw;
  if (!r || typeof r !== "object")
    return null;
  if (typeof r.full_name !== "string" || typeof r.clone_url !== "string" || typeof r.id !== "number")
    return null;
  return {
    id: r.id,
    fullName: r.full_name,
    cloneUrl: r.clone_url,
    defaultBranch: typeof r.default_branch === "string" ? r.default_branch : null,
    private: r.private === true,
    fork: r.fork === true,
    archived: r.archived === true,
    disabled: r.disabled === true,
    size: typeof r.size === "number" ? r.size : 0
  };
}
var import_rest2, import_p_limit3, GITHUB_API_DEFAULT, GithubApiError, OWNER_OR_NAME, GithubClient;
var init_github_repos = __esm({
  "dist/src/sources/github-repos.js"() {
    "use strict";
    import_rest2 = __toESM(require_rest(), 1);
    import_p_limit3 = __toESM(require_p_limit(), 1);
    init_http();
    GITHUB_API_DEFAULT = "https://api.github.com";
    GithubApiError = class extends Error {
      status;
      constructor(message2, status) {
        super(message2);
        this.status = status;
        this.name = "GithubApiError";
      }
    };
    OWNER_OR_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
    GithubClient = class {
      opts;
      octokit;
      apiUrl;
      blockedUntil = 0;
      waits = 0;
      requests = 0;
      constructor(opts) {
        this.opts = opts;
        this.apiUrl = checkEndpointUrl(opts.apiUrl, "--github-api-url");
        const limit = (0, import_p_limit3.default)(Math.max(1, opts.concurrency ?? 4));
        this.octokit = new import_rest2.Octokit({
          baseUrl: opts.apiUrl.replace(/\/+$/, ""),
          auth: opts.token || void 0,
          userAgent: `keyhound/${opts.version}`,
          request: { fetch: timeoutFetch(opts.timeoutMs ?? 6e4), redirect: "manual" },
          log: { debug: () => {
          }, info: () => {
          }, warn: () => {
          }, error: () => {
          } }
        });
        this.octokit.hook.wrap("request", (request, options) => {
          const target = new URL(String(options.url), `${this.apiUrl.href.replace(/\/+$/, "")}/`);
          if (target.origin !== this.apiUrl.origin) {
            throw new GithubApiError(`the GitHub API pointed to another host (${target.host}); not followed`);
          }
          return limit(() => this.withRateLimit(async () => request(options)));
        });
      }
      /** Runs one request; waits out rate limits (retry-after, x-ratelimit-reset) and retries a bounded number of times. */
      async withRateLimit(send) {
        const retries = this.opts.retries ?? 5;
        const maxWait = this.opts.maxWaitMs ?? 15 * 6e4;
        for (let attempt = 0; ; attempt++) {
          const hold = this.blockedUntil - Date.now();
          if (hold > 0)
            await this.sleep(hold, "rate limit exhausted until its reset");
          this.requests++;
          try {
            const res = await send();
            const h = toHeaders(res.headers);
            if (h.get("x-ratelimit-remaining") === "0") {
              const wait = waitHint(h);
              if (wait !== void 0)
                this.blockedUntil = Date.now() + Math.min(wait, maxWait) + 1e3;
            }
            return res;
          } catch (e) {
            const err = e;
            const status = err.status ?? 0;
            const h = toHeaders(err.response?.headers ?? {});
            const limited = status === 429 || status === 403 && (h.has("retry-after") || h.get("x-ratelimit-remaining") === "0" || /rate limit/i.test(bodyMessage(err.response?.data)));
            if (!limited)
              throw e;
            const wait = waitHint(h) ?? 6e4;
            if (attempt >= retries)
              throw new GithubApiError(`GitHub API rate limit: still limited after ${retries} waits`, status);
            if (wait > maxWait) {
              throw new GithubApiError(`GitHub API rate limit: the reset is ${Math.ceil(wait / 1e3)} s away (over --max-rate-limit-wait ${Math.round(maxWait / 1e3)} s)`, status);
            }
            await this.sleep(wait, `HTTP ${status}`);
          }
        }
      }
      async sleep(ms, why) {
        this.waits++;
        this.opts.onWait?.(ms, why);
        await new Promise((r) => setTimeout(r, ms + 250));
      }
      /** Every repository of the organisation or user, in the API's order. */
      async listRepositories(target) {
        const out = [];
        try {
          const iterator = target.org !== void 0 ? this.octokit.paginate.iterator("GET /orgs/{org}/repos", { org: target.org, type: "all", per_page: 100 }) : await this.userIterator(target.user);
          for await (const page of iterator) {
            for (const raw of page.data) {
              const repo = apiRepository(raw);
              if (repo)
                out.push(repo);
            }
          }
        } catch (e) {
          throw this.explain(e, target);
        }
        return out;
      }
      /** The token's own account lists its private repositories only through /user/repos. */
      async userIterator(user) {
        if (this.opts.token) {
          try {
            const me = await this.octokit.request("GET /user");
            const login = me.data.login;
            if (typeof login === "string" && login.toLowerCase() === user.toLowerCase()) {
              return this.octokit.paginate.iterator("GET /user/repos", { affiliation: "owner", visibility: "all", per_page: 100 });
            }
          } catch {
          }
        }
        return this.octokit.paginate.iterator("GET /users/{username}/repos", { username: user, type: "owner", per_page: 100 });
      }
      explain(e, target) {
        if (e instanceof GithubApiError)
          return e;
        const err = e;
        const who = target.org !== void 0 ? `organisation ${target.org}` : `user ${target.user}`;
        if (err.status === 404)
          return new GithubApiError(`${who} not found (or not visible with this token)`, 404);
        if (err.status === 401)
          return new GithubApiError("GitHub API: bad credentials (check GITHUB_TOKEN)", 401);
        if (err.status === 403)
          return new GithubApiError(`GitHub API refused to list the ${who} (HTTP 403: token lacks access?)`, 403);
        if (err.status)
          return new GithubApiError(`GitHub API answered HTTP ${err.status} listing the ${who}`, err.status);
        return new GithubApiError(`cannot reach the GitHub API at ${this.apiUrl.host}: ${err.message ?? String(e)}`);
      }
    };
  }
});

// dist/src/sources/repo-selection.js
var repo_selection_exports = {};
__export(repo_selection_exports, {
  parseShard: () => parseShard,
  repoMatcher: () => repoMatcher,
  selectRepositories: () => selectRepositories,
  shardOf: () => shardOf
});
function parseShard(text) {
  const m13 = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m13)
    throw new Error(`--shard needs I/N, such as 2/5 (got "${text}")`);
  const index = Number(m13[1]);
  const count2 = Number(m13[2]);
  if (count2 < 1 || count2 > 1e4 || index < 1 || index > count2)
    throw new Error(`--shard ${text}: I must be between 1 and N (N at most 10000)`);
  return { index, count: count2 };
}
function shardOf(fullName, count2) {
  const digest = createHash("sha256").update(fullName.toLowerCase()).digest();
  return digest.readUIntBE(0, 6) % count2 + 1;
}
function repoMatcher(patterns) {
  const include = patterns.filter((p) => !p.startsWith("!")).map(globRegex);
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => globRegex(p.slice(1)));
  return (fullName) => {
    const name2 = fullName.slice(fullName.indexOf("/") + 1);
    const hit = (re) => re.test(fullName) || re.test(name2);
    return (include.length === 0 || include.some(hit)) && !exclude.some(hit);
  };
}
function globRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*")
      re += "[^/]*";
    else if (c === "?")
      re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0)
        re += "\\[";
      else {
        const body = glob.slice(i + 1, end).replace(/\\/g, "\\\\");
        re += body.startsWith("!") ? `[^${body.slice(1)}]` : `[${body}]`;
        i = end;
      }
    } else
      re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}
function selectRepositories(repos, opts) {
  const matches = repoMatcher(opts.patterns);
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const repo of repos) {
    const key = repo.fullName.toLowerCase();
    if (seen.has(key))
      continue;
    seen.add(key);
    if (opts.shard && shardOf(repo.fullName, opts.shard.count) !== opts.shard.index)
      continue;
    let skip;
    if (!matches(repo.fullName))
      skip = "does not match --repo";
    else if (repo.fork && !opts.includeForks)
      skip = "fork (add --include-forks)";
    else if (repo.archived && !opts.includeArchived)
      skip = "archived (add --include-archived)";
    else if (repo.disabled)
      skip = "disabled by GitHub";
    out.push(skip ? { repo, skip } : { repo });
  }
  return out.sort((a, b) => cmp2(a.repo.fullName.toLowerCase(), b.repo.fullName.toLowerCase()));
}
function cmp2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var init_repo_selection = __esm({
  "dist/src/sources/repo-selection.js"() {
    "use strict";
    init_node_crypto();
  }
});

// dist/src/util/safe-write.js
var safe_write_exports = {};
__export(safe_write_exports, {
  writeFileNoFollow: () => writeFileNoFollow
});
function writeFileNoFollow(path, data, mode = 384) {
  writeFileSafe(path, Buffer.from(data), { mode, replaceLink: true });
}
var init_safe_write = __esm({
  "dist/src/util/safe-write.js"() {
    "use strict";
    init_safe_fs();
  }
});

// dist/src/sources/git-mirror.js
function checkCloneUrl(cloneUrl, api) {
  let url2;
  try {
    url2 = new URL(cloneUrl);
  } catch {
    throw new MirrorError("the API gave a clone URL that is not a URL");
  }
  if (url2.username || url2.password)
    throw new MirrorError("the API gave a clone URL with credentials in it");
  if (url2.protocol === "https:")
    return url2;
  if (url2.protocol === "http:" && (isLoopbackHost(url2.hostname) || api.protocol === "http:"))
    return url2;
  throw new MirrorError(`clone URL scheme ${url2.protocol} is not allowed (https only)`);
}
function sameGithubHost(clone, api) {
  const apiHost = api.host.toLowerCase().replace(/^api\./, "");
  const host = clone.host.toLowerCase();
  return host === api.host.toLowerCase() || host === apiHost;
}
function authHeader(token) {
  return `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
}
function envConfig(pairs) {
  const base = Number(process.env.GIT_CONFIG_COUNT ?? 0);
  const start = Number.isInteger(base) && base > 0 ? base : 0;
  const env = { GIT_CONFIG_COUNT: String(start + pairs.length) };
  pairs.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = k;
    env[`GIT_CONFIG_VALUE_${start + i}`] = v;
  });
  return env;
}
function scrubToken(text, token) {
  if (!token)
    return text;
  let out = text;
  for (const v of [token, Buffer.from(`x-access-token:${token}`).toString("base64"), encodeURIComponent(token)]) {
    if (v.length >= 4)
      out = out.split(v).join("***");
  }
  return out;
}
function ensureRealDir(path) {
  if (existsSync(path)) {
    if (!lstatSync(path).isDirectory())
      throw new MirrorError(`cache path is not a plain folder (symlink or file): ${path}`);
    return;
  }
  mkdirSync(path, { recursive: true, mode: 448 });
}
function mirrorDir(root, segments) {
  ensureRealDir(root);
  let dir = root;
  for (const s of segments) {
    dir = join(dir, s);
    ensureRealDir(dir);
  }
  return dir;
}
async function git(dir, args, opts = {}) {
  const r = await runGit([...MIRROR_CONFIG, ...args], { cwd: dir, env: opts.env, timeoutMs: opts.timeoutMs ?? 12e4, maxBytes: 512 * 1024 ** 2 });
  if (r.code !== 0)
    throw new MirrorError(scrubToken(firstLine(r.stderr) || `git ${args[0]} exited with ${r.code}`, opts.token));
  return r.stdout.toString("utf8");
}
async function refTips(dir, pullRequests = false) {
  const out = /* @__PURE__ */ new Map();
  const spaces = ["refs/heads", "refs/tags", ...pullRequests ? ["refs/pull"] : []];
  const text = await git(dir, ["for-each-ref", "--format=%(objectname) %(objecttype) %(*objecttype) %(refname)", ...spaces]);
  for (const line of text.split("\n")) {
    const [sha, type, peeled, ref] = line.split(" ");
    if (sha && ref && (type === "commit" || peeled === "commit"))
      out.set(ref, sha);
  }
  return out;
}
async function syncMirror(req) {
  const fresh = !existsSync(join(req.dir, "HEAD"));
  if (fresh) {
    rmSync(req.dir, { recursive: true, force: true });
    const tmp = `${req.dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    await git(".", ["init", "--bare", "--quiet", "--template=", tmp]);
    renameSync(tmp, req.dir);
  }
  writeFileNoFollow(join(req.dir, "config"), BARE_CONFIG);
  rmSync(join(req.dir, "hooks"), { recursive: true, force: true });
  const pairs = [];
  if (req.token && req.sendToken)
    pairs.push(["http.extraHeader", authHeader(req.token)], ["http.followRedirects", "false"]);
  const env = {
    ...envConfig(pairs),
    // traces could print the header
    GIT_TRACE: "0",
    GIT_TRACE_CURL: "0",
    GIT_TRACE_PACKET: "0",
    GIT_CURL_VERBOSE: "0",
    GIT_ASKPASS: "",
    SSH_ASKPASS: ""
  };
  await git(req.dir, ["fetch", "--quiet", "--prune", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules", "--", req.cloneUrl, ...REFSPECS, ...req.pullRequests ? [PULL_REFSPEC] : []], {
    env,
    timeoutMs: req.timeoutMs ?? 30 * 6e4,
    token: req.token
  });
  const tips = await refTips(req.dir, req.pullRequests);
  const branch = req.defaultBranch && tips.has(`refs/heads/${req.defaultBranch}`) ? `refs/heads/${req.defaultBranch}` : null;
  const headRef = branch ?? [...tips.keys()].find((r) => r.startsWith("refs/heads/"));
  if (headRef)
    writeFileNoFollow(join(req.dir, "HEAD"), `ref: ${headRef}
`, 420);
  const head = headRef ? tips.get(headRef) : null;
  const known2 = req.known ?? {};
  const changed = Object.keys(known2).length !== tips.size || [...tips].some(([r, s]) => known2[r] !== s);
  return { action: fresh ? "cloned" : changed ? "fetched" : "unchanged", tips, head };
}
var MIRROR_CONFIG, BARE_CONFIG, REFSPECS, PULL_REFSPEC, MirrorError;
var init_git_mirror = __esm({
  "dist/src/sources/git-mirror.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_http();
    init_git_process();
    init_safe_write();
    MIRROR_CONFIG = [
      "-c",
      "core.hooksPath=/dev/null",
      "-c",
      "protocol.https.allow=always",
      "-c",
      "protocol.http.allow=always",
      "-c",
      "fetch.recurseSubmodules=false",
      "-c",
      "gc.auto=0",
      "-c",
      "maintenance.auto=false"
    ];
    BARE_CONFIG = "[core]\n	repositoryformatversion = 0\n	filemode = true\n	bare = true\n";
    REFSPECS = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];
    PULL_REFSPEC = "+refs/pull/*/head:refs/pull/*/head";
    MirrorError = class extends Error {
      constructor(message2) {
        super(message2);
        this.name = "MirrorError";
      }
    };
  }
});

// dist/src/session/org-state.js
var org_state_exports = {};
__export(org_state_exports, {
  CacheBusyError: () => CacheBusyError,
  LOCK_FILE: () => LOCK_FILE,
  STATE_FILE: () => STATE_FILE,
  loadState: () => loadState,
  lockCache: () => lockCache,
  restoredFindings: () => restoredFindings,
  saveState: () => saveState,
  scanKeyOf: () => scanKeyOf,
  stateKey: () => stateKey,
  storedFindings: () => storedFindings
});
function scanKeyOf(version, rules, settings) {
  const h = createHash("sha256");
  h.update(version);
  for (const r of rules)
    h.update(JSON.stringify(r));
  h.update(JSON.stringify(settings));
  return h.digest("hex");
}
function stateKey(fullName) {
  return fullName.toLowerCase();
}
function loadState(path, scanKey) {
  const empty2 = { version: STATE_VERSION, scanKey, repositories: {} };
  let raw;
  try {
    raw = JSON.parse(readRegularFile(path, { maxBytes: 256 * 1024 * 1024 }).toString("utf8"));
  } catch (e) {
    if (e.errno === "ENOENT")
      return { state: empty2 };
    return { state: empty2, note: "the incremental state in the cache could not be read: every repository is scanned in full" };
  }
  const s = raw;
  if (!s || typeof s !== "object" || s.version !== STATE_VERSION || !s.repositories || typeof s.repositories !== "object") {
    return { state: empty2, note: "the incremental state in the cache has an unknown format: every repository is scanned in full" };
  }
  if (s.scanKey !== scanKey) {
    return { state: empty2, note: "rules, settings or the keyhound version changed since the cached scan: every repository is scanned in full" };
  }
  const repositories = {};
  for (const [k, v] of Object.entries(s.repositories)) {
    if (v && typeof v.fullName === "string" && v.tips && typeof v.tips === "object" && Array.isArray(v.findings))
      repositories[k] = v;
  }
  return { state: { version: STATE_VERSION, scanKey, repositories } };
}
function saveState(path, state) {
  writeFileNoFollow(path, JSON.stringify(state) + "\n");
}
function storedFindings(findings, blobs) {
  const scrub2 = makeScrub(findings, false);
  return findings.map((f) => {
    const j = jsonFinding(f, scrub2, false);
    const blob = blobs.get(f);
    if (blob)
      j.blob = blob;
    return j;
  });
}
function restoredFindings(stored) {
  return stored.map((j) => ({ finding: findingFromJson(j), blob: j.blob }));
}
function lockCache(path) {
  const mine = `${hostname()} ${process.pid}
`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 384);
      writeSync(fd, mine);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if (e.code !== "EEXIST")
        throw e;
    }
    let holder = "";
    try {
      holder = readRegularFile(path, { maxBytes: 4096 }).toString("utf8");
    } catch {
    }
    const [host, pid] = holder.trim().split(" ");
    if (host === hostname() && Number(pid) > 0 && alive2(Number(pid))) {
      throw new CacheBusyError(`the cache folder is in use by another keyhound github run (pid ${pid}); give each run its own --cache-dir`);
    }
    if (host && host !== hostname()) {
      throw new CacheBusyError(`the cache folder is locked by a run on ${host}; remove ${path} if that run is over`);
    }
    rmSync(path, { force: true });
  }
  throw new CacheBusyError("could not take the cache folder lock");
}
function alive2(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
var STATE_FILE, STATE_VERSION, LOCK_FILE, CacheBusyError;
var init_org_state = __esm({
  "dist/src/session/org-state.js"() {
    "use strict";
    init_node_crypto();
    init_node_fs();
    init_node_os();
    init_safe_fs();
    init_json();
    init_common();
    init_safe_write();
    STATE_FILE = "keyhound-state.json";
    STATE_VERSION = 1;
    LOCK_FILE = "keyhound.lock";
    CacheBusyError = class extends Error {
      constructor(message2) {
        super(message2);
        this.name = "CacheBusyError";
      }
    };
  }
});

// dist/src/session/org-scan.js
var org_scan_exports = {};
__export(org_scan_exports, {
  scanOrganisation: () => scanOrganisation
});
async function scanOrganisation(req) {
  const started = Date.now();
  const statePath = join(req.cacheDir, STATE_FILE);
  mirrorDir(req.cacheDir, []);
  const unlock = lockCache(join(req.cacheDir, LOCK_FILE));
  try {
    return await scanLocked(req, statePath, started);
  } finally {
    unlock();
  }
}
async function scanLocked(req, statePath, started) {
  const log = req.log ?? (() => void 0);
  const now = req.now ?? Date.now;
  const { state, note } = loadState(statePath, req.scanKey);
  const warnings = [];
  if (note)
    warnings.push(note);
  const listed = await req.client.listRepositories(req.target);
  const listMs = Date.now() - started;
  const selected = selectRepositories(listed, req.selection);
  const timing = { listMs, syncMs: 0, scanMs: 0, wallMs: 0, cloned: 0, fetched: 0, unchanged: 0, blobsScanned: 0 };
  renamed(state, listed);
  const outcomes = [];
  for (const s of selected)
    if (s.skip)
      outcomes.push({ status: { full_name: s.repo.fullName, status: "skipped", reason: s.skip }, findings: [] });
  outcomes.push(...gone(state, listed, req.selection));
  const syncLimit = (0, import_p_limit4.default)(Math.max(1, req.concurrency ?? 4));
  const scanLimit = (0, import_p_limit4.default)(2);
  const hostDir = hostFolder(req.client.apiUrl);
  let savedAt = Date.now();
  const save = (force = false) => {
    if (!force && Date.now() - savedAt < 5e3)
      return;
    saveState(statePath, state);
    savedAt = Date.now();
  };
  await Promise.all(selected.filter((s) => !s.skip).map((s) => syncLimit(async () => {
    const t0 = Date.now();
    const prev = state.repositories[stateKey(s.repo.fullName)];
    let mirror;
    try {
      mirror = await mirrorOf(s.repo, req, hostDir, prev?.tips);
    } catch (e) {
      outcomes.push(failed(s.repo.fullName, `cannot clone or fetch: ${message(e, req.token)}`, prev));
      return;
    } finally {
      timing.syncMs += Date.now() - t0;
    }
    timing[mirror.action]++;
    await scanLimit(async () => {
      const t1 = Date.now();
      try {
        const out = await scanMirror(s.repo, mirror, prev, req, now());
        timing.blobsScanned += out.blobsScanned;
        state.repositories[stateKey(s.repo.fullName)] = out.state;
        save();
        outcomes.push({ status: { full_name: s.repo.fullName, status: "scanned" }, findings: out.findings, stats: out.stats });
        log(`${s.repo.fullName}: ${mirror.action}, ${out.blobsScanned} new blob(s) scanned, ${out.findings.length} finding(s) (${((t1 - t0) / 1e3).toFixed(1)} s sync, ${((Date.now() - t1) / 1e3).toFixed(1)} s scan)`);
      } catch (e) {
        outcomes.push(failed(s.repo.fullName, `scan failed: ${message(e, req.token)}`, prev));
      } finally {
        timing.scanMs += Date.now() - t1;
      }
    });
  })));
  save(true);
  const stats = emptyStats();
  stats.commits = 0;
  stats.blobs = 0;
  stats.warnings.push(...warnings);
  const findings = [];
  for (const o of outcomes) {
    findings.push(...o.findings);
    if (o.status.status === "failed")
      log(`${o.status.full_name}: FAILED: ${o.status.error}`);
    if (!o.stats)
      continue;
    stats.files += o.stats.files;
    stats.bytes += o.stats.bytes;
    stats.commits += o.stats.commits ?? 0;
    stats.blobs += o.stats.blobs ?? 0;
    for (const k of Object.keys(stats.skipped))
      stats.skipped[k] += o.stats.skipped[k];
    for (const w of o.stats.warnings)
      stats.warnings.push(`${o.status.full_name}: ${w}`);
  }
  for (const f of findings)
    stats.findings[f.severity]++;
  timing.wallMs = Date.now() - started;
  stats.durationMs = timing.wallMs;
  const repositories = outcomes.map((o) => o.status).sort((a, b) => cmp3(a.full_name.toLowerCase(), b.full_name.toLowerCase()));
  return { findings, stats, repositories, timing };
}
function failed(fullName, error2, prev) {
  const findings = prev ? restoredFindings(prev.findings).map((r) => r.finding) : [];
  const kept = findings.length > 0 ? ` (${findings.length} finding(s) from its last scan kept)` : "";
  return { status: { full_name: fullName, status: "failed", error: error2 + kept }, findings };
}
function gone(state, listed, sel) {
  const names = new Set(listed.map((r) => stateKey(r.fullName)));
  const matches = repoMatcher(sel.patterns);
  const out = [];
  for (const [key, rs] of Object.entries(state.repositories)) {
    if (names.has(key) || !matches(rs.fullName))
      continue;
    if (sel.shard && shardOf(rs.fullName, sel.shard.count) !== sel.shard.index)
      continue;
    out.push(failed(rs.fullName, "no longer listed by the API: deleted, or not accessible with this token", rs));
  }
  return out;
}
function renamed(state, listed) {
  const byId = /* @__PURE__ */ new Map();
  for (const [key, rs] of Object.entries(state.repositories))
    if (rs.id !== void 0)
      byId.set(rs.id, key);
  for (const repo of listed) {
    const key = stateKey(repo.fullName);
    const old = byId.get(repo.id);
    if (old === void 0 || old === key || state.repositories[key])
      continue;
    const rs = state.repositories[old];
    delete state.repositories[old];
    rs.fullName = repo.fullName;
    for (const f of rs.findings)
      f.repository = repo.fullName;
    state.repositories[key] = rs;
  }
}
function hostFolder(api) {
  return api.host.replace(/[^A-Za-z0-9.-]/g, "_").replace(/^api\./, "") || "github";
}
async function mirrorOf(repo, req, hostDir, known2) {
  if (!isSafeFullName(repo.fullName))
    throw new Error("the API gave a repository name that is not owner/name");
  const url2 = checkCloneUrl(repo.cloneUrl, req.client.apiUrl);
  const [owner, name2] = repo.fullName.toLowerCase().split("/");
  const dir = join(mirrorDir(req.cacheDir, [hostDir, owner]), `${name2}.git`);
  const res = await syncMirror({
    dir,
    cloneUrl: url2.href,
    defaultBranch: repo.defaultBranch,
    token: req.token,
    sendToken: sameGithubHost(url2, req.client.apiUrl),
    timeoutMs: req.cloneTimeoutMs,
    known: known2,
    pullRequests: req.pullRequests
  });
  return { ...res, dir };
}
async function scanMirror(repo, mirror, prev, req, now) {
  const tips = Object.fromEntries(mirror.tips);
  const newTips = [...new Set(mirror.tips.values())];
  const prevTips = prev ? [...new Set(Object.values(prev.tips))] : [];
  const unchanged = !!prev && newTips.every((t) => prevTips.includes(t));
  const known2 = unchanged ? newTips : await present(mirror.dir, prevTips);
  const fresh = newTips.filter((t) => !known2.includes(t));
  const old = prev ? restoredFindings(prev.findings) : [];
  for (const o of old)
    o.finding.repository = repo.fullName;
  let found = [];
  let stats;
  const blobs = /* @__PURE__ */ new Map();
  if (fresh.length > 0) {
    const info = { root: mirror.dir, gitDir: mirror.dir, bare: true, shallowCommits: 0, head: mirror.head, headRef: null, partial: false };
    const source = new GitHistorySource({
      repo: info,
      revs: known2.length > 0 ? [...newTips, "--not", ...known2] : newTips,
      tip: mirror.head,
      maxFileSize: req.maxFileSize,
      isExcluded: req.isExcluded,
      now: () => now
    });
    const result = await runScan([source], req.scanner, { inflight: req.scanner.inflight });
    await joinProvenance(result, source);
    found = result.findings;
    stats = result.stats;
    for (const f of found)
      f.repository = repo.fullName;
    const ids = await blobIds(mirror.dir, found);
    found.forEach((f, i) => ids[i] && blobs.set(f, ids[i]));
  }
  const byKey = /* @__PURE__ */ new Map();
  for (const f of found)
    byKey.set(`${f.fingerprint}\0${f.file}`, f);
  const merged2 = [];
  const stillOld = [];
  for (const o of old) {
    const key = `${o.finding.fingerprint}\0${o.finding.file}`;
    const again = byKey.get(key);
    if (again) {
      byKey.delete(key);
      if (o.finding.commit && again.commit)
        o.finding.commit.presentAtHead = again.commit.presentAtHead;
      o.finding.secret = again.secret;
      const b = blobs.get(again);
      if (b)
        blobs.set(o.finding, b);
    } else
      stillOld.push(o);
    merged2.push(o.finding);
    if (o.blob && !blobs.has(o.finding))
      blobs.set(o.finding, o.blob);
  }
  merged2.push(...byKey.values());
  if (fresh.length > 0)
    await refreshPresence(mirror, stillOld, known2, now);
  else
    for (const o of stillOld)
      ageExposure(o.finding, now);
  const state = { fullName: repo.fullName, id: repo.id, tips, scannedAt: new Date(now).toISOString(), findings: storedFindings(merged2, blobs) };
  return { findings: merged2, stats, state, blobsScanned: stats?.files ?? 0 };
}
async function present(dir, shas) {
  if (shas.length === 0)
    return [];
  const info = await checkObjects(dir, shas);
  return shas.filter((s) => {
    const i = info.get(s);
    return i && !i.missing;
  });
}
async function blobIds(dir, findings) {
  const specs = findings.map((f) => f.commit ? `${f.commit.sha}:${f.file}` : "");
  const wanted = specs.filter((s) => s && !s.includes("\n"));
  if (wanted.length === 0)
    return findings.map(() => void 0);
  const r = await runGit(["cat-file", "--batch-check=%(objectname) %(objecttype)"], { cwd: dir, input: wanted.join("\n") + "\n", timeoutMs: 12e4 });
  const lines2 = r.stdout.toString("utf8").split("\n");
  const answer = /* @__PURE__ */ new Map();
  wanted.forEach((spec, i) => {
    const m13 = /^([0-9a-f]{40,64}) blob$/.exec(lines2[i] ?? "");
    if (m13)
      answer.set(spec, m13[1]);
  });
  return specs.map((s) => answer.get(s));
}
async function refreshPresence(mirror, items, known2, now) {
  const paths = new Set(items.map((o) => o.finding.file));
  const tree = await treeOf(mirror.dir, mirror.head, paths);
  for (const o of items) {
    const c = o.finding.commit;
    if (!c)
      continue;
    const wasPresent = c.presentAtHead === true;
    const isPresent = !!o.blob && tree.get(o.finding.file) === o.blob;
    if (wasPresent && !isPresent && mirror.head) {
      const r = await runGit(["log", "-1", "--format=%H%x00%aI%x00%at", mirror.head, ...known2.length ? ["--not", ...known2] : [], "--", o.finding.file], {
        cwd: mirror.dir,
        timeoutMs: 12e4
      });
      const [sha, date, time] = r.stdout.toString("utf8").trim().split("\0");
      if (sha && date) {
        c.removedIn = sha;
        c.removedDate = date;
        if (c.date)
          c.exposureDays = Math.max(0, Math.floor((Number(time) * 1e3 - Date.parse(c.date)) / DAY_MS2));
      }
      c.presentAtHead = false;
    } else if (isPresent) {
      c.presentAtHead = true;
    }
    ageExposure(o.finding, now);
  }
}
function ageExposure(f, now) {
  const c = f.commit;
  if (c?.presentAtHead && c.date)
    c.exposureDays = Math.max(0, Math.floor((now - Date.parse(c.date)) / DAY_MS2));
}
function message(e, token) {
  return scrubToken(e?.message ?? String(e), token).replace(/\s+/g, " ").slice(0, 300);
}
function cmp3(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var import_p_limit4, DAY_MS2;
var init_org_scan = __esm({
  "dist/src/session/org-scan.js"() {
    "use strict";
    init_node_path();
    import_p_limit4 = __toESM(require_p_limit(), 1);
    init_finding();
    init_scan();
    init_git_cat_file();
    init_git_history();
    init_git_mirror();
    init_git_process();
    init_github_repos();
    init_repo_selection();
    init_org_state();
    DAY_MS2 = 864e5;
  }
});

// dist/src/cli/commands/github.js
var github_exports = {};
__export(github_exports, {
  defaultCacheDir: () => defaultCacheDir,
  registerGithub: () => registerGithub
});
function positiveInt(name2, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${name2} needs a whole number of at least 1 (got "${text}")`);
  return n;
}
function defaultCacheDir(env = process.env) {
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "keyhound", "github");
}
function registerGithub(program, setExit) {
  addReportOptions(program.command("github").description("scan the git history of every repository of a GitHub organisation or user (GITHUB_TOKEN for private ones), incrementally, optionally one shard of a CI matrix")).option("--org <org>", "organisation whose repositories to scan").option("--user <user>", "user whose repositories to scan").option("--repo <pattern>", "only repositories whose name or owner/name matches this glob; !glob excludes (repeatable)", collect, []).option("--include-forks", "scan forks too", false).option("--include-archived", "scan archived repositories too", false).option("--include-pull-requests", "also scan pull-request heads (refs/pull/N/head: commits pushed to pull requests, from forks too)", false).option("--shard <i/n>", "scan shard I of N (stable hash of owner/name): N jobs together cover every repository once").option("--output-dir <dir>", "write this run's JSON, SARIF (and HTML) reports into this folder, named after the shard").option("--cache-dir <dir>", "bare clones and incremental state (default: $XDG_CACHE_HOME/keyhound/github)").option("--concurrency <n>", "repositories cloned or fetched at once", "4").option("--plan", 'print the CI matrix ({"shard":["1/N",\u2026]}) for the repositories to scan, and exit', false).option("--repos-per-shard <n>", "with --plan: repositories per shard", "25").option("--max-shards <n>", "with --plan: at most this many shards", "20").option("--max-rate-limit-wait <seconds>", "longest wait for a GitHub API rate-limit reset before giving up", "900").option("--clone-timeout <seconds>", "longest clone or fetch of one repository", "1800").addHelpText("after", "\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or fatal error (listing failed),\n3 some repository could not be cloned or scanned (listed in the report; the others were scanned).\n").action(async (raw, cmd) => {
    const opts = reportOptions(raw);
    const org = raw.org;
    const user = raw.user;
    if (org === void 0 === (user === void 0))
      throw new UsageError("give exactly one of --org ORG or --user USER");
    const owner = org ?? user;
    if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(owner))
      throw new UsageError(`not a GitHub account name: "${owner}"`);
    const [{ GithubClient: GithubClient2, GithubApiError: GithubApiError2, GITHUB_API_DEFAULT: GITHUB_API_DEFAULT2 }, { parseShard: parseShard2, selectRepositories: selectRepositories2 }, { toolVersion: toolVersion2 }] = await Promise.all([
      Promise.resolve().then(() => (init_github_repos(), github_repos_exports)),
      Promise.resolve().then(() => (init_repo_selection(), repo_selection_exports)),
      Promise.resolve().then(() => (init_output(), output_exports))
    ]);
    let shard;
    try {
      shard = raw.shard !== void 0 ? parseShard2(String(raw.shard)) : void 0;
    } catch (e) {
      throw new UsageError(e.message);
    }
    const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN || void 0;
    const apiUrl = raw.githubApiUrl ?? process.env.GITHUB_API_URL ?? GITHUB_API_DEFAULT2;
    const say = (line) => {
      if (!opts.quiet)
        process.stderr.write(`keyhound: ${line}
`);
    };
    let client2;
    try {
      client2 = new GithubClient2({
        apiUrl,
        token,
        version: toolVersion2(),
        concurrency: positiveInt("--concurrency", String(raw.concurrency)),
        maxWaitMs: positiveInt("--max-rate-limit-wait", String(raw.maxRateLimitWait)) * 1e3,
        onWait: (ms, why) => say(`GitHub API rate limit (${why}): waiting ${Math.ceil(ms / 1e3)} s`)
      });
    } catch (e) {
      throw new UsageError(e.message);
    }
    const target = org !== void 0 ? { org } : { user };
    const selection = {
      patterns: raw.repo,
      includeForks: !!raw.includeForks,
      includeArchived: !!raw.includeArchived,
      shard
    };
    try {
      if (raw.plan) {
        const listed = await client2.listRepositories(target);
        const chosen = selectRepositories2(listed, { ...selection, shard: void 0 }).filter((s) => !s.skip);
        const per = positiveInt("--repos-per-shard", String(raw.reposPerShard));
        const n = Math.max(1, Math.min(positiveInt("--max-shards", String(raw.maxShards)), Math.ceil(chosen.length / per)));
        say(`${chosen.length} repositories to scan (${listed.length} listed) in ${n} shard(s)`);
        process.stdout.write(JSON.stringify({ shard: Array.from({ length: n }, (_, i) => `${i + 1}/${n}`) }) + "\n");
        setExit(EXIT.clean);
        return;
      }
      await scanAndReport({ raw, cmd, opts, client: client2, target, selection, token, say, setExit });
    } catch (e) {
      if (e instanceof GithubApiError2 || e.name === "CacheBusyError")
        throw new UsageError(e.message);
      throw e;
    }
  });
}
async function scanAndReport(a) {
  const { raw, opts } = a;
  const [{ scanOrganisation: scanOrganisation2 }, { scanKeyOf: scanKeyOf2 }, { openScanSession: openScanSession2 }, { finishScan: finishScan2, toolVersion: toolVersion2 }, { availableParallelism: availableParallelism2 }] = await Promise.all([
    Promise.resolve().then(() => (init_org_scan(), org_scan_exports)),
    Promise.resolve().then(() => (init_org_state(), org_state_exports)),
    Promise.resolve().then(() => (init_scan_session(), scan_session_exports)),
    Promise.resolve().then(() => (init_output(), output_exports)),
    Promise.resolve().then(() => (init_node_os(), node_os_exports))
  ]);
  const session = openScanSession2(scanRequest(process.cwd(), opts, raw, a.cmd));
  const { maxFileSize, isExcluded } = session.settings;
  const cacheDir = resolve(raw.cacheDir ?? defaultCacheDir());
  const scanner = session.scanner(Math.max(1, Math.min(availableParallelism2() - 1, 8)));
  try {
    const scanned = await scanOrganisation2({
      client: a.client,
      target: a.target,
      selection: a.selection,
      cacheDir,
      token: a.token,
      scanner,
      maxFileSize,
      isExcluded,
      scanKey: scanKeyOf2(toolVersion2(), session.ruleSet.rules, { maxFileSize, exclude: session.settings.config.exclude }),
      concurrency: positiveInt("--concurrency", String(raw.concurrency)),
      cloneTimeoutMs: positiveInt("--clone-timeout", String(raw.cloneTimeout)) * 1e3,
      pullRequests: !!raw.includePullRequests,
      log: a.say
    });
    const t = scanned.timing;
    a.say(`${scanned.repositories.filter((r) => r.status === "scanned").length} repositories scanned in ${(t.wallMs / 1e3).toFixed(1)} s (${t.cloned} cloned, ${t.fetched} fetched, ${t.unchanged} unchanged; ${t.blobsScanned} blobs scanned; listing ${(t.listMs / 1e3).toFixed(1)} s, clone/fetch ${(t.syncMs / 1e3).toFixed(1)} s and scan ${(t.scanMs / 1e3).toFixed(1)} s summed over repositories)`);
    const result = { ...scanned, ...session.suppress(scanned) };
    if (raw.outputDir !== void 0)
      await writeOutputDir(String(raw.outputDir), result, session.ruleSet.rules, opts, a.selection.shard);
    let code3 = await finishScan2(result, { ...session, root: "" }, opts, { command: "github" });
    if (code3 === EXIT.clean && result.repositories.some((r) => r.status === "failed"))
      code3 = EXIT.partial;
    a.setExit(code3);
  } finally {
    await scanner.close();
  }
}
async function writeOutputDir(dir, result, rules, opts, shard) {
  const [{ render: render2, OUTPUT_DIR_FORMATS: OUTPUT_DIR_FORMATS2 }, { toolVersion: toolVersion2, INFORMATION_URI: INFORMATION_URI2 }, { writeFileNoFollow: writeFileNoFollow2 }, { mkdirSync: mkdirSync2 }] = await Promise.all([
    Promise.resolve().then(() => (init_report(), report_exports)),
    Promise.resolve().then(() => (init_output(), output_exports)),
    Promise.resolve().then(() => (init_safe_write(), safe_write_exports)),
    Promise.resolve().then(() => (init_node_fs(), node_fs_exports))
  ]);
  mkdirSync2(dir, { recursive: true });
  const base = shard ? `keyhound-shard-${shard.index}-of-${shard.count}` : "keyhound";
  const input = {
    findings: result.findings,
    repositories: result.repositories,
    rules,
    stats: result.stats,
    tool: { name: "keyhound", version: toolVersion2(), informationUri: INFORMATION_URI2 },
    showSecrets: opts.showSecrets
  };
  for (const f of OUTPUT_DIR_FORMATS2) {
    const text = render2(f, input, { color: false });
    writeFileNoFollow2(join(dir, `${base}.${f}`), text.endsWith("\n") ? text : text + "\n", 420);
  }
}
var init_github3 = __esm({
  "dist/src/cli/commands/github.js"() {
    "use strict";
    init_node_os();
    init_node_path();
    init_errors();
    init_options();
  }
});

// dist/src/report/merge.js
var merge_exports = {};
__export(merge_exports, {
  findOrgReports: () => findOrgReports,
  isOrgReport: () => isOrgReport,
  mergeOrgReports: () => mergeOrgReports
});
function isOrgReport(v) {
  const r = v;
  return !!r && typeof r === "object" && r.version === 1 && Array.isArray(r.repositories) && Array.isArray(r.findings) && !!r.stats;
}
function findOrgReports(paths, warn) {
  const out = [];
  const visit = (p, depth, explicit) => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      if (explicit)
        warn(`cannot read ${p}`);
      return;
    }
    if (st.isDirectory()) {
      if (depth > MAX_DEPTH3)
        return;
      for (const name2 of readdirSync(p).sort())
        visit(join(p, name2), depth + 1, false);
      return;
    }
    if (!st.isFile()) {
      if (explicit)
        warn(`not a regular file or folder: ${p}`);
      return;
    }
    if (!explicit && !p.endsWith(".json"))
      return;
    if (st.size > MAX_REPORT_BYTES) {
      warn(`${p}: larger than 1 GiB, not read`);
      return;
    }
    let parsed;
    try {
      parsed = JSON.parse(readRegularFile(p, { maxBytes: MAX_REPORT_BYTES }).toString("utf8"));
    } catch {
      if (explicit)
        warn(`${p}: not JSON`);
      return;
    }
    if (isOrgReport(parsed))
      out.push({ file: p, report: parsed });
    else if (explicit)
      warn(`${p}: not a keyhound github JSON report (no repositories list)`);
  };
  for (const p of paths)
    visit(p, 0, true);
  return out;
}
function mergeOrgReports(reports) {
  const repos = /* @__PURE__ */ new Map();
  const findings = /* @__PURE__ */ new Map();
  const stats = emptyStats();
  let anyGit = false;
  for (const { report } of reports) {
    for (const r of report.repositories ?? []) {
      if (!r || typeof r.full_name !== "string")
        continue;
      const key = r.full_name.toLowerCase();
      const had = repos.get(key);
      if (!had || RANK2[r.status] > RANK2[had.status])
        repos.set(key, { ...r });
    }
    for (const j of report.findings) {
      const key = `${(j.repository ?? "").toLowerCase()}\0${j.fingerprint}\0${j.file}`;
      if (!findings.has(key))
        findings.set(key, findingFromJson(j));
    }
    const s = report.stats;
    stats.files += s.files ?? 0;
    stats.bytes += s.bytes ?? 0;
    stats.durationMs = Math.max(stats.durationMs, s.durationMs ?? 0);
    for (const k of Object.keys(stats.skipped))
      stats.skipped[k] += s.skipped?.[k] ?? 0;
    for (const k of Object.keys(stats.suppressed))
      stats.suppressed[k] += s.suppressed?.[k] ?? 0;
    if (s.commits !== void 0 || s.blobs !== void 0)
      anyGit = true;
    stats.commits = (stats.commits ?? 0) + (s.commits ?? 0);
    stats.blobs = (stats.blobs ?? 0) + (s.blobs ?? 0);
    stats.warnings.push(...s.warnings ?? []);
  }
  if (!anyGit) {
    delete stats.commits;
    delete stats.blobs;
  }
  const list = [...findings.values()];
  for (const f of list)
    stats.findings[f.severity]++;
  const repositories = [...repos.values()].sort((a, b) => a.full_name.toLowerCase() < b.full_name.toLowerCase() ? -1 : 1);
  return { repositories, findings: list, stats, files: reports.map((r) => r.file) };
}
var MAX_REPORT_BYTES, MAX_DEPTH3, RANK2;
var init_merge = __esm({
  "dist/src/report/merge.js"() {
    "use strict";
    init_node_fs();
    init_safe_fs();
    init_node_path();
    init_finding();
    init_json();
    MAX_REPORT_BYTES = 1024 ** 3;
    MAX_DEPTH3 = 6;
    RANK2 = { skipped: 0, scanned: 1, failed: 2 };
  }
});

// dist/src/cli/commands/merge.js
var merge_exports2 = {};
__export(merge_exports2, {
  registerMerge: () => registerMerge
});
function registerMerge(program, setExit) {
  addOutputOptions(program.command("merge").description("combine the JSON reports of `keyhound github` shards (files, or folders searched for them) into one report").argument("<dir...>", "report files or folders holding them (such as downloaded artifacts)")).addHelpText("after", "\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 some repository failed in a shard.\n").action(async (paths, raw) => {
    const [{ findOrgReports: findOrgReports2, mergeOrgReports: mergeOrgReports2 }, { buildRuleSet: buildRuleSet2 }, { writeReport: writeReport2 }] = await Promise.all([
      Promise.resolve().then(() => (init_merge(), merge_exports)),
      Promise.resolve().then(() => (init_rule_set(), rule_set_exports)),
      Promise.resolve().then(() => (init_output(), output_exports))
    ]);
    const quiet2 = !!raw.quiet;
    const found = findOrgReports2(paths, (m13) => process.stderr.write(`keyhound: warning: ${m13}
`));
    if (found.length === 0)
      throw new UsageError(`no keyhound github JSON reports found in ${paths.join(", ")}`);
    const merged2 = mergeOrgReports2(found);
    const opts = {
      format: raw.format,
      output: raw.output,
      failOn: raw.failOn,
      showSecrets: !!raw.showSecrets,
      showNotes: !!raw.showNotes,
      minLevel: "note",
      quiet: quiet2,
      color: raw.color === false ? false : void 0,
      maxFileSize: 0,
      baseline: void 0,
      rules: [],
      revoke: false,
      yes: false,
      verify: false,
      rpc: [],
      onlyLive: false
    };
    if (!quiet2) {
      const n = (s) => merged2.repositories.filter((r) => r.status === s).length;
      process.stderr.write(`keyhound: merged ${found.length} report(s): ${n("scanned")} repositories scanned, ${n("failed")} failed, ${n("skipped")} skipped
`);
    }
    const scanned = { root: "", ruleSet: buildRuleSet2(), settings: { failOn: opts.failOn } };
    let code3 = await writeReport2({ findings: merged2.findings, stats: merged2.stats, repositories: merged2.repositories }, scanned, opts, { command: "merge" });
    if (code3 === EXIT.clean && merged2.repositories.some((r) => r.status === "failed"))
      code3 = EXIT.partial;
    setExit(code3);
  });
}
var init_merge2 = __esm({
  "dist/src/cli/commands/merge.js"() {
    "use strict";
    init_errors();
    init_options();
  }
});

// dist/src/cli/commands/init.js
var init_exports = {};
__export(init_exports, {
  CONFIG_TEMPLATE: () => CONFIG_TEMPLATE,
  WORKFLOW_TEMPLATE: () => WORKFLOW_TEMPLATE,
  preCommitTemplate: () => preCommitTemplate,
  registerInit: () => registerInit
});
function preCommitTemplate() {
  return `# pre-commit (https://pre-commit.com): pre-commit install, then every commit is scanned.
repos:
  - repo: ${INFORMATION_URI}
    rev: v${toolVersion()}
    hooks:
      - id: keyhound
`;
}
function writeNew(dir, rel, text, force) {
  const file = join(dir, rel);
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (st?.isSymbolicLink())
    throw new UsageError(`${rel} is a symbolic link: left in place`);
  if (st && !force)
    return "kept";
  if (st && !st.isFile())
    throw new UsageError(`${rel} exists and is not a file: left in place`);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text, { flag: force ? "w" : "wx", mode: 420 });
  return "wrote";
}
function registerInit(program) {
  program.command("init").description("write a commented .keyhound.yaml (and, on request, a pre-commit config or a GitHub workflow)").argument("[dir]", "project folder", ".").option("--pre-commit", "also write .pre-commit-config.yaml running the keyhound hook").option("--github-action", "also write .github/workflows/keyhound.yml (pull requests, pushes, code scanning)").option("--force", "overwrite files that exist").addHelpText("after", "\nExamples:\n  keyhound init\n  keyhound init --pre-commit --github-action\n").action((dirArg, raw) => {
    const dir = resolve(dirArg);
    if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(`not a folder: ${dirArg}`);
    const plan = [[".keyhound.yaml", CONFIG_TEMPLATE]];
    if (raw.preCommit)
      plan.push([".pre-commit-config.yaml", preCommitTemplate()]);
    if (raw.githubAction)
      plan.push([join(".github", "workflows", "keyhound.yml"), WORKFLOW_TEMPLATE]);
    for (const [rel, text] of plan) {
      const shown = relative(process.cwd(), join(dir, rel)) || rel;
      if (writeNew(dir, rel, text, !!raw.force) === "wrote") {
        process.stdout.write(`wrote ${shown}
`);
      } else {
        process.stdout.write(`kept ${shown} (exists; --force overwrites it)
`);
        if (rel === ".pre-commit-config.yaml")
          process.stdout.write(`add under repos:
${preCommitTemplate().split("\n").slice(2).join("\n")}`);
      }
    }
  });
}
var CONFIG_TEMPLATE, WORKFLOW_TEMPLATE;
var init_init = __esm({
  "dist/src/cli/commands/init.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    init_errors();
    init_output();
    CONFIG_TEMPLATE = `# keyhound configuration (https://github.com/keyhound/keyhound/blob/main/docs/configuration.md).
# Every key is optional; the command line wins over this file.

# Start from the built-in rules (default) or from none of them.
extends: default

# rules:
#   disable: [coinbase-cdp-api-key-name]   # rule ids: keyhound rules list
#   severity:                              # error | warning | note
#     infura-project-id: note

# Paths never read (gitignore syntax, relative to this folder); counted as skipped.
paths:
  exclude: []
  #  - vendor/
  #  - '*.min.js'

# Exit 1 when a finding is at or above this level: error | warning | note | never.
fail-on: warning

# Files larger than this are skipped with a warning.
max-file-size: 10MB

# Findings recorded here are reported as suppressed, not as new (scan, history, staged and the
# GitHub Action read it). Record today's: keyhound scan --write-baseline .keyhound-baseline.json
# baseline: .keyhound-baseline.json

# Values reviewed as harmless; each needs a reason.
# allow:
#   - fingerprint: 59d37ae122bcf69e2c26a017c2af8907   # from any report
#     reason: revoked in SEC-1234
#   - pattern: '^sk_test_'
#     reason: Stripe test-mode keys
`;
    WORKFLOW_TEMPLATE = `# keyhound: secrets in pull requests and pushes, with code scanning alerts.
name: secrets
on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  actions: read
  security-events: write   # upload-sarif

jobs:
  keyhound:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # the pull request's base commit is needed
      - name: keyhound
        id: keyhound
        uses: keyhound/keyhound@v1   # pin to a commit for supply-chain safety: keyhound/keyhound@<sha>
      - name: Upload SARIF to code scanning
        if: \${{ !cancelled() && steps.keyhound.outputs.sarif-file != '' }}
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: \${{ steps.keyhound.outputs.sarif-file }}
          category: keyhound
`;
  }
});

// dist/src/cli/commands/completion.js
var completion_exports = {};
__export(completion_exports, {
  registerCompletion: () => registerCompletion
});
function entries(tree) {
  const flags = (c) => c.options.filter((o) => !o.hidden).flatMap((o) => [o.short, o.long].filter((f) => !!f)).concat("--help");
  const commands = tree.commands.filter((c) => !c._hidden).map((c) => ({ names: [c.name(), ...c.aliases()], options: [...flags(c), ...c.commands.map((s) => s.name())] }));
  return { commands, global: flags(tree) };
}
function bash(tree) {
  const { commands, global } = entries(tree);
  const cases = commands.map((c) => `    ${c.names.join("|")}) words="${quote(c.options)}" ;;`).join("\n");
  return `# keyhound completion for bash: eval "$(keyhound completion bash)" (e.g. in ~/.bashrc)
_keyhound() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmd="" words i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in -*) ;; *) cmd=\${COMP_WORDS[i]}; break ;; esac
  done
  case $cmd in
${cases}
    *) words="${quote([...commands.flatMap((c) => c.names), ...global])}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -o bashdefault -F _keyhound keyhound
`;
}
function zsh(tree) {
  return `# keyhound completion for zsh: eval "$(keyhound completion zsh)" (e.g. in ~/.zshrc)
autoload -U +X bashcompinit && bashcompinit
${bash(tree).split("\n").slice(1).join("\n")}`;
}
function fish(tree) {
  const { commands, global } = entries(tree);
  const all = commands.flatMap((c) => c.names);
  const lines2 = [
    "# keyhound completion for fish: keyhound completion fish > ~/.config/fish/completions/keyhound.fish",
    "complete -c keyhound -f",
    `complete -c keyhound -n "not __fish_seen_subcommand_from ${all.join(" ")}" -a "${all.join(" ")}"`,
    ...global.filter((f) => f.startsWith("--")).map((f) => `complete -c keyhound -n "not __fish_seen_subcommand_from ${all.join(" ")}" -l ${f.slice(2)}`)
  ];
  for (const c of commands) {
    const when = `__fish_seen_subcommand_from ${c.names.join(" ")}`;
    for (const o of c.options) {
      if (o.startsWith("--"))
        lines2.push(`complete -c keyhound -n "${when}" -l ${o.slice(2)}`);
      else if (o.startsWith("-"))
        lines2.push(`complete -c keyhound -n "${when}" -s ${o.slice(1)}`);
      else
        lines2.push(`complete -c keyhound -n "${when}" -a ${o}`);
    }
    lines2.push(`complete -c keyhound -n "${when}" -F`);
  }
  return lines2.join("\n") + "\n";
}
function registerCompletion(program, _setExit, fullTree) {
  program.command("completion").description("print a shell completion script (bash, zsh or fish)").argument("<shell>", "bash, zsh or fish").addHelpText("after", '\nExamples:\n  eval "$(keyhound completion bash)"      # in ~/.bashrc\n  keyhound completion fish > ~/.config/fish/completions/keyhound.fish\n').action(async (shell) => {
    const render2 = Object.hasOwn(SHELLS, shell) ? SHELLS[shell] : void 0;
    if (!render2)
      throw new UsageError(`unknown shell "${shell}" (bash, zsh or fish)`);
    process.stdout.write(render2(await fullTree()));
  });
}
var quote, SHELLS;
var init_completion = __esm({
  "dist/src/cli/commands/completion.js"() {
    "use strict";
    init_errors();
    quote = (words) => words.join(" ").replace(/[^\w@%+=:,./ -]/g, "");
    SHELLS = { bash, zsh, fish };
  }
});

// dist/src/report/providers.js
function providerGuide(provider) {
  return Object.hasOwn(PROVIDERS, provider) ? PROVIDERS[provider] : { name: provider };
}
var EXCHANGE_ACTIVITY, PROVIDERS;
var init_providers = __esm({
  "dist/src/report/providers.js"() {
    "use strict";
    EXCHANGE_ACTIVITY = "the account\u2019s API/login history, order history, deposit and withdrawal history and the list of API keys (a new key or a changed whitelist is a sign of takeover)";
    PROVIDERS = {
      binance: { name: "Binance", console: "https://www.binance.com/en/my/settings/api-management", activity: EXCHANGE_ACTIVITY },
      bybit: { name: "Bybit", console: "https://www.bybit.com/app/user/api-management", activity: EXCHANGE_ACTIVITY },
      okx: { name: "OKX", console: "https://www.okx.com/account/my-api", activity: EXCHANGE_ACTIVITY },
      kucoin: { name: "KuCoin", console: "https://www.kucoin.com/account/api", activity: EXCHANGE_ACTIVITY },
      coinbase: {
        name: "Coinbase",
        console: "https://portal.cdp.coinbase.com/",
        revokeHow: "delete the key under API Keys (legacy keys: coinbase.com \u2192 Settings \u2192 API)",
        activity: EXCHANGE_ACTIVITY
      },
      kraken: { name: "Kraken", console: "https://pro.kraken.com/app/settings/api", activity: EXCHANGE_ACTIVITY },
      bitfinex: { name: "Bitfinex", console: "https://setting.bitfinex.com/api", activity: EXCHANGE_ACTIVITY },
      gemini: { name: "Gemini", console: "https://exchange.gemini.com/settings/api", activity: EXCHANGE_ACTIVITY },
      bitmex: { name: "BitMEX", console: "https://www.bitmex.com/app/apiKeys", activity: EXCHANGE_ACTIVITY },
      bitget: { name: "Bitget", revokeHow: "delete the key under API Management", activity: EXCHANGE_ACTIVITY },
      mexc: { name: "MEXC", revokeHow: "delete the key under API Management", activity: EXCHANGE_ACTIVITY },
      gate: { name: "Gate", revokeHow: "delete the key under API Management", activity: EXCHANGE_ACTIVITY },
      htx: { name: "HTX", revokeHow: "delete the key under API Management", activity: EXCHANGE_ACTIVITY },
      poloniex: { name: "Poloniex", revokeHow: "delete the key under API Keys", activity: EXCHANGE_ACTIVITY },
      deribit: { name: "Deribit", revokeHow: "remove the key under Account \u2192 API", activity: EXCHANGE_ACTIVITY },
      bitstamp: { name: "Bitstamp", revokeHow: "delete the key under Settings \u2192 API access", activity: EXCHANGE_ACTIVITY },
      fireblocks: { name: "Fireblocks", console: "https://console.fireblocks.io/", revokeHow: "disable the API user under Settings \u2192 API Users", activity: "the workspace audit log" },
      bitgo: { name: "BitGo", console: "https://app.bitgo.com/", revokeHow: "delete the access token under Settings \u2192 Developer Options", activity: "the enterprise audit log and wallet transfers" },
      infura: {
        name: "Infura (MetaMask Developer)",
        console: "https://developer.metamask.io/",
        revokeHow: "delete the API key (or restrict it with allow-lists and a key secret)",
        activity: "the key\u2019s request statistics"
      },
      alchemy: { name: "Alchemy", console: "https://dashboard.alchemy.com/apps", revokeHow: "delete or rotate the app\u2019s API key", activity: "the app\u2019s request logs and usage" },
      quicknode: { name: "QuickNode", console: "https://dashboard.quicknode.com/endpoints", revokeHow: "rotate the endpoint\u2019s token or delete the endpoint", activity: "the endpoint\u2019s metrics" },
      etherscan: { name: "Etherscan", console: "https://etherscan.io/apidashboard", activity: "the key\u2019s API usage" },
      coinmarketcap: { name: "CoinMarketCap", console: "https://pro.coinmarketcap.com/account", revokeHow: "generate a new API key", activity: "the key\u2019s credit usage" },
      coingecko: { name: "CoinGecko", console: "https://www.coingecko.com/en/developers/dashboard", activity: "the key\u2019s call usage" },
      thegraph: { name: "The Graph", console: "https://thegraph.com/studio/apikeys/", activity: "the key\u2019s query usage" },
      github: {
        name: "GitHub",
        console: "https://github.com/settings/tokens",
        revokeHow: "delete the token (GitHub App or OAuth tokens: revoke the app\u2019s authorization)",
        activity: "the security log (https://github.com/settings/security-log) and, for organisation resources, the organisation audit log"
      },
      gitlab: { name: "GitLab", console: "https://gitlab.com/-/user_settings/personal_access_tokens", activity: "the user and group audit events" },
      npm: { name: "npm", console: "https://www.npmjs.com/", revokeHow: "delete the token under Access Tokens", activity: "the packages\u2019 published versions (npm view PACKAGE time)" },
      aws: { name: "AWS", console: "https://console.aws.amazon.com/iam/", revokeHow: "deactivate, then delete the access key of the IAM user", activity: "CloudTrail event history for the access key id" },
      slack: { name: "Slack", console: "https://api.slack.com/apps", revokeHow: "revoke the token or regenerate the app\u2019s credentials", activity: "the workspace access logs" },
      stripe: { name: "Stripe", console: "https://dashboard.stripe.com/apikeys", revokeHow: "roll the key", activity: "the request logs (https://dashboard.stripe.com/logs)" },
      telegram: { name: "Telegram", revokeHow: "send /revoke to @BotFather for the bot", activity: "the bot\u2019s chats and webhook settings" },
      discord: { name: "Discord", console: "https://discord.com/developers/applications", revokeHow: "reset the bot token", activity: "the servers\u2019 audit logs" },
      openai: { name: "OpenAI", console: "https://platform.openai.com/api-keys", activity: "usage (https://platform.openai.com/usage)" },
      anthropic: { name: "Anthropic", console: "https://console.anthropic.com/settings/keys", activity: "usage in the console" },
      huggingface: { name: "Hugging Face", console: "https://huggingface.co/settings/tokens", activity: "the account\u2019s recent activity" },
      groq: { name: "Groq", console: "https://console.groq.com/keys", activity: "usage in the console" },
      sendgrid: { name: "SendGrid", console: "https://app.sendgrid.com/settings/api_keys", activity: "the email activity feed" },
      pinata: { name: "Pinata", console: "https://app.pinata.cloud/developers/api-keys", activity: "the account\u2019s pinned files and usage" },
      ethereum: { name: "Ethereum / EVM wallet", explorer: "https://etherscan.io/address/{address}" },
      bitcoin: { name: "Bitcoin wallet", explorer: "https://mempool.space/address/{address}" },
      solana: { name: "Solana wallet", explorer: "https://solscan.io/account/{address}" },
      cosmos: { name: "Cosmos validator or node key", activity: "the validator\u2019s signing and the chain\u2019s slashing events" },
      substrate: { name: "Substrate wallet" },
      cardano: { name: "Cardano wallet" },
      bip39: { name: "Seed phrase (BIP39)" }
    };
  }
});

// dist/src/report/incident.js
var incident_exports = {};
__export(incident_exports, {
  REPLACEMENTS_FILE: () => REPLACEMENTS_FILE,
  buildIncident: () => buildIncident,
  dateOf: () => dateOf,
  days: () => days,
  extractCommand: () => extractCommand,
  parseAuditLog: () => parseAuditLog,
  reachability: () => reachability,
  reportProblem: () => reportProblem,
  shellQuote: () => shellQuote
});
function parseAuditLog(text) {
  const entries2 = [];
  let bad = 0;
  for (const line of text.split("\n")) {
    if (!line.trim())
      continue;
    try {
      const e = JSON.parse(line);
      if (typeof e.time === "string" && typeof e.fingerprint === "string" && typeof e.outcome === "string")
        entries2.push(e);
      else
        bad++;
    } catch {
      bad++;
    }
  }
  return { entries: entries2, bad };
}
function reportProblem(doc) {
  if (!doc || typeof doc !== "object")
    return "not a JSON object";
  const d = doc;
  if (d.version !== 1)
    return "not a keyhound JSON report (version 1): write one with --format json";
  if (!Array.isArray(d.findings))
    return "no findings array";
  if (!d.stats || typeof d.stats !== "object")
    return "no stats object";
  return void 0;
}
function shellQuote(s) {
  if (/[\u0000-\u001f\u007f]/.test(s)) {
    return `$'${s.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}'`;
  }
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
function extractCommand(f) {
  const path = f.commit?.paths?.[0] ?? f.file;
  const source = f.commit?.sha ? `git show ${shellQuote(`${f.commit.sha}:${path}`)} | ` : "";
  const fileArg = f.commit?.sha ? "" : ` ${shellQuote(path)}`;
  if (f.endLine > f.line) {
    const from = f.endLine - f.line >= 2 ? f.line + 1 : f.line;
    const to2 = f.endLine - f.line >= 2 ? f.endLine - 1 : f.endLine;
    return `${source}sed -n '${from},${to2}p'${fileArg} >> ${REPLACEMENTS_FILE}`;
  }
  const to = Math.max(f.column, f.endColumn - 1);
  return `${source}sed -n '${f.line}p'${fileArg} | cut -c ${f.column}-${to} >> ${REPLACEMENTS_FILE}`;
}
function dateOf(iso) {
  return iso ? iso.slice(0, 10) : "";
}
function days(a, b) {
  const d = (Date.parse(b) - Date.parse(a)) / 864e5;
  return Number.isFinite(d) ? Math.max(0, Math.round(d)) : void 0;
}
function isLeak(f) {
  return !f.knownPublic && !f.suppressed && (f.severity === "error" || f.severity === "warning");
}
function groupCredentials(findings) {
  const parent = /* @__PURE__ */ new Map();
  const find = (x) => {
    let r = x;
    while (parent.get(r) !== r)
      r = parent.get(r);
    parent.set(x, r);
    return r;
  };
  const fps = new Set(findings.map((f) => f.fingerprint));
  for (const fp of fps)
    parent.set(fp, fp);
  for (const f of findings) {
    for (const o of f.related ?? [])
      if (fps.has(o))
        parent.set(find(o), find(f.fingerprint));
  }
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const r = find(f.fingerprint);
    const l = groups.get(r);
    if (l)
      l.push(f);
    else
      groups.set(r, [f]);
  }
  const first = (g) => Math.min(...g.map((f) => Date.parse(f.commit?.date ?? "") || Infinity));
  return [...groups.values()].sort((a, b) => first(a) - first(b) || (a[0].file < b[0].file ? -1 : 1));
}
function consoleRef(g) {
  return g.console ? { link: g.console, text: g.console } : `the ${g.name} console`;
}
function credentialOf(group, index, input, scrub2, scanAt) {
  const findings = [...group].sort((a, b) => (RANK3[b.severity] ?? 0) - (RANK3[a.severity] ?? 0) || (a.commit?.date ?? "").localeCompare(b.commit?.date ?? ""));
  const top = findings[0];
  const provider = top.provider;
  const guide = providerGuide(provider);
  const wallet = findings.some((f) => grantsOf(f) === "wallet") || !!guide.explorer;
  const fingerprints = [...new Set(findings.map((f) => f.fingerprint))];
  const titles = [...new Set(findings.map((f) => scrub2(f.title)))];
  const withCommit = findings.filter((f) => f.commit?.sha).sort((a, b) => (a.commit.date ?? "").localeCompare(b.commit.date ?? ""));
  const intro = withCommit[0];
  const presentAtHead = findings.some((f) => f.commit?.presentAtHead) || withCommit.length === 0 && findings.length > 0;
  const removals = withCommit.filter((f) => f.commit.removedIn).sort((a, b) => (b.commit.removedDate ?? "").localeCompare(a.commit.removedDate ?? ""));
  const removed = !presentAtHead && removals[0] ? { sha: removals[0].commit.removedIn, date: removals[0].commit.removedDate } : void 0;
  const exposureDays = withCommit.length > 0 ? Math.max(...withCommit.map((f) => f.commit.exposureDays ?? days(f.commit.date ?? "", f.commit.removedDate ?? scanAt) ?? 0)) : void 0;
  const fpSet = new Set(fingerprints);
  const audit = (input.audit?.entries ?? []).filter((e) => fpSet.has(e.fingerprint)).sort((a, b) => a.time.localeCompare(b.time));
  const final = [...audit].reverse().find((e) => FINAL.has(e.outcome));
  const verifications = findings.flatMap((f) => f.verification ? [f.verification] : []).sort((a, b) => (a.checkedAt ?? "").localeCompare(b.checkedAt ?? ""));
  const lastCheck = verifications.at(-1);
  const funds = findings.flatMap((f) => f.funds ?? []);
  const state = final && (final.outcome === "revoked" || final.outcome === "already-revoked") ? "revoked" : lastCheck?.status === "invalid" ? "invalid" : lastCheck?.status === "live" ? "live" : "open";
  const id = `C${index + 1}`;
  const locations = uniqueLocations(findings);
  const extract = locations.map(extractCommand);
  const cred = {
    id,
    title: titles.join(" + "),
    provider,
    guide,
    wallet,
    severity: top.severity,
    findings,
    fingerprints,
    introduced: intro ? { commit: intro.commit, file: intro.file } : void 0,
    removed,
    presentAtHead,
    exposureDays,
    audit,
    final,
    verifications,
    funds,
    state,
    steps: [],
    extract
  };
  cred.steps = stepsFor(cred, input, scrub2, scanAt);
  return cred;
}
function uniqueLocations(findings) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const f of findings) {
    const k = `${f.commit?.sha ?? ""}\0${f.commit?.paths?.[0] ?? f.file}\0${f.line}\0${f.column}`;
    if (seen.has(k))
      continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}
function stepsFor(c, input, scrub2, scanAt) {
  const g = c.guide;
  const steps = [];
  const facts = c.findings.map((f) => input.rule?.(f.ruleId)).find((r) => r?.revoker);
  const last = c.verifications.at(-1);
  const address = c.findings.find((f) => f.address)?.address;
  const from = dateOf(c.introduced?.commit.date) || "the first commit that held it";
  const until = c.state === "revoked" && c.final ? dateOf(c.final.time) : "now";
  if (c.state === "revoked" && c.final) {
    steps.push({
      done: true,
      parts: [`Revoked through ${c.final.issuer} (${hostOf(c.final.endpoint)}) on ${c.final.time}: ${c.final.outcome}${c.final.status ? ` (HTTP ${c.final.status})` : ""}.`]
    });
  } else if (c.wallet) {
    const held = c.funds.filter((f) => Number(f.balance) > 0).map((f) => `${f.balance} ${f.unit} on ${f.chain}`);
    steps.push({
      done: false,
      parts: [
        { strong: "Move every asset now" },
        ` (coins, tokens, NFTs${held.length ? `; the address held ${held.join(", ")} when checked` : ""}) from `,
        address ? { code: address } : "the wallet",
        " to a new wallet created from a fresh seed, and revoke the token approvals the old address granted. A leaked private key or seed cannot be revoked; bots sweep leaked keys within minutes."
      ]
    });
  } else {
    const how = g.revokeHow ?? "delete the key";
    const urgent = last?.status === "live" && (last.canWithdraw || last.canTransfer) ? [{ strong: "Urgent: the key was live with withdrawal or transfer rights. " }] : [];
    const lead = c.final?.outcome === "failed" || c.final?.outcome === "skipped" ? [`Revocation through ${c.final.issuer} ${c.final.outcome === "failed" ? "failed" : "was skipped"} on ${c.final.time}${c.final.reason ? ` (${scrub2(c.final.reason)})` : ""}: `] : c.state === "invalid" ? [`The issuer answered \u201Crevoked or invalid\u201D on ${last.checkedAt}; confirm it is gone: `] : ["Revoke it now: "];
    const parts = [...urgent, ...lead, `${how} at `, consoleRef(g), "."];
    if (facts?.revoker && !c.final)
      parts.push(" keyhound can do it through ", { code: facts.revoker }, ": ", { code: "keyhound history --revoke --yes" }, ".");
    steps.push({ done: false, parts });
  }
  steps.push({
    done: false,
    parts: c.wallet ? ["Create the replacement wallet from a fresh seed (hardware signer or secret manager), never in a repository, and point every deployment at it."] : [
      "Create a replacement at ",
      consoleRef(g),
      c.findings.some((f) => grantsOf(f) === "exchange-account") ? " with the least privileges it needs (no withdrawals, an IP allow-list)" : " with the least privileges it needs",
      ", keep it in a secret manager or CI secret, and update everything that used the old one."
    ]
  });
  if (c.presentAtHead) {
    const files = [...new Set(c.findings.map((f) => scrub2(f.file)))];
    steps.push({ done: false, parts: ["Remove it from the working tree (", ...join2(files.map((f) => ({ code: f }))), ") and load it from the environment or a secret store instead; commit that change before purging history."] });
  }
  if (c.wallet) {
    const url2 = address && g.explorer ? g.explorer.replace("{address}", encodeURIComponent(address)) : void 0;
    steps.push({
      done: false,
      parts: ["Check the address history for transfers between ", from, " and ", until, url2 ? ": " : ".", ...url2 ? [{ link: url2, text: url2 }, "."] : []]
    });
  } else {
    steps.push({ done: false, parts: [`Check ${g.activity ?? `the ${g.name} account\u2019s activity and access logs`} for use between ${from} and ${until}.`] });
  }
  steps.push({
    done: false,
    parts: [
      "Purge it from git history: append the value to the replacements file (the command writes it there without showing it), then rewrite history with ",
      { code: `git filter-repo --replace-text ${REPLACEMENTS_FILE}` },
      " (see \u201CPurging history\u201D)."
    ],
    shell: c.extract
  });
  steps.push({
    done: false,
    parts: [
      "Force-push every rewritten branch and tag, ask collaborators to re-clone, and tell the owners of forks and mirrors (they keep the old commits); on GitHub, ask Support to drop cached views and pull-request refs."
    ]
  });
  steps.push({
    done: false,
    parts: ["Confirm with a rescan: ", { code: "keyhound history --format json" }, ` reports no finding with fingerprint${c.fingerprints.length > 1 ? "s" : ""} `, ...join2(c.fingerprints.map((fp) => ({ code: fp }))), "."]
  });
  void scanAt;
  return steps;
}
function join2(items, sep2 = ", ") {
  return items.flatMap((it, i) => i ? [sep2, it] : [it]);
}
function hostOf(endpoint) {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
function buildIncident(input) {
  const report = input.report;
  const all = report.findings ?? [];
  const scrub2 = makeScrub(all.flatMap((f) => f.secret ? [{ secret: f.secret, redacted: f.redacted }] : []), input.showSecrets);
  const now = input.now ?? (/* @__PURE__ */ new Date()).toISOString();
  const scanAt = report.scan?.startedAt ?? now;
  const leaks = all.filter(isLeak);
  const credentials = groupCredentials(leaks).map((g, i) => credentialOf(g, i, input, scrub2, scanAt));
  const s = report.stats;
  const known2 = all.filter((f) => f.knownPublic).length;
  const notes = all.filter((f) => !f.knownPublic && !f.suppressed && f.severity === "note").length;
  const suppressedShown = all.filter((f) => f.suppressed).length;
  const su = breakdown(s?.suppressed ?? {}, SUPPRESSED_LABELS);
  const sk = breakdown(s?.skipped ?? {}, SKIPPED_LABELS);
  const count2 = (st) => credentials.filter((c) => c.state === st).length;
  const sc = report.scan;
  const header = [];
  header.push(["Scan", sc ? [`${sc.startedAt} (`, { code: `keyhound ${sc.command}` }, `, keyhound ${sc.version})`] : ["unknown (the report has no scan header)"]]);
  if (sc?.refs?.length)
    header.push(["Refs", join2(sc.refs.map((r) => ({ code: r === "--all" ? "all refs (--all)" : scrub2(r) })))]);
  if (sc?.repositoryUrl)
    header.push(["Repository", [{ link: sc.repositoryUrl, text: sc.repositoryUrl }]]);
  const repos = [...new Set(leaks.flatMap((f) => f.repository ? [scrub2(f.repository)] : []))];
  if (repos.length)
    header.push(["Repositories", join2(repos.map((r) => ({ code: r })))]);
  header.push([
    "Scanned",
    [[plural(s?.files ?? 0, "file"), s?.commits !== void 0 ? plural(s.commits, "commit") : "", s?.blobs !== void 0 ? plural(s.blobs, "blob") : ""].filter(Boolean).join(", ")]
  ]);
  header.push([
    "Totals",
    [
      `${plural(credentials.length, "leaked credential")} (${plural(leaks.length, "finding")}): ${count2("revoked")} revoked, ${count2("invalid")} reported invalid by the issuer, ${count2("live")} verified live, ${count2("open")} not revoked or checked.`
    ]
  ]);
  header.push([
    "Not included",
    [
      `${plural(known2, "known public test key")}, ${plural(notes, "note")}, ${plural(suppressedShown + su.total, "suppressed finding")}${su.text ? ` (${su.text})` : ""}; ${plural(sk.total, "skipped file")}${sk.text ? ` (${sk.text})` : ""}.`
    ]
  ]);
  header.push([
    "Audit log",
    input.audit ? [{ code: input.audit.file }, `: ${plural(credentials.reduce((n, c) => n + c.audit.length, 0), "entry", "entries")} about these credentials${input.audit.bad ? `; ${plural(input.audit.bad, "unreadable line")} ignored` : ""}.`] : ["none given (pass --audit-log FILE to record revocations)."]
  ]);
  header.push(["Written", [`${now} by keyhound ${input.version}`]]);
  const timeline = [];
  for (const c of credentials) {
    if (c.introduced?.commit.date) {
      const ci = c.introduced.commit;
      timeline.push({ at: ci.date, credential: c.id, text: [`${c.title} introduced in `, { code: shortSha(ci.sha) }, `${ci.author ? ` by ${scrub2(ci.author)}` : ""} (`, { code: scrub2(c.introduced.file) }, ")"] });
    }
    if (c.removed?.date)
      timeline.push({ at: c.removed.date, credential: c.id, text: ["removed from the tree in ", { code: shortSha(c.removed.sha) }, " (still in history)"] });
    for (const e of c.audit) {
      if (e.outcome === "retrying")
        continue;
      timeline.push({ at: e.time, credential: c.id, text: [`revocation through ${e.issuer}: ${e.outcome}${e.status ? ` (HTTP ${e.status})` : ""}`] });
    }
    for (const v of c.verifications)
      timeline.push({ at: v.checkedAt, credential: c.id, text: [`verified with ${v.issuer}: ${v.status}`] });
  }
  if (sc?.startedAt)
    timeline.push({ at: sc.startedAt, text: ["scan by keyhound"] });
  const t = (iso) => Date.parse(iso) || 0;
  timeline.sort((a, b) => t(a.at) - t(b.at));
  const notesOut = [];
  if (sc && sc.command !== "history" && sc.command !== "action") {
    notesOut.push(`This report comes from \`keyhound ${sc.command}\`, which reads files, not commits: run \`keyhound history --format json\` to learn which commits hold these values and for how long.`);
  }
  const repoName = sc?.repositoryUrl?.split("/").pop() ?? "the repository";
  return {
    title: `Incident report: ${plural(credentials.length, "leaked credential")}${repos.length === 1 ? ` in ${repos[0]}` : sc?.repositoryUrl ? ` in ${repoName}` : ""}`,
    header,
    credentials,
    timeline,
    notes: notesOut,
    now,
    report
  };
}
function reachability(c, report) {
  const sc = report.scan;
  if (!c.introduced)
    return "unknown: not a history scan";
  const refs = sc?.refs ?? [];
  const where2 = refs.length === 0 || refs.includes("--all") ? "a ref (the scan walked every ref)" : `the scanned refs (${refs.join(", ")})`;
  return c.presentAtHead ? `yes: in the tree at HEAD and in every commit since ${shortSha(c.introduced.commit.sha)}, reachable from ${where2}` : `yes: removed from the tree, but the commits from ${shortSha(c.introduced.commit.sha)} to ${c.removed ? shortSha(c.removed.sha) : "its removal"} stay reachable from ${where2} until history is rewritten`;
}
var REPLACEMENTS_FILE, RANK3, FINAL;
var init_incident = __esm({
  "dist/src/report/incident.js"() {
    "use strict";
    init_common();
    init_json();
    init_providers();
    REPLACEMENTS_FILE = "../keyhound-replacements.txt";
    RANK3 = { error: 2, warning: 1, note: 0 };
    FINAL = /* @__PURE__ */ new Set(["revoked", "already-revoked", "failed", "skipped"]);
  }
});

// dist/src/report/incident-render.js
var incident_render_exports = {};
__export(incident_render_exports, {
  codeSpan: () => codeSpan,
  purgeSteps: () => purgeSteps,
  renderIncidentHtml: () => renderIncidentHtml,
  renderIncidentMarkdown: () => renderIncidentMarkdown
});
function factsOf(c, incident, showSecrets) {
  const leaked = [];
  leaked.push(["Provider", [`${c.guide.name} (`, { code: c.provider }, ")"]]);
  leaked.push(["Rule", join3([...new Set(c.findings.map((f) => f.ruleId))].map((r) => ({ code: r })))]);
  const values = [...new Set(c.findings.map((f) => showSecrets && f.secret !== void 0 ? f.secret : f.redacted))];
  leaked.push([showSecrets && c.findings.some((f) => f.secret !== void 0) ? "Value" : "Value (redacted)", join3(values.map((v) => ({ code: v })))]);
  leaked.push(["Fingerprint", join3(c.fingerprints.map((fp) => ({ code: fp })))]);
  const addresses = [...new Set(c.findings.flatMap((f) => f.address ? [f.address] : []))];
  if (addresses.length)
    leaked.push(["Derived address", join3(addresses.map((a) => ({ code: a })))]);
  const keys = [...new Set(c.findings.flatMap((f) => f.key ? [f.key] : []))];
  if (keys.length)
    leaked.push(["Assigned to", join3(keys.map((k) => ({ code: k })))]);
  if (c.funds.length)
    leaked.push(["Funds when checked", [c.funds.map((f) => `${f.balance} ${f.unit} on ${f.chain} (${plural(f.txCount, "transaction")})`).join("; ")]]);
  const where2 = c.findings.map((f) => ({
    repository: f.repository,
    file: f.file,
    line: f.line,
    commit: f.commit?.sha,
    author: f.commit?.author,
    date: f.commit?.date
  }));
  const since = [];
  if (c.introduced) {
    const ci = c.introduced.commit;
    since.push(["Introduced", [`${ci.date ? ci.date.slice(0, 10) : "unknown date"} in `, { code: shortSha(ci.sha) }, ci.author ? ` by ${ci.author}` : "", ci.subject ? ` \u2014 \u201C${ci.subject}\u201D` : ""]]);
    since.push(["Removed", c.presentAtHead ? [{ strong: "no \u2014 still present at HEAD" }] : c.removed ? [`${c.removed.date?.slice(0, 10) ?? ""} in `, { code: shortSha(c.removed.sha) }] : ["unknown"]]);
    since.push(["Exposed", [c.exposureDays !== void 0 ? `${plural(c.exposureDays, "day")}${c.presentAtHead ? " and counting" : ""}` : "unknown"]]);
  } else {
    since.push(["Introduced", ["unknown (not a history scan)"]]);
  }
  since.push(["Reachable from a ref", [reachability(c, incident.report)]]);
  const done = [];
  for (const e of c.audit) {
    done.push([
      `${e.time}: revocation through ${e.issuer} (`,
      { code: hostOf2(e.endpoint) },
      e.attempt > 0 ? `), attempt ${e.attempt}: ` : "), not sent: ",
      { strong: e.outcome },
      `${e.status ? ` (HTTP ${e.status})` : ""}${e.reason ? ` \u2014 ${e.reason}` : ""}`
    ]);
  }
  for (const v of c.verifications) {
    const rights = [v.canWithdraw ? "can withdraw" : "", v.canTransfer ? "can transfer" : "", v.canTrade ? "can trade" : "", v.ipRestricted === false ? "no IP allow-list" : ""].filter(Boolean);
    done.push([
      `${v.checkedAt}: verified with ${v.issuer} (`,
      { code: v.host },
      "): ",
      { strong: v.status },
      `${v.permissions?.length ? `; permissions ${v.permissions.join(", ")}` : ""}${rights.length ? `; ${rights.join(", ")}` : ""}${v.detail ? ` \u2014 ${v.detail}` : ""}`
    ]);
  }
  return { leaked, where: where2, since, done };
}
function utcTime(iso) {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19).replace("T", " ") : iso;
}
function hostOf2(endpoint) {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
function join3(items, sep2 = ", ") {
  return items.flatMap((it, i) => i ? [sep2, it] : [it]);
}
function codeSpan(s) {
  const t = terminalSafe(s).replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((m13) => m13.length));
  const fence = "`".repeat(longest + 1);
  const pad2 = t.startsWith("`") || t.endsWith("`") ? " " : "";
  return `${fence}${pad2}${t}${pad2}${fence}`;
}
function mdInline(parts) {
  return parts.map((p) => {
    if (typeof p === "string")
      return mdText(p);
    if ("code" in p)
      return codeSpan(p.code);
    if ("strong" in p)
      return `**${mdText(p.strong)}**`;
    const url2 = safeHttpsUrl(p.link);
    return url2 ? `[${mdText(p.text)}](${url2.replace(/[()\s]/g, encodeURIComponent)})` : mdText(p.text);
  }).join("");
}
function mdFence(lines2, indent = "") {
  const body = lines2.map((l) => terminalSafe(l));
  const longest = Math.max(2, ...body.flatMap((l) => (l.match(/`+/g) ?? []).map((m13) => m13.length)));
  const fence = "`".repeat(longest + 1);
  return [`${indent}${fence}sh`, ...body.map((l) => indent + l), `${indent}${fence}`];
}
function mdStep(s) {
  const out = [`- [${s.done ? "x" : " "}] ${mdInline(s.parts)}`];
  if (s.shell?.length)
    out.push("", ...mdFence(s.shell, "  "), "");
  return out;
}
function mdKv(rows) {
  return rows.map(([k, v]) => `- **${mdText(k)}:** ${mdInline(v)}`);
}
function renderIncidentMarkdown(incident, showSecrets = false) {
  const out = [`# ${mdText(incident.title)}`, ""];
  out.push("| | |", "| --- | --- |", ...incident.header.map(([k, v]) => `| **${mdText(k)}** | ${mdInline(v)} |`), "");
  for (const n of incident.notes)
    out.push(`> [!NOTE]
> ${mdText(n).replace(/\\`/g, "`")}`, "");
  if (showSecrets && incident.credentials.some((c) => c.findings.some((f) => f.secret !== void 0))) {
    out.push("> [!CAUTION]\n> Written with --show-secrets: this report holds secrets in full. Keep it private.", "");
  }
  if (incident.credentials.length === 0) {
    out.push("No leaked credential in this report.", "");
  } else {
    out.push("## Summary", "", "| # | Credential | Where | Introduced | Exposed | State |", "| --- | --- | --- | --- | --- | --- |");
    for (const c of incident.credentials) {
      const f = c.findings[0];
      const intro = c.introduced ? `${mdText(c.introduced.commit.date?.slice(0, 10) ?? "")} ${codeSpan(shortSha(c.introduced.commit.sha))}` : "";
      const exposed = c.exposureDays !== void 0 ? `${plural(c.exposureDays, "day")}${c.presentAtHead ? ", still at HEAD" : ""}` : "";
      out.push(`| ${c.id} | ${mdText(c.title)} | ${codeSpan(`${f.repository ? `${f.repository}: ` : ""}${f.file}:${f.line}`)} | ${intro} | ${exposed} | **${STATE_LABEL[c.state]}** |`);
    }
    out.push("");
  }
  for (const c of incident.credentials) {
    const facts = factsOf(c, incident, showSecrets);
    out.push(`## ${c.id} \xB7 ${mdText(c.title)} \u2014 ${STATE_LABEL[c.state]}`, "");
    out.push("### What leaked", "", ...mdKv(facts.leaked), "");
    out.push("### Where", "", "| Repository | File | Line | Commit | Author | Date |", "| --- | --- | --- | --- | --- | --- |");
    for (const w of facts.where) {
      out.push(`| ${w.repository ? mdText(w.repository) : ""} | ${codeSpan(w.file)} | ${w.line} | ${w.commit ? codeSpan(shortSha(w.commit)) : ""} | ${w.author ? mdText(w.author) : ""} | ${w.date ? mdText(w.date.slice(0, 10)) : ""} |`);
    }
    out.push("", "### Since when", "", ...mdKv(facts.since), "");
    out.push("### What was done", "");
    if (facts.done.length)
      out.push(...facts.done.map((d) => `- ${mdInline(d)}`));
    else
      out.push("- Nothing recorded: no revocation attempt in the audit log and no verification in the report.");
    out.push("", "### What remains", "", ...c.steps.flatMap(mdStep), "");
  }
  if (incident.timeline.length) {
    out.push("## Timeline", "", "| Date (UTC) | Credential | Event |", "| --- | --- | --- |");
    for (const e of incident.timeline)
      out.push(`| ${mdText(utcTime(e.at))} | ${e.credential ?? ""} | ${mdInline(e.text)} |`);
    out.push("");
  }
  if (incident.credentials.length) {
    out.push("## Purging history", "", ...purgeSteps().map((p, i) => `${i + 1}. ${mdInline(p.parts)}${p.shell ? `

${mdFence(p.shell, "   ").join("\n")}
` : ""}`), "");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
function purgeSteps() {
  return [
    { done: false, parts: ["Work in a fresh mirror clone (git filter-repo refuses to rewrite a repository that is not a fresh clone) and keep the replacements file outside it, readable only by you:"], shell: ["git clone --mirror REPOSITORY-URL repo.git && cd repo.git", "umask 077"] },
    { done: false, parts: ["Run each credential\u2019s \u201Cappend\u201D command above from inside the clone. Each writes one value per line to ", { code: REPLACEMENTS_FILE }, " without printing it. Check the result by its first characters only, against the redacted values in this report:"], shell: [`cut -c 1-4 ${REPLACEMENTS_FILE}`] },
    { done: false, parts: ["Rewrite every commit, replacing each value with ", { code: "***REMOVED***" }, " (add ", { code: "--sensitive-data-removal" }, " on git filter-repo 2.47 or later to also get the list of stale refs to clean up):"], shell: [`git filter-repo --replace-text ${REPLACEMENTS_FILE}`] },
    {
      done: false,
      parts: ["Push the rewritten history (git filter-repo removes the origin remote so that nothing is pushed by mistake) and delete the replacements file:"],
      shell: ["git remote add origin REPOSITORY-URL", "git push --force --mirror origin", `shred -u ${REPLACEMENTS_FILE} || rm -f ${REPLACEMENTS_FILE}`]
    }
  ];
}
function htmlInline(parts) {
  return parts.map((p) => {
    if (typeof p === "string")
      return esc(p);
    if ("code" in p)
      return `<code>${esc(p.code)}</code>`;
    if ("strong" in p)
      return `<strong>${esc(p.strong)}</strong>`;
    const url2 = safeHttpsUrl(p.link);
    return url2 ? `<a href="${esc(url2)}" rel="noreferrer noopener">${esc(p.text)}</a>` : esc(p.text);
  }).join("");
}
function htmlSteps(steps) {
  return `<ul class="check">${steps.map((s) => `<li${s.done ? ' class="done"' : ""}>${htmlInline(s.parts)}${s.shell?.length ? `<pre><code>${s.shell.map(esc).join("\n")}</code></pre>` : ""}</li>`).join("")}</ul>`;
}
function renderIncidentHtml(incident, showSecrets = false) {
  const parts = ["<main>", `<header><h1>${esc(incident.title)}</h1></header>`, kvTable(incident.header)];
  for (const n of incident.notes)
    parts.push(`<div class="warnbox">${esc(n)}</div>`);
  if (incident.credentials.length === 0)
    parts.push("<p>No leaked credential in this report.</p>");
  else {
    parts.push('<h2>Summary</h2><table id="summary"><thead><tr><th>#</th><th>credential</th><th>where</th><th>introduced</th><th>exposed</th><th>state</th></tr></thead><tbody>', ...incident.credentials.map((c) => {
      const f = c.findings[0];
      return `<tr><td><a href="#${c.id.toLowerCase()}">${c.id}</a></td><td>${esc(c.title)}</td><td><code>${esc(`${f.repository ? `${f.repository}: ` : ""}${f.file}:${f.line}`)}</code></td><td>${esc(c.introduced?.commit.date?.slice(0, 10) ?? "")} ${c.introduced ? `<code>${esc(shortSha(c.introduced.commit.sha))}</code>` : ""}</td><td>${c.exposureDays !== void 0 ? plural(c.exposureDays, "day") : ""}</td><td><span class="chip ${c.state === "revoked" ? "ok" : "bad"}">${esc(STATE_LABEL[c.state])}</span></td></tr>`;
    }), "</tbody></table>");
    const now = incident.report.scan?.startedAt ?? incident.now;
    const svg = timelineSvg(incident.credentials.filter((c) => c.introduced?.commit.date).map((c) => ({
      label: `${c.id} ${c.title}`,
      start: c.introduced.commit.date,
      end: c.presentAtHead ? void 0 : c.removed?.date,
      marks: c.audit.filter((e) => e.outcome === "revoked" || e.outcome === "already-revoked").map((e) => ({ at: e.time, label: `revoked through ${e.issuer} on ${e.time}` }))
    })), now);
    if (svg)
      parts.push(`<section class="timeline"><h2>Exposure</h2>${svg}<p class="muted">Bars: from the introducing commit to the removal (amber) or the scan (red, still in the tree); green dots: revocations.</p></section>`);
  }
  for (const c of incident.credentials) {
    const facts = factsOf(c, incident, showSecrets);
    parts.push(`<section class="cred" id="${c.id.toLowerCase()}"><h3>${esc(c.id)} \xB7 ${esc(c.title)} <span class="chip ${c.state === "revoked" ? "ok" : "bad"}">${esc(STATE_LABEL[c.state])}</span></h3>`, "<h4>What leaked</h4>", kvTable(facts.leaked), "<h4>Where</h4><table><thead><tr><th>repository</th><th>file</th><th>line</th><th>commit</th><th>author</th><th>date</th></tr></thead><tbody>", ...facts.where.map((w) => `<tr><td>${esc(w.repository ?? "")}</td><td><code>${esc(w.file)}</code></td><td>${w.line}</td><td>${w.commit ? `<code>${esc(shortSha(w.commit))}</code>` : ""}</td><td>${esc(w.author ?? "")}</td><td>${esc(w.date?.slice(0, 10) ?? "")}</td></tr>`), "</tbody></table>", "<h4>Since when</h4>", kvTable(facts.since), "<h4>What was done</h4>", facts.done.length ? `<ul>${facts.done.map((d) => `<li>${htmlInline(d)}</li>`).join("")}</ul>` : "<p>Nothing recorded: no revocation attempt in the audit log and no verification in the report.</p>", "<h4>What remains</h4>", htmlSteps(c.steps), "</section>");
  }
  if (incident.timeline.length) {
    parts.push('<h2>Timeline</h2><table id="timeline-table"><thead><tr><th>date (UTC)</th><th>credential</th><th>event</th></tr></thead><tbody>', ...incident.timeline.map((e) => `<tr><td>${esc(utcTime(e.at))}</td><td>${esc(e.credential ?? "")}</td><td>${htmlInline(e.text)}</td></tr>`), "</tbody></table>");
  }
  if (incident.credentials.length) {
    parts.push("<h2>Purging history</h2><ol>", ...purgeSteps().map((s) => `<li>${htmlInline(s.parts)}${s.shell ? `<pre><code>${s.shell.map(esc).join("\n")}</code></pre>` : ""}</li>`), "</ol>");
  }
  parts.push(`<footer>Written ${esc(incident.now)} by keyhound. ${showSecrets ? "May hold secrets in full (--show-secrets): keep it private." : "Secrets are redacted."} The page makes no network requests.</footer>`, "</main>");
  return htmlPage({ title: incident.title, body: parts.join("\n") });
}
var STATE_LABEL, mdText, kvTable;
var init_incident_render = __esm({
  "dist/src/report/incident-render.js"() {
    "use strict";
    init_common();
    init_github();
    init_html_page();
    init_html();
    init_incident();
    init_text();
    STATE_LABEL = {
      revoked: "revoked",
      invalid: "reported invalid \u2014 confirm",
      live: "LIVE \u2014 act now",
      open: "not revoked"
    };
    mdText = (s) => mdCell(terminalSafe(s));
    kvTable = (rows) => `<table><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${htmlInline(v)}</td></tr>`).join("")}</tbody></table>`;
  }
});

// dist/src/cli/commands/incident.js
var incident_exports2 = {};
__export(incident_exports2, {
  registerIncident: () => registerIncident
});
function readRegular(path, what) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st)
    throw new UsageError(`${what} ${path} does not exist`);
  if (!st.isFile())
    throw new UsageError(`${what} ${path} is not a regular file`);
  if (st.size > MAX_INPUT)
    throw new UsageError(`${what} ${path} is larger than ${MAX_INPUT} bytes`);
  return readFileSync(path, "utf8");
}
function registerIncident(program, setExit) {
  program.command("incident").description("write an incident report from a JSON report (keyhound history --format json) and the revocation audit log: what leaked, where, since when, what was done and what remains, per credential").argument("<report>", "JSON report written by keyhound scan, history or staged with --format json").option("--audit-log <file>", "revocation audit log, JSON lines (default: ~/.local/state/keyhound/audit.jsonl when it exists)").addOption(new import_commander3.Option("-f, --format <format>", "output format").choices(["md", "html"]).default("md")).option("-o, --output <file>", "write the incident report to a file instead of standard output").option("--show-secrets", "print secrets in full when the JSON report holds them (it does only if written with --show-secrets)", false).action(async (reportPath, raw) => {
    const [{ buildIncident: buildIncident2, parseAuditLog: parseAuditLog2, reportProblem: reportProblem2 }, { renderIncidentHtml: renderIncidentHtml2, renderIncidentMarkdown: renderIncidentMarkdown2 }, { loadRuleDir: loadRuleDir2 }, { toolVersion: toolVersion2 }, { defaultRevokePaths: defaultRevokePaths2 }] = await Promise.all([
      Promise.resolve().then(() => (init_incident(), incident_exports)),
      Promise.resolve().then(() => (init_incident_render(), incident_render_exports)),
      Promise.resolve().then(() => (init_loader(), loader_exports)),
      Promise.resolve().then(() => (init_output(), output_exports)),
      Promise.resolve().then(() => (init_revoke(), revoke_exports))
    ]);
    let doc;
    try {
      doc = JSON.parse(readRegular(reportPath, "report"));
    } catch (e) {
      if (e instanceof UsageError)
        throw e;
      throw new UsageError(`report ${reportPath} is not JSON: write it with --format json`);
    }
    const problem = reportProblem2(doc);
    if (problem)
      throw new UsageError(`report ${reportPath}: ${problem}`);
    const explicit = raw.auditLog;
    const fallback = defaultRevokePaths2().auditLog;
    const auditPath = explicit ?? (existsSync(fallback) ? fallback : void 0);
    const audit = auditPath ? { file: auditPath, ...parseAuditLog2(readRegular(resolve(auditPath), "audit log")) } : void 0;
    let rules = /* @__PURE__ */ new Map();
    try {
      rules = new Map(loadRuleDir2().rules.map((r) => [r.id, { remediation: r.remediation, revoker: r.revoker }]));
    } catch {
    }
    const showSecrets = !!raw.showSecrets;
    const incident = buildIncident2({
      report: doc,
      audit,
      showSecrets,
      rule: (id) => rules.get(id),
      version: toolVersion2()
    });
    const text = raw.format === "html" ? renderIncidentHtml2(incident, showSecrets) : renderIncidentMarkdown2(incident, showSecrets);
    if (raw.output)
      writeFileSync(raw.output, text, { mode: 384 });
    else
      process.stdout.write(text);
    if (audit?.bad)
      process.stderr.write(`keyhound: warning: ${audit.bad} line(s) of ${audit.file} are not audit entries and were ignored
`);
    setExit(EXIT.clean);
  });
}
var import_commander3, MAX_INPUT;
var init_incident2 = __esm({
  "dist/src/cli/commands/incident.js"() {
    "use strict";
    init_node_fs();
    init_node_path();
    import_commander3 = __toESM(require_commander(), 1);
    init_errors();
    MAX_INPUT = 512 * 1024 * 1024;
  }
});

// dist/src/cli/main.js
var import_commander5 = __toESM(require_commander(), 1);
init_errors();

// dist/src/cli/install-problems.js
init_tool();
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
  const name2 = /Cannot find (?:module|package) '([^']+)'/.exec(err.message ?? "")?.[1];
  if (!name2 || /^[./\\]|^[A-Za-z]:/.test(name2))
    return void 0;
  return `keyhound's dependencies are not installed (cannot load ${name2}). Install them where keyhound is (npm ci) with a supported Node.js: ${supportedNode()} (this is ${node}).`;
}
function loadFailure(e) {
  return nativeMismatch(e) ?? missingDependency(e);
}

// dist/src/cli/program.js
var import_commander4 = __toESM(require_commander(), 1);
init_output();
var COMMANDS = {
  scan: async () => (await Promise.resolve().then(() => (init_scan2(), scan_exports))).registerScan,
  history: async () => (await Promise.resolve().then(() => (init_history(), history_exports))).registerHistory,
  staged: async () => (await Promise.resolve().then(() => (init_staged(), staged_exports))).registerStaged,
  "install-hook": async () => (await Promise.resolve().then(() => (init_install_hook(), install_hook_exports))).registerInstallHook,
  revoke: async () => (await Promise.resolve().then(() => (init_revoke2(), revoke_exports2))).registerRevoke,
  rules: async () => (await Promise.resolve().then(() => (init_rules(), rules_exports))).registerRules,
  baseline: async () => (await Promise.resolve().then(() => (init_baseline2(), baseline_exports))).registerBaseline,
  github: async () => (await Promise.resolve().then(() => (init_github3(), github_exports))).registerGithub,
  merge: async () => (await Promise.resolve().then(() => (init_merge2(), merge_exports2))).registerMerge,
  init: async () => (await Promise.resolve().then(() => (init_init(), init_exports))).registerInit,
  completion: async () => (await Promise.resolve().then(() => (init_completion(), completion_exports))).registerCompletion,
  version: async () => registerVersion,
  incident: async () => (await Promise.resolve().then(() => (init_incident2(), incident_exports2))).registerIncident
};
var ALIASES = { dir: "scan", git: "history" };
function commandNamed(name2) {
  if (Object.hasOwn(COMMANDS, name2))
    return name2;
  return Object.hasOwn(ALIASES, name2) ? ALIASES[name2] : void 0;
}
function registerVersion(program) {
  program.command("version").description("print the version").action(() => void process.stdout.write(`${toolVersion()}
`));
}
async function buildProgram(setExit, argv) {
  const program = new import_commander4.Command("keyhound").description("Find exposed crypto API keys, wallet secrets and other credentials in files and git history.").version(toolVersion(), "-V, --version", "print the version").exitOverride().configureOutput({ outputError: (text, write) => write(`keyhound: error: ${text.replace(/^error:\s*/, "").trim()}
`) });
  const first = argv?.[2] !== void 0 ? commandNamed(argv[2]) : void 0;
  const names = first !== void 0 ? [first] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]()));
  for (const register of registers)
    register(program, setExit, () => buildProgram(() => void 0));
  return program;
}

// dist/src/cli/main.js
function helpHint(argv) {
  const name2 = argv.slice(2).find((a) => !a.startsWith("-"));
  const command = name2 !== void 0 ? commandNamed(name2) : void 0;
  return `see keyhound ${command ? `${command} ` : ""}--help`;
}
var error = (message2) => process.stderr.write(`keyhound: error: ${message2.replace(/^error:\s*/, "").trim()}
`);
var code2 = EXIT.clean;
try {
  const program = await buildProgram((c) => {
    code2 = c;
  }, process.argv);
  await program.parseAsync(process.argv);
  process.exitCode = code2;
} catch (e) {
  if (e instanceof import_commander5.CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.clean : EXIT.error;
    if (e.exitCode !== 0)
      process.stderr.write(`${helpHint(process.argv)}
`);
  } else if (e instanceof UsageError) {
    error(e.message);
    if (e instanceof OptionError)
      process.stderr.write(`${helpHint(process.argv)}
`);
    process.exitCode = EXIT.error;
  } else {
    const err = e;
    error(loadFailure(err) ?? err.message);
    if (process.env.KEYHOUND_DEBUG)
      process.stderr.write(`${err.stack}
`);
    process.exitCode = EXIT.error;
  }
}
