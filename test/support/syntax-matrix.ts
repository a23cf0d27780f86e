// The syntax matrix: one (name, value) binding rendered in the ways real projects write it — config
// formats, code in a dozen languages, build files, markup, headers, URLs and free text. Context lines
// of the original example (the provider named nearby) go above the binding as comments of that syntax.

export interface Syntax {
  id: string;
  /** File name the rendering is scanned as (config names are parsed as config). */
  file: string;
  /** Renders context lines (already free of the value) as comments of this syntax. */
  comment: (line: string) => string;
  render: (n: Names, value: string) => string;
}

/** One name in the casings languages use. */
export interface Names {
  /** As found (`binance_api_key`, `apiSecret`). */
  raw: string;
  /** BINANCE_API_KEY */
  upper: string;
  /** binanceApiKey */
  camel: string;
  /** BinanceApiKey */
  pascal: string;
  /** binance-api-key */
  kebab: string;
  /** binance api key */
  words: string;
}

export function names(raw: string): Names {
  const parts = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return {
    raw,
    upper: parts.join('_').toUpperCase(),
    camel: parts.map((w, i) => (i === 0 ? w : cap(w))).join(''),
    pascal: parts.map(cap).join(''),
    kebab: parts.join('-'),
    words: parts.join(' '),
  };
}

/** Where a template wants the context comments (else they go first). */
const CTX = '\u0000';
const hash = (l: string) => `# ${l}`;
const slashes = (l: string) => `// ${l}`;
const xml = (l: string) => `<!-- ${l.replace(/--/g, '- -')} -->`;
/** A value on one line: real line breaks written as `\n` (how .env files and JSON strings hold PEMs). */
const oneLine = (v: string) => v.replace(/\r?\n/g, '\\n');

export const SYNTAXES: Syntax[] = [
  { id: 'dotenv', file: '.env', comment: hash, render: (n, v) => `${n.upper}=${oneLine(v)}` },
  { id: 'shell-export', file: 'deploy.sh', comment: hash, render: (n, v) => `export ${n.upper}="${oneLine(v)}"` },
  { id: 'shell-default', file: 'run.sh', comment: hash, render: (n, v) => `KEY="\${${n.upper}:-${oneLine(v)}}"` },
  { id: 'yaml', file: 'config.yaml', comment: hash, render: (n, v) => `app:\n${CTX}  ${n.raw}: "${oneLine(v)}"` },
  { id: 'json', file: 'settings.json', comment: (l) => `"_comment": ${JSON.stringify(l)},`, render: (n, v) => `  "${n.camel}": "${oneLine(v).replace(/"/g, '\\"')}"` },
  { id: 'toml', file: 'config.toml', comment: hash, render: (n, v) => `[app]\n${CTX}${n.raw} = "${oneLine(v)}"` },
  { id: 'ini', file: 'settings.ini', comment: (l) => `; ${l}`, render: (n, v) => `[app]\n${CTX}${n.raw} = ${oneLine(v)}` },
  { id: 'properties', file: 'application.properties', comment: hash, render: (n, v) => `app.${n.raw}=${oneLine(v)}` },
  { id: 'python', file: 'settings.py', comment: hash, render: (n, v) => `${n.upper} = "${oneLine(v)}"` },
  { id: 'python-setdefault', file: 'conf.py', comment: hash, render: (n, v) => `os.environ.setdefault("${n.upper}", "${oneLine(v)}")` },
  { id: 'python-getenv-default', file: 'client.py', comment: hash, render: (n, v) => `key = os.getenv("${n.upper}", "${oneLine(v)}")` },
  { id: 'python-kwarg', file: 'bot.py', comment: hash, render: (n, v) => `client = Client(${n.upper.toLowerCase()}="${oneLine(v)}")` },
  { id: 'js-const', file: 'config.js', comment: slashes, render: (n, v) => `const ${n.camel} = '${oneLine(v)}';` },
  { id: 'js-env-fallback', file: 'env.js', comment: slashes, render: (n, v) => `process.env.${n.upper} = process.env.${n.upper} || "${oneLine(v)}";` },
  { id: 'ts-nullish', file: 'keys.ts', comment: slashes, render: (n, v) => `export const ${n.camel}: string = process.env.${n.upper} ?? '${oneLine(v)}';` },
  { id: 'ts-object', file: 'config.ts', comment: slashes, render: (n, v) => `export const config = {\n${CTX}  ${n.camel}: '${oneLine(v)}',\n};` },
  { id: 'go-var', file: 'main.go', comment: slashes, render: (n, v) => `var ${n.camel} string = "${oneLine(v)}"` },
  { id: 'go-setenv', file: 'env.go', comment: slashes, render: (n, v) => `os.Setenv("${n.upper}", "${oneLine(v)}")` },
  { id: 'java-setproperty', file: 'App.java', comment: slashes, render: (n, v) => `System.setProperty("${n.raw}", "${oneLine(v)}");` },
  { id: 'java-map-put', file: 'Config.java', comment: slashes, render: (n, v) => `params.put("${n.camel}", "${oneLine(v)}");` },
  { id: 'csharp-const', file: 'Settings.cs', comment: slashes, render: (n, v) => `public const string ${n.pascal} = "${oneLine(v)}";` },
  { id: 'kotlin', file: 'Config.kt', comment: slashes, render: (n, v) => `val ${n.camel}: String = "${oneLine(v)}"` },
  { id: 'rust-const', file: 'main.rs', comment: slashes, render: (n, v) => `const ${n.upper}: &str = "${oneLine(v)}";` },
  { id: 'c-define', file: 'config.h', comment: slashes, render: (n, v) => `#define ${n.upper} "${oneLine(v)}"` },
  { id: 'php', file: 'config.php', comment: slashes, render: (n, v) => `$${n.camel} = '${oneLine(v)}';` },
  { id: 'php-array', file: 'settings.php', comment: slashes, render: (n, v) => `return ['${n.raw}' => '${oneLine(v)}'];` },
  { id: 'php-append', file: 'keys.php', comment: slashes, render: (n, v) => `$${n.camel} .= '${oneLine(v)}';` },
  { id: 'ruby-env', file: 'config.rb', comment: hash, render: (n, v) => `ENV['${n.upper}'] ||= '${oneLine(v)}'` },
  { id: 'makefile-conditional', file: 'Makefile', comment: hash, render: (n, v) => `${n.upper} ?= ${oneLine(v)}` },
  { id: 'makefile-immediate', file: 'rules.mk', comment: hash, render: (n, v) => `${n.upper} ::= ${oneLine(v)}` },
  { id: 'dockerfile', file: 'Dockerfile', comment: hash, render: (n, v) => `ENV ${n.upper}=${oneLine(v)}` },
  { id: 'powershell', file: 'setup.ps1', comment: hash, render: (n, v) => `$env:${n.upper} = "${oneLine(v)}"` },
  { id: 'xml-element', file: 'config.xml', comment: xml, render: (n, v) => `<${n.camel}>${oneLine(v)}</${n.camel}>` },
  { id: 'xml-element-block', file: 'credentials.xml', comment: xml, render: (n, v) => `<credentials>\n${CTX}  <${n.camel}>\n    ${oneLine(v)}\n  </${n.camel}>\n</credentials>` },
  { id: 'xml-add-key', file: 'App.config', comment: xml, render: (n, v) => `<add key="${n.pascal}" value="${oneLine(v)}" />` },
  { id: 'k8s-env', file: 'deployment.yaml', comment: hash, render: (n, v) => `env:\n${CTX}  - name: ${n.upper}\n    value: "${oneLine(v)}"` },
  { id: 'terraform-default', file: 'variables.tf', comment: hash, render: (n, v) => `${CTX}variable "${n.raw}" {\n  default = "${oneLine(v)}"\n}` },
  { id: 'logstash', file: 'pipeline.conf', comment: hash, render: (n, v) => `output { http { ${n.raw} => "${oneLine(v)}" } }` },
  { id: 'http-header', file: 'request.http', comment: hash, render: (n, v) => `GET /v1/account HTTP/1.1\n${CTX}${n.kebab}: ${oneLine(v)}` },
  { id: 'url-query', file: 'fetch.js', comment: slashes, render: (n, v) => `fetch("https://api.example.net/v1/data?limit=5&${n.raw}=${encodeURIComponent(oneLine(v))}");` },
  { id: 'free-text', file: 'NOTES.md', comment: (l) => l, render: (n, v) => `${n.words} ${oneLine(v)}` },
  { id: 'free-text-dash', file: 'SETUP.md', comment: (l) => l, render: (n, v) => `- ${n.words} - ${oneLine(v)}` },
];

