import { differenceMoments, type Moments } from './running-moments';
import { checkPeriodsPerYear, checkSameLength, checkWindow } from './window';

/**
 * Annualised Sharpe ratio (Sharpe, 1994, "The Sharpe Ratio", ex-post form) of
 * `returns[start..end)` over the cash (risk-free) return of the same periods:
 * `SR = mean(e) / sd(e) * sqrt(periodsPerYear)` with `e_i = r_i - rf_i` the per-period excess
 * simple return and `sd` the sample standard deviation (divisor `n - 1`). Dimensionless, per
 * square-root year. `cashReturns[i]` is the cash return earned over period `i` (a per-period
 * decimal, not an annual rate). Mean and variance in one pass (Welford, 1962).
 *
 * Degenerate input: NaN when the window has fewer than 2 periods, when the excess returns have
 * zero variance (exactly, as computed), or when any value is NaN.
 *
 * @throws RangeError when the arrays differ in length, the window does not fit, or
 * `periodsPerYear` is not a finite number above 0 (programmer errors).
 */
export function sharpeRatio(
  returns: Float64Array,
  cashReturns: Float64Array,
  periodsPerYear: number,
  start = 0,
  end = returns.length,
): number {
  checkSameLength('sharpeRatio', returns, cashReturns);
  checkWindow(returns.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  return sharpeFromMoments(differenceMoments(returns, cashReturns, start, end), periodsPerYear);
}

/**
 * {@link sharpeRatio} from the moments of the excess returns (however they were accumulated):
 * `mean / sqrt(M2 / (n − 1)) × sqrt(periodsPerYear)`; NaN below 2 values or at zero variance.
 */
export function sharpeFromMoments(m: Moments, periodsPerYear: number): number {
  if (m.count < 2 || m.m2 === 0) return NaN;
  return (m.mean / Math.sqrt(m.m2 / (m.count - 1))) * Math.sqrt(periodsPerYear);
}
