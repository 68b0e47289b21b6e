#!/usr/bin/env node
'use strict';
// Makes the README's picture of the demo report: `npm run docs:screenshot`.
// Runs the compiled demo on the bundled SYNTHETIC sample (never the real data: the picture is
// committed, and nothing derived from the real data may be), opens its report in the system's
// Chromium (Debian package; CHROMIUM_PATH to override), waits until every chart is drawn and
// keeps the first screen (1,200 × 860 px) as docs/demo-report.png.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync, mkdirSync, statSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..', '..');
const out = path.join(root, 'docs', 'demo-report.png');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function main() {
  execFileSync(process.execPath, [path.join(root, 'tools', 'build-cli', 'build-cli.js')], { stdio: 'inherit' });
  const work = mkdtempSync(path.join(os.tmpdir(), 'ratecut-screenshot-'));
  try {
    // No --data, no RATECUT_DATA and an empty fetch cache: the demo runs on the bundled sample.
    const env = { ...process.env, RATECUT_CACHE: path.join(work, "cache"), NO_COLOR: "1" };
    delete env.RATECUT_DATA;
    execFileSync(process.execPath, [path.join(root, 'dist', 'cli', 'ratecut.js'), 'demo', '--quiet', '--out', path.join(work, 'demo')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 860 }, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(path.join(work, 'demo', 'report.html')).href);
      await page.waitForFunction('window.__ratecutRendered > 0 || window.__ratecutError !== undefined', undefined, { timeout: 60000 });
      const error = await page.evaluate('window.__ratecutError');
      if (error !== undefined) throw new Error(`the demo report failed to draw: ${error}`);
      mkdirSync(path.dirname(out), { recursive: true });
      await page.screenshot({ path: out, fullPage: false });
    } finally {
      await browser.close();
    }
    process.stdout.write(`wrote ${path.relative(root, out)} (${statSync(out).size} bytes)\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => { process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`); process.exitCode = 1; });
