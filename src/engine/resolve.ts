// Resolve: from a chunk's candidates to its findings — one per overlapping span (scored), and the parts
// of two-part credentials linked.
import type { Finding } from '../core/finding.js';
import type { Candidate } from './candidate.js';

const PAIR_LINES = 5;

export function resolve(candidates: Candidate[]): Finding[] {
  return link(dedupe(dropVetoed(candidates)));
}

/** A value of an identified format that failed its check is reported by no rule (the generic ones included). */
function dropVetoed(candidates: Candidate[]): Candidate[] {
  const vetoes = candidates.filter((c) => c.veto);
  if (vetoes.length === 0) return candidates;
  return candidates.filter((c) => !c.veto && (c.validated || !vetoes.some((v) => c.start < v.end && c.end > v.start)));
}

function score(f: Candidate): number {
  return (
    (f.generic ? 0 : 16) +
    (f.validated ? 8 : 0) +
    (f.knownPublic ? 0 : 4) +
    (f.named ? 2 : 0) +
    (f.severity === 'error' ? 1 : 0) +
    (f.decoded ? 0.5 : 0)
  );
}

/**
 * Which of two overlapping candidates wins (negative: `a`), from rule data only: `supersedes`, then
 * standing (provider-specific over generic, checked over unchecked …), then `priority`, then the rule
 * id — never the order rules were loaded in.
 */
function compare(a: Candidate, b: Candidate): number {
  if (a.supersedes?.includes(b.ruleId)) return -1;
  if (b.supersedes?.includes(a.ruleId)) return 1;
  return score(b) - score(a) || b.priority - a.priority || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** One finding per overlapping span, the winner chosen by `compare`; the input order does not matter. */
function dedupe(raw: Candidate[]): Candidate[] {
  raw.sort((a, b) => a.start - b.start || b.end - a.end || compare(a, b) || (a.fingerprint < b.fingerprint ? -1 : 1));
  const out: Candidate[] = [];
  for (const f of raw) {
    const last = out[out.length - 1];
    if (last && f.start < last.end && f.end > last.start) {
      if (compare(f, last) < 0) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** Links parts of two-part credentials (key + secret) that sit within a few lines of each other. */
function link(candidates: Candidate[]): Finding[] {
  const findings = candidates.map(({ start: _s, end: _e, generic: _g, named: _n, priority: _p, supersedes: _x, veto: _v, ...f }) => f as Finding);
  const paired = findings.filter((f) => f.pair);
  for (const a of paired) {
    for (const b of paired) {
      if (a === b || a.pair!.id !== b.pair!.id || a.pair!.part === b.pair!.part) continue;
      if (Math.abs(a.line - b.line) > PAIR_LINES) continue;
      (a.related ??= []).push(b.fingerprint);
    }
  }
  return findings;
}
