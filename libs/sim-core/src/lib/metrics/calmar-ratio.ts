import { cagr } from './cagr';
import { maxDrawdownFromReturns } from './max-drawdown';

/**
 * Calmar ratio (Young, 1991) of `returns[start..end)` over the whole window (Young used the
 * last 36 months; pass a window to reproduce that): `CAGR / |maxDrawdown depth|`, with the
 * CAGR of {@link cagr} (decimal per year) and the depth of {@link maxDrawdownFromReturns}
 * (the starting capital counts as the first peak). Dimensionless, per year.
 *
 * Degenerate input: NaN when the path never falls (depth 0, a zero denominator), when the CAGR
 * is NaN (empty window, NaN return, wealth wiped out) or when the depth is NaN.
 *
 * @throws RangeError when the window does not fit `returns` or `periodsPerYear` is not a
 * finite number above 0 (programmer errors).
 */
export function calmarRatio(returns: Float64Array, periodsPerYear: number, start = 0, end = returns.length): number {
  const growth = cagr(returns, periodsPerYear, start, end);
  const { depth } = maxDrawdownFromReturns(returns, start, end);
  if (!(depth < 0) || Number.isNaN(growth)) return NaN;
  return growth / -depth;
}
