// The HTML report in a real browser: Debian's chromium driven by playwright-core, from a real history scan.
// It renders the findings, filters them, escapes a hostile file name, runs under its own strict CSP and
// makes no request beyond its own file.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { cleanup, runCli } from '../git/helpers.js';
import { assertSecretFree } from '../revoke/helpers.js';
import { buildLeakRepo, HOSTILE_NAME, type LeakRepo } from './leak-repo.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
// outside CI a machine without chromium skips; in CI (.ci/run installs it) a missing browser fails
const skip = !existsSync(CHROMIUM) && !process.env.CI ? `no ${CHROMIUM} (apt-get install chromium)` : false;

describe('HTML report in headless Chromium', { skip }, () => {
  let tmp: string;
  let leak: LeakRepo;
  let reportFile: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'keyhound-html-'));
    leak = buildLeakRepo('html-browser');
    reportFile = join(tmp, 'report.html');
    const r = runCli(leak.repo.dir, ['history', '--format', 'html', '--quiet', '-o', reportFile]);
    assert.equal(r.code, 1, r.stderr);
  });
  after(() => {
    rmSync(tmp, { recursive: true, force: true });
    cleanup();
  });

  it('contains no secret and no markup from scanned text', () => {
    const html = readFileSync(reportFile, 'utf8');
    assertSecretFree([{ name: 'report.html', text: html }], Object.values(leak.secrets));
    assert.ok(!html.includes('<img'), 'the hostile file name is escaped');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;\.env/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    // nothing to fetch: no element with a source, no stylesheet or preload link (plain <a href> links only)
    assert.doesNotMatch(html, /\bsrc="|<link\b|url\(/, 'nothing to fetch');
  });

  it('renders, filters and sorts findings; requests nothing; runs under its CSP', async () => {
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(tmp, 'profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1280, height: 1700 },
      deviceScaleFactor: 1,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      const problems: string[] = [];
      context.on('request', (req) => requests.push(req.url()));
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      const url = pathToFileURL(reportFile).href;
      await page.goto(url, { waitUntil: 'load' });

      // summary first: counts by severity, suppressed and skipped visible
      assert.equal(await page.textContent('#count-error .n'), '4');
      assert.equal(await page.textContent('#count-warning .n'), '2');
      assert.equal(await page.textContent('#count-known .n'), '1');
      assert.match((await page.textContent('#suppressed-skipped')) ?? '', /Suppressed: 0\. Skipped: \d+/);
      // grouped by provider and file
      const providers = await page.$$eval('#findings .provider.group', (els) => els.map((e) => e.getAttribute('data-provider')));
      assert.deepEqual([...providers].sort(), ['binance', 'ethereum', 'github', 'infura']);
      assert.equal(await page.locator('#findings .finding').count(), 6);
      // the hostile name is text, not an element
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('h4', { hasText: HOSTILE_NAME }).count(), 1);
      // history provenance and the timeline
      const gh = page.locator('#findings .finding[data-file="ci/release.env"]');
      assert.match((await gh.textContent()) ?? '', new RegExp(`introduced${leak.commits.github.slice(0, 8)} by Linus Builder, 2025-04-01`));
      assert.match((await gh.textContent()) ?? '', /exposed49 days/);
      assert.equal(await page.locator('#timeline svg rect.bar').count(), 6);
      // links to the file at its commit, from the origin remote
      assert.equal(await gh.locator(`a[href="https://github.com/acme/trading-bot/blob/${leak.commits.github}/ci/release.env#L1"]`).count(), 1);
      // known public test keys collapsed
      assert.equal(await page.locator('#known-public').getAttribute('open'), null);
      assert.equal(await page.locator('#known-public .finding').isVisible(), false);
      // the stylesheet applied (CSP hash matched) and the script ran (count line rewritten)
      const bg = await page.evaluate<string>('getComputedStyle(document.querySelector("#findings .sev.error")).backgroundColor');
      assert.notEqual(bg, 'rgba(0, 0, 0, 0)');
      assert.equal(await page.textContent('#f-count'), '6 of 6 shown');

      // filter: severity error, then provider github, then text
      await page.selectOption('#f-sev', 'error');
      assert.equal(await page.locator('#findings .finding:visible').count(), 4);
      assert.equal(await page.locator('#findings .provider.group[data-provider="infura"]').isVisible(), false);
      await page.selectOption('#f-provider', 'github');
      assert.equal(await page.locator('#findings .finding:visible').count(), 2);
      await page.fill('#f-text', 'release');
      assert.equal(await page.locator('#findings .finding:visible').count(), 1);
      assert.equal(await page.textContent('#f-count'), '1 of 6 shown');
      await page.fill('#f-text', '');
      await page.selectOption('#f-provider', '');
      await page.selectOption('#f-sev', '');
      // sort by days exposed: the longest window first
      await page.selectOption('#f-sort', 'exposure');
      const firstDays = Number(await page.getAttribute('#findings .finding', 'data-days'));
      const allDays = await page.$$eval('#findings .finding', (els) => els.map((e) => Number(e.getAttribute('data-days'))));
      assert.equal(firstDays, Math.max(...allDays));

      await page.selectOption('#f-sort', 'severity');
      await page.locator('#f-text').blur();
      if (process.env.KEYHOUND_SCREENSHOT_FULL) await page.screenshot({ path: process.env.KEYHOUND_SCREENSHOT_FULL, fullPage: true });
      const shot = join(tmp, 'html-report.png');
      await page.screenshot({ path: shot, fullPage: false });
      assert.ok(readFileSync(shot).length > 10_000, 'a screenshot was written');
      // KEYHOUND_SCREENSHOT=docs/html-report.png refreshes the README's picture
      const target = process.env.KEYHOUND_SCREENSHOT;
      if (target) {
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(shot, target);
      }

      assert.deepEqual(problems, []);
      assert.deepEqual(requests, [url], 'no request left the page');
    } finally {
      await context.close();
    }
  });
});
