// A small program of a user's own app, compiled against the packed @ratecut packages only.
import { loadCatalog, loadCuratedCycles, loadEasingCycles, loadMarketData } from '@ratecut/data-loader';
import { computeMetrics, findBuiltinStrategy, formatDay, makeJointSource, prepareSource, probabilityGreater, runBacktest, simulateBootstrapPaths, summarizeDistribution, formatIssue } from '@ratecut/sim-core';

function check(condition: boolean, what: string): void {
  if (!condition) {
    process.stderr.write(`consumer check failed: ${what}\n`);
    process.exit(1);
  }
}

const [dataDir] = process.argv.slice(2);
const catalog = loadCatalog(dataDir);
if (!catalog.ok) throw new Error(catalog.issues.map(formatIssue).join('\n'));
// The NBER dates the package ships (no path given): the facts travel with the library.
const easing = loadEasingCycles(catalog.value, undefined, { minMoveBp: 25, pauseMonths: 4 }, 12);
if (!easing.ok) throw new Error(easing.issues.map(formatIssue).join('\n'));
const curated = loadCuratedCycles();
check(curated.ok && curated.value.cycles.length > 10, 'the curated cycles ship with the package');
const market = loadMarketData(catalog.value, { small: 'rut', large: 'gspc' }, 'fedfunds', easing.value.history);
if (!market.ok) throw new Error(market.issues.map(formatIssue).join('\n'));
const { data } = market.value;
check(data.days.length > 1000, 'at least 1,000 trading days');
check(easing.value.cycles.length > 3, 'several easing cycles');

const def = findBuiltinStrategy('cut-trigger');
check(def !== undefined, 'the cut-trigger strategy is built in');
const strategy = def!.build(def!.defaults, def!.schedule, data.periodsPerYear);
const run = runBacktest(data, strategy, {
  startRow: 0, endRow: data.days.length - 1, executionLag: 1,
  costs: { costBps: 5, slippageBps: 5 }, limits: { allowLeverage: false, allowShort: false }, initialCapital: 1,
});
const metrics = computeMetrics({ returns: run.returns, cashReturns: run.cashReturns, periodsPerYear: data.periodsPerYear });
check(Number.isFinite(metrics.cagr) && Number.isFinite(metrics.sharpeRatio), 'finite CAGR and Sharpe ratio');
check(run.trades.length > 0, 'the strategy traded');

const rows = data.days.length;
const small = new Float64Array(rows - 1), large = new Float64Array(rows - 1);
for (let i = 1; i < rows; i += 1) {
  small[i - 1] = data.closes[0][i] / data.closes[0][i - 1] - 1;
  large[i - 1] = data.closes[1][i] / data.closes[1][i - 1] - 1;
}
const paths = 20_000;
const out = { smallReturn: new Float64Array(paths), largeReturn: new Float64Array(paths), smallMaxDrawdown: new Float64Array(paths), largeMaxDrawdown: new Float64Array(paths) };
simulateBootstrapPaths(prepareSource(makeJointSource([{ small, large }], 252)), { method: 'stationary', meanBlock: 21, horizon: 252, seed: 1, firstPath: 0, pathCount: paths }, out);
const summary = summarizeDistribution(out.smallReturn);
const beat = probabilityGreater(out.smallReturn, out.largeReturn);
check(summary.count === paths && beat > 0 && beat < 1, 'a sensible simulation');

process.stdout.write(
  `consumer: ${rows} rows ${formatDay(data.days[0])}..${formatDay(data.days[rows - 1])}, ${easing.value.cycles.length} cycles; ` +
    `cut-trigger CAGR ${(metrics.cagr * 100).toFixed(2)}%, Sharpe ${metrics.sharpeRatio.toFixed(2)}, ${run.trades.length} trades; ` +
    `${paths} bootstrap paths: median small ${(summary.percentiles[4] * 100).toFixed(1)}%, P(small beats large) ${(beat * 100).toFixed(1)}%\n`,
);
