/**
 * The simple moving average of `values` over `period` rows at every row (NaN for the first
 * `period − 1`), written into `out`, with the arithmetic of technicalindicators' `SMA` (a running
 * sum from 0: `sum + v` for the first `period − 1` values, then `(sum − v[t − period]) + v[t]`,
 * the value leaving being 0 on the first full window; each average `sum / period`), so the numbers
 * are bit for bit the library's, without its per-value generator and linked list (about 100 times
 * faster on a path's few hundred rows). The streaming engine step keeps the library itself.
 *
 * @throws RangeError when `period` is not a whole number >= 1 or `out` is shorter than `values` (programmer errors).
 */
export function simpleMovingAverageInto(values: ArrayLike<number>, period: number, out: Float64Array): Float64Array {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`simpleMovingAverageInto: period ${period}`);
  const n = values.length;
  if (out.length < n) throw new RangeError(`simpleMovingAverageInto: ${out.length} slots for ${n} values`);
  let sum = 0;
  for (let t = 0; t < n; t += 1) {
    const v = values[t];
    if (t < period - 1) {
      sum = sum + v;
      out[t] = NaN;
    } else {
      sum = sum - (t >= period ? values[t - period] : 0) + v;
      out[t] = sum / period;
    }
  }
  return out;
}
