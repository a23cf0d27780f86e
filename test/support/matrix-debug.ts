// Prints one rule's renderings in chosen syntaxes with the rule's findings (rule authors' aid:
// node dist/test/support/matrix-debug.js RULE [SYNTAX…]).
import { Engine } from '../../src/engine/scanner.js';
import { expandExample } from '../../src/rules/example-values.js';
import { exampleSeed } from '../../src/rules/examples.js';
import { loadRuleDir } from '../../src/rules/loader.js';
import { validators } from '../../src/validators/index.js';
import { contextOf, nameOf, names, renderFile, SYNTAXES } from './syntax-matrix.js';

const [id, ...only] = process.argv.slice(2);
const { rules, knownPublic } = loadRuleDir();
const rule = rules.find((r) => r.id === id);
if (!rule) throw new Error(`no rule ${id}`);
const engine = new Engine([rule], { validators, knownPublic });
rule.examples.match.forEach((tpl, i) => {
  const text = expandExample(tpl, exampleSeed(rule.id, 'match', i));
  const f = engine.scan(Buffer.from(text), 'example.txt').find((x) => x.ruleId === rule.id);
  if (!f) return;
  const context = contextOf(text, f.secret);
  const name = nameOf(f.key);
  for (const s of SYNTAXES.filter((x) => only.length === 0 || only.includes(x.id))) {
    const file = renderFile(s, names(name), f.secret, context);
    const hits = engine.scan(Buffer.from(file), s.file).filter((x) => x.ruleId === rule.id);
    console.log(`--- match[${i}] ${s.id} key=${f.key} → ${hits.length ? 'FOUND' : 'missed'}\n${file}`);
  }
});
