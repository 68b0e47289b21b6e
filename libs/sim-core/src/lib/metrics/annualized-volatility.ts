import { differenceMoments, type Moments } from './running-moments';
import { checkPeriodsPerYear, checkWindow } from './window';

/**
 * Annualised volatility of `returns[start..end)`: the sample standard deviation (divisor
 * `n - 1`) of the per-period simple returns times `sqrt(periodsPerYear)`, as a decimal per
 * year (0.18 = 18%). Variance by Welford's (1962) one-pass update. The square-root-of-time
 * rule assumes serially uncorrelated returns.
 *
 * Degenerate input: NaN when the window has fewer than 2 periods or contains a NaN. A
 * constant series gives 0 (a real value, not a zero denominator).
 *
 * @throws RangeError when the window does not fit `returns` or `periodsPerYear` is not a
 * finite number above 0 (programmer errors).
 */
export function annualizedVolatility(returns: Float64Array, periodsPerYear: number, start = 0, end = returns.length): number {
  checkWindow(returns.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  return volatilityFromMoments(differenceMoments(returns, undefined, start, end), periodsPerYear);
}

/** {@link annualizedVolatility} from the returns' moments: `sqrt(M2 / (n − 1)) × sqrt(periodsPerYear)`; NaN below 2 values. */
export function volatilityFromMoments(m: Moments, periodsPerYear: number): number {
  if (m.count < 2) return NaN;
  return Math.sqrt(m.m2 / (m.count - 1)) * Math.sqrt(periodsPerYear);
}
