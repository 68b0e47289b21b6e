import { cagr } from './cagr';
import { checkSameLength } from './window';

/**
 * Annualised excess return of a strategy over a benchmark on the same periods
 * `[start, end)`: `CAGR(returns) - CAGR(benchmarkReturns)`, the arithmetic difference of the
 * two geometric (compound) annual growth rates of {@link cagr}, as a decimal per year
 * (0.02 = the strategy compounded 2 percentage points a year faster). It is not the geometric
 * relative return `(1 + CAGR_s) / (1 + CAGR_b) - 1`, which is smaller by a factor
 * `1 + CAGR_b`, and not the arithmetic mean of `r - b` annualised (see
 * `informationRatio`'s numerator).
 *
 * Degenerate input: NaN when either CAGR is NaN (empty window, a NaN return, wealth wiped out).
 *
 * @throws RangeError when the arrays differ in length, the window does not fit, or
 * `periodsPerYear` is not a finite number above 0 (programmer errors).
 */
export function excessReturn(
  returns: Float64Array,
  benchmarkReturns: Float64Array,
  periodsPerYear: number,
  start = 0,
  end = returns.length,
): number {
  checkSameLength('excessReturn', returns, benchmarkReturns);
  return cagr(returns, periodsPerYear, start, end) - cagr(benchmarkReturns, periodsPerYear, start, end);
}
