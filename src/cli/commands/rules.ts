// keyhound rules list | rules test FILE
import { readRegularFile } from '../../util/safe-fs.js';
import type { Command } from 'commander';
import { collect } from '../options.js';
import type { RuleSpec } from '../../core/rule.js';
import { UsageError } from '../../core/errors.js';


export function registerRules(program: Command, setExit: (code: number) => void): void {
  const rules = program.command('rules').description('list the rules in effect, or test a custom rule file');

  rules
    .command('list')
    .description('print the id, provider and severity of every rule in effect (built-in, --rules, .keyhound.yaml)')
    .option('-c, --config <file>', 'configuration file (default: .keyhound.yaml in the current folder)')
    .option('--rules <path>', 'extra rule file or folder (repeatable)', collect, [] as string[])
    .option('--json', 'JSON output', false)
    .action(async (raw: { config?: string; rules: string[]; json: boolean }) => {
      const { loadConfig } = await import('../../config/load.js');
      const { ruleSet } = loadConfig(process.cwd(), raw.config, { extraRules: raw.rules });
      const list = ruleSet.rules.map((r) => ({ id: r.id, provider: r.provider, severity: r.severity, title: r.title }));
      if (raw.json) {
        process.stdout.write(JSON.stringify({ rules: list }, null, 2) + '\n');
      } else {
        const w1 = Math.max(2, ...list.map((r) => r.id.length));
        const w2 = Math.max(8, ...list.map((r) => r.provider.length));
        const lines = [`${'ID'.padEnd(w1)}  ${'PROVIDER'.padEnd(w2)}  SEVERITY`];
        for (const r of list) lines.push(`${r.id.padEnd(w1)}  ${r.provider.padEnd(w2)}  ${r.severity}`);
        lines.push(`${list.length} rules`);
        process.stdout.write(lines.join('\n') + '\n');
      }
      setExit(0);
    });

  rules
    .command('test')
    .description("run a custom rule file's examples (a rules/*.yaml-style file or a .keyhound.yaml) and print pass/fail per example")
    .argument('<file>', 'rule file or config file with custom rules')
    .action(async (file: string) => {
      const [{ checkRule, parseRuleFile, RuleError }, { runRuleExamples }] = await Promise.all([
        import('../../rules/loader.js'),
        import('../../rules/examples.js'),
      ]);
      let text: string;
      try {
        text = readRegularFile(file, { maxBytes: 8 * 1024 * 1024 }).toString('utf8');
      } catch (e) {
        const errno = (e as { errno?: string }).errno;
        throw new UsageError(errno ? `cannot read ${file}: ${errno}` : (e as Error).message);
      }
      let specs: RuleSpec[];
      const { parseDocument } = await import('yaml');
      const data = parseDocument(text).toJS() as { rules?: unknown } | null;
      const rulesRaw = data && typeof data === 'object' ? data.rules : undefined;
      const isConfig = !!data && typeof data === 'object' && (!Array.isArray(rulesRaw) || Object.keys(data).some((k) => !['family', 'grants', 'rules', 'known-public'].includes(k)));
      try {
        if (isConfig) {
          const list = Array.isArray(rulesRaw) ? rulesRaw : ((rulesRaw as { custom?: unknown[] } | undefined)?.custom ?? []);
          specs = list.map((r, i) => checkRule(r, file, `#${i + 1}`));
        } else {
          specs = parseRuleFile(text, file).rules;
        }
      } catch (e) {
        const { ConfigError } = await import('../../config/load.js');
        if (e instanceof RuleError || e instanceof ConfigError) throw new UsageError(e.message);
        throw e;
      }
      if (specs.length === 0) throw new UsageError(`${file}: no rules to test`);
      let passed = 0;
      let failed = 0;
      const lines: string[] = [];
      const w = Math.max(...specs.map((r) => r.id.length));
      for (const spec of specs) {
        for (const r of runRuleExamples(spec)) {
          const label = `${r.kind}[${r.index}]`.padEnd(11);
          if (r.ok) passed++;
          else failed++;
          lines.push(`${r.ok ? 'PASS' : 'FAIL'}  ${spec.id.padEnd(w)}  ${label}${r.ok ? '' : `  ${r.detail}`}`.trimEnd());
        }
      }
      lines.push(`${specs.length} ${specs.length === 1 ? 'rule' : 'rules'}, ${passed + failed} examples: ${passed} passed, ${failed} failed`);
      process.stdout.write(lines.join('\n') + '\n');
      setExit(failed > 0 ? 1 : 0);
    });
}
