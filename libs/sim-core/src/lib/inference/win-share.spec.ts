import { winShare } from './win-share';

describe('winShare', () => {
  it('counts strict wins over pairs with both values', () => {
    expect(winShare([0.1, -0.2, 0.3, NaN, 0.05], [0.0, 0.1, 0.2, 0.4, 0.05])).toEqual({ wins: 2, count: 4, share: 0.5 });
  });
  it('does not count floating-point noise as a win', () => {
    const v = 0.9904873999999999, a = (1.0123 * v) / v - 1, b = 1.0123 - 1;
    expect(a).not.toBe(b);
    expect(winShare([a, 0.3 + 1e-17], [b, 0.3]).wins).toBe(0);
  });
  it('follows the degenerate-input rule', () => {
    expect(winShare([NaN], [1]).share).toBeNaN();
    expect(() => winShare([1], [])).toThrow(RangeError);
  });
});
