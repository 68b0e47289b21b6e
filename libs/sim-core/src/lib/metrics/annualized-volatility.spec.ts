import { annualizedVolatility } from './annualized-volatility';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('annualizedVolatility', () => {
  it('is the sample standard deviation times sqrt(periodsPerYear)', () => {
    expect(annualizedVolatility(f(1, 2, 3, 4), 1)).toBeCloseTo(Math.sqrt(5 / 3), 14);
    // mean 0.02, squared deviations 1e-4 + 1e-4 over n - 1 = 1
    expect(annualizedVolatility(f(0.01, 0.03), 252)).toBeCloseTo(Math.sqrt(2e-4) * Math.sqrt(252), 14);
    expect(annualizedVolatility(f(0.01, 0.03, -0.01), 12)).toBeCloseTo(0.02 * Math.sqrt(12), 14);
  });

  it('respects the (start, end) window', () => {
    expect(annualizedVolatility(f(5, 0.01, 0.03, -7), 252, 1, 3)).toBeCloseTo(Math.sqrt(2e-4) * Math.sqrt(252), 14);
  });

  it('gives 0 for a constant series and NaN for fewer than 2 periods or a NaN', () => {
    expect(annualizedVolatility(f(0.01, 0.01, 0.01), 252)).toBe(0);
    expect(annualizedVolatility(f(), 252)).toBeNaN();
    expect(annualizedVolatility(f(0.01), 252)).toBeNaN();
    expect(annualizedVolatility(f(0.01, 0.02, 0.03), 252, 1, 2)).toBeNaN();
    expect(annualizedVolatility(f(0.01, NaN, 0.03), 252)).toBeNaN();
  });

  it('throws RangeError for a bad window or periodsPerYear', () => {
    expect(() => annualizedVolatility(f(0.1, 0.2), 252, 1, 0)).toThrow(RangeError);
    expect(() => annualizedVolatility(f(0.1, 0.2), -1)).toThrow(RangeError);
  });
});
