#!/usr/bin/env node
'use strict';
// The `ratecut` command. Runs the TypeScript sources directly: ts-node in transpile-only mode
// (type-checking is `npm test`'s job) and tsconfig paths for the @ratecut/* libraries.
const path = require('node:path');
const root = path.resolve(__dirname, '..', '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
require('ts-node').register({
  transpileOnly: true,
  skipProject: true,
  compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, ignoreDeprecations: '6.0' },
});
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
require('../src/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
