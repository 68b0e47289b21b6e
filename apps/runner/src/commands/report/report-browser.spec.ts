import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixtureResults } from '../../testing/report-fixtures';

/**
 * Opens a report of each result type, built from the fixture results, in the system's Chromium
 * (Debian package; never a downloaded browser) at 1,200 × 900 px, and checks: every chart drew
 * data marks (not just an SVG), nothing is wider than the page, the "At a glance" block is in
 * the first screen, the tooltip handler shows a hovered item's values, no console or page error,
 * no network request. Keeps a screenshot of each in test-output/report-<type>.png. Without
 * Chromium this FAILS (CI must not skip silently) unless RATECUT_SKIP_BROWSER=1.
 */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const skip = process.env['RATECUT_SKIP_BROWSER'] === '1';
const SCREENSHOTS = resolve(__dirname, '..', '..', '..', '..', '..', 'test-output');
const VIEWPORT = { width: 1200, height: 900 } as const;

/** Each report type and the fixture result files (see `writeFixtureResults`) its report draws; one line a type. */
const REPORT_TYPES: readonly (readonly [type: string, files: readonly string[]])[] = [
  ['cycles', ['cycles.json']],
  ['backtest', ['bt.json']],
  ['simulate', ['sim.json']],
  ['event', ['event.json']],
  ['walk-forward', ['walk-forward.json']],
  ['calibration', ['calibration.json']],
  ['now', ['now.json']],
  ['spa', ['spa.json']],
  ['sweep', ['sweep.csv']],
  ['compare', ['compare.json']],
];

/** What the page reports about its charts and its width; evaluated in the page (the project compiles without the DOM library, so as a string). */
const INSPECT = `(() => {
  const body = document.body.getBoundingClientRect();
  const charts = Array.from(document.querySelectorAll('div.chart')).map((div) => {
    const svg = div.querySelector('svg');
    if (svg === null) return { id: div.id, svg: false, dataMarks: 0, left: 0, right: 0 };
    // Data marks: Vega's mark groups of role "mark" (axes, legends and titles have roles of their own).
    const groups = Array.from(svg.querySelectorAll('g.role-mark')).filter((g) =>
      Array.from(g.classList).some((c) => c.startsWith('mark-')) && g.closest('.role-axis, .role-legend, .role-title') === null);
    let dataMarks = 0;
    for (const g of groups) {
      for (const el of Array.from(g.children)) {
        if (!['path', 'rect', 'line', 'circle'].includes(el.tagName.toLowerCase())) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 || r.height > 0) dataMarks += 1;
      }
    }
    const r = svg.getBoundingClientRect();
    return { id: div.id, svg: true, dataMarks, left: r.left, right: r.right };
  });
  // Elements wider than the window that no scrolling or clipping ancestor holds in.
  const overflowing = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const r = el.getBoundingClientRect();
    if (r.right <= window.innerWidth + 0.5 && r.left >= -0.5) continue;
    let held = false;
    for (let a = el.parentElement; a !== null && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') { held = true; break; }
    }
    if (!held) overflowing.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''));
  }
  const glance = document.querySelector('section.glance');
  const firstSection = document.querySelector('h2[id^="file-"]');
  return {
    charts, overflowing: overflowing.slice(0, 10), body: { left: body.left, right: body.right },
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    glanceTop: glance === null ? null : glance.getBoundingClientRect().top,
    glanceLinks: glance === null ? [] : Array.from(glance.querySelectorAll('li > a.more')).map((a) => a.getAttribute('href')),
    glanceBeforeSections: glance !== null && firstSection !== null && (glance.compareDocumentPosition(firstSection) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  };
})()`;

interface Inspection {
  charts: { id: string; svg: boolean; dataMarks: number; left: number; right: number }[];
  overflowing: string[];
  body: { left: number; right: number };
  scrollWidth: number;
  innerWidth: number;
  glanceTop: number | null;
  glanceLinks: string[];
  glanceBeforeSections: boolean;
}

