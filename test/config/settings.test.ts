// The settings table: every scan setting has a flag on every scanning command and a key in the config
// file, and for each one the command line beats the config file, which beats the default.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { Command } from 'commander';
import { addReportOptions, reportOptions, scanRequest } from '../../src/cli/options.js';
import { buildProgram } from '../../src/cli/program.js';
import { configSchemaRulesMap } from '../../src/config/schema.js';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { SCAN_SETTINGS, SETTING_NAMES, type SettingName } from '../../src/config/settings.js';
import { openScanSession } from '../../src/session/scan-session.js';
import { BASELINE_VERSION } from '../../src/suppress/baseline.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kh-settings-'));
  dirs.push(d);
  return d;
};

/**
 * Two values other than the default for each setting: as typed on the command line and as written in
 * the config file, each with the value the scan must run with (`dir`: the config file's folder).
 */
const SAMPLES: Record<SettingName, { cli: (dir: string) => [string, unknown]; config: [unknown, (dir: string) => unknown] }> = {
  maxFileSize: { cli: () => ['2MB', 2 * 1024 * 1024], config: ['3KB', () => 3 * 1024] },
  failOn: { cli: () => ['error', 'error'], config: ['never', () => 'never'] },
  baseline: { cli: (dir) => [join(dir, 'cli-baseline.json'), join(dir, 'cli-baseline.json')], config: ['cfg-baseline.json', (dir) => resolve(dir, 'cfg-baseline.json')] },
};

/** A scan session as a scanning command opens it, from these command-line words in this folder. */
function sessionFor(dir: string, words: string[]) {
  const cmd = addReportOptions(new Command('scan').exitOverride());
  cmd.parse(words, { from: 'user' });
  const raw = cmd.opts();
  return openScanSession(scanRequest(dir, reportOptions(raw, cmd), raw, cmd));
}

const longFlag = (flag: string) => flag.split(/[ ,]+/).find((w) => w.startsWith('--'))!;

describe('scan settings table', () => {
  it('has a sample here for every setting (a new setting adds its line)', () => {
    assert.deepEqual(Object.keys(SAMPLES).sort(), [...SETTING_NAMES].sort());
  });

  it('every setting is a flag of every scanning command, named after the setting', async () => {
    const program = await buildProgram(() => undefined);
    for (const command of ['scan', 'history', 'staged', 'github']) {
      const cmd = program.commands.find((c) => c.name() === command)!;
      for (const name of SETTING_NAMES) {
        const option = cmd.options.find((o) => o.long === longFlag(SCAN_SETTINGS[name].flag));
        assert.ok(option, `${command} has ${SCAN_SETTINGS[name].flag}`);
        assert.equal(option.attributeName(), name, `${SCAN_SETTINGS[name].flag} is read as ${name}`);
      }
    }
  });

  it('every setting is a key of the config file, and a bad value is a file:line:key error', () => {
    const keys = Object.keys(configSchemaRulesMap.properties);
    for (const name of SETTING_NAMES) {
      const s = SCAN_SETTINGS[name];
      assert.ok(keys.includes(s.configKey), `config key ${s.configKey}`);
      const { settings } = parseConfig(`${s.configKey}: ${JSON.stringify(SAMPLES[name].config[0])}\n`, '.keyhound.yaml');
      assert.notEqual(settings[name], undefined, `${s.configKey} is read into ${name}`);
      assert.throws(
        () => parseConfig(`extends: default\n${s.configKey}: [not, a, setting]\n`, '.keyhound.yaml'),
        (e: unknown) => e instanceof ConfigError && e.line === 2 && e.key === s.configKey,
      );
    }
  });

  for (const name of SETTING_NAMES) {
    const s = SCAN_SETTINGS[name];
    it(`${name}: ${longFlag(s.flag)} > ${s.configKey}: in the config > default`, () => {
      const dir = tmp();
      const baseline = JSON.stringify({ keyhound: 'baseline', version: BASELINE_VERSION, entries: [] });
      for (const f of ['cli-baseline.json', 'cfg-baseline.json']) writeFileSync(join(dir, f), baseline);
      const [cliText, cliValue] = SAMPLES[name].cli(dir);
      const [configValue, decided] = SAMPLES[name].config;
      const flag = longFlag(s.flag);
      // no config file: the default, or the command line
      assert.deepEqual(sessionFor(dir, []).settings[name], s.default);
      assert.deepEqual(sessionFor(dir, [flag, cliText]).settings[name], cliValue);
      // a config file: it beats the default, the command line beats it
      writeFileSync(join(dir, '.keyhound.yaml'), `${s.configKey}: ${JSON.stringify(configValue)}\n`);
      assert.deepEqual(sessionFor(dir, []).settings[name], decided(dir));
      assert.deepEqual(sessionFor(dir, [flag, cliText]).settings[name], cliValue);
      // a value the user typed equal to the default still beats the config file
      if (s.cliDefault !== undefined) assert.deepEqual(sessionFor(dir, [flag, s.cliDefault]).settings[name], s.default);
    });
  }

  it('a bad size on the command line is a usage error naming the flag value', () => {
    assert.throws(() => sessionFor(tmp(), ['--max-file-size', 'ten']), /not a size: "ten"/);
  });

  it('--baseline-path (gitleaks) is --baseline: it beats the config file too', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ keyhound: 'baseline', version: BASELINE_VERSION, entries: [] }));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ keyhound: 'baseline', version: BASELINE_VERSION, entries: [] }));
    writeFileSync(join(dir, '.keyhound.yaml'), 'baseline: c.json\n');
    assert.equal(sessionFor(dir, ['--baseline-path', join(dir, 'b.json')]).settings.baseline, join(dir, 'b.json'));
  });
});
