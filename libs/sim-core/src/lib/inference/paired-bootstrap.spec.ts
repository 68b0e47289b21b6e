import { streamFor } from '../random/xoshiro128';
import { zigguratNormal } from '../random/ziggurat-normal';
import { pairedBootstrapDifference } from './paired-bootstrap';

function noise(seed: number, n: number, sd: number, phi = 0.2): Float64Array {
  const rng = streamFor(seed, 0), out = new Float64Array(n);
  let prev = 0;
  for (let i = 0; i < n; i += 1) {
    prev = phi * prev + sd * zigguratNormal(rng);
    out[i] = 0.0003 + prev;
  }
  return out;
}

describe('pairedBootstrapDifference', () => {
  const a = noise(7, 1500, 0.01);
  const options = { periodsPerYear: 252, seed: 1, resamples: 400 };

  it('gives 0 with a degenerate interval for identical series', () => {
    const r = pairedBootstrapDifference(a, Float64Array.from(a), options);
    expect(r.sharpe).toEqual({ estimate: 0, lower: 0, upper: 0 });
    expect(r.annualReturn).toEqual({ estimate: 0, lower: 0, upper: 0 });
    expect(r.meanBlock).toBeGreaterThanOrEqual(1);
    expect(r.observations).toBe(1500);
  });

  it('excludes 0 when B is A shifted down, and brackets the estimate', () => {
    const b = a.map((v, i) => v - 0.0004 + 0.002 * Math.sin(i));
    const r = pairedBootstrapDifference(a, b, options);
    for (const d of [r.sharpe, r.annualReturn]) {
      expect(d.lower).toBeGreaterThan(0);
      expect(d.lower).toBeLessThanOrEqual(d.estimate);
      expect(d.upper).toBeGreaterThanOrEqual(d.estimate);
    }
    expect(r.annualReturn.estimate).toBeCloseTo(0.0004 * 252, 2);
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const b = noise(8, 1500, 0.012);
    const one = pairedBootstrapDifference(a, b, { ...options, meanBlock: 5 });
    expect(pairedBootstrapDifference(a, b, { ...options, meanBlock: 5 })).toEqual(one);
    expect(pairedBootstrapDifference(a, b, { ...options, meanBlock: 5, seed: 2 }).sharpe.lower).not.toBe(one.sharpe.lower);
    // Independent series: the interval contains the point estimate and is wide.
    expect(one.sharpe.upper - one.sharpe.lower).toBeGreaterThan(0.5);
  });

  it('follows the degenerate-input rule', () => {
    const r = pairedBootstrapDifference(new Float64Array(1), new Float64Array(1), options);
    expect(r.sharpe.estimate).toBeNaN();
    expect(r.meanBlock).toBeNaN();
    expect(() => pairedBootstrapDifference(a, new Float64Array(3), options)).toThrow(RangeError);
    expect(() => pairedBootstrapDifference(a, a, { ...options, resamples: 0 })).toThrow(RangeError);
  });
});
