/**
 * Mean, variance, skewness and kurtosis of a series in one pass, for the deflated Sharpe ratio.
 */
import { MomentsAccumulator } from '../stats/moments-accumulator';

/** Moments of a sample: `count`, `mean`, sample `variance` (divisor `n − 1`), `skewness` and (non-excess) `kurtosis`. */
export interface SampleMoments {
  readonly count: number;
  readonly mean: number;
  readonly variance: number;
  /** `m3 / m2^(3/2)` with population central moments `m_k = (1/n) Σ (x − x̄)^k`; 0 for a symmetric sample. */
  readonly skewness: number;
  /** `m4 / m2²` (not excess: 3 for a normal distribution), as Bailey and López de Prado (2014) use it. */
  readonly kurtosis: number;
}

/**
 * One-pass central moments of `x[start..end)` (any units) with the higher-order update of
 * Welford (1962) given by Terriberry (2007) and Pébay (2008) (`MomentsAccumulator.pushHigher`): for each value,
 * `δ = x − mean`, `mean += δ/k`, and `M4`, `M3`, `M2` updated from `δ/k` in that order.
 * Skewness and kurtosis are the population (moment) ratios `m3/m2^1.5` and `m4/m2²`.
 *
 * Degenerate input: every field but `count` NaN for an empty window or when any value is NaN;
 * `variance` NaN below 2 values; skewness and kurtosis NaN when the sample is constant (`m2 = 0`).
 *
 * @throws RangeError when the window does not fit `x` (programmer error).
 */
export function sampleMoments(x: ArrayLike<number>, start = 0, end = x.length): SampleMoments {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > x.length || start > end) {
    throw new RangeError(`window [${start}, ${end}) does not fit an array of length ${x.length}`);
  }
  const acc = new MomentsAccumulator();
  for (let i = start; i < end; i += 1) acc.pushHigher(x[i]);
  const n = acc.count, mean = acc.mean;
  if (n === 0 || mean !== mean) return { count: n, mean: NaN, variance: NaN, skewness: NaN, kurtosis: NaN };
  return { count: n, mean, variance: acc.variance(), skewness: acc.skewness(), kurtosis: acc.kurtosis() };
}
