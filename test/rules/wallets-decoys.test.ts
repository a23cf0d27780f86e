// The whole rule pack over a realistic dApp repository: hashes, topics, slots and published test keys
// must raise nothing above note; generated wallet secrets planted beside them must all be found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { Engine } from '../../src/engine/scanner.js';
import type { Finding } from '../../src/core/finding.js';
import { expandExample } from '../../src/rules/example-values.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { validators, wellKnownConstant } from '../../src/validators/index.js';

const { rules, knownPublic } = loadRuleDir();
const engine = new Engine(rules, { validators, wellKnownConstant, knownPublic });

/** Files of a repository; `{{…}}` placeholders are expanded per file with a fixed seed. */
type Repo = Record<string, string>;

function scanRepo(repo: Repo, seed: string): { files: Record<string, string>; findings: Finding[] } {
  const files: Record<string, string> = {};
  const findings: Finding[] = [];
  for (const [path, template] of Object.entries(repo)) {
    const text = expandExample(template, `${seed}:${path}`);
    files[path] = text;
    findings.push(...engine.scan(Buffer.from(text, 'utf8'), path));
  }
  return { files, findings };
}

const describeFinding = (f: Finding) => `${f.ruleId} ${f.severity} ${f.file}:${f.line} key=${f.key ?? '-'} ${f.knownPublic ?? ''}`;

