// The action's inputs. A composite action does not export its inputs to `run` steps, so action.yml maps
// each one explicitly into the entry step's environment as INPUT_<NAME> (upper case, `-` → `_`):
//
//   env:
//     INPUT_FAIL_ON: ${{ inputs.fail-on }}
//
// The hyphenated form JavaScript actions receive (INPUT_FAIL-ON) is accepted too. Values are never
// interpolated into shell text (no script injection through inputs).

import { FAIL_ON_LEVELS, type FailOn } from '../core/errors.js';

export type Mode = 'auto' | 'pr' | 'push' | 'full';

export const MODES: readonly Mode[] = ['auto', 'pr', 'push', 'full'];

/** Every input action.yml declares, with the default the script applies when the variable is absent or empty. */
export const INPUTS = {
  path: '.',
  mode: 'auto',
  'fail-on': 'warning',
  config: '',
  baseline: '',
  // empty: keyhound.sarif under $RUNNER_TEMP, outside the workspace (run.ts)
  'sarif-file': '',
  comment: 'false',
  'github-token': '',
  revoke: 'false',
  // additions beyond issue 6's list
  'revoke-config': '',
  rules: '',
  'max-comments': '50',
  verify: 'false',
  rpc: '',
  'html-report': 'keyhound-report.html',
  'html-artifact': 'keyhound-report',
} as const satisfies Record<string, string>;

export type InputName = keyof typeof INPUTS;
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

export interface ActionInputs {
  path: string;
  mode: Mode;
  failOn: FailOn;
  config?: string;
  baseline?: string;
  sarifFile: string;
  comment: boolean;
  githubToken?: string;
  revoke: boolean;
  /** Revocation configuration as YAML text written in the workflow (never a file from the scanned tree). */
  revokeConfig?: string;
  /** Extra rule files or folders, one per line. */
  rules: string[];
  maxComments: number;
  /** Check found keys with their issuers and wallets at the rpc endpoints (issue 14). */
  verify: boolean;
  /** CHAIN=URL lines. */
  rpc: string[];
  /** Where to write the HTML report; undefined = none. */
  htmlReport?: string;
  /** Artifact name the composite step uploads the HTML report as; undefined = no upload. */
  htmlArtifact?: string;
}

/** A bad input value: the action fails with exit code 2 and this message. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The environment variable names an input may arrive in, preferred first. */
export function inputEnvNames(name: string): string[] {
  const upper = name.toUpperCase();
  const underscored = `INPUT_${upper.replace(/[ -]/g, '_')}`;
  const hyphenated = `INPUT_${upper.replace(/ /g, '_')}`;
  return underscored === hyphenated ? [underscored] : [underscored, hyphenated];
}

/** The raw value of one input, trimmed; the declared default when unset or empty. */
export function rawInput(env: NodeJS.ProcessEnv, name: InputName): string {
  for (const key of inputEnvNames(name)) {
    const v = env[key];
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return INPUTS[name];
}

function bool(env: NodeJS.ProcessEnv, name: InputName): boolean {
  const v = rawInput(env, name).toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new InputError(`input "${name}" must be true or false (got "${v}")`);
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: InputName, allowed: readonly T[]): T {
  const v = rawInput(env, name).toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) {
    throw new InputError(`input "${name}" must be one of ${allowed.join(', ')} (got "${v}")`);
  }
  return v as T;
}

const optional = (s: string) => (s === '' ? undefined : s);
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
/** `false` turns an output with a default file or name off (an empty input means the default). */
const off = (s: string) => (s === '' || s.toLowerCase() === 'false' ? undefined : s);

/** Reads and checks every input. Throws InputError on a bad value. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const maxComments = Number(rawInput(env, 'max-comments'));
  if (!Number.isInteger(maxComments) || maxComments < 0) {
    throw new InputError(`input "max-comments" must be a whole number ≥ 0 (got "${rawInput(env, 'max-comments')}")`);
  }
  return {
    path: rawInput(env, 'path'),
    mode: oneOf(env, 'mode', MODES),
    failOn: oneOf(env, 'fail-on', FAIL_ON_LEVELS),
    config: optional(rawInput(env, 'config')),
    baseline: optional(rawInput(env, 'baseline')),
    sarifFile: rawInput(env, 'sarif-file'),
    comment: bool(env, 'comment'),
    githubToken: optional(rawInput(env, 'github-token')),
    revoke: bool(env, 'revoke'),
    revokeConfig: optional(rawInput(env, 'revoke-config')),
    rules: lines(rawInput(env, 'rules')),
    maxComments,
    verify: bool(env, 'verify'),
    rpc: lines(rawInput(env, 'rpc')),
    htmlReport: off(rawInput(env, 'html-report')),
    htmlArtifact: off(rawInput(env, 'html-artifact')),
  };
}
