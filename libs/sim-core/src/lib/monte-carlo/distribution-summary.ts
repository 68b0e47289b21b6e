/**
 * Summaries of Monte Carlo outcome distributions: percentiles, moments, value at risk, expected
 * shortfall, probabilities, and percentile fans over time.
 */
import { KeyHistogram, RANKS_BY_HISTOGRAM_FROM, ranksAndSortedPrefix, sortedAtOrBelow, valuesAtRanksFrom } from '../stats/order-statistics';
import { MomentsAccumulator } from '../stats/moments-accumulator';

// Math and Number functions bound once: a global lookup per call is slow in some hosts (Jest's vm
// contexts resolve globals through interceptors), a module binding is not.
const { abs, expm1 } = Math;

/** The percentiles (in percent) {@link summarizeDistribution} reports, in this order. */
export const SUMMARY_PERCENTILES: readonly number[] = Object.freeze([1, 5, 10, 25, 50, 75, 90, 95, 99]);

/**
 * Summary of a distribution of path outcomes (same units as the outcomes: decimals for simple
 * returns and drawdowns).
 * - `count`: outcomes summarised.
 * - `mean`, `sd`: mean and sample standard deviation (`n − 1` denominator).
 * - `percentiles[i]`: the `SUMMARY_PERCENTILES[i]`-th percentile (Hyndman and Fan, 1996, type 7).
 * - `var95`, `var99`: value at risk, the loss at the 5th / 1st percentile as a positive number,
 *   `−P5` and `−P1` (negative when even that percentile is a gain).
 * - `cvar95`, `cvar99`: conditional value at risk (expected shortfall), `−mean` of the outcomes
 *   at or below the 5th / 1st percentile.
 * - `target`, `probabilityAtLeastTarget`: the share of outcomes `>= target`, in `[0, 1]` (NaN
 *   for a NaN target).
 *
 * Every statistic is NaN for degenerate input (see {@link summarizeDistribution}).
 */
export interface DistributionSummary {
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  readonly percentileLevels: readonly number[];
  readonly percentiles: readonly number[];
  readonly var95: number;
  readonly cvar95: number;
  readonly var99: number;
  readonly cvar99: number;
  readonly target: number;
  readonly probabilityAtLeastTarget: number;
}

function checkWindow(length: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start > end) {
    throw new RangeError(`window [${start}, ${end}) does not fit an array of length ${length}`);
  }
}

function checkPercent(percent: number): void {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`a percentile must be in [0, 100], got ${percent}`);
}

/**
 * The `percent`-th percentile (0..100) of the ascending-sorted values `sorted[start..end)`,
 * by linear interpolation between order statistics (Hyndman and Fan, 1996, type 7, the default
 * of R and NumPy): with `h = (n − 1) · percent / 100`, `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])`.
 * The input must already be sorted ascending (not checked). NaN for an empty window.
 *
 * @throws RangeError when the window does not fit or `percent` is outside `[0, 100]`.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, percent: number, start = 0, end = sorted.length): number {
  checkWindow(sorted.length, start, end);
  checkPercent(percent);
  return interpolatePercentile(end - start, percent, (rank) => sorted[start + rank]);
}

/** The 0-based ranks `percentileOfSorted` reads for `percent` among `n` values: `⌊h⌋` and, below the last, `⌊h⌋ + 1`. */
function percentileRanks(n: number, percent: number): number[] {
  const lo = Math.floor(((n - 1) * percent) / 100);
  return lo >= n - 1 ? [lo] : [lo, lo + 1];
}

/** Hyndman and Fan's type 7 from the order statistics `at(rank)` of `n` values (the one formula of this file). */
function interpolatePercentile(n: number, percent: number, at: (rank: number) => number): number {
  if (n === 0) return NaN;
  const h = ((n - 1) * percent) / 100;
  const lo = Math.floor(h);
  const a = at(lo);
  if (lo >= n - 1) return a;
  return a + (h - lo) * (at(lo + 1) - a);
}

