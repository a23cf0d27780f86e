// The HTML report: one self-contained page from a JSON report (summary, exposure timeline, findings grouped by
// provider and file with filters and sorting, known public test keys collapsed). Renders the JSON form, so
// what reaches the page went through the JSON reporter's redaction and scrubbing, and merged or older
// reports (read from disk) render the same way.
import type { RuleSpec } from '../core/rule.js';
import { SKIPPED_LABELS, SUPPRESSED_LABELS, breakdown, formatBytes, formatDuration, plural, shortSha } from './common.js';
import { esc, htmlPage, safeHttpsUrl } from './html-page.js';
import { grantsOf, toJsonReport, type JsonFinding, type JsonReport } from './json.js';
import { genericRemediation } from './sarif.js';
import type { ReportInput } from './types.js';

const SEVERITIES = ['error', 'warning', 'note'] as const;
const RANK: Record<string, number> = { error: 2, warning: 1, note: 0 };

export interface HtmlOptions {
  /** Remediation steps per rule id (from the rule set; generic steps otherwise). */
  remediation?: (f: JsonFinding) => string[];
  /** Page heading. */
  title?: string;
}

export function renderHtml(input: ReportInput): string {
  const byId = new Map<string, RuleSpec>(input.rules.map((r) => [r.id, r]));
  return renderHtmlReport(toJsonReport(input), { remediation: (f) => remediationFor(f, byId.get(f.ruleId)) });
}

/** The rule's own remediation, or the generic steps for its provider and what the value grants. */
export function remediationFor(f: Pick<JsonFinding, 'provider' | 'tags' | 'grants'>, rule?: Pick<RuleSpec, 'remediation'>): string[] {
  return rule?.remediation ? [rule.remediation.trim().replace(/\s+/g, ' ')] : genericRemediation({ provider: f.provider, grants: grantsOf(f) });
}

/** Days between two ISO dates, or undefined. */
function daysBetween(a?: string, b?: string): number | undefined {
  if (!a || !b) return undefined;
  const d = (Date.parse(b) - Date.parse(a)) / 86_400_000;
  return Number.isFinite(d) ? Math.max(0, Math.round(d)) : undefined;
}

/** Link to a file at a commit (or the default branch) when the repository's web address is known. */
export function fileLink(f: JsonFinding, repositoryUrl?: string): string | undefined {
  const base = safeHttpsUrl(f.repository) ?? safeHttpsUrl(repositoryUrl);
  if (!base || f.file === '-') return undefined;
  const path = (f.commit?.paths?.[0] ?? f.file).split('/').map(encodeURIComponent).join('/');
  const ref = f.commit?.sha && /^[0-9a-f]{7,64}$/i.test(f.commit.sha) ? f.commit.sha : 'HEAD';
  return `${base}/blob/${ref}/${path}#L${f.line}`;
}

export function commitLink(sha: string | undefined, repositoryUrl?: string): string | undefined {
  const base = safeHttpsUrl(repositoryUrl);
  return base && sha && /^[0-9a-f]{7,64}$/i.test(sha) ? `${base}/commit/${sha}` : undefined;
}

const link = (href: string | undefined, text: string) => (href ? `<a href="${esc(href)}" rel="noreferrer noopener">${text}</a>` : text);

/** Chips for the offline check and the issuer's answer (--verify). */
export function stateChips(f: JsonFinding): string {
  const out: string[] = [];
  if (f.validated) out.push('<span class="chip ok">checksum ok</span>');
  const v = f.verification;
  if (v) {
    const label = v.status === 'live' ? 'live' : v.status === 'invalid' ? 'revoked or invalid' : v.status === 'error' ? 'check failed' : 'not checked';
    out.push(`<span class="chip ${v.status === 'live' ? 'bad' : v.status === 'invalid' ? 'ok' : 'warn'}">${esc(label)}</span>`);
    if (v.canWithdraw) out.push('<span class="chip bad">can withdraw</span>');
    if (v.canTransfer) out.push('<span class="chip bad">can transfer</span>');
    if (v.canTrade) out.push('<span class="chip warn">can trade</span>');
    if (v.ipRestricted === false) out.push('<span class="chip warn">no IP allow-list</span>');
  } else {
    out.push('<span class="chip">not verified</span>');
  }
  for (const fu of f.funds ?? []) {
    if (Number(fu.balance) > 0) out.push(`<span class="chip bad">holds ${esc(fu.balance)} ${esc(fu.unit)}</span>`);
  }
  if (f.suppressed) out.push(`<span class="chip">suppressed: ${esc(SUPPRESSED_LABELS[f.suppressed] ?? f.suppressed)}</span>`);
  return out.join(' ');
}

