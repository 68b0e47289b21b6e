import {
  BUILTIN_STRATEGIES, DEFAULT_BACKTEST_SETTINGS, PortfolioKernel, PortfolioTally, SignalCache,
  type BacktestConfig, type BuiltinStrategy, type MarketData, type PortfolioCheckpoint, type TargetPlan,
} from '@ratecut/sim-core';
import { pathCalendar, pathMarket, type PathCalendar } from './path-market';
import { PATH_EXECUTION_LAG, type PathWarmUp } from './path-warm-up';

/** The strategies evaluated on simulated paths: every built-in, in `BUILTIN_STRATEGIES` order, with its default parameters and schedule. */
export const PATH_STRATEGIES: readonly BuiltinStrategy[] = BUILTIN_STRATEGIES;

/**
 * The built-ins whose targets read nothing of a market but its days, its policy rate and its
 * number of rows (buy-and-hold and the static mix: constant targets; cut-trigger and
 * rate-regime: the policy rate's moves by calendar day). Every path of a run shares those (the
 * same warm-up rows, synthetic days and cut path), so their plans are the same on every path:
 * a {@link StrategyPathRunner} computes them on its first path and reuses them
 * (strategy-paths.spec.ts checks that they do not change from path to path).
 */
export const PATH_INDEPENDENT_PLANS: ReadonlySet<string> = new Set(['buy-hold-small', 'buy-hold-large', 'static-mix', 'cut-trigger', 'rate-regime']);

/**
 * The run settings of every strategy on a path (rows `0..rows − 1` of the path's market):
 * execution lag {@link PATH_EXECUTION_LAG}, 5 bp costs + 5 bp slippage per trade, no leverage or
 * short, capital 1.
 */
export function pathRunConfig(rows: number): BacktestConfig {
  return { ...DEFAULT_BACKTEST_SETTINGS, startRow: 0, endRow: rows - 1, executionLag: PATH_EXECUTION_LAG };
}

/**
 * The warm-up convention, as written in a result file's `strategies.note`: what precedes each
 * path (`rows` real rows from `first` to `last`, the rule behind their number), how the path
 * continues, and where returns are measured from.
 */
export function strategyPathsNote(warmUp: PathWarmUp, first: string, last: string): string {
  const unit = warmUp.periodsPerYear === 12 ? 'month-ends' : 'trading days';
  const rows = warmUp.days.length;
  const rate = warmUp.policyRate[rows - 1];
  return `every built-in with its default parameters and schedule, run through the portfolio kernel; each path is preceded by the real ${rows} ${unit} ` +
    `of the data up to its start (${first} to ${last}: closes, cash rate and policy rate as observed; ${warmUp.needed} asked for = the longest ` +
    `default warm-up of the built-ins + the execution lag + the start row${rows < warmUp.needed ? '; the data hold fewer, all are used' : ''}), ` +
    `so trend-filter and relative-momentum decide from the path's first step; the path's simulated returns then compound from the last real close, ` +
    `the policy rate starts at its last observed level (${(rate * 100).toFixed(2)}%) and follows the scenario's cut path, cash earns it; ` +
    `horizon return and maximum drawdown are measured from the path's start (the last real close); lag 1, 5+5 bp costs`;
}

/**
 * Runs the strategies on simulated paths through one {@link PortfolioKernel}, reusing its
 * scratch memory (kernel, tally, plans) from path to path. Not shared between threads.
 */
export class StrategyPathRunner {
  private readonly kernel = new PortfolioKernel(2);
  private readonly tally = new PortfolioTally();
  private readonly config: BacktestConfig;
  /** Plans of the {@link PATH_INDEPENDENT_PLANS} built-ins, by index into {@link PATH_STRATEGIES}, once computed. */
  private readonly shared: (TargetPlan | undefined)[] = PATH_STRATEGIES.map(() => undefined);
  /** The series the built-ins share on a path (the ratio of the legs, say), whose arrays the next path's reuse. */
  private readonly signals = new SignalCache();
  /** The other built-ins' plans of the last path, whose arrays the next path's plans reuse. */
  private readonly previous: (TargetPlan | undefined)[] = PATH_STRATEGIES.map(() => undefined);
  /**
   * Per strategy, the kernel's state at the path's start (the last warm-up row), the same on
   * every path: the warm-up rows and each plan's codes up to them depend on the real history
   * only. Made on the first path, then each path's run continues from it.
   */
  private readonly atStart: (PortfolioCheckpoint | undefined)[] = PATH_STRATEGIES.map(() => undefined);
  /** The row of the path's start in each path's market (the last warm-up row). */
  readonly startRow: number;
  /** The closes of the last path's market, reused by the next (see `pathMarket`). */
  private closes: readonly Float64Array[] | undefined;
  /** The days and rates every path shares (see `pathCalendar`). */
  private readonly calendar: PathCalendar;

  /** For paths of `steps` steps after `warmUp`, whose policy rate follows `monthlyChanges` (percentage points a month). */
  constructor(readonly warmUp: PathWarmUp, readonly steps: number, readonly monthlyChanges: Float64Array) {
    const rows = warmUp.days.length + steps;
    this.config = pathRunConfig(rows);
    this.startRow = warmUp.days.length - 1;
    this.calendar = pathCalendar(warmUp, steps, monthlyChanges);
  }

  /** The MarketData of the path with these per-step returns (see `pathMarket`); its closes are overwritten by the next call. */
  market(small: Float64Array, large: Float64Array): MarketData {
    const data = pathMarket(this.warmUp, this.calendar, small, large, this.closes);
    this.closes = data.closes;
    return data;
  }

  /**
   * Horizon return (the compounded return of the rows after the path's start, = last equity over
   * the start's, minus 1, to rounding) and maximum drawdown (negative decimal, the start's equity
   * as the first peak, every row of the path; the kernel tally's `ReturnMetricsAccumulator`) of
   * every {@link PATH_STRATEGIES} entry on the path with these per-step returns; strategy `k`'s are written at `returns[k * stride + at]` and `drawdowns[k * stride + at]`.
   */
  runInto(small: Float64Array, large: Float64Array, returns: Float64Array, drawdowns: Float64Array, stride: number, at: number): void {
    const data = this.market(small, large);
    const { kernel, tally, config, startRow } = this;
    for (let k = 0; k < PATH_STRATEGIES.length; k += 1) {
      const builtin = PATH_STRATEGIES[k];
      let plan = this.shared[k];
      if (plan === undefined) {
        // A plan that depends on the path overwrites the arrays of the previous path's.
        plan = builtin.targets(builtin.defaults, data, this.signals, this.previous[k]);
        if (PATH_INDEPENDENT_PLANS.has(builtin.name)) this.shared[k] = plan;
        else this.previous[k] = plan;
      }
      let from = this.atStart[k];
      if (from === undefined) {
        kernel.run(data, plan, builtin.schedule, { ...config, endRow: startRow }, tally);
        from = kernel.checkpoint();
        this.atStart[k] = from;
      }
      // The tally counts the rows after the checkpoint only: its total return and drawdown are the path's, from its start.
      kernel.run(data, plan, builtin.schedule, config, tally, undefined, from);
      returns[k * stride + at] = tally.metrics.totalReturn();
      drawdowns[k * stride + at] = tally.metrics.maxDrawdown();
    }
  }
}
