// Build step (after tsc): dist/src → dist-bundle/, one ES module per entry, loadable without the rest of
// dist/. The CLI's start-up path (the pre-commit hook) then reads one file instead of ~50 modules.
//
// - keyhound.mjs: the executable, a few lines that turn on Node's compile cache and load cli.mjs, the CLI
//   (cached, a run skips parsing it); scan-worker.mjs: the scanning thread (worker-pool.ts starts the one
//   beside it); action.mjs: the GitHub Action's entry script.
// - dist-bundle/ is committed: the Action and anyone running a checkout run it without TypeScript or any
//   devDependency. test/cli/bundle.test.ts checks the committed files are the build of the committed sources.
// - Our code is bundled; dependencies stay in node_modules (re2 is native) and load on first use: a
//   dependency import becomes a lazily evaluated `require` (ES-only packages load through Node's
//   require of ES modules), so `keyhound staged` never loads octokit, ajv or yaml.
// - Node's built-ins come through require too, each as a small module exporting the names our code
//   imports from it: an ES import of a built-in builds a facade that reads every export (node:fs's loads
//   its streams), and a CommonJS stub would be copied export by export at each of its ~100 import sites.
// - Lazily loaded modules of ours (`lazyRequire('./x.js', import.meta.url)`) are bundled the same way.
// - Files read beside the code: pack.json and pack-docs.json (the rule pack) are copied next to the
//   bundle; rules/ and package.json are found one level up (see builtinRulesDir and toolVersion).
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'dist/src');
const out = join(root, 'dist-bundle');

/** Entry points: output name → compiled module. Add an entry here rather than a second bundler. */
const ENTRIES = {
  keyhound: join(src, 'cli/launch.js'),
  cli: join(src, 'cli/main.js'),
  'scan-worker': join(src, 'pipeline/scan-worker.js'),
  action: join(src, 'action/main.js'),
};

/** Built-in id → the names our compiled code imports from it (tsc writes one import per line). */
function builtinImports(dir) {
  const names = new Map();
  const add = (id, name) => (names.get(id) ?? names.set(id, new Set()).get(id)).add(name);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/^import \{([^}]*)\} from '(node:[\w/]+)';$/gm)) {
      for (const spec of m[1].split(',')) if (spec.trim()) add(m[2], spec.trim().split(/\s+as\s+/)[0]);
    }
    for (const m of text.matchAll(/^import \* as (\w+) from '(node:[\w/]+)';$/gm)) {
      for (const use of text.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, 'g'))) add(m[2], use[1]);
    }
  }
  return names;
}
const BUILTIN_NAMES = builtinImports(src);

const LAZY_OWN = /\blazyRequire\((['"])(\.{1,2}\/[^'"]+)\1,\s*import\.meta\.url\)/g;

/** @type {import('esbuild').Plugin} */
const lazyModules = {
  name: 'keyhound-lazy-modules',
  setup(b) {
    // a dependency: a CommonJS stub whose require runs when the importing module is first evaluated
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.namespace === 'dep' || args.namespace === 'builtin') return { path: args.path, external: true };
      return { path: args.path, namespace: args.path.startsWith('node:') ? 'builtin' : 'dep' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const names = [...(BUILTIN_NAMES.get(args.path) ?? [])].sort();
      const named = names.length > 0 ? `export const { ${names.join(', ')} } = m;` : '';
      return { contents: `const m = require(${JSON.stringify(args.path)});\nexport default m;\n${named}\n`, loader: 'js' };
    });
    // the executable loads the CLI's bundle, not a second copy of it
    b.onResolve({ filter: /^\.\/main\.js$/ }, (args) => (args.importer.endsWith('/cli/launch.js') ? { path: './cli.mjs', external: true } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'dep' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    // our own lazily required modules: into the bundle, evaluated on first call
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('lazyRequire(')) return undefined;
      return { contents: text.replace(LAZY_OWN, (_m, _q, id) => `((m) => () => (m ??= require(${JSON.stringify(id)})))()`), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const result = await build({
  entryPoints: ENTRIES,
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // dependencies load through this require (Node's, relative to the bundle: node_modules up the tree)
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
  plugins: [lazyModules],
  legalComments: 'none',
  // no comments or indentation: each start reads, decodes and hashes (for the compile cache) a third
  // fewer bytes, all ASCII (one other character makes V8 hold the whole source as two-byte text);
  // names are kept, so stack traces still say where
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
});
for (const f of ['pack.json', 'pack-docs.json']) copyFileSync(join(src, 'rules', f), join(out, f));
const sizes = Object.entries(result.metafile.outputs).map(([f, o]) => `${f.replace(/^.*\//, '')} ${(o.bytes / 1024).toFixed(0)} KB`);
console.log(`bundle: ${sizes.join(', ')}`);
