// Files whose content is hashes by design: lockfile integrity, checksum lists.

const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'composer.lock',
  'cargo.lock', 'gemfile.lock', 'poetry.lock', 'pipfile.lock', 'uv.lock', 'go.sum', 'flake.lock', 'mix.lock',
  'packages.lock.json', 'podfile.lock', 'pubspec.lock', 'gradle.lockfile', 'deno.lock',
]);

const CHECKSUM_FILE = /(^|[._-])(sha(1|224|256|384|512)?sums?|md5sums?|checksums?|b2sums?)(\.(txt|asc))?$|\.(sha1|sha256|sha512|md5|sig|asc)$/i;

export function isSkippedPath(path: string): boolean {
  const base = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  return LOCKFILES.has(base) || CHECKSUM_FILE.test(base);
}
