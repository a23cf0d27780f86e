// Config `allow:` entries: values, patterns or fingerprints accepted as non-secrets, with a reason.
import RE2 from 're2';
import type { Finding } from '../core/finding.js';
import { pathMatcher, type PathMatcher } from './ignore-file.js';

/** A value or pattern accepted as a non-secret, with the reason it was accepted. */
export interface AllowEntry {
  value?: string;
  /** RE2 pattern matched against the secret. */
  pattern?: string;
  /** A finding's fingerprint (as reports print it), so the secret itself need not be written down. */
  fingerprint?: string;
  reason: string;
  /** Only for these rule ids. */
  rules?: string[];
  /** Only under these paths (gitignore syntax). */
  paths?: string[];
}

interface CompiledAllow {
  entry: AllowEntry;
  test: (secret: string, fingerprint: string) => boolean;
  rules: Set<string> | null;
  paths: PathMatcher | null;
}

/** A predicate for findings the config accepts; the matching entry is returned for messages. */
export function allowMatcher(entries: AllowEntry[]): (f: Finding) => AllowEntry | undefined {
  const compiled: CompiledAllow[] = entries.map((entry) => {
    let test: CompiledAllow['test'];
    if (entry.value !== undefined) {
      const want = entry.value.trim();
      test = (s) => s.trim() === want;
    } else if (entry.pattern !== undefined) {
      const re = new RE2(entry.pattern, 'u');
      test = (s) => re.test(s);
    } else {
      const fp = entry.fingerprint!.toLowerCase();
      test = (_s, f) => f.startsWith(fp);
    }
    return {
      entry,
      test,
      rules: entry.rules ? new Set(entry.rules) : null,
      paths: entry.paths ? pathMatcher(entry.paths) : null,
    };
  });
  return (f) => {
    for (const c of compiled) {
      if (c.rules && !c.rules.has(f.ruleId)) continue;
      if (c.paths && !c.paths(f.file)) continue;
      if (c.test(f.secret, f.fingerprint)) return c.entry;
    }
    return undefined;
  };
}
