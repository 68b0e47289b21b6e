import { checkPeriodsPerYear, checkSameLength, checkWindow } from './window';

/**
 * Annualised Sortino ratio (Sortino & Price, 1994) of `returns[start..end)` with the cash
 * return as the minimum acceptable return:
 * `SoR = mean(e) / DD * sqrt(periodsPerYear)`, `e_i = r_i - rf_i`,
 * `DD = sqrt( (1/n) * sum_i min(0, e_i)^2 )` where the sum and the divisor `n` run over ALL
 * periods of the window (periods above the target count as zero shortfall, they are not
 * dropped). Dimensionless, per square-root year. Both sums use Neumaier's (1974) compensated
 * summation.
 *
 * Degenerate input: NaN when the window has fewer than 2 periods (as for the Sharpe ratio,
 * one period says nothing about risk), when no period falls below the cash return (DD = 0,
 * a zero denominator), or when any value is NaN.
 *
 * @throws RangeError when the arrays differ in length, the window does not fit, or
 * `periodsPerYear` is not a finite number above 0 (programmer errors).
 */
export function sortinoRatio(
  returns: Float64Array,
  cashReturns: Float64Array,
  periodsPerYear: number,
  start = 0,
  end = returns.length,
): number {
  checkSameLength('sortinoRatio', returns, cashReturns);
  checkWindow(returns.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  const n = end - start;
  if (n < 2) return NaN;
  let sum = 0, sumC = 0, sq = 0, sqC = 0;
  for (let i = start; i < end; i += 1) {
    const e = returns[i] - cashReturns[i];
    let t = sum + e;
    sumC += Math.abs(sum) >= Math.abs(e) ? sum - t + e : e - t + sum;
    sum = t;
    if (e < 0) {
      const s = e * e;
      t = sq + s;
      sqC += sq >= s ? sq - t + s : s - t + sq;
      sq = t;
    }
  }
  const meanExcess = (sum + sumC) / n;
  const downside = Math.sqrt((sq + sqC) / n);
  if (Number.isNaN(meanExcess) || !(downside > 0)) return NaN;
  return (meanExcess / downside) * Math.sqrt(periodsPerYear);
}
