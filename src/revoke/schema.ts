// JSON schema of revoke.yaml (the user's own revocation configuration).

const duration = {
  anyOf: [
    { type: 'number', exclusiveMinimum: 0 },
    { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(ms|s|m|h)$' },
  ],
} as const;

const rate = {
  type: 'object',
  additionalProperties: false,
  required: ['requests', 'per'],
  properties: {
    requests: { type: 'integer', minimum: 1 },
    per: duration,
  },
} as const;

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const envName = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } as const;

export const issuerSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    type: { enum: ['github', 'webhook', 'bybit', 'binance', 'alchemy'] },
    enabled: { type: 'boolean' },
    /** Route findings of these rule ids (`*` wildcards) to this issuer, whatever the rule's revoker. */
    rules: stringList,
    /** Route findings of these providers to this issuer. */
    providers: stringList,
    concurrency: { type: 'integer', minimum: 1, maximum: 32 },
    rateLimit: rate,
    timeout: duration,
    retries: { type: 'integer', minimum: 0, maximum: 10 },
    // github
    apiUrl: { type: 'string', minLength: 1 },
    // bybit, binance, alchemy
    baseUrl: { type: 'string', minLength: 1 },
    recvWindow: { type: 'integer', minimum: 1, maximum: 60000 },
    account: { enum: ['master', 'sub'] },
    apiKeyEnv: envName,
    secretEnv: envName,
    subAccountEmail: { type: 'string', minLength: 3 },
    subAccountEmailEnv: envName,
    tokenEnv: envName,
    // webhook
    url: { type: 'string', minLength: 1 },
    method: { enum: ['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'put', 'patch', 'delete'] },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: { type: 'string' },
    encoding: { enum: ['json', 'form', 'raw'] },
    signingSecretEnv: envName,
    signatureHeader: { type: 'string', pattern: '^[A-Za-z0-9-]+$' },
  },
} as const;

export const revokeConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    /** Requests in flight at once, over all issuers. */
    concurrency: { type: 'integer', minimum: 1, maximum: 64 },
    auditLog: { type: 'string', minLength: 1 },
    stateFile: { type: 'string', minLength: 1 },
    retry: {
      type: 'object',
      additionalProperties: false,
      properties: {
        retries: { type: 'integer', minimum: 0, maximum: 10 },
        baseDelay: duration,
        maxDelay: duration,
        /** Longest wait honoured (Retry-After, rate-limit reset); longer = failed now, retried on the next run. */
        maxWait: duration,
      },
    },
    issuers: {
      type: 'object',
      propertyNames: { pattern: '^[a-z0-9]+([-_][a-z0-9]+)*$' },
      additionalProperties: issuerSchema,
    },
  },
} as const;
