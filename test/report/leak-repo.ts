// A generated git history with leaked credentials, for the HTML and incident report tests. Every value is
// generated at run time by the rules' seeded example builder (no live-looking literal in the repository).
import { expandExample } from '../../src/rules/example-values.js';
import { Repo } from '../git/helpers.js';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>.env';

export interface LeakRepo {
  repo: Repo;
  secrets: {
    binanceKey: string;
    binanceSecret: string;
    evm: string;
    github: string;
    hostileToken: string;
    infura: string;
  };
  commits: { binance: string; github: string; githubRemoved: string; hostile: string };
}

/** Builds the history; `seed` keeps values distinct between tests. */
export function buildLeakRepo(seed: string): LeakRepo {
  const v = (tpl: string, name: string) => expandExample(tpl, `${seed}:${name}`);
  const secrets = {
    binanceKey: v('{{alnum:64}}', 'binance-key'),
    binanceSecret: v('{{alnum:64}}', 'binance-secret'),
    evm: v('{{evm-key}}', 'evm'),
    github: v('{{github:ghp}}', 'github'),
    hostileToken: v('{{github:ghp}}', 'hostile'),
    infura: v('{{hex:32}}', 'infura'),
  };
  const r = Repo.init();
  // links in the reports come from the origin remote (never contacted)
  r.git('remote', 'add', 'origin', 'git@github.com:acme/trading-bot.git');
  const as = (name: string, email: string, msg: string, date: string, files: Record<string, string | null>) => {
    for (const [p, c] of Object.entries(files)) {
      if (c === null) r.gitRaw(['rm', '-q', '--', p], { env: { GIT_LITERAL_PATHSPECS: '1' } });
      else {
        r.write(p, c);
        r.gitRaw(['add', '--', p], { env: { GIT_LITERAL_PATHSPECS: '1' } });
      }
    }
    r.gitRaw(['commit', '-q', '-m', msg], {
      env: { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
    return r.head();
  };
  as('Ada Author', 'ada@example.test', 'initial commit', '2025-01-06T09:00:00Z', { 'README.md': '# trading bot\n' });
  const binance = as('Grace Hopper', 'grace@example.test', 'add exchange settings', '2025-02-03T10:30:00Z', {
    'config/.env': `EXCHANGE=binance\nBINANCE_API_KEY=${secrets.binanceKey}\nBINANCE_API_SECRET=${secrets.binanceSecret}\n`,
    'hardhat.config.ts': 'export default {\n  networks: { hardhat: { accounts: { mnemonic: "test test test test test test test test test test test junk" } } },\n};\n',
  });
  as('Ada Author', 'ada@example.test', 'deploy script', '2025-03-15T16:00:00Z', {
    'scripts/deploy.ts': `const provider = new JsonRpcProvider("https://mainnet.infura.io/v3/${secrets.infura}");\nconst wallet = new ethers.Wallet("0x${secrets.evm}", provider);\n`,
  });
  const github = as('Linus Builder', 'linus@example.test', 'release automation', '2025-04-01T08:00:00Z', {
    'ci/release.env': `GITHUB_TOKEN=${secrets.github}\n`,
  });
  const githubRemoved = as('Linus Builder', 'linus@example.test', 'move release token to CI secrets', '2025-05-20T12:00:00Z', { 'ci/release.env': null });
  const hostile = as('Ada Author', 'ada@example.test', 'odd file name', '2025-06-02T12:00:00Z', { [HOSTILE_NAME]: `TOKEN=${secrets.hostileToken}\n` });
  return { repo: r, secrets, commits: { binance, github, githubRemoved, hostile } };
}
