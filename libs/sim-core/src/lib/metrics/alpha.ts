import { coMoments } from './running-moments';
import { checkPeriodsPerYear, checkSameLength, checkWindow } from './window';

/**
 * Jensen's alpha (Jensen, 1968), annualised, over `[start, end)`:
 * `alpha = ( mean(r - rf) - beta_x * mean(b - rf) ) * periodsPerYear`, where
 * `beta_x = cov(r - rf, b - rf) / var(b - rf)` is the beta of the excess returns. That makes
 * alpha exactly the intercept of the OLS regression of the strategy's per-period excess
 * return on the benchmark's, scaled by `periodsPerYear` (simple, arithmetic annualisation).
 * As a decimal per year (0.01 = 1% a year). With a constant cash return `beta_x` equals
 * {@link beta}; with a varying one it can differ slightly, and this function uses `beta_x`.
 * One pass with Welford's (1962) co-moment update.
 *
 * Degenerate input: NaN when the window has fewer than 2 periods, when the benchmark's excess
 * return has zero variance (beta undefined), or when any value is NaN.
 *
 * @throws RangeError when the arrays differ in length, the window does not fit, or
 * `periodsPerYear` is not a finite number above 0 (programmer errors).
 */
export function alpha(
  returns: Float64Array,
  benchmarkReturns: Float64Array,
  cashReturns: Float64Array,
  periodsPerYear: number,
  start = 0,
  end = returns.length,
): number {
  checkSameLength('alpha', returns, benchmarkReturns);
  checkSameLength('alpha', returns, cashReturns);
  checkWindow(returns.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  const m = coMoments(returns, benchmarkReturns, cashReturns, start, end);
  if (m.count < 2 || m.m2B === 0 || Number.isNaN(m.m2B)) return NaN;
  const betaX = m.c / m.m2B;
  return (m.meanA - betaX * m.meanB) * periodsPerYear;
}
