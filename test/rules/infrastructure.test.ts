// Crypto infrastructure rules over realistic dApp files: planted keys are found with the right rule,
// decoys (public ids, templates, placeholders, hashes, other UUIDs, public keys) raise nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../src/engine/scanner.js';
import type { Finding } from '../../src/core/finding.js';
import { expandExample } from '../../src/rules/example-values.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';

const { rules, knownPublic } = loadRuleDir();
const engine = new Engine(rules, { validators, wellKnownConstant, knownPublic });

/** A generated value, fixed by its seed. */
const gen = (template: string, seed: string) => expandExample(template, `infrastructure-test:${seed}`);
const scan = (path: string, text: string): Finding[] => engine.scan(Buffer.from(text, 'utf8'), path);
const alerts = (fs: Finding[]) => fs.filter((f) => f.severity !== 'note');

const v = {
  infuraId: gen('{{hex:32}}', 'infura-id'),
  infuraSecret: gen('{{hex:32}}', 'infura-secret'),
  infuraUrlId: gen('{{hex:32}}', 'infura-url-id'),
  infuraFrontId: gen('{{hex:32}}', 'infura-front-id'),
  alchemyKey: gen('{{alnum:32}}', 'alchemy-key'),
  alchemyUrlKey: gen('{{b64url:32}}', 'alchemy-url-key'),
  alchemyFrontKey: gen('{{alnum:32}}', 'alchemy-front'),
  alchemyAuth: gen('alcht_{{alnum:30}}', 'alchemy-auth'),
  quicknode: gen('{{hex:40}}', 'quicknode'),
  ankr: gen('{{hex:64}}', 'ankr'),
  chainstack: gen('{{hex:32}}', 'chainstack'),
  helius: gen('{{uuid}}', 'helius'),
  heliusEnv: gen('{{uuid}}', 'helius-env'),
  etherscan: gen('{{upper:34}}', 'etherscan'),
  etherscanEnv: gen('{{upper:34}}', 'etherscan-env'),
  bscscan: gen('{{upper:34}}', 'bscscan'),
  cmc: gen('{{uuid}}', 'cmc'),
  cmcGas: gen('{{uuid}}', 'cmc-gas'),
  coingecko: gen('CG-{{alnum:24}}', 'coingecko'),
  moralisJwt: gen('{{jwt}}', 'moralis-jwt'),
  moralisLegacy: gen('{{alnum:64}}', 'moralis-legacy'),
  goldrush: gen('cqt_{{alnum:28}}', 'goldrush'),
  covalentLegacy: gen('ckey_{{hex:27}}', 'covalent-legacy'),
  graph: gen('{{hex:32}}', 'graph'),
  graphEnv: gen('{{hex:32}}', 'graph-env'),
  subgraphId: gen('{{b58:44}}', 'subgraph-id'),
  tatum: gen('t-{{hex:24}}-{{hex:24}}', 'tatum'),
  bitgo: gen('v2x{{hex:64}}', 'bitgo'),
  fireblocksKey: gen('{{uuid}}', 'fireblocks-key'),
  fireblocksPem: gen('{{pem:rsa-pkcs8}}', 'fireblocks-pem'),
  tokenMetrics: gen('tm-{{uuid}}', 'token-metrics'),
  getblock: gen('{{hex:32}}', 'getblock'),
  drpc: gen('{{b64url:44}}', 'drpc'),
  pinataKey: gen('{{hex:20}}', 'pinata-key'),
  pinataSecret: gen('{{hex:64}}', 'pinata-secret'),
  pinataJwt: gen('{{jwt}}', 'pinata-jwt'),
  infuraProviderId: gen('{{hex:32}}', 'infura-provider'),
};

