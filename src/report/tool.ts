// The tool as reports name it: version and supported Node.js lines from package.json, home page.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const INFORMATION_URI = 'https://github.com/keyhound/keyhound';

let manifest: { version?: string; engines?: { node?: string } } | undefined;
function packageJson(): NonNullable<typeof manifest> {
  if (!manifest) {
    for (const up of ['../package.json', '../../../package.json', '../../package.json']) {
      try {
        manifest = JSON.parse(readFileSync(fileURLToPath(new URL(up, import.meta.url)), 'utf8')) as NonNullable<typeof manifest>;
        break;
      } catch {
        /* next layout */
      }
    }
  }
  return manifest ?? {};
}

export function toolVersion(): string {
  return packageJson().version ?? '0.0.0';
}

/** The Node.js versions keyhound runs on (package.json engines.node). */
export function supportedNode(): string {
  return packageJson().engines?.node ?? 'see package.json engines';
}
