import { cashReturnForDay } from '../portfolio/cash-return-for-day';
import type { MarketData } from '../market/market-data';

/** Holdings of a sweep's portfolio, as section numbers of the stacked row tables. */
export const CASH = 0, SMALL_LEG = 1, LARGE_LEG = 2;

/**
 * Per-row tables of a sweep window, shared by every combination. Index `i` is the period from
 * window row `i - 1` to row `i` (index 0 unused). The per-holding tables are stacked, one section
 * of `rows` entries per holding (cash, small, large), so a hot loop indexes one array with an
 * offset instead of switching between arrays.
 */
export interface SweepRowTables {
  /** `grow[h * rows + i]`: growth factor over period `i` of equity in holding `h` (NaN where the engine's equity turns NaN). */
  readonly grow: Float64Array;
  /**
   * `ret[h * rows + i]`: return of a period spent in holding `h`: `grow - 1` for a leg, the
   * cash return itself for cash (so a cash period's excess return is exactly 0).
   */
  readonly ret: Float64Array;
  /** Cash return of period `i` (the engine's `cashReturns[i - 1]`). */
  readonly cashReturn: Float64Array;
  /** `1 / i`, so the Welford updates multiply instead of divide. */
  readonly inverse: Float64Array;
}

/**
 * Tables of the window's periods (rows `startRow..startRow + rows - 1`). Growth factors are
 * the engine's: a position is multiplied by `close[row] / close[row - 1]`, idle cash by
 * `1 + cashReturnForDay(...)`. The engine marks every position, held or not, so a non-finite
 * factor on any leg makes its equity NaN (`0 * NaN`, `0 * Infinity`); the tables carry NaN
 * there for every holding.
 */
export function sweepRowTables(data: MarketData, startRow: number, rows: number): SweepRowTables {
  const grow = new Float64Array(3 * rows), ret = new Float64Array(3 * rows);
  const cashReturn = new Float64Array(rows), inverse = new Float64Array(rows + 1);
  const small = data.closes[0], large = data.closes[1];
  for (let i = 1; i < rows; i += 1) {
    const row = startRow + i;
    const gs = small[row] / small[row - 1];
    const gl = large[row] / large[row - 1];
    const rc = cashReturnForDay(data.cashRate[row - 1], data.days[row - 1], data.days[row]);
    const gc = 1 + rc;
    const ok = Number.isFinite(gs) && Number.isFinite(gl) && Number.isFinite(gc);
    cashReturn[i] = rc;
    grow[CASH * rows + i] = ok ? gc : NaN;
    grow[SMALL_LEG * rows + i] = ok ? gs : NaN;
    grow[LARGE_LEG * rows + i] = ok ? gl : NaN;
    ret[CASH * rows + i] = ok ? rc : NaN;
    ret[SMALL_LEG * rows + i] = ok ? gs - 1 : NaN;
    ret[LARGE_LEG * rows + i] = ok ? gl - 1 : NaN;
  }
  for (let i = 1; i <= rows; i += 1) inverse[i] = 1 / i;
  return { grow, ret, cashReturn, inverse };
}

/** Metric sections of a sweep's output array, `combinations` entries each, in this order. */
export const TOTAL_RETURN = 0, CAGR = 1, VOLATILITY = 2, SHARPE = 3, MAX_DRAWDOWN = 4, REBALANCE_COUNT = 5, FINAL_EQUITY = 6;
/** Number of metric sections. */
export const SWEEP_METRICS = 7;

/**
 * Writes the metrics of combination `c` from its final accumulators: `equity` at the last close,
 * the starting capital `start`, the sample sums of squared deviations `m2R` (returns) and `m2E`
 * (excess returns), the mean excess return `meanE`, the deepest `equity / peak - 1` `depth` and
 * the executed rebalances `trades`, over a window of `rows` rows (`rows - 1` periods). The
 * formulas and NaN rules are those of sim-core's metric functions (see `MomentumSweepResult`).
 */
export function writeSweepMetrics(
  out: Float64Array, c: number, combinations: number, rows: number, periodsPerYear: number,
  equity: number, start: number, m2R: number, meanE: number, m2E: number, depth: number, trades: number,
): void {
  const periods = rows - 1, sqrtPpy = Math.sqrt(periodsPerYear);
  const growth = equity / start;
  out[TOTAL_RETURN * combinations + c] = periods > 0 ? growth - 1 : NaN;
  out[CAGR * combinations + c] = periods > 0 && growth > 0 ? Math.expm1((Math.log(growth) * periodsPerYear) / periods) : NaN;
  out[VOLATILITY * combinations + c] = periods >= 2 ? Math.sqrt(m2R / (periods - 1)) * sqrtPpy : NaN;
  out[SHARPE * combinations + c] = periods >= 2 && m2E !== 0 ? (meanE / Math.sqrt(m2E / (periods - 1))) * sqrtPpy : NaN;
  // NaN is absorbing in the equity recursion and in max/min: the NaN rule comes for free.
  out[MAX_DRAWDOWN * combinations + c] = depth;
  out[REBALANCE_COUNT * combinations + c] = trades;
  // A one-row window has no period: its value is the capital before any trade, as in the engine.
  out[FINAL_EQUITY * combinations + c] = rows > 1 ? equity : start;
}
