#!/usr/bin/env node
'use strict';
// Regenerates the example outputs in README.md by running the commands they show:
// `npm run readme-examples [-- --only id,...] [-- --check]`.
// Runs the TypeScript source through ts-node in transpile-only mode, as tools/bench/run.js does;
// the examples run the compiled CLI (dist/cli, what users run), built first.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
execFileSync(process.execPath, [path.join(__dirname, '..', 'build-cli', 'build-cli.js')], { stdio: 'inherit' });
require('ts-node').register({
  transpileOnly: true,
  skipProject: true,
  compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, ignoreDeprecations: '6.0' },
});
require('./generate.ts')
  .main(process.argv.slice(2), path.resolve(__dirname, '..', '..'))
  .then((code) => { process.exitCode = code; });
