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
