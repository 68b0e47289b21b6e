import { sortinoRatio } from './sortino-ratio';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('sortinoRatio', () => {
  it('divides the mean excess by the downside deviation over all periods', () => {
    // excess 0.02, 0.04, -0.01, -0.01: mean 0.01; DD = sqrt((1e-4 + 1e-4) / 4) (n = 4, not 2)
    const dd = Math.sqrt(2e-4 / 4);
    expect(sortinoRatio(f(0.02, 0.04, -0.01, -0.01), f(0, 0, 0, 0), 1)).toBeCloseTo(0.01 / dd, 12);
    expect(sortinoRatio(f(0.02, 0.04, -0.01, -0.01), f(0, 0, 0, 0), 12)).toBeCloseTo((0.01 / dd) * Math.sqrt(12), 12);
  });

  it('uses the cash return as the target', () => {
    const dd = Math.sqrt(2e-4 / 4);
    expect(sortinoRatio(f(0.03, 0.05, 0, 0), f(0.01, 0.01, 0.01, 0.01), 1)).toBeCloseTo(0.01 / dd, 12);
  });

  it('respects the (start, end) window', () => {
    const dd = Math.sqrt(2e-4 / 4);
    const r = f(-5, 0.02, 0.04, -0.01, -0.01, 7);
    expect(sortinoRatio(r, new Float64Array(6), 1, 1, 5)).toBeCloseTo(0.01 / dd, 12);
  });

  it('gives NaN without downside, for fewer than 2 periods, or for a NaN', () => {
    expect(sortinoRatio(f(0.01, 0.02, 0), f(0, 0, 0), 252)).toBeNaN();
    expect(sortinoRatio(f(), f(), 252)).toBeNaN();
    expect(sortinoRatio(f(-0.01), f(0), 252)).toBeNaN();
    expect(sortinoRatio(f(-0.01, NaN), f(0, 0), 252)).toBeNaN();
    expect(sortinoRatio(f(-0.01, 0.02), f(NaN, 0), 252)).toBeNaN();
  });

  it('throws RangeError for arrays of different lengths', () => {
    expect(() => sortinoRatio(f(0.01, 0.02), f(0, 0, 0), 252)).toThrow(RangeError);
  });
});