const dappEnv = `# ── dApp backend (.env) ──
NODE_ENV=production
PORT=8080

# RPC
INFURA_PROJECT_ID=${v.infuraId}
INFURA_PROJECT_SECRET=${v.infuraSecret}
SEPOLIA_RPC_URL=https://sepolia.infura.io/v3/${v.infuraUrlId}
ALCHEMY_API_KEY=${v.alchemyKey}
ALCHEMY_AUTH_TOKEN=${v.alchemyAuth}
SOLANA_RPC_URL=https://mainnet.helius-rpc.com/?api-key=${v.helius}
HELIUS_API_KEY=${v.heliusEnv}
BASE_RPC_URL=https://flashy-weathered-pine.base-mainnet.quiknode.pro/${v.quicknode}/
ETH_ARCHIVE_RPC=https://ethereum-mainnet.core.chainstack.com/${v.chainstack}

# explorers and market data
ETHERSCAN_API_KEY=${v.etherscanEnv}
COINMARKETCAP_API_KEY=${v.cmc}
COINGECKO_API_KEY=${v.coingecko}

# indexers
MORALIS_API_KEY=${v.moralisJwt}
GOLDRUSH_API_KEY=${v.goldrush}
THEGRAPH_API_KEY=${v.graphEnv}

# custody
TATUM_API_KEY=${v.tatum}
BITGO_ACCESS_TOKEN=${v.bitgo}
FIREBLOCKS_API_KEY=${v.fireblocksKey}
FIREBLOCKS_SECRET_KEY="${v.fireblocksPem.trimEnd().replace(/\n/g, '\\n')}"
TOKEN_METRICS_API_KEY=${v.tokenMetrics}
`;

const hardhatConfig = `import type { HardhatUserConfig } from "hardhat/config";
import "@nomicfoundation/hardhat-toolbox";
import "hardhat-gas-reporter";
import * as dotenv from "dotenv";

dotenv.config();

const DEPLOYER_KEY = process.env.DEPLOYER_KEY ?? "";
const ALCHEMY_API_KEY = process.env.ALCHEMY_API_KEY;

const config: HardhatUserConfig = {
  solidity: { version: "0.8.24", settings: { optimizer: { enabled: true, runs: 200 } } },
  networks: {
    mainnet: {
      url: \`https://eth-mainnet.g.alchemy.com/v2/\${ALCHEMY_API_KEY}\`,
      accounts: DEPLOYER_KEY ? [DEPLOYER_KEY] : [],
    },
    polygon: {
      url: "https://polygon-mainnet.g.alchemy.com/v2/${v.alchemyUrlKey}",
      accounts: DEPLOYER_KEY ? [DEPLOYER_KEY] : [],
    },
    bsc: {
      url: "https://rpc.ankr.com/bsc/${v.ankr}",
      chainId: 56,
    },
  },
  etherscan: {
    apiKey: {
      mainnet: "${v.etherscan}",
      bsc: "${v.bscscan}",
      polygon: process.env.POLYGONSCAN_API_KEY || "",
    },
  },
  gasReporter: {
    enabled: process.env.REPORT_GAS !== undefined,
    currency: "USD",
    coinmarketcap: "${v.cmcGas}",
  },
};

export default config;
`;

const frontendConfig = `import { configureChains, createConfig } from "wagmi";
import { mainnet, polygon } from "wagmi/chains";
import { alchemyProvider } from "wagmi/providers/alchemy";
import { infuraProvider } from "wagmi/providers/infura";

const { chains, publicClient } = configureChains(
  [mainnet, polygon],
  [
    alchemyProvider({ apiKey: "${v.alchemyFrontKey}" }),
    infuraProvider({ apiKey: "${v.infuraFrontId}" }),
  ],
);

export const SUBGRAPH_URL =
  "https://gateway.thegraph.com/api/${v.graph}/subgraphs/id/${v.subgraphId}";

export const wagmiConfig = createConfig({ autoConnect: true, publicClient });
export { chains };
`;

const backendPy = `import os
import requests
from moralis import evm_api

MORALIS_API_KEY = "${v.moralisLegacy}"  # moralis legacy key
COVALENT_API_KEY = "${v.covalentLegacy}"  # covalent


def balances(address: str):
    return evm_api.balance.get_native_balance(api_key=MORALIS_API_KEY, params={"address": address})
`;

const nftScript = `// Mint script: pins metadata to IPFS, then mints on BSC.
const pinataSDK = require("@pinata/sdk");
const { ethers } = require("ethers");

const pinata = new pinataSDK({
  pinataApiKey: "${v.pinataKey}",
  pinataSecretApiKey: "${v.pinataSecret}",
});
const PINATA_JWT = "${v.pinataJwt}";

const bsc = new ethers.JsonRpcProvider("https://go.getblock.io/${v.getblock}");
const eth = new ethers.JsonRpcProvider("https://lb.drpc.org/ogrpc?network=ethereum&dkey=${v.drpc}");
const wallet = new ethers.Wallet(process.env.MINTER_KEY, bsc);
const mainnet = new ethers.providers.InfuraProvider("homestead", "${v.infuraProviderId}");
`;

