/**
 * The one streaming moments accumulator of sim-core: count, mean and central moment sums of a
 * series, one value at a time, with no allocation.
 */

/**
 * Streaming count, mean and central moment sums `M_k = Σ (x − mean)^k` of a series, pushed one
 * value at a time, in one pass and without storing the values (any units; `mean` is in the
 * values' units).
 *
 * Two updates, algebraically the same for `M2`, chosen once per accumulator and never mixed:
 * - {@link push}: mean and `M2` by Welford's (1962) update, `δ = x − mean; mean += δ / k;
 *   M2 += δ · (x − mean)` (with the new mean). `M3` and `M4` stay 0.
 * - {@link pushHigher}: mean, `M2`, `M3` and `M4` by the higher-order form of Welford's update
 *   given by Terriberry (2007) and Pébay (2008): `δ = x − mean; δₖ = δ / k; t = δ · δₖ · (k − 1);
 *   mean += δₖ; M4 += t δₖ² (k² − 3k + 3) + 6 δₖ² M2 − 4 δₖ M3; M3 += t δₖ (k − 2) − 3 δₖ M2;
 *   M2 += t`, in that order.
 * The two `M2` updates can differ in the last bit, so each caller keeps the one its published
 * numbers were computed with.
 *
 * Derived statistics follow one rule for degenerate input: NaN when there are too few values
 * (a variance needs 2) or a zero denominator (skewness and kurtosis of a constant series); a NaN
 * value makes the mean and every moment NaN.
 */
export class MomentsAccumulator {
  /** Values pushed so far. */
  count = 0;
  /** Running mean, in the values' units; 0 before the first value. */
  mean = 0;
  /** `Σ (x − mean)²`. */
  m2 = 0;
  /** `Σ (x − mean)³`; only kept by {@link pushHigher}. */
  m3 = 0;
  /** `Σ (x − mean)⁴`; only kept by {@link pushHigher}. */
  m4 = 0;

  /** Forgets every value. */
  reset(): void {
    this.count = 0;
    this.mean = 0;
    this.m2 = 0;
    this.m3 = 0;
    this.m4 = 0;
  }

  /** Adds `x` to the mean and `M2` (Welford, 1962). */
  push(x: number): void {
    const k = this.count + 1;
    this.count = k;
    const delta = x - this.mean;
    const mean = this.mean + delta / k;
    this.mean = mean;
    this.m2 += delta * (x - mean);
  }

  /**
   * {@link push} of `values[start..end)` in order, the same arithmetic with the running values
   * in local variables (about twice as fast in a long loop), stopping after the first NaN, which
   * is pushed. Returns the index after the last value pushed (`end` when there was no NaN).
   */
  pushAll(values: Float64Array, start = 0, end = values.length): number {
    let k = this.count, mean = this.mean, m2 = this.m2;
    let i = start;
    while (i < end) {
      const x = values[i];
      i += 1;
      k += 1;
      const delta = x - mean;
      mean += delta / k;
      m2 += delta * (x - mean);
      if (x !== x) break; // NaN
    }
    this.count = k;
    this.mean = mean;
    this.m2 = m2;
    return i;
  }

  /** Adds `x` to the mean, `M2`, `M3` and `M4` (Terriberry, 2007; Pébay, 2008). */
  pushHigher(x: number): void {
    const k1 = this.count, k = k1 + 1;
    this.count = k;
    const delta = x - this.mean;
    const dn = delta / k, dn2 = dn * dn, term1 = delta * dn * k1;
    const m2 = this.m2, m3 = this.m3;
    this.mean += dn;
    this.m4 += term1 * dn2 * (k * k - 3 * k + 3) + 6 * dn2 * m2 - 4 * dn * m3;
    this.m3 = m3 + (term1 * dn * (k - 2) - 3 * dn * m2);
    this.m2 = m2 + term1;
  }

  /** Sample variance `M2 / (count − 1)`; NaN below 2 values. */
  variance(): number {
    return this.count >= 2 ? this.m2 / (this.count - 1) : NaN;
  }

  /** Sample standard deviation `sqrt(M2 / (count − 1))`; NaN below 2 values. */
  standardDeviation(): number {
    return this.count >= 2 ? Math.sqrt(this.m2 / (this.count - 1)) : NaN;
  }

  /**
   * Population skewness `m3 / m2^(3/2)` with `m_k = M_k / n` (after {@link pushHigher}); NaN
   * for an empty or constant series.
   */
  skewness(): number {
    return this.m2 > 0 ? (Math.sqrt(this.count) * this.m3) / Math.pow(this.m2, 1.5) : NaN;
  }

  /**
   * Population (non-excess) kurtosis `m4 / m2²` (3 for a normal distribution; after
   * {@link pushHigher}); NaN for an empty or constant series.
   */
  kurtosis(): number {
    return this.m2 > 0 ? (this.count * this.m4) / (this.m2 * this.m2) : NaN;
  }
}