const DECOYS: Repo = {
  'hardhat.config.ts': `import { HardhatUserConfig } from "hardhat/config";
import "@nomicfoundation/hardhat-toolbox";
import * as dotenv from "dotenv";
dotenv.config();

const PRIVATE_KEY = process.env.PRIVATE_KEY ?? "";
const DEPLOYER_KEY = process.env.DEPLOYER_PRIVATE_KEY || "0x" + "0".repeat(64);
const LOCAL_KEY = process.env.LOCAL_PRIVATE_KEY ?? "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const DEPLOY_TX = process.env.DEPLOY_TX_HASH || "0x{{hex:64}}";

const config: HardhatUserConfig = {
  solidity: { version: "0.8.24", settings: { optimizer: { enabled: true, runs: 200 } } },
  networks: {
    hardhat: { chainId: 31337, accounts: { mnemonic: "test test test test test test test test test test test junk" } },
    localhost: {
      url: "http://127.0.0.1:8545",
      // Anvil/Hardhat account #0, public on purpose
      accounts: ["0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"],
    },
    sepolia: {
      url: \`https://sepolia.infura.io/v3/\${process.env.INFURA_API_KEY}\`,
      accounts: PRIVATE_KEY ? [PRIVATE_KEY] : [],
    },
    mainnet: {
      url: process.env.MAINNET_RPC_URL || "",
      accounts: [
        process.env.DEPLOYER_PRIVATE_KEY!,
        process.env.OPERATOR_PRIVATE_KEY!,
      ],
    },
  },
  etherscan: { apiKey: process.env.ETHERSCAN_API_KEY },
  // forked at this block; the genesis hash is only for the sanity check below
  forking: { blockNumber: 19000000, blockHash: "0x{{hex:64}}" },
};

export default config;
`,
  'deployments/mainnet/Token.json': `{
  "address": "0x{{hex:40}}",
  "transactionHash": "0x{{hex:64}}",
  "receipt": {
    "to": null,
    "from": "0x{{hex:40}}",
    "contractAddress": "0x{{hex:40}}",
    "transactionIndex": 42,
    "gasUsed": "1843212",
    "logsBloom": "0x{{hex:512}}",
    "blockHash": "0x{{hex:64}}",
    "transactionHash": "0x{{hex:64}}",
    "logs": [
      {
        "transactionIndex": 42,
        "blockNumber": 19012345,
        "transactionHash": "0x{{hex:64}}",
        "address": "0x{{hex:40}}",
        "topics": [
          "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
          "0x000000000000000000000000{{hex:40}}",
          "0x000000000000000000000000{{hex:40}}"
        ],
        "data": "0x{{hex:64}}",
        "logIndex": 7,
        "blockHash": "0x{{hex:64}}"
      },
      {
        "topics": [
          "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925",
          "0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d"
        ],
        "data": "0x"
      }
    ],
    "blockNumber": 19012345,
    "cumulativeGasUsed": "9823411",
    "status": 1
  },
  "args": ["Token", "TKN"],
  "numDeployments": 1,
  "solcInputHash": "{{hex:32}}",
  "metadata": "{\\"compiler\\":{\\"version\\":\\"0.8.24\\"}}",
  "bytecode": "0x608060405234801561001057600080fd5b50{{hex:120}}",
  "storageLayout": {
    "storage": [{ "slot": "0", "label": "_balances" }],
    "implementationSlot": "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc"
  },
  "codeHash": "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
  "txs": [
    "0x{{hex:64}}",
    "0x{{hex:64}}"
  ]
}
`,
  'contracts/Token.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

contract Token is AccessControl {
    bytes32 public constant MINTER_ROLE = 0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6;
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    bytes32 internal constant _IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    bytes32 private constant PERMIT_TYPEHASH = 0x{{hex:64}};
    bytes32 private constant EMPTY_CODE_HASH = 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470;
    bytes32 public immutable DOMAIN_SEPARATOR;
    bytes32 public merkleRoot = 0x{{hex:64}};
    // keccak256("Transfer(address,address,uint256)")
    bytes32 constant TRANSFER_TOPIC = 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef;
    uint256 private constant SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    mapping(bytes32 => bool) public usedSalts;

    function deploy(bytes32 salt) external {
        require(!usedSalts[salt], "used");
        bytes32 expected = 0x{{hex:64}};
        assert(keccak256(abi.encode(salt)) != expected);
    }
}
`,
  'README.md': `# Token

Deploy with Foundry:

\`\`\`sh
cp .env.example .env   # then set PRIVATE_KEY=0xYOUR_PRIVATE_KEY
forge script script/Deploy.s.sol --rpc-url $RPC_URL --private-key $PRIVATE_KEY --broadcast
\`\`\`

The deployment is https://etherscan.io/tx/0x{{hex:64}} (block 0x{{hex:64}}).

For local testing, Anvil prints the usual dev accounts. The BIP39 test vector used by our wallet tests:

    mnemonic: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about

Never commit a real seed phrase. Do not put your twelve words anywhere online or in any file here.

Seed the local database with \`npm run seed\` before the first run; the seed script creates twelve test users.

Treasury watch-only key (public): xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8

Solana program id: {{solana-pub}} — fee payer {{solana-pub}}.
`,
  '.env.example': `# copy to .env
PRIVATE_KEY=0xYOUR_PRIVATE_KEY
DEPLOYER_PRIVATE_KEY=
MNEMONIC="your twelve word mnemonic goes here"
ETHERSCAN_API_KEY=
SOLANA_PRIVATE_KEY=<base58 secret key>
`,
  'scripts/verify.py': `import os
from web3 import Web3

w3 = Web3(Web3.HTTPProvider(os.environ["RPC_URL"]))
account = w3.eth.account.from_key(os.environ["PRIVATE_KEY"])

DEPLOY_TX = "0x{{hex:64}}"
tx_hash = "0x{{hex:64}}"
receipt = w3.eth.wait_for_transaction_receipt(tx_hash)
assert receipt.logs[0].topics[0].hex() == "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
signer_address = "0x{{hex:40}}"
`,
  'test/fixtures/blocks.json': `[
  {"number": 1, "hash": "0x{{hex:64}}", "parentHash": "0x{{hex:64}}", "stateRoot": "0x{{hex:64}}", "transactions": ["0x{{hex:64}}", "0x{{hex:64}}"]},
  {"number": 2, "hash": "0x{{hex:64}}", "parentHash": "0x{{hex:64}}", "stateRoot": "0x{{hex:64}}", "transactions": []}
]
`,
  '.env': `TX_HASH=0x{{hex:64}}
CREATE2_SALT=0x{{hex:64}}
SIGNER_ADDRESS=0x{{hex:40}}
PRIVATE_KEY=
PRIVATE_KEY_PATH=./keys/deployer.json
SAFE_TX_HASH=0x{{hex:64}}
DEPLOYER_PUBLIC_KEY=0x04{{hex:128}}
ADMIN_ROLE=0x{{hex:64}}
WALLET_CONNECT_PROJECT_ID={{hex:32}}
`,
  'chain/genesis.json': `{
  "config": { "chainId": 1337 },
  "alloc": {
    "0x{{hex:40}}": {
      "balance": "0x200000000000000000000000000000000000000000000000000000000000000",
      "storage": { "0x{{hex:64}}": "0x{{hex:64}}" }
    }
  },
  "signer": { "r": "0x{{hex:64}}", "s": "0x{{hex:64}}", "v": "0x1b" },
  "accounts": { "deployer": { "address": "0x{{hex:40}}", "codeHash": "0x{{hex:64}}" } },
  "wallet": { "genesisHash": "0x{{hex:64}}", "stateRoot": "0x{{hex:64}}" }
}
`,
  '.github/workflows/deploy.yml': `name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      PRIVATE_KEY: \${{ secrets.DEPLOYER_PRIVATE_KEY }}
      MNEMONIC: \${{ secrets.MNEMONIC }}
    steps:
      - uses: actions/checkout@v4
      - run: forge script script/Deploy.s.sol --private-key "$PRIVATE_KEY" --broadcast
      - run: echo "deployed in tx 0x{{hex:64}}"
`,
  'test/Token.t.sol': `contract TokenTest is Test {
    uint256 internal alicePk = 0xA11CE;
    address internal alice = vm.addr(alicePk);

    function testPermit() public {
        bytes32 digest = 0x{{hex:64}};
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(alicePk, digest);
        bytes32 expectedR = 0x{{hex:64}};
        assertEq(r, expectedR);
    }
}
`,
  'logs/solana-wallet.log': `wallet {{solana-pub}} sent 0.5 SOL, signature {{b58:88}}
wallet {{solana-pub}} sent 1.2 SOL, signature {{b58:87}}
secret rotation job ok, signer {{solana-pub}}
`,
  'cosmos/genesis.json': `{
  "validators": [
    { "address": "{{HEX:40}}", "pub_key": { "type": "tendermint/PubKeyEd25519", "value": "{{b64:32}}" }, "power": "10" }
  ],
  "app_hash": "{{HEX:64}}"
}
`,
  'cardano/payment.vkey': `{
    "type": "PaymentVerificationKeyShelley_ed25519",
    "description": "Payment Verification Key",
    "cborHex": "5820{{hex:64}}"
}
`,
  'polkadot/README.md': `Dev accounts:

    $ subkey inspect //Alice
    Secret Key URI \`//Alice\` is account:
      Network ID:        substrate
      Secret seed:       0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a
      Public key (hex):  0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
      Account ID:        0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
      SS58 Address:      5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY

Run a collator with \`--chain rococo-local --alice\` or set SURI=//Bob.
`,
  'keys/encrypted-note.json': `{"alg": "A256GCM", "ciphertext": "{{hex:64}}", "iv": "{{hex:24}}", "tag": "{{hex:32}}"}
`,
  'docs/wallet-faq.md': `## Lost my seed phrase?

Your seed phrase looks like this (this one is invalid on purpose): "{{bip39-bad:12}}".
Another made-up recovery phrase: {{bip39-bad:24}}
Write your recovery words on paper; never type them into any website.
`,
};

