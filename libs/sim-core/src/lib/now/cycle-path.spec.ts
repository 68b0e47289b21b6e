import { analogDistance } from './analog-distance';
import { cyclePath, pathGap, rankAmong } from './cycle-path';

describe('cyclePath', () => {
  it('is both legs\' cumulative returns from the base row, cut where the data end', () => {
    const closes: [Float64Array, Float64Array] = [Float64Array.from([100, 110, 99, 121]), Float64Array.from([50, 50, 55, 60])];
    const p = cyclePath(closes, 1, 5);
    expect(Array.from(p.small)).toEqual([0, 99 / 110 - 1, 121 / 110 - 1]);
    expect(Array.from(p.large)).toEqual([0, 55 / 50 - 1, 60 / 50 - 1]);
    expect(cyclePath(closes, 0, 1).small.length).toBe(2);
    expect(cyclePath(closes, 4, 2).small.length).toBe(0);
  });
});

describe('pathGap', () => {
  it('is the RMS of the legs\' log-return differences over steps 1..upTo', () => {
    const a = { small: Float64Array.from([0, Math.E - 1, 0]), large: Float64Array.from([0, 0, 0]) };
    const b = { small: Float64Array.from([0, 0, 0]), large: Float64Array.from([0, 0, 0]) };
    // Step 1: small differs by log(e) = 1, large by 0; step 2: none. Mean of squares 1 / 4.
    expect(pathGap(a, b, 2)).toBeCloseTo(0.5, 14);
    expect(pathGap(a, b, 1)).toBeCloseTo(Math.sqrt(1 / 2), 14);
    expect(pathGap(a, b, 3)).toBeNaN();
    expect(pathGap(a, a, 2)).toBe(0);
  });
});

describe('analogDistance and rankAmong', () => {
  it('adds the path gap in 10-point units, the label differences and 0.5 per 25 bp of easing', () => {
    const f = { recession: false, resumption: true, easedBp: 75 };
    expect(analogDistance(0.05, f, f)).toBeCloseTo(0.5, 14);
    expect(analogDistance(0, f, { recession: true, resumption: false, easedBp: 25 })).toBe(3);
    expect(analogDistance(NaN, f, f)).toBeNaN();
  });

  it('counts below and equal, leaving NaN out', () => {
    expect(rankAmong(0.1, [0.3, -0.2, 0.1, NaN, 0])).toEqual({ below: 2, equal: 1, of: 4 });
  });
});
