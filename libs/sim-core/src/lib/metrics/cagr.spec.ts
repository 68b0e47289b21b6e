import { cagr } from './cagr';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('cagr', () => {
  it('annualises the compound growth', () => {
    // two half-year periods of +10%: one year, 1.21
    expect(cagr(f(0.1, 0.1), 2)).toBeCloseTo(0.21, 14);
    // two yearly periods of +10%
    expect(cagr(f(0.1, 0.1), 1)).toBeCloseTo(0.1, 14);
    // one month of +1% annualised over 12 months
    expect(cagr(f(0.01), 12)).toBeCloseTo(1.01 ** 12 - 1, 14);
    // 504 trading days that double the money: sqrt(2) - 1 a year
    const daily = new Float64Array(504).fill(2 ** (1 / 504) - 1);
    expect(cagr(daily, 252)).toBeCloseTo(Math.SQRT2 - 1, 12);
  });

  it('handles small rates', () => {
    // growth 1.0001 over 10 years: (1.0001)^(1/10) - 1, about 1e-5
    expect(cagr(f(0.0001), 0.1)).toBeCloseTo(Math.expm1(Math.log1p(0.0001) / 10), 16);
  });

  it('respects the (start, end) window', () => {
    expect(cagr(f(-0.9, 0.1, 0.1, 5), 2, 1, 3)).toBeCloseTo(0.21, 14);
  });

  it('gives NaN for an empty window, a NaN return or wiped-out wealth', () => {
    expect(cagr(f(), 252)).toBeNaN();
    expect(cagr(f(0.1, 0.2), 252, 2, 2)).toBeNaN();
    expect(cagr(f(0.1, NaN), 252)).toBeNaN();
    expect(cagr(f(0.5, -1), 12)).toBeNaN();
    // two losses beyond -100% multiply back to a positive number; still ruin
    expect(cagr(f(-1.5, -1.5), 12)).toBeNaN();
  });

  it('throws RangeError for a bad window or periodsPerYear', () => {
    expect(() => cagr(f(0.1), 252, 0, 2)).toThrow(RangeError);
    expect(() => cagr(f(0.1), 0)).toThrow(RangeError);
  });
});
