// File names that say a file holds secrets. Such files are scanned even when git-ignored: ignoring is
// exactly what people do with them, and an ignored file still leaks through backups, images and shares.

const NAMES: RegExp[] = [
  /^\.env(\..+)?$/i, // .env, .env.local, .env.production
  /\.env$/i, // prod.env
  /\.(pem|key|p8|p12|pfx|jks|keystore|ppk|kdbx|asc\.key)$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/i, // ssh private keys (not the .pub)
  /\.tfvars(\.json)?$/i,
  /\.tfstate(\.backup)?$/i,
  /^(\.?credentials|secrets?)(\.[a-z0-9]+)?$/i,
  /credentials?\.(json|ya?ml|toml|ini|txt)$/i,
  /^service[-_]?account.*\.json$/i,
  /^\.(npmrc|pypirc|netrc|git-credentials|dockercfg|pgpass|s3cfg)$/i,
  /keystore/i,
  /^UTC--\d{4}-/, // go-ethereum keystore files
  /wallet/i,
  /^(mnemonic|seed-?phrase|seed)(\.[a-z0-9]+)?$/i,
];

/** True when the last path segment is named like a secret file (.env, *.pem, id_rsa, *.tfvars, wallet …). */
export function namedLikeSecret(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return NAMES.some((re) => re.test(base));
}
