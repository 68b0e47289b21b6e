import { equityReturns, equityReturnsInto } from './equity-returns';

describe('equityReturns', () => {
  it('is the simple return of each period', () => {
    const r = equityReturns([100, 110, 99, 99]);
    expect(r).toHaveLength(3);
    expect(r[0]).toBeCloseTo(0.1, 15);
    expect(r[1]).toBeCloseTo(-0.1, 15);
    expect(r[2]).toBe(0);
  });

  it('compounds back to the curve', () => {
    const eq = [1, 1.02, 0.97, 1.05, 1.1, 1.08];
    let v = eq[0];
    for (const x of equityReturns(eq)) v *= 1 + x;
    expect(v).toBeCloseTo(eq[eq.length - 1], 14);
  });

  it('gives NaN for a period starting at a non-positive or NaN value, or ending at NaN, and no period for fewer than 2 values', () => {
    const r = equityReturns([1, 0, 2, NaN, 3]);
    expect(r[0]).toBe(-1);
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeNaN();
    expect(r[3]).toBeNaN();
    expect(equityReturns([5])).toHaveLength(0);
    expect(equityReturns([])).toHaveLength(0);
  });

  it('writes into the given buffer and throws RangeError for a buffer of the wrong length', () => {
    const out = new Float64Array(2);
    expect(equityReturnsInto(out, [2, 3, 6])).toBe(out);
    expect(Array.from(out)).toEqual([0.5, 1]);
    expect(() => equityReturnsInto(new Float64Array(3), [1, 2, 3])).toThrow(RangeError);
  });
});
