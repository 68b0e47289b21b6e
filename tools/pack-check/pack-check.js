#!/usr/bin/env node
'use strict';
// Packs @ratecut/sim-core and @ratecut/data-loader as npm packages, installs them into a
// throwaway TypeScript app outside the workspace, and runs a small program there that loads
// data, runs a strategy and a simulation and checks the results. Exit 0 when all is well.
// Usage: node tools/pack-check/pack-check.js [--data <folder>] [--keep]
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { checkOptions } = require('./check-options');

const { root, keep, data } = checkOptions(process.argv.slice(2));
const dataDir = data ?? path.join(root, 'data', 'sample');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, argv, cwd) => execFileSync(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const log = (line) => process.stdout.write(`pack-check: ${line}\n`);

const started = Date.now();
log('building sim-core and data-loader');
run(path.join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '-p', 'sim-core', 'data-loader', '--outputStyle=static'], root);

// What a published library holds: its LICENSE, no source maps (they would point at sources the
// package does not ship), and "sideEffects": false (no module does anything when loaded).
for (const lib of ['sim-core', 'data-loader']) {
  const dir = path.join(root, 'dist', 'libs', lib);
  if (!fs.existsSync(path.join(dir, 'LICENSE'))) throw new Error(`pack-check: dist/libs/${lib} has no LICENSE`);
  const maps = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.map'));
  if (maps.length > 0) throw new Error(`pack-check: dist/libs/${lib} holds source maps (${maps.slice(0, 3).join(', ')}) of sources it does not ship`);
  if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).sideEffects !== false) throw new Error(`pack-check: @ratecut/${lib} is not marked "sideEffects": false`);
}
// The facts loadEasingCycles and loadCuratedCycles read by default travel with @ratecut/data-loader.
for (const file of ['nber-business-cycles.json', 'easing-cycles.json']) {
  if (!fs.existsSync(path.join(root, 'dist', 'libs', 'data-loader', 'data', file))) throw new Error(`pack-check: dist/libs/data-loader has no data/${file}`);
}
log('packages hold a LICENSE, no source maps, and are marked "sideEffects": false');

const app = fs.mkdtempSync(path.join(os.tmpdir(), 'ratecut-pack-check-'));
try {
  const tarballs = ['sim-core', 'data-loader'].map((lib) => {
    const name = run(npm, ['pack', '--silent', '--pack-destination', app], path.join(root, 'dist', 'libs', lib)).trim().split('\n').pop();
    return path.join(app, name);
  });
  log(`packed ${tarballs.map((t) => path.basename(t)).join(', ')}`);
  const tsVersion = require(path.join(root, 'node_modules', 'typescript', 'package.json')).version;
  const nodeTypes = require(path.join(root, 'node_modules', '@types', 'node', 'package.json')).version;
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'ratecut-consumer', private: true, version: '0.0.0' }, null, 2));
  fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, outDir: 'out', types: ['node'], skipLibCheck: false },
    files: ['main.ts'],
  }, null, 2));
  fs.copyFileSync(path.join(__dirname, 'consumer-main.ts'), path.join(app, 'main.ts'));
  log(`installing the tarballs, typescript@${tsVersion} and @types/node@${nodeTypes} into ${app}`);
  run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, `typescript@${tsVersion}`, `@types/node@${nodeTypes}`], app);
  log('type-checking and compiling the consumer app against the published declarations');
  run(process.execPath, [path.join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], app);
  log(`running it on ${dataDir}`);
  const out = execFileSync(process.execPath, [path.join(app, 'out', 'main.js'), dataDir], { cwd: app, encoding: 'utf8' });
  process.stdout.write(out);
  log(`ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  if (keep) log(`kept ${app}`);
  else fs.rmSync(app, { recursive: true, force: true });
}
