import type { DayNumber } from '../time/day-number';
import type { StrategyParams } from '../strategies/strategy';
import type { CostModel } from '../portfolio/cost-model';
import type { WeightLimits } from '../portfolio/execution';

/** Engine settings. Rows are indices into the MarketData calendar. */
export interface BacktestConfig {
  /** First and last row of the run (inclusive). The strategy may read history before `startRow`. */
  readonly startRow: number;
  readonly endRow: number;
  /**
   * Rows between a decision and its trade. 1 (default): decide at the close of day t, trade at
   * the close of day t+1. 0: trade at the same close as the decision (optimistic, explicit).
   */
  readonly executionLag: number;
  readonly costs: CostModel;
  readonly limits: WeightLimits;
  /** Starting value; the portfolio starts all in cash. */
  readonly initialCapital: number;
}

export const DEFAULT_BACKTEST_SETTINGS = Object.freeze({
  executionLag: 1,
  costs: Object.freeze({ costBps: 5, slippageBps: 5 }),
  limits: Object.freeze({ allowLeverage: false, allowShort: false }),
  initialCapital: 1,
});

/**
 * One trade: one asset bought or sold at one close, one side of an executed rebalance (a
 * rebalance is one close with one or more trades; a switch between two assets is one
 * rebalance of two trades; see `rebalanceCount`).
 */
export interface Trade {
  readonly row: number;
  readonly day: DayNumber;
  readonly decidedDay: DayNumber;
  readonly asset: string;
  /** Value bought (+) or sold (−), in portfolio currency. */
  readonly value: number;
  readonly weightBefore: number;
  readonly weightAfter: number;
  /** This asset's share of the rebalance's costs (proportional to |value|). */
  readonly cost: number;
}

/** A complete run: plain, serialisable data (typed arrays become arrays when written). */
export interface BacktestRun {
  readonly strategy: { readonly name: string; readonly description: string; readonly params: StrategyParams; readonly warmup: number };
  readonly config: BacktestConfig;
  readonly assets: readonly string[];
  /**
   * Rows startRow..endRow: day, equity at the close (after any trade; on the first row the
   * starting capital, before a same-close trade with executionLag 0, whose costs so fall in the
   * first period), per-row traded value and costs.
   */
  readonly days: Int32Array;
  readonly equity: Float64Array;
  readonly tradedValue: Float64Array;
  readonly costs: Float64Array;
  /** End-of-day weights per asset (after trading). */
  readonly weights: readonly Float64Array[];
  /** Per-period returns (length = rows − 1): returns[i] is from the close of row i to row i+1. */
  readonly returns: Float64Array;
  /** Cash returns over the same periods (ACT/360 on the rate known at the earlier close). */
  readonly cashReturns: Float64Array;
  /** Every trade (asset bought or sold) in execution order; `runMetrics` counts them as `tradeCount`. */
  readonly trades: readonly Trade[];
  readonly rejected: readonly { readonly day: DayNumber; readonly reason: string }[];
  readonly decisions: number;
}

/** Events of a run, in order, for streaming (see `backtest$`). */
export type BacktestEvent =
  | { readonly type: 'bar'; readonly row: number; readonly day: DayNumber; readonly equity: number }
  | { readonly type: 'decision'; readonly row: number; readonly day: DayNumber; readonly target: readonly number[]; readonly executeRow: number }
  | { readonly type: 'trade'; readonly trade: Trade }
  | { readonly type: 'rejected'; readonly day: DayNumber; readonly reason: string }
  | { readonly type: 'progress'; readonly done: number; readonly total: number };
