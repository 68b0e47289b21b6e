/**
 * Mean, variance, skewness and kurtosis of a series in one pass, for the deflated Sharpe ratio.
 */

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
 * Welford (1962) given by Terriberry (2007) and Pébay (2008): for each value,
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
  let n = 0, mean = 0, m2 = 0, m3 = 0, m4 = 0;
  for (let i = start; i < end; i += 1) {
    const n1 = n;
    n += 1;
    const delta = x[i] - mean;
    const dn = delta / n, dn2 = dn * dn, term1 = delta * dn * n1;
    mean += dn;
    m4 += term1 * dn2 * (n * n - 3 * n + 3) + 6 * dn2 * m2 - 4 * dn * m3;
    m3 += term1 * dn * (n - 2) - 3 * dn * m2;
    m2 += term1;
  }
  if (n === 0 || mean !== mean) return { count: n, mean: NaN, variance: NaN, skewness: NaN, kurtosis: NaN };
  const variance = n >= 2 ? m2 / (n - 1) : NaN;
  if (!(m2 > 0)) return { count: n, mean, variance, skewness: NaN, kurtosis: NaN };
  return { count: n, mean, variance, skewness: (Math.sqrt(n) * m3) / Math.pow(m2, 1.5), kurtosis: (n * m4) / (m2 * m2) };
}
