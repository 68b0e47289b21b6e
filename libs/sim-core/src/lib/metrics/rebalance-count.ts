import { checkWindow } from './window';

/**
 * Number of rebalances in `tradedValue[start..end)`: the count of periods (or closes) whose
 * gross traded value (see `turnover`) is above 0. ratecut's vocabulary: a *trade* is one asset
 * bought or sold at one close (one row of a trades file, one `Trade` of a run); a *rebalance*
 * is one close with one or more trades. A switch from small to large caps is one rebalance and
 * two trades.
 *
 * Degenerate input: NaN for an empty window (no periods to count) or when any value is NaN
 * (a missing record must not pass for "no trade").
 *
 * @throws RangeError when the window does not fit `tradedValue` (programmer error).
 */
export function rebalanceCount(tradedValue: Float64Array, start = 0, end = tradedValue.length): number {
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
