import {
  beats, findBuiltinStrategy, mean, PortfolioKernel, PortfolioTally, SignalCache,
  type BacktestConfig, type MarketData, type RebalanceSchedule, type ReplaySettings, type StrategyParams, type TargetPlan,
} from '@ratecut/sim-core';
import type { ItemRange } from '../study/split-range';
import { SWEEP_BLOCK_METRICS } from './sweep-block-metrics';

/** One swept parameter and its values, in order (e.g. from `--sweep holdMonths=3..24:3`). */
export interface SweptParameter {
  readonly name: string;
  readonly values: readonly number[];
}

/** A cycle window a sweep replays: its id, rows, the benchmark's total return over them, and whether it enters the aggregates. */
export interface SweepCycle {
  readonly id: string;
  readonly startRow: number;
  readonly endRow: number;
  readonly benchmarkTotalReturn: number;
  readonly counted: boolean;
}

/** The cycle windows of a sweep and the settings each window run uses (rows set per window). */
export interface SweepReplay {
  readonly cycles: readonly SweepCycle[];
  readonly settings: ReplaySettings;
}

/** Numbers per combination in a block's output: the metrics, the two cycle aggregates, one excess per cycle. */
export function sweepStride(replay: SweepReplay): number {
  return SWEEP_BLOCK_METRICS + 2 + replay.cycles.length;
}

/**
 * Writes, from `out[at]`, a combination's cycle numbers: the mean excess total return over the
 * benchmark across the counted cycles, the share of counted cycles it beat the benchmark in
 * (`beats`: ties are not wins), then each cycle's excess. Each window is a kernel run of `plan`
 * from the window's first row, starting in cash (warm-up history before it), as the backtest
 * replays a strategy over a cycle.
 */
export function cycleExcessInto(
  out: Float64Array, at: number, data: MarketData, plan: TargetPlan, schedule: RebalanceSchedule, replay: SweepReplay,
  kernel: PortfolioKernel, tally: PortfolioTally,
): void {
  const counted: number[] = [];
  let wins = 0;
  replay.cycles.forEach((c, i) => {
    kernel.run(data, plan, schedule, { ...replay.settings, startRow: c.startRow, endRow: c.endRow }, tally);
    const total = tally.metrics.totalReturn(), excess = total - c.benchmarkTotalReturn;
    out[at + 2 + i] = excess;
    if (!c.counted) return;
    counted.push(excess);
    if (beats(total, c.benchmarkTotalReturn)) wins += 1;
  });
  out[at] = mean(counted);
  out[at + 1] = counted.length === 0 ? NaN : wins / counted.length;
}

/**
 * What every block of a sweep through the portfolio kernel needs (structured-cloneable): the
 * market data, the built-in, its parameters that are not swept, the grid (combination `c`
 * reads the grid as a mixed-radix number, the last parameter varying fastest), the schedule and
 * the engine settings.
 */
export interface KernelSweepContext {
  readonly kind: 'kernel';
  readonly data: MarketData;
  readonly strategy: string;
  readonly params: StrategyParams;
  readonly grid: readonly SweptParameter[];
  readonly schedule: RebalanceSchedule;
  /** The full-history run's settings (rows 0 to the last). */
  readonly config: BacktestConfig;
  readonly replay: SweepReplay;
}

/** Combinations in a grid: the product of its value counts. */
export function gridSize(grid: readonly SweptParameter[]): number {
  return grid.reduce((n, g) => n * g.values.length, 1);
}

/** The parameter values of combination `c` of `grid` (the last parameter varies fastest). */
export function gridCombination(grid: readonly SweptParameter[], c: number): number[] {
  const out = new Array<number>(grid.length);
  let rest = c;
  for (let p = grid.length - 1; p >= 0; p -= 1) {
    const size = grid[p].values.length;
    out[p] = grid[p].values[rest % size];
    rest = Math.floor(rest / size);
  }
  return out;
}

/** The full parameters of combination `c`: the context's parameters with the combination's values. */
export function combinationParams(context: Pick<KernelSweepContext, 'params' | 'grid'>, c: number): StrategyParams {
  const values = gridCombination(context.grid, c);
  return { ...context.params, ...Object.fromEntries(context.grid.map((g, p) => [g.name, values[p]])) };
}

/**
 * Calls `visit(j, plan)` for each combination `block.first + j` of the block that the built-in
 * accepts, in order, with its targets: the built-in vectorised on the context's market, the
 * series its parameters share taken from `signals`, the previous combination's arrays reused
 * (so `plan` is valid until the next call). Combinations the built-in refuses are skipped.
 * @throws RangeError for an unknown built-in (a programmer error: plans check it).
 */
export function forEachCombinationPlan(
  context: Pick<KernelSweepContext, 'strategy' | 'params' | 'grid' | 'data'>, block: ItemRange, signals: SignalCache, visit: (j: number, plan: TargetPlan) => void,
): void {
  const builtin = findBuiltinStrategy(context.strategy);
  if (builtin === undefined) throw new RangeError(`unknown built-in ${context.strategy}`);
  let plan: TargetPlan | undefined;
  for (let j = 0; j < block.count; j += 1) {
    const params = combinationParams(context, block.first + j);
    if (builtin.check(params, context.data.periodsPerYear).length > 0) continue;
    plan = builtin.targets(params, context.data, signals, plan);
    visit(j, plan);
  }
}

/**
 * Runs the combinations `[first, first + count)` of a sweep: each combination's targets (the
 * built-in vectorised, with the series its parameters share computed once per block) through
 * the portfolio kernel over the configured rows and over each cycle window, and returns
 * {@link sweepStride} numbers per combination in combination order: total return, CAGR,
 * volatility, Sharpe ratio, maximum drawdown, rebalances (full history), then its cycle numbers
 * ({@link cycleExcessInto}). A combination whose parameters the built-in refuses (such as a fast
 * period not shorter than the slow one) gets NaN throughout. Each
 * combination is computed on its own, so the numbers are the same whatever the blocks.
 * `signals`: the series already computed on this market (a thread's cache for its blocks of one
 * run; see `runSweepBlock`), which only saves their computation. Pure.
 */
export function runKernelSweepBlock(context: KernelSweepContext, block: ItemRange, signals = new SignalCache()): Float64Array {
  const { data, schedule, config } = context;
  const ppy = data.periodsPerYear;
  const kernel = new PortfolioKernel(data.closes.length, { prefixTables: true }), tally = new PortfolioTally();
  const stride = sweepStride(context.replay);
  const out = new Float64Array(block.count * stride).fill(NaN);
  forEachCombinationPlan(context, block, signals, (j, plan) => {
    kernel.run(data, plan, schedule, config, tally);
    const m = tally.metrics, at = j * stride;
    out[at] = m.totalReturn();
    out[at + 1] = m.cagr(ppy);
    out[at + 2] = m.volatility(ppy);
    out[at + 3] = m.sharpe(ppy);
    out[at + 4] = m.maxDrawdown();
    out[at + 5] = tally.rebalances;
    cycleExcessInto(out, at + SWEEP_BLOCK_METRICS, data, plan, schedule, context.replay, kernel, tally);
  });
  return out;
}
