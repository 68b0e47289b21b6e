import { turnover } from './turnover';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('turnover', () => {
  it('counts switching the whole portfolio as 1.0 (one-way)', () => {
    // sell 100 of one asset, buy 100 of another: gross traded 200 on equity 100
    expect(turnover(f(200), f(100), 1)).toBe(1);
  });

  it('annualises the mean per-period turnover', () => {
    // per quarter: 1, 0, 0.25, 0 -> mean 0.3125, times 4
    expect(turnover(f(200, 0, 50, 0), f(100, 100, 100, 100), 4)).toBe(1.25);
    // monthly rebalances of 10% of the book (20 gross on 100): 1.2 a year
    expect(turnover(new Float64Array(12).fill(20), new Float64Array(12).fill(100), 12)).toBeCloseTo(1.2, 14);
  });

  it('uses the absolute traded value and each period\'s own equity', () => {
    expect(turnover(f(-200, 100), f(100, 50), 1)).toBe(1);
  });

  it('respects the (start, end) window', () => {
    expect(turnover(f(999, 200, 0, 999), f(1, 100, 100, 1), 2, 1, 3)).toBe(1);
  });

  it('gives NaN for an empty window, a NaN, or equity not above 0', () => {
    expect(turnover(f(), f(), 252)).toBeNaN();
    expect(turnover(f(1, NaN), f(100, 100), 252)).toBeNaN();
    expect(turnover(f(0, 0), f(100, 0), 252)).toBeNaN();
    expect(turnover(f(0, 0), f(100, -5), 252)).toBeNaN();
    expect(turnover(f(0, 0), f(100, NaN), 252)).toBeNaN();
  });

  it('throws RangeError for arrays of different lengths', () => {
    expect(() => turnover(f(1, 2), f(100), 252)).toThrow(RangeError);
  });
});
