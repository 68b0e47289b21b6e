import { trackingError } from './tracking-error';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('trackingError', () => {
  it('is the annualised sample standard deviation of the active return', () => {
    // active 0.01, 0.03, -0.01: sd 0.02
    expect(trackingError(f(0.02, 0.05, 0), f(0.01, 0.02, 0.01), 12)).toBeCloseTo(0.02 * Math.sqrt(12), 14);
  });

  it('respects the (start, end) window', () => {
    expect(trackingError(f(9, 0.02, 0.05, 0), f(0, 0.01, 0.02, 0.01), 12, 1)).toBeCloseTo(0.02 * Math.sqrt(12), 14);
  });

  it('is 0 for a perfect tracker and NaN for fewer than 2 periods or a NaN', () => {
    expect(trackingError(f(0.01, 0.05, -0.02), f(0.01, 0.05, -0.02), 252)).toBe(0);
    expect(trackingError(f(), f(), 252)).toBeNaN();
    expect(trackingError(f(0.01), f(0), 252)).toBeNaN();
    expect(trackingError(f(0.01, NaN), f(0, 0), 252)).toBeNaN();
  });

  it('throws RangeError for arrays of different lengths', () => {
    expect(() => trackingError(f(0.1, 0.2), f(0.1), 12)).toThrow(RangeError);
  });
});
