import { sampleMoments } from './sample-moments';

/** Two-pass textbook moments (an independent computation). */
function twoPass(x: number[]) {
  const n = x.length, m = x.reduce((s, v) => s + v, 0) / n;
  const c = (k: number) => x.reduce((s, v) => s + (v - m) ** k, 0) / n;
  return { mean: m, variance: (c(2) * n) / (n - 1), skewness: c(3) / c(2) ** 1.5, kurtosis: c(4) / c(2) ** 2 };
}

describe('sampleMoments', () => {
  it('agrees with a two-pass computation', () => {
    const x = [0.01, -0.02, 0.005, 0.03, -0.07, 0.012, 0.0, 0.004, -0.001, 0.05];
    const got = sampleMoments(x), want = twoPass(x);
    expect(got.count).toBe(10);
    expect(got.mean).toBeCloseTo(want.mean, 15);
    expect(got.variance).toBeCloseTo(want.variance, 15);
    expect(got.skewness).toBeCloseTo(want.skewness, 12);
    expect(got.kurtosis).toBeCloseTo(want.kurtosis, 12);
  });

  it('gives 0 skewness for a symmetric sample and respects the window', () => {
    const m = sampleMoments([99, -1, 0, 1, 99], 1, 4);
    expect(m.count).toBe(3);
    expect(m.skewness).toBeCloseTo(0, 15);
    expect(m.kurtosis).toBeCloseTo(1.5, 15);
  });

  it('follows the degenerate-input rule', () => {
    expect(sampleMoments([]).mean).toBeNaN();
    expect(sampleMoments([1]).variance).toBeNaN();
    expect(sampleMoments([2, 2, 2]).skewness).toBeNaN();
    expect(sampleMoments([1, NaN, 2]).mean).toBeNaN();
    expect(() => sampleMoments([1, 2], 0, 3)).toThrow(RangeError);
  });
});
