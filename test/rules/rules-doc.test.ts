import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { README, readmeWithTable } from '../support/rules-doc.js';

it('README rule table matches rules/*.yaml (npm run docs:rules)', () => {
  const readme = readFileSync(README, 'utf8');
  assert.equal(readme, readmeWithTable(readme));
});
