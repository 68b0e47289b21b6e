import { formatDay } from '@ratecut/sim-core';
import { testSeries } from '../../testing';
import { alignOnCommonDays } from './align-on-common-days';

describe('alignOnCommonDays', () => {
  it('keeps only the days every series has, with each series value', () => {
    const a = testSeries(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'], [1, 2, 3, 4]);
    const b = testSeries(['2024-01-01', '2024-01-03', '2024-01-05', '2024-01-08'], [10, 30, 50, 80]);
    const c = testSeries(['2024-01-03', '2024-01-04', '2024-01-05'], [300, 400, 500]);
    const r = alignOnCommonDays([a, b, c]);
    expect(Array.from(r.days, formatDay)).toEqual(['2024-01-03', '2024-01-05']);
    expect(r.values.map((v) => Array.from(v))).toEqual([[2, 4], [30, 50], [300, 500]]);
  });

  it('gives empty arrays for no series or no common day, and copies a single series', () => {
    expect(alignOnCommonDays([])).toEqual({ days: new Int32Array(0), values: [] });
    const a = testSeries(['2024-01-02'], [1]);
    const b = testSeries(['2024-01-03'], [2]);
    const none = alignOnCommonDays([a, b]);
    expect(none.days).toHaveLength(0);
    expect(none.values.map((v) => v.length)).toEqual([0, 0]);
    const one = alignOnCommonDays([a]);
    expect(Array.from(one.values[0])).toEqual([1]);
    expect(one.values[0]).not.toBe(a.values);
  });
});
