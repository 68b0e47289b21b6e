import { sharpeRatio } from './sharpe-ratio';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('sharpeRatio', () => {
  it('is mean excess over its sample standard deviation, annualised by sqrt(periodsPerYear)', () => {
    // excess 0.01, 0.03, -0.01: mean 0.01, sd 0.02
    expect(sharpeRatio(f(0.02, 0.04, 0), f(0.01, 0.01, 0.01), 12)).toBeCloseTo(0.5 * Math.sqrt(12), 12);
    expect(sharpeRatio(f(0.01, 0.03, -0.01), f(0, 0, 0), 1)).toBeCloseTo(0.5, 14);
  });

  it('subtracts the cash return period by period', () => {
    // returns vary, cash varies the same way: excess 0.01, 0.02 -> mean 0.015, sd sqrt(5e-5)
    const sr = sharpeRatio(f(0.02, 0.05), f(0.01, 0.03), 1);
    expect(sr).toBeCloseTo(0.015 / Math.sqrt(5e-5), 10);
  });

  it('respects the (start, end) window', () => {
    const r = f(9, 0.01, 0.03, -0.01, -9), rf = new Float64Array(5);
    expect(sharpeRatio(r, rf, 1, 1, 4)).toBeCloseTo(0.5, 14);
  });

  it('gives NaN for fewer than 2 periods, zero variance of the excess, or a NaN', () => {
    expect(sharpeRatio(f(), f(), 252)).toBeNaN();
    expect(sharpeRatio(f(0.01), f(0), 252)).toBeNaN();
    expect(sharpeRatio(f(0.02, 0.02), f(0, 0), 252)).toBeNaN();
    // the returns vary but the excess does not
    expect(sharpeRatio(f(0.01, 0.02), f(0, 0.01), 252)).toBeNaN();
    expect(sharpeRatio(f(0.01, 0.02, 0.03), f(0, NaN, 0), 252)).toBeNaN();
  });

  it('throws RangeError for arrays of different lengths', () => {
    expect(() => sharpeRatio(f(0.01, 0.02), f(0), 252)).toThrow(RangeError);
  });
});
