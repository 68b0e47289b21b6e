import { TEST_BACKTEST_CONFIG, testBacktestConventions } from './backtest-document-parts';
import type { BacktestResultJson, MetricsJson, StrategyResultJson } from '@ratecut/contracts';
import type { SimulateResultJson } from '@ratecut/contracts';
import { distributionJson, histogramJson } from '../lib/simulate/outcome-summary';

/**
 * Small, hand-made result documents for the report's tests: made up (not market data), valid
 * for the contracts' backtest and simulate schemas, and small enough that
 * every drawn value can be recomputed in a test.
 */

/** `count` weekdays from `first` (ISO dates). */
export function weekdays(first: string, count: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); out.length < count; t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const metrics = (periods: number, periodsPerYear: number, full: Partial<MetricsJson> = {}): MetricsJson => ({
  periods, periodsPerYear, totalReturn: null, cagr: null, annualizedVolatility: null, sharpeRatio: null, sortinoRatio: null,
  maxDrawdown: { depth: null, peak: null, trough: null, recovery: null }, calmarRatio: null, turnover: null, rebalanceCount: null,
  tradeCount: null, excessReturn: null, hitRate: null, trackingError: null, informationRatio: null, beta: null, alpha: null, ...full,
});

/** `count` month-end dates from the month of `first` (ISO `YYYY-MM`). */
export function monthEnds(first: string, count: number): string[] {
  const [y0, m0] = first.split('-').map(Number);
  return Array.from({ length: count }, (_, k) => new Date(Date.UTC(y0, m0 - 1 + k + 1, 0)).toISOString().slice(0, 10));
}

/**
 * The three cycle windows of {@link backtestDocument}: a recession cycle inside the data, a
 * resumption that joins its episode (listed, not counted) and one running past the data's end.
 */
export const TEST_CYCLES = [
  { cycleId: '2001-01', recession: true, start: '2001-01-15', end: '2001-06-29', anchor: '2001-02-01', complete: true },
  { cycleId: '2001-05', recession: true, start: '2001-03-01', end: '2001-10-31', anchor: '2001-05-15', complete: true },
  { cycleId: '2001-09', recession: false, start: '2001-09-03', end: '2002-06-28', anchor: '2001-10-01', complete: false },
] as const;

/** Ids of the {@link TEST_CYCLES} that enter the aggregates (2001-05 joins 2001-01's episode). */
export const TEST_COUNTED = ['2001-01', '2001-09'] as const;

/** Window total returns of `cut-trigger` in the {@link TEST_CYCLES}. */
export const TEST_TRIGGER_RETURNS = [0.08, -0.02, 0.05] as const;

/** Deterministic equity columns: the benchmark (large caps), small caps, a strategy, and large caps again (the benchmark's duplicate). */
export function testEquity(dates: readonly string[]): Record<string, number[]> {
  const large = dates.map((_, i) => (1 + 0.0003 * i) * (1 + 0.05 * Math.sin(i / 9)));
  const small = dates.map((_, i) => (1 + 0.0005 * i) * (1 + 0.09 * Math.sin(i / 7 + 1)));
  const trigger = dates.map((_, i) => (1 + 0.0004 * i) * (1 + 0.07 * Math.cos(i / 11)));
  return { 'benchmark:buy-hold-large': large, 'buy-hold-small': small, 'buy-hold-large': [...large], 'cut-trigger': trigger };
}

/** First index with `dates[i] >= d` and last with `dates[i] <= d`, by a linear scan. */
const firstAtOrAfter = (dates: readonly string[], d: string): number => dates.findIndex((x) => x >= d);
const lastAtOrBefore = (dates: readonly string[], d: string): number => dates.reduce((k, x, i) => (x <= d ? i : k), -1);

/**
 * The window total return of a buy-and-hold run in a test cycle: the column's value at the
 * window's last row over its value `lag` rows after the window's first row, minus 1 (no costs).
 */
export function testHoldReturn(dates: readonly string[], col: readonly number[], c: { start: string; end: string }, lag: number): number {
  const i0 = firstAtOrAfter(dates, c.start), i1 = lastAtOrBefore(dates, c.end);
  return col[i1] / col[Math.min(i0 + lag, i1)] - 1;
}