const planted: Array<{ file: string; ruleId: string; secret: string; todo?: string }> = [
  { file: '.env', ruleId: 'infura-project-id', secret: v.infuraId },
  { file: '.env', ruleId: 'infura-api-key-secret', secret: v.infuraSecret },
  { file: '.env', ruleId: 'infura-project-id-url', secret: v.infuraUrlId },
  { file: '.env', ruleId: 'alchemy-api-key', secret: v.alchemyKey },
  { file: '.env', ruleId: 'alchemy-auth-token', secret: v.alchemyAuth },
  { file: '.env', ruleId: 'helius-api-key-url', secret: v.helius },
  { file: '.env', ruleId: 'helius-api-key', secret: v.heliusEnv },
  { file: '.env', ruleId: 'quicknode-endpoint-token', secret: v.quicknode },
  { file: '.env', ruleId: 'chainstack-endpoint-key', secret: v.chainstack },
  { file: '.env', ruleId: 'etherscan-api-key', secret: v.etherscanEnv },
  { file: '.env', ruleId: 'coinmarketcap-api-key', secret: v.cmc },
  { file: '.env', ruleId: 'coingecko-api-key', secret: v.coingecko },
  { file: '.env', ruleId: 'moralis-api-key-jwt', secret: v.moralisJwt },
  { file: '.env', ruleId: 'covalent-api-key', secret: v.goldrush },
  { file: '.env', ruleId: 'thegraph-api-key', secret: v.graphEnv },
  { file: '.env', ruleId: 'tatum-api-key', secret: v.tatum },
  { file: '.env', ruleId: 'bitgo-access-token', secret: v.bitgo },
  { file: '.env', ruleId: 'fireblocks-api-key', secret: v.fireblocksKey },
  { file: '.env', ruleId: 'fireblocks-secret-key', secret: '' },
  { file: '.env', ruleId: 'token-metrics-api-key', secret: v.tokenMetrics },
  { file: 'hardhat.config.ts', ruleId: 'alchemy-api-key-url', secret: v.alchemyUrlKey },
  { file: 'hardhat.config.ts', ruleId: 'ankr-rpc-key', secret: v.ankr },
  { file: 'hardhat.config.ts', ruleId: 'etherscan-api-key', secret: v.etherscan },
  { file: 'hardhat.config.ts', ruleId: 'etherscan-api-key', secret: v.bscscan },
  { file: 'hardhat.config.ts', ruleId: 'coinmarketcap-api-key', secret: v.cmcGas },
  { file: 'src/config/wagmi.ts', ruleId: 'alchemy-api-key', secret: v.alchemyFrontKey },
  { file: 'src/config/wagmi.ts', ruleId: 'infura-project-id', secret: v.infuraFrontId },
  { file: 'src/config/wagmi.ts', ruleId: 'thegraph-api-key-url', secret: v.graph },
  { file: 'services/balances.py', ruleId: 'moralis-api-key', secret: v.moralisLegacy },
  { file: 'services/balances.py', ruleId: 'covalent-api-key-legacy', secret: v.covalentLegacy },
  { file: 'scripts/mint.js', ruleId: 'pinata-api-key', secret: v.pinataKey },
  {
    file: 'scripts/mint.js',
    ruleId: 'pinata-api-secret',
    secret: v.pinataSecret,
  },
  { file: 'scripts/mint.js', ruleId: 'pinata-jwt', secret: v.pinataJwt },
  { file: 'scripts/mint.js', ruleId: 'getblock-access-token', secret: v.getblock },
  { file: 'scripts/mint.js', ruleId: 'drpc-api-key', secret: v.drpc },
  { file: 'scripts/mint.js', ruleId: 'infura-project-id-provider', secret: v.infuraProviderId },
];

const texts: Record<string, string> = {
  '.env': dappEnv,
  'hardhat.config.ts': hardhatConfig,
  'src/config/wagmi.ts': frontendConfig,
  'services/balances.py': backendPy,
  'scripts/mint.js': nftScript,
};

