// Stops an install on a Node.js that keyhound does not support, before any dependency compiles
// (npm runs every package's preinstall before any install script). Plain ES5-era code: it must run
// on any Node. The supported versions are package.json's engines.node (`^22.22.2 || ^24.15.0 || >=26.0.0`).
'use strict';
var engines = require('../package.json').engines.node;

function parse(v) {
  var m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
function cmp(a, b) {
  for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
// one alternative: `^X.Y.Z` (same major, at least X.Y.Z) or `>=X.Y.Z`
function satisfies(version, alternative) {
  var m = /^(\^|>=)\s*(\d+\.\d+\.\d+)$/.exec(alternative.trim());
  if (!m) return false;
  var floor = parse(m[2]);
  if (cmp(version, floor) < 0) return false;
  return m[1] === '>=' || version[0] === floor[0];
}
function supported(versionString, range) {
  var version = parse(versionString);
  return version !== null && range.split('||').some(function (alt) { return satisfies(version, alt); });
}
function describe(range) {
  return range.split('||').map(function (alt) {
    var m = /^(\^|>=)\s*(\d+)\.(\d+\.\d+)$/.exec(alt.trim());
    if (!m) return alt.trim();
    return m[1] === '^' ? m[2] + ' (' + m[2] + '.' + m[3] + ' or later)' : m[2] + ' and later';
  }).join(', ').replace(/^/, 'Node.js ').replace(/, ([^,]*)$/, ' or $1');
}

/** Exit code for an install on Node `version`: 1 (with the supported versions named) when unsupported. */
function main(version, env) {
  if (supported(version, engines)) return 0;
  var message = 'Node.js ' + version + ' is not supported; use ' + describe(engines) + '.';
  // Local node headers (npm's nodedir) let re2 build from source without the download that fails on
  // older Nodes: an explicit opt-in of developers on an older Node (npm ci --engine-strict=false).
  if (env.npm_config_nodedir) {
    process.stderr.write('keyhound: warning: ' + message + ' Continuing: nodedir is set, re2 builds against it.\n');
    return 0;
  }
  process.stderr.write(
    'keyhound: error: ' + message + '\n' +
    'keyhound: its regular-expression engine, re2, publishes binaries and builds only for these versions.\n',
  );
  return 1;
}

module.exports = { supported: supported, describe: describe, main: main, engines: engines };

if (require.main === module) process.exitCode = main(process.versions.node, process.env);
