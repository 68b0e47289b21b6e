import { checkPeriodsPerYear, checkSameLength, checkWindow } from './window';

/**
 * Annualised one-way portfolio turnover over `[start, end)`:
 * `turnover = periodsPerYear * (1/n) * sum_i tradedValue_i / (2 * equity_i)`.
 *
 * `tradedValue[i]` is the gross value traded in period `i`, the sum of the absolute values of
 * all buys and all sells (`sum |buy| + sum |sell|`, same currency unit as equity; its absolute
 * value is used). `equity[i]` is the portfolio value the period's trades are measured against
 * (the value at the rebalance, before costs). Dividing by `2 * equity` makes the measure
 * one-way: selling the whole portfolio of one asset to buy another counts as 1.0 (100%), not
 * 2.0. The result is a decimal per year (2.0 = the portfolio is replaced twice a year on
 * average). Neumaier's (1974) compensated sum.
 *
 * Degenerate input: NaN for an empty window, when any value is NaN, or when any `equity[i]`
 * in the window is not above 0 (a zero or negative denominator).
 *
 * @throws RangeError when the arrays differ in length, the window does not fit, or
 * `periodsPerYear` is not a finite number above 0 (programmer errors).
 */
export function turnover(
  tradedValue: Float64Array,
  equity: Float64Array,
  periodsPerYear: number,
  start = 0,
  end = tradedValue.length,
): number {
  checkSameLength('turnover', tradedValue, equity);
  checkWindow(tradedValue.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  const n = end - start;
  if (n === 0) return NaN;
  let sum = 0, c = 0;
  for (let i = start; i < end; i += 1) {
    const e = equity[i];
    if (!(e > 0)) return NaN;
    const x = Math.abs(tradedValue[i]) / (2 * e);
    const t = sum + x;
    c += sum >= x ? sum - t + x : x - t + sum;
    sum = t;
  }
  return ((sum + c) / n) * periodsPerYear;
}
