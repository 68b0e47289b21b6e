/**
 * The distance between the current easing cycle and a past one at the same step since the first
 * cut, used to pick the nearest analogs: the gap between their market paths so far plus their
 * differences in the features the scenarios select on. Every term is in stated units and weights
 * ({@link ANALOG_DISTANCE}), so the ranking can be reproduced by hand.
 */

/** What a cycle is known by at a given step: its recession label, whether it resumed easing after a pause, and its counted cuts so far. */
export interface CycleFeatures {
  readonly recession: boolean;
  readonly resumption: boolean;
  readonly cutsSoFar: number;
}

/**
 * The weights of {@link analogDistance}: 10 percentage points of path gap count 1; a different
 * recession label counts 1, a different resumption flag 1, each cut more or fewer so far 0.5.
 */
export const ANALOG_DISTANCE = { pathPoints: 10, recession: 1, resumption: 1, perCut: 0.5 } as const;

/**
 * `100 · gap / 10 + 1·[recession differs] + 1·[resumption differs] + 0.5·|cuts so far differ|`,
 * `gap` the two paths' RMS difference of cumulative log returns (`pathGap`, log points). NaN
 * when the gap is NaN (a path too short).
 */
export function analogDistance(gap: number, a: CycleFeatures, b: CycleFeatures): number {
  const w = ANALOG_DISTANCE;
  return (100 * gap) / w.pathPoints
    + (a.recession === b.recession ? 0 : w.recession)
    + (a.resumption === b.resumption ? 0 : w.resumption)
    + w.perCut * Math.abs(a.cutsSoFar - b.cutsSoFar);
}
