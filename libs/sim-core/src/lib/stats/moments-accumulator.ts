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

  /**
   * {@link push} of `columns[c][start..end)` into `accumulators[c]` for every `c`, in lockstep:
   * the same arithmetic for each series as separate {@link push} calls, bit for bit, but up to
   * five series advance in one loop, so their chains of dependent divisions overlap (about four
   * times faster for five series than one after the other). Unlike {@link pushAll} it does not
   * stop at a NaN; it reports, per series, whether one was seen, so the caller can redo that
   * series (see `DistributionAccumulator.addTogether`). Every accumulator must hold the same
   * count.
   *
   * @throws RangeError when the lengths of `accumulators` and `columns` differ, the counts
   * differ, or a window does not fit (programmer errors).
   */
  static pushTogether(accumulators: readonly MomentsAccumulator[], columns: readonly Float64Array[], start: number, end: number): boolean[] {
    if (accumulators.length !== columns.length) throw new RangeError(`pushTogether: ${accumulators.length} accumulators, ${columns.length} columns`);
    const seen: boolean[] = [];
    for (let g = 0; g < columns.length; g += 5) {
      const group = accumulators.slice(g, g + 5), cols = columns.slice(g, g + 5);
      for (const c of cols) if (!(start >= 0 && start <= end && end <= c.length)) throw new RangeError(`pushTogether: window [${start}, ${end}) does not fit ${c.length} values`);
      if (group.some((m) => m.count !== group[0].count)) throw new RangeError('pushTogether: the accumulators hold different counts');
      // Pad to five with copies of the first series (their results are not kept).
      const five = [0, 1, 2, 3, 4].map((i) => (i < group.length ? group[i] : new MomentsAccumulator()));
      for (let i = group.length; i < 5; i += 1) { five[i].count = group[0].count; five[i].mean = group[0].mean; five[i].m2 = group[0].m2; }
      const c5 = [0, 1, 2, 3, 4].map((i) => cols[Math.min(i, cols.length - 1)]);
      const nan = lockstep5(five, c5[0], c5[1], c5[2], c5[3], c5[4], start, end);
      for (let i = 0; i < group.length; i += 1) seen.push(nan[i]);
    }
    return seen;
  }

  /**
   * Adds a batch of `count` values known by their sum and sum of squares (a range of a prefix
   * table, say) to the mean and `M2`, by the pairwise combination of Chan, Golub and LeVeque
   * (1979): with the batch's mean `m_b = sum / count` and `M2_b = sumSquares − sum · m_b`
   * (0 for one value, never below 0), `δ = m_b − mean; mean += δ · count / k; M2 += M2_b +
   * δ² · (k − count) · count / k`, `k` the new count. Algebraically {@link push} of each value;
   * the two agree to rounding (not to the last bit). A NaN sum makes the mean and `M2` NaN.
   */
  pushSums(count: number, sum: number, sumSquares: number): void {
    if (count <= 0) return;
    const before = this.count, k = before + count;
    const batchMean = sum / count;
    const batchM2 = count === 1 ? 0 * sum : Math.max(0, sumSquares - sum * batchMean);
    const delta = batchMean - this.mean;
    this.count = k;
    this.mean += (delta * count) / k;
    this.m2 += batchM2 + (delta * delta * before * count) / k;
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

/** Welford's update of five series in one loop (see {@link MomentsAccumulator.pushTogether}); returns whether each met a NaN. */
function lockstep5(acc: readonly MomentsAccumulator[], c0: Float64Array, c1: Float64Array, c2: Float64Array, c3: Float64Array, c4: Float64Array, start: number, end: number): boolean[] {
  let k = acc[0].count;
  let a1 = acc[0].mean, a2 = acc[0].m2, b1 = acc[1].mean, b2 = acc[1].m2, g1 = acc[2].mean, g2 = acc[2].m2;
  let h1 = acc[3].mean, h2 = acc[3].m2, j1 = acc[4].mean, j2 = acc[4].m2;
  let n0 = false, n1 = false, n2 = false, n3 = false, n4 = false;
  for (let i = start; i < end; i += 1) {
    k += 1;
    let x = c0[i], d = x - a1;
    a1 += d / k; a2 += d * (x - a1); n0 = n0 || x !== x;
    x = c1[i]; d = x - b1;
    b1 += d / k; b2 += d * (x - b1); n1 = n1 || x !== x;
    x = c2[i]; d = x - g1;
    g1 += d / k; g2 += d * (x - g1); n2 = n2 || x !== x;
    x = c3[i]; d = x - h1;
    h1 += d / k; h2 += d * (x - h1); n3 = n3 || x !== x;
    x = c4[i]; d = x - j1;
    j1 += d / k; j2 += d * (x - j1); n4 = n4 || x !== x;
  }
  const means = [a1, b1, g1, h1, j1], m2s = [a2, b2, g2, h2, j2];
  acc.forEach((m, i) => { m.count = k; m.mean = means[i]; m.m2 = m2s[i]; });
  return [n0, n1, n2, n3, n4];
}
