// Verification entry point (--verify): asks each credential's own issuer whether it is live and what it may
// do, and the user's RPC endpoints what a wallet secret controls. Writes `verification` and `funds` onto
// the findings. Runs in the scanning process; raw secrets never leave memory except towards their issuer.
import pLimit from 'p-limit';
import { hasBalance, type Finding, type Funds, type Verification } from '../core/finding.js';
import { UsageError } from '../core/errors.js';
import type { RuleSpec } from '../core/rule.js';
import { NetworkError, RequestTimeout, scrub } from '../net/http.js';
import { IssuerClient, type ClientSettings } from './client.js';
import { applyRpcOptions, checkSecretEndpoint, envVarFor, loadVerifyConfig, type RpcEndpoint, type VerifyConfig } from './config.js';
import { walletAddresses, type WalletAddress } from './funds/addresses.js';
import { EVM_UNITS, esploraFunds, evmFunds, familyOfChain, RpcError, solanaFunds } from './funds/balances.js';
import { buildTargets, type CheckTarget, type WalletTarget } from './targets.js';
import { RateLimited, type CheckOutcome, type IssuerCheck } from './types.js';

export { ALL_CHECKS, EXCHANGE_CHECKS, SERVICE_CHECKS } from './checks.js';
export type { IssuerCheck } from './types.js';

export interface VerifyOptions {
  /** --verify-config FILE (default $XDG_CONFIG_HOME/keyhound/verify.yaml). */
  verifyConfig?: string;
  /** --rpc CHAIN=URL values. */
  rpc?: string[];
}

export interface VerifyIO {
  env?: NodeJS.ProcessEnv;
  warn?: (text: string) => void;
  version?: string;
}

export interface VerifySummary {
  checked: number;
  live: number;
  invalid: number;
  unknown: number;
  errors: number;
  skipped: number;
  walletsChecked: number;
  walletsWithFunds: number;
  requests: number;
  warnings: string[];
}

/** Default requests per second to one RPC endpoint. */
const RPC_RATE = { requests: 10, perMs: 1000 };

/** The base URL a check uses: KEYHOUND_<ID>_API_URL, then verify.yaml, then the issuer's documented host. */
export function baseUrlFor(check: IssuerCheck, cfg: VerifyConfig, env: NodeJS.ProcessEnv): URL {
  const envName = check.envVar ?? envVarFor(check.id);
  const fromEnv = env[envName];
  if (fromEnv) return checkSecretEndpoint(fromEnv, envName);
  const fromFile = cfg.apiUrls.get(check.id);
  if (fromFile) return checkSecretEndpoint(fromFile, `${cfg.source ?? 'verify.yaml'}: issuers.${check.id}.apiUrl`);
  return new URL(check.defaultBase);
}

function describeError(e: unknown): CheckOutcome {
  if (e instanceof RateLimited) return { status: 'unknown', detail: `not checked: ${e.message}` };
  if (e instanceof RequestTimeout || e instanceof NetworkError) return { status: 'error', detail: e.message };
  return { status: 'error', detail: 'internal error during the check' };
}

