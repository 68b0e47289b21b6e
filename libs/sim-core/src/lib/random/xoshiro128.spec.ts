import { GENERATOR_NAME, reseedInto, streamFor, Xoshiro128 } from './xoshiro128';

describe('Xoshiro128', () => {
  it('matches the reference C implementation of xoshiro128** 1.1', () => {
    // Outputs of Blackman and Vigna's xoshiro128starstar.c (compiled with gcc) from state {1, 2, 3, 4}.
    const g = new Xoshiro128(1, 2, 3, 4);
    const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];
    expect(expected.map(() => g.nextU32())).toEqual(expected);
    // From a state with high bits set, after 1,000 outputs.
    const h = new Xoshiro128(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x12345678);
    for (let i = 0; i < 1000; i += 1) h.nextU32();
    expect([h.nextU32(), h.nextU32(), h.nextU32(), h.nextU32()]).toEqual([3164447195, 3757135617, 1164112768, 3796319957]);
  });

  it('builds nextFloat from 53 bits of two outputs, in [0, 1)', () => {
    const a = new Xoshiro128(5, 6, 7, 8), b = new Xoshiro128(5, 6, 7, 8);
    let wrong = 0;
    for (let i = 0; i < 1000; i += 1) {
      const f = a.nextFloat();
      const hi = b.nextU32() >>> 5, lo = b.nextU32() >>> 6;
      if (f !== (hi * 2 ** 26 + lo) / 2 ** 53 || !(f >= 0 && f < 1) || !Number.isInteger(f * 2 ** 53)) wrong += 1;
    }
    expect(wrong).toBe(0);
  });

  it('rejects the all-zero state', () => {
    expect(() => new Xoshiro128(0, 0, 0, 0)).toThrow(RangeError);
    expect(() => new Xoshiro128(1, 0, 0, 0).setState(0, 0, 0, 0)).toThrow(RangeError);
  });

  it('gives uniform floats (chi-square over 20 bins)', () => {
    const g = streamFor(42, 0), bins = new Float64Array(20), n = 200_000;
    for (let i = 0; i < n; i += 1) bins[Math.floor(g.nextFloat() * 20)] += 1;
    let chi2 = 0;
    for (const c of bins) chi2 += (c - n / 20) ** 2 / (n / 20);
    expect(chi2).toBeLessThan(43.8); // 99.9% quantile of chi-square with 19 degrees of freedom
  });
});

describe('streamFor and reseedInto', () => {
  it('derive a stream from (seed, index) only', () => {
    const a = streamFor(7, 3), b = streamFor(7, 3);
    for (let i = 0; i < 10; i += 1) expect(a.nextU32()).toBe(b.nextU32());
    const reused = streamFor(1, 1);
    reseedInto(reused, 7, 3);
    const c = streamFor(7, 3);
    for (let i = 0; i < 10; i += 1) expect(reused.nextU32()).toBe(c.nextU32());
    expect(reseedInto(reused, 0, 0)).toBe(reused);
  });

  it('gives distinct streams for distinct seeds and indices, including beyond 2^32', () => {
    const first = new Set<string>();
    const pairs: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1], [2 ** 32, 0], [0, 2 ** 32], [2 ** 53 - 1, 2 ** 53 - 1], [5, 2 ** 32 + 5]];
    for (const [s, i] of pairs) {
      const g = streamFor(s, i);
      first.add(`${g.nextU32()},${g.nextU32()},${g.nextU32()}`);
    }
    expect(first.size).toBe(pairs.length);
  });

  it('makes neighbouring streams look independent', () => {
    // First floats of streams 0..n-1 (one seed), and of seed s vs s + 1 (same index).
    const n = 20_000;
    const u = new Float64Array(n), v = new Float64Array(n), w = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      u[i] = streamFor(11, i).nextFloat();
      v[i] = streamFor(12, i).nextFloat();
      w[i] = streamFor(i, 99).nextFloat();
    }
    const mean = (x: Float64Array): number => x.reduce((s, y) => s + y, 0) / x.length;
    const corr = (x: Float64Array, y: Float64Array): number => {
      const mx = mean(x), my = mean(y);
      let sxy = 0, sxx = 0, syy = 0;
      for (let i = 0; i < x.length; i += 1) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) ** 2;
        syy += (y[i] - my) ** 2;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    const se = 1 / Math.sqrt(n);
    for (const x of [u, v, w]) expect(Math.abs(mean(x) - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12) * se);
    expect(Math.abs(corr(u, v))).toBeLessThan(4 * se);
    expect(Math.abs(corr(u.subarray(1), u.subarray(0, n - 1)))).toBeLessThan(4 * se);
    expect(Math.abs(corr(w.subarray(1), w.subarray(0, n - 1)))).toBeLessThan(4 * se);
  });

  it('rejects seeds and indices that are not integers in [0, 2^53)', () => {
    for (const bad of [-1, 0.5, NaN, Infinity, 2 ** 53]) {
      expect(() => streamFor(bad, 0)).toThrow(RangeError);
      expect(() => streamFor(0, bad)).toThrow(RangeError);
    }
  });

  it('names the generator for result files', () => {
    expect(GENERATOR_NAME).toMatch(/xoshiro128\*\*/);
    expect(GENERATOR_NAME).toMatch(/fmix32/);
  });
});
