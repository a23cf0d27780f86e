// The scan itself, through the same modules `keyhound history` uses (git sources, engine, config,
// suppression) rather than a child CLI: one scan gives the SARIF file, annotations, summary and
// review comments, and found secrets stay in this process's memory.
import { relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/load.js';
import { emptyStats, type RuleSpec } from '../engine/types.js';
import { runScan, type ScanResult } from '../pipeline/scan.js';
import { AdaptiveScanner } from '../pipeline/worker-pool.js';
import { GitHistorySource } from '../sources/git-history.js';
import type { RepoInfo } from '../sources/git-repo.js';
import { applySuppression, pathMatcher } from '../suppress/index.js';
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
  const loaded = loadConfig(repo.root, s.config, { extraRules: s.rules });
  const settings = loaded.settings;
  const maxFileSize = settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const prefix = scopePrefix(repo.root, s.scanPath);
  const excluded = settings.exclude.length > 0 ? pathMatcher(settings.exclude) : null;
  const isExcluded = (p: string) => (prefix !== '' && !p.startsWith(prefix)) || (excluded?.(p) ?? false);

  const source = new GitHistorySource({ repo, revs: plan.revs, addedOnly: plan.addedOnly, tip: plan.tip, maxFileSize, isExcluded });
  const scanner = new AdaptiveScanner(loaded.ruleSet, maxFileSize);
  let result: ScanResult;
  try {
    result = plan.empty ? emptyResult() : await runScan([source], scanner, { inflight: scanner.inflight });
  } finally {
    await scanner.close();
  }
  result.stats.warnings.unshift(...plan.warnings);
  applySuppression(result, { root: repo.root, allow: settings.allow, baseline: s.baseline });
  return { result, rules: loaded.ruleSet.rules, configFile: settings.file };
}

function emptyResult(): ScanResult {
  return { findings: [], stats: { ...emptyStats(), commits: 0 } };
}