function strategy(
  label: string, name: string, totals: readonly number[], benchTotals: readonly number[], compared: boolean,
  rows: number, periodsPerYear: number, full: Partial<MetricsJson>,
): StrategyResultJson {
  const excess = TEST_CYCLES.map((_, i) => (compared ? totals[i] - benchTotals[i] : null));
  const counted = TEST_CYCLES.map((c, i) => ({ c, x: excess[i] })).filter((e) => (TEST_COUNTED as readonly string[]).includes(e.c.cycleId));
  const aggregate = (group: string, keep: (c: (typeof TEST_CYCLES)[number]) => boolean) => {
    const ys = counted.filter((e) => keep(e.c)).map((e) => e.x ?? NaN);
    const sorted = [...ys].sort((a, b) => a - b);
    const med = sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    const ok = (x: number): number | null => (compared && Number.isFinite(x) ? x : null);
    return {
      group, cycles: ys.length,
      meanExcess: ok(ys.reduce((a, b) => a + b, 0) / ys.length), medianExcess: ok(med),
      hitRate: ok(ys.filter((y) => y > 0).length / ys.length), worstCycle: null, worstExcess: null,
    };
  };
  return {
    label, sameAsBenchmark: !compared, name, description: `${name} (test)`, params: {}, schedule: { kind: 'on-signal' }, warmupRows: 0,
    full: { first: '2001-01-01', last: '2001-12-31', metrics: metrics(rows, periodsPerYear, full), trades: [], rejected: [] },
    cycles: TEST_CYCLES.map((c, i) => ({
      ...c, totalReturn: totals[i], benchmarkTotalReturn: benchTotals[i], excessTotalReturn: excess[i], warmupShortRows: 0, metrics: metrics(50, periodsPerYear),
    })),
    aggregates: [aggregate('all', () => true), aggregate('recession', (c) => c.recession), aggregate('non-recession', (c) => !c.recession)],
  };
}

/** A drawdown in the metrics of the test runs. */
const dd = (depth: number) => ({ depth, peak: '2001-02-01', trough: '2001-05-01', recovery: null });

/**
 * A `ratecut.backtest/2` document, made up, over 260 weekdays from 2001-01-01 (or, with
 * `frequency: 'monthly'`, 51 month ends from 1998-01): benchmark `benchmark:buy-hold-large`,
 * strategies `buy-hold-small`, `buy-hold-large` (defined as the benchmark: same equity, null
 * excess) and `cut-trigger` (window total returns {@link TEST_TRIGGER_RETURNS}); the legs'
 * window total returns follow their equity columns ({@link testHoldReturn}); the cycles of
 * {@link TEST_CYCLES}, with 2001-05 listed as joining 2001-01's episode (not counted), and
 * aggregates over the counted ones; full-history CAGR 5 % (benchmark), 7 % (small), 6 % (trigger).
 */
