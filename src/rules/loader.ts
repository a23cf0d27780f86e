// Rule files as written: schema checks, RE2 compilation, the built-in pack (JSON at build time).
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type AjvModule from 'ajv';
import type { ErrorObject } from 'ajv';
import RE2 from 're2';
import type * as Yaml from 'yaml';
import { GRANTS, type Grants } from '../core/finding.js';
import type { KnownPublicValue, RuleSet, RuleSpec } from '../core/rule.js';
import { validators } from '../validators/index.js';
import { lazyRequire, nodeZlib } from '../util/lazy-require.js';
import { compileNameKeys, compileNameNearby } from './names.js';
import { readRegularFile } from '../util/safe-fs.js';
import { problemKind, yamlProblem } from '../util/problem-kind.js';
import { ruleFileSchema, ruleSchema } from './schema.js';

const ajvModule = lazyRequire<typeof AjvModule>('ajv');
const yaml = lazyRequire<typeof Yaml>('yaml');

export class RuleError extends Error {
  constructor(readonly file: string, readonly ruleId: string | undefined, readonly field: string | undefined, detail: string) {
    super(`${file}${ruleId ? `: rule "${ruleId}"` : ''}${field ? `: field "${field}"` : ''}: ${detail}`);
    this.name = 'RuleError';
  }
}

export type { RuleSet };

/** The rules/ folder shipped with the package (dist-bundle → ../rules; dist/src/rules → ../../../rules). */
export function builtinRulesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../rules', '../../../rules', '../../rules']) {
    const dir = resolve(here, up);
    try {
      if (readdirSync(dir).some((f) => f.endsWith('.yaml'))) return dir;
    } catch {
      /* try the next layout */
    }
  }
  throw new Error(`keyhound: built-in rules folder not found near ${here}`);
}

type Check = ReturnType<InstanceType<typeof AjvModule.default>['compile']>;
let ajvCache: { file: Check; rule: Check } | null = null;
function compiled() {
  if (!ajvCache) {
    const Ajv = ajvModule().default;
    const ajv = new Ajv({ allErrors: false, strict: true });
    ajvCache = { file: ajv.compile(ruleFileSchema), rule: ajv.compile(ruleSchema) };
  }
  return ajvCache;
}

function describe(err: ErrorObject): { path: string[]; detail: string } {
  const path = err.instancePath.split('/').filter(Boolean);
  let detail = err.message ?? 'invalid';
  if (err.keyword === 'additionalProperties') detail = `unknown field "${(err.params as { additionalProperty: string }).additionalProperty}"`;
  if (err.keyword === 'required') detail = `missing required field "${(err.params as { missingProperty: string }).missingProperty}"`;
  if (err.keyword === 'enum') detail = `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return { path, detail };
}

/** Checks one rule object against the schema and compiles its regexes; throws RuleError. */
export function checkRule(raw: unknown, file: string, where = '', defaultGrants: Grants = 'service'): RuleSpec {
  const v = compiled().rule;
  const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
  if (!v(raw)) {
    const { path, detail } = describe(v.errors![0]!);
    throw new RuleError(file, id ?? where, path.join('.') || undefined, detail);
  }
  let spec = raw as RuleSpec;
  if (spec.names) {
    const keys = compileNameKeys(spec.names);
    // a rule written back after loading carries its compiled keys: the same text is fine
    if (spec.context?.keys && spec.context.keys !== keys) throw new RuleError(file, spec.id, 'names', 'give either names or context.keys, not both');
    const context = { ...spec.context, keys };
    if (!context.nearby) context.nearby = compileNameNearby(spec.names);
    spec = { ...spec, context };
  }
  const tryRe = (field: string, pattern: string | undefined, flags = 'u') => {
    if (pattern === undefined) return;
    try {
      new RE2(pattern, flags);
    } catch (e) {
      throw new RuleError(file, spec.id, field, `not a valid RE2 pattern (${problemKind((e as Error).message)})`);
    }
  };
  tryRe('pattern', spec.pattern);
  tryRe('context.keys', spec.context?.keys);
  tryRe('context.nearby', spec.context?.nearby);
  if (spec.context?.denyKeys) tryRe('context.denyKeys', spec.context.denyKeys);
  spec.allow?.forEach((a, i) => a.startsWith('re:') && tryRe(`allow.${i}`, a.slice(3)));
  if (spec.validate && !validators[spec.validate]) {
    throw new RuleError(file, spec.id, 'validate', `unknown validator "${spec.validate}" (known: ${Object.keys(validators).join(', ')})`);
  }
  if (typeof spec.secretGroup === 'string' && !spec.pattern.includes(`<${spec.secretGroup}>`)) {
    throw new RuleError(file, spec.id, 'secretGroup', `pattern has no group named "${spec.secretGroup}"`);
  }
  return { ...spec, keywords: spec.keywords ?? [], tags: spec.tags ?? [], grants: spec.grants ?? defaultGrants, source: file };
}

/** Parses one rule file's text; `file` is used in messages. */
export function parseRuleFile(text: string, file: string): RuleSet {
  const doc = yaml().parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new RuleError(file, undefined, undefined, `YAML error${line ? ` at line ${line}` : ''}: ${yamlProblem(e.message)}`);
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new RuleError(file, undefined, undefined, 'expected a mapping with "rules:"');
  const rules: RuleSpec[] = [];
  const list = (data as { rules?: unknown }).rules;
  if (list !== undefined && !Array.isArray(list)) throw new RuleError(file, undefined, 'rules', 'must be a list');
  const v = compiled().file;
  const fileGrants = (data as { grants?: unknown }).grants;
  if (fileGrants !== undefined && !GRANTS.includes(fileGrants as Grants)) throw new RuleError(file, undefined, 'grants', `must be one of ${GRANTS.join(', ')}`);
  (list ?? []).forEach((r: unknown, i: number) => rules.push(checkRule(r, file, `#${i + 1}`, (fileGrants as Grants | undefined) ?? 'service')));
  if (!v(data)) {
    const { path, detail } = describe(v.errors![0]!);
    throw new RuleError(file, undefined, path.join('.') || undefined, detail);
  }
  return { rules, knownPublic: (data as { 'known-public'?: KnownPublicValue[] })['known-public'] ?? [] };
}

