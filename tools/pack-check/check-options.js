'use strict';
// The command line of the packaging checks (pack-check, install-check): `[--data <folder>] [--keep]`.
const path = require('node:path');

/** The workspace root, whether to keep the throwaway folder, and the data folder given by --data or RATECUT_DATA (undefined without). */
function checkOptions(argv) {
  const dataFlag = argv.indexOf('--data');
  const given = dataFlag >= 0 ? argv[dataFlag + 1] : process.env.RATECUT_DATA || undefined;
  return { root: path.resolve(__dirname, '..', '..'), keep: argv.includes('--keep'), data: given === undefined ? undefined : path.resolve(given) };
}

module.exports = { checkOptions };
