// The incident report: a JSON scan report plus the revocation audit log → one section per leaked credential
// (what leaked, where, since when, what was done, what remains), a timeline and a header. Builds one model;
// Markdown and HTML render it. Never carries a secret unless showSecrets (and the report holds it).
import type { CommitInfo } from '../core/finding.js';
import { SKIPPED_LABELS, SUPPRESSED_LABELS, breakdown, makeScrub, plural, shortSha, type Scrub } from './common.js';
import { grantsOf, type JsonFinding, type JsonFunds, type JsonReport, type JsonVerification } from './json.js';
import { providerGuide, type ProviderGuide } from './providers.js';

/** The fields of a revocation audit-log line (written by the revoke module) this report reads. */
export interface AuditRecord {
  time: string;
  fingerprint: string;
  issuer: string;
  endpoint: string;
  attempt: number;
  status: number | null;
  outcome: string;
  reason?: string;
}

/** JSON lines; lines that are not audit entries are counted, not fatal. */
export function parseAuditLog(text: string): { entries: AuditRecord[]; bad: number } {
  const entries: AuditRecord[] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as Partial<AuditRecord>;
      if (typeof e.time === 'string' && typeof e.fingerprint === 'string' && typeof e.outcome === 'string') entries.push(e as AuditRecord);
      else bad++;
    } catch {
      bad++;
    }
  }
  return { entries, bad };
}

/** Why the JSON text is not a keyhound report, or undefined when it is one. */
export function reportProblem(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object') return 'not a JSON object';
  const d = doc as Partial<JsonReport>;
  if (d.version !== 1) return 'not a keyhound JSON report (version 1): write one with --format json';
  if (!Array.isArray(d.findings)) return 'no findings array';
  if (!d.stats || typeof d.stats !== 'object') return 'no stats object';
  return undefined;
}

export interface RuleFacts {
  remediation?: string;
  /** Issuer keyhound can revoke this rule's secrets through. */
  revoker?: string;
}

export interface IncidentInput {
  report: JsonReport;
  audit?: { file: string; entries: AuditRecord[]; bad: number };
  showSecrets: boolean;
  /** Facts about a rule id (the built-in rules); optional. */
  rule?: (id: string) => RuleFacts | undefined;
  /** Version of keyhound writing the incident report. */
  version: string;
  /** When the incident report is written (ISO). */
  now?: string;
}

// ---- a small inline model both renderers understand ----------------------------------------------

export type Inline = string | { code: string } | { link: string; text: string } | { strong: string };
export interface Step {
  done: boolean;
  parts: Inline[];
  /** Shell lines shown under the step. */
  shell?: string[];
}

export type CredentialState = 'revoked' | 'invalid' | 'live' | 'open';

export interface Credential {
  id: string;
  title: string;
  provider: string;
  guide: ProviderGuide;
  wallet: boolean;
  severity: string;
  findings: JsonFinding[];
  fingerprints: string[];
  introduced?: { commit: CommitInfo; file: string };
  removed?: { sha: string; date?: string };
  presentAtHead: boolean;
  exposureDays?: number;
  audit: AuditRecord[];
  final?: AuditRecord;
  verifications: JsonVerification[];
  funds: JsonFunds[];
  state: CredentialState;
  steps: Step[];
  /** Shell lines that append this credential's values to the replacements file. */
  extract: string[];
}

export interface TimelineEvent {
  at: string;
  credential?: string;
  text: Inline[];
}

export interface Incident {
  title: string;
  header: [string, Inline[]][];
  credentials: Credential[];
  timeline: TimelineEvent[];
  notes: string[];
  now: string;
  report: JsonReport;
}

export const REPLACEMENTS_FILE = '../keyhound-replacements.txt';

