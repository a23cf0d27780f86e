import RE2 from 're2';
import { assignedKey } from './context.js';
import { decodeValue, MAX_DECODED_PER_CHUNK, MAX_DEPTH, MAX_VALUES_PER_CHUNK, MIN_BASE64 } from './decode.js';
import { shannonEntropy } from './entropy.js';
import { fingerprint } from './fingerprint.js';
import { markInlineAllows } from './inline-allow.js';
import { LineIndex } from './lines.js';
import { isPlaceholder } from './placeholder.js';
import { Prefilter } from './prefilter.js';
import { redact } from './redact.js';
import { isSkippedPath } from './skip-paths.js';
import { joinPath, leafKey, parseStructure, StructIndex, structureKind, type StructValue } from './structure/index.js';
import { namesSecretRole, normalizeProvider, providerInPath } from './structure/keypath-rule.js';
import type { Finding, Severity } from '../core/finding.js';
import type { KnownPublicValue, RuleSpec } from '../core/rule.js';
import type { ValidationResult, Validator } from '../core/validator.js';

type Decoded = NonNullable<ReturnType<typeof decodeValue>>;

export interface EngineOptions {
  knownPublic?: KnownPublicValue[];
  validators: Record<string, Validator>;
  /** What a well-known 32-byte constant (keccak256(""), an EIP-1967 slot …) is, given 64 lower-case hex. */
  wellKnownConstant?: (hex: string) => string | undefined;
}

/** Names that mark a value as a hash, identifier or public datum rather than a secret. */
export const DEFAULT_DENY_KEYS =
  '(?i)(hash|digest|checksum|integrity|sha1|sha256|sha512|sha$|md5|keccak|topic|selector|signature|fingerprint|txid|tx_?id|root|salt|slot|role|nonce|address|addr$|pubkey|public_?key|xpub|commit|uuid|guid|request_?id|trace|color|colour)';

const PAIR_LINES = 5;


interface CompiledRule {
  spec: RuleSpec;
  index: number;
  re: RE2 | null;
  group: number | string;
  entropy: number;
  keys: Lazy | null;
  nearby: Lazy | null;
  window: number;
  deny: Lazy | null;
  allowExact: Set<string>;
  allowRe: Lazy[];
  validator: Validator | null;
  generic: boolean;
  /** The prefilter's pattern set already tells whether the pattern occurs in a chunk. */
  setGated: boolean;
}

/** Value normalisation for known-public lookups: case, 0x, whitespace. */
export function normalizeValue(v: string): string {
  return v.trim().replace(/^0x/i, '').replace(/\s+/g, ' ').toLowerCase();
}

/** An RE2 compiled on first use: a small input pays only for the rules its bytes can trigger. */
class Lazy {
  private re: RE2 | null = null;
  constructor(private readonly pattern: string, private readonly flags: string) {}
  test(s: string): boolean {
    if (!this.re) this.re = new RE2(this.pattern, this.flags);
    return this.re.test(s);
  }
}

const DEFAULT_DENY = new Lazy(DEFAULT_DENY_KEYS, 'u');

const MAX_MATCHES = 10000;

/** keccak256(""), event topics, EIP-1967 slots …: 32-byte values every chain project contains. */
function isWellKnownConstant(secret: string, lookup: ((hex: string) => string | undefined) | undefined): boolean {
  if (!lookup) return false;
  const hex = secret.length === 66 && /^0x/i.test(secret) ? secret.slice(2) : secret;
  return hex.length === 64 && /^[0-9a-fA-F]+$/.test(hex) && lookup(hex.toLowerCase()) !== undefined;
}
const compiledPatterns = new Map<string, RE2>();
/** One compiled RE2 per distinct pattern, shared by the rules (and engines) that use it. */
function patternCache(pattern: string): RE2 {
  let re = compiledPatterns.get(pattern);
  if (!re) {
    re = new RE2(pattern, 'gdu');
    compiledPatterns.set(pattern, re);
  }
  return re;
}

