import type { DayNumber } from '../time/day-number';
import type { DayGap } from '../market/day-gap';
import { rateMoveBp } from './rate-move-bp';

/**
 * Where a stretch of the policy-rate history comes from.
 * - `target-point`: the FOMC's point target (FRED DFEDTAR), 1982-09-27 to 2008-12-15.
 * - `target-range`: the FOMC's target range (FRED DFEDTARL/DFEDTARU), from 2008-12-16.
 * - `effective-proxy`: before the target series begins, the calendar-month average of the
 *   effective fed funds rate (FRED DFF), dated at the first day of its month. A documented
 *   proxy: the Fed did not announce a target then, and the monthly average moves by noise too.
 */
export type PolicyRateBasis = 'effective-proxy' | 'target-point' | 'target-range';

/**
 * The policy rate as a step function: level `i` holds from `days[i]` until the day before
 * `days[i + 1]`. Rates are decimals per year (0.0525 = 5.25%). For a point target
 * lower = upper = mid. Consecutive levels differ (a new level is a move).
 */
export interface PolicyRateHistory {
  readonly days: Int32Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly mid: Float64Array;
  readonly basis: readonly PolicyRateBasis[];
  /** Last day covered by the source data (the step function is unknown after it). */
  readonly lastDay: DayNumber;
  /**
   * Holes in the source data longer than its gap threshold, in date order: the rate is
   * unknown strictly between `from` and `to`, so a level that starts at `gap.to` is not a
   * move the data saw (it happened somewhere inside the hole). Absent means no known gap.
   */
  readonly gaps?: readonly DayGap[];
}

/** One change of the policy rate, measured on the upper bound (the point target before 2008-12-16). */
export interface PolicyMove {
  /** First day at the new level (FRED's effective date; in the range era usually the day after the FOMC statement). */
  readonly day: DayNumber;
  /** Upper bound before and after, decimals per year. */
  readonly fromRate: number;
  readonly toRate: number;
  /** Change in basis points (negative = cut), from `rateMoveBp` (rounded to 10⁻⁶ bp to remove floating-point noise). */
  readonly changeBp: number;
  readonly basis: PolicyRateBasis;
}

/** The moves of a history, in date order: one per level after the first. */
export function policyMoves(history: PolicyRateHistory): PolicyMove[] {
  const moves: PolicyMove[] = [];
  for (let i = 1; i < history.days.length; i += 1) {
    const changeBp = rateMoveBp(history.upper[i - 1], history.upper[i]);
    if (changeBp === 0) continue;
    moves.push({
      day: history.days[i],
      fromRate: history.upper[i - 1],
      toRate: history.upper[i],
      changeBp,
      basis: history.basis[i],
    });
  }
  return moves;
}

/** The policy rate (upper bound) in force on `day`, or NaN outside the history and inside its gaps. */
export function policyRateOn(history: PolicyRateHistory, day: DayNumber): number {
  if (history.days.length === 0 || day < history.days[0] || day > history.lastDay) return NaN;
  if (history.gaps?.some((g) => day > g.from && day < g.to)) return NaN;
  let lo = 0, hi = history.days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (history.days[mid] <= day) lo = mid; else hi = mid - 1;
  }
  return history.upper[lo];
}
