import { Xoshiro128 } from '../random/xoshiro128';
import { sortedFloat64 } from './sort-float64';

/** Element by element with Object.is, so −0 and +0 are told apart. */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('sortedFloat64', () => {
  const rng = new Xoshiro128(3, 5, 7, 11);
  const random = (n: number, f: () => number): Float64Array => Float64Array.from({ length: n }, f);

  it.each([
    ['normal-ish returns', () => (rng.nextFloat() - 0.45) * 0.6],
    ['wide magnitudes and both signs', () => (rng.nextFloat() < 0.5 ? -1 : 1) * Math.exp((rng.nextFloat() - 0.5) * 1400)],
    ['many ties, zeros of both signs, infinities and subnormals', () => [0, -0, 1, -1, Infinity, -Infinity, 5e-324, -5e-324, 0.25][rng.nextU32() % 9]],
    ['one repeated value (every pass skipped)', () => -0.125],
  ])('orders %s exactly as Float64Array.prototype.sort', (_name, draw) => {
    for (const n of [2047, 2048, 100_000]) {
      const values = random(n, draw);
      const before = values.slice();
      const expected = values.slice().sort();
      expect(sameBits(sortedFloat64(values), expected)).toBe(true);
      expect(sameBits(values, before)).toBe(true);
    }
  });

  it('sorts a window and leaves NaN to the built-in order (last)', () => {
    const values = random(10_000, () => rng.nextFloat() - 0.5);
    expect(sameBits(sortedFloat64(values, 100, 9_000), values.slice(100, 9_000).sort())).toBe(true);
    values[17] = Number.NaN;
    const s = sortedFloat64(values);
    expect(Number.isNaN(s[s.length - 1])).toBe(true);
    expect(sameBits(s, values.slice().sort())).toBe(true);
  });

  it('refuses a window that does not fit', () => {
    expect(() => sortedFloat64(new Float64Array(3), 2, 1)).toThrow(RangeError);
    expect(() => sortedFloat64(new Float64Array(3), 0, 4)).toThrow(RangeError);
  });
});
