/**
 * A lookup table for the stationary bootstrap's block lengths: the same integers as the
 * inversion formula `1 + floor(ln((k + 1) / 2^32) · invLogQ)` of a 32-bit output `k`, bit for
 * bit, without a logarithm for almost every `k`.
 */

/** Buckets of the table: the top 12 bits of `k` (2^20 outputs per bucket). */
export const GEOMETRIC_BUCKET_BITS = 12;
const BUCKETS = 1 << GEOMETRIC_BUCKET_BITS;
const BUCKET_SIZE = 2 ** (32 - GEOMETRIC_BUCKET_BITS);
const TWO_POW_MINUS_32 = 1 / 4294967296;
/** Outputs checked on each side of every bucket edge and threshold (see the proof below). */
const GUARD = 3;

const { floor, log } = Math;

/**
 * Per bucket `b` (outputs `k` with `k >>> 20 === b`): the length is `k < threshold[b] ? upper[b]
 * : lower[b]`, or, where `upper[b]` is −1, the formula itself (the few buckets near `k = 0`,
 * where lengths change more than once per bucket).
 */
export interface GeometricLengthTable {
  readonly invLogQ: number;
  readonly upper: Int32Array;
  readonly lower: Int32Array;
  /** A `k` (as a double, so that `2^32` fits): the first output of the bucket with the lower length. */
  readonly threshold: Float64Array;
}

/** The inversion formula, the reference every table entry reproduces. */
export function geometricLengthOf(k: number, invLogQ: number): number {
  return 1 + floor(log((k + 1) * TWO_POW_MINUS_32) * invLogQ);
}

/** True when the formula is non-increasing and steps by at most one across `[from − GUARD, from + GUARD]`. */
function regularAround(from: number, invLogQ: number): boolean {
  const lo = Math.max(0, from - GUARD), hi = Math.min(4294967295, from + GUARD);
  let previous = geometricLengthOf(lo, invLogQ);
  for (let k = lo + 1; k <= hi; k += 1) {
    const next = geometricLengthOf(k, invLogQ);
    if (next > previous || previous - next > 1) return false;
    previous = next;
  }
  return true;
}

let cached: GeometricLengthTable | undefined;

/**
 * The table for `invLogQ = 1 / ln(1 − 1/meanBlock)` (< 0), built once per value (the last one is
 * kept). Exactness: `ln` is increasing and V8's `Math.log` (fdlibm) errs by less than one unit in
 * the last place, while `ln((k + 1) / 2^32) · invLogQ` moves by at least `|invLogQ| / 2^32`
 * (about 5e-9 for a mean block of 21) from one `k` to the next, far more than that error, so the
 * formula can only misorder `k` within a step or two of a point where the exact value crosses an
 * integer. A bucket whose end points give the same length holds no crossing; a bucket whose ends
 * differ by one holds one crossing, found by bisection; buckets with more are left to the
 * formula. Every bucket edge and threshold is then checked output by output over ±3 outputs,
 * and a bucket with any irregularity there is left to the formula as well. So the table returns
 * exactly the formula's value for every `k` (the spec also compares them on millions of `k`).
 * About 60,000 logarithms to build (a millisecond or two), once per process and mean block.
 */
export function geometricLengthTable(invLogQ: number): GeometricLengthTable {
  if (cached !== undefined && Object.is(cached.invLogQ, invLogQ)) return cached;
  if (!(invLogQ < 0) || !Number.isFinite(invLogQ)) throw new RangeError(`geometricLengthTable: invLogQ must be finite and < 0, got ${invLogQ}`);
  const upper = new Int32Array(BUCKETS), lower = new Int32Array(BUCKETS), threshold = new Float64Array(BUCKETS);
  for (let b = 0; b < BUCKETS; b += 1) {
    const first = b * BUCKET_SIZE, last = first + BUCKET_SIZE - 1;
    const high = geometricLengthOf(first, invLogQ), low = geometricLengthOf(last, invLogQ);
    let ok = high === low || high === low + 1;
    let at = first;
    if (ok && high !== low) {
      // The first output with the lower length: f(first) = high > low = f(last).
      let lo = first, hi = last;
      while (lo < hi) {
        const mid = lo + floor((hi - lo) / 2);
        if (geometricLengthOf(mid, invLogQ) === low) hi = mid;
        else lo = mid + 1;
      }
      at = lo;
      ok = regularAround(at, invLogQ);
    }
    ok = ok && regularAround(first, invLogQ) && regularAround(last, invLogQ);
    upper[b] = ok ? high : -1;
    lower[b] = ok ? low : -1;
    threshold[b] = at;
  }
  cached = { invLogQ, upper, lower, threshold };
  return cached;
}
