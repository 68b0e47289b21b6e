import { differenceMoments } from './running-moments';
import { checkPeriodsPerYear, checkSameLength, checkWindow } from './window';

/**
 * Annualised information ratio over `[start, end)` (Grinold & Kahn, 1995; Goodwin, 1998):
 * `IR = mean(r - b) * periodsPerYear / TE`, with `TE = sd(r - b) * sqrt(periodsPerYear)` the
 * tracking error of {@link trackingError} (sample standard deviation, divisor `n - 1`). The
 * numerator is the arithmetic mean active return annualised by simple scaling, so
 * `IR = mean(r - b) / sd(r - b) * sqrt(periodsPerYear)`. Dimensionless, per square-root year.
 * One-pass mean and variance (Welford, 1962).
 *
 * Degenerate input: NaN when the window has fewer than 2 periods, when the tracking error is 0
 * (a zero denominator), or when any value is NaN.
 *
 * @throws RangeError when the arrays differ in length, the window does not fit, or
 * `periodsPerYear` is not a finite number above 0 (programmer errors).
 */
export function informationRatio(
  returns: Float64Array,
  benchmarkReturns: Float64Array,
  periodsPerYear: number,
  start = 0,
  end = returns.length,
): number {
  checkSameLength('informationRatio', returns, benchmarkReturns);
  checkWindow(returns.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  const m = differenceMoments(returns, benchmarkReturns, start, end);
  if (m.count < 2 || m.m2 === 0) return NaN;
  const te = Math.sqrt(m.m2 / (m.count - 1)) * Math.sqrt(periodsPerYear);
  return (m.mean * periodsPerYear) / te;
}
