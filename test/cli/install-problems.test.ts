// An install that does not fit this Node.js (a native module built for another, dependencies missing):
// one line saying what to do and which Node.js versions work.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { missingDependency, nativeMismatch } from '../../src/cli/install-problems.js';

const engines = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }).engines.node;

function dlopenError(): Error {
  const e = new Error(
    "The module '/x/node_modules/re2/build/Release/re2.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 137. This version of Node.js requires\nNODE_MODULE_VERSION 115. Please try re-compiling or re-installing",
  ) as Error & { code: string };
  e.code = 'ERR_DLOPEN_FAILED';
  return e;
}

describe('native module built for another Node.js', () => {
  it('names this Node.js, the fix and the supported versions from package.json, on one line', () => {
    const m = nativeMismatch(dlopenError(), 'v20.20.2');
    assert.ok(m);
    assert.match(m, /\(v20\.20\.2\)/);
    assert.match(m, /npm rebuild re2/);
    assert.ok(m.includes(`Supported Node.js: ${engines}.`), m);
    assert.ok(!m.includes('\n') && !m.includes('/x/node_modules'), 'one line, no dlopen text');
  });

  it('leaves every other error alone', () => {
    assert.equal(nativeMismatch(new Error('NODE_MODULE_VERSION in some text')), undefined);
    assert.equal(nativeMismatch(Object.assign(new Error('cannot open shared object'), { code: 'ERR_DLOPEN_FAILED' })), undefined);
    assert.equal(nativeMismatch(undefined), undefined);
  });
});

describe('dependencies not installed', () => {
  it('names the package, the fix and the supported versions, for require and import alike', () => {
    const cjs = Object.assign(new Error("Cannot find module 'commander'\nRequire stack:\n- /x/dist-bundle/cli.mjs"), { code: 'MODULE_NOT_FOUND' });
    const esm = Object.assign(new Error("Cannot find package 'yaml' imported from /x/dist/src/engine/structure/yaml.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    const a = missingDependency(cjs, 'v20.20.2');
    const b = missingDependency(esm, 'v20.20.2');
    assert.ok(a && b);
    assert.match(a, /cannot load commander\)\. Install them where keyhound is \(npm ci\)/);
    assert.match(b, /cannot load yaml\)/);
    for (const m of [a, b]) {
      assert.ok(m.includes(engines) && m.includes('v20.20.2'), m);
      assert.ok(!m.includes('\n') && !m.includes('/x/'), 'one line, no require chain or paths');
    }
  });

  it('leaves a missing file of keyhound\'s own, and every other error, alone', () => {
    assert.equal(missingDependency(Object.assign(new Error("Cannot find module './cli.mjs'"), { code: 'MODULE_NOT_FOUND' })), undefined);
    assert.equal(missingDependency(Object.assign(new Error("Cannot find module '/x/y.js'"), { code: 'ERR_MODULE_NOT_FOUND' })), undefined);
    assert.equal(missingDependency(new Error("Cannot find module 'commander'")), undefined);
    assert.equal(missingDependency(undefined), undefined);
  });
});
