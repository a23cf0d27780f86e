// A rule's own examples run against it alone: every match example must find it, every nomatch none.
import { Engine } from '../engine/scanner.js';
import type { KnownPublicValue } from '../core/rule.js';
import type { Finding } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import { validators, wellKnownConstant } from '../validators/index.js';
import { expandExample } from './example-values.js';

export interface ExampleResult {
  ruleId: string;
  kind: 'match' | 'nomatch';
  index: number;
  ok: boolean;
  /** Why it failed; never holds the expanded secret. */
  detail?: string;
}

/** Seed for an example: stable per rule, kind and position. */
export function exampleSeed(ruleId: string, kind: string, index: number): string {
  return `keyhound-example:${ruleId}:${kind}:${index}`;
}

/**
 * Runs a rule's own table: every `match` example must yield a finding of the rule,
 * every `nomatch` example none. Each rule runs alone so the table tests that rule only.
 */
export function runRuleExamples(rule: RuleSpec, knownPublic: KnownPublicValue[] = []): ExampleResult[] {
  const engine = new Engine([rule], { validators, wellKnownConstant, knownPublic });
  const results: ExampleResult[] = [];
  for (const kind of ['match', 'nomatch'] as const) {
    rule.examples[kind].forEach((template, index) => {
      let findings: Finding[];
      try {
        const text = expandExample(template, exampleSeed(rule.id, kind, index));
        findings = engine.scan(Buffer.from(text, 'utf8'), 'example.txt').filter((f) => f.ruleId === rule.id);
      } catch (e) {
        results.push({ ruleId: rule.id, kind, index, ok: false, detail: (e as Error).message });
        return;
      }
      const ok = kind === 'match' ? findings.length > 0 : findings.length === 0;
      const detail = ok
        ? undefined
        : kind === 'match'
          ? 'expected a finding, got none'
          : `expected no finding, got ${findings.length} (${findings.map((f) => `${f.severity} at ${f.line}:${f.column}`).join(', ')})`;
      results.push({ ruleId: rule.id, kind, index, ok, ...(detail ? { detail } : {}) });
    });
  }
  return results;
}
