// The README's rule table, generated from rules/*.yaml: `npm run docs:rules` rewrites it, a test checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleDir } from '../../src/rules/loader.js';

export const README = resolve(dirname(fileURLToPath(import.meta.url)), '../../../README.md');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function rulesTable(): string {
  const { rules } = loadRuleDir();
  const families = new Map<string, typeof rules>();
  for (const r of rules) {
    const fam = (r.source ?? '').replace(/^rules\//, '').replace(/\.ya?ml$/, '');
    families.set(fam, [...(families.get(fam) ?? []), r]);
  }
  const out: string[] = [`${rules.length} rules, plus the key-path rule for config files (see docs/configuration.md).`, ''];
  for (const [fam, list] of families) {
    out.push(`**${fam}** (${list.length})`, '', '| rule | provider | severity | offline check |', '|---|---|---|---|');
    for (const r of list) out.push(`| \`${r.id}\` | ${r.provider} | ${r.severity} | ${r.validate ?? ''} |`);
    out.push('');
  }
  return out.join('\n').trimEnd();
}

export function readmeWithTable(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md needs ${START} … ${END} markers`);
  return `${readme.slice(0, a + START.length)}\n${rulesTable()}\n${readme.slice(b)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(README, readmeWithTable(readFileSync(README, 'utf8')));
  console.log('README.md rule table updated');
}
