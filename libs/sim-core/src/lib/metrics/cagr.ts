import { checkPeriodsPerYear, checkWindow } from './window';

/**
 * Compound annual growth rate of `returns[start..end)`:
 * `CAGR = (1 + total)^(periodsPerYear / n) - 1` with `1 + total = prod (1 + r_i)` and `n` the
 * number of periods, as a decimal per year (0.07 = 7% a year). `periodsPerYear` is 252 for
 * daily trading-day returns, 12 for monthly. Computed as `expm1(ln(G) * periodsPerYear / n)`
 * from the running product `G = prod (1 + r_i)`, so the last step loses no digits when the
 * rate is small (the product itself carries a relative error near `n * 2^-53`).
 *
 * Degenerate input: NaN when the window is empty, when any return is NaN, or when the wealth
 * is wiped out (`total <= -1`, including any single period with `1 + r_i <= 0`): a growth
 * rate from zero or negative wealth is undefined.
 *
 * @throws RangeError when the window does not fit `returns` or `periodsPerYear` is not a
 * finite number above 0 (programmer errors).
 */
export function cagr(returns: Float64Array, periodsPerYear: number, start = 0, end = returns.length): number {
  checkWindow(returns.length, start, end);
  checkPeriodsPerYear(periodsPerYear);
  const n = end - start;
  if (n === 0) return NaN;
  let g = 1;
  for (let i = start; i < end; i += 1) {
    const f = 1 + returns[i];
    if (!(f > 0)) return NaN;
    g *= f;
  }
  return cagrFromGrowth(g, n, periodsPerYear);
}

/** {@link cagr} from the growth factor `g = Π (1 + r)` over `n > 0` periods: `expm1(ln(g) × periodsPerYear / n)`. */
export function cagrFromGrowth(g: number, n: number, periodsPerYear: number): number {
  return Math.expm1((Math.log(g) * periodsPerYear) / n);
}
