/**
 * The data a joint (small-cap, large-cap) block bootstrap resamples: historical analog windows,
 * one segment per easing-cycle window, concatenated into typed arrays.
 */

/**
 * Paired per-period returns of the analog windows, concatenated.
 * - `small`, `large`: simple returns per period, decimals (0.01 = +1%), row `i` of both is the
 *   same period; every value finite and above −1.
 * - `segments`: segment boundaries, length `S + 1`, `segments[0] = 0`, strictly increasing,
 *   `segments[S] = small.length`; segment `s` is rows `[segments[s], segments[s+1])`, one
 *   analog window. Bootstrap blocks never run across a boundary: continuing past a segment's
 *   last row wraps to its first row (circular within the segment, as in Politis and Romano's,
 *   1992, circular scheme).
 * - `periodsPerYear`: 252 for daily rows, 12 for monthly rows.
 */
export interface JointSource {
  readonly small: Float64Array;
  readonly large: Float64Array;
  readonly segments: Int32Array;
  readonly periodsPerYear: number;
}

/** One analog window: paired simple returns per period, decimals, same length. */
export interface JointWindow {
  readonly small: Float64Array;
  readonly large: Float64Array;
}

/**
 * A {@link JointSource} with what the bootstrap kernel needs precomputed (see
 * {@link prepareSource}). Read-only once built; share it between runs and workers.
 * - `length`: rows `n` of the source.
 * - `segmentOf[i]`: the segment of row `i` (length `n`).
 * - `cumSmall`, `cumLarge`: cumulative log returns (`ln(1 + r)`) per segment, length `n + S`.
 *   For row `i` of segment `s`, `cum[i + s]` is the sum of the log returns of the segment's rows
 *   before `i` (0 at the segment's first row) and `cum[i + s + 1]` includes row `i`; so the log
 *   return of rows `[i, j)` inside segment `s` is `cum[j + s] − cum[i + s]`, in O(1).
 * - `rangeTable`, `rangeLevels`: a sparse table (the dyadic-range table of Bender and
 *   Farach-Colton, 2000) over the cumulative arrays: for level `l < rangeLevels` and cumulative
 *   index `k`, the six numbers at `((l · (n + S)) + k) · 6` describe the `2^l` entries
 *   `cum[k .. k + 2^l)` of small then large: their minimum, their maximum, and their deepest
 *   drop `min_{p <= q} (cum[q] − cum[p])` (a log drawdown, <= 0). Entries whose range leaves a
 *   segment are filled but meaningless. With it, a block's effect on a path's maximum drawdown
 *   costs O(log block length) instead of a pass over its rows.
 */
export interface PreparedSource {
  readonly source: JointSource;
  readonly length: number;
  readonly segmentOf: Int32Array;
  readonly cumSmall: Float64Array;
  readonly cumLarge: Float64Array;
  readonly rangeTable: Float64Array;
  readonly rangeLevels: number;
}

/**
 * Most levels of {@link PreparedSource.rangeTable}: dyadic ranges of up to `2^8 = 256`
 * cumulative entries (longer runs combine several). Memory: 48 bytes × levels per row.
 */
export const RANGE_TABLE_MAX_LEVELS = 9;

// Math and Number functions bound once: a global lookup per call is slow in some hosts (Jest's vm
// contexts resolve globals through interceptors), a module binding is not.
const { abs, log1p, max, min } = Math;

function checkReturns(what: string, values: Float64Array, offset: number): void {
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (!(v > -1) || !Number.isFinite(v)) {
      throw new RangeError(`${what}: row ${i + offset} is ${v}; returns must be finite decimals above -1`);
    }
  }
}

function checkPeriodsPerYear(periodsPerYear: number): void {
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
    throw new RangeError(`periodsPerYear must be a finite number above 0, got ${periodsPerYear}`);
  }
}

/**
 * Concatenates analog windows into a {@link JointSource}, one segment per window, copying the
 * data (the inputs are not kept).
 *
 * @throws RangeError (programmer or data-preparation error) when there is no window, a window
 * is empty or its two arrays differ in length, a return is NaN, infinite or `<= −1`, the total
 * exceeds 2^31 − 1 rows, or `periodsPerYear` is not a finite number above 0. Clean the data (the
 * data-loader's job) before building a source.
 */
export function makeJointSource(windows: readonly JointWindow[], periodsPerYear: number): JointSource {
  checkPeriodsPerYear(periodsPerYear);
  if (windows.length === 0) throw new RangeError('makeJointSource: at least one window is needed');
  let n = 0;
  for (let w = 0; w < windows.length; w += 1) {
    const { small, large } = windows[w];
    if (small.length !== large.length) {
      throw new RangeError(`makeJointSource: window ${w} has ${small.length} small and ${large.length} large returns`);
    }
    if (small.length === 0) throw new RangeError(`makeJointSource: window ${w} is empty`);
    checkReturns(`makeJointSource: window ${w} small`, small, 0);
    checkReturns(`makeJointSource: window ${w} large`, large, 0);
    n += small.length;
  }
  if (n > 0x7fffffff) throw new RangeError(`makeJointSource: ${n} rows exceed 2^31 - 1`);
  const small = new Float64Array(n), large = new Float64Array(n);
  const segments = new Int32Array(windows.length + 1);
  let at = 0;
  for (let w = 0; w < windows.length; w += 1) {
    small.set(windows[w].small, at);
    large.set(windows[w].large, at);
    at += windows[w].small.length;
    segments[w + 1] = at;
  }
  return { small, large, segments, periodsPerYear };
}

