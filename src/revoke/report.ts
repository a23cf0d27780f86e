// Human- and machine-readable revocation output. Only redacted values and fingerprints.
import type { Plan } from './plan.js';
import { tally, type ItemResult } from './run.js';

const LABEL: Record<ItemResult['outcome'], string> = {
  planned: 'would revoke',
  revoked: 'revoked',
  'already-revoked': 'already gone',
  failed: 'FAILED',
  skipped: 'skipped',
};

const label = (r: ItemResult) => (r.skip === 'state' ? 'done earlier' : LABEL[r.outcome]);

function where(r: ItemResult): string {
  const t = r.target;
  // file names come from the scanned tree: no control characters on the terminal
  const file = t.file.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  const loc = `${file}${t.line ? `:${t.line}` : ''}${t.commit ? ` @${t.commit.slice(0, 12)}` : ''}`;
  return t.locations > 1 ? `${loc} (+${t.locations - 1} more)` : loc;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** Text table: one line per secret, then a summary line. */
export function formatResults(results: ItemResult[], plan: Plan, opts: { dryRun: boolean; auditLog?: string }): string {
  const lines: string[] = [];
  lines.push(
    opts.dryRun
      ? 'revocation plan (dry run: nothing was sent; add --yes to revoke):'
      : 'revocation:',
  );
  const order: ItemResult['outcome'][] = ['planned', 'revoked', 'already-revoked', 'failed', 'skipped'];
  const sorted = [...results].sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome));
  const w = {
    label: Math.max(...sorted.map((r) => label(r).length), 7),
    rule: Math.max(...sorted.map((r) => r.target.ruleId.length), 4),
    secret: Math.max(...sorted.map((r) => r.target.redacted.length), 6),
    issuer: Math.max(...sorted.map((r) => r.issuer.length), 6),
    host: Math.max(...sorted.map((r) => (r.endpoint || '-').length), 8),
  };
  for (const r of sorted) {
    const status = r.status !== undefined ? ` HTTP ${r.status}` : '';
    const reason = r.reason ? `  ${r.reason}` : '';
    lines.push(
      `  ${pad(label(r), w.label)}  ${pad(r.target.ruleId, w.rule)}  ${pad(r.target.redacted, w.secret)}  ${pad(r.issuer, w.issuer)}  ${pad(r.endpoint || '-', w.host)}  ${where(r)}${status}${reason}`,
    );
  }
  if (results.length === 0) lines.push('  nothing to revoke');
  const extra: string[] = [];
  if (plan.notRevocable > 0) extra.push(`${plan.notRevocable} finding${plan.notRevocable === 1 ? ' has' : 's have'} no issuer able to revoke ${plan.notRevocable === 1 ? 'it' : 'them'}: rotate by hand`);
  if (plan.knownPublic > 0) extra.push(`${plan.knownPublic} known public test key${plan.knownPublic === 1 ? '' : 's'} not sent`);
  for (const e of extra) lines.push(`  ${e}`);
  const t = tally(results);
  const earlier = results.filter((r) => r.skip === 'state').length;
  const summary = opts.dryRun
    ? `${t.planned} to revoke, ${earlier ? `${earlier} done earlier, ` : ''}${t.skipped - earlier} skipped`
    : `${t.revoked} revoked, ${t['already-revoked']} already gone, ${t.failed} failed, ${earlier ? `${earlier} done earlier, ` : ''}${t.skipped - earlier} skipped`;
  lines.push(`${summary}${!opts.dryRun && opts.auditLog ? `; audit log: ${opts.auditLog}` : ''}`);
  return lines.join('\n') + '\n';
}

/** JSON form for `keyhound revoke --format json`. */
export function resultsJson(results: ItemResult[], opts: { dryRun: boolean; auditLog?: string }): string {
  return (
    JSON.stringify(
      {
        dryRun: opts.dryRun,
        auditLog: opts.dryRun ? null : (opts.auditLog ?? null),
        results: results.map((r) => ({
          rule: r.target.ruleId,
          provider: r.target.provider,
          fingerprint: r.target.fingerprint,
          redacted: r.target.redacted,
          issuer: r.issuer,
          endpoint: r.endpoint || null,
          outcome: r.outcome,
          skipped: r.skip ?? null,
          status: r.status ?? null,
          attempts: r.attempts,
          reason: r.reason ?? null,
          file: r.target.file,
          line: r.target.line,
          commit: r.target.commit ?? null,
        })),
        summary: tally(results),
      },
      null,
      2,
    ) + '\n'
  );
}
