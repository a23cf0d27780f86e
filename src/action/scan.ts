// The scan itself, through the same modules `keyhound history` uses (git sources, engine, config,
// suppression) rather than a child CLI: one scan gives the SARIF file, annotations, summary and
// review comments, and found secrets stay in this process's memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import type { RuleSpec } from '../core/rule.js';
import type { ScanResult } from '../pipeline/scan.js';
import { openScanSession } from '../session/scan-session.js';
import { GitHistorySource } from '../sources/git-history.js';
import type { RepoInfo } from '../sources/git-repo.js';
import { runGit } from '../sources/git-process.js';
import { CONFIG_NAMES } from '../config/load.js';
import { IGNORE_FILE } from '../suppress/ignore-file.js';
import { readTextIfExists, SETTINGS_MAX_BYTES, writeFileSafe } from '../util/safe-fs.js';
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
  /** Where a private copy of the base commit's configuration goes (RUNNER_TEMP). */
  tempDir?: string;
}

export interface ActionScan {
  result: ScanResult;
  rules: RuleSpec[];
  /** The config file used, if any. */
  configFile?: string;
  /** The commit the configuration was read from (pull requests and pushes: their base). */
  configCommit?: string;
  /** Narrowing configuration the scanned commits change (not applied: the base commit's was). */
  notices: string[];
}

/** Path prefix (repository-relative, `/`-separated, ending in `/`) the `path` input narrows the scan to. */
export function scopePrefix(repoRoot: string, scanPath: string): string {
  const rel = relative(resolve(repoRoot), resolve(scanPath));
  if (!rel || rel === '.') return '';
  if (rel.startsWith('..')) return '';
  return rel.split(sep).join('/') + '/';
}

/** Repository-relative `/` path of a file inside the repository, or undefined. */
function repoPath(repoRoot: string, file: string): string | undefined {
  const rel = relative(resolve(repoRoot), resolve(file));
  if (!rel || rel.startsWith('..') || resolve(rel) === rel) return undefined;
  return rel.split(sep).join('/');
}

/** A file's bytes at a commit, or undefined when the commit has no such file (or it is not a regular file). */
async function fileAt(repo: RepoInfo, commit: string, path: string): Promise<Buffer | undefined> {
  const type = await runGit(['cat-file', '-t', '--end-of-options', `${commit}:${path}`], { cwd: repo.root, timeoutMs: 30_000, maxBytes: 64 });
  if (type.code !== 0 || type.stdout.toString('utf8').trim() !== 'blob') return undefined;
  const r = await runGit(['cat-file', 'blob', '--end-of-options', `${commit}:${path}`], { cwd: repo.root, timeoutMs: 30_000, maxBytes: SETTINGS_MAX_BYTES * 16 });
  return r.code === 0 ? r.stdout : undefined;
}

/**
 * The configuration that narrows a pull request's or push's scan comes from its base commit: the
 * commits under scan cannot exclude, ignore, allow or baseline their own secrets. Copies the base
 * versions of .keyhound.yaml/.yml, .keyhoundignore and the config and baseline inputs (when they are in
 * the repository) into a private folder, and says which of them the scanned commits change.
 */
async function baseConfiguration(s: ScanSettings, commit: string): Promise<{ root: string; config?: string; baseline?: string; notices: string[]; dir: string }> {
  const dir = mkdtempSync(join(s.tempDir ?? tmpdir(), 'keyhound-base-config-'));
  const notices: string[] = [];
  const names = new Set<string>([...CONFIG_NAMES, IGNORE_FILE]);
  const configRel = s.config ? repoPath(s.repo.root, s.config) : undefined;
  const baselineRel = s.baseline ? repoPath(s.repo.root, s.baseline) : undefined;
  if (configRel) names.add(configRel);
  if (baselineRel) names.add(baselineRel);
  const present = new Set<string>();
  for (const name of names) {
    const atBase = await fileAt(s.repo, commit, name);
    let now: string | undefined;
    try {
      now = readTextIfExists(join(s.repo.root, name), { maxBytes: SETTINGS_MAX_BYTES * 16 });
    } catch {
      now = '(unreadable)';
    }
    if (atBase !== undefined) {
      writeFileSafe(join(dir, name), atBase, { mkdir: 0o700, mode: 0o600 });
      present.add(name);
    } else if (now !== undefined && now !== '(unreadable)' && (!s.plan.tip || (await fileAt(s.repo, s.plan.tip, name)) === undefined)) {
      // in no commit at all: written by the workflow itself (an earlier step), not by the scanned commits
      writeFileSafe(join(dir, name), now, { mkdir: 0o700, mode: 0o600 });
      present.add(name);
      continue;
    }
    if ((atBase?.toString('utf8') ?? undefined) !== now) {
      const what = atBase === undefined ? 'add' : now === undefined ? 'delete' : 'change';
      notices.push(
        `the scanned commits ${what} ${name}: settings that narrow the scan (exclusions, ignore entries, allow entries, baseline, ` +
          `max-file-size, rule switches) come from the base commit ${commit.slice(0, 12)}, so this change is not applied here`,
      );
    }
  }
  return {
    root: dir,
    // an explicit config input outside the repository is the workflow's own: used as it is
    config: s.config ? (configRel ? (present.has(configRel) ? join(dir, configRel) : undefined) : s.config) : undefined,
    baseline: s.baseline ? (baselineRel ? (present.has(baselineRel) ? join(dir, baselineRel) : undefined) : s.baseline) : undefined,
    notices,
    dir,
  };
}

export async function scanHistory(s: ScanSettings): Promise<ActionScan> {
  const { repo, plan } = s;
  // fail-on is the action's own input (applied to the findings later), never the config's;
  // max-file-size comes from the config when it sets one. Pull requests and pushes: the base commit's config
  const trusted = plan.configCommit && !plan.empty ? await baseConfiguration(s, plan.configCommit) : undefined;
  let session: ReturnType<typeof openScanSession>;
  try {
    session = trusted
      ? openScanSession({ root: trusted.root, config: trusted.config, rules: s.rules, given: { failOn: 'never', baseline: trusted.baseline } })
      : openScanSession({ root: repo.root, config: s.config, rules: s.rules, given: { failOn: 'never', baseline: s.baseline } });
  } finally {
    if (trusted) rmSync(trusted.dir, { recursive: true, force: true });
  }
  const prefix = scopePrefix(repo.root, s.scanPath);
  const isExcluded = (p: string) => (prefix !== '' && !p.startsWith(prefix)) || (session.settings.isExcluded?.(p) ?? false);
  const { maxFileSize } = session.settings;
  const source = new GitHistorySource({ repo, revs: plan.revs, addedOnly: plan.addedOnly, tip: plan.tip, maxFileSize, isExcluded });
  const result = plan.empty ? await session.run([]) : await session.runHistory(source);
  if (plan.empty) result.stats.commits = 0;
  result.stats.warnings.unshift(...plan.warnings);
  const file = session.settings.config.file;
  const configFile = trusted && file ? relative(trusted.root, file).split(sep).join('/') : file;
  return { result, rules: session.ruleSet.rules, configFile, configCommit: trusted ? plan.configCommit : undefined, notices: trusted?.notices ?? [] };
}
