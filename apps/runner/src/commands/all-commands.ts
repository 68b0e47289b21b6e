/**
 * Every command, as one module: the entry of the compiled CLI's `dist/cli/commands.js` (see
 * tools/build-cli). In the build the command registry's lazy imports resolve to it, so
 * `ratecut --help` loads none of it. (The studies' block executors are bundled apart, one file
 * each, for worker threads.)
 */
export { demoCommand } from './demo/demo-command';
export { cyclesCommand } from './cycles/cycles-command';
export { backtestCommand } from './backtest/backtest-command';
export { simulateCommand } from './simulate/simulate-command';
export { compareCommand } from './compare/compare-command';
export { reportCommand } from './report/report-command';
export { fetchCommand } from './fetch/fetch-command';
