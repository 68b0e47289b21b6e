'use strict';
// Worker thread entry: registers the TypeScript loader like the `ratecut` bin, then runs shards
// sent by the main thread (see run-paths.ts) and posts their outcomes back (transferred).
const path = require('node:path');
const { parentPort } = require('node:worker_threads');
const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
require('ts-node').register({
  transpileOnly: true,
  skipProject: true,
  compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, ignoreDeprecations: '6.0' },
});
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
const { runPathJob } = require('./path-job.ts');
const cache = new Map();
parentPort.on('message', (job) => {
  try {
    const out = runPathJob(job, cache);
    parentPort.postMessage({ ok: true, out }, [out.smallReturn.buffer, out.largeReturn.buffer, out.smallMaxDrawdown.buffer, out.largeMaxDrawdown.buffer]);
  } catch (e) {
    parentPort.postMessage({ ok: false, error: e instanceof Error ? e.stack || e.message : String(e) });
  }
});
