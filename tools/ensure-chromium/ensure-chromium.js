#!/usr/bin/env node
'use strict';
// Makes sure Debian's Chromium is installed for the report's browser test (never a browser
// downloaded by a test tool). Runs before `npm test`. As root with apt-get available it
// installs the `chromium` package when missing; otherwise it says what to do and fails.
// RATECUT_SKIP_BROWSER=1 skips the check (and the browser test).
const { execSync, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (process.env.RATECUT_SKIP_BROWSER === '1' || existsSync(executable)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  process.stderr.write(
    `${executable} not found. The report test needs Debian's Chromium: run "apt-get install chromium" ` +
      '(or set CHROMIUM_PATH), or RATECUT_SKIP_BROWSER=1 to skip the browser test.\n',
  );
  process.exit(1);
}
process.stderr.write('Installing Debian chromium for the report browser test...\n');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium', { stdio: 'inherit' });
