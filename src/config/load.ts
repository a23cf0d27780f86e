// .keyhound.yaml: discovery, schema validation with file/line/key messages, and the effective rule set.
import { existsSync, lstatSync } from 'node:fs';
import { readRegularFile, SETTINGS_MAX_BYTES } from '../util/safe-fs.js';
import { problemKind, yamlProblem } from '../util/problem-kind.js';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import RE2 from 're2';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { lazyRequire } from '../util/lazy-require.js';
import type { Severity } from '../core/finding.js';
import type { RuleSet } from '../core/rule.js';
import { buildRuleSet, builtInRules, ConfigRulesError } from '../rules/rule-set.js';
import type { AllowEntry } from '../suppress/allow.js';
import { configSchemaRulesList, configSchemaRulesMap } from './schema.js';
import { SCAN_SETTINGS, SETTING_NAMES, type SettingValues } from './settings.js';

// loaded only when a config file exists: a scan without one must not pay for them
const ajvModule = lazyRequire<typeof AjvModule>('ajv');
const yaml = lazyRequire<typeof Yaml>('yaml');

export const CONFIG_NAMES = ['.keyhound.yaml', '.keyhound.yml'];

/**
 * Settings of a config file other than rules; absent keys are undefined (the command line decides).
 * The scan settings (max-file-size, fail-on, baseline …) are those of the settings table.
 */
export interface ConfigSettings extends Partial<SettingValues> {
  /** Config file used (as given or relative to the working folder); undefined when none. */
  file?: string;
  extends: 'default' | 'none';
  /** gitignore-syntax paths not scanned at all (counted as skipped). */
  exclude: string[];
  allow: AllowEntry[];
  /** `false`: the config turns revocation off. Nothing else about revocation is configurable here. */
  revoke?: false;
}

export interface LoadedConfig {
  ruleSet: RuleSet;
  settings: ConfigSettings;
}

/** A config file problem; the message names file, line and key. Exit code 2. */
export class ConfigError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, readonly key: string | undefined, readonly detail: string) {
    super(`${file}${line ? `:${line}` : ''}: ${key ? `${key}: ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
}

interface RawConfig {
  extends?: 'default' | 'none';
  rules?: unknown[] | { disable?: string[]; severity?: Record<string, Severity>; custom?: unknown[] };
  paths?: { exclude?: string[] };
  allow?: AllowEntry[];
  revoke?: false;
  /** The settings table's keys. */
  [settingKey: string]: unknown;
}

let validators: { list: ValidateFunction; map: ValidateFunction } | null = null;
function schemaValidators() {
  if (!validators) {
    const Ajv = ajvModule().default;
    const ajv = new Ajv({ allErrors: false, strict: true, strictRequired: false, verbose: true });
    validators = { list: ajv.compile(configSchemaRulesList), map: ajv.compile(configSchemaRulesMap) };
  }
  return validators;
}

/** The config file for a scan root: --config FILE, else .keyhound.yaml / .keyhound.yml at the root. */
export function findConfigFile(root: string, explicit?: string): string | undefined {
  if (explicit) {
    if (!existsSync(explicit)) throw new ConfigError(explicit, undefined, undefined, 'config file not found');
    return explicit;
  }
  for (const name of CONFIG_NAMES) {
    const p = join(root, name);
    // a dangling link or a FIFO counts as present: reading it then fails with a clear message
    if (existsSync(p) || lstatOrNull(p)) return p;
  }
  return undefined;
}

function lstatOrNull(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}

/** Reads a config file: a regular file of bounded size, or a ConfigError naming it. */
export function readConfigText(file: string, shown = file): string {
  try {
    return readRegularFile(file, { maxBytes: SETTINGS_MAX_BYTES }).toString('utf8');
  } catch (e) {
    const m = (e as Error).message;
    throw new ConfigError(shown, undefined, undefined, m.startsWith(`${file}: `) ? m.slice(file.length + 2) : 'cannot read');
  }
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), resolve(p));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(p);
}

