// The revocation issuers: the built-in ones and revoke.yaml's webhooks, created for one run.
import { UsageError } from '../../core/errors.js';
import type { IssuerConfig, RevokeConfig } from '../config.js';
import type { Issuer, IssuerType } from '../types.js';
import { alchemyIssuer } from './alchemy.js';
import { binanceIssuer } from './binance.js';
import { bybitIssuer } from './bybit.js';
import type { IssuerDeps } from './common.js';
import { githubIssuer } from './github.js';
import { webhookIssuer } from './webhook.js';

export type { IssuerDeps } from './common.js';

const FACTORIES: Record<IssuerType, (cfg: IssuerConfig, deps: IssuerDeps) => Issuer> = {
  github: githubIssuer,
  webhook: webhookIssuer,
  bybit: bybitIssuer,
  binance: binanceIssuer,
  alchemy: alchemyIssuer,
};

/** Built-in issuers that exist without any configuration (each reports what it still needs). */
export const BUILTIN_ISSUERS = ['github', 'bybit', 'binance', 'alchemy'] as const;

export interface IssuerSet {
  /** Enabled issuers by name. */
  issuers: Map<string, Issuer>;
  /** Names switched off with `enabled: false`. */
  disabled: Set<string>;
  /** Configurations, in file order (routing by rules/providers follows it). */
  configs: IssuerConfig[];
}

/** Builds the issuers of a configuration plus the built-in ones it does not mention. */
export function createIssuers(config: RevokeConfig, deps: IssuerDeps): IssuerSet {
  const configs = [...config.issuers.values()];
  for (const name of BUILTIN_ISSUERS) {
    if (!config.issuers.has(name)) configs.push({ name, type: name, enabled: true });
  }
  const issuers = new Map<string, Issuer>();
  const disabled = new Set<string>();
  for (const cfg of configs) {
    if (!cfg.enabled) {
      disabled.add(cfg.name);
      continue;
    }
    try {
      issuers.set(cfg.name, FACTORIES[cfg.type](cfg, deps));
    } catch (e) {
      throw new UsageError(`${config.source ? `${config.source}: ` : ''}${(e as Error).message}`);
    }
  }
  return { issuers, disabled, configs };
}
