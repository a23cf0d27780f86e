// The user's own state folder: revocation state, audit log and fingerprint keys live here by default,
// never inside a tree being scanned (which could plant or redirect them).
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** $XDG_STATE_HOME/keyhound, else ~/.local/state/keyhound. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'keyhound');
}
