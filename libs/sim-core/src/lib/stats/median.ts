/**
 * Median of a list (the mean of the two middle values for an even count). NaN for an empty
 * list or when any value is NaN. Does not modify its input.
 */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(values);
  if (sorted.some((v) => Number.isNaN(v))) return NaN;
  sorted.sort();
  const h = n >>> 1;
  return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}
