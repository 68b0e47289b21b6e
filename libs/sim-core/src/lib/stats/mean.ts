/**
 * Arithmetic mean of `values[start..end)` with Neumaier's compensated summation
 * (Neumaier, 1974). NaN for an empty window or when any value is NaN.
 */
export function mean(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (n <= 0) return NaN;
  let sum = 0, c = 0;
  for (let i = start; i < end; i += 1) {
    const v = values[i];
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return (sum + c) / n;
}
