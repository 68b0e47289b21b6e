import { addMonths, formatMonth, type DayNumber } from '../time/day-number';
import { gapCrossed } from '../market/day-gap';
import type { EasingCycleRule } from './easing-cycle-rule';
import type { PolicyMove, PolicyRateBasis, PolicyRateHistory } from './policy-rate-history';
import { policyMoves } from './policy-rate-history';
import { atLeastBp } from './rate-move-bp';

/** A Fed easing cycle found by an {@link EasingCycleRule}. Rates are decimals per year (upper bound). */
export interface EasingCycle {
  /** `YYYY-MM` of the first cut's effective date, with a suffix `-b` if two cycles share a month. */
  readonly id: string;
  /** Effective date (first day at the new rate) of the first and the last cut. */
  readonly firstCut: DayNumber;
  readonly lastCut: DayNumber;
  /** Number of counted cuts (moves of at least `minMoveBp`). */
  readonly cuts: number;
  /** Sum of the counted cuts, in basis points (positive). */
  readonly totalEasingBp: number;
  /** Upper bound on the day before the first cut, and after the last cut. */
  readonly rateBefore: number;
  readonly rateAfter: number;
  /** True when the cycle starts after a pause of at least `pauseMonths` with no hike since the previous cut. */
  readonly resumption: boolean;
  /**
   * True when the data end before the cycle could be seen to end (no hike, pause not yet
   * complete), or a gap in the policy-rate data begins inside its pause window.
   */
  readonly open: boolean;
  /** Basis of the first cut: the FOMC target, or the effective-rate proxy before 1982-09-27. */
  readonly basis: PolicyRateBasis;
  /** Effective dates of the counted cuts. */
  readonly cutDays: readonly DayNumber[];
}

/**
 * Detects easing cycles in a policy-rate history with an explicit rule (see
 * {@link EasingCycleRule}). Pure and deterministic; cycles are returned in date order.
 *
 * Gaps in the history (`history.gaps`) break detection: a level change across a gap is not a
 * move (its date and size are unknown), no cycle extends across a gap, a cycle after a gap is
 * never a resumption of one before it, and a cycle whose pause window reaches into a gap is
 * open (its end was not seen).
 */
export function detectEasingCycles(history: PolicyRateHistory, rule: EasingCycleRule): EasingCycle[] {
  const counted = policyMoves(history).filter((m) => atLeastBp(m.changeBp, rule.minMoveBp));
  const cycles: EasingCycle[] = [];
  let current: PolicyMove[] = [];
  let currentResumes = false;
  let previous: PolicyMove | undefined;

  const close = (): void => {
    if (current.length === 0) return;
    const first = current[0];
    const last = current[current.length - 1];
    const pauseEnd = addMonths(last.day, rule.pauseMonths);
    const lastSeen = pauseEnd > history.lastDay || (history.gaps ?? []).some((g) => g.from >= last.day && g.from < pauseEnd);
    const month = formatMonth(first.day);
    const clash = cycles.filter((c) => c.id.startsWith(month)).length;
    cycles.push({
      id: clash === 0 ? month : `${month}-${String.fromCharCode(97 + clash)}`,
      firstCut: first.day,
      lastCut: last.day,
      cuts: current.length,
      totalEasingBp: Math.round(-current.reduce((s, m) => s + m.changeBp, 0) * 100) / 100,
      rateBefore: first.fromRate,
      rateAfter: last.toRate,
      resumption: currentResumes,
      open: lastSeen,
      basis: first.basis,
      cutDays: current.map((m) => m.day),
    });
    current = [];
  };

  for (const move of counted) {
    if (previous !== undefined && gapCrossed(history.gaps, previous.day, move.day) !== null) {
      // Nothing is known between the last move before the hole and this one.
      close();
      previous = undefined;
    }
    // A level first seen right after a hole changed somewhere inside it: not an observed move.
    if (history.gaps?.some((g) => g.to === move.day)) continue;
    if (move.changeBp > 0) {
      close();
    } else {
      const lastCut = current.length > 0 ? current[current.length - 1] : undefined;
      const extends_ = lastCut !== undefined && move.day < addMonths(lastCut.day, rule.pauseMonths);
      if (!extends_) {
        close();
        currentResumes = previous !== undefined && previous.changeBp < 0;
      }
      current.push(move);
    }
    previous = move;
  }
  close();
  // A cycle whose last cut is followed by a hike within the pause window is not open.
  return cycles.map((c) => {
    if (!c.open) return c;
    const hikeAfter = counted.some((m) => m.changeBp > 0 && m.day > c.lastCut && gapCrossed(history.gaps, c.lastCut, m.day) === null);
    return hikeAfter ? { ...c, open: false } : c;
  });
}
