import { beats, hitRate, RETURN_TIE_TOLERANCE } from './hit-rate';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('hitRate', () => {
  it('is the share of periods that beat the benchmark, ties counting as misses', () => {
    expect(hitRate(f(0.01, 0.02, 0, -0.01), f(0, 0.03, 0, -0.02))).toBe(0.5);
    expect(hitRate(f(0.01), f(0))).toBe(1);
    expect(hitRate(f(0, 0), f(0, 0))).toBe(0);
  });

  it('counts returns that differ only by floating-point noise as ties (misses)', () => {
    // The same asset's return measured on two portfolio values: equal in exact arithmetic.
    const values = [0.9904873999999999, 1.9776135, 123.456, 0.999];
    const r = values.map((v) => (v * 1.0123) / v - 1);
    const b = values.map(() => 1.0123 / 1 - 1);
    expect(r.some((x, i) => x !== b[i])).toBe(true); // the noise is there
    expect(hitRate(Float64Array.from(r), Float64Array.from(b))).toBe(0);
    expect(hitRate(f(0.01 + 1e-16, 0.0), f(0.01, -1e-17))).toBe(0);
    // A real difference, however small economically, is still a win.
    expect(hitRate(f(0.01 + 1e-8), f(0.01))).toBe(1);
  });

  it('beats: the tolerance scales with the magnitude of large returns', () => {
    expect(beats(0.02, 0.01)).toBe(true);
    expect(beats(0.01, 0.01)).toBe(false);
    expect(beats(0.01 + RETURN_TIE_TOLERANCE / 2, 0.01)).toBe(false);
    expect(beats(0.01 + RETURN_TIE_TOLERANCE * 2, 0.01)).toBe(true);
    expect(beats(1e6 + 1e-5, 1e6)).toBe(false); // 1e-5 is noise at 1e6
    expect(beats(1e6 + 1, 1e6)).toBe(true);
    expect(beats(NaN, 0)).toBe(false);
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
