import { checkCostModel } from '../portfolio/cost-model';
import type { BacktestConfig } from '../engine/backtest-types';
import { checkMarketData, type MarketData } from '../market/market-data';
import { monthsToRows } from '../time/months-to-rows';
import { monthEndRowsInto, monthEndSweepInto } from './month-end-sweep';
import { CAGR, FINAL_EQUITY, MAX_DRAWDOWN, REBALANCE_COUNT, SHARPE, SWEEP_METRICS, TOTAL_RETURN, VOLATILITY } from './sweep-row-tables';

/**
 * Settings of {@link monthEndMomentumSweep}: the subset of the engine's {@link BacktestConfig}
 * that a two-leg, always-fully-invested strategy needs (weight limits never bind), so one
 * config value can drive both the engine and the sweep.
 */
export type MomentumSweepConfig = Pick<BacktestConfig, 'startRow' | 'endRow' | 'executionLag' | 'costs' | 'initialCapital'>;

/**
 * Metrics of every (k, threshold) combination of a sweep, as struct-of-arrays: entry `c` of
 * each metric array belongs to combination `c = kIndex * thresholds.length + thresholdIndex`.
 * Units are decimals (0.1 = 10%); "per year" values are annualised with the data's
 * `periodsPerYear`. Periods are the `rows - 1` close-to-close steps of the window, as in the
 * engine's `returns`. Each metric follows the NaN rule of the sim-core metric it mirrors.
 * The seven metric arrays are views of one buffer.
 */
export interface MomentumSweepResult {
  /** Lookbacks in months, as given (one entry per kIndex). */
  readonly ks: Float64Array;
  /** Lookbacks in rows, `monthsToRows(k, periodsPerYear)`, the strategy's warm-up. */
  readonly lookbackRows: Int32Array;
  /** Switch thresholds in decimal return points, as given (one entry per thresholdIndex). */
  readonly thresholds: Float64Array;
  /** `ks.length * thresholds.length`. */
  readonly combinations: number;
  /** Rows of the window (`endRow - startRow + 1`); periods are `rows - 1`. */
  readonly rows: number;
  readonly periodsPerYear: number;
  /** `equity_end / equity_start - 1` (see `totalReturn`); NaN without periods. */
  readonly totalReturn: Float64Array;
  /** `(1 + total)^(periodsPerYear / periods) - 1`, decimal per year (see `cagr`); NaN without periods or when wealth is wiped out. */
  readonly cagr: Float64Array;
  /** Sample standard deviation of the per-period returns times `sqrt(periodsPerYear)` (see `annualizedVolatility`); NaN below 2 periods. */
  readonly volatility: Float64Array;
  /** `mean(r - rf) / sd(r - rf) * sqrt(periodsPerYear)`, rf the cash return of each period (see `sharpeRatio`); NaN below 2 periods or at zero variance. */
  readonly sharpe: Float64Array;
  /** Most negative `equity / running peak - 1` over the window, a decimal `<= 0` (see `maxDrawdown`). */
  readonly maxDrawdown: Float64Array;
  /**
   * Executed rebalances inside the window, counted like `rebalanceCount` on the engine's traded
   * value: the first buy out of cash plus every switch from one leg to the other (a switch is
   * one rebalance of two trades, see `rebalanceCount`).
   */
  readonly rebalances: Float64Array;
  /** Equity at the window's last close, in the units of `initialCapital`. */
  readonly finalEquity: Float64Array;
}

const checkGrid = (ks: ArrayLike<number>, thresholds: ArrayLike<number>): void => {
  if (ks.length === 0 || thresholds.length === 0) throw new RangeError('monthEndMomentumSweep needs at least one k and one threshold');
  for (let j = 0; j < ks.length; j += 1) {
    const k = ks[j];
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`k=${k}: expected a whole number of months >= 1`);
  }
  for (let j = 0; j < thresholds.length; j += 1) {
    const t = thresholds[j];
    if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`threshold=${t}: expected a finite decimal return >= 0`);
  }
};

