'use strict';
// Worker-thread entry of the studies' block pool (see block-pool.ts). The first message names
// the module and export of a study's block executor and carries the study's context, answered
// with a ready message (index -1); every later message is one block, answered with its output
// (typed-array buffers transferred) and the seconds the executor took.
// When the executor is a TypeScript source (running from the workspace, not a build), the
// TypeScript loader is registered first, as the `ratecut` bin does.
const fs = require('node:fs');
const path = require('node:path');
const { parentPort } = require('node:worker_threads');

function registerTypeScript(from) {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'tsconfig.base.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no tsconfig.base.json above ${from}`);
    dir = up;
  }
  const { compilerOptions } = require(path.join(dir, 'tsconfig.base.json'));
  require('ts-node').register({
    transpileOnly: true,
    skipProject: true,
    compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, ignoreDeprecations: '6.0' },
  });
  require('tsconfig-paths').register({ baseUrl: dir, paths: compilerOptions.paths });
}

/** The ArrayBuffers behind typed arrays in `value` and its own properties (one level down). */
function transferList(value) {
  const out = new Set();
  const visit = (v) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.add(v.buffer);
  };
  visit(value);
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const v of Array.isArray(value) ? value : Object.values(value)) visit(v);
  }
  return [...out];
}

let run = null;
let context = null;
const cache = new Map();
parentPort.on('message', (msg) => {
  try {
    if (msg.type === 'init') {
      if (msg.module.endsWith('.ts')) registerTypeScript(path.dirname(msg.module));
      const fn = require(msg.module)[msg.exportName];
      if (typeof fn !== 'function') throw new Error(`${msg.module} does not export a function ${msg.exportName}`);
      run = fn;
      context = msg.context;
      parentPort.postMessage({ ok: true, index: -1 });
      return;
    }
    const t0 = process.hrtime.bigint();
    const output = run(context, msg.block, cache, msg.shared);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    parentPort.postMessage({ ok: true, index: msg.index, output, seconds }, transferList(output));
  } catch (e) {
    parentPort.postMessage({ ok: false, index: msg.type === 'init' ? -1 : msg.index, error: e instanceof Error ? e.stack || e.message : String(e) });
  }
});
