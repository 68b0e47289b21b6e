#!/usr/bin/env node
// Runs generate-sample.ts through ts-node (transpile only). Usage: node tools/generate-sample/run.js [--out <dir>] [--seed <n>]
const path = require('path');

require('ts-node').register({
  transpileOnly: true,
  project: path.join(__dirname, 'tsconfig.json'),
  compilerOptions: { module: 'commonjs', ignoreDeprecations: '6.0' },
});
require('./generate-sample.ts');
