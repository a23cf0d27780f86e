// The one-line message for a native module built for another Node.js than the one running.
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
