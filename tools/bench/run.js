#!/usr/bin/env node
'use strict';
// The workspace benchmark runner: `npm run bench [-- --json] [-- --data <dir>]`. Runs the
// TypeScript sources directly, as apps/runner/bin/ratecut.js does: ts-node in transpile-only
// mode (type-checking is `npx tsc -p tools/bench`'s job) and tsconfig paths for @ratecut/*.
const path = require('node:path');
const root = path.resolve(__dirname, '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
require('ts-node').register({
  transpileOnly: true,
  skipProject: true,
  compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, ignoreDeprecations: '6.0' },
});
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
require('./benchmarks.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
