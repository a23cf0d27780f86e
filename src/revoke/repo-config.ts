// The trust boundary. A `.keyhound.yaml` inside the scanned tree is written by whoever can open a pull
// request, so for revocation it may only say `revoke: false`. Anything else about revocation in it
// (endpoints, issuers, webhooks, `revoke: true`) is refused with a warning and never used.
import { existsSync, statSync } from 'node:fs';
import { readRegularFile } from '../util/safe-fs.js';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

/** The one revocation key a scanned tree's config may hold: `revoke: false` disables revocation. */
export const REPO_REVOKE_KEY = 'revoke';

/** JSON-schema fragment for the config schema (issue 4): `revoke` is a boolean, nothing more. */
export const repoRevokeSchema = { type: 'boolean' } as const;

export interface RepoRevokeVerdict {
  /** The tree's config says `revoke: false`. */
  disabled: boolean;
  /** Refused settings, ready to print. */
  warnings: string[];
  /** Config file read, if any. */
  file?: string;
}

const SUSPECT_KEY = /revok|webhook|issuer|endpoint|callback/i;

/** Judges the parsed content of a scanned tree's config file. */
export function judgeRepoConfig(data: unknown, file: string): RepoRevokeVerdict {
  const out: RepoRevokeVerdict = { disabled: false, warnings: [], file };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  const refused: string[] = [];
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (k === REPO_REVOKE_KEY) {
      if (v === false) out.disabled = true;
      else if (v === true) refused.push(`"revoke: true" (the scanned tree can only disable revocation; enable it with --revoke)`);
      else refused.push(`"revoke:" with ${Array.isArray(v) ? 'a list' : typeof v === 'object' && v ? 'settings' : JSON.stringify(v)}`);
    } else if (SUSPECT_KEY.test(k)) {
      refused.push(`"${k}:"`);
    }
  }
  if (refused.length > 0) {
    out.warnings.push(
      `${file}: refused revocation settings ${refused.join(', ')}: a config inside the scanned tree may only ` +
        `disable revocation (revoke: false); endpoints and credentials come only from --revoke-config, ` +
        `$XDG_CONFIG_HOME/keyhound/revoke.yaml or the environment`,
    );
  }
  return out;
}

/** Reads the scanned tree's config (`--config FILE`, else `.keyhound.yaml`/`.keyhound.yml` at the root). */
export function readRepoConfig(root: string, configFile?: string): RepoRevokeVerdict {
  let file = configFile ? resolve(configFile) : undefined;
  if (!file) {
    let dir = resolve(root);
    try {
      if (!statSync(dir).isDirectory()) dir = dirname(dir);
    } catch {
      dir = dirname(dir);
    }
    file = ['.keyhound.yaml', '.keyhound.yml'].map((n) => join(dir, n)).find((p) => existsSync(p));
  }
  if (!file || !existsSync(file)) return { disabled: false, warnings: [] };
  const name = configFile ?? basename(file);
  try {
    const doc = parseDocument(readRegularFile(file).toString('utf8'));
    if (doc.errors.length > 0) return { disabled: false, warnings: [], file: name };
    return judgeRepoConfig(doc.toJS(), name);
  } catch {
    return { disabled: false, warnings: [], file: name };
  }
}
