// Config files read as structure: which file names are parsed, and the parse itself (bounded).
import { lazyRequire } from '../../util/lazy-require.js';
import type * as Json from './json.js';
import type * as LineFormats from './line-formats.js';
import type { StructValue } from './types.js';
import type * as Yaml from './yaml.js';

// parsers load when a config file is first parsed: a pre-commit run on source files needs none
const json = lazyRequire<typeof Json>('./json.js', import.meta.url);
const lines = lazyRequire<typeof LineFormats>('./line-formats.js', import.meta.url);
const yaml = lazyRequire<typeof Yaml>('./yaml.js', import.meta.url);

export { StructIndex, joinPath, leafKey, type StructValue } from './types.js';

export type StructureKind = 'yaml' | 'json' | 'env' | 'ini' | 'toml' | 'tfvars';

/** Files above this size are scanned as text only: parsing stays a small share of the scan. */
export const STRUCTURE_MAX_BYTES: Record<StructureKind, number> = {
  yaml: 512 * 1024,
  json: 4 * 1024 * 1024,
  env: 1024 * 1024,
  ini: 1024 * 1024,
  toml: 1024 * 1024,
  tfvars: 1024 * 1024,
};

/** The config format a file name says it has, if any. */
export function structureKind(path: string): StructureKind | null {
  const base = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (/\.(json|jsonc|ipynb|json\.example|json\.sample)$/.test(base) || base === '.babelrc' || base === '.eslintrc') return 'json';
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env') || base === '.envrc') return 'env';
  if (/\.(ini|cfg|properties)$/.test(base) || base === '.npmrc' || base === '.pypirc' || base === '.yarnrc') return 'ini';
  if (base.endsWith('.toml')) return 'toml';
  if (base.endsWith('.tfvars')) return 'tfvars';
  return null;
}

/**
 * Values of a config file with key paths, or null when the name is not a config format, the file is
 * too large, or it does not parse (the caller then scans it as text only, with no message).
 */
export function parseStructure(buf: Buffer, kind: StructureKind | null): StructValue[] | null {
  if (!kind || buf.length > STRUCTURE_MAX_BYTES[kind]) return null;
  try {
    if (kind === 'json') return json().parseJson(buf);
    const text = buf.toString('utf8');
    switch (kind) {
      case 'yaml':
        return yaml().parseYaml(text, buf.length);
      case 'env':
        return lines().parseEnv(text, buf.length);
      case 'ini':
        return lines().parseIni(text, buf.length);
      case 'toml':
        return lines().parseTomlValues(text, buf.length);
      case 'tfvars':
        return lines().parseTfvars(text, buf.length);
    }
  } catch {
    return null;
  }
}