/**
 * Evaluates the built-in `relative-momentum` strategy (Jegadeesh and Titman, 1993, applied to
 * two legs) on the `month-end` schedule for every combination of lookback `ks` (months;
 * `monthsToRows(k, periodsPerYear)` rows) and switch `thresholds` (decimal return points) over
 * rows `startRow..endRow` (inclusive) of `data`, with the engine's semantics (`runBacktest`
 * with the strategy on `month-end`): the portfolio starts in cash; the first decision is taken
 * at the warm-up (row `lookback`), later ones on the last row of each calendar month; each
 * picks the leg (column 0 small, 1 large) with the higher trailing return, leaving the current
 * leg only when the other one's exceeds it by more than the threshold; a changed target trades
 * `executionLag` rows later at that close; idle cash earns ACT/360 on the previous close's cash
 * rate. Every other schedule, and this one where this function returns null, is swept through
 * the portfolio kernel (`PortfolioKernel` with the built-in's targets), which replaced the
 * hand-written daily loop this function used to have.
 *
 * Costs: rate `c = (costBps + slippageBps) / 10,000` of traded value, paid from the portfolio
 * so that the target applies after costs. `executeRebalance` solves `post = E - c * traded(post)`
 * by iteration; with the book always fully in one leg its fixed point has a closed form, used
 * here: the first buy out of cash trades `post`, so `post = E / (1 + c)`; a switch sells `E`
 * and buys `post`, so `post = E (1 - c) / (1 + c)`. The engine stops its iteration at a
 * relative change of 1e-13, so the two agree to about `c × 1e-13` per trade.
 *
 * Method: per-period tables shared by every combination, so a combination costs O(months), not
 * O(rows) (see `monthEndSweepInto` in month-end-sweep.ts). It agrees with the engine to about
 * 1e-12 relative on every metric (tested). A period spent in cash has an excess return of
 * exactly 0, where the engine's is rounding noise, so a window that stays in cash throughout
 * has Sharpe NaN (zero variance), not a number made of noise.
 *
 * Returns null when a growth factor of the window (a close-to-close ratio of either leg, or 1
 * plus the cash return) is not positive and finite: the engine then rejects orders or turns
 * equity NaN, which the period tables do not model.
 *
 * @throws RangeError for programmer errors: data shapes (see `checkMarketData`), fewer than two
 * assets, a window outside the data, a negative or fractional `executionLag`, a k that is not
 * a whole number >= 1, a negative or non-finite threshold, an empty grid, or an
 * `initialCapital` that is not a finite number above 0.
 */
export function monthEndMomentumSweep(
  data: MarketData,
  ks: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  config: MomentumSweepConfig,
): MomentumSweepResult | null {
  checkMarketData(data);
  const { startRow, endRow, executionLag, initialCapital } = config;
  if (data.assets.length < 2) throw new RangeError('monthEndMomentumSweep needs two assets (column 0 small, column 1 large)');
  if (!(Number.isInteger(startRow) && Number.isInteger(endRow) && startRow >= 0 && endRow < data.days.length && startRow <= endRow)) {
    throw new RangeError(`rows ${startRow}..${endRow} outside the data`);
  }
  if (!Number.isInteger(executionLag) || executionLag < 0) throw new RangeError('executionLag must be a whole number >= 0');
  if (!(initialCapital > 0) || !Number.isFinite(initialCapital)) throw new RangeError('initialCapital must be a finite number above 0');
  checkGrid(ks, thresholds);
  const costProblem = checkCostModel(config.costs);
  if (costProblem !== null) throw new RangeError(costProblem);

  const ppy = data.periodsPerYear;
  const rows = endRow - startRow + 1;
  const kValues = Float64Array.from(ks), thresholdValues = Float64Array.from(thresholds);
  const combinations = kValues.length * thresholdValues.length;
  const lookbackRows = new Int32Array(kValues.length), firstRows = new Int32Array(kValues.length);
  for (let j = 0; j < kValues.length; j += 1) {
    lookbackRows[j] = monthsToRows(kValues[j], ppy);
    // First window row at which the strategy decides (the engine decides at rows >= its warm-up).
    firstRows[j] = Math.max(0, lookbackRows[j] - startRow);
  }
  const rate = (config.costs.costBps + config.costs.slippageBps) / 10_000;
  const out = new Float64Array(SWEEP_METRICS * combinations);
  // A lag of `rows` or more never fills inside the window; capping it keeps row arithmetic in int32.
  const lag = Math.min(executionLag, rows);
  const monthEnd = new Uint8Array(rows);
  monthEndRowsInto(monthEnd, data.days, startRow, rows);
  if (!monthEndSweepInto(out, data, monthEnd, firstRows, lookbackRows, thresholdValues, startRow, rows, lag, rate, initialCapital)) return null;
  const section = (m: number): Float64Array => out.subarray(m * combinations, (m + 1) * combinations);

  return {
    ks: kValues,
    lookbackRows,
    thresholds: thresholdValues,
    combinations,
    rows,
    periodsPerYear: ppy,
    totalReturn: section(TOTAL_RETURN),
    cagr: section(CAGR),
    volatility: section(VOLATILITY),
    sharpe: section(SHARPE),
    maxDrawdown: section(MAX_DRAWDOWN),
    rebalances: section(REBALANCE_COUNT),
    finalEquity: section(FINAL_EQUITY),
  };
}
