// The HTML document shell shared by the scan report and the incident report: escaping, the strict
// Content-Security-Policy (inline style and script allowed by hash only, nothing fetched), one stylesheet.
import { createHash } from 'node:crypto';
import { terminalSafe } from './text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text and attribute values: HTML-escaped, and control and bidi-override characters shown as escapes
 * (a scanned file name is data, never markup and never a "Trojan Source" reordering).
 */
export function esc(s: string | number | undefined | null): string {
  if (s === undefined || s === null) return '';
  return terminalSafe(String(s)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An https URL from report data, or undefined: no javascript:, data: or relative targets ever become links. */
export function safeHttpsUrl(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    const url = new URL(u);
    if (url.protocol !== 'https:' || url.username || url.password) return undefined;
    return url.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * The web address of a git remote (`https://host/owner/repo(.git)` or `git@host:owner/repo.git`), for links in
 * reports; undefined for anything else, and for remotes that carry credentials (they never reach a report).
 */
export function webUrlOfRemote(remote: string | undefined): string | undefined {
  const r = remote?.trim();
  if (!r) return undefined;
  const scp = /^[\w.-]+@([\w.-]+):([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(r);
  const href = scp ? `https://${scp[1]}/${scp[2]}` : /^https:\/\//.test(r) ? r.replace(/\.git\/?$/, '') : undefined;
  return safeHttpsUrl(href);
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

export interface PageParts {
  title: string;
  body: string;
  /** Inline script (allowed by its hash). */
  script?: string;
}

/** A complete, self-contained document: opens from disk, requests nothing, runs only its own script. */
export function htmlPage(p: PageParts): string {
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(STYLE)}`,
    `script-src ${p.script ? sha256(p.script) : "'none'"}`,
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(p.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    p.body,
    p.script ? `<script>${p.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** One stylesheet for both reports; light and dark from the reader's preference. */
export const STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--fg:#1c2128;--muted:#5b6572;--line:#d8dee4;--error:#c62828;--warning:#b26a00;--note:#1769aa;
--ok:#2e7d32;--chip:#eef1f4;--bar:#c62828;--bar2:#e0a030;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
@media (prefers-color-scheme:dark){:root{--bg:#0f1216;--card:#171b21;--fg:#e6e9ed;--muted:#97a1ad;--line:#2b323b;--error:#ef5350;
--warning:#ffb74d;--note:#64b5f6;--ok:#81c784;--chip:#222831;--bar:#ef5350;--bar2:#ffb74d}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1180px;margin:0 auto;padding:20px 20px 60px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}h3{font-size:15px;margin:0}
.sub{color:var(--muted);margin:0 0 14px}.muted{color:var(--muted)}
code,.mono{font-family:var(--mono);font-size:12.5px;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;margin:14px 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card .n{font-size:24px;font-weight:700}.card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.error .n{color:var(--error)}.card.warning .n{color:var(--warning)}.card.note .n{color:var(--note)}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{display:inline-block;min-width:64px;text-align:center;border-radius:10px;padding:1px 8px;font-size:11.5px;font-weight:700;
text-transform:uppercase;color:#fff}
.sev.error{background:var(--error)}.sev.warning{background:var(--warning)}.sev.note{background:var(--note)}
.chip{display:inline-block;background:var(--chip);border-radius:10px;padding:1px 8px;font-size:12px;margin:0 4px 2px 0}
.chip.ok{color:var(--ok)}.chip.bad{color:var(--error);font-weight:700}.chip.warn{color:var(--warning)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:10px 14px;position:sticky;top:0;z-index:2}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:2px}
.filters select,.filters input{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.filters input{min-width:220px}.filters .count{margin-left:auto;color:var(--muted)}
.provider{margin:18px 0}.provider>h3{font-size:16px;margin:0 0 8px}
.file{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:8px 0;overflow:hidden}
.file>h4{margin:0;padding:8px 12px;font:600 13px var(--mono);background:var(--chip);overflow-wrap:anywhere}
.finding{padding:10px 12px;border-top:1px solid var(--line)}.finding:first-of-type{border-top:0}
.finding .head{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.finding dl{display:grid;grid-template-columns:130px 1fr;gap:2px 12px;margin:8px 0 0}
.finding dt{color:var(--muted)}.finding dd{margin:0;overflow-wrap:anywhere}
details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
.warnbox{border-left:4px solid var(--warning);background:var(--card);padding:8px 12px;margin:8px 0}
.timeline svg{width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:8px}
.timeline text{font:11px var(--mono);fill:var(--fg)}.timeline .axis{fill:var(--muted)}
.timeline .gridline{stroke:var(--line)}.timeline .bar{fill:var(--bar)}.timeline .bar.removed{fill:var(--bar2)}
.timeline .mark{fill:var(--ok)}
section.cred{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0}
section.cred h3{font-size:16px;margin-bottom:8px}
ul.check{list-style:none;padding-left:4px}ul.check li{margin:6px 0}ul.check li::before{content:"\\2610\\00a0\\00a0"}
ul.check li.done::before{content:"\\2611\\00a0\\00a0";color:var(--ok)}
pre{background:var(--chip);padding:8px 10px;border-radius:6px;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
footer{margin-top:30px;color:var(--muted);font-size:12px}
a{color:var(--note)}[hidden]{display:none!important}
`;
