import { formatDay } from '@ratecut/sim-core';
import { testSeries } from '../../testing';
import { toMonthEnd } from './to-month-end';

describe('toMonthEnd', () => {
  it('keeps the last observation of each month, labelled with the last calendar day', () => {
    const daily = testSeries(['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-28', '2024-03-01', '2024-03-04'], [1, 2, 3, 4, 5, 6]);
    const m = toMonthEnd(daily);
    expect(Array.from(m.days, formatDay)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(Array.from(m.values)).toEqual([2, 4, 6]);
    expect(m.meta.frequency).toBe('monthly');
    expect(m.meta.unit).toBe(daily.meta.unit);
  });

  it('gives an empty series for an empty one', () => {
    expect(toMonthEnd(testSeries([], [])).days).toHaveLength(0);
  });
});