describe('infrastructure rules: planted keys in a dApp', () => {
  const results = Object.fromEntries(Object.entries(texts).map(([path, text]) => [path, scan(path, text)]));

  for (const p of planted) {
    it(`${p.file}: ${p.ruleId}`, p.todo ? { todo: p.todo } : {}, () => {
      const hits = results[p.file]!.filter((f) => f.ruleId === p.ruleId && (p.secret === '' || f.secret === p.secret));
      assert.equal(hits.length, 1, `findings in ${p.file}: ${results[p.file]!.map((f) => `${f.ruleId}@${f.line}`).join(', ')}`);
      assert.notEqual(hits[0]!.severity, 'note');
    });
  }

  it('each planted value is reported once, by the expected rule', () => {
    for (const [path, fs] of Object.entries(results)) {
      const expected = planted.filter((p) => p.file === path).length;
      assert.equal(alerts(fs).length, expected, `${path}: ${alerts(fs).map((f) => `${f.ruleId}@${f.line}`).join(', ')}`);
    }
  });

  it('the Fireblocks PEM wins over the generic private-key rule and is validated', () => {
    const f = results['.env']!.find((x) => x.ruleId === 'fireblocks-secret-key')!;
    assert.equal(f.validated, true);
    assert.equal(results['.env']!.some((x) => x.ruleId === 'private-key-pem'), false);
  });

  it('Infura id and secret, Fireblocks key and secret are linked as pairs', () => {
    const env = results['.env']!;
    const id = env.find((f) => f.ruleId === 'infura-project-id')!;
    const secret = env.find((f) => f.ruleId === 'infura-api-key-secret')!;
    assert.ok(id.related?.includes(secret.fingerprint));
    const fk = env.find((f) => f.ruleId === 'fireblocks-api-key')!;
    const fs = env.find((f) => f.ruleId === 'fireblocks-secret-key')!;
    assert.ok(fk.related?.includes(fs.fingerprint));
  });

  it('severities follow the family policy', () => {
    const sev = (id: string) => results['.env']!.find((f) => f.ruleId === id)!.severity;
    assert.equal(sev('infura-project-id'), 'warning');
    assert.equal(sev('infura-api-key-secret'), 'error');
    assert.equal(sev('bitgo-access-token'), 'error');
    assert.equal(sev('fireblocks-secret-key'), 'error');
  });
});

// ───────────────────────────── decoys ─────────────────────────────

const hex64 = (seed: string) => gen('{{hex:64}}', seed);
const hex40 = (seed: string) => gen('{{hex:40}}', seed);
const uuid = (seed: string) => gen('{{uuid}}', seed);

const envExample = `# Copy to .env and fill in
INFURA_PROJECT_ID=your_infura_project_id
INFURA_PROJECT_SECRET=<infura-secret>
MAINNET_RPC_URL=https://mainnet.infura.io/v3/\${INFURA_PROJECT_ID}
PUBLIC_RPC_URL=https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161
LEGACY_RPC_URL=https://mainnet.infura.io/v3/84842078b09946638c03157f83405213
ALCHEMY_API_KEY=demo
ALCHEMY_URL=https://eth-mainnet.g.alchemy.com/v2/demo
POLYGON_RPC=https://polygon-mainnet.g.alchemy.com/v2/YOUR_ALCHEMY_KEY
ALCHEMY_AUTH_TOKEN=alcht_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
BASE_RPC_URL=https://your-endpoint.base-mainnet.quiknode.pro/<token>/
BSC_RPC=https://rpc.ankr.com/bsc
SOLANA_RPC_URL=https://mainnet.helius-rpc.com/?api-key=\${HELIUS_API_KEY}
HELIUS_API_KEY=<your-helius-key>
ETHERSCAN_API_KEY=YourApiKeyToken
BSCSCAN_API_KEY=
COINMARKETCAP_API_KEY=b54bcf4d-1bca-4e8e-9a24-22ff2c3d462c
COINGECKO_API_KEY=CG-xxxxxxxxxxxxxxxxxxxxxxxx
MORALIS_API_KEY=\${MORALIS_API_KEY}
GOLDRUSH_API_KEY=cqt_your_key_here
COVALENT_API_KEY=ckey_xxxxxxxxxxxxxxxxxxxxxxxxxxx
TATUM_API_KEY=t-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx
BITGO_ACCESS_TOKEN=v2x<your-access-token>
FIREBLOCKS_API_KEY=00000000-0000-0000-0000-000000000000
FIREBLOCKS_SECRET_KEY_PATH=./secrets/fireblocks_secret.key
TOKEN_METRICS_API_KEY=tm-your-api-key
SUBGRAPH_URL=https://gateway.thegraph.com/api/[api-key]/subgraphs/id/${gen('{{b58:44}}', 'decoy-subgraph')}
`;

const hardhatDecoy = `require("@nomicfoundation/hardhat-toolbox");
require("dotenv").config();

module.exports = {
  solidity: "0.8.20",
  networks: {
    sepolia: {
      url: \`https://sepolia.infura.io/v3/\${process.env.INFURA_API_KEY}\`,
      accounts: [process.env.DEPLOYER_PRIVATE_KEY],
    },
    arbitrum: {
      url: "https://arb-mainnet.g.alchemy.com/v2/" + process.env.ALCHEMY_KEY,
    },
  },
  etherscan: {
    apiKey: process.env.ETHERSCAN_API_KEY,
  },
  gasReporter: { coinmarketcap: process.env.COINMARKETCAP_API_KEY, currency: "USD" },
};
`;

