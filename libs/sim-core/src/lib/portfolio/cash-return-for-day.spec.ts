import { parseIsoDay } from '../time/day-number';
import { cashReturnForDay } from './cash-return-for-day';

describe('cashReturnForDay', () => {
  it('uses ACT/360 simple interest', () => {
    // Friday close to Monday close at 5.25%: 0.0525 * 3 / 360.
    expect(cashReturnForDay(0.0525, parseIsoDay('2024-01-05'), parseIsoDay('2024-01-08'))).toBeCloseTo(0.0004375, 15);
    // A full 365-day year earns more than the quoted rate: 0.05 * 365 / 360.
    expect(cashReturnForDay(0.05, parseIsoDay('2023-01-01'), parseIsoDay('2024-01-01'))).toBeCloseTo(0.0506944444444, 12);
  });

  it('gives 0 for no time and NaN for reversed days or a missing rate', () => {
    expect(cashReturnForDay(0.05, 10, 10)).toBe(0);
    expect(cashReturnForDay(0.05, 11, 10)).toBeNaN();
    expect(cashReturnForDay(NaN, 10, 11)).toBeNaN();
  });
});