export function backtestDocument(options: { synthetic?: boolean; frequency?: 'daily' | 'monthly' } = {}): BacktestResultJson {
  const monthly = options.frequency === 'monthly';
  const dates = monthly ? monthEnds('1998-01', 51) : weekdays('2001-01-01', 260);
  const periodsPerYear = monthly ? 12 : 252;
  const synthetic = options.synthetic === true;
  const series = testEquity(dates);
  const lag = TEST_BACKTEST_CONFIG.executionLag;
  const hold = (key: string) => TEST_CYCLES.map((c) => testHoldReturn(dates, series[key], c, lag));
  const bench = hold('benchmark:buy-hold-large');
  const n = dates.length;
  return {
    ...(synthetic ? { notice: 'SYNTHETIC SAMPLE: test data' } : {}),
    schema: 'ratecut.backtest/2',
    ratecutVersion: '0.0.0-test',
    commandLine: 'ratecut backtest --out bt.json',
    config: TEST_BACKTEST_CONFIG,
    data: {
      catalog: 'data/catalog.json', origin: 'flag', synthetic,
      inputs: [{ file: 'rut.csv', sha256: 'ab'.repeat(32) }],
      pair: { id: 'rut-gspc', small: 'rut', large: 'gspc', returnBasis: 'price return <test>' },
      first: dates[0], last: dates[n - 1], rows: n, periodsPerYear,
    },
    conventions: testBacktestConventions({ execution: 'decide at the close of row t, trade at the close of row t+1', costs: 'none & "free"' }),
    warnings: [],
    cycles: TEST_CYCLES.map((c) => ({
      id: c.cycleId, firstCut: c.anchor, lastCut: c.cycleId === '2001-01' ? '2001-03-20' : c.anchor, cuts: c.cycleId === '2001-01' ? 3 : 1, totalEasingBp: 100,
      resumption: c.cycleId === '2001-05', recession: c.recession, covered: true, overlapsPrevious: c.cycleId === '2001-05' ? '2001-01' : null,
      episode: c.cycleId === '2001-05' ? '2001-01' : c.cycleId, counted: (TEST_COUNTED as readonly string[]).includes(c.cycleId),
    })),
    benchmark: strategy('benchmark:buy-hold-large', 'buy-hold-large', bench, bench, false, n, periodsPerYear,
      { cagr: 0.05, annualizedVolatility: 0.15, sharpeRatio: 0.2, sortinoRatio: 0.3, maxDrawdown: dd(-0.2), calmarRatio: 0.25 }),
    strategies: [
      strategy('buy-hold-small', 'buy-hold-small', hold('buy-hold-small'), bench, true, n, periodsPerYear,
        { cagr: 0.07, annualizedVolatility: 0.22, sharpeRatio: 0.25, sortinoRatio: 0.35, maxDrawdown: dd(-0.3), calmarRatio: 0.2333 }),
      strategy('buy-hold-large', 'buy-hold-large', bench, bench, false, n, periodsPerYear,
        { cagr: 0.05, annualizedVolatility: 0.15, sharpeRatio: 0.2, sortinoRatio: 0.3, maxDrawdown: dd(-0.2), calmarRatio: 0.25 }),
      strategy('cut-trigger', 'cut-trigger', [...TEST_TRIGGER_RETURNS], bench, true, n, periodsPerYear,
        { cagr: 0.06, annualizedVolatility: 0.18, sharpeRatio: 0.3, sortinoRatio: 0.4, maxDrawdown: dd(-0.25), calmarRatio: 0.24, beta: 0.9 }),
    ],
    equity: { dates, series },
  };
}

/** Fan percentiles of {@link simulateDocument}. */
export const FAN_PERCENTILES = [5, 25, 50, 75, 95] as const;

/**
 * A whole `ratecut.simulate/1` document: 4 monthly fan steps, 4 histogram bins per leg, targets
 * `small:+20%` and `spread:0%`.
 */
