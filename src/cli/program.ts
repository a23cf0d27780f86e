// The command tree: each command module registers itself when the command line needs it.
import { Command } from 'commander';
import { toolVersion } from './output.js';

type Register = (program: Command, setExit: (code: number) => void) => void;

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
};

/**
 * The command tree. Each command module registers itself; heavy modules load inside actions.
 * When `argv` names a command first (`keyhound staged …`, the pre-commit path), only that command's
 * module is loaded: its options, help and errors are the same, and start-up skips the others.
 */
export async function buildProgram(setExit: (code: number) => void, argv?: string[]): Promise<Command> {
  const program = new Command('keyhound')
    .description('Find exposed crypto API keys, wallet secrets and other credentials in files and git history.')
    .version(toolVersion())
    .showHelpAfterError()
    .exitOverride();
  const first = argv?.[2];
  const names = first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]!()));
  for (const register of registers) register(program, setExit);
  return program;
}
