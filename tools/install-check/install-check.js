#!/usr/bin/env node
'use strict';
// Packs the `ratecut` command as npm would publish it (`npm pack` of the workspace root: the
// compiled dist/cli, the shipped data, LICENSE and README, as package.json's `files` lists them),
// checks what the tarball holds, installs it with `npm install -g` into a throwaway prefix, and
// runs the installed `ratecut` from a folder outside the repository, with a throwaway HOME:
// `--help`, `cycles` (and with `--json`), a sweep on two worker threads, the same sweep through a
// job queue (a Redis started here, when Debian's redis-server is installed, and an installed
// `ratecut worker`), a backtest and its report on the bundled synthetic sample, and
// `cycles --data <folder>` on real data.
// Exit 0 when all is well.
// Usage: node tools/install-check/install-check.js [--data <folder>] [--keep]
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { checkOptions } = require('../pack-check/check-options');

const { root, keep, data: realData } = checkOptions(process.argv.slice(2));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const log = (line) => process.stdout.write(`install-check: ${line}\n`);
const fail = (line) => { throw new Error(line); };

/** What the tarball may hold: the compiled CLI, the shipped data, and the package's own files. */
const ALLOWED = [/^dist\/cli\//, /^data\/(easing-cycles|nber-business-cycles)\.json$/, /^data\/scenarios\/[a-z-]+\.json$/, /^data\/sample\//, /^(package\.json|README\.md|LICENSE)$/];

/** A free TCP port on 127.0.0.1, asked of the kernel by a short-lived Node process. */
const freePort = () => Number(execFileSync(process.execPath, ['-e', "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });"], { encoding: 'utf8' }));

/** Processes started here (Redis, a worker), stopped by pid at the end. */
const children = [];

const started = Date.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ratecut-install-check-'));
try {
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const { filename, files, size } = packed[0];
  const names = files.map((f) => f.path);
  const stray = names.filter((n) => !ALLOWED.some((re) => re.test(n)));
  if (stray.length > 0) fail(`the tarball holds files it should not: ${stray.slice(0, 10).join(', ')}`);
  for (const must of ['LICENSE', 'dist/cli/ratecut.js', 'dist/cli/commands/cycles.js', 'dist/cli/commands/block-worker.js', 'dist/cli/executors/sweep-block.js', 'data/nber-business-cycles.json', 'data/sample/catalog.json']) {
    if (!names.includes(must)) fail(`the tarball lacks ${must}`);
  }
  log(`packed ${filename}: ${names.length} files, ${(size / 1024).toFixed(0)} KB`);

  const prefix = path.join(work, 'prefix'), home = path.join(work, 'home'), outside = path.join(work, 'elsewhere');
  for (const d of [prefix, home, outside]) fs.mkdirSync(d, { recursive: true });
  log(`installing it with npm install -g --prefix ${prefix}`);
  execFileSync(npm, ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', path.join(work, filename)], { cwd: outside, stdio: ['ignore', 'inherit', 'inherit'] });
  const bin = path.join(prefix, process.platform === 'win32' ? 'ratecut.cmd' : path.join('bin', 'ratecut'));
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: path.join(home, '.cache') };
  delete env.RATECUT_DATA;
  const ratecut = (argv, expect) => {
    const r = spawnSync(bin, argv, { cwd: outside, env, encoding: 'utf8' });
    if (r.status !== 0) fail(`ratecut ${argv.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.trim().slice(0, 800)}`);
    // Results on stdout, `wrote <file>` lines and warnings on stderr: either may hold what is expected.
    if (!expect.test(r.stdout) && !expect.test(r.stderr)) fail(`ratecut ${argv.join(' ')} did not print ${expect}: ${r.stdout.slice(0, 300)} ${r.stderr.slice(0, 300)}`);
    log(`ratecut ${argv.join(' ')}: ok (${r.stdout.split('\n')[0].slice(0, 90)})`);
  };
  ratecut(['--help'], /Usage: ratecut <command>/);
  ratecut(['cycles'], /^SYNTHETIC SAMPLE/);
  // Worker threads load the study executors from the installed dist/cli/executors.
  ratecut(['backtest', '--strategy', 'static-mix', '--sweep', 'small=0..1:0.004', '--workers', '2', '--out', 'sweep.csv'], /wrote /);
  // The same sweep through a job queue: BullMQ (kept a package, with its Lua scripts) in the installed CLI.
  if (spawnSync('redis-server', ['--version']).error === undefined) {
    const port = freePort();
    const url = `redis://127.0.0.1:${port}`;
    children.push(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', work], { stdio: 'ignore' }));
    for (let i = 0; spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() !== 'PONG'; i += 1) {
      if (i > 100) fail(`redis-server did not answer on port ${port}`);
      spawnSync('sleep', ['0.05']);
    }
    children.push(spawn(bin, ['worker', '--queue', url], { cwd: outside, env, stdio: 'ignore' }));
    // The same --out (the table records its command line, without --workers and --queue).
    fs.renameSync(path.join(outside, 'sweep.csv'), path.join(outside, 'sweep-threads.csv'));
    ratecut(['backtest', '--strategy', 'static-mix', '--sweep', 'small=0..1:0.004', '--queue', url, '--out', 'sweep.csv'], /wrote /);
    if (!fs.readFileSync(path.join(outside, 'sweep.csv')).equals(fs.readFileSync(path.join(outside, 'sweep-threads.csv')))) fail('the sweep through the queue differs from the sweep on worker threads');
  } else log('no redis-server here: skipped the sweep through a job queue');
  // The report compiles its charts with the installed Vega-Lite and inlines the installed Vega runtime.
  ratecut(['backtest', '--strategy', 'cut-trigger', '--out', 'backtest.json'], /wrote /);
  ratecut(['report', 'backtest.json', '--out', 'report.html'], /wrote .*report\.html/);
  if (!/<script type="application\/gzip" id="ratecut-vega" data-name="vega"/.test(fs.readFileSync(path.join(outside, 'report.html'), 'utf8'))) fail('report.html does not inline the Vega runtime');
  // --json: one JSON document on stdout (with the sample's notice as its first key).
  ratecut(['cycles', '--json', '--quiet'], /^\{ "notice": "SYNTHETIC SAMPLE/);
  if (JSON.parse(spawnSync(bin, ['cycles', '--json'], { cwd: outside, env, encoding: 'utf8' }).stdout).schema !== 'ratecut.cycles/1') fail('ratecut cycles --json did not print the cycles document');
  if (realData !== undefined && fs.existsSync(path.join(realData, 'catalog.json'))) ratecut(['cycles', '--data', realData], /Easing cycles \(/);
  else log('no real data folder (--data or RATECUT_DATA): skipped cycles on real data');
  log(`ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  process.stderr.write(`install-check: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  if (keep) log(`kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