/**
 * Summarises the outcomes `outcomes[start..end)` (one per path; decimals for returns): mean and
 * sample standard deviation by Welford's (1962) one-pass update, the {@link SUMMARY_PERCENTILES}
 * (Hyndman and Fan, 1996, type 7) from the order statistics they read, VaR and CVaR at 95% and
 * 99%, and the probability that an outcome is `>= target` (see {@link DistributionSummary}).
 * Bit for bit the numbers of a full sort, without one: the order statistics come from
 * `valuesAtRanks` (a histogram, then a sort of the few bins that hold them) and the CVaR tails
 * from a sort of the values at or below the 5th percentile, summed in ascending order. O(n) for
 * spread-out outcomes; the copies are the tail and the wanted bins, not the window.
 *
 * Degenerate input: for an empty window or when any outcome is NaN, every statistic is NaN
 * (`count` is still the window length); `sd` is NaN below 2 outcomes.
 *
 * @throws RangeError when the window does not fit `outcomes` (programmer error).
 */
export function summarizeDistribution(outcomes: Float64Array, target = 0, start = 0, end = outcomes.length): DistributionSummary {
  checkWindow(outcomes.length, start, end);
  const accumulator = new DistributionAccumulator(target, end - start >= RANKS_BY_HISTOGRAM_FROM);
  accumulator.add(outcomes, start, end);
  return accumulator.summary(outcomes, start, end);
}

/**
 * {@link summarizeDistribution} in two steps, so that most of its work can happen while the
 * outcomes are still being computed: {@link add} takes them chunk by chunk in order (Welford's
 * moments, the count at or above the target, and, when asked, the histogram of
 * `valuesAtRanksFrom`), and {@link summary} then reads the whole array once more for the order
 * statistics and the CVaR tails. Gives bit for bit what {@link summarizeDistribution} gives for
 * the same values (it is what that function runs).
 */
export class DistributionAccumulator {
  private readonly moments = new MomentsAccumulator();
  private readonly histogram: KeyHistogram | undefined;
  private atLeast = 0;
  private n = 0;
  private nan = false;

  /**
   * @param target the level of `probabilityAtLeastTarget`.
   * @param histogram whether to build the histogram for the order statistics (1 MiB; worth it
   * from `RANKS_BY_HISTOGRAM_FROM` outcomes; without it, {@link summary} sorts a copy), or the
   * histogram to build it in: emptied here, so the memory of an earlier run's histogram (whose
   * summary is no longer needed) can be used again without touching fresh pages.
   */
  constructor(readonly target = 0, histogram: boolean | KeyHistogram = true) {
    if (histogram instanceof KeyHistogram) histogram.clear();
    this.histogram = histogram === true ? new KeyHistogram() : histogram === false ? undefined : histogram;
  }

  /** Adds `values[start..end)`, the next outcomes in order. */
  add(values: Float64Array, start = 0, end = values.length): void {
    checkWindow(values.length, start, end);
    if (!this.nan) {
      // Welford's moments up to and including a first NaN (then every statistic is NaN).
      const stop = this.moments.pushAll(values, start, end);
      const target = this.target;
      let atLeast = this.atLeast;
      // `+(v >= target)` counts without a branch: outcomes fall on either side of the target at
      // random, so a branch would mispredict about as often as not.
      for (let i = start; i < stop; i += 1) atLeast += +(values[i] >= target);
      this.atLeast = atLeast;
      this.nan = stop < end || (stop > start && values[stop - 1] !== values[stop - 1]);
    }
    this.n += end - start;
    this.histogram?.add(values, start, end);
  }

  /**
   * {@link add} of `columns[c][start..end)` to `accumulators[c]` for every `c`, with the moments
   * of the series pushed in lockstep (`MomentsAccumulator.pushTogether`, bit for bit the same
   * numbers); a series that holds a NaN, or already had one, is added on its own.
   */
  static addTogether(accumulators: readonly DistributionAccumulator[], columns: readonly Float64Array[], start: number, end: number): void {
    const clean = accumulators.map((a, c) => (a.nan || a.moments.count !== accumulators[0].moments.count ? -1 : c)).filter((c) => c >= 0);
    const before = clean.map((c) => ({ count: accumulators[c].moments.count, mean: accumulators[c].moments.mean, m2: accumulators[c].moments.m2 }));
    const seen = MomentsAccumulator.pushTogether(clean.map((c) => accumulators[c].moments), clean.map((c) => columns[c]), start, end);
    clean.forEach((c, i) => {
      const acc = accumulators[c];
      if (seen[i]) {
        // A NaN: undo and add this series alone (its moments stop at the NaN, as add does).
        acc.moments.count = before[i].count;
        acc.moments.mean = before[i].mean;
        acc.moments.m2 = before[i].m2;
        acc.add(columns[c], start, end);
        return;
      }
      const values = columns[c], target = acc.target;
      let atLeast = acc.atLeast;
      for (let j = start; j < end; j += 1) atLeast += +(values[j] >= target);
      acc.atLeast = atLeast;
      acc.n += end - start;
      acc.histogram?.add(values, start, end);
    });
    accumulators.forEach((acc, c) => { if (!clean.includes(c)) acc.add(columns[c], start, end); });
  }

