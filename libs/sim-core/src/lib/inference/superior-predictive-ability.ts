/**
 * Tests of data snooping over many strategies against one benchmark: White's Reality Check
 * (2000) and Hansen's test for superior predictive ability (SPA, 2005), both with the stationary
 * bootstrap (Politis and Romano, 1994). The null hypothesis: no strategy beats the benchmark in
 * expectation; a small p-value says the best one's edge is unlikely to be the luck of the search.
 */
import { reseedInto, streamFor, type Xoshiro128 } from '../random/xoshiro128';

/** Settings of {@link superiorPredictiveAbility}. */
export interface SpaOptions {
  /** Seed, an integer in `[0, 2^53)`; resample `b` draws from stream `(seed, stream + b)`. */
  readonly seed: number;
  readonly stream?: number;
  /** Bootstrap resamples, an integer >= 1. */
  readonly resamples: number;
  /** Mean block length of the stationary bootstrap, in periods (>= 1). */
  readonly meanBlock: number;
}

/** One strategy's excess over the benchmark. */
export interface SpaStrategy {
  /** Mean excess per period. */
  readonly mean: number;
  /** `sqrt(n) · mean / ω`, ω the bootstrap standard deviation of `sqrt(n) · mean`. */
  readonly tStatistic: number;
}

/** The tests' outcome. */
export interface SpaResult {
  readonly observations: number;
  readonly resamples: number;
  readonly meanBlock: number;
  readonly strategies: readonly SpaStrategy[];
  /** Index of the strategy with the largest `tStatistic` (the studentized best); -1 with none. */
  readonly best: number;
  /** White (2000): `V = max_k sqrt(n) · mean_k`, and its p-value. */
  readonly realityCheck: { readonly statistic: number; readonly pValue: number };
  /**
   * Hansen (2005): `T = max(0, max_k tStatistic_k)`, and its p-values with the null means
   * re-centred at `max(mean, 0)` (lower, liberal), at the mean when it is not clearly negative
   * (consistent, the one to read), and at the mean (upper, conservative as the Reality Check).
   */
  readonly spa: { readonly statistic: number; readonly pLower: number; readonly pConsistent: number; readonly pUpper: number };
}

/**
 * The blocks of one stationary-bootstrap resample of `n` periods: each block starts at a
 * uniform period and runs on (wrapping past the end) for a geometric number of periods of mean
 * `meanBlock`, until `n` periods are drawn. Returns `[start0, length0, start1, length1, ...]`.
 */
export function stationaryBootstrapBlocks(n: number, meanBlock: number, rng: Xoshiro128): number[] {
  const blocks: number[] = [];
  const p = 1 / meanBlock;
  let drawn = 0;
  while (drawn < n) {
    const start = Math.floor(rng.nextFloat() * n);
    let length = 1;
    while (drawn + length < n && rng.nextFloat() >= p) length += 1;
    blocks.push(start, length);
    drawn += length;
  }
  return blocks;
}

/** (1 + #{draws ≥ observed}) / (B + 1): the observation counted among the draws, never 0. */
function pValue(draws: Float64Array, observed: number): number {
  let k = 0;
  for (const d of draws) if (d >= observed) k += 1;
  return (1 + k) / (draws.length + 1);
}

/**
 * Reality Check and SPA over `excess`, one series per strategy of its excess over the benchmark
 * per period (e.g. daily return minus the benchmark's), all of the same length `n`. Every
 * resample applies the same stationary-bootstrap blocks to every series (their correlation is
 * kept); its means come from prefix sums (time-major, so each block reads two contiguous rows), so a
 * resample costs blocks × strategies, not periods × strategies.
 * ω_k² is the bootstrap variance of `sqrt(n) · mean_k` (Hansen, 2005, sec. 2.3). The consistent
 * SPA re-centres a strategy at its mean only when `tStatistic_k >= −sqrt(2 log log n)`, else at 0.
 * A strategy whose excess never varies (it holds what the benchmark holds) has ω = 0 and is left
 * out of the SPA statistics (its t-statistic is NaN). The p-values count the observed statistic
 * among the draws, `(1 + k) / (B + 1)`.
 * @throws RangeError when the series differ in length, hold a non-finite value, or are shorter than 2.
 */
