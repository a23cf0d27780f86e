// The scan itself, through the same modules `keyhound history` uses (git sources, engine, config,
// suppression) rather than a child CLI: one scan gives the SARIF file, annotations, summary and
// review comments, and found secrets stay in this process's memory.
import { relative, resolve, sep } from 'node:path';
import type { RuleSpec } from '../core/rule.js';
import { addFindings, type ScanResult } from '../pipeline/scan.js';
import { openScanSession } from '../session/scan-session.js';
import { GitHistorySource } from '../sources/git-history.js';
import type { RepoInfo } from '../sources/git-repo.js';
import type { ScanPlan } from './plan.js';

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
  // fail-on is the action's own input (applied to the findings later), never the config's;
  // max-file-size comes from the config when it sets one
  const session = openScanSession({ root: repo.root, config: s.config, rules: s.rules, given: { failOn: 'never' }, suppression: { baseline: s.baseline } });
  const prefix = scopePrefix(repo.root, s.scanPath);
  const isExcluded = (p: string) => (prefix !== '' && !p.startsWith(prefix)) || (session.settings.isExcluded?.(p) ?? false);
  const { maxFileSize } = session.settings;
  const source = new GitHistorySource({ repo, revs: plan.revs, addedOnly: plan.addedOnly, tip: plan.tip, maxFileSize, isExcluded });
  const scanned = await session.scan(plan.empty ? [] : [source]);
  if (plan.empty) scanned.stats.commits = 0;
  // provenance: each blob's matches placed at every path and commit the blob had, one finding per secret
  else addFindings(scanned, await source.provenance(scanned.blobMatches ?? new Map(), scanned.stats));
  const result = session.suppress(scanned);
  result.stats.warnings.unshift(...plan.warnings);
  return { result, rules: session.ruleSet.rules, configFile: session.settings.config.file };
}
