/**
 * The `report-render` benchmark's measurement: the demo's report built by the compiled CLI, then
 * opened in the system's Chromium (Debian package, as the browser test uses) again and again,
 * each time in a new page at 1,200 × 900 px, reading when each chart was drawn from the page's
 * own record (`window.__ratecutDrawnAt`: `performance.now()`, milliseconds from the start of
 * the navigation, as each chart's Vega view finished its first run).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, chromium as Chromium } from 'playwright-core';

/** Where Chromium is: $CHROMIUM_PATH, else the Debian package's. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** One page load of a report. */
export interface ReportLoad {
  /** Seconds from the start of the navigation to the first chart drawn. */
  readonly firstChartSeconds: number;
  /** Seconds from the start of the navigation to the last chart drawn. */
  readonly allChartsSeconds: number;
}

/** What the benchmark measured. */
export interface ReportRender {
  readonly bytes: number;
  readonly charts: number;
  /** `document.documentElement.scrollWidth` at a 1,200 px wide window (wider means the page overflows). */
  readonly scrollWidth: number;
  readonly chromiumVersion: string;
  readonly warmup: readonly ReportLoad[];
  readonly timed: readonly ReportLoad[];
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * Builds the demo's report with the compiled CLI (`cli`, on the data folder `dataDir`) in a
 * temporary folder, then loads it `warmup` + `runs` times in Chromium. Fails when Chromium is
 * missing, the demo fails, or a chart does not render.
 */
export async function measureReportRender(root: string, cli: string, dataDir: string, warmup: number, runs: number): Promise<Outcome<ReportRender>> {
  if (!fs.existsSync(CHROMIUM)) return { ok: false, message: `Chromium not found at ${CHROMIUM} (Debian: apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH)` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratecut-bench-report-'));
  try {
    const demo = spawnSync(process.execPath, [cli, 'demo', '--data', dataDir, '--out', dir], { cwd: root, encoding: 'utf8' });
    const file = path.join(dir, 'report.html');
    if (demo.status !== 0 || !fs.existsSync(file)) return { ok: false, message: `ratecut demo exited ${demo.status ?? demo.signal}: ${demo.stderr.trim().slice(0, 400)}` };
    const bytes = fs.statSync(file).size;
    // Loaded at run time, not bundled into dist/bench (playwright-core finds its own files).
    const { chromium } = createRequire(path.join(root, 'package.json'))('playwright-core') as { chromium: typeof Chromium };
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      const loads: ReportLoad[] = [];
      let charts = 0, scrollWidth = 0;
      for (let i = 0; i < warmup + runs; i += 1) {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        try {
          await page.goto(pathToFileURL(file).href);
          charts = await page.locator('div.chart').count();
          await page.waitForFunction(`window.__ratecutRendered === ${charts} || window.__ratecutError !== undefined`, undefined, { timeout: 120_000 });
          const error = (await page.evaluate('window.__ratecutError')) as string | undefined;
          if (error !== undefined) return { ok: false, message: `a chart of the demo's report failed to render: ${error}` };
          const drawnAt = (await page.evaluate('window.__ratecutDrawnAt')) as number[];
          if (drawnAt.length !== charts || charts === 0) return { ok: false, message: `${drawnAt.length} of ${charts} charts drawn` };
          loads.push({ firstChartSeconds: drawnAt[0] / 1e3, allChartsSeconds: Math.max(...drawnAt) / 1e3 });
          scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        } finally {
          await page.close();
        }
      }
      return { ok: true, value: { bytes, charts, scrollWidth, chromiumVersion: browser.version(), warmup: loads.slice(0, warmup), timed: loads.slice(warmup) } };
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