function evmAddressOf(keyHex: string): string {
  const pub = secp256k1.getPublicKey(hexToBytes(keyHex), false).subarray(1);
  const addr = bytesToHex(keccak_256(pub).subarray(12));
  const h = bytesToHex(keccak_256(new TextEncoder().encode(addr)));
  return '0x' + [...addr].map((c, i) => (parseInt(h[i]!, 16) >= 8 ? c.toUpperCase() : c)).join('');
}

describe('wallet rules on a decoy-heavy repository', () => {
  const { findings } = scanRepo(DECOYS, 'decoys');
  it('raises no warning or error', () => {
    assert.deepEqual(findings.filter((f) => f.severity !== 'note').map(describeFinding), []);
  });
  it('reports the published keys it meets as notes', () => {
    const notes = findings.filter((f) => f.severity === 'note');
    assert.ok(notes.some((f) => f.ruleId.startsWith('evm-private-key') && /Hardhat\/Anvil account #0/.test(f.knownPublic ?? '')), notes.map(describeFinding).join('\n'));
    assert.ok(notes.some((f) => f.ruleId === 'bip39-mnemonic' && /BIP39 test vector/.test(f.knownPublic ?? '')), notes.map(describeFinding).join('\n'));
    assert.ok(notes.some((f) => f.ruleId === 'evm-private-key' && /account #1/.test(f.knownPublic ?? '')), notes.map(describeFinding).join('\n'));
  });
});

const PLANTED: Repo = {
  '.env': `RPC_URL=https://eth-mainnet.g.alchemy.com/v2/\${ALCHEMY_KEY}
PRIVATE_KEY=0x{{evm-key}}
MNEMONIC="{{bip39:12}}"
BTC_WIF={{wif:compressed}}
`,
  'hardhat.config.js': `module.exports = {
  networks: {
    mainnet: {
      url: process.env.MAINNET_RPC_URL,
      accounts: [
        "0x{{evm-key}}",
        "0x{{evm-key}}",
      ],
    },
  },
};
`,
  'scripts/fallback.js': `const pk = process.env.PRIVATE_KEY || "0x{{evm-key}}";
`,
  'scripts/deploy.ts': `const account = privateKeyToAccount("0x{{evm-key}}");
const wallet = ethers.Wallet.fromPhrase("{{bip39:24}}");
`,
  'wallets/id.json': `{{solana:json}}
`,
  'wallets/phantom.txt': `phantom export: {{solana:b58}}
`,
  'keystore/UTC--2024-01-01T00-00-00.000Z--wallet.json': `{{keystore}}
`,
  'config/priv_validator_key.json': `{{cosmos-validator-json}}
`,
  'btc/keys.md': `cold storage: {{xprv:zprv}}
paper wallet: {{bip38}}
`,
  'cosmos/exported-key.txt': `$ gaiad keys export validator
{{cosmos-armored-key}}`,
  'polkadot/.env': `# polkadot collator
SURI=0x{{hex:64}}
`,
  'config/bot.yaml': `rpc_url: https://mainnet.infura.io/v3/\${INFURA_ID}
chain_id: 1
signer:
  address: "0x{{hex:40}}"
bitget:
  api_key: "bg_{{hex:32}}"
  secret_key: "{{hex:64}}"
`,
  'scripts/pin.js': `const provider = new ethers.JsonRpcProvider(process.env.RPC_URL);
const pinataSecretApiKey = "{{hex:64}}";
`,
  'cardano/payment.skey': `{
    "type": "PaymentSigningKeyShelley_ed25519",
    "description": "Payment Signing Key",
    "cborHex": "5820{{hex:64}}"
}
`,
};

const EXPECTED: Record<string, string[]> = {
  '.env': ['evm-private-key', 'bip39-mnemonic', 'bitcoin-wif-private-key'],
  'hardhat.config.js': ['evm-private-key', 'evm-private-key-list'],
  'scripts/fallback.js': ['evm-private-key'],
  'scripts/deploy.ts': ['evm-private-key-call', 'bip39-mnemonic'],
  'wallets/id.json': ['solana-keypair-json'],
  'wallets/phantom.txt': ['solana-keypair-base58'],
  'keystore/UTC--2024-01-01T00-00-00.000Z--wallet.json': ['ethereum-keystore-v3'],
  'config/priv_validator_key.json': ['cometbft-private-key'],
  'btc/keys.md': ['bip32-extended-private-key', 'bitcoin-bip38-encrypted-key'],
  'cosmos/exported-key.txt': ['cosmos-armored-private-key'],
  'polkadot/.env': ['substrate-secret-seed'],
  'cardano/payment.skey': ['cardano-signing-key'],
};

describe('wallet rules on planted generated secrets', () => {
  const { files, findings } = scanRepo(PLANTED, 'planted');
  it('finds every planted secret, above note level', () => {
    for (const [file, ruleIds] of Object.entries(EXPECTED)) {
      const here = findings.filter((f) => f.file === file && f.severity !== 'note');
      const got = new Set(here.map((f) => f.ruleId));
      for (const id of ruleIds) assert.ok(got.has(id), `${file}: expected ${id}, got ${[...got].join(', ') || 'nothing'}`);
    }
  });
  it('finds both keys of the multi-line hardhat accounts list', () => {
    const keys = findings.filter((f) => f.file === 'hardhat.config.js' && f.ruleId.startsWith('evm-private-key'));
    assert.equal(keys.length, 2);
    const env = findings.filter((f) => f.file === '.env' && f.ruleId === 'evm-private-key');
    assert.equal(env.length, 1);
  });
  it('leaves 64-hex provider secrets near EVM code to the provider rules', () => {
    const evm = findings.filter((f) => (f.file === 'config/bot.yaml' || f.file === 'scripts/pin.js') && f.ruleId.startsWith('evm-'));
    assert.deepEqual(evm.map(describeFinding), []);
  });
  it('EVM findings carry the derived EIP-55 address', () => {
    const evm = findings.filter((f) => f.ruleId.startsWith('evm-private-key'));
    assert.ok(evm.length >= 4);
    for (const f of evm) {
      assert.equal(f.validated, true);
      assert.equal(f.address, evmAddressOf(f.secret.replace(/^0x/i, '')));
    }
    const fromEnv = /PRIVATE_KEY=0x([0-9a-f]{64})/.exec(files['.env']!)![1]!;
    assert.equal(evm.find((f) => f.file === '.env')!.address, evmAddressOf(fromEnv));
  });
  it('Solana and CometBFT findings carry the public address', () => {
    const sol = findings.find((f) => f.ruleId === 'solana-keypair-json')!;
    assert.match(sol.address!, /^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    const cmt = findings.find((f) => f.ruleId === 'cometbft-private-key')!;
    const doc = JSON.parse(files['config/priv_validator_key.json']!) as { address: string };
    assert.equal(cmt.address, doc.address);
  });
});

describe('known-public list', () => {
  const entries = knownPublic.filter((k) => /Hardhat|Ganache|Truffle|Besu|Moonbeam|Substrate|BIP3|Bitcoin wiki/.test(k.description));
  const check = (name: string, value: string) =>
    validators[name]!({ secret: value, match: value, text: () => value, index: () => 0 });
  it('holds the 20 Hardhat/Anvil keys, numbered', () => {
    for (let i = 0; i < 20; i++) assert.ok(knownPublic.some((k) => k.description === `Hardhat/Anvil account #${i}`), `#${i}`);
  });
  it('every wallet entry passes its own offline check', () => {
    for (const { value, description } of entries) {
      const v = value.trim();
      const name = /^(0x)?[0-9a-f]{64}$/i.test(v)
        ? 'evm-private-key'
        : /^xprv/.test(v)
          ? 'bip32-xprv'
          : /^6P/.test(v)
            ? 'bip38'
            : /^[5KL9c][1-9A-HJ-NP-Za-km-z]{50,51}$/.test(v)
              ? 'wif'
              : 'bip39';
      assert.equal(check(name, v).valid, true, `${description}: ${name}`);
    }
  });
  it('Hardhat keys derive the documented addresses', () => {
    const key = (i: number) => knownPublic.find((k) => k.description === `Hardhat/Anvil account #${i}`)!.value;
    assert.equal(evmAddressOf(key(0).slice(2)), '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    assert.equal(evmAddressOf(key(1).slice(2)), '0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    assert.equal(evmAddressOf(key(2).slice(2)), '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
  });
  it('lists no hash, topic or slot constant (those are not keys, the validator drops them)', () => {
    for (const { value } of knownPublic) {
      if (/^(0x)?[0-9a-f]{64}$/i.test(value)) assert.equal(check('evm-private-key', value).valid, true, value);
    }
  });
});
