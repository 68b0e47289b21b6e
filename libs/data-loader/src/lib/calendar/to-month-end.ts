import { makeSeries, monthEnd, type Series } from '@ratecut/sim-core';

/**
 * Month-end sampling of a daily series: the last observation of each calendar month, labelled
 * with that month's last calendar day (sim-core's convention for monthly series), whatever day
 * it was observed. The final month is kept even when the data stop before its end (e.g. a last
 * observation on 2026-02-23 is labelled 2026-02-28). Values and unit are unchanged; the
 * frequency becomes `monthly`. An empty series gives an empty series.
 */
export function toMonthEnd(daily: Series): Series {
  const n = daily.days.length;
  const days: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const end = monthEnd(daily.days[i]);
    if (i + 1 < n && monthEnd(daily.days[i + 1]) === end) continue;
    days.push(end);
    values.push(daily.values[i]);
  }
  return makeSeries({ ...daily.meta, frequency: 'monthly' }, Int32Array.from(days), Float64Array.from(values));
}
