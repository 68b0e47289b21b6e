import { normalCdf, normalQuantile } from './normal-distribution';

/** Φ by composite Simpson integration of the density from 0 (an independent computation). */
function simpsonCdf(x: number): number {
  const n = 20000, h = x / n;
  const f = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let s = f(0) + f(x);
  for (let i = 1; i < n; i += 1) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return 0.5 + (s * h) / 3;
}

describe('normal distribution', () => {
  it('matches an independent numerical integration and tabulated values', () => {
    for (const x of [-4, -2.5, -1, -0.3, 0, 0.7, 1.6448536, 3]) expect(normalCdf(x)).toBeCloseTo(simpsonCdf(x), 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-10)).toBe(0);
    expect(normalCdf(10)).toBe(1);
  });

  it('inverts the distribution function', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326347874040841, 12);
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [1e-9, 0.001, 0.2, 0.6, 0.999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 6);
  });

  it('follows the degenerate-input rule', () => {
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});
