import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { severityRank, type Finding, type ScanStats } from '../core/finding.js';
import type { RuleSpec } from '../core/rule.js';
import type { ScanResult } from '../pipeline/scan.js';
import { EXIT } from '../core/errors.js';
import type { RepositoryStatus } from '../report/types.js';
import type { FailOn, ReportOptions } from './options.js';

export const INFORMATION_URI = 'https://github.com/keyhound/keyhound';

let version: string | undefined;
export function toolVersion(): string {
  if (!version) {
    for (const up of ['../../../package.json', '../../package.json']) {
      try {
        version = (JSON.parse(readFileSync(fileURLToPath(new URL(up, import.meta.url)), 'utf8')) as { version: string }).version;
        break;
      } catch {
        /* next layout */
      }
    }
  }
  return version ?? '0.0.0';
}

export function useColor(opts: ReportOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (opts.color === false || opts.output) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return !!stream.isTTY;
}

export function exitCodeFor(findings: Finding[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT.clean;
  const min = severityRank(failOn);
  return findings.some((f) => severityRank(f.severity) >= min) ? EXIT.findings : EXIT.clean;
}

/** A progress line on stderr for scans longer than a second, on a terminal only. */
export function progressReporter(opts: ReportOptions): { update(s: ScanStats): void; done(): void } {
  const tty = !opts.quiet && !!process.stderr.isTTY;
  const started = Date.now();
  let shown = false;
  return {
    update(s) {
      if (!tty || Date.now() - started < 1000) return;
      shown = true;
      const mb = (s.bytes / 1024 / 1024).toFixed(1);
      process.stderr.write(`\r\x1b[Kscanning: ${s.files} files, ${mb} MB`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Renders the report, writes it to --output or stdout, prints warnings, returns the exit code. */
export async function finish(
  result: ScanResult & { repositories?: RepositoryStatus[] },
  rules: RuleSpec[],
  opts: ReportOptions,
  root: string,
): Promise<number> {
  const { render } = await import('../report/index.js');
  const text = render(
    opts.format,
    {
      findings: result.findings,
      repositories: result.repositories,
      rules,
      stats: result.stats,
      tool: { name: 'keyhound', version: toolVersion(), informationUri: INFORMATION_URI },
      showSecrets: opts.showSecrets,
      root,
    },
    { color: useColor(opts) },
  );
  if (opts.output) {
    writeFileSync(opts.output, text.endsWith('\n') ? text : text + '\n');
  } else {
    process.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }
  if (!opts.quiet && opts.format !== 'text') {
    for (const w of result.stats.warnings) process.stderr.write(`keyhound: warning: ${w}\n`);
  }
  let code: number = exitCodeFor(result.findings, opts.failOn);
  // revocation (issue 5): after the report is written, in this process; raw secrets never touch disk
  if (opts.revoke) {
    const { revokeFindings, revokeExitCode } = await import('../revoke/index.js');
    const run = await revokeFindings(
      result.findings,
      rules,
      {
        yes: opts.yes,
        revokeConfig: opts.revokeConfig,
        auditLog: opts.auditLog,
        revokeState: opts.revokeState,
        githubApiUrl: opts.githubApiUrl,
        root,
        config: opts.config,
      },
      {
        out: (t) => process.stderr.write(t.replace(/^(?=.)/gm, 'keyhound: ')),
        warn: (w) => process.stderr.write(`keyhound: warning: ${w}\n`),
        version: toolVersion(),
      },
    );
    code = Math.max(code, revokeExitCode(run));
  }
  return code;
}
