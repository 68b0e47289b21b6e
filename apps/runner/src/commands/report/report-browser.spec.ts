import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixtureResults } from '../../testing/report-fixtures';

/**
 * Opens a report built from fixture results in the system's Chromium (Debian package; never a
 * downloaded browser), waits for every chart, checks the console, and keeps a screenshot in
 * test-output/report.png and report-validate.png. Without Chromium this FAILS (CI must not skip silently) unless
 * RATECUT_SKIP_BROWSER=1.
 */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const skip = process.env['RATECUT_SKIP_BROWSER'] === '1';
const SCREENSHOTS = resolve(__dirname, '..', '..', '..', '..', '..', 'test-output');

(skip ? describe.skip : describe)('ratecut report in a browser', () => {
  jest.setTimeout(180_000);

  it.each([
    ['backtest and simulate', ['bt.json', 'sim.json'], 4, 'report.png'],
    ['validate event, walk-forward and calibration', ['event.json', 'walk-forward.json', 'calibration.json'], 3, 'report-validate.png'],
    ['now', ['now.json'], 1, 'report-now.png'],
  ] as const)('renders every chart of a %s report without console or page errors', async (_what, files, expected, screenshot) => {
    if (!existsSync(executablePath)) {
      throw new Error(`Chromium not found at ${executablePath}: install it (Debian: apt-get install -y --no-install-recommends chromium), set CHROMIUM_PATH, or set RATECUT_SKIP_BROWSER=1 to skip this test`);
    }
    const dir = await writeFixtureResults();
    const io = captureIo({}, dir);
    expect(await main(['report', ...files, '--out', 'report.html'], io)).toBe(0);

    const browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
      await page.goto(pathToFileURL(join(dir, 'report.html')).href);
      const charts = await page.locator('div.chart').count();
      expect(charts).toBe(expected);
      // Page-side code is passed as strings: this project compiles without the DOM library.
      await page.waitForFunction(`window.__ratecutRendered === ${charts} || window.__ratecutError !== undefined`, undefined, { timeout: 60_000 });
      expect(errors).toEqual([]);
      expect(await page.evaluate('window.__ratecutError')).toBeUndefined();
      expect(await page.evaluate('window.__ratecutRendered')).toBe(charts);
      const drawn = await page.evaluate(`Array.from(document.querySelectorAll('div.chart')).filter((d) => d.querySelector('svg, canvas') !== null).length`);
      expect(drawn).toBe(charts);
      // Each chart drew marks, not just an empty frame.
      const marks = (await page.evaluate(`Array.from(document.querySelectorAll('div.chart')).map((d) => d.querySelectorAll('path, rect, line').length)`)) as number[];
      expect(marks).toHaveLength(charts);
      for (const m of marks) expect(m).toBeGreaterThan(expected === 3 ? 5 : 20);
      expect(requests).toEqual([]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, screenshot), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