  /**
   * `valuesAtRanks` of `outcomes[start..end)`, which must be exactly the outcomes added, from
   * this accumulator's histogram when it built one (no second count), else by a sort of a copy.
   *
   * @throws RangeError as `valuesAtRanksFrom`, or when the window holds another number of values than were added (programmer errors).
   */
  valuesAtRanks(outcomes: Float64Array, ranks: readonly number[], start = 0, end = outcomes.length): Float64Array {
    checkWindow(outcomes.length, start, end);
    if (end - start !== this.n) throw new RangeError(`DistributionAccumulator.valuesAtRanks: ${this.n} outcomes were added, the window holds ${end - start}`);
    return valuesAtRanksFrom(this.histogram, outcomes, ranks, start, end);
  }

  /**
   * The summary of every outcome added, which must be exactly `outcomes[start..end)` (the same
   * values in the same order).
   *
   * @throws RangeError when the window does not fit or holds another number of values than were added (programmer errors).
   */
  summary(outcomes: Float64Array, start = 0, end = outcomes.length): DistributionSummary {
    checkWindow(outcomes.length, start, end);
    const n = end - start, target = this.target, moments = this.moments;
    if (n !== this.n) throw new RangeError(`DistributionAccumulator.summary: ${this.n} outcomes were added, the window holds ${n}`);
    const levels = SUMMARY_PERCENTILES;
    if (n === 0 || this.nan) {
      return {
        count: n, mean: NaN, sd: NaN, percentileLevels: levels, percentiles: levels.map(() => NaN),
        var95: NaN, cvar95: NaN, var99: NaN, cvar99: NaN, target, probabilityAtLeastTarget: NaN,
      };
    }
    // Only the order statistics the percentiles read, and the tail below the 5th percentile, are
    // sorted (see valuesAtRanks): the same numbers as a full sort, bit for bit.
    const ranks = [...new Set([...levels, 1, 5].flatMap((q) => percentileRanks(n, q)))];
    // With the histogram, one pass finds the order statistics and the sorted tail below the 5th
    // percentile's upper rank (every value <= P5 is there); without, a sort of a copy.
    const tailRank = Math.max(...percentileRanks(n, 5));
    const { atRanks: picked, prefix } = this.histogram === undefined
      ? { atRanks: valuesAtRanksFrom(undefined, outcomes, ranks, start, end), prefix: undefined }
      : ranksAndSortedPrefix(this.histogram, outcomes, ranks, tailRank, start, end);
    const at = (rank: number): number => picked[ranks.indexOf(rank)];
    const percentiles = levels.map((q) => interpolatePercentile(n, q, at));
    const p5 = interpolatePercentile(n, 5, at), p1 = interpolatePercentile(n, 1, at);
    const tail = prefix ?? sortedAtOrBelow(outcomes, p5, start, end);
    return {
      count: n,
      mean: moments.mean,
      sd: moments.standardDeviation(),
      percentileLevels: levels,
      percentiles,
      var95: -p5,
      cvar95: -meanAtOrBelow(tail, p5),
      var99: -p1,
      cvar99: -meanAtOrBelow(tail, p1),
      target,
      probabilityAtLeastTarget: Number.isNaN(target) ? NaN : this.atLeast / n,
    };
  }
}

