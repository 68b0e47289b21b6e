import { checkSameLength, checkWindow } from './window';

/**
 * Hit rate against a benchmark over `[start, end)`: the share of periods in which the strategy
 * beat the benchmark, `#{i : r_i > b_i} / n`, a decimal in [0, 1]. Ties (`r_i = b_i`, e.g. both
 * in cash) count as misses. Not annualised.
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
    if (r > b) hits += 1;
  }
  return hits / n;
}
