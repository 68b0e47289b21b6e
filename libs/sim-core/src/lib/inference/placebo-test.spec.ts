import { placeboMeans, placeboTest } from './placebo-test';

/** Normals from a fixed linear congruential sequence and Box–Muller: independent of the code under test. */
function normals(count: number, seed: number): number[] {
  let state = seed >>> 0;
  const uniform = (): number => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return (state + 0.5) / 2 ** 32; };
  return Array.from({ length: count }, () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

describe('placeboMeans', () => {
  it('draws distinct dates: with the whole pool, every placebo mean is the pool mean', () => {
    const pool = [1, 2, 3, 4, 10];
    const means = placeboMeans(pool, 5, { seed: 1, placebos: 20 });
    for (const m of means) expect(m).toBeCloseTo(4, 12);
  });

  it('matches the exact distribution of a mean of 2 of 4 drawn without replacement', () => {
    // The 6 pairs of [0, 1, 2, 4] have means 0.5, 1, 2, 1.5, 2.5, 3: each with probability 1/6.
    const means = placeboMeans([0, 1, 2, 4], 2, { seed: 9, placebos: 30_000 });
    for (const [value, share] of [[0.5, 1 / 6], [2, 1 / 6], [3, 1 / 6]] as const) {
      const seen = Array.from(means).filter((m) => Math.abs(m - value) < 1e-12).length / means.length;
      expect(Math.abs(seen - share)).toBeLessThan(0.01);
    }
  });

  it('refuses a size larger than the pool', () => {
    expect(() => placeboMeans([1, 2], 3, { seed: 1, placebos: 1 })).toThrow(/size must be an integer from 1 to the pool's 2 values/);
  });
});

describe('placeboTest', () => {
  it('gives uniform p-values when the events are ordinary dates (no event effect)', () => {
    const pool = normals(2000, 1);
    const p: number[] = [];
    for (let t = 0; t < 300; t += 1) {
      // The "events": 10 values drawn from the same history.
      const events = normals(10, 1000 + t);
      const eventMean = events.reduce((a, b) => a + b, 0) / 10;
      p.push(placeboTest(eventMean, pool, 10, { seed: t, placebos: 499 }).pTwoSided);
    }
    const share = (x: number): number => p.filter((v) => v <= x).length / p.length;
    // Binomial standard deviation at 300 trials is at most 0.029: allow about 3 of them.
    for (const x of [0.1, 0.25, 0.5, 0.75]) expect(Math.abs(share(x) - x)).toBeLessThan(0.09);
  });

  it('finds a real event effect, on the side where it is', () => {
    const pool = normals(2000, 2);
    const up = placeboTest(1.5, pool, 10, { seed: 1, placebos: 999 });
    expect(up.pUpper).toBeLessThan(0.01);
    expect(up.pTwoSided).toBeLessThan(0.02);
    expect(up.percentile).toBeGreaterThan(0.99);
    const down = placeboTest(-1.5, pool, 10, { seed: 1, placebos: 999 });
    expect(down.pLower).toBeLessThan(0.01);
    expect(down.percentile).toBeLessThan(0.01);
  });

  it('counts the observation among the draws, so a p-value is never 0', () => {
    const r = placeboTest(100, [0, 1, 2, 3], 2, { seed: 1, placebos: 9 });
    expect(r.pUpper).toBeCloseTo(1 / 10, 12);
    expect(r.pLower).toBe(1);
    expect(r.pTwoSided).toBeCloseTo(0.2, 12);
  });
});

describe('placeboTest histogram', () => {
  it('counts every placebo mean in equal bins from the smallest to the largest', () => {
    const pool = normals(500, 7);
    const r = placeboTest(0, pool, 5, { seed: 3, placebos: 999 });
    const means = placeboMeans(pool, 5, { seed: 3, placebos: 999 });
    expect(r.histogram.lo).toBe(means[0]);
    expect(r.histogram.hi).toBe(means[means.length - 1]);
    expect(r.histogram.counts.length).toBe(30);
    expect(r.histogram.counts.reduce((a, b) => a + b, 0)).toBe(999);
    // Counted apart: the means in the first and the last bin.
    const width = (r.histogram.hi - r.histogram.lo) / 30;
    expect(r.histogram.counts[0]).toBe(Array.from(means).filter((m) => m < r.histogram.lo + width).length);
    expect(r.histogram.counts[29]).toBe(Array.from(means).filter((m) => m >= r.histogram.lo + 29 * width).length);
  });
});
