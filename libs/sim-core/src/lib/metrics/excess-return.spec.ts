import { excessReturn } from './excess-return';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('excessReturn', () => {
  it('is the difference of the two CAGRs', () => {
    // one year in two halves: strategy 1.21 (CAGR 0.21), benchmark 1.1025 (CAGR 0.1025)
    expect(excessReturn(f(0.1, 0.1), f(0.05, 0.05), 2)).toBeCloseTo(0.1075, 14);
    expect(excessReturn(f(0.05, 0.05), f(0.1, 0.1), 2)).toBeCloseTo(-0.1075, 14);
  });

  it('respects the (start, end) window', () => {
    expect(excessReturn(f(3, 0.1, 0.1), f(-0.5, 0.05, 0.05), 2, 1)).toBeCloseTo(0.1075, 14);
  });

  it('gives NaN for an empty window, a NaN or wiped-out wealth on either side', () => {
    expect(excessReturn(f(), f(), 12)).toBeNaN();
    expect(excessReturn(f(0.1), f(NaN), 12)).toBeNaN();
    expect(excessReturn(f(0.1), f(-1), 12)).toBeNaN();
  });

  it('throws RangeError for arrays of different lengths', () => {
    expect(() => excessReturn(f(0.1, 0.2), f(0.1), 12)).toThrow(RangeError);
  });
});
