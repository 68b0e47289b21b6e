import { parseIsoDay } from '@ratecut/sim-core';
import { testSeries } from '../../testing';
import { cashReturns } from './cash-returns';

describe('cashReturns', () => {
  const rate = testSeries(['2024-01-03', '2024-01-08'], [0.036, 0.072], { kind: 'rate', unit: 'decimal per year' });
  const days = Int32Array.from(['2024-01-02', '2024-01-03', '2024-01-05', '2024-01-08', '2024-01-09'].map(parseIsoDay));

  it('accrues from the previous close at the rate known then; element 0 is 0', () => {
    const r = Array.from(cashReturns(rate, days));
    expect(r[0]).toBe(0);
    expect(r[1]).toBeNaN(); // the period starts 2024-01-02, before the first rate observation
    expect(r[2]).toBeCloseTo((0.036 * 2) / 360, 15);
    expect(r[3]).toBeCloseTo((0.036 * 3) / 360, 15); // the new rate of 01-08 is not used for the period ending 01-08
    expect(r[4]).toBeCloseTo(0.072 / 360, 15);
  });

  it('returns an empty array for no days and [0] for one', () => {
    expect(cashReturns(rate, new Int32Array(0))).toHaveLength(0);
    expect(Array.from(cashReturns(rate, Int32Array.of(parseIsoDay('2024-01-09'))))).toEqual([0]);
  });
});
