/**
 * The distance between the current easing cycle and a past one at the same step since the first
 * cut, used to pick the nearest analogs: the gap between their market paths so far plus their
 * differences in the features the scenarios select on. Every term is in stated units and weights
 * ({@link ANALOG_DISTANCE}), so the ranking can be reproduced by hand.
 */

/**
 * What a cycle is known by at a given step: its recession label, whether it resumed easing after
 * a pause, and how much it has eased so far (the policy rate at its base close minus the rate at
 * the step, in basis points: the size of the easing, and at a common step its pace).
 */
export interface CycleFeatures {
  readonly recession: boolean;
  readonly resumption: boolean;
  readonly easedBp: number;
}

/**
 * The weights of {@link analogDistance}: 10 percentage points of path gap count 1; a different
 * recession label counts 1, a different resumption flag 1, and each 25 bp more or less easing
 * so far 0.5 (100 bp count 2).
 */
export const ANALOG_DISTANCE = { pathPoints: 10, recession: 1, resumption: 1, per25Bp: 0.5 } as const;

/**
 * `100 · gap / 10 + 1·[recession differs] + 1·[resumption differs] + 0.5·|eased bp differ| / 25`,
 * `gap` the two paths' RMS difference of cumulative log returns (`pathGap`, log points). NaN
 * when the gap is NaN (a path too short).
 */
export function analogDistance(gap: number, a: CycleFeatures, b: CycleFeatures): number {
  const w = ANALOG_DISTANCE;
  return (100 * gap) / w.pathPoints
    + (a.recession === b.recession ? 0 : w.recession)
    + (a.resumption === b.resumption ? 0 : w.resumption)
    + (w.per25Bp * Math.abs(a.easedBp - b.easedBp)) / 25;
}