const verifyScript = `// Verifies deployments on etherscan and records them.
import { ethers } from "ethers";

const DEPLOYMENTS = {
  token: { address: "0x${hex40('d-token')}", txHash: "0x${hex64('d-tx1')}" },
  vault: { address: "0x${hex40('d-vault')}", txHash: "0x${hex64('d-tx2')}" },
};

// https://etherscan.io/tx/0x${hex64('d-tx3')}
// https://bscscan.com/address/0x${hex40('d-addr')}#code
const blockHash = "0x${hex64('d-block')}";
const TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
const INIT_CODE_HASH = "0x${hex64('d-init')}";
const deploymentId = "${gen('{{hex:32}}', 'd-deployment')}"; // subgraph deployment, not a key
`;

const cmcFixture = `{
  "status": {
    "timestamp": "2024-05-01T10:00:00.000Z",
    "error_code": 0,
    "credit_count": 1,
    "request_id": "${uuid('d-cmc-req')}",
    "notice": "coinmarketcap sandbox"
  },
  "data": [{ "id": 1, "name": "Bitcoin", "symbol": "BTC", "quote": { "USD": { "price": 64000.12 } } }]
}
`;

const fireblocksWebhook = `# fireblocks webhook handling
import json

FIREBLOCKS_WEBHOOK_PUBLIC_KEY = """-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${gen('{{b64:180}}', 'd-pub').slice(0, 200)}
${gen('{{b64:150}}', 'd-pub2')}
-----END PUBLIC KEY-----"""

SAMPLE_EVENT = {
    "type": "TRANSACTION_STATUS_UPDATED",
    "tenantId": "${uuid('d-tenant')}",
    "data": {"id": "${uuid('d-fbtx')}", "status": "COMPLETED", "txHash": "0x${hex64('d-fbhash')}"},
}
FIREBLOCKS_TX_ID = "${uuid('d-fbtx2')}"
`;

const frontendDecoy = `import { http, createConfig } from "wagmi";
import { mainnet } from "wagmi/chains";

// alchemy and infura keys come from the environment
const alchemyKey = import.meta.env.VITE_ALCHEMY_API_KEY;
const infuraId = process.env.NEXT_PUBLIC_INFURA_ID;
export const config = createConfig({
  chains: [mainnet],
  transports: { [mainnet.id]: http(\`https://eth-mainnet.g.alchemy.com/v2/\${alchemyKey}\`) },
});
export const HELIUS = \`https://mainnet.helius-rpc.com/?api-key=\${import.meta.env.VITE_HELIUS_KEY}\`;
export const CG_HEADER = { "x-cg-demo-api-key": process.env.COINGECKO_KEY };
const projectId = "${gen('{{hex:32}}', 'd-wc')}"; // WalletConnect Cloud project id, public by design
const { chains } = configureChains([mainnet], [infuraProvider({ apiKey: process.env.INFURA_KEY! }), publicProvider()]);
const orderId = "${uuid('d-order')}"; // tatum order, not a key
const cssClass = "svg-${gen('{{lower:24}}', 'd-css')}";
`;

const decoys: Record<string, string> = {
  '.env.example': envExample,
  'hardhat.config.js': hardhatDecoy,
  'scripts/verify.ts': verifyScript,
  'test/fixtures/cmc-listings.json': cmcFixture,
  'services/fireblocks_webhook.py': fireblocksWebhook,
  'src/wagmi.ts': frontendDecoy,
};

describe('infrastructure rules: decoys', () => {
  for (const [path, text] of Object.entries(decoys)) {
    it(`${path} raises no warning or error`, () => {
      const fs = alerts(scan(path, text));
      assert.deepEqual(
        fs.map((f) => `${f.ruleId} at ${f.line}:${f.column}`),
        [],
      );
    });
  }

  it('public Infura ids and the CoinMarketCap sandbox key are reported as notes', () => {
    const notes = scan('.env.example', envExample).filter((f) => f.severity === 'note');
    const ids = notes.map((f) => f.ruleId).sort();
    assert.deepEqual(ids, ['coinmarketcap-api-key', 'infura-project-id-url', 'infura-project-id-url']);
    assert.ok(notes.every((f) => f.knownPublic));
  });
});
