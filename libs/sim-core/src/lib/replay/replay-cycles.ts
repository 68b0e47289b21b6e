import type { ClassifiedCycle } from '../fed/classified-cycle';
import { mean } from '../stats/mean';
import { median } from '../stats/median';
import type { BacktestConfig, BacktestRun } from '../engine/backtest-types';
import type { MarketData } from '../market/market-data';
import { runBacktest } from '../engine/run-backtest';
import { computeMetrics, type Metrics } from '../metrics/compute-metrics';
import { beats } from '../metrics/hit-rate';
import { rebalanceCount } from '../metrics/rebalance-count';
import { turnover } from '../metrics/turnover';
import type { Strategy } from '../strategies/strategy';
import { cycleWindowRows, type WindowRows, type WindowSpec } from './cycle-window';

/** Engine settings shared by every run of a replay (rows are set per window). */
export type ReplaySettings = Omit<BacktestConfig, 'startRow' | 'endRow'>;

/**
 * Metrics of a run against a benchmark run over the same rows (periods per year from the data);
 * the benchmark-relative metrics are NaN when `benchmark` is null. The trading metrics count
 * every close of the run, the first included (with `executionLag` 0 the first purchase is at
 * the first close, which starts no period): `rebalanceCount` = closes with trades, `tradeCount`
 * = `run.trades.length` (assets bought or sold), `turnover` = `periodsPerYear / periods ×
 * Σ tradedValue / (2 × equity)` over the closes, so they agree with the run's trades for every lag.
 */
export function runMetrics(run: BacktestRun, benchmark: BacktestRun | null, periodsPerYear: number): Metrics {
  const metrics = computeMetrics({
    returns: run.returns,
    cashReturns: run.cashReturns,
    ...(benchmark === null ? {} : { benchmarkReturns: benchmark.returns }),
    periodsPerYear,
  });
  const closes = run.tradedValue.length, periods = closes - 1;
  return {
    ...metrics,
    // turnover() averages over its `closes` entries; rescale to the average per period.
    turnover: periods > 0 ? (turnover(run.tradedValue, run.equity, periodsPerYear) * closes) / periods : NaN,
    rebalanceCount: rebalanceCount(run.tradedValue),
    tradeCount: run.trades.length,
  };
}

const runOn = (data: MarketData, strategy: Strategy, settings: ReplaySettings, startRow: number, endRow: number): BacktestRun =>
  runBacktest(data, strategy, { ...settings, startRow, endRow });

export interface CycleResult {
  readonly cycleId: string;
  readonly recession: boolean;
  readonly startDay: number;
  readonly endDay: number;
  readonly anchorDay: number;
  readonly complete: boolean;
  readonly metrics: Metrics;
  readonly benchmarkTotalReturn: number;
  /** Strategy total return minus the benchmark's over the window (decimal return points). */
  readonly excessTotalReturn: number;
  /**
   * Rows at the start of the window in which the strategy could not decide yet: its warm-up
   * (`strategy.warmup` rows of history) reaches past the window's first row because the data
   * start too late. 0 when it can decide from the first row; the window's row count when it
   * cannot decide inside the window at all (it stays in cash throughout).
   */
  readonly warmupShortRows: number;
  readonly run: BacktestRun;
}

export interface CycleAggregate {
  readonly group: 'all' | 'recession' | 'non-recession';
  readonly cycles: number;
  readonly meanExcess: number;
  readonly medianExcess: number;
  /** Share of cycles in which the strategy's total return beat the benchmark's (0..1; `beats`: ties and floating-point noise are not wins). */
  readonly hitRate: number;
  /** The cycle with the lowest excess total return, and that excess. */
  readonly worstCycle: string | null;
  readonly worstExcess: number;
}

/** Per-cycle results of one strategy, with aggregates. */
export interface StrategyReplay {
  readonly strategy: Strategy;
  readonly full: { readonly run: BacktestRun; readonly metrics: Metrics };
  readonly cycles: readonly CycleResult[];
  readonly aggregates: readonly CycleAggregate[];
}

/**
 * Mean, median, hit rate and worst cycle of the excess returns, for all / recession /
 * non-recession cycles. NaN when a group is empty or its cycles were not compared (NaN excess). Only the cycles whose ids are in `counted`
 * enter (every cycle when it is absent; `countedCycleIds` gives the first cycle of each episode).
 */
