import { chiSquare, gamma } from './gamma';
import { streamFor } from './xoshiro128';

function meanVariance(draw: () => number, n: number): { mean: number; variance: number; min: number } {
  let mean = 0, m2 = 0, min = Infinity;
  for (let i = 0; i < n; i += 1) {
    const v = draw();
    const d = v - mean;
    mean += d / (i + 1);
    m2 += d * (v - mean);
    min = Math.min(min, v);
  }
  return { mean, variance: m2 / (n - 1), min };
}

describe('gamma (Marsaglia and Tsang)', () => {
  const n = 100_000;

  it.each([0.3, 1, 2.5, 10])('has mean k·θ and variance k·θ² for shape %p', (shape) => {
    const rng = streamFor(5, Math.round(shape * 10));
    const scale = 0.5;
    const { mean, variance, min } = meanVariance(() => gamma(rng, shape, scale), n);
    const mu = shape * scale, v = shape * scale * scale;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt(v / n));
    // sd of the sample variance ≈ sqrt((μ4 − σ⁴)/n), μ4 = 3σ⁴(1 + 2/k) for the gamma law
    expect(Math.abs(variance - v)).toBeLessThan(4 * Math.sqrt((3 * v * v * (1 + 2 / shape) - v * v) / n));
  });

  it('matches the exponential law for shape 1: P(X > 1) = e^-1', () => {
    const rng = streamFor(6, 0);
    let above = 0;
    for (let i = 0; i < n; i += 1) if (gamma(rng, 1) > 1) above += 1;
    const p = Math.exp(-1);
    expect(Math.abs(above / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('draws chi-square with mean df and variance 2 df', () => {
    for (const df of [1, 4, 7.5]) {
      const rng = streamFor(8, df * 2);
      const { mean, variance } = meanVariance(() => chiSquare(rng, df), n);
      expect(Math.abs(mean - df)).toBeLessThan(4 * Math.sqrt((2 * df) / n));
      // chi-square(df) = gamma(df/2, 2): relative sd of the sample variance sqrt((3(1 + 4/df) − 1)/n)
      expect(Math.abs(variance / (2 * df) - 1)).toBeLessThan(4 * Math.sqrt((3 * (1 + 4 / df) - 1) / n));
    }
  });

  it('returns NaN for a shape, scale or df that is not a finite number above 0', () => {
    const rng = streamFor(1, 1);
    for (const bad of [0, -1, NaN, Infinity]) {
      expect(gamma(rng, bad)).toBeNaN();
      expect(gamma(rng, 2, bad)).toBeNaN();
      expect(chiSquare(rng, bad)).toBeNaN();
    }
  });
});
