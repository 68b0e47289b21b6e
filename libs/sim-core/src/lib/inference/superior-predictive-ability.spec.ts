import { streamFor } from '../random/xoshiro128';
import { stationaryBootstrapBlocks, superiorPredictiveAbility } from './superior-predictive-ability';

/** Normals from a fixed linear congruential sequence and Box–Muller: independent of the code under test. */
function normals(count: number, seed: number, mean = 0, sd = 1): Float64Array {
  let state = seed >>> 0;
  const uniform = (): number => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return (state + 0.5) / 2 ** 32; };
  return Float64Array.from({ length: count }, () => mean + sd * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

/**
 * The same tests written the plain way: each resample expanded into its periods one by one (from
 * the same blocks), means by summing, then the statistics and counts as Hansen (2005) states them.
 */
function reference(excess: Float64Array[], seed: number, B: number, meanBlock: number) {
  const n = excess[0].length;
  const mean = (x: ArrayLike<number>) => Array.from(x).reduce((a, b) => a + b, 0) / x.length;
  const means = excess.map(mean);
  const boot: number[][] = excess.map(() => []);
  for (let b = 0; b < B; b += 1) {
    const blocks = stationaryBootstrapBlocks(n, meanBlock, streamFor(seed, b));
    const idx: number[] = [];
    for (let i = 0; i < blocks.length; i += 2) for (let j = 0; j < blocks[i + 1]; j += 1) idx.push((blocks[i] + j) % n);
    excess.forEach((x, k) => boot[k].push(idx.reduce((s, t) => s + x[t], 0) / n));
  }
  const omega = boot.map((v) => { const mu = mean(v); return Math.sqrt(n) * Math.sqrt(v.reduce((s, x) => s + (x - mu) ** 2, 0) / (B - 1)); });
  const t = means.map((mu, k) => (Math.sqrt(n) * mu) / omega[k]);
  const T = Math.max(0, ...t);
  const V = Math.max(...means.map((mu) => Math.sqrt(n) * mu));
  const p = (draws: number[], obs: number) => (1 + draws.filter((d) => d >= obs).length) / (B + 1);
  const thr = -Math.sqrt(2 * Math.log(Math.log(n)));
  const spa = (g: (mu: number, k: number) => number) => p(Array.from({ length: B }, (_, b) => Math.max(0, ...means.map((_, k) => (Math.sqrt(n) * (boot[k][b] - g(means[k], k))) / omega[k]))), T);
  return {
    rc: p(Array.from({ length: B }, (_, b) => Math.max(...means.map((mu, k) => Math.sqrt(n) * (boot[k][b] - mu)))), V),
    lower: spa((mu) => Math.max(mu, 0)), consistent: spa((mu, k) => (t[k] >= thr ? mu : 0)), upper: spa((mu) => mu),
  };
}

describe('stationaryBootstrapBlocks', () => {
  it('draws exactly n periods in blocks of mean length about meanBlock', () => {
    let blocks = 0, periods = 0;
    for (let s = 0; s < 200; s += 1) {
      const b = stationaryBootstrapBlocks(1000, 10, streamFor(5, s));
      let total = 0;
      for (let i = 1; i < b.length; i += 2) total += b[i];
      expect(total).toBe(1000);
      blocks += b.length / 2;
      periods += total;
    }
    // The last block of each resample is cut short: the mean is a little under 10.
    expect(periods / blocks).toBeGreaterThan(9);
    expect(periods / blocks).toBeLessThan(10.5);
  });
});

describe('superiorPredictiveAbility (White 2000, Hansen 2005)', () => {
  it('gives the p-values of a plain computation from the same resamples', () => {
    const excess = [normals(300, 1, 0.02, 1), normals(300, 2, -0.05, 1.5), normals(300, 3, 0.08, 0.8)];
    const r = superiorPredictiveAbility(excess, { seed: 11, resamples: 300, meanBlock: 5 });
    const ref = reference(excess, 11, 300, 5);
    expect(r.realityCheck.pValue).toBeCloseTo(ref.rc, 12);
    expect(r.spa.pLower).toBeCloseTo(ref.lower, 12);
    expect(r.spa.pConsistent).toBeCloseTo(ref.consistent, 12);
    expect(r.spa.pUpper).toBeCloseTo(ref.upper, 12);
    expect(r.best).toBe(2);
  });

  it('does not reject when the strategies are the benchmark, or identical to one another with no edge', () => {
    const zero = superiorPredictiveAbility([new Float64Array(100), new Float64Array(100)], { seed: 1, resamples: 200, meanBlock: 3 });
    expect([zero.realityCheck.pValue, zero.spa.pLower, zero.spa.pConsistent, zero.spa.pUpper]).toEqual([1, 1, 1, 1]);
    expect(zero.best).toBe(-1);
    let rejected = 0;
    for (let s = 0; s < 40; s += 1) {
      const x = normals(500, 100 + s);
      const r = superiorPredictiveAbility([x, x, x, x], { seed: s, resamples: 300, meanBlock: 4 });
      if (r.spa.pConsistent < 0.05) rejected += 1;
    }
    // Under the null the test rejects about 5 % of the time or less: 2 of 40 expected, 7 would be far out.
    expect(rejected).toBeLessThanOrEqual(6);
  });

  it('finds a strategy with a real edge among many without one, and orders its p-values lower <= consistent <= upper', () => {
    const excess = [...Array.from({ length: 20 }, (_, k) => normals(1000, 200 + k, -0.02)), normals(1000, 999, 0.2)];
    const r = superiorPredictiveAbility(excess, { seed: 3, resamples: 500, meanBlock: 5 });
    expect(r.best).toBe(20);
    expect(r.spa.pConsistent).toBeLessThan(0.01);
    expect(r.realityCheck.pValue).toBeLessThan(0.01);
    const weak = superiorPredictiveAbility([...excess.slice(0, 20), normals(1000, 998, 0.03)], { seed: 3, resamples: 500, meanBlock: 5 });
    expect(weak.spa.pLower).toBeLessThanOrEqual(weak.spa.pConsistent);
    expect(weak.spa.pConsistent).toBeLessThanOrEqual(weak.spa.pUpper);
  });

  it('refuses series of different lengths or with a non-finite value', () => {
    expect(() => superiorPredictiveAbility([new Float64Array(5), new Float64Array(6)], { seed: 1, resamples: 10, meanBlock: 2 })).toThrow(/series 1 has 6 periods/);
    expect(() => superiorPredictiveAbility([Float64Array.from([0, NaN, 1])], { seed: 1, resamples: 10, meanBlock: 2 })).toThrow(/not finite/);
  });
});
