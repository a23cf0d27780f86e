// Hand-built findings for the reporter tests. Secret values are derived at run time (no literal in the repo).
import { createHash } from 'node:crypto';
import { fingerprint } from '../../src/engine/fingerprint.js';
import { redact } from '../../src/engine/redact.js';
import { emptyStats, type Finding, type ScanStats } from '../../src/core/finding.js';
import type { RuleSpec } from '../../src/core/rule.js';
import type { ReportInput } from '../../src/report/types.js';

const hash = (seed: string) => createHash('sha256').update(`keyhound-report-test:${seed}`).digest();
export const hex = (seed: string, n = 64) => Buffer.concat([hash(seed), hash(seed + '+')]).toString('hex').slice(0, n);
export const alnum = (seed: string, n: number) =>
  Buffer.concat([hash(seed), hash(seed + '+'), hash(seed + '++')])
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, n);

export function rule(over: Partial<RuleSpec> & Pick<RuleSpec, 'id'>): RuleSpec {
  return {
    title: over.id,
    provider: 'test',
    severity: 'error',
    keywords: [],
    pattern: '(x)',
    tags: ['security', 'secret', 'crypto'],
    examples: { match: [], nomatch: [] },
    ...over,
  };
}

export function finding(r: RuleSpec, secret: string, over: Partial<Finding>): Finding {
  return {
    ruleId: r.id,
    title: r.title,
    provider: r.provider,
    severity: r.severity,
    file: 'a.txt',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1 + secret.length,
    secret,
    redacted: redact(secret),
    fingerprint: fingerprint(r.id, secret),
    validated: !!r.validate,
    message: r.title,
    tags: r.tags,
    grants: r.grants ?? 'service',
    ...over,
  };
}

export const RULES = {
  evm: rule({
    id: 'evm-private-key',
    title: 'EVM private key',
    provider: 'ethereum',
    validate: 'evm-private-key',
    precision: 'high',
    tags: ['security', 'secret', 'crypto', 'wallet'],
    grants: 'wallet',
    description: 'A secp256k1 private key of an Ethereum/EVM account: whoever holds it controls the funds.',
  }),
  binanceKey: rule({
    id: 'binance-api-key',
    title: 'Binance API key',
    provider: 'binance',
    severity: 'warning',
    pair: { id: 'binance', part: 'key' },
    tags: ['security', 'secret', 'crypto', 'exchange'],
    grants: 'exchange-account',
  }),
  binanceSecret: rule({
    id: 'binance-api-secret',
    title: 'Binance API secret',
    provider: 'binance',
    pair: { id: 'binance', part: 'secret' },
    tags: ['security', 'secret', 'crypto', 'exchange'],
    grants: 'exchange-account',
    remediation: 'Delete the key in Binance API Management, create a new one without withdrawal permission, purge it from git history.',
  }),
  infura: rule({ id: 'infura-project-id', title: 'Infura project id', provider: 'infura', severity: 'warning', tags: ['crypto', 'rpc'] }),
  github: rule({
    id: 'github-classic-token',
    title: 'GitHub token',
    provider: 'github',
    validate: 'github-token',
    precision: 'very-high',
    tags: ['security', 'secret'],
  }),
  cdp: rule({ id: 'coinbase-cdp-ec-private-key', title: 'Coinbase CDP API private key', provider: 'coinbase', tags: ['exchange', 'pem'], grants: 'exchange-account' }),
  unused: rule({ id: 'kraken-private-key', title: 'Kraken API private key', provider: 'kraken', tags: ['exchange'], grants: 'exchange-account' }),
};

export const SECRETS = {
  evm: hex('evm'),
  binanceKey: alnum('binance-key', 64),
  binanceSecret: alnum('binance-secret', 64),
  infura: hex('infura', 32),
  github: 'ghp_' + alnum('github', 36),
  cdp: `-----BEGIN EC PRIVATE KEY-----\n${alnum('cdp1', 64)}\n${alnum('cdp2', 32)}\n-----END EC PRIVATE KEY-----`,
  /** A public development key (here: a stand-in value) reported as a note. */
  hardhat: hex('hardhat'),
};

/** Values that must never appear in output without showSecrets. */
export const PLANTED: string[] = Object.values(SECRETS);

export const UNICODE_FILE = 'docs/Ünïcode 日本 dir/notes, v1: 100%.md';