/** Checks the findings' credentials and wallets; sets `verification` and `funds` on them in place. */
export async function verifyFindings(findings: Finding[], rules: RuleSpec[], opts: VerifyOptions = {}, io: VerifyIO = {}): Promise<VerifySummary> {
  const env = io.env ?? process.env;
  const cfg = loadVerifyConfig({ file: opts.verifyConfig, env });
  applyRpcOptions(cfg, opts.rpc ?? []);
  const summary: VerifySummary = { checked: 0, live: 0, invalid: 0, unknown: 0, errors: 0, skipped: 0, walletsChecked: 0, walletsWithFunds: 0, requests: 0, warnings: [...cfg.warnings] };
  const warn = (w: string) => {
    summary.warnings.push(w);
    io.warn?.(w);
  };
  for (const w of cfg.warnings) io.warn?.(w);

  const targets = buildTargets(findings, rules, { disabled: cfg.disabled });
  if (targets.untrusted.length > 0) {
    warn(`not verified: findings of rules that are not built in (${targets.untrusted.join(', ')}): a rule file or config could label any value as any issuer's key`);
  }
  const settings: ClientSettings = { timeoutMs: cfg.timeoutMs, retries: cfg.retries, maxWaitMs: cfg.maxWaitMs, userAgent: `keyhound/${io.version ?? '0.0.0'}` };
  const clients = new Map<string, IssuerClient>();
  const clientFor = (key: string, base: () => URL, rate: { requests: number; perMs: number }): IssuerClient => {
    let c = clients.get(key);
    if (!c) {
      c = new IssuerClient(base(), rate, settings);
      clients.set(key, c);
    }
    return c;
  };
  const allSecrets = targets.checks.flatMap((t) => [t.credential.key, t.credential.secret, t.credential.passphrase]).concat(targets.wallets.map((w) => w.finding.secret));
  const limit = pLimit(cfg.concurrency);
  const results = new Map<string, Verification>();
  const funds = new Map<string, Funds[]>();

  const runCheck = async (t: CheckTarget): Promise<void> => {
    const client = clientFor(`issuer:${t.check.id}`, () => baseUrlFor(t.check, cfg, env), t.check.rate);
    const base = { checkedAt: new Date().toISOString(), issuer: t.check.id, host: client.host };
    let outcome: CheckOutcome;
    if (t.skip) {
      summary.skipped++;
      outcome = { status: 'unknown', detail: `not checked: ${t.skip}` };
    } else {
      summary.checked++;
      try {
        outcome = await t.check.check(t.credential, client);
      } catch (e) {
        outcome = describeError(e);
      }
      if (outcome.status === 'live') summary.live++;
      else if (outcome.status === 'invalid') summary.invalid++;
      else if (outcome.status === 'unknown') summary.unknown++;
      else summary.errors++;
    }
    const v: Verification = { status: outcome.status, ...base };
    for (const k of ['permissions', 'canWithdraw', 'canTrade', 'canTransfer', 'ipRestricted', 'expiresAt'] as const) {
      if (outcome[k] !== undefined) (v as unknown as Record<string, unknown>)[k] = outcome[k];
    }
    if (outcome.detail) v.detail = scrub(outcome.detail, allSecrets, 200);
    for (const fp of t.credential.fingerprints) results.set(fp, v);
  };

  const rpcFor = (family: WalletAddress['family']): RpcEndpoint[] => [...cfg.rpc.values()].filter((r) => familyOfChain(r.chain) === family);
  const families = new Set(targets.wallets.flatMap((w) => walletAddresses(w.finding, w.validate).map((a) => a.family)));
  const unconfigured = [...families].filter((f) => rpcFor(f).length === 0);
  if (targets.wallets.length > 0 && unconfigured.length > 0) {
    const example = unconfigured[0] === 'evm' ? 'ethereum' : unconfigured[0];
    warn(`wallet balances not checked for ${unconfigured.join(', ')}: no RPC endpoint configured (--rpc ${example}=URL or rpc: in verify.yaml); no address left this machine`);
  }

  // every base URL is settled (and a bad override refused) before the first request leaves
  for (const t of targets.checks) {
    try {
      clientFor(`issuer:${t.check.id}`, () => baseUrlFor(t.check, cfg, env), t.check.rate);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }

  const runWallet = async (w: WalletTarget): Promise<void> => {
    const addrs = walletAddresses(w.finding, w.validate);
    const found: Funds[] = [];
    let asked = false;
    for (const a of addrs) {
      for (const ep of rpcFor(a.family)) {
        asked = true;
        const client = clientFor(`rpc:${ep.chain}`, () => ep.url, RPC_RATE);
        try {
          if (a.family === 'evm') found.push(await evmFunds(client, ep.chain, ep.unit ?? EVM_UNITS[ep.chain] ?? 'native', a.address));
          else if (a.family === 'solana') found.push(await solanaFunds(client, a.address, ep.unit));
          else found.push(await esploraFunds(client, ep.chain, a.address, ep.unit ?? (a.family === 'bitcoin' ? 'BTC' : 'tBTC')));
        } catch (e) {
          const why = e instanceof RpcError || e instanceof RateLimited || e instanceof RequestTimeout || e instanceof NetworkError ? e.message : 'internal error';
          warn(`${ep.chain} endpoint ${ep.url.host}: balance of ${a.address} not read: ${scrub(why, allSecrets, 120)}`);
        }
      }
    }
    if (!asked) return;
    found.sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
    summary.walletsChecked++;
    // addresses with activity, else the first address per chain (checked, empty)
    const active = found.filter((f) => f.txCount > 0 || hasBalance(f.balance));
    const shown = active.length > 0 ? active : [...new Map(found.map((f) => [f.chain, f])).values()];
    if (active.some((f) => hasBalance(f.balance))) summary.walletsWithFunds++;
    for (const fp of w.fingerprints) funds.set(fp, shown);
  };

  await Promise.all([...targets.checks.map((t) => limit(() => runCheck(t))), ...targets.wallets.map((w) => limit(() => runWallet(w)))]);

  for (const f of findings) {
    const v = results.get(f.fingerprint);
    if (v) f.verification = v;
    const fu = funds.get(f.fingerprint);
    if (fu) f.funds = fu;
  }
  summary.requests = [...clients.values()].reduce((n, c) => n + c.sent, 0);
  return summary;
}
