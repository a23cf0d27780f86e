// JSON schema for rule files (rules/*.yaml and custom rules in .keyhound.yaml).

const NAME_ROLE_LIST = ['key', 'secret', 'private-key', 'passphrase', 'token', 'client-id', 'client-secret', 'project-id', 'project-secret', 'jwt', 'named'];

const re2Pattern = { type: 'string', minLength: 1 } as const;
const grants = { enum: ['wallet', 'exchange-account', 'custody', 'service'] } as const;

export const ruleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'provider', 'severity', 'pattern', 'examples'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
    title: { type: 'string', minLength: 1 },
    provider: { type: 'string', minLength: 1 },
    severity: { enum: ['error', 'warning', 'note'] },
    description: { type: 'string' },
    keywords: { type: 'array', items: { type: 'string', minLength: 2 } },
    pattern: re2Pattern,
    secretGroup: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', minLength: 1 }] },
    entropy: { type: 'number', minimum: 0, maximum: 8 },
    prefilter: { enum: ['pattern'] },
    context: {
      type: 'object',
      additionalProperties: false,
      properties: {
        keys: re2Pattern,
        nearby: re2Pattern,
        window: { type: 'integer', minimum: 0, maximum: 50 },
        denyKeys: { type: 'string' },
      },
    },
    names: {
      type: 'object',
      additionalProperties: false,
      required: ['providers', 'roles'],
      properties: {
        providers: { type: 'array', minItems: 1, items: { type: 'string', minLength: 2 } },
        roles: { type: 'array', minItems: 1, items: { enum: NAME_ROLE_LIST } },
        providerRoles: { type: 'array', items: { enum: NAME_ROLE_LIST } },
        also: { type: 'array', items: { type: 'string', minLength: 2 } },
      },
    },
    matrix: {
      type: 'object',
      additionalProperties: false,
      required: ['skip', 'why'],
      properties: {
        skip: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z0-9-]+$' } },
        why: { type: 'string', minLength: 10 },
      },
    },
    generic: { type: 'boolean' },
    priority: { type: 'integer', minimum: -100, maximum: 100 },
    supersedes: { type: 'array', items: { type: 'string', minLength: 1 } },
    identifies: { type: 'boolean' },
    validate: { type: 'string', minLength: 1 },
    allow: { type: 'array', items: { type: 'string', minLength: 1 } },
    tags: { type: 'array', items: { type: 'string', minLength: 1 } },
    grants,
    pair: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'part'],
      properties: { id: { type: 'string', minLength: 1 }, part: { type: 'string', minLength: 1 } },
    },
    precision: { enum: ['very-high', 'high', 'medium', 'low'] },
    remediation: { type: 'string' },
    revoker: { type: 'string', minLength: 1 },
    examples: {
      type: 'object',
      additionalProperties: false,
      required: ['match', 'nomatch'],
      properties: {
        match: { type: 'array', minItems: 1, items: { type: 'string' } },
        nomatch: { type: 'array', minItems: 1, items: { type: 'string' } },
      },
    },
  },
} as const;

export const ruleFileSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    family: { type: 'string' },
    /** Default `grants` of the file's rules (a rule's own field wins). */
    grants,
    rules: { type: 'array', items: ruleSchema },
    'known-public': {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'description'],
        properties: { value: { type: 'string', minLength: 1 }, description: { type: 'string', minLength: 1 } },
      },
    },
  },
} as const;
