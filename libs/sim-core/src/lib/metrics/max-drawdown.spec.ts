import { drawdownSeriesInto, maxDrawdown, maxDrawdownFromReturns } from './max-drawdown';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

/** Small deterministic generator for the property check (sim-core never uses Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('maxDrawdown (equity curve)', () => {
  it('finds the deepest fall with its peak, trough and recovery', () => {
    expect(maxDrawdown(f(100, 120, 90, 125, 110))).toEqual({ depth: -0.25, peakIndex: 1, troughIndex: 2, recoveryIndex: 3 });
    const dd = maxDrawdown(f(100, 120, 90, 110, 130, 80, 100));
    expect(dd.depth).toBeCloseTo(80 / 130 - 1, 15);
    expect(dd).toMatchObject({ peakIndex: 4, troughIndex: 5, recoveryIndex: -1 });
  });

  it('starts the fall at the last point of a flat high and ends it at the first lowest point', () => {
    expect(maxDrawdown(f(100, 120, 120, 90, 120))).toEqual({ depth: -0.25, peakIndex: 2, troughIndex: 3, recoveryIndex: 4 });
    expect(maxDrawdown(f(100, 80, 90, 80, 100))).toEqual({ depth: 80 / 100 - 1, peakIndex: 0, troughIndex: 1, recoveryIndex: 4 });
  });

  it('keeps the recovery of the deepest fall, not of an earlier one', () => {
    expect(maxDrawdown(f(100, 90, 100, 50, 99))).toEqual({ depth: -0.5, peakIndex: 2, troughIndex: 3, recoveryIndex: -1 });
    expect(maxDrawdown(f(100, 50, 100, 90, 100))).toEqual({ depth: -0.5, peakIndex: 0, troughIndex: 1, recoveryIndex: 2 });
  });

  it('gives depth 0 at the start for a never-falling curve', () => {
    expect(maxDrawdown(f(1, 2, 2, 3))).toEqual({ depth: 0, peakIndex: 0, troughIndex: 0, recoveryIndex: 0 });
    expect(maxDrawdown(f(5))).toEqual({ depth: 0, peakIndex: 0, troughIndex: 0, recoveryIndex: 0 });
    expect(maxDrawdown(f(9, 1, 2, 3), 1)).toEqual({ depth: 0, peakIndex: 1, troughIndex: 1, recoveryIndex: 1 });
  });

  it('respects the (start, end) window with absolute indices', () => {
    const eq = f(100, 120, 90, 125, 110, 130);
    expect(maxDrawdown(eq, 3, 5)).toEqual({ depth: 110 / 125 - 1, peakIndex: 3, troughIndex: 4, recoveryIndex: -1 });
    expect(maxDrawdown(eq, 3)).toEqual({ depth: 110 / 125 - 1, peakIndex: 3, troughIndex: 4, recoveryIndex: 5 });
  });

  it('gives NaN depth and -1 indices for empty input, a NaN, or a first value not above 0', () => {
    const nan = { depth: NaN, peakIndex: -1, troughIndex: -1, recoveryIndex: -1 };
    expect(maxDrawdown(f())).toEqual(nan);
    expect(maxDrawdown(f(1, 2), 1, 1)).toEqual(nan);
    expect(maxDrawdown(f(100, NaN, 90))).toEqual(nan);
    expect(maxDrawdown(f(0, 1, 2))).toEqual(nan);
    expect(maxDrawdown(f(-1, 1, 2))).toEqual(nan);
  });

  it('throws RangeError for a window that does not fit', () => {
    expect(() => maxDrawdown(f(1, 2), 0, 3)).toThrow(RangeError);
  });
});

describe('maxDrawdownFromReturns', () => {
  it('counts the starting capital as the first peak (index start - 1)', () => {
    // wealth 0.9, 1.08, 0.54, 1.35
    const dd = maxDrawdownFromReturns(f(-0.1, 0.2, -0.5, 1.5));
    expect(dd.depth).toBeCloseTo(-0.5, 15);
    expect(dd).toMatchObject({ peakIndex: 1, troughIndex: 2, recoveryIndex: 3 });
    expect(maxDrawdownFromReturns(f(-0.2, 0.1))).toMatchObject({ peakIndex: -1, troughIndex: 0, recoveryIndex: -1 });
    expect(maxDrawdownFromReturns(f(-0.2, 0.1)).depth).toBeCloseTo(-0.2, 15);
  });

  it('respects the (start, end) window', () => {
    const dd = maxDrawdownFromReturns(f(-0.1, 0.2, -0.5, 1.5), 2, 4);
    expect(dd).toEqual({ depth: -0.5, peakIndex: 1, troughIndex: 2, recoveryIndex: 3 });
  });

  it('gives depth 0 at start - 1 for a never-falling path and -1 for wiped-out wealth', () => {
    expect(maxDrawdownFromReturns(f(0.1, 0, 0.2))).toEqual({ depth: 0, peakIndex: -1, troughIndex: -1, recoveryIndex: -1 });
    expect(maxDrawdownFromReturns(f(0, 0.1, 0.2), 1)).toEqual({ depth: 0, peakIndex: 0, troughIndex: 0, recoveryIndex: 0 });
    expect(maxDrawdownFromReturns(f(0.1, -1, 0.5)).depth).toBe(-1);
  });

  it('gives NaN depth for an empty window or a NaN return', () => {
    expect(maxDrawdownFromReturns(f()).depth).toBeNaN();
    expect(maxDrawdownFromReturns(f(0.1, NaN)).depth).toBeNaN();
  });

  it('agrees with maxDrawdown on the wealth path that starts at 1', () => {
    const next = lcg(7);
    for (let trial = 0; trial < 50; trial += 1) {
      const n = 1 + Math.floor(next() * 60);
      const r = new Float64Array(n);
      for (let i = 0; i < n; i += 1) r[i] = (next() - 0.48) * 0.1;
      const wealth = new Float64Array(n + 1);
      wealth[0] = 1;
      for (let i = 0; i < n; i += 1) wealth[i + 1] = wealth[i] * (1 + r[i]);
      const a = maxDrawdownFromReturns(r), b = maxDrawdown(wealth);
      expect(a.depth).toBe(b.depth);
      const shift = (k: number): number => (b.depth === 0 || k < 0 ? k : k - 1);
      if (b.depth < 0) {
        expect([a.peakIndex, a.troughIndex, a.recoveryIndex]).toEqual([b.peakIndex - 1, b.troughIndex - 1, shift(b.recoveryIndex)]);
      }
    }
  });
});

describe('drawdownSeriesInto', () => {
  it('writes equity over its running peak minus 1', () => {
    const out = new Float64Array(5);
    expect(drawdownSeriesInto(out, f(100, 120, 90, 125, 110))).toBe(out);
    expect(Array.from(out)).toEqual([0, 0, -0.25, 0, 110 / 125 - 1]);
  });

  it('writes only inside the window, with the peak restarting at the window', () => {
    const out = new Float64Array(5).fill(7);
    drawdownSeriesInto(out, f(100, 120, 90, 125, 110), 2, 4);
    expect(Array.from(out)).toEqual([7, 7, 0, 0, 7]);
  });

  it('has the max drawdown as its minimum', () => {
    const eq = f(100, 120, 90, 110, 130, 80, 100);
    const out = drawdownSeriesInto(new Float64Array(eq.length), eq);
    expect(Math.min(...out)).toBe(maxDrawdown(eq).depth);
  });

  it('writes NaN for a window whose first value is not above 0, and at NaN points only', () => {
    const out = new Float64Array(3);
    expect(Array.from(drawdownSeriesInto(out, f(0, 1, 2)))).toEqual([NaN, NaN, NaN]);
    expect(Array.from(drawdownSeriesInto(out, f(100, NaN, 50)))).toEqual([0, NaN, -0.5]);
  });

  it('throws RangeError when out and equity differ in length', () => {
    expect(() => drawdownSeriesInto(new Float64Array(2), f(1, 2, 3))).toThrow(RangeError);
  });
});
