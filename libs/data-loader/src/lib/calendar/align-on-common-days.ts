import type { Series } from '@ratecut/sim-core';

/** Series values on the days they all share. */
export interface AlignedSeries {
  /** Days present in every input series, increasing. */
  readonly days: Int32Array;
  /** `values[k][i]` is the value of input series `k` on `days[i]`. */
  readonly values: Float64Array[];
}

/**
 * Intersection of the days of several series, with each series' values on those days. One
 * pass over all series at once (a k-way merge of the sorted day arrays, O(total length)); the
 * inputs are not copied or changed. Nothing is filled in or carried forward: a day missing
 * from any series is dropped. No series, or no common day, gives empty arrays.
 */
export function alignOnCommonDays(series: readonly Series[]): AlignedSeries {
  const k = series.length;
  if (k === 0) return { days: new Int32Array(0), values: [] };
  const shortest = Math.min(...series.map((s) => s.days.length));
  const days = new Int32Array(shortest);
  const values = series.map(() => new Float64Array(shortest));
  const at = new Array<number>(k).fill(0);
  let n = 0;
  for (;;) {
    let target = -Infinity;
    for (let j = 0; j < k; j += 1) {
      if (at[j] >= series[j].days.length) return { days: days.slice(0, n), values: values.map((v) => v.slice(0, n)) };
      target = Math.max(target, series[j].days[at[j]]);
    }
    let all = true;
    for (let j = 0; j < k; j += 1) {
      const d = series[j].days;
      while (at[j] < d.length && d[at[j]] < target) at[j] += 1;
      if (at[j] >= d.length || d[at[j]] !== target) all = false;
    }
    if (all) {
      days[n] = target;
      for (let j = 0; j < k; j += 1) {
        values[j][n] = series[j].values[at[j]];
        at[j] += 1;
      }
      n += 1;
    }
  }
}
