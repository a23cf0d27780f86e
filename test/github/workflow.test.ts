// The example organisation-scan workflow and docs/github.md agree with the commands they call: three jobs
// wired plan → scan (matrix over shards, actions/cache) → merge (fails on findings), and every option the
// workflow passes exists; every option of `keyhound github` is documented.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli/program.js';
import { PACKAGE_ROOT } from '../support/checkout.js';

const root = PACKAGE_ROOT;

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  strategy?: { matrix: unknown; 'fail-fast'?: boolean };
  steps: Step[];
}

const text = readFileSync(resolve(root, 'examples/workflows/keyhound-org-scan.yml'), 'utf8');
const wf = parse(text) as { jobs: Record<string, Job> };

async function optionsOf(name: string): Promise<Set<string>> {
  const program = await buildProgram(() => undefined);
  const cmd = program.commands.find((c) => c.name() === name)!;
  return new Set(cmd.options.flatMap((o) => [o.long, o.short].filter((x): x is string => !!x)));
}

describe('example organisation-scan workflow', () => {
  it('plan emits the matrix, scan runs one job per shard with a cache, merge fails on findings', () => {
    const { plan, scan, merge } = wf.jobs;
    assert.ok(plan && scan && merge);
    const planStep = plan.steps.find((s) => s.id === 'plan')!;
    assert.match(planStep.run!, /keyhound github .*--plan.*>> "\$GITHUB_OUTPUT"/);
    assert.equal(plan.outputs?.matrix, '${{ steps.plan.outputs.matrix }}');
    assert.equal(scan.needs, 'plan');
    assert.equal(scan.strategy?.matrix, '${{ fromJSON(needs.plan.outputs.matrix) }}');
    assert.ok(scan.steps.some((s) => s.uses?.startsWith('actions/cache@') && s.with?.path === '.keyhound-cache'));
    const scanRun = scan.steps.find((s) => s.run?.includes('keyhound github'))!;
    assert.match(scanRun.run!, /--shard "\$\{\{ matrix\.shard \}\}"/);
    assert.match(scanRun.run!, /--cache-dir \.keyhound-cache/);
    assert.match(scanRun.run!, /--output-dir reports/);
    assert.equal(scanRun.env?.GITHUB_TOKEN, '${{ secrets.KEYHOUND_ORG_TOKEN }}');
    assert.ok(scan.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'reports/'));
    assert.equal(merge.needs, 'scan');
    assert.ok(merge.steps.some((s) => s.uses?.startsWith('actions/download-artifact@')));
    assert.ok(merge.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@')));
    const last = merge.steps.at(-1)!;
    assert.match(last.run!, /^keyhound merge shards --fail-on \w+$/);
  });

  it('passes only options the commands have', async () => {
    const known = { github: await optionsOf('github'), merge: await optionsOf('merge') };
    for (const m of text.matchAll(/keyhound (github|merge)\b([^\n]*(?:\\\n[^\n]*)*)/g)) {
      for (const flag of m[2]!.matchAll(/(?<=\s)--?[a-z][a-z-]*/g)) {
        assert.ok(known[m[1] as 'github' | 'merge'].has(flag[0]), `keyhound ${m[1]} has no option ${flag[0]}`);
      }
    }
  });

  it('docs/github.md documents every option of keyhound github', async () => {
    const doc = readFileSync(resolve(root, 'docs/github.md'), 'utf8');
    const own = ['--org', '--user', '--repo', '--include-forks', '--include-archived', '--include-pull-requests', '--shard', '--output-dir', '--cache-dir', '--concurrency', '--plan', '--repos-per-shard', '--max-shards', '--max-rate-limit-wait', '--clone-timeout', '--github-api-url'];
    const opts = await optionsOf('github');
    for (const o of own) {
      assert.ok(opts.has(o), `github has ${o}`);
      assert.ok(doc.includes(`\`${o}`), `docs/github.md mentions ${o}`);
    }
  });
});
