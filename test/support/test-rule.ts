import type { RuleSpec } from '../../src/core/rule.js';

/** A rule with a distinctive prefix (`tok_` + 24 alphanumerics), so tests don't depend on the pack. */
export function tokenRule(over: Partial<RuleSpec> = {}): RuleSpec {
  return {
    id: 'test-token',
    title: 'Test token',
    provider: 'test',
    severity: 'error',
    keywords: ['tok_'],
    pattern: '\\b(tok_[A-Za-z0-9]{24})\\b',
    tags: ['security', 'secret'],
    examples: { match: ['x'], nomatch: ['y'] },
    ...over,
  };
}
