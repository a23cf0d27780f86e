// The tool as reports name it: version from package.json, home page.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const INFORMATION_URI = 'https://github.com/keyhound/keyhound';

let version: string | undefined;
export function toolVersion(): string {
  if (!version) {
    for (const up of ['../package.json', '../../../package.json', '../../package.json']) {
      try {
        version = (JSON.parse(readFileSync(fileURLToPath(new URL(up, import.meta.url)), 'utf8')) as { version: string }).version;
        break;
      } catch {
        /* next layout */
      }
    }
  }
  return version ?? '0.0.0';
}