/** Locates YAML nodes for messages. */
class Locator {
  constructor(private readonly doc: Document, private readonly lines: LineCounter) {}

  private node(path: string[]): Node | undefined {
    let n: unknown = this.doc.contents;
    for (const seg of path) {
      if (yaml().isMap(n)) {
        const pair = n.items.find((p) => yaml().isPair(p) && yaml().isScalar(p.key) && String(p.key.value) === seg);
        n = pair?.value;
      } else if (yaml().isSeq(n)) {
        n = n.items[Number(seg)];
      } else return undefined;
    }
    return n as Node | undefined;
  }

  /** Line of the value at `path`, or of its key for a missing/unknown key; falls back to the parent. */
  line(path: string[], keyOf?: string): number | undefined {
    for (let i = path.length; i >= 0; i--) {
      const n = this.node(path.slice(0, i));
      if (keyOf !== undefined && i === path.length && yaml().isMap(n)) {
        const pair = n.items.find((p) => yaml().isPair(p) && yaml().isScalar(p.key) && String(p.key.value) === keyOf);
        const k = pair?.key as Node | undefined;
        if (k?.range) return this.lines.linePos(k.range[0]).line;
      }
      if (n?.range) return this.lines.linePos(n.range[0]).line;
    }
    return undefined;
  }
}

