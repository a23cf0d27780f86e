// The binding model: which name(s) a value is bound to, read from the text before it on its line
// (the line above for block values, the text after it for XML bodies). One place for every form:
// assignments in any language, call arguments after their name, fallbacks, typed declarations,
// Makefile and PHP operators, XML bodies and attributes, HTTP headers, URL query parameters and a
// provider named in free text. Each form is a pattern anchored at the value over a bounded prefix.
import type { ScanCtx } from './candidate.js';
import { NEAR_BYTES } from './lines.js';
import { joinPath, leafKey } from './structure/index.js';

/** Longest prefix read: a binding is written close to its value. */
const MAX_PREFIX = 240;

/** Assignment operators, longest first: Makefile (`:::=`, `::=`, `?=`, `!=`, `+=`), PHP `.=`, Go `:=`, `=>`, `??=`, `||=`. */
const OPS = String.raw`(?::::=|::=|\?\?=|\|\|=|:=|=>|\?=|!=|\.=|\+=|[:=])`;
const NAME = String.raw`[A-Za-z_$@][\w.$@\-]*(?:\[["']?[\w.\-]+["']?\])*`;

const ASSIGN = new RegExp(String.raw`(?:^|[^\w$@.\-])["'\`]?(${NAME})["'\`]?\s*${OPS}\s*(?:[A-Za-z_$][\w.$]*\s*\(\s*)?(?:\[\s*)?["'\`]?\s*$`);
/** `var key string = "…"`, `apiKey: string = "…"`, `const KEY: &str = "…"`, `val k: String = "…"`. */
const TYPED = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*:?\s*(?:&(?:'static\s+)?)?(?:string|str|String|\[\]byte|Text|char\s*\*)\??\s*(?::=|=)\s*["'`]?\s*$/;
/** A value passed after its name: `setdefault("K", "`, `setProperty("K", "`, `Setenv("K", "`, `put(K, "`, `getattr(o, "k", "`. */
const ARG_AFTER_NAME = /(?:\(|,)\s*(?:["'`]([A-Za-z_][\w.\-]*)["'`]|([A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*|[A-Za-z_$][\w$]*\.[A-Z][A-Z0-9_]+))\s*,\s*(?:[A-Za-z_]\w*\(\s*)?["'`]?\s*$/;
/** `process.env.K || "`, `env("K") ?? "`, `os.getenv("K") or "`, `ENV["K"] ?: "`. */
const FALLBACK = /([A-Za-z_$][\w$.]*(?:\(\s*["'`][^"'`]{1,80}["'`]\s*\)|\[\s*["'`][^"'`]{1,80}["'`]\s*\])?)\s*(?:\|\||\?\?|\bor\b|\?:)\s*["'`]?\s*$/;
/** `${K:-…}`, `${K:=…}`, `${K-…}` shell defaults. */
const SHELL_DEFAULT = /\$\{([A-Za-z_]\w*):?[-=?+]$/;
const CALL = /([A-Za-z_$][\w.$]*)\s*\(\s*(?:\[\s*)?["'`]?\s*$/;
const FLAG = /(?:^|\s)(--?[A-Za-z][\w-]*)(?:\s+|=)["']?\s*$/;
const DOCKER_ENV = /^\s*(?:ENV|ARG|export|set|setx|setenv|declare(?:\s+-\w+)?|readonly|local)\s+([A-Za-z_][\w]*)(?:\s+|=)["']?\s*$/i;
const DEFINE = /^\s*#\s*define\s+([A-Za-z_]\w*)\s+["']?\s*$/;
const KEY_ONLY_LINE = /^\s*(?:-\s+)?["'`]?([A-Za-z_$@][\w.$@\-]*)["'`]?\s*[:=]\s*(?:[|>][-+]?\s*|\[\s*)?$/;
/** An XML element body: `<apiKey>` or `<add key="K">`, `<string name="k">` before the value. */
const XML_OPEN = /<([A-Za-z_][\w.:\-]*)((?:\s+[\w.:\-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*)\s*>\s*$/;
/** The attribute (or JSON/YAML field) that names the entry whose `value` is the value. */
const NAMING_ATTR = /\b(?:key|name|id|variable|var|param|property|setting|option)["']?\s*[:=]\s*["']?([A-Za-z_][\w.\-]*)/gi;
/** `variable "K" {` (Terraform), `ARG K` …: a name stated by a declaration on the line above. */
const DECLARED_ABOVE = /\b(?:variable|output|param(?:eter)?|secret)\s+"([A-Za-z_][\w.\-]*)"/;
/** Names that carry a value for another name: `value=`, `default=`, `fallback=` … */
const CARRIERS = new Set(['value', 'val', 'v', 'default', 'defaultvalue', 'default_value', 'fallback', 'content', 'text', 'data', 'setting']);
/** Words of free text that say nothing about a value (`my kucoin key is …`). */
const FILLER = new Set(['is', 'are', 'was', 'the', 'a', 'an', 'my', 'our', 'your', 'this', 'that', 'here', 'use', 'using', 'set', 'to', 'for', 'with', 'and', 'of', 'new', 'old', 'const', 'let', 'var', 'val', 'def', 'return', 'public', 'protected', 'internal', 'static', 'final', 'readonly', 'override', 'string', 'str', 'char']);

/** Shell and Docker words after which `NAME=value` assigns (`ENV K=v`, `export K=v`), or nothing but indentation. */
const ASSIGN_LEAD = /^\s*(?:(?:ENV|ARG|export|set|setx|setenv|declare(?:\s+-\w+)?|readonly|local|env)\s+)?$/i;
/** `NAME=` at the start of a value taken whole; at most 64 characters, so a base64 body is never a name. */
const INLINE_NAME = /^[A-Za-z_][\w.]{0,63}=(?=[^=\s\\])/;

/** A URL (or path) taken whole, or a value already inside a query string. */
const URL_START = /^(?:[A-Za-z][\w+.\-]*:\/\/|\/)/;
const IN_QUERY = /[?&][\w.\-]+=$/;
/** `?NAME=` / `&NAME=` inside a value: the last one starts the value its pattern looked for. */
const QUERY_PARAM = /[?&][A-Za-z_][\w.\-]{0,63}=(?=[^=&\s])/g;

/**
 * Where a value really starts when a pattern that allows `=` inside values (passphrases `a=b`,
 * base64 padding) took an assignment in whole: `NAME=value` after `ENV ` / `export ` or
 * indentation, or a URL's query `…?a=1&NAME=value`. The binding is then NAME (the assignment or
 * query-parameter form), the value what follows. 0 when the value stands as taken.
 */
export function assignedValueOffset(linePrefix: string, value: string): number {
  if (URL_START.test(value) || IN_QUERY.test(linePrefix)) {
    let at = 0;
    for (const m of value.matchAll(QUERY_PARAM)) at = m.index + m[0].length;
    return at;
  }
  if (!ASSIGN_LEAD.test(linePrefix)) return 0;
  const m = INLINE_NAME.exec(value);
  return m ? m[0].length : 0;
}

/** Strips list syntax so `accounts: ["0xA", "` finds `accounts` (a linear scan back to the `[`). */
function dropListItems(prefix: string): string {
  const open = prefix.lastIndexOf('[');
  if (open < 0) return prefix;
  const items = prefix.slice(open + 1);
  if (!items.includes(',') || /[\]{}()=:;]/.test(items)) return prefix;
  return prefix.slice(0, open + 1);
}

/** `process.env.K` → K, `os.getenv("K")` → K, `cfg["k"]` → k, `settings.api_key` → settings.api_key. */
function expressionName(expr: string): string {
  const quoted = /["'`]([^"'`]+)["'`]\s*[)\]]$/.exec(expr);
  if (quoted) return quoted[1]!;
  return expr.replace(/^(?:process\.env|import\.meta\.env|os\.environ|ENV|env|\$_ENV|\$_SERVER)\./, '');
}

/** The name a carrier (`value`, `default`) stands for: a naming attribute before it on its line, or a declaration above. */
function carried(prefix: string, above: string | undefined): string | undefined {
  let last: string | undefined;
  for (const m of prefix.matchAll(NAMING_ATTR)) last = m[1];
  if (last) return last;
  if (above !== undefined) {
    for (const m of above.matchAll(NAMING_ATTR)) last = m[1];
    if (last) return last;
    const d = DECLARED_ABOVE.exec(above);
    if (d) return d[1];
  }
  return undefined;
}

/** The words of free text right before the value (`kucoin `, `moralis token = '`), joined as a name. */
function freeText(prefix: string): string | undefined {
  // a linear split of the tail: words back from the value until something that is not a word
  // separators: blanks, `:`/`=`, and a dash between blanks (`poloniex key - …`, notes and lists)
  const tokens = prefix.slice(-80).replace(/["'`]\s*$/, '').split(/[ \t]*(?:[:=]|-{1,2}|\u2013|\u2014)?[ \t]+|[ \t]*[:=][ \t]*/);
  const words: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && words.length < 5; i--) {
    const t = tokens[i]!;
    if (t === '' && i === tokens.length - 1) continue;
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(t)) break;
    if (!FILLER.has(t.toLowerCase())) words.unshift(t);
  }
  return words.length > 0 ? words.join('_') : undefined;
}

/** An opened element's name, or the naming attribute it carries (`<add key="K">`). */
function xmlName(m: RegExpExecArray): string | undefined {
  let attr: string | undefined;
  for (const a of m[2]!.matchAll(NAMING_ATTR)) attr = a[1];
  return attr ?? m[1];
}

/** The single closest name, as `boundNames` orders them. */
function closest(p: string, above: string | undefined): string | undefined {
  let m = SHELL_DEFAULT.exec(p) ?? DEFINE.exec(p) ?? DOCKER_ENV.exec(p) ?? FLAG.exec(p);
  if (m) return m[1];
  m = XML_OPEN.exec(p);
  if (m) return xmlName(m);
  m = FALLBACK.exec(p);
  if (m) return expressionName(m[1]!);
  m = ARG_AFTER_NAME.exec(p);
  if (m) return m[1] ?? m[2];
  m = TYPED.exec(p) ?? ASSIGN.exec(p);
  if (m) return m[1];
  const listed = dropListItems(p);
  if (listed !== p) {
    m = ASSIGN.exec(listed) ?? CALL.exec(listed);
    if (m) return m[1];
  }
  m = CALL.exec(p);
  if (m) return m[1];
  if (above !== undefined && /^\s*(?:-\s*)?["'`]?\s*$/.test(p)) {
    m = KEY_ONLY_LINE.exec(above);
    if (m) return m[1];
  }
  // an XML element body on its own line: `<apiToken>` above, the value indented below it
  if (above !== undefined && /^\s*$/.test(p)) {
    m = XML_OPEN.exec(above);
    if (m) return xmlName(m);
  }
  return undefined;
}

/**
 * The names the value starting at the end of `prefix` is bound to, closest first: the key,
 * variable, flag, header, query parameter, argument name or element it is given to, then the name a
 * carrier (`value=`, `default:`) stands for, then the words of free text before it (`kucoin …`).
 * `above` is the previous non-empty line (YAML block values, k8s `- name:`/`value:` pairs).
 */
export function boundNames(prefix: string, above?: string): string[] {
  let p = prefix.length > MAX_PREFIX ? prefix.slice(-MAX_PREFIX) : prefix;
  p = p.replace(/0x$/i, '');
  const out: string[] = [];
  const first = closest(p, above);
  if (first) {
    if (CARRIERS.has(first.toLowerCase().replace(/^.*[.\[\]"'$@]/, ''))) {
      const named = carried(p.slice(0, Math.max(0, p.length - first.length - 1)), above);
      if (named) out.push(named);
    }
    out.push(first);
  }
  // free text only where no syntax binds the value (`kucoin 2313b299-…`, `my kucoin key is …`)
  if (!first) {
    const free = freeText(p);
    if (free) out.push(free);
  }
  // the same names without their syntax: sigils (`$kucoinSecret`, `@api_key`) and subscripts
  // (`ENV['BYBIT_SECRET']` → BYBIT_SECRET, `config["binance"]["secret"]` → binance.secret)
  for (const n of [...out]) {
    if (!/[$@\]]/.test(n)) continue;
    const bare = n.replace(/^[$@]+/, '');
    const subs = [...n.matchAll(/\[\s*["']?([\w.\-]+)["']?\s*\]/g)].map((m) => m[1]!);
    for (const alt of [bare, subs.join('.')]) if (alt && !out.includes(alt)) out.push(alt);
  }
  return out;
}

/** A name that carries a value for another name (`value`, `default`): the binding says which. */
export function isCarrier(name: string): boolean {
  return CARRIERS.has(name.toLowerCase());
}

/** The closest name the value is bound to (see `boundNames`). */
export function assignedKey(prefix: string, above?: string): string | undefined {
  return boundNames(prefix, above)[0];
}

/** What a value is bound to: the names (closest first) and, in a parsed config file, its key path. */
export interface Binding {
  /** The closest name, or the key path of a parsed value. */
  key?: string;
  keyPath?: string;
  names: string[];
  /** The name sits on the line above the value (`- name: K` / `value: …`, YAML block values). */
  fromAbove: boolean;
}

/** A parsed key and, for dotted keys kept whole (`app.api_key` in .properties), its last word. */
function leafNames(leaf: string): string[] {
  const last = leaf.replace(/^.*[.:/]/, '');
  return last && last !== leaf ? [leaf, last] : [leaf];
}

/**
 * The binding of the value at [start, end) on 1-based `line`: its key path when a parsed value holds
 * it (with the name a `value:` carrier stands for), else the names read from the text before it.
 */
export function bindingAt(start: number, end: number, line: number, lineStart: number, linePrefix: string, ctx: ScanCtx): Binding {
  const { chunk } = ctx;
  const v = ctx.struct?.at(start, end);
  const aboveLine = () => chunk.lines.tail(line - 2, NEAR_BYTES);
  // the value is the match (give or take `0x` or a quote): its key path is the context
  if (v && start - v.start <= 3 && /^["'`\s]*(0x)?$/i.test(chunk.buf.toString('utf8', v.start, start))) {
    const keyPath = joinPath(v.path);
    const leaf = leafKey(v.path);
    const names = leaf ? leafNames(leaf) : [];
    // `- name: K` / `value: …` pairs (k8s env, Terraform variables): the value's own line holds a carrier
    const carrier = /^\s*(?:-\s*)?["']?([A-Za-z_]+)["']?\s*[:=]/.exec(linePrefix)?.[1];
    const fromAbove = line > 1 && carrier !== undefined && isCarrier(carrier);
    if (fromAbove) for (const n of boundNames(linePrefix, aboveLine())) if (!names.includes(n)) names.push(n);
    return { key: keyPath, keyPath, names, fromAbove };
  }
  let prefix = v && v.start > lineStart ? chunk.buf.toString('utf8', v.start, start) : linePrefix;
  // code inside a JSON string (notebook cells, embedded JSON): `\"secret\": \"` reads as `"secret": "`
  if (prefix.includes('\\')) prefix = prefix.replace(/\\+(["'])/g, '$1');
  const above = !v && line > 1 ? aboveLine() : undefined;
  const names = boundNames(prefix, above);
  if (names.length > 0) {
    // named on the line above: a YAML block value, or a carrier (`value:`, `default =`) under its name
    const fromAbove = names.some(isCarrier) || (above !== undefined && !/[\w$@]/.test(prefix));
    return { key: names[0], names, fromAbove };
  }
  if (v) {
    const keyPath = joinPath(v.path);
    const leaf = leafKey(v.path);
    return { key: keyPath, keyPath, names: leaf ? leafNames(leaf) : [], fromAbove: false };
  }
  return { names, fromAbove: false };
}

/** A name as written, or with camelCase words split (`kucoinApiToken` → `kucoin_Api_Token`). */
export function nameMatches(re: { test(s: string): boolean }, name: string): boolean {
  if (re.test(name)) return true;
  const split = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  return split !== name && re.test(split);
}