export function simulateDocument(): SimulateResultJson {
  const dist = (m: number) => ({
    count: 1000,
    percentiles: { p1: m - 0.3, p5: m - 0.2, p10: m - 0.15, p25: m - 0.1, p50: m, p75: m + 0.1, p90: m + 0.15, p95: m + 0.2, p99: m + 0.3 },
    mean: m, sd: 0.15, var95: 0.1, cvar95: 0.15, var99: 0.2, cvar99: 0.25,
  });
  const fanRows = (drift: number) => [0, 1, 2, 3, 4].map((s) => FAN_PERCENTILES.map((p) => (s === 0 ? 0 : drift * s + ((p - 50) / 100) * 0.1 * Math.sqrt(s))));
  return {
    schema: 'ratecut.simulate/1',
    ratecutVersion: '0.0.0-test',
    commandLine: 'ratecut simulate insurance-cuts --out sim.json',
    scenario: {
      name: 'insurance-cuts', title: 'Insurance cuts', description: '', cutPath: { kind: 'total', totalBp: 75, overMonths: 3 }, regime: 'any',
      horizon: { months: 4 }, history: { kind: 'analogs' }, windowMonths: 24, pair: 'rut-gspc', method: { kind: 'stationary', meanBlock: 'auto' }, paths: 1000, seed: 1995,
    },
    data: {
      catalog: 'data/catalog.json', origin: 'env', synthetic: false, inputs: [{ file: 'gspc.csv', sha256: 'cd'.repeat(32) }],
      pair: { id: 'rut-gspc', small: 'rut', large: 'gspc', returnBasis: 'price return' }, first: '1990-01-02', last: '2020-12-31',
    },
    generator: 'test generator',
    seed: 1995,
    paths: 1000,
    method: { kind: 'stationary', meanBlock: 16.5, blockRule: 'given', reference: 'Politis and Romano (1994)', jointDraws: 'both legs from the same rows' },
    horizon: { months: 4, steps: 4, unit: 'months' },
    cutPath: { totalEasingBp: 75, monthlyChangePct: [-0.25, -0.25, -0.25] },
    analogs: { cycleIds: ['1995-07', '1998-09'], cycles: 2, observations: 500, monthlyObservations: 24, windowMonths: 24, warnings: ['only 2 analog cycles'] },
    conventions: { returns: 'simple returns', drawdown: 'from the running peak', var: 'losses as positive numbers', windows: '24 months after each first cut', determinism: 'same seed, same file' },
    legs: { small: dist(0.2), large: dist(0.1), spread: dist(0.1) },
    probabilities: {
      smallBeatsLarge: 0.61,
      targets: [
        { target: 'small:+20%', leg: 'small', level: 0.2, probability: 0.4567 },
        { target: 'spread:0%', leg: 'spread', level: 0, probability: 0.61 },
      ],
    },
    drawdowns: { small: dist(-0.2), large: dist(-0.1) },
    drawdownSampling: { frequency: 'monthly', steps: 4, note: 'sampled monthly' },
    histograms: {
      bins: 4,
      small: { edges: [-0.2, 0, 0.2, 0.4, 0.6], counts: [100, 300, 400, 200] },
      large: { edges: [-0.1, 0, 0.1, 0.2, 0.3], counts: [150, 350, 350, 150] },
      spread: { edges: [-0.3, -0.1, 0.1, 0.3, 0.5], counts: [120, 380, 380, 120] },
    },
    fan: { paths: 1000, stepUnit: 'months', percentiles: [...FAN_PERCENTILES], small: fanRows(0.05), large: fanRows(0.025) },
    strategies: { paths: 0, note: 'no strategies replayed', results: [] },
  };
}

/**
 * Known draws for {@link simulateDocumentFromDraws}: `n` horizon returns of small and large
 * (decimals) from a fixed recurrence (no randomness), small more spread out than large.
 */
export function knownDraws(n = 2000): { small: Float64Array; large: Float64Array } {
  const small = new Float64Array(n), large = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const u = (i + 0.5) / n;
    const z = Math.log(u / (1 - u)); // logistic quantile
    const w = Math.sin(i * 12.9898) * 0.5; // a second, deterministic wobble
    small[i] = 0.12 + 0.18 * z + 0.05 * w;
    large[i] = 0.08 + 0.1 * z * 0.8 + 0.06 * w;
  }
  return { small, large };
}

/**
 * {@link simulateDocument} with its distributions, probabilities and histograms made from
 * known draws by the simulate study's own summaries (`distributionJson`, `histogramJson` with
 * `bins` bins), and targets `small:+20%`, `large:+10%` and `spread:+5%` counted over the draws;
 * the fan stays the base document's.
 */
export function simulateDocumentFromDraws(draws: { small: Float64Array; large: Float64Array }, bins = 60): SimulateResultJson {
  const doc = simulateDocument();
  const { small, large } = draws;
  const spread = small.map((s, i) => s - large[i]);
  const share = (xs: Float64Array, ok: (x: number, i: number) => boolean) => xs.reduce((n, x, i) => n + (ok(x, i) ? 1 : 0), 0) / xs.length;
  doc.paths = small.length;
  doc.legs = { small: distributionJson(small), large: distributionJson(large), spread: distributionJson(spread) };
  doc.histograms = { bins, small: histogramJson(small, bins), large: histogramJson(large, bins), spread: histogramJson(spread, bins) };
  doc.probabilities = {
    smallBeatsLarge: share(small, (s, i) => s > large[i]),
    targets: [
      { target: 'small:+20%', leg: 'small', level: 0.2, probability: share(small, (x) => x >= 0.2) },
      { target: 'large:+10%', leg: 'large', level: 0.1, probability: share(large, (x) => x >= 0.1) },
      { target: 'spread:+5%', leg: 'spread', level: 0.05, probability: share(spread, (x) => x >= 0.05) },
    ],
  };
  return doc;
}
