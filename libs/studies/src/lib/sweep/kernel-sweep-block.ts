import {
  findBuiltinStrategy, PortfolioKernel, PortfolioTally, SignalCache,
  type BacktestConfig, type MarketData, type RebalanceSchedule, type StrategyParams,
} from '@ratecut/sim-core';
import type { ItemRange } from '../study/split-range';
import { SWEEP_BLOCK_METRICS } from './sweep-block-metrics';

/** One swept parameter and its values, in order (e.g. from `--sweep holdMonths=3..24:3`). */
export interface SweptParameter {
  readonly name: string;
  readonly values: readonly number[];
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
  readonly config: BacktestConfig;
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
 * Runs the combinations `[first, first + count)` of a sweep: each combination's targets (the
 * built-in vectorised, with the series its parameters share computed once per block) through
 * the portfolio kernel over the configured rows, and returns their metrics,
 * {@link SWEEP_BLOCK_METRICS} per combination in combination order: total return, CAGR,
 * volatility, Sharpe ratio, maximum drawdown, rebalances. A combination whose parameters the
 * built-in refuses (such as a fast period not shorter than the slow one) gets NaN metrics. Each
 * combination is computed on its own, so the numbers are the same whatever the blocks. Pure.
 */
export function runKernelSweepBlock(context: KernelSweepContext, block: ItemRange): Float64Array {
  const builtin = findBuiltinStrategy(context.strategy);
  if (builtin === undefined) throw new RangeError(`runKernelSweepBlock: unknown built-in ${context.strategy}`);
  const { data, schedule, config } = context;
  const ppy = data.periodsPerYear;
  const kernel = new PortfolioKernel(data.closes.length), tally = new PortfolioTally(), cache = new SignalCache();
  const out = new Float64Array(block.count * SWEEP_BLOCK_METRICS).fill(NaN);
  for (let j = 0; j < block.count; j += 1) {
    const params = combinationParams(context, block.first + j);
    if (builtin.check(params, ppy).length > 0) continue;
    kernel.run(data, builtin.targets(params, data, cache), schedule, config, tally);
    const m = tally.metrics, at = j * SWEEP_BLOCK_METRICS;
    out[at] = m.totalReturn();
    out[at + 1] = m.cagr(ppy);
    out[at + 2] = m.volatility(ppy);
    out[at + 3] = m.sharpe(ppy);
    out[at + 4] = m.maxDrawdown();
    out[at + 5] = tally.rebalances;
  }
  return out;
}
