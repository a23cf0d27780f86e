// Build step: rules/*.yaml → dist/src/rules/pack.json (checked exactly as at run time).
import { writePack } from './loader.js';
import { buildRuleSet } from './rule-set.js';

const count = writePack();
// the pack goes through the rule-set builder once, so a duplicate id fails the build
buildRuleSet();
console.log(`rule pack: ${count} rules`);