/** Single-quoted for POSIX shells; ANSI-C quoting ($'…') when the text holds control characters. */
export function shellQuote(s: string): string {
  if (/[\u0000-\u001f\u007f]/.test(s)) {
    return `$'${s.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
  }
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A command that appends the secret at this location to the replacements file without printing it. */
export function extractCommand(f: JsonFinding): string {
  const path = f.commit?.paths?.[0] ?? f.file;
  const source = f.commit?.sha ? `git show ${shellQuote(`${f.commit.sha}:${path}`)} | ` : '';
  const fileArg = f.commit?.sha ? '' : ` ${shellQuote(path)}`;
  if (f.endLine > f.line) {
    // multi-line values (PEM): each inner line is its own literal (replace-text works line by line)
    const from = f.endLine - f.line >= 2 ? f.line + 1 : f.line;
    const to = f.endLine - f.line >= 2 ? f.endLine - 1 : f.endLine;
    return `${source}sed -n '${from},${to}p'${fileArg} >> ${REPLACEMENTS_FILE}`;
  }
  const to = Math.max(f.column, f.endColumn - 1);
  return `${source}sed -n '${f.line}p'${fileArg} | cut -c ${f.column}-${to} >> ${REPLACEMENTS_FILE}`;
}

function dateOf(iso?: string): string {
  return iso ? iso.slice(0, 10) : '';
}

function days(a: string, b: string): number | undefined {
  const d = (Date.parse(b) - Date.parse(a)) / 86_400_000;
  return Number.isFinite(d) ? Math.max(0, Math.round(d)) : undefined;
}

/** Findings that are leaks: not known public test values, not notes, not suppressed. */
function isLeak(f: JsonFinding): boolean {
  return !f.knownPublic && !f.suppressed && (f.severity === 'error' || f.severity === 'warning');
}

/** Findings of the same secret (fingerprint) or linked parts of one credential (related) form one group. */
function groupCredentials(findings: readonly JsonFinding[]): JsonFinding[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const fps = new Set(findings.map((f) => f.fingerprint));
  for (const fp of fps) parent.set(fp, fp);
  for (const f of findings) {
    for (const o of f.related ?? []) if (fps.has(o)) parent.set(find(o), find(f.fingerprint));
  }
  const groups = new Map<string, JsonFinding[]>();
  for (const f of findings) {
    const r = find(f.fingerprint);
    const l = groups.get(r);
    if (l) l.push(f);
    else groups.set(r, [f]);
  }
  const first = (g: JsonFinding[]) => Math.min(...g.map((f) => Date.parse(f.commit?.date ?? '') || Infinity));
  return [...groups.values()].sort((a, b) => first(a) - first(b) || (a[0]!.file < b[0]!.file ? -1 : 1));
}

const RANK: Record<string, number> = { error: 2, warning: 1, note: 0 };
const FINAL = new Set(['revoked', 'already-revoked', 'failed', 'skipped']);

function consoleRef(g: ProviderGuide): Inline {
  return g.console ? { link: g.console, text: g.console } : `the ${g.name} console`;
}

function credentialOf(group: JsonFinding[], index: number, input: IncidentInput, scrub: Scrub, scanAt: string): Credential {
  const findings = [...group].sort((a, b) => (RANK[b.severity] ?? 0) - (RANK[a.severity] ?? 0) || (a.commit?.date ?? '').localeCompare(b.commit?.date ?? ''));
  const top = findings[0]!;
  const provider = top.provider;
  const guide = providerGuide(provider);
  const wallet = findings.some((f) => grantsOf(f) === 'wallet') || !!guide.explorer;
  const fingerprints = [...new Set(findings.map((f) => f.fingerprint))];
  const titles = [...new Set(findings.map((f) => scrub(f.title)))];
  const withCommit = findings.filter((f) => f.commit?.sha).sort((a, b) => (a.commit!.date ?? '').localeCompare(b.commit!.date ?? ''));
  const intro = withCommit[0];
  const presentAtHead = findings.some((f) => f.commit?.presentAtHead) || (withCommit.length === 0 && findings.length > 0);
  const removals = withCommit.filter((f) => f.commit!.removedIn).sort((a, b) => (b.commit!.removedDate ?? '').localeCompare(a.commit!.removedDate ?? ''));
  const removed = !presentAtHead && removals[0] ? { sha: removals[0].commit!.removedIn!, date: removals[0].commit!.removedDate } : undefined;
  const exposureDays =
    withCommit.length > 0
      ? Math.max(...withCommit.map((f) => f.commit!.exposureDays ?? days(f.commit!.date ?? '', f.commit!.removedDate ?? scanAt) ?? 0))
      : undefined;
  const fpSet = new Set(fingerprints);
  const audit = (input.audit?.entries ?? []).filter((e) => fpSet.has(e.fingerprint)).sort((a, b) => a.time.localeCompare(b.time));
  const final = [...audit].reverse().find((e) => FINAL.has(e.outcome));
  const verifications = findings.flatMap((f) => (f.verification ? [f.verification] : [])).sort((a, b) => (a.checkedAt ?? '').localeCompare(b.checkedAt ?? ''));
  const lastCheck = verifications.at(-1);
  const funds = findings.flatMap((f) => f.funds ?? []);
  const state: CredentialState =
    final && (final.outcome === 'revoked' || final.outcome === 'already-revoked')
      ? 'revoked'
      : lastCheck?.status === 'invalid'
        ? 'invalid'
        : lastCheck?.status === 'live'
          ? 'live'
          : 'open';
  const id = `C${index + 1}`;
  const locations = uniqueLocations(findings);
  const extract = locations.map(extractCommand);
  const cred: Credential = {
    id,
    title: titles.join(' + '),
    provider,
    guide,
    wallet,
    severity: top.severity,
    findings,
    fingerprints,
    introduced: intro ? { commit: intro.commit!, file: intro.file } : undefined,
    removed,
    presentAtHead,
    exposureDays,
    audit,
    final,
    verifications,
    funds,
    state,
    steps: [],
    extract,
  };
  cred.steps = stepsFor(cred, input, scrub, scanAt);
  return cred;
}

/** One location per introducing commit, path and line: where the value entered the history. */
function uniqueLocations(findings: readonly JsonFinding[]): JsonFinding[] {
  const seen = new Set<string>();
  const out: JsonFinding[] = [];
  for (const f of findings) {
    const k = `${f.commit?.sha ?? ''}\0${f.commit?.paths?.[0] ?? f.file}\0${f.line}\0${f.column}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

function stepsFor(c: Credential, input: IncidentInput, scrub: Scrub, scanAt: string): Step[] {
  const g = c.guide;
  const steps: Step[] = [];
  const facts = c.findings.map((f) => input.rule?.(f.ruleId)).find((r) => r?.revoker);
  const last = c.verifications.at(-1);
  const address = c.findings.find((f) => f.address)?.address;
  const from = dateOf(c.introduced?.commit.date) || 'the first commit that held it';
  const until = c.state === 'revoked' && c.final ? dateOf(c.final.time) : 'now';

  // 1. make the credential useless
  if (c.state === 'revoked' && c.final) {
    steps.push({
      done: true,
      parts: [`Revoked through ${c.final.issuer} (${hostOf(c.final.endpoint)}) on ${c.final.time}: ${c.final.outcome}${c.final.status ? ` (HTTP ${c.final.status})` : ''}.`],
    });
  } else if (c.wallet) {
    const held = c.funds.filter((f) => Number(f.balance) > 0).map((f) => `${f.balance} ${f.unit} on ${f.chain}`);
    steps.push({
      done: false,
      parts: [
        { strong: 'Move every asset now' },
        ` (coins, tokens, NFTs${held.length ? `; the address held ${held.join(', ')} when checked` : ''}) from `,
        address ? { code: address } : 'the wallet',
        ' to a new wallet created from a fresh seed, and revoke the token approvals the old address granted. A leaked private key or seed cannot be revoked; bots sweep leaked keys within minutes.',
      ],
    });
  } else {
    const how = g.revokeHow ?? 'delete the key';
    const urgent = last?.status === 'live' && (last.canWithdraw || last.canTransfer) ? [{ strong: 'Urgent: the key was live with withdrawal or transfer rights. ' } as Inline] : [];
    const lead: Inline[] =
      c.final?.outcome === 'failed' || c.final?.outcome === 'skipped'
        ? [`Revocation through ${c.final.issuer} ${c.final.outcome === 'failed' ? 'failed' : 'was skipped'} on ${c.final.time}${c.final.reason ? ` (${scrub(c.final.reason)})` : ''}: `]
        : c.state === 'invalid'
          ? [`The issuer answered “revoked or invalid” on ${last!.checkedAt}; confirm it is gone: `]
          : ['Revoke it now: '];
    const parts: Inline[] = [...urgent, ...lead, `${how} at `, consoleRef(g), '.'];
    if (facts?.revoker && !c.final) parts.push(' keyhound can do it through ', { code: facts.revoker }, ': ', { code: 'keyhound history --revoke --yes' }, '.');
    steps.push({ done: false, parts });
  }

  // 2. replace it
  steps.push({
    done: false,
    parts: c.wallet
      ? ['Create the replacement wallet from a fresh seed (hardware signer or secret manager), never in a repository, and point every deployment at it.']
      : [
          'Create a replacement at ',
          consoleRef(g),
          c.findings.some((f) => grantsOf(f) === 'exchange-account') ? ' with the least privileges it needs (no withdrawals, an IP allow-list)' : ' with the least privileges it needs',
          ', keep it in a secret manager or CI secret, and update everything that used the old one.',
        ],
  });

  // 3. still in the tree
  if (c.presentAtHead) {
    const files = [...new Set(c.findings.map((f) => scrub(f.file)))];
    steps.push({ done: false, parts: ['Remove it from the working tree (', ...join(files.map((f) => ({ code: f }))), ') and load it from the environment or a secret store instead; commit that change before purging history.'] });
  }

  // 4. look for use during the exposure window
  if (c.wallet) {
    const url = address && g.explorer ? g.explorer.replace('{address}', encodeURIComponent(address)) : undefined;
    steps.push({
      done: false,
      parts: ['Check the address history for transfers between ', from, ' and ', until, url ? ': ' : '.', ...(url ? [{ link: url, text: url }, '.'] : [])],
    });
  } else {
    steps.push({ done: false, parts: [`Check ${g.activity ?? `the ${g.name} account’s activity and access logs`} for use between ${from} and ${until}.`] });
  }

  // 5. purge history
  steps.push({
    done: false,
    parts: [
      'Purge it from git history: append the value to the replacements file (the command writes it there without showing it), then rewrite history with ',
      { code: `git filter-repo --replace-text ${REPLACEMENTS_FILE}` },
      ' (see “Purging history”).',
    ],
    shell: c.extract,
  });

  // 6. rewritten history must reach everyone
  steps.push({
    done: false,
    parts: [
      'Force-push every rewritten branch and tag, ask collaborators to re-clone, and tell the owners of forks and mirrors (they keep the old commits); on GitHub, ask Support to drop cached views and pull-request refs.',
    ],
  });

  // 7. confirm
  steps.push({
    done: false,
    parts: ['Confirm with a rescan: ', { code: 'keyhound history --format json' }, ` reports no finding with fingerprint${c.fingerprints.length > 1 ? 's' : ''} `, ...join(c.fingerprints.map((fp) => ({ code: fp }))), '.'],
  });
  void scanAt;
  return steps;
}

function join(items: Inline[], sep = ', '): Inline[] {
  return items.flatMap((it, i) => (i ? [sep, it] : [it]));
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export function buildIncident(input: IncidentInput): Incident {
  const report = input.report;
  const all = report.findings ?? [];
  // a report written with --show-secrets holds raw values: scrub them from every text unless asked
  const scrub = makeScrub(
    all.flatMap((f) => (f.secret ? [{ secret: f.secret, redacted: f.redacted } as never] : [])),
    input.showSecrets,
  );
  const now = input.now ?? new Date().toISOString();
  const scanAt = report.scan?.startedAt ?? now;
  const leaks = all.filter(isLeak);
  const credentials = groupCredentials(leaks).map((g, i) => credentialOf(g, i, input, scrub, scanAt));
  const s = report.stats;
  const known = all.filter((f) => f.knownPublic).length;
  const notes = all.filter((f) => !f.knownPublic && !f.suppressed && f.severity === 'note').length;
  const suppressedShown = all.filter((f) => f.suppressed).length;
  const su = breakdown(s?.suppressed ?? {}, SUPPRESSED_LABELS);
  const sk = breakdown(s?.skipped ?? {}, SKIPPED_LABELS);
  const count = (st: CredentialState) => credentials.filter((c) => c.state === st).length;

  const sc = report.scan;
  const header: [string, Inline[]][] = [];
  header.push(['Scan', sc ? [`${sc.startedAt} (`, { code: `keyhound ${sc.command}` }, `, keyhound ${sc.version})`] : ['unknown (the report has no scan header)']]);
  if (sc?.refs?.length) header.push(['Refs', join(sc.refs.map((r) => ({ code: r === '--all' ? 'all refs (--all)' : scrub(r) })))]);
  if (sc?.repositoryUrl) header.push(['Repository', [{ link: sc.repositoryUrl, text: sc.repositoryUrl }]]);
  const repos = [...new Set(leaks.flatMap((f) => (f.repository ? [scrub(f.repository)] : [])))];
  if (repos.length) header.push(['Repositories', join(repos.map((r) => ({ code: r })))]);
  header.push([
    'Scanned',
    [[plural(s?.files ?? 0, 'file'), s?.commits !== undefined ? plural(s.commits, 'commit') : '', s?.blobs !== undefined ? plural(s.blobs, 'blob') : ''].filter(Boolean).join(', ')],
  ]);
  header.push([
    'Totals',
    [
      `${plural(credentials.length, 'leaked credential')} (${plural(leaks.length, 'finding')}): ${count('revoked')} revoked, ${count('invalid')} reported invalid by the issuer, ${count('live')} verified live, ${count('open')} not revoked or checked.`,
    ],
  ]);
  header.push([
    'Not included',
    [
      `${plural(known, 'known public test key')}, ${plural(notes, 'note')}, ${plural(suppressedShown + su.total, 'suppressed finding')}${su.text ? ` (${su.text})` : ''}; ${plural(sk.total, 'skipped file')}${sk.text ? ` (${sk.text})` : ''}.`,
    ],
  ]);
  header.push([
    'Audit log',
    input.audit
      ? [{ code: input.audit.file }, `: ${plural(credentials.reduce((n, c) => n + c.audit.length, 0), 'entry', 'entries')} about these credentials${input.audit.bad ? `; ${plural(input.audit.bad, 'unreadable line')} ignored` : ''}.`]
      : ['none given (pass --audit-log FILE to record revocations).'],
  ]);
  header.push(['Written', [`${now} by keyhound ${input.version}`]]);

  const timeline: TimelineEvent[] = [];
  for (const c of credentials) {
    if (c.introduced?.commit.date) {
      const ci = c.introduced.commit;
      timeline.push({ at: ci.date!, credential: c.id, text: [`${c.title} introduced in `, { code: shortSha(ci.sha) }, `${ci.author ? ` by ${scrub(ci.author)}` : ''} (`, { code: scrub(c.introduced.file) }, ')'] });
    }
    if (c.removed?.date) timeline.push({ at: c.removed.date, credential: c.id, text: ['removed from the tree in ', { code: shortSha(c.removed.sha) }, ' (still in history)'] });
    for (const e of c.audit) {
      if (e.outcome === 'retrying') continue;
      timeline.push({ at: e.time, credential: c.id, text: [`revocation through ${e.issuer}: ${e.outcome}${e.status ? ` (HTTP ${e.status})` : ''}`] });
    }
    for (const v of c.verifications) timeline.push({ at: v.checkedAt, credential: c.id, text: [`verified with ${v.issuer}: ${v.status}`] });
  }
  if (sc?.startedAt) timeline.push({ at: sc.startedAt, text: ['scan by keyhound'] });
  const t = (iso: string) => Date.parse(iso) || 0;
  timeline.sort((a, b) => t(a.at) - t(b.at));

  const notesOut: string[] = [];
  if (sc && sc.command !== 'history' && sc.command !== 'action') {
    notesOut.push(`This report comes from \`keyhound ${sc.command}\`, which reads files, not commits: run \`keyhound history --format json\` to learn which commits hold these values and for how long.`);
  }
  const repoName = sc?.repositoryUrl?.split('/').pop() ?? 'the repository';
  return {
    title: `Incident report: ${plural(credentials.length, 'leaked credential')}${repos.length === 1 ? ` in ${repos[0]}` : sc?.repositoryUrl ? ` in ${repoName}` : ''}`,
    header,
    credentials,
    timeline,
    notes: notesOut,
    now,
    report,
  };
}

/** "yes, from every ref walked" … for the "reachable" line. */
export function reachability(c: Credential, report: JsonReport): string {
  const sc = report.scan;
  if (!c.introduced) return 'unknown: not a history scan';
  const refs = sc?.refs ?? [];
  const where = refs.length === 0 || refs.includes('--all') ? 'a ref (the scan walked every ref)' : `the scanned refs (${refs.join(', ')})`;
  return c.presentAtHead
    ? `yes: in the tree at HEAD and in every commit since ${shortSha(c.introduced.commit.sha)}, reachable from ${where}`
    : `yes: removed from the tree, but the commits from ${shortSha(c.introduced.commit.sha)} to ${c.removed ? shortSha(c.removed.sha) : 'its removal'} stay reachable from ${where} until history is rewritten`;
}

export { dateOf, days };
