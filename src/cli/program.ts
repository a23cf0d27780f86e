// The command tree: each command module registers itself when the command line needs it.
import { Command } from 'commander';
import { toolVersion } from './output.js';

type Register = (program: Command, setExit: (code: number) => void, fullTree: () => Promise<Command>) => void;

/** Each command's module, loaded only when the command tree needs it. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  scan: async () => (await import('./commands/scan.js')).registerScan,
  history: async () => (await import('./commands/history.js')).registerHistory,
  staged: async () => (await import('./commands/staged.js')).registerStaged,
  'install-hook': async () => (await import('./commands/install-hook.js')).registerInstallHook,
  revoke: async () => (await import('./commands/revoke.js')).registerRevoke,
  rules: async () => (await import('./commands/rules.js')).registerRules,
  baseline: async () => (await import('./commands/baseline.js')).registerBaseline,
  github: async () => (await import('./commands/github.js')).registerGithub,
  merge: async () => (await import('./commands/merge.js')).registerMerge,
  init: async () => (await import('./commands/init.js')).registerInit,
  completion: async () => (await import('./commands/completion.js')).registerCompletion,
  version: async () => registerVersion,
  incident: async () => (await import('./commands/incident.js')).registerIncident,
};

/** Other names of commands (gitleaks's, for people moving over). */
const ALIASES: Record<string, string> = { dir: 'scan', git: 'history' };

/** The command a name on the command line runs (its own name or an alias), if any. */
export function commandNamed(name: string): string | undefined {
  if (Object.hasOwn(COMMANDS, name)) return name;
  return Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
}

function registerVersion(program: Command): void {
  program
    .command('version')
    .description('print the version')
    .action(() => void process.stdout.write(`${toolVersion()}\n`));
}

/**
 * The command tree. Each command module registers itself; heavy modules load inside actions.
 * When `argv` names a command first (`keyhound staged …`, the pre-commit path), only that command's
 * module is loaded: its options, help and errors are the same, and start-up skips the others.
 */
export async function buildProgram(setExit: (code: number) => void, argv?: string[]): Promise<Command> {
  const program = new Command('keyhound')
    .description('Find exposed crypto API keys, wallet secrets and other credentials in files and git history.')
    .version(toolVersion(), '-V, --version', 'print the version')
    .exitOverride()
    // one line per error (main.ts adds where to read more), never the whole help
    .configureOutput({ outputError: (text, write) => write(`keyhound: error: ${text.replace(/^error:\s*/, '').trim()}\n`) });
  const first = argv?.[2] !== undefined ? commandNamed(argv[2]) : undefined;
  const names = first !== undefined ? [first] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]!()));
  for (const register of registers) register(program, setExit, () => buildProgram(() => undefined));
  return program;
}
