// Which rules can match a chunk: keywords and gate patterns, in one pass whatever the rule count.
import RE2 from 're2';

/**
 * Input scanned with indexOf before the RE2.Set is built: the set costs ~2 ms to build and ~5 ms to
 * warm up, indexOf for every keyword ~100 ns a byte, so a pre-commit run's few files stay on indexOf
 * and a scan thread switches after its first files.
 */
const SMALL_TOTAL = 48 * 1024;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Decides which rules can match a chunk, in one pass whatever the rule count. Rules with keywords
 * run where one occurs: the first few dozen KB use indexOf on a lower-cased copy (no set to build:
 * the pre-commit path stays cheap), after that one RE2.Set pass over the bytes. Rules without keywords
 * (formats with no word to look for: WIF, base58 keypairs) are prefiltered by their own patterns,
 * together in a second RE2.Set, so N such rules still cost one pass.
 */
export class Prefilter {
  private readonly keywords: string[];
  private readonly rulesOf: number[][];
  private set: InstanceType<typeof RE2.Set> | null = null;
  private seen = 0;
  private readonly patternRules: number[] = [];
  private readonly patterns: string[] = [];
  private patternSet: InstanceType<typeof RE2.Set> | null = null;

  /**
   * `gates` are more patterns for the keywordless-pattern set (the engine's encoded-value finders, a
   * few costly rule patterns): they ride along nearly free, and `patternHits(buf)` tells which occur.
   */
  constructor(rules: Array<{ keywords: string[]; pattern: string }>, gates: string[] = []) {
    const keywordsPerRule = rules.map((r) => r.keywords);
    rules.forEach((r, i) => {
      if (r.keywords.length === 0) {
        this.patternRules.push(i);
        this.patterns.push(r.pattern);
      }
    });
    for (const g of gates) if (!this.patterns.includes(g)) this.patterns.push(g);
    const index = new Map<string, number>();
    this.keywords = [];
    this.rulesOf = [];
    keywordsPerRule.forEach((kws, rule) => {
      for (const raw of kws) {
        const kw = raw.startsWith('re:') ? raw : raw.toLowerCase();
        let k = index.get(kw);
        if (k === undefined) {
          k = this.keywords.length;
          index.set(kw, k);
          this.keywords.push(kw);
          this.rulesOf.push([]);
        }
        this.rulesOf[k]!.push(rule);
      }
    });
  }

  private last: { buf: Buffer; rules: number[]; hits: Set<string> } | null = null;

  /** Whether `pattern` is in the pattern set (a keywordless rule's pattern or a gate). */
  inSet(pattern: string): boolean {
    return this.patterns.includes(pattern);
  }

  /** Indices of rules that can match `buf`, ascending (remembered for the last buffer asked about). */
  candidates(buf: Buffer): number[] {
    if (this.last?.buf === buf) return [...this.last.rules];
    const rules = new Set(this.keywordCandidates(buf));
    const hits = new Set<string>();
    if (this.patterns.length > 0) {
      this.patternSet ??= new RE2.Set(this.patterns, 'u');
      const n = this.patternRules.length;
      for (const i of this.patternSet.match(buf)) {
        if (i < n) rules.add(this.patternRules[i]!);
        hits.add(this.patterns[i]!);
      }
    }
    const sorted = [...rules].sort((a, b) => a - b);
    this.last = { buf, rules: sorted, hits };
    return [...sorted];
  }

  /** The set's patterns (keywordless rules' and gates) that occur in `buf`. */
  patternHits(buf: Buffer): Set<string> {
    if (this.last?.buf !== buf) this.candidates(buf);
    return this.last!.hits;
  }

  /** Indices of rules with at least one keyword in `buf`. */
  keywordCandidates(buf: Buffer): number[] {
    this.seen += buf.length;
    const hits = this.seen <= SMALL_TOTAL ? this.smallHits(buf) : this.setHits(buf);
    const rules = new Set<number>();
    for (const k of hits) for (const r of this.rulesOf[k]!) rules.add(r);
    return [...rules];
  }

  private smallHits(buf: Buffer): number[] {
    const text = buf.toString('latin1').toLowerCase();
    const out: number[] = [];
    this.keywords.forEach((kw, k) => {
      if (kw.startsWith('re:') ? this.keywordRe(k).test(buf as unknown as string) : text.includes(kw)) out.push(k);
    });
    return out;
  }

  private readonly compiled = new Map<number, RE2>();
  /** `re:` keywords are RE2 patterns (e.g. `re:\bgate[_.:]`, where a plain `gate.` would hit `delegate.`). */
  private keywordRe(k: number): RE2 {
    let re = this.compiled.get(k);
    if (!re) {
      re = new RE2(this.keywords[k]!.slice(3), 'iu');
      this.compiled.set(k, re);
    }
    return re;
  }

  private setHits(buf: Buffer): number[] {
    if (!this.set) {
      this.set = new RE2.Set(this.keywords.map((k) => (k.startsWith('re:') ? k.slice(3) : escapeRe(k))), 'iu');
    }
    return this.set.match(buf);
  }
}
