/**
 * Paired simple returns of two equity curves on their common dates, for paired comparisons.
 */
import type { DayNumber } from '../time/day-number';

/** Two return series over the same periods: `a[i]` and `b[i]` both run from `days[i]` to `days[i + 1]`. */
export interface PairedReturns {
  /** The common dates, ascending; one more than the returns. */
  readonly days: Int32Array;
  /** Simple returns of A per common period, decimals. */
  readonly a: Float64Array;
  /** Simple returns of B per common period, decimals. */
  readonly b: Float64Array;
}

/**
 * Simple returns of equity curves A and B (wealth levels, any positive unit) between
 * consecutive dates present in both (an inner join on the day numbers, which must be strictly
 * ascending in each curve): `r_i = W(d_{i+1}) / W(d_i) − 1`. A date missing from one curve makes
 * the other's return span the gap too, so the pairs always cover the same periods.
 *
 * Degenerate input: empty returns when fewer than 2 dates are common; a non-positive or NaN
 * wealth gives NaN or infinite returns (not checked).
 *
 * @throws RangeError when a curve's days and values differ in length (programmer error).
 */
export function pairedReturns(
  daysA: ArrayLike<DayNumber>, equityA: ArrayLike<number>,
  daysB: ArrayLike<DayNumber>, equityB: ArrayLike<number>,
): PairedReturns {
  if (daysA.length !== equityA.length || daysB.length !== equityB.length) {
    throw new RangeError('pairedReturns: each curve needs one value per day');
  }
  const common: number[] = [], ia: number[] = [], ib: number[] = [];
  for (let i = 0, j = 0; i < daysA.length && j < daysB.length;) {
    if (daysA[i] === daysB[j]) {
      common.push(daysA[i]);
      ia.push(i);
      ib.push(j);
      i += 1;
      j += 1;
    } else if (daysA[i] < daysB[j]) i += 1;
    else j += 1;
  }
  const n = Math.max(0, common.length - 1);
  const a = new Float64Array(n), b = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    a[k] = equityA[ia[k + 1]] / equityA[ia[k]] - 1;
    b[k] = equityB[ib[k + 1]] / equityB[ib[k]] - 1;
  }
  return { days: Int32Array.from(common), a, b };
}
