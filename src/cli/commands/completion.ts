// `keyhound completion bash|zsh|fish`: shell completion generated from the command tree itself.
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';

interface Entry {
  names: string[];
  options: string[];
}

function entries(tree: Command): { commands: Entry[]; global: string[] } {
  const flags = (c: Command) => c.options.filter((o) => !o.hidden).flatMap((o) => [o.short, o.long].filter((f): f is string => !!f)).concat('--help');
  const commands = tree.commands
    .filter((c) => !(c as unknown as { _hidden?: boolean })._hidden)
    .map((c) => ({ names: [c.name(), ...c.aliases()], options: [...flags(c), ...c.commands.map((s) => s.name())] }));
  return { commands, global: flags(tree) };
}

const quote = (words: string[]) => words.join(' ').replace(/[^\w@%+=:,./ -]/g, '');

function bash(tree: Command): string {
  const { commands, global } = entries(tree);
  const cases = commands.map((c) => `    ${c.names.join('|')}) words="${quote(c.options)}" ;;`).join('\n');
  return `# keyhound completion for bash: eval "$(keyhound completion bash)" (e.g. in ~/.bashrc)
_keyhound() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmd="" words i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in -*) ;; *) cmd=\${COMP_WORDS[i]}; break ;; esac
  done
  case $cmd in
${cases}
    *) words="${quote([...commands.flatMap((c) => c.names), ...global])}" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -o bashdefault -F _keyhound keyhound
`;
}

function zsh(tree: Command): string {
  return `# keyhound completion for zsh: eval "$(keyhound completion zsh)" (e.g. in ~/.zshrc)
autoload -U +X bashcompinit && bashcompinit
${bash(tree).split('\n').slice(1).join('\n')}`;
}

function fish(tree: Command): string {
  const { commands, global } = entries(tree);
  const all = commands.flatMap((c) => c.names);
  const lines = [
    '# keyhound completion for fish: keyhound completion fish > ~/.config/fish/completions/keyhound.fish',
    'complete -c keyhound -f',
    `complete -c keyhound -n "not __fish_seen_subcommand_from ${all.join(' ')}" -a "${all.join(' ')}"`,
    ...global.filter((f) => f.startsWith('--')).map((f) => `complete -c keyhound -n "not __fish_seen_subcommand_from ${all.join(' ')}" -l ${f.slice(2)}`),
  ];
  for (const c of commands) {
    const when = `__fish_seen_subcommand_from ${c.names.join(' ')}`;
    for (const o of c.options) {
      if (o.startsWith('--')) lines.push(`complete -c keyhound -n "${when}" -l ${o.slice(2)}`);
      else if (o.startsWith('-')) lines.push(`complete -c keyhound -n "${when}" -s ${o.slice(1)}`);
      else lines.push(`complete -c keyhound -n "${when}" -a ${o}`);
    }
    lines.push(`complete -c keyhound -n "${when}" -F`);
  }
  return lines.join('\n') + '\n';
}

const SHELLS: Record<string, (tree: Command) => string> = { bash, zsh, fish };

export function registerCompletion(program: Command, _setExit: (code: number) => void, fullTree: () => Promise<Command>): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', '\nExamples:\n  eval "$(keyhound completion bash)"      # in ~/.bashrc\n  keyhound completion fish > ~/.config/fish/completions/keyhound.fish\n')
    .action(async (shell: string) => {
      const render = Object.hasOwn(SHELLS, shell) ? SHELLS[shell] : undefined;
      if (!render) throw new UsageError(`unknown shell "${shell}" (bash, zsh or fish)`);
      process.stdout.write(render(await fullTree()));
    });
}
