import { binomialTwoSided, centralCoverage, pitHistogram, pitOfSorted } from './probability-integral-transform';

/** Normals from a fixed linear congruential sequence and Box–Muller: independent of the code under test. */
function normals(count: number, seed: number): number[] {
  let state = seed >>> 0;
  const uniform = (): number => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return (state + 0.5) / 2 ** 32; };
  return Array.from({ length: count }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

describe('pitOfSorted', () => {
  it('is the share of draws below, ties counted half', () => {
    const sorted = [1, 2, 2, 3];
    expect(pitOfSorted(sorted, 0)).toBe(0);
    expect(pitOfSorted(sorted, 1.5)).toBe(0.25);
    expect(pitOfSorted(sorted, 2)).toBe((1 + 1) / 4);
    expect(pitOfSorted(sorted, 3)).toBe((3 + 0.5) / 4);
    expect(pitOfSorted(sorted, 9)).toBe(1);
    expect(pitOfSorted([5, 5, 5], 5)).toBe(0.5);
    expect(pitOfSorted([], 1)).toBeNaN();
    expect(pitOfSorted(sorted, NaN)).toBeNaN();
  });

  it('matches counting every draw, on random draws', () => {
    const draws = normals(501, 4).map((x) => Math.round(x * 10) / 10); // with ties
    const sorted = [...draws].sort((a, b) => a - b);
    for (const x of [-3, -0.5, 0, 0.1, 0.35, 2.2]) {
      const below = draws.filter((d) => d < x).length, equal = draws.filter((d) => d === x).length;
      expect(pitOfSorted(sorted, x)).toBeCloseTo((below + equal / 2) / draws.length, 14);
    }
  });
});

describe('calibration of a forecast', () => {
  const forecast = normals(20_000, 1).sort((a, b) => a - b);

  it('covers 50 % and 90 % with a flat histogram when the outcomes come from the forecast', () => {
    const pits = normals(4000, 2).map((x) => pitOfSorted(forecast, x));
    expect(Math.abs(centralCoverage(pits, 0.5) - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(centralCoverage(pits, 0.9) - 0.9)).toBeLessThan(0.02);
    for (const c of pitHistogram(pits, 5)) expect(Math.abs(c / 4000 - 0.2)).toBeLessThan(0.025);
  });

  it('under-covers when the outcomes are twice as spread as the forecast (P(|Z| <= 0.82) = 0.59)', () => {
    const pits = normals(4000, 3).map((x) => pitOfSorted(forecast, 2 * x));
    expect(Math.abs(centralCoverage(pits, 0.9) - 0.59)).toBeLessThan(0.03);
    const h = pitHistogram(pits, 5);
    expect(h[0] + h[4]).toBeGreaterThan(2 * (h[1] + h[3]) / 2);
  });

  it('skips NaN and refuses a level outside (0, 1)', () => {
    expect(centralCoverage([0.5, NaN, 0.01], 0.9)).toBe(0.5);
    expect(centralCoverage([NaN], 0.9)).toBeNaN();
    expect(() => centralCoverage([0.5], 1)).toThrow(/level/);
    expect(pitHistogram([0, 0.2, 1, NaN], 5)).toEqual([1, 1, 0, 0, 1]);
  });
});

describe('binomialTwoSided', () => {
  it('gives the exact two-sided p-values (as R binom.test)', () => {
    // 7 of 10 against 0.9: P(X <= 7) = 1 - (0.9^10 + 10 * 0.9^9 * 0.1 + 45 * 0.9^8 * 0.01).
    expect(binomialTwoSided(7, 10, 0.9)).toBeCloseTo(1 - (0.9 ** 10 + 10 * 0.9 ** 9 * 0.1 + 45 * 0.9 ** 8 * 0.01), 12);
    expect(binomialTwoSided(2, 20, 0.5)).toBeCloseTo((2 * (1 + 20 + 190)) / 2 ** 20, 14);
    expect(binomialTwoSided(5, 10, 0.5)).toBe(1);
    expect(binomialTwoSided(14, 14, 0.5)).toBeCloseTo(2 / 2 ** 14, 14);
    expect(binomialTwoSided(1, 2, 0.5)).toBe(1);
    // 10 of 10: every outcome but the likelier 9 (P 0.387) is no more likely than P(10) = 0.349.
    expect(binomialTwoSided(10, 10, 0.9)).toBeCloseTo(1 - 10 * 0.9 ** 9 * 0.1, 12);
    expect(binomialTwoSided(0, 0, 0.5)).toBeNaN();
    expect(() => binomialTwoSided(3, 2, 0.5)).toThrow(/k <= n/);
  });
});
