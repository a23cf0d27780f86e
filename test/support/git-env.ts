import { join } from 'node:path';

/** A fixed, config-free git for tests: no system or global config, one identity, no prompts. */
export function configFreeGit(home: string): NodeJS.ProcessEnv {
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Ada Author',
    GIT_AUTHOR_EMAIL: 'ada@example.test',
    GIT_COMMITTER_NAME: 'Ada Author',
    GIT_COMMITTER_EMAIL: 'ada@example.test',
    GIT_TERMINAL_PROMPT: '0',
    NO_COLOR: '1',
    LC_ALL: 'C',
  };
}
