import { fillStandardNormal, normal, standardNormal } from './normal';
import { streamFor } from './xoshiro128';

function moments(x: Float64Array): { mean: number; variance: number; skewness: number; kurtosis: number } {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v / n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (const v of x) {
    const d = v - mean;
    m2 += (d * d) / n;
    m3 += (d * d * d) / n;
    m4 += (d * d * d * d) / n;
  }
  return { mean, variance: m2, skewness: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}

describe('standard normal (Marsaglia polar)', () => {
  const n = 200_000, se = 1 / Math.sqrt(n);

  it('has mean 0, variance 1, skewness 0 and kurtosis 3 within Monte Carlo error', () => {
    const rng = streamFor(1, 0);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i += 1) x[i] = standardNormal(rng);
    const m = moments(x);
    expect(Math.abs(m.mean)).toBeLessThan(4 * se);
    expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2) * se);
    expect(Math.abs(m.skewness)).toBeLessThan(4 * Math.sqrt(6) * se);
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(4 * Math.sqrt(24) * se);
    // P(|Z| < 1.959964) = 0.95
    const inside = x.filter((v) => Math.abs(v) < 1.959964).length / n;
    expect(Math.abs(inside - 0.95)).toBeLessThan(4 * Math.sqrt(0.95 * 0.05) * se);
  });

  it('fills a window using both members of each pair, with the same law', () => {
    const x = new Float64Array(n + 3);
    x[0] = 99;
    x[n + 2] = 99;
    fillStandardNormal(streamFor(2, 0), x, 1, n + 2);
    expect(x[0]).toBe(99);
    expect(x[n + 2]).toBe(99);
    const m = moments(x.subarray(1, n + 1));
    expect(Math.abs(m.mean)).toBeLessThan(4 * se);
    expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2) * se);
    // Members of a pair are uncorrelated.
    let c = 0;
    for (let i = 1; i + 1 < n; i += 2) c += x[i] * x[i + 1];
    expect(Math.abs(c / (n / 2))).toBeLessThan(4 * Math.sqrt(2) * se);
    expect(() => fillStandardNormal(streamFor(2, 0), x, 5, 2)).toThrow(RangeError);
  });

  it('is reproducible from the seed', () => {
    const a = streamFor(9, 4), b = streamFor(9, 4);
    for (let i = 0; i < 100; i += 1) expect(standardNormal(a)).toBe(standardNormal(b));
  });

  it('scales by mean and sd, NaN for a negative or NaN sd or a NaN mean', () => {
    const a = streamFor(3, 0), b = streamFor(3, 0);
    expect(normal(a, 0.01, 0.2)).toBe(0.01 + 0.2 * standardNormal(b));
    expect(normal(a, 0, -1)).toBeNaN();
    expect(normal(a, 0, NaN)).toBeNaN();
    expect(normal(a, NaN, 1)).toBeNaN();
    expect(normal(a, 3, 0)).toBe(3);
  });
});
