import { gammaConstants, standardGamma } from './gamma';
import { streamFor } from './xoshiro128';

function meanVariance(draw: () => number, n: number): { mean: number; variance: number; min: number } {
  let sum = 0, min = Infinity;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    v[i] = draw();
    sum += v[i];
    min = Math.min(min, v[i]);
  }
  const mean = sum / n;
  let ss = 0;
  for (const x of v) ss += (x - mean) ** 2;
  return { mean, variance: ss / (n - 1), min };
}

describe('standardGamma (Marsaglia and Tsang)', () => {
  const n = 100_000;
  const draw = (shape: number, seed: number): (() => number) => {
    const rng = streamFor(seed, 0), k = gammaConstants(shape);
    return () => standardGamma(rng, k.d, k.c, k.boostPower);
  };

  it('computes the constants d = a − 1/3, c = 1/√(9d), boosting shapes below 1', () => {
    expect(gammaConstants(3)).toEqual({ d: 3 - 1 / 3, c: 1 / Math.sqrt(9 * (3 - 1 / 3)), boostPower: 0 });
    expect(gammaConstants(0.5)).toEqual({ d: 1.5 - 1 / 3, c: 1 / Math.sqrt(9 * (1.5 - 1 / 3)), boostPower: 2 });
  });

  it.each([0.3, 0.5, 1, 2.5, 10])('has mean a and variance a for shape %p', (shape) => {
    const { mean, variance, min } = meanVariance(draw(shape, Math.round(shape * 10)), n);
    expect(min).toBeGreaterThan(0);
    expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
    // sd of the sample variance ≈ sqrt((μ4 − σ⁴)/n), μ4 = 3σ⁴(1 + 2/a) for the gamma law
    expect(Math.abs(variance - shape)).toBeLessThan(4 * Math.sqrt((3 * shape * shape * (1 + 2 / shape) - shape * shape) / n));
  });

  it('matches the exponential law for shape 1: P(X > 1) = e^-1', () => {
    const g = draw(1, 6);
    let above = 0;
    for (let i = 0; i < n; i += 1) if (g() > 1) above += 1;
    const p = Math.exp(-1);
    expect(Math.abs(above / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});