/** Loads every *.yaml in a folder (the built-in pack by default), as written; the rule-set builder checks ids. */
export function loadRuleDir(dir = builtinRulesDir()): RuleSet {
  return (dir === builtinRulesDir() && freshPack(dir)) || parseRuleDir(dir);
}

function ruleFileNames(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
}

function parseRuleDir(dir: string): RuleSet {
  const out: RuleSet = { rules: [], knownPublic: [] };
  for (const name of ruleFileNames(dir)) {
    const file = join(dir, name);
    const set = parseRuleFile(readFileSync(file, 'utf8'), `rules/${basename(file)}`);
    out.rules.push(...set.rules);
    out.knownPublic.push(...set.knownPublic);
  }
  // the pack is checked like any rule set (one duplicate check, in the rule-set builder)
  return out;
}

/**
 * The built-in pack as JSON, written at build time from rules/*.yaml after the same checks
 * (`npm run build`). Parsing YAML and compiling the schema cost ~400 ms at every start: too much for
 * a pre-commit hook. Used only while the rule files match the digest it was built from: checkouts
 * and installs give files arbitrary modification times, so times cannot tell a stale pack (~1 ms).
 * The rules' words and examples sit in a second file, read when something first asks for them: they
 * are 40% of the bytes and three quarters of the parse time, and a clean scan never shows them.
 */
const PACK = fileURLToPath(new URL('./pack.json', import.meta.url));
const PACK_DOCS = fileURLToPath(new URL('./pack-docs.json', import.meta.url));
const DOC_FIELDS = ['description', 'remediation', 'examples'] as const;
type DocField = (typeof DOC_FIELDS)[number];
type RuleDocs = Partial<Pick<RuleSpec, DocField>>;

interface Pack {
  digest: string;
  ruleSet: RuleSet;
}

interface PackDocs {
  digest: string;
  docs: Record<string, RuleDocs>;
}

/**
 * Each rule file's name, length and CRC-32, in order. It tells an edited file from the one the pack
 * was built from; it is no integrity check (whoever can write the pack can write the code beside it),
 * so the ~10 ms node:crypto costs to load buys nothing here.
 */
function rulesDigest(dir: string): string {
  const { crc32 } = nodeZlib();
  return ruleFileNames(dir)
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return `${f}:${bytes.length}:${crc32(bytes).toString(16)}`;
    })
    .join('/');
}

