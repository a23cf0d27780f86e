// Resolve: from a chunk's candidates to its findings — one per overlapping span (scored), and the parts
// of two-part credentials linked.
import type { Finding } from '../core/finding.js';
import type { Candidate } from './candidate.js';

const PAIR_LINES = 5;

export function resolve(candidates: Candidate[]): Finding[] {
  return link(dedupe(candidates));
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

/** One finding per overlapping span: provider-specific over generic, checked over unchecked. */
function dedupe(raw: Candidate[]): Candidate[] {
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
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
function link(candidates: Candidate[]): Finding[] {
  const findings = candidates.map(({ start: _s, end: _e, generic: _g, named: _n, ...f }) => f as Finding);
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