/**
 * Hovers the first data mark whose item carries a tooltip (a pointermove at its centre, as Vega
 * listens) and returns the tooltip's text, or null when no item has one. Lines and areas are left
 * out: Vega picks their point nearest the pointer, and the centre of their box is on none.
 */
const HOVER = `(() => {
  for (const el of Array.from(document.querySelectorAll('div.chart svg g.role-mark:not(.mark-line):not(.mark-area):not(.mark-trail) > *'))) {
    const item = el.__data__;
    if (item === undefined || item === null || item.tooltip === undefined || item.tooltip === null) continue;
    const r = el.getBoundingClientRect();
    el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }));
    const tip = document.querySelector('div.ratecut-tooltip');
    return tip === null ? '' : (getComputedStyle(tip).display === 'none' ? '' : tip.textContent);
  }
  return null;
})()`;

(skip ? describe.skip : describe)('ratecut report in a browser', () => {
  jest.setTimeout(180_000);
  let dir: string;
  let browser: Browser;
  let tooltipsSeen = 0;

  beforeAll(async () => {
    if (!existsSync(executablePath)) {
      throw new Error(`Chromium not found at ${executablePath}: install it (Debian: apt-get install -y --no-install-recommends chromium), set CHROMIUM_PATH, or set RATECUT_SKIP_BROWSER=1 to skip this test`);
    }
    dir = await writeFixtureResults();
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(REPORT_TYPES)('draws a %s report: data marks in every chart, nothing wider than the page, no error, no network', async (type, files) => {
    const io = captureIo({}, dir);
    expect(await main(['report', ...files, '--out', `report-${type}.html`], io)).toBe(0);

    const page = await browser.newPage({ viewport: VIEWPORT });
    try {
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
      await page.goto(pathToFileURL(join(dir, `report-${type}.html`)).href);
      const charts = await page.locator('div.chart').count();
      expect(charts).toBeGreaterThan(0);
      await page.waitForFunction(`window.__ratecutRendered === ${charts} || window.__ratecutError !== undefined`, undefined, { timeout: 60_000 });
      expect(errors).toEqual([]);
      expect(await page.evaluate('window.__ratecutError')).toBeUndefined();
      expect(await page.evaluate('window.__ratecutRendered')).toBe(charts);

      const seen = (await page.evaluate(INSPECT)) as Inspection;
      expect(seen.charts).toHaveLength(charts);
      for (const chart of seen.charts) {
        // Every chart drew data marks, not just an empty frame with axes.
        expect({ id: chart.id, svg: chart.svg, drewData: chart.dataMarks > 0 }).toEqual({ id: chart.id, svg: true, drewData: true });
        // ... inside the body.
        expect(chart.left).toBeGreaterThanOrEqual(seen.body.left - 0.5);
        expect(chart.right).toBeLessThanOrEqual(seen.body.right + 0.5);
      }
      expect(seen.overflowing).toEqual([]);
      expect(seen.scrollWidth).toBeLessThanOrEqual(seen.innerWidth);
      // The answers come first: the glance block in the first screen, before the sections, a link per file.
      expect(seen.glanceTop).not.toBeNull();
      expect(seen.glanceTop ?? Infinity).toBeLessThan(VIEWPORT.height / 2);
      expect(seen.glanceBeforeSections).toBe(true);
      expect(seen.glanceLinks).toEqual(files.map((_, i) => `#file-${i + 1}`));

      const tooltip = (await page.evaluate(HOVER)) as string | null;
      if (tooltip !== null) {
        expect(tooltip.length).toBeGreaterThan(0);
        tooltipsSeen += 1;
      }
      expect(requests).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `report-${type}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('showed a tooltip on hover in the reports that have them', () => {
    expect(tooltipsSeen).toBeGreaterThan(REPORT_TYPES.length / 2);
  });
});
