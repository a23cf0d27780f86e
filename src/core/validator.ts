// Shared vocabulary: the offline check a rule names in `validate:`, as the engine calls it.

export interface ValidationResult {
  valid: boolean;
  /** Why it failed or what was checked, short. */
  reason?: string;
  /** For keys with a public counterpart: the address / public key the owner can look up. */
  address?: string;
  /** For key files: algorithm and size (RSA 2048, OpenSSH ed25519). */
  keyType?: string;
  /** Value is a published test key (validators may know vectors). */
  knownPublic?: string;
}

export interface ValidatorInput {
  /** The candidate secret, as matched. */
  secret: string;
  /** Whole match text (may include key name, PEM armour …). */
  match: string;
  /** Decoded text of the chunk, for validators that need surrounding structure (keystore JSON …). */
  text: () => string;
  /** Character offset of the match in text(). */
  index: () => number;
}

export type Validator = (input: ValidatorInput) => ValidationResult;

