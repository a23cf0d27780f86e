// Writes for keyhound's own caches and state (organisation scans): through the one safe-write path in
// safe-fs.ts, replacing a planted symbolic link instead of writing through it.
import { writeFileSafe } from './safe-fs.js';

export function writeFileNoFollow(path: string, data: string | Uint8Array, mode = 0o600): void {
  writeFileSafe(path, Buffer.from(data), { mode, replaceLink: true });
}
