import { hitRate } from './hit-rate';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('hitRate', () => {
  it('is the share of periods that beat the benchmark, ties counting as misses', () => {
    expect(hitRate(f(0.01, 0.02, 0, -0.01), f(0, 0.03, 0, -0.02))).toBe(0.5);
    expect(hitRate(f(0.01), f(0))).toBe(1);
    expect(hitRate(f(0, 0), f(0, 0))).toBe(0);
  });

  it('respects the (start, end) window', () => {
    expect(hitRate(f(0.01, 0.02, 0, -0.01), f(0, 0.03, 0, -0.02), 1, 3)).toBe(0);
  });

  it('gives NaN for an empty window or a NaN', () => {
    expect(hitRate(f(), f())).toBeNaN();
    expect(hitRate(f(0.01, NaN), f(0, 0))).toBeNaN();
    expect(hitRate(f(0.01, 0), f(0, NaN))).toBeNaN();
  });

  it('throws RangeError for arrays of different lengths', () => {
    expect(() => hitRate(f(0.1, 0.2), f(0.1))).toThrow(RangeError);
  });
});
