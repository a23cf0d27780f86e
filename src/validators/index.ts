// Offline checks by the name rules give in `validate:`, each loaded on first use; one module per check.
import type { Validator } from '../core/validator.js';
import { lazyRequire } from '../util/lazy-require.js';

/**
 * A validator whose module (and its curve/wordlist libraries) loads on first use: most scans, and
 * nearly every pre-commit run, call none of them, and loading them all costs ~90 ms.
 */
function lazy(load: () => unknown, exported: string): Validator {
  let impl: Validator | undefined;
  return (input) => (impl ??= (load() as Record<string, Validator>)[exported]!)(input);
}

/** Offline checks by the name rules use in `validate:`. Each module holds one check. */
export const validators: Record<string, Validator> = {
  bip39: lazy(lazyRequire('./bip39.js', import.meta.url), 'bip39'),
  wif: lazy(lazyRequire('./wif.js', import.meta.url), 'wif'),
  bip38: lazy(lazyRequire('./bip38.js', import.meta.url), 'bip38'),
  'bip32-xprv': lazy(lazyRequire('./bip32-xprv.js', import.meta.url), 'bip32Xprv'),
  'solana-keypair': lazy(lazyRequire('./solana-keypair.js', import.meta.url), 'solanaKeypair'),
  'ed25519-keypair-b64': lazy(lazyRequire('./ed25519-keypair-b64.js', import.meta.url), 'ed25519KeypairB64'),
  'cosmos-validator-key': lazy(lazyRequire('./cosmos-validator-key.js', import.meta.url), 'cosmosValidatorKey'),
  'evm-private-key': lazy(lazyRequire('./evm-private-key.js', import.meta.url), 'evmPrivateKey'),
  'github-token': lazy(lazyRequire('./github-token.js', import.meta.url), 'githubToken'),
  'npm-token': lazy(lazyRequire('./npm-token.js', import.meta.url), 'npmToken'),
  'eth-keystore': lazy(lazyRequire('./eth-keystore.js', import.meta.url), 'ethKeystore'),
  'ec-p256-private-key': lazy(lazyRequire('./ec-p256-private-key.js', import.meta.url), 'ecP256PrivateKey'),
  'gitlab-token': lazy(lazyRequire('./gitlab-token.js', import.meta.url), 'gitlabToken'),
  'pem-private-key': lazy(lazyRequire('./pem-private-key.js', import.meta.url), 'pemPrivateKey'),
  'discord-bot-token': lazy(lazyRequire('./discord-bot-token.js', import.meta.url), 'discordBotToken'),
  'discord-webhook-url': lazy(lazyRequire('./discord-webhook-url.js', import.meta.url), 'discordWebhookUrl'),
  jwt: lazy(lazyRequire('./jwt.js', import.meta.url), 'jwt'),
};

/** keccak256(""), EIP-1967 slots …: handed to the engine, which drops them as candidates of any rule. */
export { wellKnownConstant } from './evm-constants.js';
