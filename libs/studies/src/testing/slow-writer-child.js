'use strict';
// Test helper run as a child process: writes a result set of three files into argv[2] through
// the result-set writer. argv[3] is "0" (no pause) or "block:<n>:<file>": the n-th file write
// prints "writing <name>" and waits until <file> exists, so a test can signal the process or
// start a second writer at that moment, whatever the machine's load. Prints "written" or the
// error message; exit 0, or the error's exit code.
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
const { writeResultSet } = require('../lib/output/result-set-writer.ts');

const [dir, mode, tag] = [process.argv[2], process.argv[3], process.argv[4] ?? 'new'];
const [, blockAt, goFile] = /^block:(\d+):(.+)$/.exec(mode) ?? [null, '0', ''];
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
let writes = 0;
const slowFs = {
  ...fs,
  writeFileSync: (...args) => {
    writes += 1;
    if (writes === Number(blockAt)) {
      fs.writeSync(1, `writing ${path.basename(String(args[0]))}\n`);
      for (let waited = 0; !fs.existsSync(goFile) && waited < 60000; waited += 20) sleep(20);
    }
    return fs.writeFileSync(...args);
  },
};
try {
  writeResultSet(['a.json', 'a.equity.csv', 'a.trades.csv'].map((p) => ({ path: p, text: `${tag} ${p}\n` })), { cwd: dir, force: true, fs: slowFs });
  process.stdout.write('written\n');
  // Stay alive a moment so a signal that arrived during the write is delivered now.
  setTimeout(() => undefined, 2000);
} catch (e) {
  process.stdout.write(`${e.message}\n`);
  process.exitCode = e.exitCode ?? 99;
}
