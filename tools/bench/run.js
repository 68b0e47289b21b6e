#!/usr/bin/env node
'use strict';
// The workspace benchmark runner: `npm run bench [-- --json] [-- --data <dir>]`. Times the
// compiled code, as the \`ratecut\` bin runs it: builds the CLI (dist/cli, whose study executors
// worker threads load) and bundles benchmarks.ts the same way into dist/bench, then runs it.
// Type-checking is \`npx tsc -p tools/bench\`'s job. The processes that \`--peers\` starts, one per
// benchmark, run the bundle already built (RATECUT_BENCH_BUILT=1).
const path = require('node:path');
const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'dist', 'bench', 'benchmarks.js');

async function run() {
  if (process.env.RATECUT_BENCH_BUILT !== '1') {
    const { buildCli, bundleModule } = require('../build-cli/build-cli.js');
    await buildCli();
    await bundleModule(path.join(__dirname, 'benchmarks.ts'), bundle);
  }
  return require(bundle).main(process.argv.slice(2));
}

run().then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 1; },
);
