import { indexAtOrBefore, type Series } from '@ratecut/sim-core';

/**
 * For each day of `days`, the value of the last observation of `rate` dated on or before that
 * day (an as-of, or last-observation-carried-forward, join), so a rate is only used once it
 * has been observed: no look-ahead. Days before the first observation give `NaN`. `days` may
 * be in any order (each is looked up by binary search, O(n log m)).
 */
export function asOfJoin(rate: Series, days: Int32Array): Float64Array {
  const out = new Float64Array(days.length);
  for (let i = 0; i < days.length; i += 1) {
    const j = indexAtOrBefore(rate.days, days[i]);
    out[i] = j < 0 ? NaN : rate.values[j];
  }
  return out;
}