interface Ctx {
  report: JsonReport;
  opts: HtmlOptions;
  byFingerprint: Map<string, JsonFinding[]>;
}

function findingHtml(f: JsonFinding, ctx: Ctx): string {
  const { opts } = ctx;
  const repoUrl = ctx.report.scan?.repositoryUrl;
  const rows: [string, string][] = [];
  const where = `${esc(f.file)}:${f.line}:${f.column}`;
  rows.push(['location', link(fileLink(f, repoUrl), `<code>${where}</code>`)]);
  if (f.repository) rows.push(['repository', esc(f.repository)]);
  rows.push([f.secret !== undefined ? 'secret' : 'redacted', `<code>${esc(f.secret ?? f.redacted)}</code>`]);
  if (f.key) rows.push(['key', `<code>${esc(f.key)}</code>`]);
  if (f.address) rows.push(['derived address', `<code>${esc(f.address)}</code>`]);
  if (f.knownPublic) rows.push(['known public', esc(f.knownPublic)]);
  if (f.decoded) rows.push(['decoded', `found inside a decoded value: ${esc(f.decoded)}`]);
  const v = f.verification;
  if (v) {
    const bits = [`${esc(v.status)} (${esc(v.issuer)}, ${esc(v.host)}, ${esc(v.checkedAt)})`];
    if (v.permissions?.length) bits.push(`permissions: ${v.permissions.map(esc).join(', ')}`);
    if (v.expiresAt) bits.push(`expires ${esc(v.expiresAt)}`);
    if (v.detail) bits.push(esc(v.detail));
    rows.push(['verification', bits.join('; ')]);
  }
  for (const fu of f.funds ?? []) {
    rows.push(['funds', `${esc(fu.chain)} <code>${esc(fu.address)}</code>: ${esc(fu.balance)} ${esc(fu.unit)}, ${plural(fu.txCount, 'transaction')}`]);
  }
  const c = f.commit;
  if (c) {
    const who = [c.author ? esc(c.author) : '', c.date ? esc(c.date.slice(0, 10)) : ''].filter(Boolean).join(', ');
    rows.push(['introduced', `${link(commitLink(c.sha, repoUrl), `<code>${esc(shortSha(c.sha))}</code>`)}${who ? ` by ${who}` : ''}${c.subject ? ` — “${esc(c.subject)}”` : ''}`]);
    if (c.removedIn) rows.push(['removed', `${link(commitLink(c.removedIn, repoUrl), `<code>${esc(shortSha(c.removedIn))}</code>`)}${c.removedDate ? ` on ${esc(c.removedDate.slice(0, 10))}` : ''}`]);
    else if (c.presentAtHead) rows.push(['removed', '<strong>no — still present at HEAD</strong>']);
    if (c.exposureDays !== undefined) rows.push(['exposed', plural(c.exposureDays, 'day')]);
    if (c.paths && c.paths.length > 1) rows.push(['paths', c.paths.map((p) => `<code>${esc(p)}</code>`).join(' → ')]);
  }
  if (f.related?.length) {
    const parts = f.related.map((fp) => {
      const o = ctx.byFingerprint.get(fp)?.find((x) => x !== f);
      return o ? `<code>${esc(o.ruleId)}</code> at <code>${esc(o.file)}:${o.line}</code>` : `fingerprint <code>${esc(fp)}</code>`;
    });
    rows.push(['linked', `other part of the same credential: ${parts.join(', ')}`]);
  }
  rows.push(['message', esc(f.message)]);
  const steps = opts.remediation?.(f) ?? remediationFor(f);
  if (steps.length && !f.knownPublic) {
    rows.push(['remediation', steps.length === 1 ? esc(steps[0]) : `<ol>${steps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>`]);
  }
  rows.push(['fingerprint', `<code class="muted">${esc(f.fingerprint)}</code>`]);
  const data = {
    sev: f.severity,
    provider: f.provider,
    rule: f.ruleId,
    file: f.file,
    line: String(f.line),
    days: String(c?.exposureDays ?? -1),
    date: c?.date ?? '',
    text: [f.file, f.ruleId, f.title, f.key ?? '', f.repository ?? '', f.address ?? ''].join(' ').toLowerCase(),
  };
  const attrs = Object.entries(data)
    .map(([k, val]) => `data-${k}="${esc(val)}"`)
    .join(' ');
  return [
    `<article class="finding" ${attrs}>`,
    `<div class="head"><span class="sev ${esc(f.severity)}">${esc(f.knownPublic ? 'public' : f.severity)}</span>`,
    `<strong>${esc(f.title)}</strong> <code class="muted">${esc(f.ruleId)}</code> ${stateChips(f)}</div>`,
    `<dl>${rows.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${val}</dd>`).join('')}</dl>`,
    '</article>',
  ].join('');
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const l = m.get(k);
    if (l) l.push(it);
    else m.set(k, [it]);
  }
  return m;
}

const worst = (fs: readonly JsonFinding[]) => Math.max(...fs.map((f) => RANK[f.severity] ?? 0));

/** Findings grouped by provider (most severe first), then by file (reading order). */
function groupsHtml(findings: readonly JsonFinding[], ctx: Ctx): string {
  const providers = [...groupBy(findings, (f) => f.provider)].sort((a, b) => worst(b[1]) - worst(a[1]) || b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  return providers
    .map(([provider, fs]) => {
      const files = [...groupBy(fs, (f) => (f.repository ? `${f.repository}: ${f.file}` : f.file))].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return [
        `<section class="provider group" data-provider="${esc(provider)}">`,
        `<h3>${esc(provider)} <span class="muted">(${plural(fs.length, 'finding')})</span></h3>`,
        ...files.map(
          ([file, ffs]) =>
            `<div class="file group"><h4>${esc(file)}</h4><div class="list">${[...ffs]
              .sort((a, b) => (RANK[b.severity] ?? 0) - (RANK[a.severity] ?? 0) || a.line - b.line)
              .map((f) => findingHtml(f, ctx))
              .join('')}</div></div>`,
        ),
        '</section>',
      ].join('\n');
    })
    .join('\n');
}

export interface TimelineRow {
  label: string;
  start: string;
  /** End of exposure: removal date, or undefined = still exposed (up to `now`). */
  end?: string;
  /** Extra marks on the row (revocation, verification). */
  marks?: { at: string; label: string }[];
}

/** Exposure windows as an inline SVG (no script, no styles outside the page's stylesheet). */
export function timelineSvg(rows: readonly TimelineRow[], now: string, maxRows = 60): string {
  const valid = rows.filter((r) => Number.isFinite(Date.parse(r.start))).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (valid.length === 0) return '';
  const shown = valid.slice(0, maxRows);
  const nowMs = Number.isFinite(Date.parse(now)) ? Date.parse(now) : Date.now();
  const t0 = Math.min(...shown.map((r) => Date.parse(r.start)));
  const t1 = Math.max(nowMs, ...shown.map((r) => (r.end ? Date.parse(r.end) : nowMs)).filter(Number.isFinite));
  const span = Math.max(t1 - t0, 86_400_000);
  const W = 1000;
  const L = 300;
  const R = 20;
  const rowH = 22;
  const top = 26;
  const H = top + shown.length * rowH + 10;
  const x = (ms: number) => L + ((ms - t0) / span) * (W - L - R);
  const parts: string[] = [];
  // axis: start, middle, end dates
  for (const frac of [0, 0.25, 0.5, 0.75, 1]) {
    const ms = t0 + frac * span;
    const xx = x(ms).toFixed(1);
    parts.push(`<line class="gridline" x1="${xx}" y1="18" x2="${xx}" y2="${H - 6}"/>`);
    const anchor = frac === 0 ? 'start' : frac === 1 ? 'end' : 'middle';
    parts.push(`<text class="axis" x="${xx}" y="12" text-anchor="${anchor}">${new Date(ms).toISOString().slice(0, 10)}</text>`);
  }
  shown.forEach((r, i) => {
    const y = top + i * rowH;
    const s = Date.parse(r.start);
    const e = r.end && Number.isFinite(Date.parse(r.end)) ? Date.parse(r.end) : nowMs;
    const label = r.label.length > 44 ? `${r.label.slice(0, 43)}…` : r.label;
    const days = Math.max(0, Math.round((e - s) / 86_400_000));
    parts.push(`<text x="4" y="${y + 14}">${esc(label)}</text>`);
    parts.push(
      `<rect class="bar${r.end ? ' removed' : ''}" x="${x(s).toFixed(1)}" y="${y + 4}" width="${Math.max(2, x(e) - x(s)).toFixed(1)}" height="13" rx="3"><title>${esc(
        `${r.label}: ${r.start.slice(0, 10)} → ${r.end ? r.end.slice(0, 10) : 'still exposed'} (${plural(days, 'day')})`,
      )}</title></rect>`,
    );
    for (const m of r.marks ?? []) {
      const mm = Date.parse(m.at);
      if (!Number.isFinite(mm)) continue;
      parts.push(`<circle class="mark" cx="${x(mm).toFixed(1)}" cy="${y + 10.5}" r="5"><title>${esc(m.label)}</title></circle>`);
    }
  });
  const more = valid.length > shown.length ? `<p class="muted">${plural(valid.length - shown.length, 'more window')} not drawn.</p>` : '';
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Exposure timeline">${parts.join('')}</svg>${more}`;
}

