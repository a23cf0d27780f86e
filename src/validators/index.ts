// Offline checks by the name rules give in `validate:`, each loaded on first use; one module per check.
import { createRequire } from 'node:module';
import type { Validator } from '../core/validator.js';

const require = createRequire(import.meta.url);

/**
 * A validator whose module (and its curve/wordlist libraries) loads on first use: most scans, and
 * nearly every pre-commit run, call none of them, and loading them all costs ~90 ms.
 */
function lazy(file: string, exported: string): Validator {
  let impl: Validator | undefined;
  return (input) => (impl ??= (require(file) as Record<string, Validator>)[exported]!)(input);
}

/** Offline checks by the name rules use in `validate:`. Each module holds one check. */
export const validators: Record<string, Validator> = {
  bip39: lazy('./bip39.js', 'bip39'),
  wif: lazy('./wif.js', 'wif'),
  bip38: lazy('./bip38.js', 'bip38'),
  'bip32-xprv': lazy('./bip32-xprv.js', 'bip32Xprv'),
  'solana-keypair': lazy('./solana-keypair.js', 'solanaKeypair'),
  'ed25519-keypair-b64': lazy('./ed25519-keypair-b64.js', 'ed25519KeypairB64'),
  'cosmos-validator-key': lazy('./cosmos-validator-key.js', 'cosmosValidatorKey'),
  'evm-private-key': lazy('./evm-private-key.js', 'evmPrivateKey'),
  'github-token': lazy('./github-token.js', 'githubToken'),
  'npm-token': lazy('./npm-token.js', 'npmToken'),
  'eth-keystore': lazy('./eth-keystore.js', 'ethKeystore'),
  'pem-private-key': lazy('./pem-private-key.js', 'pemPrivateKey'),
  'discord-bot-token': lazy('./discord-bot-token.js', 'discordBotToken'),
  jwt: lazy('./jwt.js', 'jwt'),
};

/** keccak256(""), EIP-1967 slots …: handed to the engine, which drops them as candidates of any rule. */
export { wellKnownConstant } from './evm-constants.js';