export function aggregateCycles(results: readonly CycleResult[], counted?: ReadonlySet<string>): CycleAggregate[] {
  return (['all', 'recession', 'non-recession'] as const).map((group) => {
    const rows = results.filter((r) => (counted === undefined || counted.has(r.cycleId)) && (group === 'all' || r.recession === (group === 'recession')));
    const ex = rows.map((r) => r.excessTotalReturn);
    // A cycle with a NaN excess was not compared (the benchmark's own replay): no hit, no worst.
    const compared = rows.filter((r) => !Number.isNaN(r.excessTotalReturn));
    let worst: CycleResult | null = null;
    for (const r of compared) if (worst === null || r.excessTotalReturn < worst.excessTotalReturn) worst = r;
    return {
      group,
      cycles: rows.length,
      meanExcess: mean(ex),
      medianExcess: median(ex),
      hitRate: compared.length === 0 ? NaN : compared.filter((r) => beats(r.metrics.totalReturn, r.benchmarkTotalReturn)).length / compared.length,
      worstCycle: worst === null ? null : worst.cycleId,
      worstExcess: worst === null ? NaN : worst.excessTotalReturn,
    };
  });
}

/**
 * Replays strategies over the full history and over a window around each cycle, against a
 * benchmark strategy run on the same rows. `onProgress(done, total)` is called after each run.
 * The benchmark's own replay is not compared with itself: its benchmark-relative metrics,
 * excess returns and excess aggregates are NaN (not 0, and not a hit rate of 0).
 */
export function replayCycles(
  data: MarketData,
  strategies: readonly Strategy[],
  benchmark: Strategy,
  cycles: readonly ClassifiedCycle[],
  window: WindowSpec,
  settings: ReplaySettings,
  onProgress?: (done: number, total: number) => void,
): { benchmark: StrategyReplay; strategies: StrategyReplay[] } {
  const last = data.days.length - 1;
  const windows: { c: ClassifiedCycle; rows: WindowRows }[] = [];
  for (const c of cycles) {
    const rows = cycleWindowRows(data.days, c.cycle, window);
    if (rows !== null) windows.push({ c, rows });
  }
  const total = (strategies.length + 1) * (windows.length + 1);
  let done = 0;
  const tick = (): void => { done += 1; onProgress?.(done, total); };

  const replayOne = (strategy: Strategy, benchRuns: { full: BacktestRun; windows: BacktestRun[] } | null): StrategyReplay => {
    const full = runOn(data, strategy, settings, 0, last);
    tick();
    const results: CycleResult[] = windows.map(({ c, rows: r }, i) => {
      const run = runOn(data, strategy, settings, r.startRow, r.endRow);
      tick();
      // The benchmark is not compared with itself: its relative metrics and excess are NaN.
      const bench = benchRuns === null ? null : benchRuns.windows[i];
      const metrics = runMetrics(run, bench, data.periodsPerYear);
      const benchTotal = bench === null ? metrics.totalReturn : bench.equity[bench.equity.length - 1] / bench.equity[0] - 1;
      return {
        cycleId: c.cycle.id, recession: c.recession.recession, startDay: data.days[r.startRow], endDay: data.days[r.endRow],
        anchorDay: r.anchorDay, complete: r.complete, metrics, benchmarkTotalReturn: benchTotal,
        excessTotalReturn: bench === null ? NaN : metrics.totalReturn - benchTotal, run,
        warmupShortRows: Math.min(r.endRow - r.startRow + 1, Math.max(0, strategy.warmup - r.startRow)),
      };
    });
    const aggregates = benchRuns === null
      ? aggregateCycles(results).map((a) => ({ ...a, meanExcess: NaN, medianExcess: NaN, hitRate: NaN, worstCycle: null, worstExcess: NaN }))
      : aggregateCycles(results);
    return { strategy, full: { run: full, metrics: runMetrics(full, benchRuns === null ? null : benchRuns.full, data.periodsPerYear) }, cycles: results, aggregates };
  };

  const benchReplay = replayOne(benchmark, null);
  const benchRuns = { full: benchReplay.full.run, windows: benchReplay.cycles.map((c) => c.run) };
  return { benchmark: benchReplay, strategies: strategies.map((s) => replayOne(s, benchRuns)) };
}
