import { beta } from './beta';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('beta', () => {
  it('is cov(r, b) / var(b)', () => {
    // cov 4/3, var(b) 5/3
    expect(beta(f(1, 2, 3, 4), f(1, 3, 2, 4))).toBeCloseTo(0.8, 15);
    const b = f(0.01, -0.02, 0.03, 0.005);
    const r = b.map((x) => 2 * x + 0.001);
    expect(beta(r, b)).toBeCloseTo(2, 12);
    expect(beta(b.map((x) => -0.5 * x), b)).toBeCloseTo(-0.5, 12);
  });

  it('respects the (start, end) window', () => {
    expect(beta(f(7, 1, 2, 3, 4), f(-3, 1, 3, 2, 4), 1)).toBeCloseTo(0.8, 15);
  });

  it('gives NaN for a constant benchmark, fewer than 2 periods or a NaN', () => {
    expect(beta(f(0.01, 0.02), f(0.01, 0.01))).toBeNaN();
    expect(beta(f(), f())).toBeNaN();
    expect(beta(f(0.01), f(0.02))).toBeNaN();
    expect(beta(f(0.01, NaN, 0.02), f(0.01, 0.02, 0.03))).toBeNaN();
    expect(beta(f(0.01, 0.03, 0.02), f(0.01, NaN, 0.03))).toBeNaN();
  });

  it('throws RangeError for arrays of different lengths', () => {
    expect(() => beta(f(0.1, 0.2), f(0.1))).toThrow(RangeError);
  });
});
