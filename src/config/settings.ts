// The scan settings that both the command line and .keyhound.yaml set, each declared once: flag, config
// key, default and how its text is read. The CLI's options, the config schema and loader, and the
// session's precedence (command line > config file > default) all read this table, so a new setting is
// one entry here (and its line in test/config/settings.test.ts).
import { FAIL_ON_LEVELS, OptionError, type FailOn } from '../core/errors.js';

interface Setting<T> {
  /** Commander flag; its attribute name (`--max-file-size` → maxFileSize) is the setting's name. */
  flag: string;
  description: string;
  /** Where the help lists it (the Report or the Configuration group). */
  helpGroup: 'report' | 'configuration';
  /** Top-level key in .keyhound.yaml. */
  configKey: string;
  /** When neither the command line nor the config file gives it. */
  default: T;
  /** The default as the command line writes it (commander shows it in the help). */
  cliDefault?: string;
  choices?: readonly string[];
  /** JSON schema of the config value (the loader checks it before `fromConfig`). */
  schema: object;
  /** The message when the config value fails an `anyOf` schema. */
  schemaHint?: string;
  /** The value names a file: a config value is relative to the config file's folder. */
  path?: true;
  /** Command-line text → value; throws OptionError. */
  fromCli(text: string): T;
  /** Schema-valid config value → value. */
  fromConfig(value: unknown): T;
}

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i;

/** Size text (500000, 512KB, 10MB) → bytes; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = SIZE.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

const setting = <T>(s: Setting<T>): Setting<T> => s;

/** Every setting, in the order the config file's messages list its keys. */
export const SCAN_SETTINGS = {
  maxFileSize: setting<number>({
    flag: '--max-file-size <size>',
    description: 'skip larger files, with a warning',
    helpGroup: 'configuration',
    configKey: 'max-file-size',
    default: 10 * 1024 * 1024,
    cliDefault: '10MB',
    schema: {
      anyOf: [
        { type: 'integer', minimum: 1 },
        { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG][iI]?[bB]?|[bB])?\\s*$' },
      ],
    },
    schemaHint: 'must be a size such as 500000, 512KB or 10MB',
    fromCli(text) {
      const n = parseSize(text);
      if (n === undefined) throw new OptionError(`not a size: "${text}" (examples: 500000, 512KB, 10MB)`);
      return n;
    },
    fromConfig: (v) => (typeof v === 'number' ? v : parseSize(String(v))!),
  }),
  failOn: setting<FailOn>({
    flag: '--fail-on <level>',
    description: 'exit 1 when a finding is at or above this level',
    helpGroup: 'report',
    configKey: 'fail-on',
    default: 'warning',
    cliDefault: 'warning',
    choices: FAIL_ON_LEVELS,
    schema: { enum: [...FAIL_ON_LEVELS] },
    // commander checks the choices
    fromCli: (text) => text as FailOn,
    fromConfig: (v) => v as FailOn,
  }),
  baseline: setting<string | undefined>({
    flag: '--baseline <file>',
    description: 'report only findings not recorded in this baseline file (default: baseline: in the config)',
    helpGroup: 'configuration',
    configKey: 'baseline',
    default: undefined,
    schema: { type: 'string', minLength: 1 },
    path: true,
    fromCli: (text) => text,
    fromConfig: (v) => String(v),
  }),
};

export type SettingName = keyof typeof SCAN_SETTINGS;
export const SETTING_NAMES = Object.keys(SCAN_SETTINGS) as SettingName[];

/** Every setting's value, decided. */
export type SettingValues = { [K in SettingName]: (typeof SCAN_SETTINGS)[K] extends Setting<infer T> ? T : never };

/** One value per setting: the command line's (only values the user gave), else the config file's, else the default. */
export function decideSettings(given: Partial<SettingValues> = {}, config: Partial<SettingValues> = {}): SettingValues {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) out[name] = given[name] ?? config[name] ?? SCAN_SETTINGS[name].default;
  return out as SettingValues;
}
