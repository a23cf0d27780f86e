// The incident report's two renderings: Markdown (clean on GitHub) and HTML (the scan report's page style).
import { plural, shortSha } from './common.js';
import { mdCell } from './github.js';
import { esc, htmlPage, safeHttpsUrl } from './html-page.js';
import { timelineSvg } from './html.js';
import { REPLACEMENTS_FILE, reachability, type Credential, type Incident, type Inline, type Step } from './incident.js';
import { terminalSafe } from './text.js';


const STATE_LABEL: Record<Credential['state'], string> = {
  revoked: 'revoked',
  invalid: 'reported invalid — confirm',
  live: 'LIVE — act now',
  open: 'not revoked',
};

// ---- facts shared by both renderings ------------------------------------------------------------

interface Facts {
  leaked: [string, Inline[]][];
  where: { repository?: string; file: string; line: number; commit?: string; author?: string; date?: string }[];
  since: [string, Inline[]][];
  done: Inline[][];
}

function factsOf(c: Credential, incident: Incident, showSecrets: boolean): Facts {
  const leaked: [string, Inline[]][] = [];
  leaked.push(['Provider', [`${c.guide.name} (`, { code: c.provider }, ')']]);
  leaked.push(['Rule', join([...new Set(c.findings.map((f) => f.ruleId))].map((r) => ({ code: r })))]);
  const values = [...new Set(c.findings.map((f) => (showSecrets && f.secret !== undefined ? f.secret : f.redacted)))];
  leaked.push([showSecrets && c.findings.some((f) => f.secret !== undefined) ? 'Value' : 'Value (redacted)', join(values.map((v) => ({ code: v })))]);
  leaked.push(['Fingerprint', join(c.fingerprints.map((fp) => ({ code: fp })))]);
  const addresses = [...new Set(c.findings.flatMap((f) => (f.address ? [f.address] : [])))];
  if (addresses.length) leaked.push(['Derived address', join(addresses.map((a) => ({ code: a })))]);
  const keys = [...new Set(c.findings.flatMap((f) => (f.key ? [f.key] : [])))];
  if (keys.length) leaked.push(['Assigned to', join(keys.map((k) => ({ code: k })))]);
  if (c.funds.length) leaked.push(['Funds when checked', [c.funds.map((f) => `${f.balance} ${f.unit} on ${f.chain} (${plural(f.txCount, 'transaction')})`).join('; ')]]);

  const where = c.findings.map((f) => ({
    repository: f.repository,
    file: f.file,
    line: f.line,
    commit: f.commit?.sha,
    author: f.commit?.author,
    date: f.commit?.date,
  }));

  const since: [string, Inline[]][] = [];
  if (c.introduced) {
    const ci = c.introduced.commit;
    since.push(['Introduced', [`${ci.date ? ci.date.slice(0, 10) : 'unknown date'} in `, { code: shortSha(ci.sha) }, ci.author ? ` by ${ci.author}` : '', ci.subject ? ` — “${ci.subject}”` : '']]);
    since.push(['Removed', c.presentAtHead ? [{ strong: 'no — still present at HEAD' }] : c.removed ? [`${c.removed.date?.slice(0, 10) ?? ''} in `, { code: shortSha(c.removed.sha) }] : ['unknown']]);
    since.push(['Exposed', [c.exposureDays !== undefined ? `${plural(c.exposureDays, 'day')}${c.presentAtHead ? ' and counting' : ''}` : 'unknown']]);
  } else {
    since.push(['Introduced', ['unknown (not a history scan)']]);
  }
  since.push(['Reachable from a ref', [reachability(c, incident.report)]]);

  const done: Inline[][] = [];
  for (const e of c.audit) {
    done.push([
      `${e.time}: revocation through ${e.issuer} (`,
      { code: hostOf(e.endpoint) },
      e.attempt > 0 ? `), attempt ${e.attempt}: ` : '), not sent: ',
      { strong: e.outcome },
      `${e.status ? ` (HTTP ${e.status})` : ''}${e.reason ? ` — ${e.reason}` : ''}`,
    ]);
  }
  for (const v of c.verifications) {
    const rights = [v.canWithdraw ? 'can withdraw' : '', v.canTransfer ? 'can transfer' : '', v.canTrade ? 'can trade' : '', v.ipRestricted === false ? 'no IP allow-list' : ''].filter(Boolean);
    done.push([
      `${v.checkedAt}: verified with ${v.issuer} (`,
      { code: v.host },
      '): ',
      { strong: v.status },
      `${v.permissions?.length ? `; permissions ${v.permissions.join(', ')}` : ''}${rights.length ? `; ${rights.join(', ')}` : ''}${v.detail ? ` — ${v.detail}` : ''}`,
    ]);
  }
  return { leaked, where, since, done };
}

