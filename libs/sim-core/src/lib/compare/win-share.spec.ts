import { winShare } from './win-share';

describe('winShare', () => {
  it('counts strict wins over pairs with both values', () => {
    expect(winShare([0.1, -0.2, 0.3, NaN, 0.05], [0.0, 0.1, 0.2, 0.4, 0.05])).toEqual({ wins: 2, count: 4, share: 0.5 });
  });
  it('follows the degenerate-input rule', () => {
    expect(winShare([NaN], [1]).share).toBeNaN();
    expect(() => winShare([1], [])).toThrow(RangeError);
  });
});
