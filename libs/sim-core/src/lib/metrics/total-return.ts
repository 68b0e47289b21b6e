import { checkWindow } from './window';

/**
 * Growth factor of `returns[start..end)`: `G = prod (1 + r_i)`, the wealth at the end of the
 * window per unit invested at its start. `returns` are simple per-period returns as decimals
 * (0.01 = +1%). Not annualised. A direct running product: for the series lengths we handle
 * (decades of daily data) its relative rounding error stays near `n * 2^-53`.
 *
 * Degenerate input: NaN for an empty window or when any return is NaN. Returns below -1 (a
 * short or levered book losing more than it had) are multiplied in as given.
 *
 * @throws RangeError when the window does not fit `returns` (programmer error).
 */
export function growthFactor(returns: Float64Array, start = 0, end = returns.length): number {
  checkWindow(returns.length, start, end);
  if (end === start) return NaN;
  let g = 1;
  for (let i = start; i < end; i += 1) g *= 1 + returns[i];
  return g;
}

/**
 * Total (cumulative, not annualised) simple return of `returns[start..end)`:
 * `prod (1 + r_i) - 1`, as a decimal (0.25 = +25%). See {@link growthFactor}.
 *
 * Degenerate input: NaN for an empty window or when any return is NaN.
 *
 * @throws RangeError when the window does not fit `returns` (programmer error).
 */
export function totalReturn(returns: Float64Array, start = 0, end = returns.length): number {
  return growthFactor(returns, start, end) - 1;
}
