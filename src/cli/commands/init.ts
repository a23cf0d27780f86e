// `keyhound init`: a commented .keyhound.yaml, and on request a pre-commit config or a workflow file.
import { lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { INFORMATION_URI, toolVersion } from '../output.js';

export const CONFIG_TEMPLATE = `# keyhound configuration (https://github.com/keyhound/keyhound/blob/main/docs/configuration.md).
# Every key is optional; the command line wins over this file.

# Start from the built-in rules (default) or from none of them.
extends: default

# rules:
#   disable: [coinbase-cdp-api-key-name]   # rule ids: keyhound rules list
#   severity:                              # error | warning | note
#     infura-project-id: note

# Paths never read (gitignore syntax, relative to this folder); counted as skipped.
paths:
  exclude: []
  #  - vendor/
  #  - '*.min.js'

# Exit 1 when a finding is at or above this level: error | warning | note | never.
fail-on: warning

# Files larger than this are skipped with a warning.
max-file-size: 10MB

# Findings recorded here are reported as suppressed, not as new (scan, history, staged and the
# GitHub Action read it). Record today's: keyhound scan --write-baseline .keyhound-baseline.json
# baseline: .keyhound-baseline.json

# Values reviewed as harmless; each needs a reason.
# allow:
#   - fingerprint: 59d37ae122bcf69e2c26a017c2af8907   # from any report
#     reason: revoked in SEC-1234
#   - pattern: '^sk_test_'
#     reason: Stripe test-mode keys
`;

export function preCommitTemplate(): string {
  return `# pre-commit (https://pre-commit.com): pre-commit install, then every commit is scanned.
repos:
  - repo: ${INFORMATION_URI}
    rev: v${toolVersion()}
    hooks:
      - id: keyhound
`;
}

export const WORKFLOW_TEMPLATE = `# keyhound: secrets in pull requests and pushes, with code scanning alerts.
name: secrets
on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  actions: read
  security-events: write   # upload-sarif

jobs:
  keyhound:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # the pull request's base commit is needed
      - name: keyhound
        id: keyhound
        uses: keyhound/keyhound@v1   # pin to a commit for supply-chain safety: keyhound/keyhound@<sha>
      - name: Upload SARIF to code scanning
        if: \${{ !cancelled() && steps.keyhound.outputs.sarif-file != '' }}
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: \${{ steps.keyhound.outputs.sarif-file }}
          category: keyhound
`;

/** Writes a new file only: never over an existing file, never through a symbolic link. */
function writeNew(dir: string, rel: string, text: string, force: boolean): 'wrote' | 'kept' {
  const file = join(dir, rel);
  const st = lstatSync(file, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) throw new UsageError(`${rel} is a symbolic link: left in place`);
  if (st && !force) return 'kept';
  if (st && !st.isFile()) throw new UsageError(`${rel} exists and is not a file: left in place`);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text, { flag: force ? 'w' : 'wx', mode: 0o644 });
  return 'wrote';
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a commented .keyhound.yaml (and, on request, a pre-commit config or a GitHub workflow)')
    .argument('[dir]', 'project folder', '.')
    .option('--pre-commit', 'also write .pre-commit-config.yaml running the keyhound hook')
    .option('--github-action', 'also write .github/workflows/keyhound.yml (pull requests, pushes, code scanning)')
    .option('--force', 'overwrite files that exist')
    .addHelpText('after', '\nExamples:\n  keyhound init\n  keyhound init --pre-commit --github-action\n')
    .action((dirArg: string, raw: { preCommit?: boolean; githubAction?: boolean; force?: boolean }) => {
      const dir = resolve(dirArg);
      if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`not a folder: ${dirArg}`);
      const plan: Array<[string, string]> = [['.keyhound.yaml', CONFIG_TEMPLATE]];
      if (raw.preCommit) plan.push(['.pre-commit-config.yaml', preCommitTemplate()]);
      if (raw.githubAction) plan.push([join('.github', 'workflows', 'keyhound.yml'), WORKFLOW_TEMPLATE]);
      for (const [rel, text] of plan) {
        const shown = relative(process.cwd(), join(dir, rel)) || rel;
        if (writeNew(dir, rel, text, !!raw.force) === 'wrote') {
          process.stdout.write(`wrote ${shown}\n`);
        } else {
          process.stdout.write(`kept ${shown} (exists; --force overwrites it)\n`);
          if (rel === '.pre-commit-config.yaml') process.stdout.write(`add under repos:\n${preCommitTemplate().split('\n').slice(2).join('\n')}`);
        }
      }
    });
}
