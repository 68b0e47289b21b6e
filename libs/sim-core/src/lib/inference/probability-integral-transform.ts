/**
 * Calibration of a forecast distribution against what happened: the probability integral
 * transform (PIT, Dawid 1984; Gneiting, Balabdaoui and Raftery 2007). If outcomes are drawn
 * from the forecast distributions, their PIT values are uniform on [0, 1]: a central interval
 * of level `q` holds the outcome a share `q` of the time, and the PIT histogram is flat. Too
 * many PIT values near 0 and 1 say the forecasts are too narrow; too many near 1/2, too wide.
 */

/**
 * The PIT of `x` in a simulated distribution given by its ascending-sorted draws: the share of
 * draws below `x`, ties counted half (the mid-rank, so that an outcome equal to every draw gets
 * 1/2). NaN without draws or for a NaN `x`.
 */
export function pitOfSorted(sorted: ArrayLike<number>, x: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(x)) return NaN;
  // First index with sorted[i] >= x, and first with sorted[i] > x.
  let lo = 0, hi = n;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
  const below = lo;
  hi = n;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid] <= x) lo = mid + 1; else hi = mid; }
  return (below + (lo - below) / 2) / n;
}

/**
 * The share of PIT values inside the central interval of level `level` (in (0, 1)):
 * `(1 − level)/2 <= pit <= (1 + level)/2`. A calibrated forecast gives `level` on average.
 * NaN values are skipped; NaN when none is left.
 */
export function centralCoverage(pits: readonly number[], level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const kept = pits.filter((p) => !Number.isNaN(p));
  if (kept.length === 0) return NaN;
  const lo = (1 - level) / 2, hi = (1 + level) / 2;
  return kept.filter((p) => p >= lo && p <= hi).length / kept.length;
}

/** Counts of PIT values in `bins` equal bins of [0, 1] (a value of exactly 1 in the last); NaN values skipped. */
export function pitHistogram(pits: readonly number[], bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be an integer >= 1, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  for (const p of pits) if (!Number.isNaN(p)) counts[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))] += 1;
  return counts;
}

/**
 * The exact two-sided binomial test of `k` successes in `n` trials against probability `p`:
 * the total probability of the outcomes no more likely than `k` (the rule of R's
 * `binom.test`, with its relative tolerance of 1e-7 for ties), at most 1. NaN for `n` = 0.
 */
export function binomialTwoSided(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`expected whole numbers 0 <= k <= n, got k ${k}, n ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (n === 0) return NaN;
  // Probabilities by logs of the binomial coefficients, summed upwards.
  const logFactorial = new Float64Array(n + 1);
  for (let i = 1; i <= n; i += 1) logFactorial[i] = logFactorial[i - 1] + Math.log(i);
  const prob = (i: number): number => {
    if (p === 0) return i === 0 ? 1 : 0;
    if (p === 1) return i === n ? 1 : 0;
    return Math.exp(logFactorial[n] - logFactorial[i] - logFactorial[n - i] + i * Math.log(p) + (n - i) * Math.log1p(-p));
  };
  const observed = prob(k) * (1 + 1e-7);
  let total = 0, likelier = false;
  for (let i = 0; i <= n; i += 1) { const q = prob(i); if (q <= observed) total += q; else likelier = true; }
  // Every outcome is no more likely than k's: exactly 1 (the sum would round below it).
  return likelier ? Math.min(1, total) : 1;
}
