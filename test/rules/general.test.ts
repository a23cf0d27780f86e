// General-secret rules over realistic project files: planted tokens and keys are found with the right
// rule; decoys (checksum-broken tokens, documented examples, templates, public keys, certificates,
// truncated PEM) raise nothing.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { Engine } from '../../src/engine/scanner.js';
import type { Finding } from '../../src/core/finding.js';
import { expandExample } from '../../src/rules/example-values.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';

const { rules, knownPublic } = loadRuleDir();
const engine = new Engine(rules, { validators, wellKnownConstant, knownPublic });

const gen = (template: string, seed: string) => expandExample(template, `general-test:${seed}`);
const scan = (path: string, text: string): Finding[] => engine.scan(Buffer.from(text, 'utf8'), path);
const alerts = (fs: Finding[]) => fs.filter((f) => f.severity !== 'note');
const show = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.line}:${f.column}`).join(', ');

const v = {
  ghp: gen('{{github:ghp}}', 'ghp'),
  gho: gen('{{github:gho}}', 'gho'),
  ghs: gen('{{github:ghs}}', 'ghs'),
  pat: gen('{{github-pat}}', 'pat'),
  npm: gen('{{npm}}', 'npm'),
  awsId: gen('AKIA{{upper:16}}', 'aws-id'),
  awsSecret: gen('{{b64:30}}', 'aws-secret'),
  slackBot: gen('xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}', 'slack-bot'),
  slackApp: gen('xapp-1-A{{upper:10}}-{{digits:13}}-{{hex:64}}', 'slack-app'),
  slackHook: gen('https://hooks.slack.com/services/T{{upper:8}}/B{{upper:10}}/{{alnum:24}}', 'slack-hook'),
  stripeLive: gen('sk_live_{{alnum:99}}', 'stripe-live'),
  stripeTest: gen('sk_test_{{alnum:99}}', 'stripe-test'),
  telegram: gen('{{digits:10}}:AA{{b64url:33}}', 'telegram'),
  discord: gen('{{discord}}', 'discord'),
  openai: gen('sk-proj-{{b64url:74}}T3BlbkFJ{{b64url:74}}', 'openai'),
  rsa: gen('{{pem:rsa}}', 'rsa'),
  openssh: gen('{{pem:openssh}}', 'openssh'),
  ecEscaped: gen('{{pem:ec-escaped}}', 'ec-escaped'),
  encrypted: gen('{{pem:encrypted}}', 'encrypted'),
};

const files: Record<string, string> = {
  '.env': `# app secrets
DATABASE_URL=postgres://app@localhost:5432/app
GITHUB_PAT=${v.pat}
STRIPE_SECRET_KEY=${v.stripeLive}
STRIPE_TEST_SECRET_KEY=${v.stripeTest}
OPENAI_API_KEY=${v.openai}
`,
  '.npmrc': `registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken=${v.npm}
always-auth=true
`,
  'deploy/release.sh': `#!/usr/bin/env bash
set -euo pipefail
git clone "https://${v.ghp}@github.com/acme/infra.git" /tmp/infra
curl -s -X POST -H 'Content-type: application/json' --data '{"text":"released"}' ${v.slackHook}
`,
  'aws/credentials': `[default]
region = eu-west-1
aws_access_key_id = ${v.awsId}
aws_secret_access_key = ${v.awsSecret}
`,
  'bot/settings.py': `import os

SLACK_BOT_TOKEN = "${v.slackBot}"
SLACK_APP_TOKEN = "${v.slackApp}"
TELEGRAM_BOT_TOKEN = "${v.telegram}"
GITHUB_OAUTH_TOKEN = "${v.gho}"
`,
  'bot/index.js': `const { Client, GatewayIntentBits } = require("discord.js");

