/**
 * The bootstrap of a small sample of independent units (the easing cycles of an event study):
 * resample the units with replacement (Efron, 1979), and read percentile intervals of the mean
 * and the median.
 */
import { mean } from '../stats/mean';
import { median } from '../stats/median';
import { reseedInto, streamFor } from '../random/xoshiro128';
import { percentileOfSorted } from '../monte-carlo/distribution-summary';

/** Settings of {@link bootstrapUnits} and {@link bootstrapLocation}. */
export interface UnitBootstrapOptions {
  /** Seed, an integer in `[0, 2^53)`. */
  readonly seed: number;
  /** Resamples, an integer >= 1. */
  readonly resamples: number;
  /** Resample `r` draws from stream `(seed, stream + r)` (default 0): callers give each statistic its own range of streams. */
  readonly stream?: number;
  /** Two-sided confidence level in `(0, 1)`; default 0.95. */
  readonly confidence?: number;
}

/** Point estimates and percentile intervals of a sample's mean and median. */
export interface LocationIntervals {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly meanLower: number;
  readonly meanUpper: number;
  readonly medianLower: number;
  readonly medianUpper: number;
  readonly confidence: number;
}

function checkOptions(o: UnitBootstrapOptions): void {
  if (!Number.isInteger(o.resamples) || o.resamples < 1) throw new RangeError(`resamples must be an integer >= 1, got ${o.resamples}`);
  const c = o.confidence ?? 0.95;
  if (!(c > 0 && c < 1)) throw new RangeError(`confidence must be in (0, 1), got ${c}`);
}

/**
 * The bootstrap distributions of the mean and the median of `values` (the units, e.g. one
 * spread per cycle): each resample draws `n` units uniformly with replacement, resample `r`
 * from stream `(seed, stream + r)`. Returns both distributions sorted ascending. Empty input
 * gives empty arrays.
 * @throws RangeError on bad options or a NaN value (programmer error: callers drop missing units).
 */
export function bootstrapUnits(values: ArrayLike<number>, options: UnitBootstrapOptions): { means: Float64Array; medians: Float64Array } {
  checkOptions(options);
  const n = values.length;
  for (let i = 0; i < n; i += 1) if (Number.isNaN(values[i])) throw new RangeError(`value ${i} is NaN; drop missing units first`);
  const R = options.resamples;
  if (n === 0) return { means: new Float64Array(0), medians: new Float64Array(0) };
  const means = new Float64Array(R), medians = new Float64Array(R);
  const draw = new Float64Array(n);
  const rng = streamFor(options.seed, options.stream ?? 0);
  for (let r = 0; r < R; r += 1) {
    reseedInto(rng, options.seed, (options.stream ?? 0) + r);
    let sum = 0;
    for (let k = 0; k < n; k += 1) {
      const v = values[Math.floor(rng.nextFloat() * n)];
      draw[k] = v;
      sum += v;
    }
    means[r] = sum / n;
    draw.sort();
    const h = n >>> 1;
    medians[r] = n % 2 === 1 ? draw[h] : (draw[h - 1] + draw[h]) / 2;
  }
  means.sort();
  medians.sort();
  return { means, medians };
}

/**
 * Mean and median of `values` with percentile bootstrap intervals (type-7 percentiles of
 * {@link bootstrapUnits}' distributions at `(1 ± confidence) / 2`). With no value every field is
 * NaN; with one, the intervals are that value.
 */
export function bootstrapLocation(values: ArrayLike<number>, options: UnitBootstrapOptions): LocationIntervals {
  const confidence = options.confidence ?? 0.95;
  const { means, medians } = bootstrapUnits(values, options);
  const lo = (100 * (1 - confidence)) / 2, hi = (100 * (1 + confidence)) / 2;
  const at = (sorted: Float64Array, p: number): number => (sorted.length === 0 ? NaN : percentileOfSorted(sorted, p));
  return {
    count: values.length,
    mean: mean(values),
    median: median(values),
    meanLower: at(means, lo),
    meanUpper: at(means, hi),
    medianLower: at(medians, lo),
    medianUpper: at(medians, hi),
    confidence,
  };
}
