/**
 * How often one strategy beat another over matched episodes (easing cycles).
 */
import { beats } from '../metrics/hit-rate';

/** Wins of A over B among the pairs where both are known. */
export interface WinShare {
  /** Pairs where `a` beats `b` (see `beats`: ties, including floating-point noise, are not wins). */
  readonly wins: number;
  /** Pairs where both values are numbers (not NaN). */
  readonly count: number;
  /** `wins / count`, a fraction in `[0, 1]`; NaN when `count` is 0. */
  readonly share: number;
}

/**
 * Share of matched episodes in which A's outcome (for example a cycle's total return, decimals)
 * is above B's by more than floating-point noise (`beats`, tolerance `RETURN_TIE_TOLERANCE`),
 * over the pairs where both are numbers; NaN pairs are left out.
 *
 * Degenerate input: `share` NaN when no pair has both values.
 *
 * @throws RangeError when the arrays differ in length (programmer error).
 */
export function winShare(a: ArrayLike<number>, b: ArrayLike<number>): WinShare {
  if (a.length !== b.length) throw new RangeError(`winShare: ${a.length} and ${b.length} values`);
  let wins = 0, count = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== a[i] || b[i] !== b[i]) continue;
    count += 1;
    if (beats(a[i], b[i])) wins += 1;
  }
  return { wins, count, share: count === 0 ? NaN : wins / count };
}