function pointer(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The ajv error to report: a failed oneOf/anyOf says more than its branches. */
function pick(errors: ErrorObject[]): ErrorObject {
  const last = errors[errors.length - 1]!;
  return last.keyword === 'oneOf' || last.keyword === 'anyOf' ? last : errors[0]!;
}

function schemaMessage(err: ErrorObject, path: string[]): { key: string[]; keyOf?: string; detail: string } {
  const p = err.params as Record<string, unknown>;
  const at = path.join('.');
  switch (err.keyword) {
    case 'additionalProperties': {
      const prop = String(p.additionalProperty);
      const allowed = Object.keys((err.parentSchema as { properties?: object })?.properties ?? {});
      return {
        key: [...path, prop],
        keyOf: prop,
        detail: `unknown key "${prop}"${allowed.length ? ` (allowed${at ? ` under ${at}` : ''}: ${allowed.join(', ')})` : ''}`,
      };
    }
    case 'required':
      return { key: path, detail: `missing required key "${String(p.missingProperty)}"` };
    case 'propertyNames':
      return { key: [...path, String(p.propertyName)], keyOf: String(p.propertyName), detail: `"${String(p.propertyName)}" is not a rule id` };
    case 'enum':
      return { key: path, detail: `must be one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      if (path[0] === 'revoke') {
        return {
          key: path,
          detail: 'only "revoke: false" is accepted: the config file can turn revocation off, never turn it on or configure endpoints or issuers',
        };
      }
      return { key: path, detail: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'oneOf':
      if (path[0] === 'allow') return { key: path, detail: 'needs exactly one of "value", "pattern" or "fingerprint" (and a "reason")' };
      return { key: path, detail: err.message ?? 'invalid' };
    case 'anyOf': {
      const hint = Object.values(SCAN_SETTINGS).find((s) => s.configKey === path[0])?.schemaHint;
      return { key: path, detail: hint ?? err.message ?? 'invalid' };
    }
    case 'type':
      return { key: path, detail: `must be ${p.type === 'array' ? 'a list' : p.type === 'object' ? 'a mapping' : `a ${String(p.type)}`}` };
    case 'pattern':
      if (/\^\[a-z0-9\]\+/.test(String(p.pattern))) return { key: path, detail: 'must be a rule id (lower-case words joined by "-")' };
      return { key: path, detail: `does not match ${String(p.pattern)}` };
    case 'minLength':
      return { key: path, detail: p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters` };
    default:
      return { key: path, detail: err.message ?? 'invalid' };
  }
}



/**
 * Parses and validates config text and builds the rule set it asks for. `file` is used in messages;
 * `base` gives the built-in rules; `extraRules` are rule files (--rules).
 */
export function parseConfig(text: string, file: string, base: () => RuleSet = builtInRules, extraRules: string[] = []): LoadedConfig {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line;
    throw new ConfigError(file, line, undefined, `not valid YAML: ${yamlProblem(e.message)}`);
  }
  const loc = new Locator(doc, lines);
  const data = (doc.toJS() ?? {}) as RawConfig;
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(file, 1, undefined, 'must be a mapping of settings');
  const v = Array.isArray(data.rules) ? schemaValidators().list : schemaValidators().map;
  if (!v(data)) {
    const err = pick(v.errors!);
    const path = pointer(err.instancePath);
    const msg = schemaMessage(err, path);
    throw new ConfigError(file, loc.line(msg.keyOf !== undefined ? path : msg.key, msg.keyOf), msg.key.join('.') || undefined, msg.detail);
  }

  const rulesRaw = data.rules;
  const customPath = Array.isArray(rulesRaw) ? ['rules'] : ['rules', 'custom'];
  const extendsMode = data.extends ?? 'default';
  const section = Array.isArray(rulesRaw) ? { custom: rulesRaw } : { custom: rulesRaw?.custom ?? [], disable: rulesRaw?.disable, severity: rulesRaw?.severity };
  let ruleSet: RuleSet;
  try {
    ruleSet = buildRuleSet({ builtIn: extendsMode === 'none' ? false : base, ruleFiles: extraRules, config: { file, ...section } });
  } catch (e) {
    if (!(e instanceof ConfigRulesError)) throw e;
    const [part, ...rest] = e.at;
    const path = part === 'custom' ? [...customPath, ...rest] : ['rules', part!, ...rest];
    // an unknown id under `severity:` is a key: point at the key's line
    const line = part === 'severity' ? loc.line(['rules', 'severity'], rest[0]) : loc.line(path);
    throw new ConfigError(file, line, path.join('.'), e.detail);
  }

  (data.allow ?? []).forEach((a, i) => {
    if (a.pattern !== undefined) {
      try {
        new RE2(a.pattern, 'u');
      } catch (e) {
        throw new ConfigError(file, loc.line(['allow', String(i), 'pattern']), `allow.${i}.pattern`, `not a valid RE2 pattern (${problemKind((e as Error).message)})`);
      }
    }
  });

  const settings: ConfigSettings = {
    file,
    extends: extendsMode,
    exclude: data.paths?.exclude ?? [],
    allow: data.allow ?? [],
  };
  for (const name of SETTING_NAMES) {
    const value = data[SCAN_SETTINGS[name].configKey];
    if (value !== undefined) Object.assign(settings, { [name]: SCAN_SETTINGS[name].fromConfig(value) });
  }
  if (data.revoke === false) settings.revoke = false;
  return { ruleSet, settings };
}

export interface LoadConfigOptions {
  /** Extra rule files or folders (--rules), loaded with the built-in pack. */
  extraRules?: string[];
}

/**
 * The effective rule set and settings for a scan root: --config FILE, else .keyhound.yaml or
 * .keyhound.yml at the root, else the defaults. Throws ConfigError (file, line, key) on a bad file.
 */
export function loadConfig(root: string, configPath?: string, opts: LoadConfigOptions = {}): LoadedConfig {
  const file = findConfigFile(root, configPath);
  const extra = opts.extraRules ?? [];
  if (!file) return { ruleSet: buildRuleSet({ ruleFiles: extra }), settings: { extends: 'default', exclude: [], allow: [] } };
  const shown = displayPath(file);
  const loaded = parseConfig(readConfigText(file, shown), shown, builtInRules, extra);
  // a setting naming a file (baseline:) is relative to the config file's folder
  for (const name of SETTING_NAMES) {
    const value = loaded.settings[name];
    if (SCAN_SETTINGS[name].path && typeof value === 'string') Object.assign(loaded.settings, { [name]: resolve(dirname(file), value) });
  }
  return loaded;
}
