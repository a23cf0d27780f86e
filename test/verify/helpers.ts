// Test support for verification: run verifyFindings in-process against loopback mocks, planted-secret greps.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Finding } from '../../src/core/finding.js';
import type { RuleSpec } from '../../src/core/rule.js';
import { verifyFindings, type VerifyOptions, type VerifySummary } from '../../src/verify/index.js';

export interface VerifyCapture extends VerifySummary {
  warned: string[];
}

/** verifyFindings with a clean environment: no user config unless the test writes one under `dir`. */
export async function runVerify(findings: Finding[], rules: RuleSpec[], dir: string, env: NodeJS.ProcessEnv = {}, opts: VerifyOptions = {}): Promise<VerifyCapture> {
  const warned: string[] = [];
  const summary = await verifyFindings(findings, rules, opts, {
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg'), ...env },
    warn: (w) => warned.push(w),
    version: 'test',
  });
  return { ...summary, warned };
}

/** The forms a leaked value could take in an output: raw, percent-, base64-, base64url- and JSON-encoded. */
export function encodedForms(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
  ]);
  return [...forms].filter((f) => f.length >= 8);
}

/** Fails when any form of any planted value appears in any text. */
export function assertNoSecrets(texts: { name: string; text: string }[], secrets: (string | undefined)[]): void {
  for (const s of secrets) {
    if (!s) continue;
    for (const form of encodedForms(s)) {
      for (const { name, text } of texts) assert.ok(!text.includes(form), `${name} contains a planted secret (${s.slice(0, 4)}…, form ${form.slice(0, 6)}…)`);
    }
  }
}