/** Throws a RangeError unless `source` satisfies the {@link JointSource} contract. */
export function checkJointSource(source: JointSource): void {
  const { small, large, segments } = source;
  checkPeriodsPerYear(source.periodsPerYear);
  if (small.length !== large.length) throw new RangeError(`JointSource: ${small.length} small and ${large.length} large returns`);
  if (small.length === 0) throw new RangeError('JointSource: no rows');
  if (segments.length < 2 || segments[0] !== 0 || segments[segments.length - 1] !== small.length) {
    throw new RangeError(`JointSource: segments must run from 0 to ${small.length} (got ${segments.length} boundaries)`);
  }
  for (let s = 1; s < segments.length; s += 1) {
    if (!(segments[s] > segments[s - 1])) throw new RangeError(`JointSource: segment ${s - 1} is empty or the boundaries decrease`);
  }
  checkReturns('JointSource small', small, 0);
  checkReturns('JointSource large', large, 0);
}

/**
 * Running sum of `ln(1 + r)` over one segment into `cum[from..]`, with Neumaier's compensated
 * summation (Neumaier, 1974) so the cumulative values keep full precision over long segments.
 */
function cumulateLog(cum: Float64Array, values: Float64Array, lo: number, hi: number, from: number): void {
  let sum = 0, c = 0;
  cum[from] = 0;
  for (let i = lo; i < hi; i += 1) {
    const v = log1p(values[i]);
    const t = sum + v;
    c += abs(sum) >= abs(v) ? sum - t + v : v - t + sum;
    sum = t;
    cum[from + (i - lo) + 1] = sum + c;
  }
}

/**
 * Fills the dyadic-range table of {@link PreparedSource.rangeTable}: level 0 from the cumulative
 * values, level `l` from two halves `A`, `B` of level `l − 1` by `min`, `max` and the drop of a
 * concatenation, `drop(AB) = min(drop(A), drop(B), min(B) − max(A))`.
 */
function buildRangeTable(cumSmall: Float64Array, cumLarge: Float64Array, levels: number): Float64Array {
  const m = cumSmall.length;
  const table = new Float64Array(levels * m * 6);
  for (let k = 0; k < m; k += 1) {
    const o = k * 6;
    table[o] = table[o + 1] = cumSmall[k];
    table[o + 3] = table[o + 4] = cumLarge[k];
  }
  for (let l = 1; l < levels; l += 1) {
    const half = 1 << (l - 1);
    for (let k = 0; k + 2 * half <= m; k += 1) {
      const o = (l * m + k) * 6, a = ((l - 1) * m + k) * 6, b = a + half * 6;
      for (let f = 0; f <= 3; f += 3) {
        table[o + f] = min(table[a + f], table[b + f]);
        table[o + f + 1] = max(table[a + f + 1], table[b + f + 1]);
        table[o + f + 2] = min(table[a + f + 2], table[b + f + 2], table[b + f] - table[a + f + 1]);
      }
    }
  }
  return table;
}

/**
 * Precomputes the per-segment cumulative log returns (`Math.log1p`, compensated sums), the
 * segment of each row and the dyadic-range table of the cumulative values (see
 * {@link PreparedSource}), so that a bootstrap block adds to a path's terminal log return in
 * O(1) and to its maximum drawdown in O(log block length). O(n log n) time and memory (at most
 * {@link RANGE_TABLE_MAX_LEVELS} levels, 48 bytes per row and level); do it once per source.
 *
 * @throws RangeError when `source` breaks the {@link JointSource} contract (programmer error).
 */
export function prepareSource(source: JointSource): PreparedSource {
  checkJointSource(source);
  const n = source.small.length, segmentCount = source.segments.length - 1;
  const segmentOf = new Int32Array(n);
  const cumSmall = new Float64Array(n + segmentCount), cumLarge = new Float64Array(n + segmentCount);
  let longest = 0;
  for (let s = 0; s < segmentCount; s += 1) {
    const lo = source.segments[s], hi = source.segments[s + 1];
    segmentOf.fill(s, lo, hi);
    cumulateLog(cumSmall, source.small, lo, hi, lo + s);
    cumulateLog(cumLarge, source.large, lo, hi, lo + s);
    longest = Math.max(longest, hi - lo);
  }
  // Runs inside a segment are at most `longest` rows: no level above floor(log2(longest)).
  const rangeLevels = Math.min(RANGE_TABLE_MAX_LEVELS, 32 - Math.clz32(longest));
  return { source, length: n, segmentOf, cumSmall, cumLarge, rangeTable: buildRangeTable(cumSmall, cumLarge, rangeLevels), rangeLevels };
}
