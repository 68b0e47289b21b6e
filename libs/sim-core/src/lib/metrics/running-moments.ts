/**
 * One-pass moments over a window of paired arrays (Welford, 1962; the co-moment update of
 * Pébay, 2008). Internal to `metrics/`: the public metrics validate their arguments and then
 * call these, which allocate one small result object per call and nothing per element.
 */

/** Count, mean and sum of squared deviations `m2 = sum (x - mean)^2` of a series. */
export interface Moments {
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
}

/**
 * Moments of `x[i] - y[i]` (or of `x[i]` when `y` is undefined) for `i` in `[start, end)`, in
 * one pass with Welford's (1962) update: `delta = d - mean; mean += delta / k;
 * m2 += delta * (d - mean)`. The sample variance is `m2 / (count - 1)`. A NaN anywhere gives
 * NaN mean and m2. The caller has checked the window and the lengths.
 */
export function differenceMoments(x: Float64Array, y: Float64Array | undefined, start: number, end: number): Moments {
  let mean = 0, m2 = 0, k = 0;
  if (y === undefined) {
    for (let i = start; i < end; i += 1) {
      k += 1;
      const d = x[i];
      const delta = d - mean;
      mean += delta / k;
      m2 += delta * (d - mean);
    }
  } else {
    for (let i = start; i < end; i += 1) {
      k += 1;
      const d = x[i] - y[i];
      const delta = d - mean;
      mean += delta / k;
      m2 += delta * (d - mean);
    }
  }
  return { count: k, mean, m2 };
}

/** Count, means, second moment of `b` and co-moment `c = sum (a - meanA)(b - meanB)` of a pair of series. */
export interface CoMoments {
  readonly count: number;
  readonly meanA: number;
  readonly meanB: number;
  readonly m2B: number;
  readonly c: number;
}

/**
 * Co-moments of `a[i] = x[i] - z[i]` and `b[i] = y[i] - z[i]` (no subtraction when `z` is
 * undefined) over `[start, end)`, in one pass: `dA = a - meanA; meanA += dA / k;
 * meanB += (b - meanB) / k; c += dA * (b - meanB)` and Welford's update for `m2B` (Welford,
 * 1962; Pébay, 2008). `cov = c / (count - 1)`, `var(b) = m2B / (count - 1)`. The caller has
 * checked the window and the lengths.
 */
export function coMoments(x: Float64Array, y: Float64Array, z: Float64Array | undefined, start: number, end: number): CoMoments {
  let meanA = 0, meanB = 0, m2B = 0, c = 0, k = 0;
  for (let i = start; i < end; i += 1) {
    k += 1;
    const zi = z === undefined ? 0 : z[i];
    const a = x[i] - zi, b = y[i] - zi;
    const dA = a - meanA;
    const dB = b - meanB;
    meanA += dA / k;
    meanB += dB / k;
    m2B += dB * (b - meanB);
    c += dA * (b - meanB);
  }
  return { count: k, meanA, meanB, m2B, c };
}
