import { differenceMoments } from './running-moments';
import { checkPeriodsPerYear, checkSameLength, checkWindow } from './window';

/**
 * Annualised tracking error over `[start, end)`: `TE = sd(r - b) * sqrt(periodsPerYear)`, the
 * sample standard deviation (divisor `n - 1`) of the per-period active return `r_i - b_i`, as
 * a decimal per year. One-pass variance (Welford, 1962).
 *
 * Degenerate input: NaN when the window has fewer than 2 periods or contains a NaN. A strategy
 * that tracks the benchmark exactly gives 0 (a real value).
 *
 * @throws RangeError when the arrays differ in length, the window does not fit, or
 * `periodsPerYear` is not a finite number above 0 (programmer errors).
 */
export function trackingError(
  returns: Float64Array,
  benchmarkReturns: Float64Array,
  periodsPerYear: number,
  start = 0,
  end = returns.length,
): number {
  checkSameLength('trackingError', returns, benchmarkReturns);
  checkWindow(returns.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  const m = differenceMoments(returns, benchmarkReturns, start, end);
  if (m.count < 2) return NaN;
  return Math.sqrt(m.m2 / (m.count - 1)) * Math.sqrt(periodsPerYear);
}
