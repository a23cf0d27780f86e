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
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
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

// dep:re2
var require_re2 = __commonJS({
  "dep:re2"(exports, module) {
    module.exports = __require("re2");
  }
});

// builtin:node:module
var m3, createRequire;
var init_node_module = __esm({
  "builtin:node:module"() {
    m3 = __require("node:module");
    ({ createRequire } = m3);
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
var init_types = __esm({
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
          const bytes = [0];
          let b = 0;
          let from = 0;
          for (let i = this.text.indexOf("\n"); i !== -1; i = this.text.indexOf("\n", i + 1)) {
            b += Buffer.byteLength(this.text.slice(from, i + 1));
            from = i + 1;
            starts.push(from);
            bytes.push(b);
          }
          this.lineStarts = starts;
          this.lineBytes = bytes;
        }
        const line = lastAtOrBelow(this.lineStarts, charOffset);
        return this.lineBytes[line] + Buffer.byteLength(this.text.slice(this.lineStarts[line], charOffset));
      }
    };
  }
});

// builtin:node:buffer
var m4, isAscii;
var init_node_buffer = __esm({
  "builtin:node:buffer"() {
    m4 = __require("node:buffer");
    ({ isAscii } = m4);
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
var init_json = __esm({
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
    const m7 = comment.exec(line);
    if (m7)
      end = m7.index;
  }
  while (end > i && (line[end - 1] === " " || line[end - 1] === "	"))
    end--;
  return end > i ? { start: i, end, value: line.slice(i, end) } : null;
}
function emit(out, bytes, line, path, v) {
  if (!v)
    return;
  out.push({ path, start: bytes.byte(line.at + v.start), end: bytes.byte(line.at + v.end), value: v.value });
}
function parseEnv(text, byteLength) {
  const bytes = new ByteOffsets(text, byteLength);
  const out = [];
  for (const line of splitLines(text)) {
    const m7 = ENV_LINE.exec(line.text);
    if (m7)
      emit(out, bytes, line, [m7[1]], readValue(line.text, m7[0].length, /\s#/g));
  }
  return out;
}
function parseIni(text, byteLength) {
  const bytes = new ByteOffsets(text, byteLength);
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
    const m7 = INI_PAIR.exec(line.text);
    if (m7)
      emit(out, bytes, line, [...section, m7[1].trim()], readValue(line.text, m7[0].length, /\s[;#]/g));
  }
  return out;
}
function tomlKey(raw) {
  const out = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/g;
  let m7;
  while ((m7 = re.exec(raw)) !== null && m7[0].length > 0)
    out.push(m7[1] ?? m7[2] ?? m7[3]);
  return out;
}
function parseTomlValues(text, byteLength) {
  try {
    toml().parse(text);
  } catch {
    return null;
  }
  const bytes = new ByteOffsets(text, byteLength);
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
    const m7 = TOML_PAIR.exec(line.text);
    if (!m7)
      continue;
    const path = [...table4, ...tomlKey(m7[1])];
    const rest = line.text.slice(m7[0].length);
    const lead = rest.length - rest.trimStart().length;
    const first = rest.trimStart();
    if (first.startsWith('"""') || first.startsWith("'''")) {
      if (!first.slice(3).includes(first.slice(0, 3)))
        inMultiline = first.slice(0, 3);
      continue;
    }
    if (first.startsWith("{")) {
      inlinePairs(out, bytes, line, path, m7[0].length + lead);
      continue;
    }
    if (first.startsWith("[")) {
      let i = 0;
      const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
      re.lastIndex = m7[0].length + lead;
      let s;
      while ((s = re.exec(line.text)) !== null) {
        const start = s.index + 1;
        emit(out, bytes, line, [...path, String(i++)], { start, end: start + (s[1] ?? s[2]).length, value: unescape(s[1] ?? s[2]) });
      }
      continue;
    }
    emit(out, bytes, line, path, readValue(line.text, m7[0].length, /\s#/g));
  }
  return out;
}
function unescape(s) {
  return s.replace(/\\(.)/g, (_a, c) => c === "n" ? "\n" : c === "t" ? "	" : c);
}
function inlinePairs(out, bytes, line, path, from) {
  const re = /([A-Za-z0-9_.\-"']+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/g;
  re.lastIndex = from;
  let m7;
  while ((m7 = re.exec(line.text)) !== null) {
    const body = m7[2] ?? m7[3];
    const start = m7.index + m7[0].length - body.length - 1;
    emit(out, bytes, line, [...path, ...tomlKey(m7[1])], { start, end: start + body.length, value: unescape(body) });
  }
}
function parseTfvars(text, byteLength) {
  const bytes = new ByteOffsets(text, byteLength);
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
    let m7 = TF_OPEN_MAP.exec(t);
    if (m7) {
      stack.push({ key: [unq(m7[1])], list: false, n: 0 });
      continue;
    }
    m7 = TF_OPEN_LIST.exec(t);
    if (m7) {
      stack.push({ key: [unq(m7[1])], list: true, n: 0 });
      continue;
    }
    m7 = TF_BLOCK.exec(t);
    if (m7) {
      const labels = [...m7[2].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
      stack.push({ key: [m7[1], ...labels], list: false, n: 0 });
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
        emit(out, bytes, line, [...here(), String(top.n++)], { start, end: start + s[1].length, value: unescape(s[1]) });
      }
      continue;
    }
    m7 = TF_PAIR.exec(t);
    if (m7) {
      const rest = t.slice(m7[0].length).trimStart();
      const path = [...here(), unq(m7[1])];
      if (rest.startsWith("{"))
        inlinePairs(out, bytes, line, path, m7[0].length);
      else if (rest.startsWith('"'))
        emit(out, bytes, line, path, readValue(t, m7[0].length, null));
    }
  }
  return out;
}
var toml, ENV_LINE, INI_SECTION, INI_PAIR, TOML_TABLE, TOML_PAIR, TF_OPEN_MAP, TF_OPEN_LIST, TF_BLOCK, TF_PAIR, TF_HEREDOC;
var init_line_formats = __esm({
  "dist/src/engine/structure/line-formats.js"() {
    "use strict";
    init_lazy_require();
    init_types();
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
      const code = parseInt(hex, 16);
      if (code > 1114111)
        throw OUTSIDE;
      out += String.fromCodePoint(code);
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
  const bytes = new ByteOffsets(text, byteLength);
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
    out.push({ path, start: bytes.byte(start), end: bytes.byte(end), value: node.text });
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
        const m7 = ENV_ITEM.exec(value);
        if (m7) {
          const quoted2 = item.style === QUOTE_DOUBLE || item.style === QUOTE_SINGLE;
          const offset = item.r0 + (quoted2 ? 1 : 0) + m7[0].length;
          const end = item.r1 - (quoted2 ? 1 : 0);
          if (end > offset)
            out.push({ path: [...path, m7[1]], start: bytes.byte(offset), end: bytes.byte(end), value: value.slice(m7[0].length) });
          return;
        }
      }
      if (item.kind === 1) {
        const name = item.pairs.find((p) => p[0] === "name");
        const val = item.pairs.find((p) => p[0] === "value");
        if (name && val && name[1].kind === 0 && name[1].tag === STR && val[1].kind === 0) {
          scalar(val[1], [...path, name[1].value ?? name[1].text]);
          for (const p of item.pairs)
            if (p !== val && p !== name && p[0] !== void 0)
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
    init_types();
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
      strayLine(p, entries) {
        const c = this.text.charCodeAt(p);
        if (c === RBRACE || c === RBRACKET || this.emptyProperty(p))
          return true;
        if (entries && (this.isSeqIndicator(p) || this.keyEnd(p) !== -1))
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
        let sep = "";
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
              sep = "";
            }
            value += sep + t.slice(first, this.le);
            sep = " ";
          } else {
            value += sep + "\n".repeat(pendingBlank) + t.slice(first, this.le);
            sep = "\n";
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
  const docs = yaml().parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  if (!Array.isArray(docs))
    return [];
  if (docs.some((doc) => doc.errors.length > 0))
    return null;
  return valuesOf(docs.map((doc) => toNode(doc.contents, 0)), text, byteLength);
}
function keyText(node) {
  if (yaml().isScalar(node))
    return node.value === null ? void 0 : String(node.value);
  return void 0;
}
function toNode(node, depth) {
  const y = yaml();
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
var yaml, SKIP, STYLES;
var init_yaml = __esm({
  "dist/src/engine/structure/yaml.js"() {
    "use strict";
    init_lazy_require();
    init_yaml_subset();
    yaml = lazyRequire("yaml");
    SKIP = { kind: 3 };
    STYLES = { PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED };
  }
});

// dist/src/validators/evm-constants.js
function minusOne(h) {
  const { bytesToHex: bytesToHex3 } = hashUtils();
  return (BigInt("0x" + bytesToHex3(h)) - 1n).toString(16).padStart(64, "0");
}
function table3() {
  if (constants2)
    return constants2;
  const { keccak_256: keccak_2562 } = sha3();
  const { sha256: sha2564 } = sha2();
  const { bytesToHex: bytesToHex3, utf8ToBytes: utf8ToBytes2 } = hashUtils();
  const c = /* @__PURE__ */ new Map();
  for (const s of KECCAK_OF)
    c.set(bytesToHex3(keccak_2562(utf8ToBytes2(s))), s === "" ? 'keccak256("")' : `keccak256("${s}")`);
  for (const s of SLOT_LABELS)
    c.set(minusOne(keccak_2562(utf8ToBytes2(s))), `EIP-1967 slot ${s}`);
  c.set(bytesToHex3(keccak_2562(Uint8Array.of(128))), 'empty trie root keccak256(rlp(""))');
  c.set(bytesToHex3(keccak_2562(Uint8Array.of(192))), "empty uncles hash keccak256(rlp([]))");
  c.set(bytesToHex3(sha2564(new Uint8Array(0))), 'sha256("")');
  return constants2 = c;
}
function wellKnownConstant(hex) {
  return table3().get(hex);
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
var import_bip39, import_english, WORDS2, COUNTS, DEV_PHRASES, VECTOR_PHRASES, known, bip39;
var init_bip39 = __esm({
  "dist/src/validators/bip39.js"() {
    "use strict";
    import_bip39 = __toESM(require_bip39(), 1);
    import_english = __toESM(require_english(), 1);
    WORDS2 = new Set(import_english.wordlist);
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
      const unknown = words.find((w) => !WORDS2.has(w));
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

// dep:@noble/hashes/sha2.js
var require_sha2 = __commonJS({
  "dep:@noble/hashes/sha2.js"(exports, module) {
    module.exports = __require("@noble/hashes/sha2.js");
  }
});

// dep:@scure/base
var require_base = __commonJS({
  "dep:@scure/base"(exports, module) {
    module.exports = __require("@scure/base");
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
    return import_base.base58.decode(s);
  } catch {
    return null;
  }
}
var import_sha2, import_base, b58check;
var init_base58check = __esm({
  "dist/src/validators/base58check.js"() {
    "use strict";
    import_sha2 = __toESM(require_sha2(), 1);
    import_base = __toESM(require_base(), 1);
    b58check = (0, import_base.createBase58check)(import_sha2.sha256);
  }
});

// dep:@noble/curves/secp256k1.js
var require_secp256k1 = __commonJS({
  "dep:@noble/curves/secp256k1.js"(exports, module) {
    module.exports = __require("@noble/curves/secp256k1.js");
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

// dist/src/validators/bip32-xprv.js
var bip32_xprv_exports = {};
__export(bip32_xprv_exports, {
  bip32Xprv: () => bip32Xprv
});
function readU32(b, at) {
  return (b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]) >>> 0;
}
var import_secp256k12, bip32Xprv;
var init_bip32_xprv = __esm({
  "dist/src/validators/bip32-xprv.js"() {
    "use strict";
    import_secp256k12 = __toESM(require_secp256k1(), 1);
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
      pub.set(import_secp256k12.secp256k1.getPublicKey(key, true), 45);
      return { valid: true, reason: `${kind.name} extended private key, depth ${depth}`, address: b58check.encode(pub) };
    };
  }
});

// dep:@noble/curves/ed25519.js
var require_ed25519 = __commonJS({
  "dep:@noble/curves/ed25519.js"(exports, module) {
    module.exports = __require("@noble/curves/ed25519.js");
  }
});

// dep:@noble/curves/utils.js
var require_utils2 = __commonJS({
  "dep:@noble/curves/utils.js"(exports, module) {
    module.exports = __require("@noble/curves/utils.js");
  }
});

// dist/src/validators/ed25519-pair.js
function ed25519PairPublicKey(bytes) {
  if (bytes.length !== 64)
    return null;
  const pub = bytes.subarray(32);
  try {
    return (0, import_utils2.equalBytes)(import_ed25519.ed25519.getPublicKey(bytes.subarray(0, 32)), pub) ? pub : null;
  } catch {
    return null;
  }
}
var import_ed25519, import_utils2;
var init_ed25519_pair = __esm({
  "dist/src/validators/ed25519-pair.js"() {
    "use strict";
    import_ed25519 = __toESM(require_ed25519(), 1);
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
var import_base2, solanaKeypair;
var init_solana_keypair = __esm({
  "dist/src/validators/solana-keypair.js"() {
    "use strict";
    import_base2 = __toESM(require_base(), 1);
    init_base58check();
    init_ed25519_pair();
    solanaKeypair = ({ secret }) => {
      const s = secret.trim();
      const isArray = /^\[?\s*\d/.test(s) && s.includes(",");
      const bytes = isArray ? parseByteArray(s) : decodeBase58(s);
      if (!bytes)
        return { valid: false, reason: isArray ? "not an array of 0..255 integers" : "not base58" };
      if (bytes.length !== 64)
        return { valid: false, reason: `${bytes.length} bytes, a keypair has 64` };
      const pub = ed25519PairPublicKey(bytes);
      if (!pub)
        return { valid: false, reason: "second half is not the ed25519 public key of the first" };
      return { valid: true, reason: "ed25519 seed matches its public key", address: import_base2.base58.encode(pub) };
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
    return import_base3.base64.decode(t);
  } catch {
    return null;
  }
}
var import_base3;
var init_base64_loose = __esm({
  "dist/src/validators/base64-loose.js"() {
    "use strict";
    import_base3 = __toESM(require_base(), 1);
  }
});

// dist/src/validators/ed25519-keypair-b64.js
var ed25519_keypair_b64_exports = {};
__export(ed25519_keypair_b64_exports, {
  ed25519KeypairB64: () => ed25519KeypairB64
});
var import_base4, ed25519KeypairB64;
var init_ed25519_keypair_b64 = __esm({
  "dist/src/validators/ed25519-keypair-b64.js"() {
    "use strict";
    import_base4 = __toESM(require_base(), 1);
    init_base64_loose();
    init_ed25519_pair();
    ed25519KeypairB64 = ({ secret }) => {
      const bytes = decodeBase64Loose(secret);
      if (!bytes)
        return { valid: false, reason: "not base64" };
      if (bytes.length !== 64)
        return { valid: false, reason: `${bytes.length} bytes, a keypair has 64` };
      const pub = ed25519PairPublicKey(bytes);
      if (!pub)
        return { valid: false, reason: "second half is not the ed25519 public key of the first" };
      return { valid: true, reason: "ed25519 seed matches its public key", address: import_base4.base64.encode(pub) };
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
var import_sha23, import_utils3, import_base5, cosmosValidatorKey;
var init_cosmos_validator_key = __esm({
  "dist/src/validators/cosmos-validator-key.js"() {
    "use strict";
    import_sha23 = __toESM(require_sha2(), 1);
    import_utils3 = __toESM(require_utils(), 1);
    import_base5 = __toESM(require_base(), 1);
    init_base64_loose();
    init_ed25519_pair();
    init_json_enclosing();
    cosmosValidatorKey = (input) => {
      const bytes = decodeBase64Loose(input.secret);
      if (!bytes)
        return { valid: false, reason: "not base64" };
      if (bytes.length !== 64)
        return { valid: false, reason: `${bytes.length} bytes, an Ed25519 private key has 64` };
      const pub = ed25519PairPublicKey(bytes);
      if (!pub)
        return { valid: false, reason: "second half is not the ed25519 public key of the first" };
      const listed = listedPublicKey(input.text(), input.match, input.index, input.secret.trim());
      if (listed !== void 0 && listed !== import_base5.base64.encode(pub)) {
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
var m5, crc32;
var init_node_zlib = __esm({
  "builtin:node:zlib"() {
    m5 = __require("node:zlib");
    ({ crc32 } = m5);
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
  const bytes = decodeBase64Loose(part);
  if (!bytes)
    return void 0;
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
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

// builtin:node:crypto
var m6, checkPrimeSync, createHash, createHmac, createPrivateKey, randomBytes, randomUUID, sign, timingSafeEqual;
var init_node_crypto = __esm({
  "builtin:node:crypto"() {
    m6 = __require("node:crypto");
    ({ checkPrimeSync, createHash, createHmac, createPrivateKey, randomBytes, randomUUID, sign, timingSafeEqual } = m6);
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
  const label = begin[1];
  const endMarker = `-----END ${label}-----`;
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
  return { label, headers, body };
}
function decodeBody(body) {
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body))
    return null;
  return Buffer.from(body, "base64");
}
function isWholeDerSequence(der) {
  if (der.length < 2 || der[0] !== 48)
    return false;
  let len = der[1];
  let at = 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 4 || der.length < 2 + n)
      return false;
    len = 0;
    for (let i = 0; i < n; i++)
      len = len * 256 + der[2 + i];
    at = 2 + n;
  }
  return at + len === der.length;
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
  const armour = parts.label === "ECDSA PRIVATE KEY" ? "EC PRIVATE KEY" : parts.label;
  const pem = `-----BEGIN ${armour}-----
${parts.body.replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}
-----END ${armour}-----
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
      const der = decodeBody(parts.body);
      if (!der)
        return { valid: false, reason: "body is not complete base64" };
      const { label } = parts;
      let result;
      if (label === "OPENSSH PRIVATE KEY") {
        const type = opensshKeyType(der);
        result = type === null ? { valid: false, reason: "not a complete openssh-key-v1 container" } : { valid: true, reason: "OpenSSH private key container", keyType: `OpenSSH ${type}`.trim() };
      } else if (label === "ENCRYPTED PRIVATE KEY") {
        result = isWholeDerSequence(der) ? { valid: true, reason: "encrypted PKCS#8 (cannot decrypt; still sensitive)", keyType: "encrypted PKCS#8" } : { valid: false, reason: "not a complete DER structure" };
      } else if (parts.headers.some((h) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(h))) {
        result = der.length >= 64 && der.length % 8 === 0 ? { valid: true, reason: "legacy encrypted PEM (cannot decrypt; still sensitive)", keyType: `${label.replace(/ PRIVATE KEY$/, "")} encrypted` } : { valid: false, reason: "encrypted body is not whole cipher blocks" };
      } else if (label === "TENDERMINT PRIVATE KEY") {
        const header = (name) => parts.headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
        const kdf = header("kdf");
        result = kdf && der.length >= 24 + 16 + 32 ? { valid: true, reason: `Cosmos SDK armoured key (${kdf}-encrypted; the passphrase can be brute-forced)`, keyType: `Cosmos ${header("type") ?? "key"} encrypted` } : { valid: false, reason: "no kdf header or body too short for an encrypted key" };
      } else if (label === "PGP PRIVATE KEY BLOCK") {
        const t = der[0];
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
var import_nist, import_base6, same, ecP256PrivateKey;
var init_ec_p256_private_key = __esm({
  "dist/src/validators/ec-p256-private-key.js"() {
    "use strict";
    import_nist = __toESM(require_nist(), 1);
    import_base6 = __toESM(require_base(), 1);
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
      const d = import_base6.base64urlnopad.decode(jwk.d);
      if (!import_nist.p256.utils.isValidSecretKey(d))
        return { valid: false, reason: "scalar out of range for P-256" };
      const pub = import_nist.p256.getPublicKey(d, false);
      const carried2 = Uint8Array.from([4, ...import_base6.base64urlnopad.decode(jwk.x), ...import_base6.base64urlnopad.decode(jwk.y)]);
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
  const m7 = ROUTABLE_TAIL.exec(token);
  if (!m7)
    return null;
  const [, version, length, crc] = m7;
  if (crc322(token.slice(0, -7)).toString(36).padStart(7, "0") !== crc)
    return { valid: false, reason: "routable token CRC32 mismatch" };
  const payload = token.slice(0, m7.index).slice(-parseInt(length, 36));
  if (!/^[A-Za-z0-9_-]{27,300}$/.test(payload))
    return { valid: false, reason: "routable token payload length field mismatch" };
  const bytes = decodeBase64Loose(payload);
  const n = bytes?.[bytes.length - 1];
  if (!bytes || n === void 0 || bytes.length < 16 + n + 1)
    return { valid: false, reason: "routable payload does not decode" };
  const routing = Buffer.from(bytes.subarray(bytes.length - 1 - n, bytes.length - 1)).toString("latin1").split("\n");
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
      const bytes = decodeBase64Loose(id);
      if (!bytes)
        return { valid: false, reason: "first part is not base64url" };
      const digits = Buffer.from(bytes).toString("latin1");
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
var URL, discordWebhookUrl;
var init_discord_webhook_url = __esm({
  "dist/src/validators/discord-webhook-url.js"() {
    "use strict";
    init_discord_bot_token();
    URL = /\/webhooks\/([0-9]{17,20})\/([A-Za-z0-9_-]{60,80})$/;
    discordWebhookUrl = ({ secret }) => {
      const m7 = URL.exec(secret.trim());
      if (!m7)
        return { valid: false, reason: "not \u2026/webhooks/<id>/<token>" };
      const created = snowflakeTime(m7[1]);
      if (created === null)
        return { valid: false, reason: "webhook id is not a Discord snowflake of a plausible time" };
      return { valid: true, reason: `webhook id is a snowflake from ${new Date(created).toISOString().slice(0, 10)}`, address: `webhook ${m7[1]}` };
    };
  }
});

// builtin:node:worker_threads
var m = __require("node:worker_threads");
var { Worker, parentPort, workerData } = m;

// builtin:node:fs
var m2 = __require("node:fs");
var { chmodSync, closeSync, constants, existsSync, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } = m2;

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

// dist/src/sources/read-file.js
var REUSED_MAX = 8 * 1024 * 1024;
var ReadBuffer = class {
  buf = Buffer.allocUnsafeSlow(0);
  take(size) {
    if (size > REUSED_MAX)
      return Buffer.allocUnsafeSlow(size);
    if (this.buf.length < size)
      this.buf = Buffer.allocUnsafeSlow(Math.min(REUSED_MAX, Math.max(size, 64 * 1024, this.buf.length * 2)));
    return this.buf.subarray(0, size);
  }
};
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

// dist/src/engine/chunk.js
init_lines();

// dist/src/engine/run-gate.js
var NL_NONE = 0;
var NL_LAST = 1;
var NL_ANY = 2;
var ASSERT_ANY = 1;
var ASSERT_TEXT_START = 2;
var Unsupported = class extends Error {
};
var ANY = null;
var bit = (codes) => {
  const t = new Uint8Array(256);
  for (const c of codes)
    t[c] = 1;
  return t;
};
var range = (a, b) => {
  const out = [];
  for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++)
    out.push(c);
  return out;
};
var DIGIT = range("0", "9");
var WORD = [...DIGIT, ...range("A", "Z"), ...range("a", "z"), 95];
var SPACE = [9, 10, 12, 13, 32];
var HIGH = range("\x80", "\xFF");
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
var Reader = class {
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
      const m7 = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m7)
        return p;
      this.pos += m7[0].length;
      lo = Number(m7[1]);
      hi = m7[2] === void 0 ? lo : m7[3] ? Number(m7[3]) : Infinity;
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
      const named = /^(?:P?<[A-Za-z_][A-Za-z0-9_]*>)/.exec(this.src.slice(this.pos));
      if (named)
        this.pos += named[0].length;
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
    const code = ch.codePointAt(0);
    if (code >= 128) {
      if (code > 65535)
        this.pos++;
      return bit(HIGH);
    }
    return this.folded(bit([code]), fold);
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
      const m7 = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.src.slice(this.pos));
      if (!m7)
        throw new Unsupported("hex escape");
      this.pos += m7[0].length;
      return String.fromCodePoint(parseInt(m7[1] ?? m7[2], 16));
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
var MIN_SCORE = 6;
function runGate(pattern) {
  const best = read(pattern, false)?.best;
  if (!best || best.length < 1 || score(best.cls, best.length) < MIN_SCORE)
    return null;
  let key = "";
  for (let i = 0; i < 256; i += 4)
    key += (best.cls[i] << 3 | best.cls[i + 1] << 2 | best.cls[i + 2] << 1 | best.cls[i + 3]).toString(16);
  return { bytes: best.cls, length: best.length, key: `${key}:${best.length}` };
}
function hasRun(buf, gate) {
  const t = gate.bytes;
  const len = gate.length;
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

// dist/src/engine/chunk.js
var table = (re) => Uint8Array.from({ length: 256 }, (_, c) => re.test(String.fromCharCode(c)) ? 1 : 0);
var BASE64_BODY = table(/[A-Za-z0-9+/=]/);
var MEDIA_TYPE = table(/[\w/+.-]/);
var Chunk = class {
  buf;
  lines;
  decoded = null;
  constructor(buf) {
    this.buf = buf;
    this.lines = new LineIndex(buf);
  }
  runs = null;
  /** Whether the chunk holds the gate's run (rules with the same run ask once). */
  hasRun(gate) {
    this.runs ??= /* @__PURE__ */ new Map();
    let has = this.runs.get(gate.key);
    if (has === void 0) {
      has = hasRun(this.buf, gate);
      this.runs.set(gate.key, has);
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

// dist/src/engine/compile.js
var import_re22 = __toESM(require_re2(), 1);

// dist/src/engine/prefilter.js
var import_re2 = __toESM(require_re2(), 1);
var SMALL_TOTAL = 48 * 1024;
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var Prefilter = class {
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
      this.patternSet ??= new import_re2.default.Set(this.patterns, "u");
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
      re = new import_re2.default(this.keywords[k].slice(3), "iu");
      this.compiled.set(k, re);
    }
    return re;
  }
  setHits(buf) {
    if (!this.set) {
      this.set = new import_re2.default.Set(this.keywords.map((k) => k.startsWith("re:") ? k.slice(3) : escapeRe(k)), "iu");
    }
    return this.set.match(buf);
  }
};

// dist/src/engine/structure/keypath-rule.js
var ROLES = /* @__PURE__ */ new Set([
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
var NOT_A_SECRET = /* @__PURE__ */ new Set([
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
function keyWords(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
var ENCODING_SUFFIX = /* @__PURE__ */ new Set(["hex", "b64", "base64", "b58", "base58", "pem", "der", "raw", "value", "str", "string", "bytes", "data", "enc"]);
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

// dist/src/engine/compile.js
var DEFAULT_DENY_KEYS = "(?i)(hash|digest|checksum|integrity|sha1|sha256|sha512|sha$|md5|keccak|topic|selector|signature|fingerprint|txid|tx_?id|root|salt|slot|role|nonce|address|addr$|pubkey|public_?key|xpub|commit|uuid|guid|request_?id|trace|color|colour)";
var MEMO_SIZE = 1024;
var Lazy = class {
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
        this.re = new import_re22.default(this.pattern, this.flags);
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
var DEFAULT_DENY = new Lazy(DEFAULT_DENY_KEYS, "u");
function normalizeValue(v) {
  return v.trim().replace(/^0x/i, "").replace(/\s+/g, " ").toLowerCase();
}
var compiledPatterns = /* @__PURE__ */ new Map();
function patternRe(pattern) {
  let re = compiledPatterns.get(pattern);
  if (!re) {
    re = new import_re22.default(pattern, "gdu");
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
var runGates = /* @__PURE__ */ new Map();
function gateOf(pattern) {
  let gate = runGates.get(pattern);
  if (gate === void 0)
    runGates.set(pattern, gate = runGate(pattern));
  return gate;
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
  let gate;
  let validator = null;
  if (spec.validate) {
    validator = opts.validators[spec.validate] ?? null;
    if (!validator)
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
    validator,
    generic: spec.generic === true,
    setGated: false,
    get gate() {
      if (gate === void 0)
        gate = spec.keyPath ? null : gateOf(spec.pattern);
      return gate;
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

// dist/src/engine/decode.js
var MIN_BASE64 = 16;
var MAX_ENCODED = 64 * 1024;
var MAX_DEPTH = 2;
var MAX_DECODED_PER_CHUNK = 1024 * 1024;
var MAX_VALUES_PER_CHUNK = 2e3;
var B64 = /^[A-Za-z0-9+/]+={0,2}$/;
var B64URL = /^[A-Za-z0-9_-]+={0,2}$/;
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
var PERCENT = /%[0-9A-Fa-f]{2}/;
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

// dist/src/engine/inline-allow.js
init_lines();
var SAME_LINE = /keyhound:allow(?!-next-line)\b/i;
var NEXT_LINE = /keyhound:allow-next-line\b/i;
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

// dist/src/engine/binding.js
init_lines();

// dist/src/engine/structure/index.js
init_lazy_require();
init_types();
var json = /* @__PURE__ */ ((m7) => () => m7 ??= (init_json(), __toCommonJS(json_exports)))();
var lines = /* @__PURE__ */ ((m7) => () => m7 ??= (init_line_formats(), __toCommonJS(line_formats_exports)))();
var yaml2 = /* @__PURE__ */ ((m7) => () => m7 ??= (init_yaml(), __toCommonJS(yaml_exports)))();
var STRUCTURE_MAX_BYTES = {
  yaml: 512 * 1024,
  json: 4 * 1024 * 1024,
  env: 1024 * 1024,
  ini: 1024 * 1024,
  toml: 1024 * 1024,
  tfvars: 1024 * 1024
};
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
        return yaml2().parseYaml(text, buf.length);
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

// dist/src/engine/binding.js
var MAX_PREFIX = 240;
var OPS = String.raw`(?::::=|::=|\?\?=|\|\|=|:=|=>|\?=|!=|\.=|\+=|[:=])`;
var NAME = String.raw`[A-Za-z_$@][\w.$@\-]*(?:\[["']?[\w.\-]+["']?\])*`;
var ASSIGN = new RegExp(String.raw`(?:^|[^\w$@.\-])["'\`]?(${NAME})["'\`]?\s*${OPS}\s*(?:[A-Za-z_$][\w.$]*\s*\(\s*)?(?:\[\s*)?["'\`]?\s*$`);
var TYPED = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*:?\s*(?:&(?:'static\s+)?)?(?:string|str|String|\[\]byte|Text|char\s*\*)\??\s*(?::=|=)\s*["'`]?\s*$/;
var ARG_AFTER_NAME = /(?:\(|,)\s*(?:["'`]([A-Za-z_][\w.\-]*)["'`]|([A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*|[A-Za-z_$][\w$]*\.[A-Z][A-Z0-9_]+))\s*,\s*(?:[A-Za-z_]\w*\(\s*)?["'`]?\s*$/;
var FALLBACK = /([A-Za-z_$][\w$.]*(?:\(\s*["'`][^"'`]{1,80}["'`]\s*\)|\[\s*["'`][^"'`]{1,80}["'`]\s*\])?)\s*(?:\|\||\?\?|\bor\b|\?:)\s*["'`]?\s*$/;
var SHELL_DEFAULT = /\$\{([A-Za-z_]\w*):?[-=?+]$/;
var CALL = /([A-Za-z_$][\w.$]*)\s*\(\s*(?:\[\s*)?["'`]?\s*$/;
var FLAG = /(?:^|\s)(--?[A-Za-z][\w-]*)(?:\s+|=)["']?\s*$/;
var DOCKER_ENV = /^\s*(?:ENV|ARG|export|set|setx|setenv|declare(?:\s+-\w+)?|readonly|local)\s+([A-Za-z_][\w]*)(?:\s+|=)["']?\s*$/i;
var DEFINE = /^\s*#\s*define\s+([A-Za-z_]\w*)\s+["']?\s*$/;
var KEY_ONLY_LINE = /^\s*(?:-\s+)?["'`]?([A-Za-z_$@][\w.$@\-]*)["'`]?\s*[:=]\s*(?:[|>][-+]?\s*|\[\s*)?$/;
var XML_OPEN = /<([A-Za-z_][\w.:\-]*)((?:\s+[\w.:\-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*)\s*>\s*$/;
var NAMING_ATTR = /\b(?:key|name|id|variable|var|param|property|setting|option)["']?\s*[:=]\s*["']?([A-Za-z_][\w.\-]*)/gi;
var DECLARED_ABOVE = /\b(?:variable|output|param(?:eter)?|secret)\s+"([A-Za-z_][\w.\-]*)"/;
var CARRIERS = /* @__PURE__ */ new Set(["value", "val", "v", "default", "defaultvalue", "default_value", "fallback", "content", "text", "data", "setting"]);
var FILLER = /* @__PURE__ */ new Set(["is", "are", "was", "the", "a", "an", "my", "our", "your", "this", "that", "here", "use", "using", "set", "to", "for", "with", "and", "of", "new", "old", "const", "let", "var", "val", "def", "return", "public", "protected", "internal", "static", "final", "readonly", "override", "string", "str", "char"]);
var ASSIGN_LEAD = /^\s*(?:(?:ENV|ARG|export|set|setx|setenv|declare(?:\s+-\w+)?|readonly|local|env)\s+)?$/i;
var INLINE_NAME = /^[A-Za-z_][\w.]{0,63}=(?=[^=\s\\])/;
var URL_START = /^(?:[A-Za-z][\w+.\-]*:\/\/|\/)/;
var IN_QUERY = /[?&][\w.\-]+=$/;
var QUERY_PARAM = /[?&][A-Za-z_][\w.\-]{0,63}=(?=[^=&\s])/g;
function assignedValueOffset(linePrefix, value) {
  if (URL_START.test(value) || IN_QUERY.test(linePrefix)) {
    let at = 0;
    for (const m8 of value.matchAll(QUERY_PARAM))
      at = m8.index + m8[0].length;
    return at;
  }
  if (!ASSIGN_LEAD.test(linePrefix))
    return 0;
  const m7 = INLINE_NAME.exec(value);
  return m7 ? m7[0].length : 0;
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
  for (const m7 of prefix.matchAll(NAMING_ATTR))
    last = m7[1];
  if (last)
    return last;
  if (above !== void 0) {
    for (const m7 of above.matchAll(NAMING_ATTR))
      last = m7[1];
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
function xmlName(m7) {
  let attr;
  for (const a of m7[2].matchAll(NAMING_ATTR))
    attr = a[1];
  return attr ?? m7[1];
}
function closest(p, above) {
  let m7 = SHELL_DEFAULT.exec(p) ?? DEFINE.exec(p) ?? DOCKER_ENV.exec(p) ?? FLAG.exec(p);
  if (m7)
    return m7[1];
  m7 = XML_OPEN.exec(p);
  if (m7)
    return xmlName(m7);
  m7 = FALLBACK.exec(p);
  if (m7)
    return expressionName(m7[1]);
  m7 = ARG_AFTER_NAME.exec(p);
  if (m7)
    return m7[1] ?? m7[2];
  m7 = TYPED.exec(p) ?? ASSIGN.exec(p);
  if (m7)
    return m7[1];
  const listed = dropListItems(p);
  if (listed !== p) {
    m7 = ASSIGN.exec(listed) ?? CALL.exec(listed);
    if (m7)
      return m7[1];
  }
  m7 = CALL.exec(p);
  if (m7)
    return m7[1];
  if (above !== void 0 && /^\s*(?:-\s*)?["'`]?\s*$/.test(p)) {
    m7 = KEY_ONLY_LINE.exec(above);
    if (m7)
      return m7[1];
  }
  if (above !== void 0 && /^\s*$/.test(p)) {
    m7 = XML_OPEN.exec(above);
    if (m7)
      return xmlName(m7);
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
      const named = carried(p.slice(0, Math.max(0, p.length - first.length - 1)), above);
      if (named)
        out.push(named);
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
    const subs = [...n.matchAll(/\[\s*["']?([\w.\-]+)["']?\s*\]/g)].map((m7) => m7[1]);
    for (const alt of [bare, subs.join(".")])
      if (alt && !out.includes(alt))
        out.push(alt);
  }
  return out;
}
function isCarrier(name) {
  return CARRIERS.has(name.toLowerCase());
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
function nameMatches(re, name) {
  if (re.test(name))
    return true;
  const split = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2");
  return split !== name && re.test(split);
}

// dist/src/engine/passes/decoded.js
init_lines();

// dist/src/engine/encoded-runs.js
var import_re23 = __toESM(require_re2(), 1);
var BASE64_VALUE = "[\"'`=:]\\s*[A-Za-z+/_-]*[0-9][A-Za-z0-9+/_-]{15,}={0,2}";
var BASE64_TAIL = 16;
var table2 = (chars, ranges = []) => {
  const t = new Uint8Array(256);
  for (const c of chars)
    t[c.charCodeAt(0)] = 1;
  for (const [a, b] of ranges)
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++)
      t[c] = 1;
  return t;
};
var B642 = table2("+/_-", [["A", "Z"], ["a", "z"], ["0", "9"]]);
var LEAD = table2("\"'`=:");
var SPACE2 = table2("	\n\f\r ");
var DELIM = table2("	\n\f\r \"'`<>(){}[],;");
var HEX = table2("", [["0", "9"], ["A", "F"], ["a", "f"]]);
var PERCENT_VALUE = "[^\\s\"'`<>(){}\\[\\],;]*%[0-9A-Fa-f]{2}[^\\s\"'`<>(){}\\[\\],;]*";
var percentToken = null;
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
  const re = percentToken ??= new import_re23.default(PERCENT_VALUE, "g");
  re.lastIndex = 0;
  while (out.length < limit) {
    const m7 = re.exec(part);
    if (m7 === null)
      return;
    const len = m7[0].length;
    out.push({ start: start + m7.index, end: start + m7.index + len });
    if (len === 0)
      re.lastIndex++;
  }
}

// dist/src/engine/passes/decoded.js
var PERCENT_GATE = "%[0-9A-Fa-f]{2}";
var DECODE_GATES = [BASE64_VALUE, PERCENT_GATE];
var TEXT_FINDERS = [
  { find: base64Spans, gate: BASE64_VALUE },
  { find: percentSpans, gate: PERCENT_GATE }
];
var MAX_TEXT_MATCHES = 9999;
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
  for (const { find, gate } of TEXT_FINDERS) {
    if (!ctx.setHits.has(gate))
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

// dist/src/engine/passes/key-path.js
var import_re24 = __toESM(require_re2(), 1);

// dist/src/engine/fingerprint.js
init_lazy_require();
function fingerprint(ruleId, secret) {
  return nodeCrypto().createHash("sha256").update(`keyhound:v1\0${ruleId}\0${secret}`, "utf8").digest("hex").slice(0, 32);
}

// dist/src/engine/redact.js
function redact(secret) {
  const flat = secret.replace(/\s+/g, " ").trim();
  const keep = flat.length >= 24 ? 4 : 0;
  return flat.slice(0, keep) + "\u2026";
}

// dist/src/engine/candidate.js
function newFinding(spec, secret, place, say, judged = {}) {
  return {
    ruleId: spec.id,
    title: spec.title,
    provider: judged.provider ?? spec.provider,
    severity: judged.severity ?? spec.severity,
    ...place,
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

// dist/src/engine/placeholder.js
var WORDS = [
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
var LONG = WORDS.map((w) => w.replace(/[_-]/g, "").length >= 6);
var MASKS = ["xxxx", "****", "....", "\u2026"];
var isAlnum = (c) => c !== void 0 && /[a-z0-9]/.test(c);
function hasFillerWord(lower) {
  const strict = lower.length >= 40;
  for (let k = 0; k < WORDS.length; k++) {
    const w = WORDS[k];
    const long = LONG[k];
    for (let i = lower.indexOf(w); i !== -1; i = lower.indexOf(w, i + 1)) {
      if (!strict || long || !isAlnum(lower[i - 1]) || !isAlnum(lower[i + w.length]))
        return true;
    }
  }
  return MASKS.some((m7) => lower.includes(m7));
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

// dist/src/engine/passes/key-path.js
var KeyPathMemo = class {
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
    rule.re = new import_re24.default(rule.spec.pattern, "u");
  if (!rule.re.test(secret))
    return null;
  if (/:\/\/|^[./~]|^\d+$|^[A-Za-z]+$|^arn:|^[^:]*:[^:]*:/.test(secret) || isPlaceholder(secret))
    return null;
  if (rule.entropy && shannonEntropy(secret) < rule.entropy)
    return null;
  return makeFinding(set, rule, ctx, { secret, start: v.start, end: v.end, key: keyPath, result: { valid: false }, provider, messageId: "key-path" });
}

// dist/src/engine/match-iterator.js
function* matchesOf(re, input, limit) {
  let at = 0;
  for (let n = 0; n < limit; n++) {
    re.lastIndex = at;
    const m7 = re.exec(input);
    if (m7 === null)
      return;
    at = re.lastIndex + (m7[0].length === 0 ? 1 : 0);
    yield m7;
  }
}

// dist/src/engine/passes/pattern.js
init_lines();

// dist/src/engine/near-windows.js
var import_re25 = __toESM(require_re2(), 1);
var MAX_HITS = 2e3;
var shapes = /* @__PURE__ */ new Map();
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
var hitRes = /* @__PURE__ */ new Map();
function nearWindows(chunk, nearby, window) {
  let re = hitRes.get(nearby);
  if (!re)
    hitRes.set(nearby, re = new import_re25.default(nearby, "giu"));
  const { buf, lines: lines2 } = chunk;
  const out = [];
  let hits = 0;
  const reach = window + 2;
  for (const m7 of matchesOf(re, buf, MAX_HITS + 1)) {
    if (++hits > MAX_HITS)
      return null;
    const len = m7[0].length;
    const first = Math.max(0, lines2.lineOf(m7.index) - reach);
    const last = lines2.lineOf(m7.index + Math.max(len - 1, 0)) + reach;
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
    for (const m7 of matchesOf(re, part, limit - out.length)) {
      if (m7.index >= w.end - w.start)
        break;
      out.push(shift(m7, w.start));
    }
    if (out.length >= limit)
      break;
  }
  return out;
}
function shift(m7, by) {
  if (by === 0)
    return m7;
  const move = (s) => s ? [s[0] + by, s[1] + by] : s;
  const spans = m7.indices;
  const moved = Object.assign(spans.map(move), {
    groups: spans.groups ? Object.fromEntries(Object.entries(spans.groups).map(([k, v]) => [k, move(v)])) : void 0
  });
  const out = Object.assign([...m7], { index: m7.index + by, input: m7.input, groups: m7.groups });
  out.indices = moved;
  return out;
}

// dist/src/engine/passes/pattern.js
var MAX_MATCHES = 1e4;
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
        for (const m7 of windowMatches(re, ctx.chunk.buf, near, MAX_MATCHES)) {
          const f = candidate(set, rule, m7, ctx);
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
    for (const m7 of matches) {
      const f = candidate(set, rule, m7, ctx);
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
function candidate(set, rule, m7, ctx) {
  const { chunk } = ctx;
  const g = rule.group;
  const span = typeof g === "number" ? m7.indices?.[g] : m7.indices?.groups?.[g];
  const value = typeof g === "number" ? m7[g] : m7.groups?.[g];
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
      match: m7[0].toString("utf8"),
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

// dist/src/engine/resolve.js
var PAIR_LINES = 5;
function resolve(candidates) {
  return link(dedupe(dropVetoed(candidates)));
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
function link(candidates) {
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

// dist/src/engine/skip-paths.js
var LOCKFILES = /* @__PURE__ */ new Set([
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
var CHECKSUM_FILE = /(^|[._-])(sha(1|224|256|384|512)?sums?|md5sums?|checksums?|b2sums?)(\.(txt|asc))?$|\.(sha1|sha256|sha512|md5|sig|asc)$/i;
function isSkippedPath(path) {
  const base = (path.split(/[\\/]/).pop() ?? "").toLowerCase();
  return LOCKFILES.has(base) || CHECKSUM_FILE.test(base);
}

// dist/src/engine/scanner.js
var Engine = class {
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
    const out = resolve(found.candidates);
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

// dist/src/validators/index.js
init_lazy_require();
init_evm_constants();
function lazy(load, exported) {
  let impl;
  return (input) => (impl ??= load()[exported])(input);
}
var validators = {
  bip39: lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_bip39(), __toCommonJS(bip39_exports)))(), "bip39"),
  wif: lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_wif(), __toCommonJS(wif_exports)))(), "wif"),
  bip38: lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_bip38(), __toCommonJS(bip38_exports)))(), "bip38"),
  "bip32-xprv": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_bip32_xprv(), __toCommonJS(bip32_xprv_exports)))(), "bip32Xprv"),
  "solana-keypair": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_solana_keypair(), __toCommonJS(solana_keypair_exports)))(), "solanaKeypair"),
  "ed25519-keypair-b64": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_ed25519_keypair_b64(), __toCommonJS(ed25519_keypair_b64_exports)))(), "ed25519KeypairB64"),
  "cosmos-validator-key": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_cosmos_validator_key(), __toCommonJS(cosmos_validator_key_exports)))(), "cosmosValidatorKey"),
  "evm-private-key": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_evm_private_key(), __toCommonJS(evm_private_key_exports)))(), "evmPrivateKey"),
  "github-token": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_github_token(), __toCommonJS(github_token_exports)))(), "githubToken"),
  "npm-token": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_npm_token(), __toCommonJS(npm_token_exports)))(), "npmToken"),
  "eth-keystore": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_eth_keystore(), __toCommonJS(eth_keystore_exports)))(), "ethKeystore"),
  "ec-p256-private-key": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_ec_p256_private_key(), __toCommonJS(ec_p256_private_key_exports)))(), "ecP256PrivateKey"),
  "gitlab-token": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_gitlab_token(), __toCommonJS(gitlab_token_exports)))(), "gitlabToken"),
  "pem-private-key": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_pem_private_key(), __toCommonJS(pem_private_key_exports)))(), "pemPrivateKey"),
  "discord-bot-token": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_discord_bot_token(), __toCommonJS(discord_bot_token_exports)))(), "discordBotToken"),
  "discord-webhook-url": lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_discord_webhook_url(), __toCommonJS(discord_webhook_url_exports)))(), "discordWebhookUrl"),
  jwt: lazy(/* @__PURE__ */ ((m7) => () => m7 ??= (init_jwt(), __toCommonJS(jwt_exports)))(), "jwt")
};

// dist/src/pipeline/chunk-scanner.js
function scanChunk(engine2, chunk, maxFileSize2, reuse2) {
  let data = chunk.data;
  if (!data) {
    if (!chunk.file)
      return { findings: [], bytes: 0 };
    const read2 = readSourceFile(chunk.file, chunk.path, maxFileSize2, reuse2);
    if (!("data" in read2))
      return { findings: [], bytes: 0, ...read2 };
    data = read2.data;
  }
  return { findings: engine2.scan(data, chunk.path), bytes: data.length };
}
function createEngine(ruleSet2) {
  return new Engine(ruleSet2.rules, { validators, wellKnownConstant, knownPublic: ruleSet2.knownPublic });
}

// dist/src/pipeline/scan-worker.js
var { ruleSet, maxFileSize } = workerData;
var engine = createEngine(ruleSet);
var reuse = new ReadBuffer();
parentPort.on("message", (batch) => {
  const paths = batch.paths.split("\0");
  const files = batch.files.split("\0");
  const clean = [];
  const rest = [];
  batch.ids.forEach((id, i) => {
    try {
      const d = batch.data[i];
      const data = d ? Buffer.from(d.buffer, d.byteOffset, d.byteLength) : void 0;
      const outcome = scanChunk(engine, { path: paths[i], data, file: files[i] || void 0 }, maxFileSize, reuse);
      if (outcome.findings.length === 0 && !outcome.skipped && outcome.warning === void 0)
        clean.push(id, outcome.bytes);
      else
        rest.push({ id, outcome });
    } catch (e) {
      rest.push({ id, error: e.message });
    }
  });
  const results = { clean: Float64Array.from(clean), rest };
  parentPort.postMessage(results, [results.clean.buffer]);
});
