import type { Rng } from './xoshiro128';

// Math and Number functions bound once: a global lookup per call is slow in some hosts (Jest's vm
// contexts resolve globals through interceptors), a module binding is not.
const { log, sqrt } = Math;

/**
 * One standard normal variate N(0, 1) by Marsaglia's polar method (Marsaglia and Bray, 1964):
 * draw `(u, v)` uniform on the square `[-1, 1)²` until `0 < s = u² + v² < 1`, then
 * `u · sqrt(−2 ln s / s)` is N(0, 1). The method makes a pair; this function returns the first
 * and discards the second, so it keeps no state between calls (use {@link fillStandardNormal}
 * to use both). Consumes `2 · 2` outputs of `rng` per attempt, `4/π ≈ 1.27` attempts on average.
 */
export function standardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.nextFloat() - 1;
    const v = 2 * rng.nextFloat() - 1;
    const s = u * u + v * v;
    if (s < 1 && s > 0) return u * sqrt((-2 * log(s)) / s);
  }
}

/**
 * A normal variate with mean `mean` and standard deviation `sd` (same units as `mean`):
 * `mean + sd · Z` with `Z` from {@link standardNormal} (Marsaglia and Bray, 1964).
 * NaN when `sd` is negative or either argument is NaN (nothing is drawn then).
 */
export function normal(rng: Rng, mean: number, sd: number): number {
  if (!(sd >= 0) || Number.isNaN(mean)) return NaN;
  return mean + sd * standardNormal(rng);
}

/**
 * Fills `out[start..end)` with independent N(0, 1) variates by Marsaglia's polar method
 * (Marsaglia and Bray, 1964), using both members of each pair (an odd count discards the last
 * spare). Allocates nothing; returns `out`. An empty window draws nothing.
 * @throws RangeError when the window does not fit `out` (programmer error).
 */
export function fillStandardNormal(rng: Rng, out: Float64Array, start = 0, end = out.length): Float64Array {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > out.length || start > end) {
    throw new RangeError(`window [${start}, ${end}) does not fit an array of length ${out.length}`);
  }
  let i = start;
  while (i < end) {
    const u = 2 * rng.nextFloat() - 1;
    const v = 2 * rng.nextFloat() - 1;
    const s = u * u + v * v;
    if (!(s < 1 && s > 0)) continue;
    const m = sqrt((-2 * log(s)) / s);
    out[i] = u * m;
    i += 1;
    if (i < end) {
      out[i] = v * m;
      i += 1;
    }
  }
  return out;
}
