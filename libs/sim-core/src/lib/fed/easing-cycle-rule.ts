/**
 * The explicit rule that turns policy moves into easing cycles. Every output that uses
 * cycles carries the rule it was computed with.
 *
 * - Moves whose size is below `minMoveBp` are ignored (they neither start, extend nor end a cycle).
 * - A cut starts a new cycle when the previous counted move was a hike, when there was no
 *   previous counted move, or when the previous counted cut is at least `pauseMonths`
 *   calendar months earlier. Otherwise it extends the current cycle.
 * - A cycle ends with its last cut: the next counted move is a hike, or no cut follows
 *   within `pauseMonths`.
 * - A cycle that starts after a pause, with no hike since the previous cut, is a resumption
 *   (as in September 2025 after December 2024).
 */
export interface EasingCycleRule {
  readonly minMoveBp: number;
  readonly pauseMonths: number;
}

/** Defaults: ignore moves under 25 bp (the 1980s' 6.25-18.75 bp technical adjustments); a 4-month pause ends a cycle. */
export const DEFAULT_EASING_CYCLE_RULE: EasingCycleRule = Object.freeze({ minMoveBp: 25, pauseMonths: 4 });

/** One line describing the rule, for printed output and result files. */
export function describeEasingCycleRule(rule: EasingCycleRule): string {
  return (
    `moves under ${rule.minMoveBp} bp ignored; a cut starts a cycle after a hike or after ` +
    `${rule.pauseMonths} months without a cut (then it is a resumption); a cycle ends at its last cut ` +
    `before a hike or a ${rule.pauseMonths}-month pause`
  );
}

/** Validates a rule; returns the problems in words (empty when valid). */
export function checkEasingCycleRule(rule: EasingCycleRule): string[] {
  const problems: string[] = [];
  if (!(rule.minMoveBp >= 0) || !Number.isFinite(rule.minMoveBp)) problems.push(`minMoveBp must be a finite number >= 0, got ${rule.minMoveBp}`);
  if (!Number.isInteger(rule.pauseMonths) || rule.pauseMonths < 1) problems.push(`pauseMonths must be a whole number >= 1, got ${rule.pauseMonths}`);
  return problems;
}
