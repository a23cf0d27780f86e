// YAML (and docker-compose, Kubernetes) values with key paths: the common subset read directly, the rest
// from the `yaml` package's node ranges.
import type * as Yaml from 'yaml';
import type { Scalar } from 'yaml';
import { lazyRequire } from '../../util/lazy-require.js';
import type { StructValue } from './types.js';
import {
  BLOCK_FOLDED,
  BLOCK_LITERAL,
  BOOL,
  NULL,
  NUM,
  PLAIN,
  QUOTE_DOUBLE,
  QUOTE_SINGLE,
  readYamlSubset,
  STR,
  valuesOf,
  type YNode,
} from './yaml-subset.js';

const yaml = lazyRequire<typeof Yaml>('yaml');

/** Returns the values of every document, or null when the text is not valid YAML. */
export function parseYaml(text: string, byteLength: number): StructValue[] | null {
  const read = readYamlSubset(text, byteLength);
  return read === undefined ? parseYamlWithPackage(text, byteLength) : read;
}

/** The package path: every document the `yaml` package reads, its nodes walked as the subset reader's. */
export function parseYamlWithPackage(text: string, byteLength: number): StructValue[] | null {
  const docs = yaml().parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  if (!Array.isArray(docs)) return [];
  if (docs.some((doc) => doc.errors.length > 0)) return null;
  return valuesOf(
    docs.map((doc) => toNode(doc.contents, 0)),
    text,
    byteLength,
  );
}

/** Nodes the walk skips: aliases, and anything nested deeper than it reads. */
const SKIP: YNode = { kind: 3 };
const STYLES: Record<string, number> = { PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED };

/** A key as the walk names it (a null or non-scalar key: none, and its pair is skipped). */
function keyText(node: unknown): string | undefined {
  if (yaml().isScalar(node)) return node.value === null ? undefined : String(node.value);
  return undefined;
}

/** One of the package's nodes as the walk reads it (yaml-subset.ts `valuesOf`). */
function toNode(node: unknown, depth: number): YNode {
  const y = yaml();
  if (depth > 64 || node === null || node === undefined || y.isAlias(node)) return SKIP;
  if (y.isScalar(node)) {
    const v = node.value;
    // a node without a range has no span to report: it resolves to nothing, as a null does
    if (!node.range) return { kind: 0, style: PLAIN, tag: NULL, text: '', r0: 0, r1: 0 };
    const raw = node as Scalar & { source?: unknown };
    const tag = v === null ? NULL : typeof v === 'boolean' ? BOOL : typeof v === 'string' ? STR : NUM;
    const text = typeof raw.source === 'string' && node.type === 'PLAIN' ? raw.source : String(v);
    const value = typeof v === 'string' && v !== text ? v : undefined;
    return { kind: 0, style: STYLES[node.type ?? 'PLAIN'] ?? PLAIN, tag, text, value, r0: node.range[0], r1: node.range[1] };
  }
  if (y.isMap(node)) {
    const pairs: Array<[string | undefined, YNode]> = [];
    for (const pair of node.items) if (y.isPair(pair)) pairs.push([keyText(pair.key), toNode(pair.value, depth + 1)]);
    return { kind: 1, pairs };
  }
  if (y.isSeq(node)) return { kind: 2, items: node.items.map((item) => toNode(item, depth + 1)) };
  return SKIP;
}
