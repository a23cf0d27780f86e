// YAML (and docker-compose, Kubernetes) values with key paths: the common subset read directly, the rest
// from the `yaml` package's node ranges.
import type * as Yaml from 'yaml';
import type { Node, Scalar } from 'yaml';
import { lazyRequire } from '../../util/lazy-require.js';
import { ByteOffsets, type StructValue } from './types.js';
import { ENV_ITEM, ENV_LIST_PARENT, readYamlSubset } from './yaml-subset.js';

const yaml = lazyRequire<typeof Yaml>('yaml');

function keyText(node: unknown): string | undefined {
  if (yaml().isScalar(node)) return node.value === null ? undefined : String(node.value);
  return undefined;
}

/** Returns the values of every document, or null when the text is not valid YAML. */
export function parseYaml(text: string, byteLength: number): StructValue[] | null {
  const read = readYamlSubset(text, byteLength);
  return read === undefined ? parseYamlWithPackage(text, byteLength) : read;
}

/** The package path: every document the `yaml` package reads, walked over its nodes. */
export function parseYamlWithPackage(text: string, byteLength: number): StructValue[] | null {
  const docs = yaml().parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  if (!Array.isArray(docs)) return [];
  const bytes = new ByteOffsets(text, byteLength);
  const out: StructValue[] = [];

  const scalar = (node: Scalar, path: string[]) => {
    if (!node.range || node.value === null || typeof node.value === 'boolean') return;
    const raw = node as Scalar & { source?: unknown };
    const value = typeof raw.source === 'string' && node.type === 'PLAIN' ? raw.source : String(node.value);
    let [start, end] = node.range;
    if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
      start += 1;
      end -= 1;
    } else if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      const nl = text.indexOf('\n', start);
      if (nl !== -1 && nl < end) start = nl + 1;
      while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
    }
    if (end <= start) return;
    out.push({ path, start: bytes.byte(start), end: bytes.byte(end), value });
  };

  const walk = (node: unknown, path: string[], depth: number): void => {
    if (depth > 64 || node === null || node === undefined || yaml().isAlias(node)) return;
    if (yaml().isScalar(node)) return scalar(node, path);
    if (yaml().isMap(node)) {
      for (const pair of node.items) {
        if (!yaml().isPair(pair)) continue;
        const k = keyText(pair.key);
        if (k === undefined) continue;
        walk(pair.value, [...path, k], depth + 1);
      }
      return;
    }
    if (yaml().isSeq(node)) {
      const parent = path[path.length - 1] ?? '';
      node.items.forEach((item, i) => {
        // `- KEY=value` in an environment list: the value's key is KEY
        if (yaml().isScalar(item) && typeof item.value === 'string' && ENV_LIST_PARENT.test(parent) && item.range) {
          const m = ENV_ITEM.exec(item.value);
          if (m) {
            const quoted = item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE';
            const offset = item.range[0] + (quoted ? 1 : 0) + m[0].length;
            const end = item.range[1] - (quoted ? 1 : 0);
            if (end > offset) {
              out.push({ path: [...path, m[1]!], start: bytes.byte(offset), end: bytes.byte(end), value: item.value.slice(m[0].length) });
            }
            return;
          }
        }
        // Kubernetes-style `- name: KEY` / `value: …` pairs: the value's key is KEY
        if (yaml().isMap(item)) {
          const name = item.items.find((p) => yaml().isPair(p) && keyText(p.key) === 'name');
          const val = item.items.find((p) => yaml().isPair(p) && keyText(p.key) === 'value');
          if (name && val && yaml().isScalar(name.value) && typeof name.value.value === 'string' && yaml().isScalar(val.value)) {
            scalar(val.value, [...path, name.value.value]);
            for (const p of item.items) {
              if (p !== val && p !== name && yaml().isPair(p)) {
                const k = keyText(p.key);
                if (k !== undefined) walk(p.value, [...path, String(i), k], depth + 1);
              }
            }
            return;
          }
        }
        walk(item, [...path, String(i)], depth + 1);
      });
    }
  };

  for (const doc of docs) {
    if (doc.errors.length > 0) return null;
    walk(doc.contents as Node | null, [], 0);
  }
  return out;
}
