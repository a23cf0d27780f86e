import type { Validator } from '../engine/types.js';
import { bip32Xprv } from './bip32-xprv.js';
import { bip38 } from './bip38.js';
import { bip39 } from './bip39.js';
import { cosmosValidatorKey } from './cosmos-validator-key.js';
import { discordBotToken } from './discord-bot-token.js';
import { ed25519KeypairB64 } from './ed25519-keypair-b64.js';
import { ethKeystore } from './eth-keystore.js';
import { evmPrivateKey } from './evm-private-key.js';
import { githubToken } from './github-token.js';
import { jwt } from './jwt.js';
import { npmToken } from './npm-token.js';
import { pemPrivateKey } from './pem-private-key.js';
import { solanaKeypair } from './solana-keypair.js';
import { wif } from './wif.js';

/** Offline checks by the name rules use in `validate:`. Each module holds one check. */
export const validators: Record<string, Validator> = {
  bip39,
  wif,
  bip38,
  'bip32-xprv': bip32Xprv,
  'solana-keypair': solanaKeypair,
  'ed25519-keypair-b64': ed25519KeypairB64,
  'cosmos-validator-key': cosmosValidatorKey,
  'evm-private-key': evmPrivateKey,
  'github-token': githubToken,
  'npm-token': npmToken,
  'eth-keystore': ethKeystore,
  'pem-private-key': pemPrivateKey,
  'discord-bot-token': discordBotToken,
  jwt,
};
