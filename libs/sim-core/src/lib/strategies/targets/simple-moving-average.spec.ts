import { SMA } from 'technicalindicators';
import { Xoshiro128 } from '../../random/xoshiro128';
import { simpleMovingAverageInto } from './simple-moving-average';

describe('simpleMovingAverageInto', () => {
  it('gives technicalindicators\' SMA bit for bit, NaN before the first full window', () => {
    const rng = new Xoshiro128(3, 5, 7, 11);
    for (const n of [1, 5, 50, 700]) {
      const values = Array.from({ length: n }, () => 0.5 + rng.nextFloat() * Math.exp(rng.nextFloat() * 4 - 2));
      for (const period of [1, 2, 3, 7, 50, 200, 699, 700, 701]) {
        const ours = simpleMovingAverageInto(values, period, new Float64Array(n));
        const theirs = SMA.calculate({ period, values });
        const offset = n - theirs.length;
        expect(theirs.length).toBe(Math.max(0, n - period + 1));
        for (let t = 0; t < n; t += 1) {
          if (t < offset) expect(Number.isNaN(ours[t])).toBe(true);
          else expect(Object.is(ours[t], theirs[t - offset])).toBe(true);
        }
      }
    }
  });

  it('refuses a period that is not a whole number >= 1 and a short output', () => {
    expect(() => simpleMovingAverageInto([1, 2], 0, new Float64Array(2))).toThrow(/period 0/);
    expect(() => simpleMovingAverageInto([1, 2], 1.5, new Float64Array(2))).toThrow(/period 1.5/);
    expect(() => simpleMovingAverageInto([1, 2], 1, new Float64Array(1))).toThrow(/1 slots for 2 values/);
  });
});
