import { TEST_BACKTEST_CONFIG, testBacktestConventions } from './backtest-document-parts';
import { BACKTEST_SCHEMA, type BacktestResultJson, type MetricsJson, type StrategyResultJson } from '@ratecut/contracts';
import { formatDay, parseIsoDay } from '@ratecut/sim-core';
import type { CompareInput } from '../lib/compare/compare-input';
import type { SimulateResultJson } from '@ratecut/contracts';
import { simulateDocument } from './report-documents';

/** Deterministic daily returns in about ±1% (a linear congruential sequence, so fixtures need no generator). */
export function fixtureReturns(n: number, seed: number, drift = 0): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(drift + (s / 2 ** 32 - 0.5) * 0.02);
  }
  return out;
}

/** An equity curve from 1 and daily returns. */
export function equityOf(returns: readonly number[]): number[] {
  const out = [1];
  for (const r of returns) out.push(out[out.length - 1] * (1 + r));
  return out;
}

const metrics = (sharpe: number): MetricsJson => ({
  periods: 300, periodsPerYear: 252, totalReturn: 0.1, cagr: 0.08, annualizedVolatility: 0.15, sharpeRatio: sharpe, sortinoRatio: null,
  maxDrawdown: { depth: -0.2, peak: null, trough: null, recovery: null }, calmarRatio: 0.4, turnover: 1, rebalanceCount: 1, tradeCount: 2,
  excessReturn: null, hitRate: null, trackingError: null, informationRatio: null, beta: null, alpha: null,
});

/** One strategy of a fixture backtest: its label and the total return of each cycle window (by cycle id). */
export interface FixtureStrategy {
  readonly label: string;
  readonly returns: readonly number[];
  readonly cycles?: Readonly<Record<string, number>>;
  readonly sharpe?: number;
}

function strategy(s: FixtureStrategy): StrategyResultJson {
  return {
    label: s.label, sameAsBenchmark: false, name: s.label, description: s.label, params: {}, schedule: { kind: 'on-signal' }, warmupRows: 0,
    full: { first: '2019-01-01', last: '2019-12-31', metrics: metrics(s.sharpe ?? 0.5), trades: [], rejected: [] },
    cycles: Object.entries(s.cycles ?? {}).map(([cycleId, totalReturn]) => ({
      cycleId, recession: cycleId === '2020-03', start: '2019-01-01', end: '2019-12-31', anchor: '2019-06-01', complete: true,
      totalReturn, benchmarkTotalReturn: 0, excessTotalReturn: totalReturn, warmupShortRows: 0, metrics: metrics(0.5),
    })),
    aggregates: [{ group: 'all', cycles: 2, meanExcess: 0.01, medianExcess: 0.01, hitRate: 0.5, worstCycle: null, worstExcess: null }],
  };
}

/**
 * A `ratecut.backtest/2` result on consecutive calendar days from 2019-01-01 with the given
 * strategies and benchmark (each an equity curve from its daily returns), read as a compare
 * input named `name`. `edit` may change the document (e.g. its data inputs).
 */
export function backtestInput(name: string, strategies: readonly FixtureStrategy[], benchmark: FixtureStrategy, edit: (doc: BacktestResultJson) => void = () => undefined): CompareInput {
  const n = benchmark.returns.length + 1;
  const first = parseIsoDay('2019-01-01');
  const dates = Array.from({ length: n }, (_, i) => formatDay(first + i));
  const doc: BacktestResultJson = {
    schema: BACKTEST_SCHEMA, ratecutVersion: '0.0.0-test', commandLine: 'ratecut backtest', config: TEST_BACKTEST_CONFIG,
    data: {
      catalog: 'catalog.json', origin: 'flag', synthetic: false, inputs: [{ file: 'catalog.json', sha256: 'ab'.repeat(32) }, { file: 'small.csv', sha256: 'cd'.repeat(32) }],
      pair: { id: 'rut-gspc', small: 'rut', large: 'gspc', returnBasis: 'price return' }, first: dates[0], last: dates[n - 1], rows: n, periodsPerYear: 252,
    },
    conventions: testBacktestConventions(),
    warnings: [],
    cycles: [
      { id: '2019-08', firstCut: '2019-08-01', lastCut: '2019-10-31', cuts: 3, totalEasingBp: 75, resumption: false, recession: false, covered: true, overlapsPrevious: null, episode: '2019-08', counted: true },
      { id: '2020-03', firstCut: '2020-03-04', lastCut: '2020-03-16', cuts: 2, totalEasingBp: 150, resumption: false, recession: true, covered: true, overlapsPrevious: '2019-08', episode: '2019-08', counted: false },
    ],
    benchmark: { ...strategy(benchmark), sameAsBenchmark: true },
    strategies: strategies.map(strategy),
    equity: { dates, series: Object.fromEntries([benchmark, ...strategies].map((s) => [s.label, equityOf(s.returns)])) },
  };
  edit(doc);
  return { kind: 'backtest', file: `/results/${name}`, name, schema: doc.schema, doc };
}

/** A whole `ratecut.simulate/1` result (the report's test document with the values compare reads set), read as a compare input named `name`. */
export function simulateInput(name: string, options: { months?: number; p50?: number; beat?: number; targets?: { target: string; probability: number }[]; analogs?: string[] } = {}): CompareInput {
  const base = simulateDocument();
  const summary = (p50: number) => ({ ...base.legs.small, percentiles: { ...base.legs.small.percentiles, p5: p50 - 0.2, p25: p50 - 0.1, p50, p75: p50 + 0.1, p95: p50 + 0.2 }, mean: p50, sd: 0.1 });
  const months = options.months ?? 12;
  const p50 = options.p50 ?? 0.1;
  const doc: SimulateResultJson = {
    ...base,
    scenario: { ...base.scenario, name },
    data: { ...base.data, synthetic: false, inputs: [{ file: 'catalog.json', sha256: 'ab'.repeat(32) }], pair: { ...base.data.pair, id: 'rut-gspc' }, first: '1987-09-10', last: '2026-02-23' },
    seed: 1, paths: 1000, horizon: { months, steps: months * 21, unit: 'trading days' },
    analogs: { ...base.analogs, cycleIds: options.analogs ?? ['1995-07'] },
    legs: { small: summary(p50), large: summary(0.08), spread: summary(p50 - 0.08) },
    probabilities: {
      smallBeatsLarge: options.beat ?? 0.5,
      targets: (options.targets ?? []).map((t) => ({ ...t, leg: 'small' as const, level: 0 })),
    },
  };
  return { kind: 'simulate', file: `/results/${name}.json`, name: `${name}.json`, schema: doc.schema, doc };
}
