import { growthFactor, totalReturn } from './total-return';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('totalReturn', () => {
  it('compounds simple returns', () => {
    expect(totalReturn(f(0.1, -0.5, 1))).toBeCloseTo(0.1, 15);
    expect(growthFactor(f(0.1, -0.5, 1))).toBeCloseTo(1.1, 15);
    expect(totalReturn(f(0.05))).toBe(0.05 + 1 - 1);
  });

  it('respects the (start, end) window', () => {
    expect(totalReturn(f(0.1, -0.5, 1), 1, 3)).toBe(0);
    expect(totalReturn(f(0.1, -0.5, 1), 0, 1)).toBeCloseTo(0.1, 15);
  });

  it('gives NaN for an empty window or a NaN return', () => {
    expect(totalReturn(f())).toBeNaN();
    expect(totalReturn(f(0.1, 0.2), 1, 1)).toBeNaN();
    expect(totalReturn(f(0.1, NaN))).toBeNaN();
  });

  it('gives -1 when the wealth is wiped out', () => {
    expect(totalReturn(f(0.5, -1, 0.2))).toBe(-1);
  });

  it('throws RangeError only for a window that does not fit', () => {
    expect(() => totalReturn(f(0.1), 0, 2)).toThrow(RangeError);
  });
});
