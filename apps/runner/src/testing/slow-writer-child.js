'use strict';
// Test helper run as a child process: writes a result set of three files into argv[2] through
// the result-set writer, sleeping argv[3] ms inside each file write (so a test can signal it or
// start a second writer meanwhile). Prints "written" or the error message; exit 0 / the error's code.
const path = require('node:path');
const fs = require('node:fs');
const root = path.resolve(__dirname, '..', '..', '..', '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
require('ts-node').register({
  transpileOnly: true,
  skipProject: true,
  compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, ignoreDeprecations: '6.0' },
});
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
const { writeResultSet } = require('../cli/result-set-writer.ts');

const [dir, delay, tag] = [process.argv[2], Number(process.argv[3]), process.argv[4] ?? 'new'];
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const slowFs = { ...fs, writeFileSync: (...args) => { process.stdout.write(`writing ${path.basename(String(args[0]))}\n`); sleep(delay); return fs.writeFileSync(...args); } };
try {
  writeResultSet(['a.json', 'a.equity.csv', 'a.trades.csv'].map((p) => ({ path: p, text: `${tag} ${p}\n` })), { cwd: dir, force: true, fs: slowFs });
  process.stdout.write('written\n');
  // Stay alive a moment so a signal that arrived during the write is delivered now.
  setTimeout(() => undefined, 2000);
} catch (e) {
  process.stdout.write(`${e.message}\n`);
  process.exitCode = e.exitCode ?? 99;
}
