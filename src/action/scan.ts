// The scan itself, through the same modules `keyhound history` uses (git sources, engine, config,
// suppression) rather than a child CLI: one scan gives the SARIF file, annotations, summary and
// review comments, and found secrets stay in this process's memory.
import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { finishSuppression, prepareScan } from '../config/cli.js';
import { emptyStats } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import { runScan, type ScanResult } from '../pipeline/scan.js';
import { AdaptiveScanner } from '../pipeline/worker-pool.js';
import { GitHistorySource } from '../sources/git-history.js';
import type { RepoInfo } from '../sources/git-repo.js';
import type { ScanPlan } from './plan.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface ScanSettings {
  repo: RepoInfo;
  /** The folder the `path` input names: the repository root or a folder inside it (only files under it count). */
  scanPath: string;
  plan: ScanPlan;
  /** `config` input, resolved; else .keyhound.yaml / .keyhound.yml at the repository root. */
  config?: string;
  /** `baseline` input, resolved. */
  baseline?: string;
  /** `rules` input, resolved. */
  rules: string[];
}

export interface ActionScan {
  result: ScanResult;
  rules: RuleSpec[];
  /** The config file used, if any. */
  configFile?: string;
}

/** Path prefix (repository-relative, `/`-separated, ending in `/`) the `path` input narrows the scan to. */
export function scopePrefix(repoRoot: string, scanPath: string): string {
  const rel = relative(resolve(repoRoot), resolve(scanPath));
  if (!rel || rel === '.') return '';
  if (rel.startsWith('..')) return '';
  return rel.split(sep).join('/') + '/';
}

export async function scanHistory(s: ScanSettings): Promise<ActionScan> {
  const { repo, plan } = s;
  // the same config glue the CLI's scanning commands use; fail-on is the action's input (not a config
  // value), max-file-size comes from the config when it sets one
  const origin = { getOptionValueSource: (name: string) => (name === 'failOn' ? 'cli' : 'default') } as unknown as Command;
  const setup = prepareScan(repo.root, { config: s.config, rules: s.rules, failOn: 'never', maxFileSize: DEFAULT_MAX_FILE_SIZE }, { baseline: s.baseline }, origin);
  const prefix = scopePrefix(repo.root, s.scanPath);
  const isExcluded = (p: string) => (prefix !== '' && !p.startsWith(prefix)) || (setup.isExcluded?.(p) ?? false);

  const source = new GitHistorySource({ repo, revs: plan.revs, addedOnly: plan.addedOnly, tip: plan.tip, maxFileSize: setup.maxFileSize, isExcluded });
  const scanner = new AdaptiveScanner(setup.ruleSet, setup.maxFileSize);
  let result: ScanResult;
  try {
    result = plan.empty ? emptyResult() : await runScan([source], scanner, { inflight: scanner.inflight });
  } finally {
    await scanner.close();
  }
  result.stats.warnings.unshift(...plan.warnings);
  finishSuppression(result, setup, true);
  return { result, rules: setup.ruleSet.rules, configFile: setup.settings.file };
}

function emptyResult(): ScanResult {
  return { findings: [], stats: { ...emptyStats(), commits: 0 } };
}
