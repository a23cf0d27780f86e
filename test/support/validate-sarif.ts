// Runs Microsoft's SARIF Multitool validator (GitHub + SARIF rule sets) on SARIF files.
// Usage: node dist/test/support/validate-sarif.js FILE…  (exit 1 when any error or warning)
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';

export interface SarifValidation {
  errors: number;
  warnings: number;
  /** What the validator printed (one line per problem, `FILE(line,col): error SARIF1234: …`). */
  output: string;
}

/** Path of the native Sarif.Multitool binary in the @microsoft/sarif-multitool-linux devDependency. */
export function multitoolPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@microsoft/sarif-multitool-linux/package.json');
  const bin = join(dirname(pkg), 'Sarif.Multitool');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    // The package's postinstall (`chmod u+x Sarif.Multitool`) did not run, e.g. install scripts were skipped.
    chmodSync(bin, statSync(bin).mode | 0o100);
  }
  return bin;
}

function levelOf(r: Sarif.Result, rules: Sarif.ReportingDescriptor[] | undefined): Sarif.Result.level {
  if (r.level) return r.level;
  const rule = r.ruleIndex !== undefined ? rules?.[r.ruleIndex] : rules?.find((x) => x.id === r.ruleId);
  return rule?.defaultConfiguration?.level ?? 'warning';
}

/**
 * Validates one SARIF file with `Sarif.Multitool validate --rule-kind "Gh;Sarif" --level "Error;Warning"` and
 * counts the problems in the validator's own SARIF output. Throws when the validator cannot run or produces
 * no log (so a broken validator never looks like a clean file).
 */
export function validateSarif(file: string): SarifValidation {
  return validateSarifFiles([file])[0]!;
}

function pathOfUri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : resolve(uri);
  } catch {
    return undefined;
  }
}

/** Several files in one validator start (≈1 s each on a small machine); results in the order of `files`. */
export function validateSarifFiles(files: readonly string[]): SarifValidation[] {
  const targets = files.map((f) => resolve(f));
  const dir = mkdtempSync(join(tmpdir(), 'keyhound-sarif-validate-'));
  const out = join(dir, 'validation.sarif');
  try {
    const bin = multitoolPath();
    const args = ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning', ...targets, '-o', out];
    const p = spawnSync(bin, args, {
      encoding: 'utf8',
      env: {
        ...process.env,
        // Single-file .NET app: without libicu it aborts at start-up unless globalization is invariant.
        DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
        DOTNET_NOLOGO: '1',
      },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const printed = `${p.stdout ?? ''}${p.stderr ?? ''}`;
    if (p.error) throw new Error(`cannot run ${bin}: ${p.error.message}\n${printed}`);
    let log: Sarif.Log;
    try {
      log = JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')) as Sarif.Log;
    } catch (e) {
      throw new Error(`Sarif.Multitool wrote no readable log (exit ${p.status ?? p.signal}): ${(e as Error).message}\n${printed}`);
    }
    const counts = targets.map(() => ({ errors: 0, warnings: 0 }));
    // A problem that names no file of ours (or a tool failure) is charged to every file.
    const charge = (path: string | undefined, level: string | undefined) => {
      const i = path === undefined ? -1 : targets.indexOf(path);
      for (const c of i >= 0 ? [counts[i]!] : counts) {
        if (level === 'error') c.errors++;
        else if (level === 'warning') c.warnings++;
      }
    };
    for (const run of log.runs ?? []) {
      for (const r of run.results ?? []) {
        const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
        charge(pathOfUri(uri), levelOf(r, run.tool.driver.rules));
      }
      // Files the validator could not analyse may be reported as notifications rather than results.
      for (const inv of run.invocations ?? []) {
        for (const n of [...(inv.toolExecutionNotifications ?? []), ...(inv.toolConfigurationNotifications ?? [])]) {
          charge(pathOfUri(n.locations?.[0]?.physicalLocation?.artifactLocation?.uri), n.level);
        }
        if (inv.executionSuccessful === false) charge(undefined, 'error');
      }
    }
    if (p.status !== 0 && counts.every((c) => c.errors === 0)) charge(undefined, 'error');
    const lines = printed.split('\n');
    return targets.map((t, i) => {
      const own = lines.filter((l) => l.startsWith(`${t}(`) || l.startsWith(`${t}:`));
      const output = files.length === 1 ? printed.trim() : own.join('\n');
      return { ...counts[i]!, output };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isMain(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: validate-sarif FILE.sarif…\n');
    process.exit(2);
  }
  let bad = false;
  try {
    validateSarifFiles(files).forEach((v, i) => {
      if (v.output) process.stdout.write(`${v.output}\n`);
      process.stdout.write(`${files[i]}: ${v.errors} errors, ${v.warnings} warnings\n`);
      if (v.errors || v.warnings) bad = true;
    });
  } catch (e) {
    process.stderr.write(`validate-sarif: ${(e as Error).message}\n`);
    bad = true;
  }
  process.exit(bad ? 1 : 0);
}
