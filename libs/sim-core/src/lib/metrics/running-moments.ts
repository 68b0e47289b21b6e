/**
 * One-pass moments over a window of paired arrays (Welford, 1962; the co-moment update of
 * Pébay, 2008), on sim-core's one {@link MomentsAccumulator}. Internal to `metrics/`: the public
 * metrics validate their arguments and then call these, which allocate one accumulator and one
 * small result object per call and nothing per element.
 */
import { MomentsAccumulator } from '../stats/moments-accumulator';

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
  const acc = new MomentsAccumulator();
  if (y === undefined) {
    for (let i = start; i < end; i += 1) acc.push(x[i]);
  } else {
    for (let i = start; i < end; i += 1) acc.push(x[i] - y[i]);
  }
  return { count: acc.count, mean: acc.mean, m2: acc.m2 };
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
 * undefined) over `[start, end)`, in one pass: `b` goes into a {@link MomentsAccumulator}
 * (Welford's update of `meanB` and `m2B`), and `dA = a - meanA; meanA += dA / k;
 * c += dA * (b - meanB)` with the updated `meanB` (Welford, 1962; Pébay, 2008).
 * `cov = c / (count - 1)`, `var(b) = m2B / (count - 1)`. The caller has checked the window and
 * the lengths.
 */
export function coMoments(x: Float64Array, y: Float64Array, z: Float64Array | undefined, start: number, end: number): CoMoments {
  const accB = new MomentsAccumulator();
  let meanA = 0, c = 0, k = 0;
  for (let i = start; i < end; i += 1) {
    k += 1;
    const zi = z === undefined ? 0 : z[i];
    const a = x[i] - zi, b = y[i] - zi;
    const dA = a - meanA;
    meanA += dA / k;
    accB.push(b);
    c += dA * (b - accB.mean);
  }
  return { count: k, meanA, meanB: accB.mean, m2B: accB.m2, c };
}
