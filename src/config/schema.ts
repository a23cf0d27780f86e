// JSON schema of .keyhound.yaml. Unknown keys are errors everywhere.
import { ruleSchema } from '../rules/schema.js';
import { SCAN_SETTINGS } from './settings.js';

// each setting's key, as the settings table declares it
const settingsSchema = Object.fromEntries(Object.values(SCAN_SETTINGS).map((s) => [s.configKey, s.schema]));

const level = { enum: ['error', 'warning', 'note'] } as const;
const ruleId = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

const allowEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    value: { type: 'string', minLength: 1 },
    pattern: { type: 'string', minLength: 1 },
    fingerprint: { type: 'string', pattern: '^[0-9a-f]{16,64}$' },
    reason: { type: 'string', minLength: 3 },
    rules: { type: 'array', items: ruleId },
    paths: stringList,
  },
  oneOf: [{ required: ['value'] }, { required: ['pattern'] }, { required: ['fingerprint'] }],
} as const;

const rulesMap = {
  type: 'object',
  additionalProperties: false,
  properties: {
    disable: { type: 'array', items: ruleId },
    severity: { type: 'object', propertyNames: ruleId, additionalProperties: level },
    custom: { type: 'array', items: ruleSchema },
  },
} as const;

function configSchema(rules: object) {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: { enum: ['default', 'none'] },
      rules,
      paths: {
        type: 'object',
        additionalProperties: false,
        properties: { exclude: stringList },
      },
      ...settingsSchema,
      allow: { type: 'array', items: allowEntry },
      // the config file can turn revocation off, never on or point it anywhere
      revoke: { const: false },
    },
  } as const;
}

/** `rules:` as a mapping: disable, severity, custom. */
export const configSchemaRulesMap = configSchema(rulesMap);
/** `rules:` as a list: custom rules, the same schema as rules/*.yaml. */
export const configSchemaRulesList = configSchema({ type: 'array', items: ruleSchema });

