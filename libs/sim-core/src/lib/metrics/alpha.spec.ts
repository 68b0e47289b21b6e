import { alpha } from './alpha';
import { beta } from './beta';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('alpha (Jensen)', () => {
  const b = f(0.01, 0.03, -0.01, 0.02);

  it('is the annualised intercept of excess returns on benchmark excess returns', () => {
    // r - rf = 0.002 + 1.5 (b - rf) with rf = 0.001: alpha 0.002 a month, 0.024 a year
    const rf = new Float64Array(4).fill(0.001);
    const r = b.map((x, i) => rf[i] + 0.002 + 1.5 * (x - rf[i]));
    expect(alpha(r, b, rf, 12)).toBeCloseTo(0.024, 12);
    expect(beta(r, b)).toBeCloseTo(1.5, 12);
  });

  it('uses the beta of excess returns when the cash return varies', () => {
    const rf = f(0.001, 0.004, 0.0, 0.003);
    const r = b.map((x, i) => rf[i] + 0.002 + 1.5 * (x - rf[i]));
    expect(alpha(r, b, rf, 12)).toBeCloseTo(0.024, 12);
    expect(Math.abs(beta(r, b) - 1.5)).toBeGreaterThan(1e-3);
  });

  it('respects the (start, end) window', () => {
    const rf = f(0.001, 0.001, 0.001, 0.001, 0.001, 0.001);
    const bb = f(5, 0.01, 0.03, -0.01, 0.02, -5);
    const r = bb.map((x, i) => (i === 0 || i === 5 ? 3 : rf[i] + 0.002 + 1.5 * (x - rf[i])));
    expect(alpha(r, bb, rf, 12, 1, 5)).toBeCloseTo(0.024, 12);
  });

  it('gives NaN for a constant benchmark excess, fewer than 2 periods or a NaN', () => {
    expect(alpha(f(0.01, 0.02), f(0.01, 0.01), f(0, 0), 12)).toBeNaN();
    expect(alpha(f(), f(), f(), 12)).toBeNaN();
    expect(alpha(f(0.01), f(0.02), f(0), 12)).toBeNaN();
    expect(alpha(f(0.01, 0.02, 0.0), f(0.01, 0.02, 0.03), f(0, NaN, 0), 12)).toBeNaN();
  });

  it('throws RangeError for arrays of different lengths', () => {
    expect(() => alpha(f(0.1, 0.2), f(0.1, 0.2), f(0), 12)).toThrow(RangeError);
  });
});
