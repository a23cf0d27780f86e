import { Command } from 'commander';
import { registerScan } from './commands/scan.js';
import { registerHistory } from './commands/history.js';
import { registerStaged } from './commands/staged.js';
import { registerInstallHook } from './commands/install-hook.js';
import { registerRevoke } from './commands/revoke.js';
import { registerRules } from './commands/rules.js';
import { registerBaseline } from './commands/baseline.js';
import { toolVersion } from './output.js';

/** The command tree. Each command module registers itself; heavy modules load inside actions. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('keyhound')
    .description('Find exposed crypto API keys, wallet secrets and other credentials in files and git history.')
    .version(toolVersion())
    .showHelpAfterError()
    .exitOverride();
  registerScan(program, setExit);
  registerHistory(program, setExit);
  registerStaged(program, setExit);
  registerInstallHook(program, setExit);
  registerRevoke(program, setExit);
  registerRules(program, setExit);
  registerBaseline(program, setExit);
  return program;
}