/** JSON whose characters past ASCII are escaped, so that it loads as a one-byte string. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readJson(file: string): unknown {
  const bytes = readFileSync(file);
  return JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'));
}

function freshPack(dir: string): RuleSet | null {
  try {
    const pack = readJson(PACK) as Pack;
    const digest = rulesDigest(dir);
    if (pack.digest !== digest) return null;
    let docs: PackDocs['docs'] | undefined;
    const docsOf = (id: string): RuleDocs => {
      if (!docs) {
        let read: PackDocs | undefined;
        try {
          read = readJson(PACK_DOCS) as PackDocs;
        } catch {
          read = undefined;
        }
        docs = read?.digest === digest ? read.docs : Object.fromEntries(parseRuleDir(dir).rules.map((r) => [r.id, r]));
      }
      return docs[id] ?? {};
    };
    for (const rule of pack.ruleSet.rules) {
      packRules.add(rule);
      for (const field of DOC_FIELDS) if (Object.hasOwn(rule, field)) loadOnRead(rule, field, () => docsOf(rule.id)[field]);
    }
    return pack.ruleSet;
  } catch {
    return null;
  }
}

/**
 * `obj[key]` becomes `load()` when first read, redefined in place so the keys keep their order. A copy
 * made with the property descriptors (not a spread, which reads every value) loads on its own first read.
 */
function loadOnRead<T extends object, K extends keyof T>(obj: T, key: K, load: () => T[K]): void {
  const settle = (on: object, value: T[K]) => Object.defineProperty(on, key, { value, enumerable: true, configurable: true, writable: true });
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = load();
      settle(this, value);
      return value;
    },
    set(this: object, value: T[K]) {
      settle(this, value);
    },
  });
}

/** Rules of a pack load, each a fresh object whose words are still unread. */
const packRules = new WeakSet<RuleSpec>();

/**
 * `{ ...rule, ...extra }` that leaves the pack's words unread until asked for (see loadOnRead). A rule
 * fresh from the pack takes `extra` in place (copying its descriptors costs more than the words save).
 */
export function copyRule(rule: RuleSpec, extra: Partial<RuleSpec>): RuleSpec {
  if (packRules.has(rule)) {
    packRules.delete(rule);
    return Object.assign(rule, extra);
  }
  return Object.assign(Object.defineProperties({}, Object.getOwnPropertyDescriptors(rule)), extra) as RuleSpec;
}

/** Writes the JSON pack and its words next to this module (build step). */
export function writePack(dir = builtinRulesDir()): number {
  const ruleSet = parseRuleDir(dir);
  const digest = rulesDigest(dir);
  const docs: PackDocs['docs'] = {};
  const rules = ruleSet.rules.map((rule) => {
    const lean: Record<string, unknown> = { ...rule };
    const words: Record<string, unknown> = {};
    for (const field of DOC_FIELDS) {
      if (!Object.hasOwn(rule, field)) continue;
      words[field] = rule[field];
      lean[field] = 0; // a placeholder: the key keeps its place
    }
    docs[rule.id] = words as RuleDocs;
    return lean;
  });
  writeFileSync(PACK, asciiJson({ digest, ruleSet: { ...ruleSet, rules } }));
  writeFileSync(PACK_DOCS, asciiJson({ digest, docs } satisfies PackDocs));
  return ruleSet.rules.length;
}

const RULE_FILE_MAX_BYTES = 8 * 1024 * 1024;

/** Rule files given by path: files, or folders of *.yaml (sorted). */
export function readRuleFiles(paths: string[]): RuleSet {
  const out: RuleSet = { rules: [], knownPublic: [] };
  for (const p of paths) {
    let files: string[];
    try {
      files = statSync(p).isDirectory()
        ? readdirSync(p).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(p, f))
        : [p];
    } catch (e) {
      throw new RuleError(p, undefined, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    for (const file of files) {
      let text: string;
      try {
        text = readRegularFile(file, { maxBytes: RULE_FILE_MAX_BYTES }).toString('utf8');
      } catch (e) {
        const m = (e as Error).message;
        throw new RuleError(file, undefined, undefined, m.startsWith(`${file}: `) ? m.slice(file.length + 2) : 'cannot read');
      }
      const set = parseRuleFile(text, file);
      out.rules.push(...set.rules);
      out.knownPublic.push(...set.knownPublic);
    }
  }
  return out;
}
