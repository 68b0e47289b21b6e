import { mean } from './mean';
import { median } from './median';

describe('mean and median', () => {
  it('computes them on small lists', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([5, 1, 9], 1, 3)).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('keeps precision where naive summation loses it', () => {
    const xs = [1e16, 1, -1e16, 1];
    expect(mean(xs)).toBe(0.5);
  });

  it('returns NaN for empty input or NaN values', () => {
    expect(mean([])).toBeNaN();
    expect(median([])).toBeNaN();
    expect(mean([1, NaN])).toBeNaN();
    expect(median([1, NaN, 2])).toBeNaN();
  });
});