export function superiorPredictiveAbility(excess: readonly Float64Array[], options: SpaOptions): SpaResult {
  const m = excess.length;
  const n = m === 0 ? 0 : excess[0].length;
  if (!Number.isInteger(options.resamples) || options.resamples < 1) throw new RangeError(`resamples must be an integer >= 1, got ${options.resamples}`);
  if (!(options.meanBlock >= 1)) throw new RangeError(`meanBlock must be >= 1, got ${options.meanBlock}`);
  if (m > 0 && n < 2) throw new RangeError(`the series need at least 2 periods, got ${n}`);
  // Prefix sums time-major: row t holds every strategy's sum of its first t periods, so a block
  // adds two contiguous rows (m values each) and a resample streams through memory in order.
  const C = new Float64Array((n + 1) * m);
  excess.forEach((x, k) => {
    if (x.length !== n) throw new RangeError(`series ${k} has ${x.length} periods; series 0 has ${n}`);
  });
  for (let t = 0; t < n; t += 1) {
    const row = t * m, next = row + m;
    for (let k = 0; k < m; k += 1) {
      const v = excess[k][t];
      if (!Number.isFinite(v)) throw new RangeError(`series ${k} period ${t} is not finite`);
      C[next + k] = C[row + k] + v;
    }
  }
  const B = options.resamples;
  const means = Array.from({ length: m }, (_, k) => C[n * m + k] / n);
  const rootN = Math.sqrt(n);
  // Every resample's mean of every strategy, strategy-major.
  const boot = new Float64Array(m * B);
  const acc = new Float64Array(m);
  const base = options.stream ?? 0;
  const rng = streamFor(options.seed, base);
  const lastRow = n * m;
  for (let b = 0; b < B; b += 1) {
    reseedInto(rng, options.seed, base + b);
    const blocks = stationaryBootstrapBlocks(n, options.meanBlock, rng);
    acc.fill(0);
    for (let i = 0; i < blocks.length; i += 2) {
      const start = blocks[i], end = start + blocks[i + 1];
      const s0 = start * m;
      if (end <= n) {
        const e0 = end * m;
        for (let k = 0; k < m; k += 1) acc[k] += C[e0 + k] - C[s0 + k];
      } else {
        // The block wraps past the last period: to the end, then from the start (row 0 is zero).
        const w0 = (end - n) * m;
        for (let k = 0; k < m; k += 1) acc[k] += C[lastRow + k] - C[s0 + k] + C[w0 + k];
      }
    }
    for (let k = 0; k < m; k += 1) boot[k * B + b] = acc[k] / n;
  }
  const omega = means.map((_, k) => {
    let s = 0, s2 = 0;
    for (let b = 0; b < B; b += 1) { const v = boot[k * B + b]; s += v; s2 += v * v; }
    const variance = B > 1 ? (s2 - (s * s) / B) / (B - 1) : 0;
    return rootN * Math.sqrt(Math.max(0, variance));
  });
  const tStats = means.map((mu, k) => (omega[k] > 0 ? (rootN * mu) / omega[k] : NaN));
  const tested = means.map((_, k) => k).filter((k) => omega[k] > 0);
  let best = -1;
  for (const k of tested) if (best < 0 || tStats[k] > tStats[best]) best = k;

  const V = m === 0 ? 0 : Math.max(...means.map((mu) => rootN * mu));
  const T = Math.max(0, ...tested.map((k) => tStats[k]));
  const threshold = -Math.sqrt(2 * Math.log(Math.log(n)));
  const centre = {
    lower: means.map((mu) => Math.max(mu, 0)),
    consistent: means.map((mu, k) => (tStats[k] >= threshold ? mu : 0)),
    upper: means,
  };
  const rc = new Float64Array(B), tl = new Float64Array(B), tc = new Float64Array(B), tu = new Float64Array(B);
  for (let b = 0; b < B; b += 1) {
    let v = -Infinity, l = 0, c = 0, u = 0;
    for (let k = 0; k < m; k += 1) {
      const mb = boot[k * B + b];
      v = Math.max(v, rootN * (mb - means[k]));
      if (!(omega[k] > 0)) continue;
      l = Math.max(l, (rootN * (mb - centre.lower[k])) / omega[k]);
      c = Math.max(c, (rootN * (mb - centre.consistent[k])) / omega[k]);
      u = Math.max(u, (rootN * (mb - centre.upper[k])) / omega[k]);
    }
    rc[b] = v; tl[b] = l; tc[b] = c; tu[b] = u;
  }
  return {
    observations: n,
    resamples: B,
    meanBlock: options.meanBlock,
    strategies: means.map((mean, k) => ({ mean, tStatistic: tStats[k] })),
    best,
    realityCheck: { statistic: V, pValue: m === 0 ? 1 : pValue(rc, V) },
    spa: { statistic: T, pLower: pValue(tl, T), pConsistent: pValue(tc, T), pUpper: pValue(tu, T) },
  };
}