export function sampleFindings(): Finding[] {
  const key = finding(RULES.binanceKey, SECRETS.binanceKey, {
    file: 'config/.env',
    line: 2,
    column: 17,
    endLine: 2,
    endColumn: 81,
    key: 'BINANCE_API_KEY',
    pair: RULES.binanceKey.pair!,
    message: 'Binance API key assigned to BINANCE_API_KEY',
  });
  const secret = finding(RULES.binanceSecret, SECRETS.binanceSecret, {
    file: 'config/.env',
    line: 3,
    column: 20,
    endLine: 3,
    endColumn: 84,
    key: 'BINANCE_API_SECRET',
    pair: RULES.binanceSecret.pair!,
    message: 'Binance API secret assigned to BINANCE_API_SECRET',
  });
  key.related = [secret.fingerprint];
  secret.related = [key.fingerprint];
  return [
    finding(RULES.evm, SECRETS.evm, {
      file: 'src/deploy.ts',
      line: 12,
      column: 27,
      endLine: 12,
      endColumn: 93,
      address: '0x' + hex('evm-address', 40),
      key: 'PRIVATE_KEY',
      message: 'EVM private key assigned to PRIVATE_KEY (offline check passed)',
    }),
    key,
    secret,
    finding(RULES.infura, SECRETS.infura, {
      file: UNICODE_FILE,
      line: 7,
      column: 30,
      endLine: 7,
      // a bad end column from upstream: must not yield an empty SARIF region
      endColumn: 30,
      message: 'Infura project id',
    }),
    finding(RULES.github, SECRETS.github, {
      file: 'old/secrets.txt',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 41,
      // an upstream bug that put the raw value into a note must not leak it
      decoded: `base64 value decoding to ${SECRETS.github}`,
      message: 'GitHub token (offline check passed)',
      commit: {
        sha: hex('commit-sha', 40),
        author: 'Ada Lovelace',
        email: 'ada@example.org',
        date: '2024-01-02T10:00:00Z',
        subject: 'add deployment config',
        removedIn: hex('removed-sha', 40),
        removedDate: '2024-02-13T09:00:00Z',
        exposureDays: 42,
        presentAtHead: false,
        paths: ['old/secrets.txt', 'legacy/secrets.txt'],
      },
    }),
    finding(RULES.cdp, SECRETS.cdp, {
      file: 'cdp_api_key.json',
      line: 3,
      column: 18,
      endLine: 6,
      endColumn: 30,
      key: 'privateKey',
      message: 'Coinbase CDP API private key assigned to privateKey',
    }),
    finding(RULES.evm, SECRETS.hardhat, {
      file: 'hardhat.config.ts',
      line: 9,
      column: 17,
      endLine: 9,
      endColumn: 83,
      severity: 'note',
      knownPublic: 'Hardhat/Anvil default account #0',
      address: '0x' + hex('hardhat-address', 40),
      key: 'accounts',
      message: 'EVM private key: known public test key (Hardhat/Anvil default account #0); not a leak, but never use it for real funds or accounts',
    }),
  ];
}

export function sampleStats(findings: Finding[]): ScanStats {
  const s = emptyStats();
  s.files = 1234;
  s.bytes = 5_678_901;
  s.durationMs = 1532;
  s.skipped = { binary: 3, tooLarge: 1, unreadable: 0, ignored: 17, lockfile: 0 };
  s.suppressed = { inline: 2, ignoreFile: 0, baseline: 5, allow: 1 };
  for (const f of findings) s.findings[f.severity]++;
  s.warnings = ['could not read .git/packed-refs'];
  return s;
}

export function sampleInput(over: Partial<ReportInput> = {}): ReportInput {
  const findings = over.findings ?? sampleFindings();
  return {
    findings,
    // the CDP rule is left out on purpose: a finding of an unlisted rule still gets a descriptor
    rules: [RULES.evm, RULES.binanceKey, RULES.binanceSecret, RULES.infura, RULES.github, RULES.unused],
    stats: sampleStats(findings),
    tool: { name: 'keyhound', version: '0.1.0', informationUri: 'https://github.com/keyhound/keyhound' },
    showSecrets: false,
    root: '/work/repo with space',
    ...over,
  };
}

export function emptyInput(): ReportInput {
  return sampleInput({ findings: [], stats: { ...emptyStats(), files: 10, bytes: 2048, durationMs: 12 } });
}

/** Forms a planted value could take in an output: raw, JSON-escaped, and its tail (beyond the redacted prefix). */
export function leakForms(secret: string): string[] {
  const forms = new Set<string>([secret, JSON.stringify(secret).slice(1, -1)]);
  for (const line of secret.split('\n')) if (line.length >= 16 && !line.startsWith('-----')) forms.add(line);
  if (!secret.includes('\n')) forms.add(secret.slice(4, 20));
  return [...forms];
}

export function assertNoLeak(output: string, label: string): void {
  for (const s of PLANTED) {
    for (const form of leakForms(s)) {
      if (output.includes(form)) throw new Error(`${label}: planted secret leaked (form ${JSON.stringify(form.slice(0, 6))}…)`);
    }
  }
}