const client = new Client({ intents: [GatewayIntentBits.Guilds] });
client.once("ready", () => console.log(\`Logged in as \${client.user.tag}\`));
client.login("${v.discord}");
`,
  'ci/app-token.log': `Run actions/create-github-app-token@v1
  token: ${v.ghs}
`,
  'deploy/id_ed25519': v.openssh,
  'certs/server.key': v.rsa,
  'config/signer.json': `{
  "name": "signer",
  "privateKey": "${v.ecEscaped}"
}
`,
  'certs/backup.key': v.encrypted,
};

const planted: Array<{ file: string; ruleId: string; secret?: string; severity: string }> = [
  { file: '.env', ruleId: 'github-fine-grained-pat', secret: v.pat, severity: 'error' },
  { file: '.env', ruleId: 'stripe-live-secret-key', secret: v.stripeLive, severity: 'error' },
  { file: '.env', ruleId: 'stripe-test-secret-key', secret: v.stripeTest, severity: 'warning' },
  { file: '.env', ruleId: 'openai-api-key', secret: v.openai, severity: 'error' },
  { file: '.npmrc', ruleId: 'npm-access-token', secret: v.npm, severity: 'error' },
  { file: 'deploy/release.sh', ruleId: 'github-classic-token', secret: v.ghp, severity: 'error' },
  { file: 'deploy/release.sh', ruleId: 'slack-webhook-url', secret: v.slackHook, severity: 'error' },
  { file: 'aws/credentials', ruleId: 'aws-access-key-id', secret: v.awsId, severity: 'warning' },
  { file: 'aws/credentials', ruleId: 'aws-secret-access-key', secret: v.awsSecret, severity: 'error' },
  { file: 'bot/settings.py', ruleId: 'slack-token', secret: v.slackBot, severity: 'error' },
  { file: 'bot/settings.py', ruleId: 'slack-app-token', secret: v.slackApp, severity: 'error' },
  { file: 'bot/settings.py', ruleId: 'telegram-bot-token', secret: v.telegram, severity: 'error' },
  { file: 'bot/settings.py', ruleId: 'github-classic-token', secret: v.gho, severity: 'error' },
  { file: 'bot/index.js', ruleId: 'discord-bot-token', secret: v.discord, severity: 'error' },
  { file: 'ci/app-token.log', ruleId: 'github-app-installation-token', secret: v.ghs, severity: 'warning' },
  { file: 'deploy/id_ed25519', ruleId: 'private-key-pem', severity: 'error' },
  { file: 'certs/server.key', ruleId: 'private-key-pem', severity: 'error' },
  { file: 'config/signer.json', ruleId: 'private-key-pem', severity: 'error' },
  { file: 'certs/backup.key', ruleId: 'private-key-pem-encrypted', severity: 'warning' },
];

describe('general rules: planted secrets', () => {
  const results = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, scan(path, text)]));

  for (const p of planted) {
    it(`${p.file}: ${p.ruleId}`, () => {
      const hits = results[p.file]!.filter((f) => f.ruleId === p.ruleId && (p.secret === undefined || f.secret === p.secret));
      assert.equal(hits.length, 1, `findings in ${p.file}: ${show(results[p.file]!)}`);
      assert.equal(hits[0]!.severity, p.severity);
    });
  }

  it('each planted value is reported once, by the expected rule', () => {
    for (const [path, fs] of Object.entries(results)) {
      const want = planted.filter((p) => p.file === path).map((p) => p.ruleId).sort();
      assert.deepEqual(alerts(fs).map((f) => f.ruleId).sort(), want, `${path}: ${show(fs)}`);
    }
  });

  it('checksummed tokens and PEM keys are validated offline', () => {
    for (const id of ['github-classic-token', 'github-fine-grained-pat', 'npm-access-token', 'discord-bot-token', 'private-key-pem']) {
      const all = Object.values(results).flat().filter((f) => f.ruleId === id);
      assert.ok(all.length > 0 && all.every((f) => f.validated), id);
    }
  });

  it('the AWS key id and secret are linked as a pair', () => {
    const fs = results['aws/credentials']!;
    const id = fs.find((f) => f.ruleId === 'aws-access-key-id')!;
    const secret = fs.find((f) => f.ruleId === 'aws-secret-access-key')!;
    assert.ok(id.related?.includes(secret.fingerprint));
    assert.ok(secret.related?.includes(id.fingerprint));
  });

  it('GitHub tokens that GitHub can revoke name the github revoker; ghs_ does not', () => {
    const byId = new Map(rules.map((r) => [r.id, r]));
    assert.equal(byId.get('github-classic-token')!.revoker, 'github');
    assert.equal(byId.get('github-fine-grained-pat')!.revoker, 'github');
    assert.equal(byId.get('github-app-installation-token')!.revoker, undefined);
  });

  it('a PEM block built by string concatenation in code is found and validated', () => {
    // (a body line starting with '+' trips the validator's concatenation clean-up: reported, seed avoids it)
    const lines = gen('{{pem:rsa-pkcs8}}', 'rsa-concat').trimEnd().split('\n');
    assert.ok(lines.every((l) => !l.startsWith('+')));
    const js = `const KEY =\n${lines.map((l) => `  "${l}\\n"`).join(' +\n')};\nexport default KEY;\n`;
    const fs = alerts(scan('src/signer.js', js));
    assert.deepEqual(fs.map((f) => f.ruleId), ['private-key-pem']);
    assert.equal(fs[0]!.validated, true);
  });

  it('an AWS secret under a generic name beside its key id (Terraform) is found and paired', () => {
    const tf = `provider "aws" {\n  region     = "eu-west-1"\n  access_key = "${v.awsId}"\n  secret_key = "${v.awsSecret}"\n}\n`;
    const fs = alerts(scan('infra/main.tf', tf));
    assert.deepEqual(fs.map((f) => f.ruleId).sort(), ['aws-access-key-id', 'aws-secret-access-key-beside-id']);
    const id = fs.find((f) => f.ruleId === 'aws-access-key-id')!;
    assert.equal(id.related?.length, 1);
  });

  it('a PEM block indented under a YAML block scalar is found at its body', () => {
    const yaml = `signer:\n  key: |\n${v.rsa.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}\n`;
    const fs = alerts(scan('config/signer.yaml', yaml));
    assert.deepEqual(fs.map((f) => f.ruleId), ['private-key-pem']);
    assert.equal(fs[0]!.line, 4);
    assert.equal(fs[0]!.validated, true);
  });
});

