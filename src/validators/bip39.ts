// BIP39 English mnemonics: word list and checksum, plus the phrases every dev tool and test suite ships.
import { entropyToMnemonic, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import type { Validator } from '../core/validator.js';

const WORDS = new Set(wordlist);
const COUNTS = new Set([12, 15, 18, 21, 24]);

const DEV_PHRASES: Record<string, string> = {
  'test test test test test test test test test test test junk': 'Hardhat/Anvil default mnemonic',
  'myth like bonus scare over problem client lizard pioneer submit female collect': 'Ganache -d mnemonic',
  'candy maple cake sugar pudding cream honey rich smooth crumble sweet treat': 'Truffle develop mnemonic',
  'bottom drive obey lake curtain smoke basket hold race lonely fit walk': 'Substrate dev phrase',
};

// Trezor's python-mnemonic vectors with random-looking entropy (the structured ones are derived below).
const VECTOR_PHRASES = [
  'ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic',
  'gravity machine north sort system female filter attitude volume fold club stay feature office ecology stable narrow fog',
  'hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length',
  'scheme spot photo card baby mountain device kick cradle pact join borrow',
  'horn tenant knee talent sponsor spell gate clip pulse soap slush warm silver nephew swap uncle crack brave',
  'panda eyebrow bullet gorilla call smoke muffin taste mesh discover soft ostrich alcohol speed nation flash devote level hobby quick inner drive ghost inside',
  'cat swing flag economy stadium alone churn speed unique patch report train',
  'light rule cinnamon wrap drastic word pride squirrel upgrade then income fatal apart sustain crack supply proud access',
  'all hour make first leader extend hole alien behind guard gospel lava path output census museum junior mass reopen famous sing advance salt reform',
  'vessel ladder alter error federal sibling chat ability sun glass valve picture',
  'scissors invite lock maple supreme raw rapid void congress muscle digital elegant little brisk hair mango congress clump',
  'void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold',
];

let known: Map<string, string> | null = null;

/** Published phrases: dev-tool defaults and BIP39 test vectors (entropy of one repeated byte). */
export function knownMnemonics(): Map<string, string> {
  if (known) return known;
  known = new Map(Object.entries(DEV_PHRASES));
  for (const p of VECTOR_PHRASES) known.set(p, 'BIP39 test vector');
  for (const len of [16, 20, 24, 28, 32]) {
    for (const fill of [0x00, 0x7f, 0x80, 0xff]) {
      const phrase = entropyToMnemonic(new Uint8Array(len).fill(fill), wordlist);
      known.set(phrase, fill === 0 ? 'BIP39 test vector (all-zero entropy, "abandon … about")' : 'BIP39 test vector');
    }
  }
  return known;
}

/** Words of a phrase: split on whitespace (and list commas/quotes), lower-cased. */
export function mnemonicWords(phrase: string): string[] {
  return phrase
    .split(/[\s,]+/)
    .map((w) => w.replace(/^["'`]+|["'`]+$/g, '').toLowerCase())
    .filter((w) => w.length > 0);
}

export const bip39: Validator = ({ secret }) => {
  const words = mnemonicWords(secret);
  if (!COUNTS.has(words.length)) return { valid: false, reason: `${words.length} words; BIP39 uses 12/15/18/21/24` };
  const unknown = words.find((w) => !WORDS.has(w));
  if (unknown !== undefined) return { valid: false, reason: 'a word is not in the BIP39 English list' };
  const phrase = words.join(' ');
  if (!validateMnemonic(phrase, wordlist)) return { valid: false, reason: 'BIP39 checksum mismatch' };
  const knownPublic = knownMnemonics().get(phrase);
  return { valid: true, reason: `${words.length}-word BIP39 mnemonic, checksum valid`, ...(knownPublic ? { knownPublic } : {}) };
};