function summaryHtml(report: JsonReport, active: readonly JsonFinding[], known: readonly JsonFinding[]): string {
  const s = report.stats;
  const bySev: Record<string, number> = { error: 0, warning: 0, note: 0 };
  for (const f of active) bySev[f.severity] = (bySev[f.severity] ?? 0) + 1;
  const sk = breakdown(s.skipped, SKIPPED_LABELS);
  const su = breakdown(s.suppressed, SUPPRESSED_LABELS);
  const cards = [
    ...SEVERITIES.map((sev) => `<div class="card ${sev}" id="count-${sev}"><div class="n">${bySev[sev]}</div><div class="l">${sev}</div></div>`),
    `<div class="card" id="count-known"><div class="n">${known.length}</div><div class="l">known public test keys</div></div>`,
    `<div class="card" id="count-suppressed"><div class="n">${su.total}</div><div class="l">suppressed</div></div>`,
    `<div class="card" id="count-skipped"><div class="n">${sk.total}</div><div class="l">skipped</div></div>`,
  ];
  const providers = [...groupBy(active, (f) => f.provider)].sort((a, b) => worst(b[1]) - worst(a[1]) || b[1].length - a[1].length);
  const provTable = providers.length
    ? `<table id="by-provider"><thead><tr><th>provider</th>${SEVERITIES.map((x) => `<th class="num">${x}</th>`).join('')}<th class="num">total</th></tr></thead><tbody>${providers
        .map(([p, fs]) => `<tr><td>${esc(p)}</td>${SEVERITIES.map((x) => `<td class="num">${fs.filter((f) => f.severity === x).length}</td>`).join('')}<td class="num">${fs.length}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const scanned = [
    plural(s.files, 'file'),
    formatBytes(s.bytes),
    s.commits !== undefined ? plural(s.commits, 'commit') : '',
    s.blobs !== undefined ? plural(s.blobs, 'blob') : '',
    `in ${formatDuration(s.durationMs)}`,
  ].filter(Boolean);
  const repos = report.repositories ?? [];
  const reposLine = repos.length
    ? `<p id="repositories">Repositories: ${['scanned', 'failed', 'skipped'].map((st) => `${repos.filter((r) => r.status === st).length} ${st}`).join(', ')}.</p>${
        repos.some((r) => r.status !== 'scanned')
          ? `<details><summary>not scanned</summary><ul>${repos
              .filter((r) => r.status !== 'scanned')
              .map((r) => `<li><code>${esc(r.full_name)}</code>: ${esc(r.status)}${r.error || r.reason ? ` — ${esc(r.error ?? r.reason)}` : ''}</li>`)
              .join('')}</ul></details>`
          : ''
      }`
    : '';
  const lines = [
    reposLine,
    `<p>${active.length === 0 ? '<strong>No secrets found.</strong> ' : ''}Scanned ${esc(scanned.join(', '))}.</p>`,
    `<p id="suppressed-skipped">Suppressed: ${su.total}${su.text ? ` (${esc(su.text)})` : ''}. Skipped: ${sk.total}${sk.text ? ` (${esc(sk.text)})` : ''}.</p>`,
    ...s.warnings.map((w) => `<div class="warnbox">${esc(w)}</div>`),
  ];
  return `<div class="cards">${cards.join('')}</div>${lines.join('')}${provTable}`;
}