// ───────────────────────────── decoys ─────────────────────────────

const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
const certBody = gen('{{b64:420}}', 'cert')
  .match(/.{1,64}/g)!
  .join('\n');

const decoys: Record<string, string> = {
  'test/fixtures/tokens.ts': `// Tokens with a wrong checksum: the parser must reject them.
export const BAD_TOKENS = [
  "${gen('{{github-bad:ghp}}', 'bad1')}",
  "${gen('{{github-bad:gho}}', 'bad2')}",
  "${gen('{{github-bad:ghs}}', 'bad3')}",
];
export const BAD_NPM = "${gen('{{npm-bad}}', 'bad-npm')}";
export const PREFIXES = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "npm_"];
`,
  '.github/workflows/release.yml': `name: release
on: { push: { tags: ["v*"] } }
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
          SLACK_WEBHOOK_URL: \${{ secrets.SLACK_WEBHOOK_URL }}
`,
  '.env.example': `GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
GITHUB_PAT=github_pat_<your-token>
NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
SLACK_BOT_TOKEN=xoxb-your-bot-token
SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
STRIPE_SECRET_KEY=sk_live_...
STRIPE_PUBLISHABLE_KEY=${gen('pk_live_{{alnum:99}}', 'pk')}
TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11
DISCORD_TOKEN=your-discord-bot-token
OPENAI_API_KEY=sk-proj-...
`,
  'docs/aws.md': `Set credentials with \`aws configure\`; the example pair from the AWS docs is
\`AKIAIOSFODNN7EXAMPLE\` / \`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\`.
The commit that added the SDK is ${gen('{{hex:40}}', 'commit')}.
aws_secret_access_key_sha = ${gen('{{b64:30}}', 'sha')}
`,
  'keys/webhook_public.pem': publicPem,
  'certs/ca.crt': `-----BEGIN CERTIFICATE-----\n${certBody}\n-----END CERTIFICATE-----\n`,
  'certs/partial.key': gen('{{pem-truncated:rsa}}', 'truncated'),
  'certs/partial-ec.key': gen('{{pem-truncated}}', 'truncated-ec'),
  'src/pem.ts': `export function kind(pem: string): string {
  if (pem.includes("-----BEGIN RSA PRIVATE KEY-----")) return "pkcs1";
  if (pem.includes("-----BEGIN PRIVATE KEY-----")) return "pkcs8";
  if (pem.includes("-----BEGIN OPENSSH PRIVATE KEY-----")) return "openssh";
  return "unknown"; // see -----END PRIVATE KEY-----
}
export const TEMPLATE = "-----BEGIN PRIVATE KEY-----\\n<your key here>\\n-----END PRIVATE KEY-----\\n";
`,
  'src/openai.py': `# OpenAI keys contain T3BlbkFJ, the base64 of "OpenAI".
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
`,
  'bot/config.js': `// discord bot: the token comes from the environment
module.exports = { token: process.env.DISCORD_TOKEN, clientId: "${gen('{{digits:18}}', 'client-id')}" };
// discord webhook id, not a token
const session = "${gen('{{b64url:24}}', 'sess1')}.${gen('{{b64url:6}}', 'sess2')}.${gen('{{b64url:27}}', 'sess3')}";
`,
};

// Documented public values, assembled at run time so this file holds no token literal.
const stripeDocsKey = 'sk_test_4eC39Hq' + 'LyjWDarjtT1zdp7dc';
const slackDocsToken = 'xoxb-17653672481-' + '19874698323-pdFZKVeTuE8sk7oOcBrzbqgy';
decoys['docs/payments.md'] = `## Try it
\`\`\`bash
curl https://api.stripe.com/v1/charges -u ${stripeDocsKey}: -d amount=2000 -d currency=usd
\`\`\`
\`\`\`python
client = WebClient(token="${slackDocsToken}")
\`\`\`
`;

describe('general rules: decoys', () => {
  for (const [path, text] of Object.entries(decoys)) {
    it(`${path} raises no warning or error`, () => {
      assert.deepEqual(alerts(scan(path, text)).map((f) => `${f.ruleId} at ${f.line}:${f.column}`), []);
    });
  }
});

describe('general rules: documented public values', () => {
  it('Stripe and Slack documentation tokens are reported as notes, not leaks', () => {
    const fs = scan('docs/payments.md', decoys['docs/payments.md']!);
    assert.deepEqual(fs.map((f) => `${f.ruleId}:${f.severity}`).sort(), ['slack-token:note', 'stripe-test-secret-key:note']);
  });
});
