// 32-byte values every EVM project carries that are hashes, topics or slots, never keys.
import type * as Sha2 from '@noble/hashes/sha2.js';
import type * as Sha3 from '@noble/hashes/sha3.js';
import type * as HashUtils from '@noble/hashes/utils.js';
import { lazyRequire } from '../util/lazy-require.js';

// loaded with the table: a clean pre-commit run looks up no constant and never loads them
const sha2 = lazyRequire<typeof Sha2>('@noble/hashes/sha2.js');
const sha3 = lazyRequire<typeof Sha3>('@noble/hashes/sha3.js');
const hashUtils = lazyRequire<typeof HashUtils>('@noble/hashes/utils.js');

const KECCAK_OF = [
  '',
  // ERC-20 / 721 / 1155 / ownership / proxy events
  'Transfer(address,address,uint256)',
  'Approval(address,address,uint256)',
  'ApprovalForAll(address,address,bool)',
  'TransferSingle(address,address,address,uint256,uint256)',
  'TransferBatch(address,address,address,uint256[],uint256[])',
  'OwnershipTransferred(address,address)',
  'Upgraded(address)',
  'AdminChanged(address,address)',
  'BeaconUpgraded(address)',
  'Deposit(address,uint256)',
  'Withdrawal(address,uint256)',
  'Sync(uint112,uint112)',
  'Swap(address,uint256,uint256,uint256,uint256,address)',
  'RoleGranted(bytes32,address,address)',
  'RoleRevoked(bytes32,address,address)',
  'Initialized(uint8)',
  'Initialized(uint64)',
  // AccessControl roles
  'MINTER_ROLE',
  'PAUSER_ROLE',
  'BURNER_ROLE',
  'ADMIN_ROLE',
  'UPGRADER_ROLE',
  'OPERATOR_ROLE',
  'MANAGER_ROLE',
  // EIP-712
  'EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)',
  'Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)',
];

/** EIP-1967 slots are keccak256(label) - 1. */
const SLOT_LABELS = ['eip1967.proxy.implementation', 'eip1967.proxy.admin', 'eip1967.proxy.beacon'];

function minusOne(h: Uint8Array): string {
  const { bytesToHex } = hashUtils();
  return (BigInt('0x' + bytesToHex(h)) - 1n).toString(16).padStart(64, '0');
}

let constants: Map<string, string> | null = null;

/** Built on first use: hashing these at import would cost every start-up, even a clean pre-commit run. */
function table(): Map<string, string> {
  if (constants) return constants;
  const { keccak_256 } = sha3();
  const { sha256 } = sha2();
  const { bytesToHex, utf8ToBytes } = hashUtils();
  const c = new Map<string, string>();
  for (const s of KECCAK_OF) c.set(bytesToHex(keccak_256(utf8ToBytes(s))), s === '' ? 'keccak256("")' : `keccak256("${s}")`);
  for (const s of SLOT_LABELS) c.set(minusOne(keccak_256(utf8ToBytes(s))), `EIP-1967 slot ${s}`);
  c.set(bytesToHex(keccak_256(Uint8Array.of(0x80))), 'empty trie root keccak256(rlp(""))');
  c.set(bytesToHex(keccak_256(Uint8Array.of(0xc0))), 'empty uncles hash keccak256(rlp([]))');
  c.set(bytesToHex(sha256(new Uint8Array(0))), 'sha256("")');
  return (constants = c);
}

/** What a well-known 32-byte constant is, or undefined. `hex` is 64 lower-case hex characters. */
export function wellKnownConstant(hex: string): string | undefined {
  return table().get(hex);
}
