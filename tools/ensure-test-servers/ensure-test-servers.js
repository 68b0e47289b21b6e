#!/usr/bin/env node
'use strict';
// Makes sure the Debian programs the tests run for real are installed, before `npm test`:
// - `chromium` for the report's browser test (never a browser downloaded by a test tool);
//   RATECUT_SKIP_BROWSER=1 skips it (and the browser test), CHROMIUM_PATH names another one;
// - `redis-server` for the job-queue tests (each test starts its own on a random loopback port).
// As root with apt-get available it installs the missing packages; otherwise it says what to
// do and fails.
const { execSync, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const missing = [
  ...(process.env.RATECUT_SKIP_BROWSER === '1' || existsSync(chromium) ? [] : [{ pkg: 'chromium', why: `the report's browser test (${chromium}; or set CHROMIUM_PATH, or RATECUT_SKIP_BROWSER=1 to skip that test)` }]),
  ...(onPath('redis-server') ? [] : [{ pkg: 'redis-server', why: 'the job-queue tests (they start their own Redis on a random loopback port)' }]),
];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  for (const m of missing) process.stderr.write(`${m.pkg} not found; it is needed by ${m.why}. Install it: apt-get install ${m.pkg}\n`);
  process.exit(1);
}
const names = missing.map((m) => m.pkg).join(' ');
process.stderr.write(`Installing Debian ${names} for the tests...\n`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${names}`, { stdio: 'inherit' });
