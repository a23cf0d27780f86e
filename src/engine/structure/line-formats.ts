// Line-based readers for .env, INI / Java properties, TOML and Terraform .tfvars: key paths and spans.
import type * as Toml from 'smol-toml';
import { lazyRequire } from '../../util/lazy-require.js';

const toml = lazyRequire<typeof Toml>('smol-toml');
import { ByteOffsets, type StructValue } from './types.js';

interface Line {
  text: string;
  /** Char offset of the line in the file. */
  at: number;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, at });
    at += raw.length + 1;
  }
  return out;
}

/**
 * A value starting at `from` in `line`: quoted ("…" with escapes, '…' literal) or bare up to an
 * inline comment. Returns char offsets within the line and the value.
 */
function readValue(line: string, from: number, comment: RegExp | null): { start: number; end: number; value: string } | null {
  let i = from;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (i >= line.length) return null;
  const q = line[i];
  if (q === '"' || q === "'" || q === '`') {
    let j = i + 1;
    let value = '';
    while (j < line.length && line[j] !== q) {
      if (line[j] === '\\' && q === '"' && j + 1 < line.length) {
        const e = line[j + 1]!;
        value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        j += 2;
        continue;
      }
      value += line[j];
      j++;
    }
    if (j >= line.length) return null; // unterminated (multi-line): leave it to the text scan
    return j > i + 1 ? { start: i + 1, end: j, value } : null;
  }
  let end = line.length;
  if (comment) {
    comment.lastIndex = i;
    const m = comment.exec(line);
    if (m) end = m.index;
  }
  while (end > i && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end > i ? { start: i, end, value: line.slice(i, end) } : null;
}

function emit(out: StructValue[], bytes: ByteOffsets, line: Line, path: string[], v: { start: number; end: number; value: string } | null) {
  if (!v) return;
  out.push({ path, start: bytes.byte(line.at + v.start), end: bytes.byte(line.at + v.end), value: v.value });
}

const ENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][\w.\-]*)\s*=/;

