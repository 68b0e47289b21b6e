/**
 * A placebo (random-date) test of an event study: is the mean of an outcome after `n` events
 * unusual among the means after `n` dates drawn at random from the same history?
 */
import { reseedInto, streamFor } from '../random/xoshiro128';
import { percentileOfSorted } from '../monte-carlo/distribution-summary';

/** Settings of {@link placeboTest}. */
export interface PlaceboOptions {
  /** Seed, an integer in `[0, 2^53)`. */
  readonly seed: number;
  /** Placebo draws, an integer >= 1. */
  readonly placebos: number;
  /** Draw `d` uses stream `(seed, stream + d)` (default 0). */
  readonly stream?: number;
}

/** Where an event mean falls among placebo means. */
export interface PlaceboResult {
  /** Dates the placebos were drawn from, and events (dates) per placebo draw. */
  readonly pool: number;
  readonly size: number;
  readonly placebos: number;
  /** Share of placebo means strictly below the event mean. */
  readonly percentile: number;
  /** `(1 + #{placebo ≤ event}) / (placebos + 1)`: small when the event mean is unusually low. */
  readonly pLower: number;
  /** `(1 + #{placebo ≥ event}) / (placebos + 1)`: small when it is unusually high. */
  readonly pUpper: number;
  /** `min(1, 2 · min(pLower, pUpper))`. */
  readonly pTwoSided: number;
  /** Percentiles 5, 50 and 95 of the placebo means. */
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  /** The placebo means in {@link PLACEBO_HISTOGRAM_BINS} equal bins from the smallest to the largest (the last bin closed). */
  readonly histogram: { readonly lo: number; readonly hi: number; readonly counts: readonly number[] };
}

/** Bins of {@link PlaceboResult.histogram}. */
export const PLACEBO_HISTOGRAM_BINS = 30;

/** Counts of the ascending-sorted `sorted` in `bins` equal bins of `[sorted[0], sorted[n − 1]]` (all in the first when they are equal). */
function histogramOfSorted(sorted: Float64Array, bins: number): { lo: number; hi: number; counts: number[] } {
  const n = sorted.length;
  const lo = n === 0 ? NaN : sorted[0], hi = n === 0 ? NaN : sorted[n - 1];
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (let i = 0; i < n; i += 1) counts[width > 0 ? Math.min(bins - 1, Math.floor((sorted[i] - lo) / width)) : 0] += 1;
  return { lo, hi, counts };
}

/**
 * The placebo means: `placebos` times, the mean of `size` distinct values of `pool` drawn
 * uniformly without replacement (draw `d` from stream `(seed, stream + d)`), sorted ascending.
 * @throws RangeError when `size` is not in `[1, pool.length]` or the options are bad.
 */
export function placeboMeans(pool: ArrayLike<number>, size: number, options: PlaceboOptions): Float64Array {
  const m = pool.length;
  if (!Number.isInteger(size) || size < 1 || size > m) throw new RangeError(`size must be an integer from 1 to the pool's ${m} values, got ${size}`);
  if (!Number.isInteger(options.placebos) || options.placebos < 1) throw new RangeError(`placebos must be an integer >= 1, got ${options.placebos}`);
  const base = options.stream ?? 0;
  const out = new Float64Array(options.placebos);
  const chosen = new Int32Array(size);
  const rng = streamFor(options.seed, base);
  for (let d = 0; d < options.placebos; d += 1) {
    reseedInto(rng, options.seed, base + d);
    let sum = 0;
    for (let k = 0; k < size; k += 1) {
      // Rejection of an index already drawn: `size` is small against the pool in an event study.
      let j = 0, again = true;
      while (again) {
        j = Math.floor(rng.nextFloat() * m);
        again = false;
        for (let q = 0; q < k; q += 1) if (chosen[q] === j) { again = true; break; }
      }
      chosen[k] = j;
      sum += pool[j];
    }
    out[d] = sum / size;
  }
  return out.sort();
}

/**
 * The placebo test of `eventMean`, the mean outcome over `size` events, against
 * {@link placeboMeans} of the same size from `pool` (the outcome at every eligible non-event
 * date). The p-values count the observed statistic among the draws, `(1 + k) / (N + 1)`, so
 * they are never 0 (Davison and Hinkley, 1997, ch. 4; North, Curtis and Sham, 2002). Under no
 * event effect (events like random dates) the two-sided p-value is uniform on its grid.
 */
export function placeboTest(eventMean: number, pool: ArrayLike<number>, size: number, options: PlaceboOptions): PlaceboResult {
  const means = placeboMeans(pool, size, options);
  const N = means.length;
  let below = 0, atOrBelow = 0;
  for (let d = 0; d < N; d += 1) {
    if (means[d] < eventMean) below += 1;
    if (means[d] <= eventMean) atOrBelow += 1;
  }
  const atOrAbove = N - below;
  const pLower = (1 + atOrBelow) / (N + 1);
  const pUpper = (1 + atOrAbove) / (N + 1);
  return {
    pool: pool.length, size, placebos: N,
    percentile: below / N,
    pLower, pUpper, pTwoSided: Math.min(1, 2 * Math.min(pLower, pUpper)),
    p5: percentileOfSorted(means, 5), p50: percentileOfSorted(means, 50), p95: percentileOfSorted(means, 95),
    histogram: histogramOfSorted(means, PLACEBO_HISTOGRAM_BINS),
  };
}
