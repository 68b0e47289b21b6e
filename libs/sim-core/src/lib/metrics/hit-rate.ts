import { checkSameLength, checkWindow } from './window';

/**
 * Relative tolerance under which two returns are a tie: {@link beats} treats
 * `|r − b| <= RETURN_TIE_TOLERANCE × max(1, |r|, |b|)` as equal. Returns come from ratios of
 * portfolio values (`V₁ / V₀ − 1`), whose rounding error is a few units in the last place of
 * the gross return `1 + r`, about 10⁻¹⁶; a strategy holding exactly what the benchmark holds
 * differs from it by that much. 10⁻¹⁰ (a millionth of a basis point per period) is a million
 * times that noise and far below any economically meaningful difference.
 */
export const RETURN_TIE_TOLERANCE = 1e-10;

/**
 * True when return `r` beats return `b` by more than floating-point noise:
 * `r − b > RETURN_TIE_TOLERANCE × max(1, |r|, |b|)` (the scale of the gross returns `1 + r`,
 * and of `r` itself for returns above 100 %). Equal returns, and returns within the tolerance,
 * are a tie: not a win. False when either is NaN.
 */
export function beats(r: number, b: number): boolean {
  return r - b > RETURN_TIE_TOLERANCE * Math.max(1, Math.abs(r), Math.abs(b));
}

/**
 * Hit rate against a benchmark over `[start, end)`: the share of periods in which the strategy
 * beat the benchmark, `#{i : beats(r_i, b_i)} / n`, a decimal in [0, 1]. Ties count as misses:
 * equal returns (e.g. both in cash, or both holding the same asset) and returns that differ
 * only by floating-point noise (within {@link RETURN_TIE_TOLERANCE}, see {@link beats}). Not
 * annualised.
 *
 * Degenerate input: NaN for an empty window or when any value is NaN.
 *
 * @throws RangeError when the arrays differ in length or the window does not fit (programmer
 * errors).
 */
export function hitRate(returns: Float64Array, benchmarkReturns: Float64Array, start = 0, end = returns.length): number {
  checkSameLength('hitRate', returns, benchmarkReturns);
  checkWindow(returns.length, start, end);
  const n = end - start;
  if (n === 0) return NaN;
  let hits = 0;
  for (let i = start; i < end; i += 1) {
    const r = returns[i], b = benchmarkReturns[i];
    if (Number.isNaN(r) || Number.isNaN(b)) return NaN;
    if (beats(r, b)) hits += 1;
  }
  return hits / n;
}
