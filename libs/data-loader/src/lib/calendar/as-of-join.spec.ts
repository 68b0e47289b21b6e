import { parseIsoDay } from '@ratecut/sim-core';
import { testSeries } from '../../testing';
import { asOfJoin } from './as-of-join';

const days = (isos: string[]) => Int32Array.from(isos.map(parseIsoDay));

describe('asOfJoin', () => {
  const rate = testSeries(['2024-01-03', '2024-01-05', '2024-01-10'], [0.05, 0.045, 0.04], { kind: 'rate' });

  it('takes the last observation on or before each day, NaN before the first', () => {
    const out = asOfJoin(rate, days(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-09', '2024-01-10', '2024-02-01']));
    expect(Array.from(out)).toEqual([NaN, 0.05, 0.05, 0.045, 0.04, 0.04]);
  });

  it('never looks ahead: a change is seen only from its own day', () => {
    const out = asOfJoin(rate, days(['2024-01-04', '2024-01-05']));
    expect(Array.from(out)).toEqual([0.05, 0.045]);
  });

  it('carries an observation forward at most maxAgeDays calendar days', () => {
    const out = asOfJoin(rate, days(['2024-01-04', '2024-01-09', '2024-01-10', '2024-01-20', '2024-01-21']), 10);
    expect(Array.from(out)).toEqual([0.05, 0.045, 0.04, 0.04, NaN]);
    const perObservation = asOfJoin(rate, days(['2024-01-04', '2024-01-06', '2024-01-09']), [1, 1, 30]);
    expect(Array.from(perObservation)).toEqual([0.05, 0.045, NaN]);
  });
});
