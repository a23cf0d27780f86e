// Build step: rules/*.yaml → dist/src/rules/pack.json (checked exactly as at run time).
import { writePack } from './loader.js';

console.log(`rule pack: ${writePack()} rules`);