/** "2025-06-02 12:00 UTC" from an ISO time (as given when it does not parse). */
export function humanTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC` : iso;
}

function headerHtml(report: JsonReport, title: string): string {
  const sc = report.scan;
  const bits: string[] = [];
  if (sc) {
    bits.push(`keyhound ${esc(sc.version)}`, `<code>${esc(sc.command)}</code>`, `started ${esc(humanTime(sc.startedAt))}`);
    if (sc.refs?.length) bits.push(`refs: ${sc.refs.map((r) => `<code>${esc(r === '--all' ? 'all refs' : r)}</code>`).join(' ')}`);
    const url = safeHttpsUrl(sc.repositoryUrl);
    if (url) bits.push(link(url, esc(url)));
  }
  return `<header><h1>${esc(title)}</h1><p class="sub">${bits.join(' · ')}</p></header>`;
}

const FILTER_SCRIPT = `(()=>{'use strict';
const q=(s)=>document.querySelector(s),qa=(s,r)=>Array.from((r||document).querySelectorAll(s));
const sev=q('#f-sev'),prov=q('#f-provider'),rule=q('#f-rule'),text=q('#f-text'),sort=q('#f-sort'),count=q('#f-count');
const RANK={error:2,warning:1,note:0};
function apply(){const s=sev.value,p=prov.value,r=rule.value,t=text.value.trim().toLowerCase();let n=0;
for(const el of qa('#findings .finding')){const d=el.dataset;const ok=(!s||d.sev===s)&&(!p||d.provider===p)&&(!r||d.rule===r)&&(!t||d.text.includes(t));
el.hidden=!ok;if(ok)n++;}
for(const g of qa('#findings .file.group'))g.hidden=!g.querySelector('.finding:not([hidden])');
for(const g of qa('#findings .provider.group'))g.hidden=!g.querySelector('.file:not([hidden])');
count.textContent=n+' of '+qa('#findings .finding').length+' shown';}
function key(el){const d=el.dataset;switch(sort.value){
case 'file':return [d.file,Number(d.line)];case 'rule':return [d.rule,d.file];
case 'exposure':return [-Number(d.days),d.file];case 'date':return [d.date||'~',d.file];
default:return [-(RANK[d.sev]||0),d.file,Number(d.line)];}}
function cmp(a,b){for(let i=0;i<a.length;i++){if(a[i]<b[i])return -1;if(a[i]>b[i])return 1;}return 0;}
function min(keys){return keys.reduce((m,k)=>m===null||cmp(k,m)<0?k:m,null)||[];}
function order(){const gk=new Map();
for(const list of qa('#findings .file .list')){const items=qa(':scope>.finding',list).map((el)=>[key(el),el]);items.sort((a,b)=>cmp(a[0],b[0]));
for(const [,el] of items)list.appendChild(el);gk.set(list.parentElement,min(items.map((i)=>i[0])));}
for(const pg of qa('#findings .provider.group')){const files=qa(':scope>.file',pg).map((el)=>[gk.get(el),el]);files.sort((a,b)=>cmp(a[0],b[0]));
for(const [,el] of files)pg.appendChild(el);gk.set(pg,min(files.map((i)=>i[0])));}
const root=q('#findings');const pgs=qa(':scope>.provider.group',root).map((el)=>[gk.get(el),el]);pgs.sort((a,b)=>cmp(a[0],b[0]));for(const [,el] of pgs)root.appendChild(el);}
for(const el of [sev,prov,rule])el.addEventListener('change',apply);text.addEventListener('input',apply);
sort.addEventListener('change',()=>{order();apply();});
order();apply();})();`;

function filtersHtml(findings: readonly JsonFinding[]): string {
  const opt = (values: Iterable<string>) => [...new Set(values)].sort().map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('');
  return [
    '<div class="filters" id="filters">',
    `<label>severity<select id="f-sev"><option value="">any</option>${SEVERITIES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>`,
    `<label>provider<select id="f-provider"><option value="">any</option>${opt(findings.map((f) => f.provider))}</select></label>`,
    `<label>rule<select id="f-rule"><option value="">any</option>${opt(findings.map((f) => f.ruleId))}</select></label>`,
    '<label>file, rule or key contains<input id="f-text" type="search" placeholder="e.g. .env" autocomplete="off"></label>',
    '<label>sort by<select id="f-sort"><option value="severity">severity</option><option value="file">file</option><option value="rule">rule</option>' +
      '<option value="exposure">days exposed</option><option value="date">date introduced</option></select></label>',
    `<span class="count" id="f-count">${plural(findings.length, 'finding')}</span>`,
    '</div>',
  ].join('');
}

/** The page for a JSON report (from this run, from disk, or merged from several repositories). */
export function renderHtmlReport(report: JsonReport, opts: HtmlOptions = {}): string {
  const findings = Array.isArray(report.findings) ? report.findings : [];
  const known = findings.filter((f) => f.knownPublic);
  const active = findings.filter((f) => !f.knownPublic);
  const title = opts.title ?? 'keyhound secret scan';
  const ctx: Ctx = { report, opts, byFingerprint: groupBy(findings, (f) => f.fingerprint) };
  const now = report.scan?.startedAt ?? new Date().toISOString();
  const windows = active
    .filter((f) => f.commit?.date)
    .map((f) => ({ label: `${f.ruleId} · ${f.file}`, start: f.commit!.date!, end: f.commit!.presentAtHead ? undefined : (f.commit!.removedDate ?? undefined) }));
  const body = [
    '<main>',
    headerHtml(report, title),
    '<h2>Summary</h2>',
    summaryHtml(report, active, known),
    windows.length ? `<section class="timeline" id="timeline"><h2>Exposure timeline</h2>${timelineSvg(windows, now)}<p class="muted">Bars run from the introducing commit to the removing commit (amber) or to the scan (red: still in the tree).</p></section>` : '',
    `<h2>Findings (${active.length})</h2>`,
    active.length ? filtersHtml(active) : '<p>None.</p>',
    `<div id="findings">${groupsHtml(active, ctx)}</div>`,
    known.length
      ? `<h2>Known public test keys</h2><details id="known-public"><summary>${plural(known.length, 'known public test key')} (published development keys and documentation samples: not leaks, but never fund their addresses)</summary>${groupsHtml(known, ctx)}</details>`
      : '',
    `<footer>Generated by keyhound${report.scan ? ` ${esc(report.scan.version)}` : ''}. Secrets are redacted${findings.some((f) => f.secret !== undefined) ? ' — except in this report, written with --show-secrets: keep it private' : ''}. The page makes no network requests.</footer>`,
    '</main>',
  ].join('\n');
  return htmlPage({ title, body, script: active.length ? FILTER_SCRIPT : undefined });
}

export { daysBetween };
