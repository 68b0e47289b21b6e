import { formatDay } from '@ratecut/sim-core';
import { testSeries } from '../../testing';
import { simpleReturns } from './simple-returns';

describe('simpleReturns', () => {
  it('computes P_t / P_(t-1) - 1 labelled at t, dropping the first day', () => {
    const r = simpleReturns(testSeries(['2024-01-02', '2024-01-03', '2024-01-05'], [100, 110, 99], { totalReturn: true }));
    expect(Array.from(r.days, formatDay)).toEqual(['2024-01-03', '2024-01-05']);
    expect(r.values[0]).toBeCloseTo(0.1, 15);
    expect(r.values[1]).toBeCloseTo(-0.1, 15);
    expect(r.meta).toMatchObject({ kind: 'return', unit: 'decimal per period', totalReturn: true });
  });

  it('gives NaN after a zero price and an empty series for fewer than two prices', () => {
    const r = simpleReturns(testSeries(['2024-01-02', '2024-01-03', '2024-01-04'], [0, 1, 2]));
    expect(Array.from(r.values)).toEqual([NaN, 1]);
    expect(simpleReturns(testSeries(['2024-01-02'], [5])).values).toHaveLength(0);
    expect(simpleReturns(testSeries([], [])).values).toHaveLength(0);
  });
});
