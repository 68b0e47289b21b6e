import { indexAtOrBefore, type Series } from '@ratecut/sim-core';

/**
 * For each day of `days`, the value of the last observation of `rate` dated on or before that
 * day (an as-of, or last-observation-carried-forward, join), so a rate is only used once it
 * has been observed: no look-ahead. Days before the first observation give `NaN`.
 *
 * `maxAgeDays` limits how far an observation is carried forward: a day more than that many
 * calendar days after the observation it would use gives `NaN` (past the end of the series or
 * inside a hole). One number for every observation, or one per observation (for a series
 * spliced from sources of different frequencies). Absent: no limit. `days` may be in any
 * order (each is looked up by binary search, O(n log m)).
 */
export function asOfJoin(rate: Series, days: Int32Array, maxAgeDays?: number | ArrayLike<number>): Float64Array {
  const out = new Float64Array(days.length);
  for (let i = 0; i < days.length; i += 1) {
    const j = indexAtOrBefore(rate.days, days[i]);
    const limit = maxAgeDays === undefined ? Infinity : typeof maxAgeDays === 'number' ? maxAgeDays : maxAgeDays[j];
    out[i] = j < 0 || days[i] - rate.days[j] > limit ? NaN : rate.values[j];
  }
  return out;
}
