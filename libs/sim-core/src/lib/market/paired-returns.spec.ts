import { pairedReturns } from './paired-returns';

describe('pairedReturns', () => {
  it('joins on common dates and spans gaps in both series', () => {
    const r = pairedReturns([1, 2, 3, 4], [1, 1.1, 1.21, 1.331], [1, 3, 4, 5], [2, 2.2, 2.2, 3]);
    expect(Array.from(r.days)).toEqual([1, 3, 4]);
    expect(r.a[0]).toBeCloseTo(0.21, 12);
    expect(r.b[0]).toBeCloseTo(0.1, 12);
    expect(r.a[1]).toBeCloseTo(0.1, 12);
    expect(r.b[1]).toBeCloseTo(0, 12);
  });

  it('gives no returns with fewer than two common dates, and checks lengths', () => {
    expect(pairedReturns([1], [1], [1], [1]).a).toHaveLength(0);
    expect(() => pairedReturns([1, 2], [1], [1], [1])).toThrow(RangeError);
  });
});
