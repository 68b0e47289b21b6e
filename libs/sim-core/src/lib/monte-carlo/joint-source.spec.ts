import { streamFor } from '../random/xoshiro128';
import { checkJointSource, makeJointSource, prepareSource, RANGE_TABLE_MAX_LEVELS, type JointSource } from './joint-source';

const f = (values: number[]): Float64Array => Float64Array.from(values);

function randomWindow(seed: number, n: number): { small: Float64Array; large: Float64Array } {
  const rng = streamFor(seed, 0);
  const small = new Float64Array(n), large = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    small[i] = 0.04 * (rng.nextFloat() - 0.5);
    large[i] = 0.03 * (rng.nextFloat() - 0.5);
  }
  return { small, large };
}

describe('makeJointSource', () => {
  it('concatenates windows into segments, copying the data', () => {
    const w1 = { small: f([0.01, 0.02]), large: f([0.03, 0.04]) };
    const w2 = { small: f([-0.01, 0, 0.05]), large: f([0.1, 0.2, 0.3]) };
    const s = makeJointSource([w1, w2], 252);
    expect(Array.from(s.small)).toEqual([0.01, 0.02, -0.01, 0, 0.05]);
    expect(Array.from(s.large)).toEqual([0.03, 0.04, 0.1, 0.2, 0.3]);
    expect(Array.from(s.segments)).toEqual([0, 2, 5]);
    expect(s.periodsPerYear).toBe(252);
    w1.small[0] = 9;
    expect(s.small[0]).toBe(0.01);
  });

  it('rejects bad windows and bad periodsPerYear', () => {
    const ok = { small: f([0.01]), large: f([0.01]) };
    expect(() => makeJointSource([], 252)).toThrow(RangeError);
    expect(() => makeJointSource([ok, { small: f([]), large: f([]) }], 252)).toThrow(/window 1 is empty/);
    expect(() => makeJointSource([{ small: f([0.01, 0.02]), large: f([0.01]) }], 252)).toThrow(RangeError);
    expect(() => makeJointSource([{ small: f([0.01, NaN]), large: f([0.01, 0]) }], 252)).toThrow(/row 1/);
    expect(() => makeJointSource([{ small: f([0.01]), large: f([-1]) }], 252)).toThrow(RangeError);
    expect(() => makeJointSource([{ small: f([Infinity]), large: f([0]) }], 252)).toThrow(RangeError);
    expect(() => makeJointSource([ok], 0)).toThrow(RangeError);
    expect(() => makeJointSource([ok], NaN)).toThrow(RangeError);
  });

  it('checks hand-built sources', () => {
    const base: JointSource = { small: f([0.01, 0.02]), large: f([0, 0]), segments: Int32Array.from([0, 2]), periodsPerYear: 12 };
    expect(() => checkJointSource(base)).not.toThrow();
    expect(() => checkJointSource({ ...base, segments: Int32Array.from([0, 1]) })).toThrow(RangeError);
    expect(() => checkJointSource({ ...base, segments: Int32Array.from([0, 0, 2]) })).toThrow(RangeError);
    expect(() => checkJointSource({ ...base, large: f([0]) })).toThrow(RangeError);
    expect(() => prepareSource({ ...base, small: f([0.01, -2]) })).toThrow(RangeError);
  });
});

describe('prepareSource', () => {
  const windows = [randomWindow(1, 7), randomWindow(2, 300), randomWindow(3, 1)];
  const source = makeJointSource(windows, 252);
  const p = prepareSource(source);

  it('stores per-segment cumulative log returns, 0 at each segment start', () => {
    expect(p.length).toBe(308);
    expect(p.cumSmall.length).toBe(308 + 3);
    for (let s = 0; s < 3; s += 1) {
      const lo = source.segments[s], hi = source.segments[s + 1];
      let sumS = 0, sumL = 0;
      expect(p.cumSmall[lo + s]).toBe(0);
      for (let i = lo; i < hi; i += 1) {
        expect(p.segmentOf[i]).toBe(s);
        sumS += Math.log1p(source.small[i]);
        sumL += Math.log1p(source.large[i]);
        expect(p.cumSmall[i + s + 1]).toBeCloseTo(sumS, 14);
        expect(p.cumLarge[i + s + 1]).toBeCloseTo(sumL, 14);
      }
    }
  });

  it('holds the minimum, maximum and deepest drop of every dyadic range inside a segment', () => {
    const m = p.cumSmall.length;
    expect(p.rangeLevels).toBe(Math.min(RANGE_TABLE_MAX_LEVELS, 9)); // longest segment 300 rows -> 2^8
    let mismatches = 0, checked = 0;
    for (let s = 0; s < 3; s += 1) {
      const lo = source.segments[s] + s, hi = source.segments[s + 1] + s; // cumulative indices lo..hi
      for (let l = 0; l < p.rangeLevels; l += 1) {
        for (let k = lo; k + (1 << l) - 1 <= hi; k += 1) {
          for (const [cum, f0] of [[p.cumSmall, 0], [p.cumLarge, 3]] as const) {
            let min = Infinity, max = -Infinity, drop = 0, peak = -Infinity;
            for (let q = k; q < k + (1 << l); q += 1) {
              min = Math.min(min, cum[q]);
              max = Math.max(max, cum[q]);
              peak = Math.max(peak, cum[q]);
              drop = Math.min(drop, cum[q] - peak);
            }
            const o = (l * m + k) * 6 + f0;
            // Exactly: both are the smallest rounded difference cum[q] − cum[p], p <= q.
            if (p.rangeTable[o] !== min || p.rangeTable[o + 1] !== max || p.rangeTable[o + 2] !== drop) mismatches += 1;
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(4000);
    expect(mismatches).toBe(0);
  });
});
