// The engine: bytes and a path in, findings out (no fs, git, network or console). Rules are compiled
// once (compile.ts); each chunk goes through small passes — pattern, key-path, decoded — that return
// candidates, and resolve.ts turns those into findings.
import type { Finding } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import type { Candidate, Outer, ScanCtx } from './candidate.js';
import { Chunk } from './chunk.js';
import { compileRules, type CompiledRules, type EngineOptions } from './compile.js';
import { MAX_DECODED_PER_CHUNK, MAX_DEPTH, MAX_VALUES_PER_CHUNK } from './decode.js';
import { markInlineAllows } from './inline-allow.js';
import type { LineIndex } from './lines.js';
import { DECODE_GATES, decodedPass, type Budget } from './passes/decoded.js';
import { KeyPathMemo, keyPathPass } from './passes/key-path.js';
import { patternPass } from './passes/pattern.js';
import { resolve } from './resolve.js';
import { isSkippedPath } from './skip-paths.js';
import { parseStructure, StructIndex, structureKind, type StructValue } from './structure/index.js';

export { DEFAULT_DENY_KEYS, normalizeValue, type EngineOptions } from './compile.js';

export class Engine {
  private readonly set: CompiledRules;
  private readonly memo = new KeyPathMemo();

  constructor(specs: RuleSpec[], opts: EngineOptions) {
    this.set = compileRules(specs, opts, DECODE_GATES);
  }

  get ruleSpecs(): RuleSpec[] {
    return [...this.set.rules, ...this.set.keyPathRules].sort((a, b) => a.index - b.index).map((r) => r.spec);
  }

  /** Scans one chunk of bytes; `path` is used for reporting and path-based skips only. */
  scan(buf: Buffer, path: string): Finding[] {
    if (buf.length === 0 || isSkippedPath(path)) return [];
    const budget: Budget = { bytes: MAX_DECODED_PER_CHUNK, values: MAX_VALUES_PER_CHUNK };
    // Parsing a config file only pays where some rule can fire: a provider or secret word is present
    // (key-path rules need a provider name in the path, and provider names are keywords).
    const kind = structureKind(path);
    const values = kind && this.set.prefilter.candidates(buf).length > 0 ? parseStructure(buf, kind) : null;
    const found = this.scanBuffer(buf, path, values, false, undefined, 0, budget);
    if (found.candidates.length === 0) return [];
    const out = resolve(found.candidates);
    markInlineAllows(buf, out, found.lines);
    return out;
  }

  /** The passes over one buffer: the chunk itself, or (depth > 0) a decoded value inside it. */
  private scanBuffer(
    buf: Buffer,
    path: string,
    values: StructValue[] | null,
    whole: boolean,
    outer: Outer | undefined,
    depth: number,
    budget: Budget,
  ): { candidates: Candidate[]; lines: LineIndex | null } {
    const { prefilter } = this.set;
    const candidates = prefilter.candidates(buf);
    const setHits = prefilter.patternHits(buf);
    if (outer) {
      for (const r of prefilter.keywordCandidates(Buffer.from(outer.context))) if (!candidates.includes(r)) candidates.push(r);
    }
    const decodable = depth < MAX_DEPTH && budget.values > 0;
    if (candidates.length === 0 && !values && !decodable) return { candidates: [], lines: null };
    const chunk = new Chunk(buf);
    const ctx: ScanCtx = { path, chunk, struct: values ? new StructIndex(values) : null, outer, whole: !!values && whole, setHits };
    const out = patternPass(this.set, ctx, candidates);
    out.push(...keyPathPass(this.set, ctx, this.memo));
    if (decodable) {
      const inner = (b: Buffer, v: StructValue[] | null, w: boolean, o: Outer) => this.scanBuffer(b, path, v, w, o, depth + 1, budget).candidates;
      out.push(...decodedPass(ctx, budget, inner));
    }
    return { candidates: out, lines: chunk.lines };
  }
}
