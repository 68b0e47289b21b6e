import { bootstrapLocation, bootstrapUnits } from './cycle-bootstrap';

/** Every resample of `values` (n^n of them, equally likely): the exact bootstrap distribution of the mean, sorted. */
function exactMeans(values: number[]): number[] {
  const n = values.length;
  const out: number[] = [];
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    out.push(idx.reduce((s, i) => s + values[i], 0) / n);
    let k = 0;
    while (k < n && ++idx[k] === n) { idx[k] = 0; k += 1; }
    if (k === n) break;
  }
  return out.sort((a, b) => a - b);
}

describe('bootstrapUnits', () => {
  it('draws the exact bootstrap distribution of the mean (all n^n resamples) in the long run', () => {
    const values = [-0.12, 0.03, 0.05, 0.21];
    const exact = exactMeans(values);
    const { means } = bootstrapUnits(values, { seed: 7, resamples: 40_000 });
    for (const x of [-0.05, 0, 0.03, 0.06, 0.1]) {
      const share = (a: ArrayLike<number>): number => Array.from(a).filter((m) => m <= x + 1e-12).length / a.length;
      expect(Math.abs(share(means) - share(exact))).toBeLessThan(0.01);
    }
  });

  it('is deterministic for a seed and stream, and the stream moves it', () => {
    const values = [1, 2, 3, 4, 5];
    const a = bootstrapUnits(values, { seed: 1, resamples: 50 });
    expect(bootstrapUnits(values, { seed: 1, resamples: 50 })).toEqual(a);
    expect(bootstrapUnits(values, { seed: 1, resamples: 50, stream: 1000 }).means).not.toEqual(a.means);
  });

  it('refuses NaN and bad settings', () => {
    expect(() => bootstrapUnits([1, NaN], { seed: 1, resamples: 10 })).toThrow(/NaN/);
    expect(() => bootstrapUnits([1], { seed: 1, resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapUnits([1], { seed: 1, resamples: 1, confidence: 1 })).toThrow(/confidence/);
  });
});

describe('bootstrapLocation', () => {
  it('gives the sample mean and median with intervals that hold them', () => {
    const values = [0.1, -0.05, 0.2, 0.02, 0.07, -0.1, 0.15];
    const r = bootstrapLocation(values, { seed: 3, resamples: 5000 });
    expect(r.count).toBe(7);
    expect(r.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 7, 12);
    expect(r.median).toBe(0.07);
    expect(r.meanLower).toBeLessThan(r.mean);
    expect(r.meanUpper).toBeGreaterThan(r.mean);
    expect(r.medianLower).toBeLessThanOrEqual(r.median);
    expect(r.medianUpper).toBeGreaterThanOrEqual(r.median);
  });

  it('covers the true mean about as often as it says (95 % intervals, normal samples of 12)', () => {
    // Box–Muller normals from a fixed linear congruential sequence: independent of the code under test.
    let state = 12345;
    const uniform = (): number => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return (state + 0.5) / 2 ** 32; };
    const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    let covered = 0;
    const trials = 300;
    for (let t = 0; t < trials; t += 1) {
      const sample = Array.from({ length: 12 }, normal);
      const r = bootstrapLocation(sample, { seed: t, resamples: 1000 });
      if (r.meanLower <= 0 && 0 <= r.meanUpper) covered += 1;
    }
    // The percentile interval under-covers a little for small samples (about 0.92 for n = 12).
    expect(covered / trials).toBeGreaterThan(0.87);
    expect(covered / trials).toBeLessThan(0.98);
  });

  it('is NaN with no value, and the value itself with one', () => {
    const none = bootstrapLocation([], { seed: 1, resamples: 10 });
    expect([none.mean, none.meanLower, none.medianUpper].every(Number.isNaN)).toBe(true);
    const one = bootstrapLocation([0.04], { seed: 1, resamples: 10 });
    expect([one.mean, one.meanLower, one.meanUpper, one.median, one.medianLower, one.medianUpper]).toEqual([0.04, 0.04, 0.04, 0.04, 0.04, 0.04]);
  });
});
