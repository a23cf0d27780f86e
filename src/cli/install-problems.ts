// One-line messages for an install that does not fit the running Node.js: a native module built for
// another Node.js, or dependencies never installed.
import { supportedNode } from '../report/tool.js';

/**
 * A native dependency (re2) built for another Node.js than the one running: say what to do, not
 * dlopen's words. Happens when node_modules was installed under one Node and keyhound runs under another.
 */
export function nativeMismatch(e: unknown, node = process.version): string | undefined {
  const err = e as { code?: string; message?: string };
  if (err?.code !== 'ERR_DLOPEN_FAILED' || !/NODE_MODULE_VERSION/.test(err.message ?? '')) return undefined;
  return `a native dependency (re2) was built for another Node.js version than this one (${node}). Run keyhound with the Node.js that installed it, or reinstall under this one (npm ci, or npm rebuild re2). Supported Node.js: ${supportedNode()}.`;
}

/**
 * A package keyhound needs cannot be found: its dependencies were never installed (a clone without
 * `npm ci`, or an install that stopped on an unsupported Node.js). A missing file of keyhound's own is
 * another matter and is left alone.
 */
export function missingDependency(e: unknown, node = process.version): string | undefined {
  const err = e as { code?: string; message?: string };
  if (err?.code !== 'MODULE_NOT_FOUND' && err?.code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const name = /Cannot find (?:module|package) '([^']+)'/.exec(err.message ?? '')?.[1];
  if (!name || /^[./\\]|^[A-Za-z]:/.test(name)) return undefined;
  return `keyhound's dependencies are not installed (cannot load ${name}). Install them where keyhound is (npm ci) with a supported Node.js: ${supportedNode()} (this is ${node}).`;
}

/** Why the CLI could not load, when it is one of the install problems above. */
export function loadFailure(e: unknown): string | undefined {
  return nativeMismatch(e) ?? missingDependency(e);
}
