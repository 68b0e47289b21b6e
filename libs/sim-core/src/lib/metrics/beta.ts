import { coMoments } from './running-moments';
import { checkSameLength, checkWindow } from './window';

/**
 * Beta of the strategy against a benchmark over `[start, end)`:
 * `beta = cov(r, b) / var(b)` on per-period simple returns (the OLS slope of `r` on `b`; the
 * `n - 1` divisors cancel). Dimensionless, not annualised. Covariance and variance in one pass
 * with Welford's (1962) co-moment update (as generalised by Pébay, 2008).
 *
 * Degenerate input: NaN when the window has fewer than 2 periods, when the benchmark has zero
 * variance (a zero denominator), or when any value is NaN.
 *
 * @throws RangeError when the arrays differ in length or the window does not fit (programmer
 * errors).
 */
export function beta(returns: Float64Array, benchmarkReturns: Float64Array, start = 0, end = returns.length): number {
  checkSameLength('beta', returns, benchmarkReturns);
  checkWindow(returns.length, start, end);
  const m = coMoments(returns, benchmarkReturns, undefined, start, end);
  if (m.count < 2 || m.m2B === 0 || Number.isNaN(m.m2B)) return NaN;
  return m.c / m.m2B;
}
