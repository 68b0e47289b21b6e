import { Xoshiro128 } from '../random/xoshiro128';
import { geometricLengthOf, geometricLengthTable, GEOMETRIC_BUCKET_BITS, type GeometricLengthTable } from './geometric-length-table';

/** The table's answer for output `k`, as the kernel reads it. */
function lookup(t: GeometricLengthTable, k: number): number {
  const invLogQ = t.invLogQ;
  const b = k >>> (32 - GEOMETRIC_BUCKET_BITS);
  const len = k < t.threshold[b] ? t.upper[b] : t.lower[b];
  return len < 0 ? geometricLengthOf(k, invLogQ) : len;
}

describe('geometricLengthTable', () => {
  // Mean blocks of the CLI's range: 1.5 (short), 21 (the default) and 250 (long).
  const cases = [1.5, 21, 250].map((mean) => ({ mean, invLogQ: 1 / Math.log1p(-1 / mean) }));

  it.each(cases)('gives the formula\'s length for every 32-bit output near each step (mean block $mean)', ({ invLogQ }) => {
    const t = geometricLengthTable(invLogQ);
    const mismatches: number[] = [];
    const size = 2 ** (32 - GEOMETRIC_BUCKET_BITS);
    let checked = 0;
    for (let b = 0; b < t.upper.length; b += 1) {
      const first = b * size;
      // Both edges of every bucket, and 16 outputs around its threshold, one by one.
      for (const k0 of [first, first + size - 16, t.threshold[b] - 8]) {
        for (let k = Math.max(first, k0); k < Math.min(first + size, k0 + 16); k += 1) {
          if (lookup(t, k) !== geometricLengthOf(k, invLogQ)) mismatches.push(k);
          checked += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(150_000);
  });

  it.each(cases)('gives the formula\'s length for 200,000 random outputs (mean block $mean)', ({ invLogQ }) => {
    const t = geometricLengthTable(invLogQ);
    const rng = new Xoshiro128(7, 11, 13, 17);
    let mismatches = 0;
    for (let i = 0; i < 200_000; i += 1) {
      const k = rng.nextU32();
      if (lookup(t, k) !== geometricLengthOf(k, invLogQ)) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });

  it('leaves only the buckets near k = 0 to the formula, and the extreme outputs agree', () => {
    const invLogQ = 1 / Math.log1p(-1 / 21);
    const t = geometricLengthTable(invLogQ);
    const fallbacks = [...t.upper].map((u, b) => (u < 0 ? b : -1)).filter((b) => b >= 0);
    expect(fallbacks.length).toBeGreaterThan(0);
    expect(fallbacks.length).toBeLessThan(64);
    expect(Math.max(...fallbacks)).toBeLessThan(64);
    for (const k of [0, 1, 2, 4294967294, 4294967295]) expect(lookup(t, k)).toBe(geometricLengthOf(k, invLogQ));
    expect(geometricLengthOf(4294967295, invLogQ)).toBe(1);
  });

  it('keeps the last table and refuses a non-negative invLogQ', () => {
    const a = geometricLengthTable(-3);
    expect(geometricLengthTable(-3)).toBe(a);
    expect(() => geometricLengthTable(0)).toThrow(RangeError);
    expect(() => geometricLengthTable(Number.NaN)).toThrow(RangeError);
  });
});