/** The file for one rendering: context comments right above the binding. */
export function renderFile(s: Syntax, n: Names, value: string, context: string[]): string {
  const body = s.render(n, value);
  const at = body.indexOf(CTX);
  const indent = at >= 0 ? (/^[ \t]*/.exec(body.slice(at + 1))?.[0] ?? '') : '';
  const comments = context.map((l) => indent + s.comment(l));
  const block = comments.length ? `${comments.join('\n')}\n` : '';
  if (at >= 0) return `${body.slice(0, at)}${block}${body.slice(at + 1)}\n`;
  if (s.id === 'json') return `{\n${comments.map((c) => `  ${c}`).join('\n')}${comments.length ? '\n' : ''}${body}\n}\n`;
  return `${block}${body}\n`;
}

/** Context lines of an example without the value, nearest to the value's line last; bare punctuation dropped. */
export function contextOf(text: string, secret: string): string[] {
  const offset = text.indexOf(secret);
  const at = offset < 0 ? Infinity : text.slice(0, offset).split('\n').length - 1;
  return text
    .split(secret)
    .join('')
    .split('\n')
    .map((l, i) => ({ l, d: Math.abs(i - at) }))
    .filter((x) => /[A-Za-z0-9]/.test(x.l))
    .sort((a, b) => b.d - a.d)
    .map((x) => x.l);
}

/** The value as the example writes it: with its `0x` when it has one (some patterns need it). */
export function asWritten(text: string, secret: string): string {
  const at = text.indexOf(secret);
  return at >= 2 && /^0x$/i.test(text.slice(at - 2, at)) ? text.slice(at - 2, at) + secret : secret;
}

/** The name to render: the last word-ish segment of the bound key (`config["binance"]["secret"]` → secret). */
export function nameOf(key: string | undefined): string {
  if (!key) return 'config_value';
  const segs = key.split(/[.\[\]"'$@/:]+/).filter((x) => /[A-Za-z]/.test(x));
  return (segs[segs.length - 1] ?? '').replace(/^-+/, '') || 'config_value';
}