/** `.env`: `KEY=value`, `export KEY="value"`, `# comments`. */
export function parseEnv(text: string, byteLength: number): StructValue[] {
  const bytes = new ByteOffsets(text, byteLength);
  const out: StructValue[] = [];
  for (const line of splitLines(text)) {
    const m = ENV_LINE.exec(line.text);
    if (m) emit(out, bytes, line, [m[1]!], readValue(line.text, m[0].length, /\s#/g));
  }
  return out;
}

const INI_SECTION = /^\s*\[([^\]]+)\]\s*(?:[;#].*)?$/;
const INI_PAIR = /^\s*([^\s=:;#\[][^=:]*?)\s*[=:]/;

/** INI and Java properties: `[section]`, `key = value`, `key: value`, `;`/`#`/`!` comments. */
export function parseIni(text: string, byteLength: number): StructValue[] {
  const bytes = new ByteOffsets(text, byteLength);
  const out: StructValue[] = [];
  let section: string[] = [];
  for (const line of splitLines(text)) {
    if (/^\s*[;#!]/.test(line.text)) continue;
    const s = INI_SECTION.exec(line.text);
    if (s) {
      section = [s[1]!.trim()];
      continue;
    }
    const m = INI_PAIR.exec(line.text);
    if (m) emit(out, bytes, line, [...section, m[1]!.trim()], readValue(line.text, m[0].length, /\s[;#]/g));
  }
  return out;
}

/** A TOML dotted key (`a.b`, `"a.b".c`) as segments. */
function tomlKey(raw: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null && m[0].length > 0) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

const TOML_TABLE = /^\s*\[(\[)?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
const TOML_PAIR = /^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/;

/** TOML (validated by smol-toml first; spans from a line reader). Null when the file is not TOML. */
export function parseTomlValues(text: string, byteLength: number): StructValue[] | null {
  try {
    toml().parse(text);
  } catch {
    return null;
  }
  const bytes = new ByteOffsets(text, byteLength);
  const out: StructValue[] = [];
  let table: string[] = [];
  const arrays = new Map<string, number>();
  let inMultiline: string | null = null;
  for (const line of splitLines(text)) {
    if (inMultiline) {
      if (line.text.includes(inMultiline)) inMultiline = null;
      continue;
    }
    const t = TOML_TABLE.exec(line.text);
    if (t && !TOML_PAIR.test(line.text)) {
      table = tomlKey(t[2]!);
      if (t[1]) {
        const k = table.join('\0');
        const n = arrays.get(k) ?? 0;
        arrays.set(k, n + 1);
        table = [...table, String(n)];
      }
      continue;
    }
    const m = TOML_PAIR.exec(line.text);
    if (!m) continue;
    const path = [...table, ...tomlKey(m[1]!)];
    const rest = line.text.slice(m[0].length);
    const lead = rest.length - rest.trimStart().length;
    const first = rest.trimStart();
    if (first.startsWith('"""') || first.startsWith("'''")) {
      if (!first.slice(3).includes(first.slice(0, 3))) inMultiline = first.slice(0, 3);
      continue;
    }
    if (first.startsWith('{')) {
      inlinePairs(out, bytes, line, path, m[0].length + lead);
      continue;
    }
    if (first.startsWith('[')) {
      let i = 0;
      const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
      re.lastIndex = m[0].length + lead;
      let s: RegExpExecArray | null;
      while ((s = re.exec(line.text)) !== null) {
        const start = s.index + 1;
        emit(out, bytes, line, [...path, String(i++)], { start, end: start + (s[1] ?? s[2]!).length, value: unescape(s[1] ?? s[2]!) });
      }
      continue;
    }
    emit(out, bytes, line, path, readValue(line.text, m[0].length, /\s#/g));
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_a, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** `{ a = "x", b.c = 'y' }` on one line. */
function inlinePairs(out: StructValue[], bytes: ByteOffsets, line: Line, path: string[], from: number) {
  const re = /([A-Za-z0-9_.\-"']+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line.text)) !== null) {
    const body = m[2] ?? m[3]!;
    const start = m.index + m[0].length - body.length - 1;
    emit(out, bytes, line, [...path, ...tomlKey(m[1]!)], { start, end: start + body.length, value: unescape(body) });
  }
}

const TF_OPEN_MAP = /^\s*("[^"]+"|[\w.\-]+)\s*=\s*\{\s*(?:#.*|\/\/.*)?$/;
const TF_OPEN_LIST = /^\s*("[^"]+"|[\w.\-]+)\s*=\s*\[\s*(?:#.*|\/\/.*)?$/;
const TF_BLOCK = /^\s*([\w\-]+)((?:\s+"[^"]*")*)\s*\{\s*$/;
const TF_PAIR = /^\s*("[^"]+"|[\w.\-]+)\s*[=:]/;
const TF_HEREDOC = /<<-?\s*([A-Za-z_]\w*)\s*$/;

/** Terraform `*.tfvars` (HCL): nested maps and blocks, lists, `key = "value"`. */
export function parseTfvars(text: string, byteLength: number): StructValue[] {
  const bytes = new ByteOffsets(text, byteLength);
  const out: StructValue[] = [];
  const stack: Array<{ key: string[]; list: boolean; n: number }> = [];
  const here = () => stack.flatMap((s) => s.key);
  let heredoc: string | null = null;
  let comment = false;
  for (const line of splitLines(text)) {
    const t = line.text;
    if (heredoc) {
      if (t.trim() === heredoc) heredoc = null;
      continue;
    }
    if (comment) {
      if (t.includes('*/')) comment = false;
      continue;
    }
    if (/^\s*(#|\/\/)/.test(t) || t.trim() === '') continue;
    if (/^\s*\/\*/.test(t)) {
      comment = !t.includes('*/');
      continue;
    }
    const h = TF_HEREDOC.exec(t);
    if (h) {
      heredoc = h[1]!;
      continue;
    }
    const unq = (k: string) => k.replace(/^"|"$/g, '');
    let m = TF_OPEN_MAP.exec(t);
    if (m) {
      stack.push({ key: [unq(m[1]!)], list: false, n: 0 });
      continue;
    }
    m = TF_OPEN_LIST.exec(t);
    if (m) {
      stack.push({ key: [unq(m[1]!)], list: true, n: 0 });
      continue;
    }
    m = TF_BLOCK.exec(t);
    if (m) {
      const labels = [...m[2]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
      stack.push({ key: [m[1]!, ...labels], list: false, n: 0 });
      continue;
    }
    if (/^\s*[}\]]\s*,?\s*$/.test(t)) {
      stack.pop();
      continue;
    }
    const top = stack[stack.length - 1];
    if (top?.list) {
      const re = /"((?:[^"\\]|\\.)*)"/g;
      let s: RegExpExecArray | null;
      while ((s = re.exec(t)) !== null) {
        const start = s.index + 1;
        emit(out, bytes, line, [...here(), String(top.n++)], { start, end: start + s[1]!.length, value: unescape(s[1]!) });
      }
      continue;
    }
    m = TF_PAIR.exec(t);
    if (m) {
      const rest = t.slice(m[0].length).trimStart();
      const path = [...here(), unq(m[1]!)];
      if (rest.startsWith('{')) inlinePairs(out, bytes, line, path, m[0].length);
      else if (rest.startsWith('"')) emit(out, bytes, line, path, readValue(t, m[0].length, null));
    }
  }
  return out;
}
