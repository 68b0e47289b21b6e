import { rebalanceCount } from './rebalance-count';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('rebalanceCount', () => {
  it('counts the periods with trades', () => {
    expect(rebalanceCount(f(0, 5, 0, 3, 0))).toBe(2);
    expect(rebalanceCount(f(0, 0))).toBe(0);
  });

  it('respects the (start, end) window', () => {
    expect(rebalanceCount(f(0, 5, 0, 3, 0), 2, 5)).toBe(1);
  });

  it('gives NaN for an empty window or a NaN record', () => {
    expect(rebalanceCount(f())).toBeNaN();
    expect(rebalanceCount(f(1, 2), 1, 1)).toBeNaN();
    expect(rebalanceCount(f(1, NaN, 0))).toBeNaN();
  });
});