function lazyCi(pattern: string | undefined): Lazy | null {
  return pattern ? new Lazy(pattern, 'iu') : null;
}

function defaultGroup(pattern: string): number {
  // Any capturing group? (…) not followed by ?: — named groups use (?P<…> or (?<…>
  return /\((?!\?)|\(\?P?</.test(pattern.replace(/\\./g, '')) ? 1 : 0;
}

/**
 * Encoded values in plain text (config files use their parsed values instead): base64 / base64url
 * strings of 16+ characters with a digit, quoted or assigned; runs holding percent escapes. Few
 * matches on ordinary source, so the pass costs about one RE2 scan.
 */
// No capture group and no `d` flag: RE2 then only finds the match bounds, and the value's span is
// computed from them (the lead character and blanks are skipped), a third cheaper per match.
const TEXT_BASE64_PATTERN = '["\'`=:]\\s*[A-Za-z+/_-]*[0-9][A-Za-z0-9+/_-]{15,}={0,2}';
const TEXT_BASE64 = new RE2(TEXT_BASE64_PATTERN, 'g');
const TEXT_PERCENT = new RE2('[^\\s"\'`<>(){}\\[\\],;]*%[0-9A-Fa-f]{2}[^\\s"\'`<>(){}\\[\\],;]*', 'g');
/**
 * Whether each finder can match at all, asked of the prefilter's pattern set (about 10% more on a
 * pass that runs anyway): most files hold neither, and then the finders' own passes are skipped. Both
 * are ASCII-only around their optional parts, so UTF-8 and byte matching agree on whether one occurs.
 */
const PERCENT_GATE = '%[0-9A-Fa-f]{2}';
const DECODE_GATES = [TEXT_BASE64_PATTERN, PERCENT_GATE];


/** RE2's `\s` without the `u` flag: tab, newline, form feed, carriage return, space. */
function isRe2Space(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** Where a decoded value came from: its key path and the text around the encoded value. */
interface Outer {
  /** Text around the encoded value (its key path and a few lines): prefilter and `nearby` see it. */
  context: string;
}

interface ScanCtx {
  path: string;
  chunk: Chunk;
  struct: StructIndex | null;
  outer?: Outer;
  /** The struct is one made-up value: the whole decoded text under its key path. */
  whole?: boolean;
  /** Patterns of the prefilter's set that occur in the chunk (DECODE_GATES among them). */
  setHits: Set<string>;
}

interface Budget {
  bytes: number;
  values: number;
}

export class Engine {
  private readonly rules: CompiledRule[];
  private readonly keyPathRules: CompiledRule[];
  private readonly providers: Set<string>;
  private readonly prefilter: Prefilter;
  private readonly known = new Map<string, string>();
  private readonly roleMemo = new Map<string, boolean>();
  private readonly providerMemo = new Map<string, string | undefined>();
  private readonly wellKnownConstant: EngineOptions['wellKnownConstant'];

  constructor(specs: RuleSpec[], opts: EngineOptions) {
    this.wellKnownConstant = opts.wellKnownConstant;
    const compiledAll = specs.map((spec, index) => {
      const ctx = spec.context;
      const allowExact = new Set<string>();
      const allowRe: Lazy[] = [];
      for (const a of spec.allow ?? []) {
        if (a.startsWith('re:')) allowRe.push(new Lazy(a.slice(3), 'u'));
        else allowExact.add(normalizeValue(a));
      }
      let validator: Validator | null = null;
      if (spec.validate) {
        validator = opts.validators[spec.validate] ?? null;
        if (!validator) throw new Error(`rule ${spec.id}: unknown validator "${spec.validate}"`);
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
        deny: ctx?.denyKeys === '' ? null : ctx?.denyKeys ? new Lazy(ctx.denyKeys, 'u') : DEFAULT_DENY,
        allowExact,
        allowRe,
        validator,
        generic: spec.tags.includes('generic'),
        setGated: false,
      } as CompiledRule;
    });
    // key-path rules run on parsed config values, never over bytes
    this.rules = compiledAll.filter((r) => !r.spec.keyPath);
    this.keyPathRules = compiledAll.filter((r) => r.spec.keyPath);
    this.providers = new Set<string>();
    for (const r of this.keyPathRules) for (const p of r.spec.keyPath!.providers) this.providers.add(normalizeProvider(p));
    if (this.keyPathRules.length > 0) {
      for (const r of this.rules) {
        const p = normalizeProvider(r.spec.provider);
        if (p.length >= 3 && p !== 'generic') this.providers.add(p);
      }
    }
    for (const k of opts.knownPublic ?? []) this.known.set(normalizeValue(k.value), k.description);
    // one more keyword group after the rules: provider names, so a config file naming only a provider
    // that no rule knows (`phemex: {api_secret: …}`) is still parsed for the key-path rules
    const groups: Array<{ keywords: string[]; pattern: string }> = this.rules.map((r) => r.spec);
    if (this.keyPathRules.length > 0) groups.push({ keywords: [...this.providers], pattern: '' });
    // rules marked `prefilter: pattern` (common keywords, rare pattern) ride in the pattern set too
    const gated = this.rules.filter((r) => r.spec.prefilter === 'pattern' && r.spec.keywords.length > 0).map((r) => r.spec.pattern);
    this.prefilter = new Prefilter(groups, [...DECODE_GATES, ...gated]);
    // a keyword rule whose pattern is in the set (a gate, or the same pattern as a keywordless rule)
    for (const r of this.rules) r.setGated = r.spec.keywords.length > 0 && this.prefilter.inSet(r.spec.pattern);
  }

  get ruleSpecs(): RuleSpec[] {
    return [...this.rules, ...this.keyPathRules].sort((a, b) => a.index - b.index).map((r) => r.spec);
  }

  /** Scans one chunk of bytes; `path` is used for reporting and path-based skips only. */
  scan(buf: Buffer, path: string): Finding[] {
    if (buf.length === 0 || isSkippedPath(path)) return [];
    const budget: Budget = { bytes: MAX_DECODED_PER_CHUNK, values: MAX_VALUES_PER_CHUNK };
    // Parsing a config file only pays where some rule can fire: a provider or secret word is present
    // (key-path rules need a provider name in the path, and provider names are keywords).
    const kind = structureKind(path);
    const values = kind && this.prefilter.candidates(buf).length > 0 ? parseStructure(buf, kind) : null;
    const found = this.scanBuffer(buf, path, values, undefined, 0, budget);
    if (found.raw.length === 0) return [];
    const out = link(dedupe(found.raw));
    markInlineAllows(buf, out, found.lines);
    return out;
  }

  /**
   * Pattern rules over the bytes, key-path rules over parsed config values, and the same again on
   * decoded values (bounded by depth and budget), each decoded finding placed at its encoded value.
   */
  private scanBuffer(
    buf: Buffer,
    path: string,
    values: StructValue[] | null,
    outer: Outer | undefined,
    depth: number,
    budget: Budget,
  ): Found {
    const candidates = this.prefilter.candidates(buf);
    const setHits = this.prefilter.patternHits(buf);
    if (outer) {
      for (const r of this.prefilter.keywordCandidates(Buffer.from(outer.context))) if (!candidates.includes(r)) candidates.push(r);
    }
    const decodable = depth < MAX_DEPTH && budget.values > 0;
    if (candidates.length === 0 && !values && !decodable) return EMPTY;
    const chunk = new Chunk(buf);
    const ctx: ScanCtx = { path, chunk, struct: values ? new StructIndex(values) : null, outer, whole: !!values && SYNTHETIC.has(values), setHits };
    const raw: Raw[] = [];
    // rules sharing a pattern (the 64-hex key rules) share one pass over the bytes
    const passes = new Map<string, RegExpExecArray[]>();
    for (const ri of candidates) {
      const rule = this.rules[ri];
      if (!rule) continue; // the provider-names group
      if (rule.setGated && !setHits.has(rule.spec.pattern)) continue;
      let matches = passes.get(rule.spec.pattern);
      if (!matches) {
        matches = this.matchAll(rule, buf);
        passes.set(rule.spec.pattern, matches);
      }
      for (const m of matches) {
        const f = this.candidate(rule, m, ctx);
        if (f) raw.push(f);
      }
    }
    if (ctx.struct && this.keyPathRules.length > 0) {
      for (const v of ctx.struct.values) {
        for (const rule of this.keyPathRules) {
          const f = this.keyPathCandidate(rule, v, ctx);
          if (f) raw.push(f);
        }
      }
    }
    if (decodable) raw.push(...this.decoded(ctx, depth, budget));
    return { raw, lines: chunk.lines };
  }

  /** Every match of a rule's pattern in the bytes (at most MAX_MATCHES: a runaway pattern stays bounded). */
  private matchAll(rule: CompiledRule, buf: Buffer): RegExpExecArray[] {
    const re = (rule.re ??= patternCache(rule.spec.pattern));
    re.lastIndex = 0;
    const out: RegExpExecArray[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(buf as unknown as string)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      out.push(m);
      if (out.length >= MAX_MATCHES) break;
    }
    return out;
  }

  /** Findings inside encoded values of this chunk, placed at the encoded value. */
  private decoded(ctx: ScanCtx, depth: number, budget: Budget): Raw[] {
    const out: Raw[] = [];
    const { chunk } = ctx;
    const visit = (start: number, end: number, dec: Decoded, keyPath: string[] | undefined) => {
      if (budget.values <= 0 || budget.bytes <= 0 || dec.text.trim() === '') return;
      budget.values--;
      const inner = Buffer.from(dec.text, 'utf8');
      budget.bytes -= inner.length;
      if (budget.bytes < 0) return;
      const pos = chunk.lines.position(start);
      const context = [
        keyPath ? joinPath(keyPath) : '',
        chunk.lines.text(pos.line - 1 - 3, pos.line - 1 + 3),
        ctx.outer?.context ?? '',
      ].join('\n');
      // the decoded text may be a config file itself (a Secret's `config.yaml:`); else it sits under the key path
      const leaf = keyPath ? leafKey(keyPath) : undefined;
      let kind = leaf ? structureKind(leaf) : null;
      if (!kind && /^\s*[{[]/.test(dec.text)) kind = 'json';
      let values = parseStructure(inner, kind);
      if (!values && keyPath) values = wholeValue(dec.text, keyPath);
      const sub = this.scanBuffer(inner, ctx.path, values, { context }, depth + 1, budget);
      if (sub.raw.length === 0) return;
      const endPos = chunk.lines.position(end);
      for (const f of sub.raw) {
        f.line = pos.line;
        f.column = pos.column;
        f.endLine = endPos.line;
        f.endColumn = endPos.column;
        f.start = start;
        f.end = end;
        f.decoded = f.decoded ? `${dec.encoding}/${f.decoded}` : dec.encoding;
        out.push(f);
      }
    };
    if (ctx.struct) {
      for (const v of ctx.struct.values) {
        if (v.value.length < MIN_BASE64 && !v.value.includes('%')) continue;
        const dec = decodeValue(v.value.trim());
        if (dec) visit(v.start, v.end, dec, v.path);
      }
      // a decoded value seen whole under its key path is still text: look inside it too
      if (!ctx.whole) return out;
    }
    const b = chunk.buf;
    for (const re of [TEXT_BASE64, TEXT_PERCENT]) {
      if (!ctx.setHits.has(re === TEXT_BASE64 ? TEXT_BASE64_PATTERN : PERCENT_GATE)) continue;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let guard = 0;
      while ((m = re.exec(b as unknown as string)) !== null && budget.values > 0 && ++guard < 10000) {
        // match bounds in bytes (the input is a Buffer); TEXT_BASE64's value follows its lead character and blanks
        const end = m.index + (m[0] as unknown as Buffer).length;
        let start = m.index;
        if (re === TEXT_BASE64) for (start++; start < end && isRe2Space(b[start]!); start++);
        if (end === start) {
          if (end === m.index) re.lastIndex++;
          continue;
        }
        const dec = decodeValue(b.toString('utf8', start, end));
        if (!dec) continue;
        const pos = chunk.lines.position(start);
        const prefix = b.toString('utf8', chunk.lines.lineStart(pos.line - 1), start);
        if (/;base64,$/.test(prefix)) continue; // data: URIs hold files, not secrets
        const above = pos.line > 1 ? chunk.lines.text(pos.line - 2, pos.line - 2) : undefined;
        const key = assignedKey(prefix, above);
        // the regexes are shared with the nested scan of the decoded value: keep this loop's place
        const next = re.lastIndex;
        visit(start, end, dec, key ? [key] : undefined);
        re.lastIndex = next;
      }
    }
    return out;
  }

  /** Context of a match: the key path when a parsed value holds it, else the key from the line. */
  private keyOf(start: number, end: number, line: number, lineStart: number, linePrefix: string, ctx: ScanCtx): { key?: string; leaf?: string; keyPath?: string } {
    const { chunk } = ctx;
    const v = ctx.struct?.at(start, end);
    // the value is the match (give or take `0x` or a quote): its key path is the context
    if (v && start - v.start <= 3 && /^["'`\s]*(0x)?$/i.test(chunk.buf.toString('utf8', v.start, start))) {
      const keyPath = joinPath(v.path);
      return { key: keyPath, leaf: leafKey(v.path), keyPath };
    }
    let prefix = v && v.start > lineStart ? chunk.buf.toString('utf8', v.start, start) : linePrefix;
    // code inside a JSON string (notebook cells, embedded JSON): `\"secret\": \"` reads as `"secret": "`
    if (prefix.includes('\\')) prefix = prefix.replace(/\\+(["'])/g, '$1');
    const above = !v && line > 1 ? chunk.lines.text(line - 2, line - 2) : undefined;
    const key = assignedKey(prefix, above);
    if (key) return { key, leaf: key };
    if (v) {
      const keyPath = joinPath(v.path);
      return { key: keyPath, leaf: leafKey(v.path), keyPath };
    }
    return {};
  }

  private candidate(rule: CompiledRule, m: RegExpExecArray, ctx: ScanCtx): Raw | null {
    const { chunk } = ctx;
    const g = rule.group;
    const span = typeof g === 'number' ? m.indices?.[g] : m.indices?.groups?.[g];
    const value = typeof g === 'number' ? m[g] : m.groups?.[g];
    if (!span || value === undefined) return null;
    const [start, end] = span;
    const secret = (value as unknown as Buffer).toString('utf8');
    if (isPlaceholder(secret) || isWellKnownConstant(secret, this.wellKnownConstant)) return null;
    if (rule.entropy && shannonEntropy(secret) < rule.entropy) return null;

    const pos = chunk.lines.position(start);
    const lineStart = chunk.lines.lineStart(pos.line - 1);
    const linePrefix = chunk.buf.toString('utf8', lineStart, start);
    if (/data:[\w/+.-]*;base64,[A-Za-z0-9+/=]*$/.test(linePrefix)) return null;
    const { key, leaf, keyPath } = this.keyOf(start, end, pos.line, lineStart, linePrefix, ctx);

    if (leaf && rule.deny && rule.deny.test(leaf)) return null;
    // Both conditions hold when both are given: a secret-like name, and the provider nearby.
    if (rule.keys && !(key && ((leaf !== undefined && rule.keys.test(leaf)) || rule.keys.test(key)))) return null;
    if (rule.nearby) {
      const near =
        rule.nearby.test(chunk.lines.text(pos.line - 1 - rule.window, pos.line - 1 + rule.window)) ||
        (keyPath !== undefined && rule.nearby.test(keyPath)) ||
        (ctx.outer !== undefined && rule.nearby.test(ctx.outer.context));
      if (!near) return null;
    }

    let result: ValidationResult = { valid: false };
    if (rule.validator) {
      result = rule.validator({
        secret,
        match: (m[0] as unknown as Buffer).toString('utf8'),
        text: () => chunk.text,
        index: () => chunk.charIndex(start),
      });
      if (!result.valid) return null;
    }
    return this.finding(rule, secret, start, end, ctx, { key, result, pos });
  }

  /** A key-path rule on one parsed value: provider and secret role in the path, a high-entropy value. */
  private keyPathCandidate(rule: CompiledRule, v: StructValue, ctx: ScanCtx): Raw | null {
    const kp = rule.spec.keyPath!;
    const secret = v.value.trim();
    if (secret.length < kp.minLength || secret.length > 512) return null;
    if (/\s/.test(secret)) return null;
    const leaf = leafKey(v.path);
    if (!leaf || !this.memo(this.roleMemo, leaf, () => namesSecretRole(leaf))) return null;
    if (rule.keys && !rule.keys.test(leaf)) return null;
    if (rule.deny && rule.deny.test(leaf)) return null;
    const keyPath = joinPath(v.path);
    const provider = this.memo(this.providerMemo, keyPath, () => providerInPath(v.path, this.providers));
    if (!provider) return null;
    if (!rule.re) rule.re = new RE2(rule.spec.pattern, 'u');
    if (!rule.re.test(secret)) return null;
    // URLs, paths, numbers, words, ARNs and other `scheme:a:b` identifiers
    if (/:\/\/|^[./~]|^\d+$|^[A-Za-z]+$|^arn:|^[^:]*:[^:]*:/.test(secret) || isPlaceholder(secret)) return null;
    if (rule.entropy && shannonEntropy(secret) < rule.entropy) return null;
    const f = this.finding(rule, secret, v.start, v.end, ctx, { key: keyPath, result: { valid: false } });
    f.provider = provider;
    if (!f.knownPublic) f.message = `Secret for ${provider} under key path ${keyPath}`;
    return f;
  }

  /** Key words repeat across values of one file and across files: remember the answers. */
  private memo<T>(map: Map<string, T>, key: string, compute: () => T): T {
    let v = map.get(key);
    if (v === undefined && !map.has(key)) {
      if (map.size > 20000) map.clear();
      v = compute();
      map.set(key, v);
    }
    return v as T;
  }

  private finding(
    rule: CompiledRule,
    secret: string,
    start: number,
    end: number,
    ctx: ScanCtx,
    extra: { key?: string; result: ValidationResult; pos?: { line: number; column: number } },
  ): Raw {
    const { chunk } = ctx;
    const { key, result } = extra;
    const norm = normalizeValue(secret);
    let knownPublic = result.knownPublic ?? this.known.get(norm);
    if (!knownPublic && (rule.allowExact.has(norm) || rule.allowRe.some((r) => r.test(secret)))) {
      knownPublic = 'documented sample value';
    }
    const pos = extra.pos ?? chunk.lines.position(start);
    const endPos = chunk.lines.position(end);
    const severity: Severity = knownPublic ? 'note' : rule.spec.severity;
    const spec = rule.spec;
    const fp = fingerprint(spec.id, secret);
    const message = knownPublic
      ? `${spec.title}: known public test key (${knownPublic}); not a leak, but never use it for real funds or accounts`
      : `${spec.title}${key ? ` assigned to ${key}` : ''}${rule.validator ? ' (offline check passed)' : ''}`;
    const f: Raw = {
      ruleId: spec.id,
      title: spec.title,
      provider: spec.provider,
      severity,
      file: ctx.path,
      line: pos.line,
      column: pos.column,
      endLine: endPos.line,
      endColumn: endPos.column,
      secret,
      redacted: redact(secret),
      fingerprint: fp,
      validated: !!rule.validator && result.valid,
      message,
      tags: spec.tags,
      start,
      end,
      generic: rule.generic,
    };
    // a key (path) naming the rule's provider settles ties between same-shaped rules of two providers
    if (key && spec.provider.length >= 3 && normalizeProvider(key).includes(normalizeProvider(spec.provider))) f.named = true;
    if (knownPublic) f.knownPublic = knownPublic;
    if (result.address) f.address = result.address;
    if (key) f.key = key;
    if (spec.pair) f.pair = spec.pair;
    return f;
  }
}

/** Value lists made up for decoded text (one value under the encoded value's key path). */
const SYNTHETIC = new WeakSet<StructValue[]>();

/** The whole decoded text as one value under the encoded value's key path. */
function wholeValue(text: string, keyPath: string[]): StructValue[] {
  const lead = text.length - text.trimStart().length;
  const values = [{ path: keyPath, start: Buffer.byteLength(text.slice(0, lead)), end: Buffer.byteLength(text.trimEnd()), value: text.trim() }];
  SYNTHETIC.add(values);
  return values;
}

interface Found {
  raw: Raw[];
  lines: LineIndex | null;
}

const EMPTY: Found = { raw: [], lines: null };

/** Lazily decoded views of one chunk, shared by all rules. */
class Chunk {
  readonly lines: LineIndex;
  private decoded: string | null = null;
  constructor(readonly buf: Buffer) {
    this.lines = new LineIndex(buf);
  }
  get text(): string {
    if (this.decoded === null) this.decoded = this.buf.toString('utf8');
    return this.decoded;
  }
  private lastByte = 0;
  private lastChar = 0;
  /** Candidates come in ascending order per rule: decode on from the last answer, not from byte 0. */
  charIndex(byteOffset: number): number {
    if (byteOffset < this.lastByte) {
      this.lastByte = 0;
      this.lastChar = 0;
    }
    this.lastChar += this.buf.toString('utf8', this.lastByte, byteOffset).length;
    this.lastByte = byteOffset;
    return this.lastChar;
  }
}

type Raw = Finding & { start: number; end: number; generic: boolean; named?: boolean };

function score(f: Raw): number {
  return (
    (f.generic ? 0 : 16) +
    (f.validated ? 8 : 0) +
    (f.knownPublic ? 0 : 4) +
    (f.named ? 2 : 0) +
    (f.severity === 'error' ? 1 : 0) +
    (f.decoded ? 0.5 : 0)
  );
}

/** One finding per overlapping span: provider-specific over generic, checked over unchecked. */
function dedupe(raw: Raw[]): Raw[] {
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Raw[] = [];
  for (const f of raw) {
    const last = out[out.length - 1];
    if (last && f.start < last.end && f.end > last.start) {
      if (score(f) > score(last)) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** Links parts of two-part credentials (key + secret) that sit within a few lines of each other. */
function link(findings: Raw[]): Finding[] {
  const paired = findings.filter((f) => f.pair);
  for (const a of paired) {
    for (const b of paired) {
      if (a === b || a.pair!.id !== b.pair!.id || a.pair!.part === b.pair!.part) continue;
      if (Math.abs(a.line - b.line) > PAIR_LINES) continue;
      (a.related ??= []).push(b.fingerprint);
    }
  }
  return findings.map(({ start: _s, end: _e, generic: _g, named: _n, ...f }) => f);
}
