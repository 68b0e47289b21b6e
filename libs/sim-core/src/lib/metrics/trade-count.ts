import { checkWindow } from './window';

/**
 * Number of rebalancing events in `tradedValue[start..end)`: the count of periods whose gross
 * traded value (see `turnover`) is above 0. It counts periods in which the strategy
 * traded, not individual orders or assets: one rebalance touching three assets counts once.
 *
 * Degenerate input: NaN for an empty window (no periods to count) or when any value is NaN
 * (a missing record must not pass for "no trade").
 *
 * @throws RangeError when the window does not fit `tradedValue` (programmer error).
 */
export function tradeCount(tradedValue: Float64Array, start = 0, end = tradedValue.length): number {
  checkWindow(tradedValue.length, start, end);
  if (end === start) return NaN;
  let count = 0;
  for (let i = start; i < end; i += 1) {
    const v = tradedValue[i];
    if (Number.isNaN(v)) return NaN;
    if (v > 0) count += 1;
  }
  return count;
}