/** "2025-05-20 12:00:00" in UTC from any ISO time (as given when it does not parse). */
function utcTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19).replace('T', ' ') : iso;
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

function join(items: Inline[], sep = ', '): Inline[] {
  return items.flatMap((it, i) => (i ? [sep, it] : [it]));
}

// ---- Markdown -----------------------------------------------------------------------------------

const mdText = (s: string) => mdCell(terminalSafe(s));

/** Inline code that survives any backticks inside (a longer fence), on one line. */
export function codeSpan(s: string): string {
  const t = terminalSafe(s).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

function mdInline(parts: Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return mdText(p);
      if ('code' in p) return codeSpan(p.code);
      if ('strong' in p) return `**${mdText(p.strong)}**`;
      const url = safeHttpsUrl(p.link);
      return url ? `[${mdText(p.text)}](${url.replace(/[()\s]/g, encodeURIComponent)})` : mdText(p.text);
    })
    .join('');
}

function mdFence(lines: string[], indent = ''): string[] {
  const body = lines.map((l) => terminalSafe(l));
  const longest = Math.max(2, ...body.flatMap((l) => (l.match(/`+/g) ?? []).map((m) => m.length)));
  const fence = '`'.repeat(longest + 1);
  return [`${indent}${fence}sh`, ...body.map((l) => indent + l), `${indent}${fence}`];
}

function mdStep(s: Step): string[] {
  const out = [`- [${s.done ? 'x' : ' '}] ${mdInline(s.parts)}`];
  if (s.shell?.length) out.push('', ...mdFence(s.shell, '  '), '');
  return out;
}

function mdKv(rows: [string, Inline[]][]): string[] {
  return rows.map(([k, v]) => `- **${mdText(k)}:** ${mdInline(v)}`);
}

export function renderIncidentMarkdown(incident: Incident, showSecrets = false): string {
  const out: string[] = [`# ${mdText(incident.title)}`, ''];
  out.push('| | |', '| --- | --- |', ...incident.header.map(([k, v]) => `| **${mdText(k)}** | ${mdInline(v)} |`), '');
  for (const n of incident.notes) out.push(`> [!NOTE]\n> ${mdText(n).replace(/\\`/g, '`')}`, '');
  if (showSecrets && incident.credentials.some((c) => c.findings.some((f) => f.secret !== undefined))) {
    out.push('> [!CAUTION]\n> Written with --show-secrets: this report holds secrets in full. Keep it private.', '');
  }
  if (incident.credentials.length === 0) {
    out.push('No leaked credential in this report.', '');
  } else {
    out.push('## Summary', '', '| # | Credential | Where | Introduced | Exposed | State |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of incident.credentials) {
      const f = c.findings[0]!;
      const intro = c.introduced ? `${mdText(c.introduced.commit.date?.slice(0, 10) ?? '')} ${codeSpan(shortSha(c.introduced.commit.sha))}` : '';
      const exposed = c.exposureDays !== undefined ? `${plural(c.exposureDays, 'day')}${c.presentAtHead ? ', still at HEAD' : ''}` : '';
      out.push(`| ${c.id} | ${mdText(c.title)} | ${codeSpan(`${f.repository ? `${f.repository}: ` : ''}${f.file}:${f.line}`)} | ${intro} | ${exposed} | **${STATE_LABEL[c.state]}** |`);
    }
    out.push('');
  }
  for (const c of incident.credentials) {
    const facts = factsOf(c, incident, showSecrets);
    out.push(`## ${c.id} · ${mdText(c.title)} — ${STATE_LABEL[c.state]}`, '');
    out.push('### What leaked', '', ...mdKv(facts.leaked), '');
    out.push('### Where', '', '| Repository | File | Line | Commit | Author | Date |', '| --- | --- | --- | --- | --- | --- |');
    for (const w of facts.where) {
      out.push(
        `| ${w.repository ? mdText(w.repository) : ''} | ${codeSpan(w.file)} | ${w.line} | ${w.commit ? codeSpan(shortSha(w.commit)) : ''} | ${w.author ? mdText(w.author) : ''} | ${w.date ? mdText(w.date.slice(0, 10)) : ''} |`,
      );
    }
    out.push('', '### Since when', '', ...mdKv(facts.since), '');
    out.push('### What was done', '');
    if (facts.done.length) out.push(...facts.done.map((d) => `- ${mdInline(d)}`));
    else out.push('- Nothing recorded: no revocation attempt in the audit log and no verification in the report.');
    out.push('', '### What remains', '', ...c.steps.flatMap(mdStep), '');
  }
  if (incident.timeline.length) {
    out.push('## Timeline', '', '| Date (UTC) | Credential | Event |', '| --- | --- | --- |');
    for (const e of incident.timeline) out.push(`| ${mdText(utcTime(e.at))} | ${e.credential ?? ''} | ${mdInline(e.text)} |`);
    out.push('');
  }
  if (incident.credentials.length) {
    out.push('## Purging history', '', ...purgeSteps().map((p, i) => `${i + 1}. ${mdInline(p.parts)}${p.shell ? `\n\n${mdFence(p.shell, '   ').join('\n')}\n` : ''}`), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The history rewrite, once for all credentials: the replacements file never enters this report. */
export function purgeSteps(): Step[] {
  return [
    { done: false, parts: ['Work in a fresh mirror clone (git filter-repo refuses to rewrite a repository that is not a fresh clone) and keep the replacements file outside it, readable only by you:'], shell: ['git clone --mirror REPOSITORY-URL repo.git && cd repo.git', 'umask 077'] },
    { done: false, parts: ['Run each credential’s “append” command above from inside the clone. Each writes one value per line to ', { code: REPLACEMENTS_FILE }, ' without printing it. Check the result by its first characters only, against the redacted values in this report:'], shell: [`cut -c 1-4 ${REPLACEMENTS_FILE}`] },
    { done: false, parts: ['Rewrite every commit, replacing each value with ', { code: '***REMOVED***' }, ' (add ', { code: '--sensitive-data-removal' }, ' on git filter-repo 2.47 or later to also get the list of stale refs to clean up):'], shell: [`git filter-repo --replace-text ${REPLACEMENTS_FILE}`] },
    {
      done: false,
      parts: ['Push the rewritten history (git filter-repo removes the origin remote so that nothing is pushed by mistake) and delete the replacements file:'],
      shell: ['git remote add origin REPOSITORY-URL', 'git push --force --mirror origin', `shred -u ${REPLACEMENTS_FILE} || rm -f ${REPLACEMENTS_FILE}`],
    },
  ];
}

// ---- HTML ---------------------------------------------------------------------------------------

function htmlInline(parts: Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return esc(p);
      if ('code' in p) return `<code>${esc(p.code)}</code>`;
      if ('strong' in p) return `<strong>${esc(p.strong)}</strong>`;
      const url = safeHttpsUrl(p.link);
      return url ? `<a href="${esc(url)}" rel="noreferrer noopener">${esc(p.text)}</a>` : esc(p.text);
    })
    .join('');
}

function htmlSteps(steps: Step[]): string {
  return `<ul class="check">${steps
    .map((s) => `<li${s.done ? ' class="done"' : ''}>${htmlInline(s.parts)}${s.shell?.length ? `<pre><code>${s.shell.map(esc).join('\n')}</code></pre>` : ''}</li>`)
    .join('')}</ul>`;
}

const kvTable = (rows: [string, Inline[]][]) => `<table><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${htmlInline(v)}</td></tr>`).join('')}</tbody></table>`;

export function renderIncidentHtml(incident: Incident, showSecrets = false): string {
  const parts: string[] = ['<main>', `<header><h1>${esc(incident.title)}</h1></header>`, kvTable(incident.header)];
  for (const n of incident.notes) parts.push(`<div class="warnbox">${esc(n)}</div>`);
  if (incident.credentials.length === 0) parts.push('<p>No leaked credential in this report.</p>');
  else {
    parts.push(
      '<h2>Summary</h2><table id="summary"><thead><tr><th>#</th><th>credential</th><th>where</th><th>introduced</th><th>exposed</th><th>state</th></tr></thead><tbody>',
      ...incident.credentials.map((c) => {
        const f = c.findings[0]!;
        return `<tr><td><a href="#${c.id.toLowerCase()}">${c.id}</a></td><td>${esc(c.title)}</td><td><code>${esc(`${f.repository ? `${f.repository}: ` : ''}${f.file}:${f.line}`)}</code></td><td>${esc(c.introduced?.commit.date?.slice(0, 10) ?? '')} ${c.introduced ? `<code>${esc(shortSha(c.introduced.commit.sha))}</code>` : ''}</td><td>${c.exposureDays !== undefined ? plural(c.exposureDays, 'day') : ''}</td><td><span class="chip ${c.state === 'revoked' ? 'ok' : 'bad'}">${esc(STATE_LABEL[c.state])}</span></td></tr>`;
      }),
      '</tbody></table>',
    );
    const now = incident.report.scan?.startedAt ?? incident.now;
    const svg = timelineSvg(
      incident.credentials.filter((c) => c.introduced?.commit.date).map((c) => ({
        label: `${c.id} ${c.title}`,
        start: c.introduced!.commit.date!,
        end: c.presentAtHead ? undefined : c.removed?.date,
        marks: c.audit.filter((e) => e.outcome === 'revoked' || e.outcome === 'already-revoked').map((e) => ({ at: e.time, label: `revoked through ${e.issuer} on ${e.time}` })),
      })),
      now,
    );
    if (svg) parts.push(`<section class="timeline"><h2>Exposure</h2>${svg}<p class="muted">Bars: from the introducing commit to the removal (amber) or the scan (red, still in the tree); green dots: revocations.</p></section>`);
  }
  for (const c of incident.credentials) {
    const facts = factsOf(c, incident, showSecrets);
    parts.push(
      `<section class="cred" id="${c.id.toLowerCase()}"><h3>${esc(c.id)} · ${esc(c.title)} <span class="chip ${c.state === 'revoked' ? 'ok' : 'bad'}">${esc(STATE_LABEL[c.state])}</span></h3>`,
      '<h4>What leaked</h4>',
      kvTable(facts.leaked),
      '<h4>Where</h4><table><thead><tr><th>repository</th><th>file</th><th>line</th><th>commit</th><th>author</th><th>date</th></tr></thead><tbody>',
      ...facts.where.map(
        (w) =>
          `<tr><td>${esc(w.repository ?? '')}</td><td><code>${esc(w.file)}</code></td><td>${w.line}</td><td>${w.commit ? `<code>${esc(shortSha(w.commit))}</code>` : ''}</td><td>${esc(w.author ?? '')}</td><td>${esc(w.date?.slice(0, 10) ?? '')}</td></tr>`,
      ),
      '</tbody></table>',
      '<h4>Since when</h4>',
      kvTable(facts.since),
      '<h4>What was done</h4>',
      facts.done.length ? `<ul>${facts.done.map((d) => `<li>${htmlInline(d)}</li>`).join('')}</ul>` : '<p>Nothing recorded: no revocation attempt in the audit log and no verification in the report.</p>',
      '<h4>What remains</h4>',
      htmlSteps(c.steps),
      '</section>',
    );
  }
  if (incident.timeline.length) {
    parts.push(
      '<h2>Timeline</h2><table id="timeline-table"><thead><tr><th>date (UTC)</th><th>credential</th><th>event</th></tr></thead><tbody>',
      ...incident.timeline.map((e) => `<tr><td>${esc(utcTime(e.at))}</td><td>${esc(e.credential ?? '')}</td><td>${htmlInline(e.text)}</td></tr>`),
      '</tbody></table>',
    );
  }
  if (incident.credentials.length) {
    parts.push('<h2>Purging history</h2><ol>', ...purgeSteps().map((s) => `<li>${htmlInline(s.parts)}${s.shell ? `<pre><code>${s.shell.map(esc).join('\n')}</code></pre>` : ''}</li>`), '</ol>');
  }
  parts.push(`<footer>Written ${esc(incident.now)} by keyhound. ${showSecrets ? 'May hold secrets in full (--show-secrets): keep it private.' : 'Secrets are redacted.'} The page makes no network requests.</footer>`, '</main>');
  return htmlPage({ title: incident.title, body: parts.join('\n') });
}