/** Mean of the sorted values `<= limit` (never empty when `limit >= sorted[0]`); Neumaier (1974) sum. */
function meanAtOrBelow(sorted: Float64Array, limit: number): number {
  let sum = 0, c = 0, k = 0;
  for (; k < sorted.length && sorted[k] <= limit; k += 1) {
    const v = sorted[k];
    const t = sum + v;
    c += abs(sum) >= abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return k === 0 ? NaN : (sum + c) / k;
}

/**
 * The share of `outcomes[start..end)` that are `>= target`, in `[0, 1]` (e.g. the probability
 * that a path's terminal return reaches a goal). NaN for an empty window or any NaN outcome.
 *
 * @throws RangeError when the window does not fit `outcomes` (programmer error).
 */
export function probabilityAtLeast(outcomes: Float64Array, target: number, start = 0, end = outcomes.length): number {
  checkWindow(outcomes.length, start, end);
  if (end === start || Number.isNaN(target)) return NaN;
  let count = 0;
  for (let i = start; i < end; i += 1) {
    const v = outcomes[i];
    if (v !== v) return NaN; // NaN
    count += +(v >= target); // no branch: see DistributionAccumulator.add
  }
  return count / (end - start);
}

/**
 * The share of paths with `a[i] > b[i]` over `[start, end)`, for paired outcomes of the same
 * paths (e.g. small-cap vs large-cap terminal returns: the probability that small caps beat
 * large caps). Ties count as not greater. In `[0, 1]`; NaN for an empty window or when any
 * value in the window is NaN.
 *
 * @throws RangeError when `a` and `b` differ in length or the window does not fit (programmer
 * errors).
 */
export function probabilityGreater(a: Float64Array, b: Float64Array, start = 0, end = a.length): number {
  if (a.length !== b.length) throw new RangeError(`probabilityGreater: arrays must have the same length, got ${a.length} and ${b.length}`);
  checkWindow(a.length, start, end);
  if (end === start) return NaN;
  let count = 0;
  for (let i = start; i < end; i += 1) {
    const x = a[i], y = b[i];
    if (x !== x || y !== y) return NaN; // NaN
    count += +(x > y); // no branch: which leg ends ahead is close to a coin toss
  }
  return count / (end - start);
}

/**
 * Percentile fan of simulated wealth paths: for log-wealth paths laid out row-major
 * (`logWealth[p · steps + t]` = natural log of wealth of path `p` at step `t`, e.g. the fan
 * buffers of `simulateBootstrapPaths` with `steps = horizon + 1`), writes the
 * `percentiles[q]`-th percentile (in percent, Hyndman and Fan, 1996, type 7) across the
 * `paths` rows of the simple return `exp(logWealth) − 1` at each step into
 * `out[q · steps + t]` (decimals). Allocates one column buffer of `paths` numbers per call,
 * nothing per element. Returns `out`.
 *
 * With `minusLogWealth` (a second leg's log wealth, laid out the same way) the fan is of the
 * difference of the two simple returns, `expm1(logWealth) − expm1(minusLogWealth)` (e.g. small
 * minus large on the same paths), percentile by percentile of the difference, not the
 * difference of the two legs' percentiles.
 *
 * Degenerate input: with `paths = 0` every output is NaN; a column holding a NaN gives NaN for
 * that step.
 *
 * @throws RangeError when `paths` or `steps` is not an integer >= 0, `logWealth` (or
 * `minusLogWealth`) holds fewer than `paths · steps` values, `out` fewer than
 * `percentiles.length · steps`, or a percentile is outside `[0, 100]` (programmer errors).
 */
export function fanPercentilesInto(
  out: Float64Array,
  logWealth: Float32Array | Float64Array,
  paths: number,
  steps: number,
  percentiles: ArrayLike<number>,
  minusLogWealth?: Float32Array | Float64Array,
): Float64Array {
  if (!Number.isSafeInteger(paths) || paths < 0 || !Number.isSafeInteger(steps) || steps < 0) {
    throw new RangeError(`fanPercentilesInto: paths ${paths} and steps ${steps} must be integers >= 0`);
  }
  if (logWealth.length < paths * steps) throw new RangeError(`fanPercentilesInto: logWealth holds ${logWealth.length} values, ${paths * steps} needed`);
  if (minusLogWealth !== undefined && minusLogWealth.length < paths * steps) throw new RangeError(`fanPercentilesInto: minusLogWealth holds ${minusLogWealth.length} values, ${paths * steps} needed`);
  if (out.length < percentiles.length * steps) throw new RangeError(`fanPercentilesInto: out holds ${out.length} values, ${percentiles.length * steps} needed`);
  for (let q = 0; q < percentiles.length; q += 1) checkPercent(percentiles[q]);
  const column = new Float64Array(paths);
  for (let t = 0; t < steps; t += 1) {
    let bad = paths === 0;
    for (let p = 0; p < paths; p += 1) {
      const v = minusLogWealth === undefined ? expm1(logWealth[p * steps + t]) : expm1(logWealth[p * steps + t]) - expm1(minusLogWealth[p * steps + t]);
      if (v !== v) bad = true; // NaN
      column[p] = v;
    }
    if (!bad) column.sort();
    for (let q = 0; q < percentiles.length; q += 1) out[q * steps + t] = bad ? NaN : percentileOfSorted(column, percentiles[q]);
  }
  return out;
}
