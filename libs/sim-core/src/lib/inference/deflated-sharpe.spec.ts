import { deflatedSharpeRatio, expectedMaxSharpe, probabilisticSharpeRatio } from './deflated-sharpe';

// Independent normal functions for the expected values: Φ by Simpson integration of the density,
// Φ⁻¹ by bisection on it (no shared code with the implementation).
function phi(x: number): number {
  const n = 20000, h = x / n;
  const f = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let s = f(0) + f(x);
  for (let i = 1; i < n; i += 1) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return 0.5 + (s * h) / 3;
}
function phiInv(p: number): number {
  let lo = -10, hi = 10;
  for (let i = 0; i < 80; i += 1) {
    const mid = (lo + hi) / 2;
    if (phi(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('deflated Sharpe ratio (Bailey and López de Prado, 2014)', () => {
  // The paper's numerical example: annualised SR 2.5 of the best of N = 100 trials, annualised
  // variance of the trials' SR 1/2, T = 1250 daily returns (250 a year), skewness −3, kurtosis 10.
  const perYear = 250;
  const sr = 2.5 / Math.sqrt(perYear), variance = 0.5 / perYear, trials = 100, T = 1250, skew = -3, kurt = 10;

  it('reproduces the worked example with an independent computation', () => {
    const gamma = 0.5772156649015329;
    const sr0 = Math.sqrt(variance) * ((1 - gamma) * phiInv(1 - 1 / trials) + gamma * phiInv(1 - 1 / (trials * Math.E)));
    const dsr = phi(((sr - sr0) * Math.sqrt(T - 1)) / Math.sqrt(1 - skew * sr + ((kurt - 1) / 4) * sr * sr));
    const got = deflatedSharpeRatio({ sharpe: sr, trialVariance: variance, trials, observations: T, skewness: skew, kurtosis: kurt });
    expect(got.expectedMaxSharpe).toBeCloseTo(sr0, 9);
    expect(got.probability).toBeCloseTo(dsr, 8);
    // The paper reports SR₀ ≈ 0.1132 (per day) and DSR ≈ 0.90.
    expect(got.expectedMaxSharpe).toBeCloseTo(0.1132, 4);
    expect(got.probability).toBeGreaterThan(0.895);
    expect(got.probability).toBeLessThan(0.905);
  });

  it('penalises more trials and rewards normal returns', () => {
    const base = { sharpe: sr, trialVariance: variance, observations: T, skewness: skew, kurtosis: kurt };
    expect(deflatedSharpeRatio({ ...base, trials: 1000 }).probability).toBeLessThan(deflatedSharpeRatio({ ...base, trials: 10 }).probability);
    expect(deflatedSharpeRatio({ ...base, trials, skewness: 0, kurtosis: 3 }).probability).toBeGreaterThan(deflatedSharpeRatio({ ...base, trials }).probability);
    expect(expectedMaxSharpe(100, 0)).toBe(0);
    // PSR against its own estimate is one half.
    expect(probabilisticSharpeRatio(0.1, 0.1, 500, 0, 3)).toBeCloseTo(0.5, 12);
  });

  it('follows the degenerate-input rule', () => {
    expect(expectedMaxSharpe(1, 0.1)).toBeNaN();
    expect(expectedMaxSharpe(10, -1)).toBeNaN();
    expect(probabilisticSharpeRatio(0.1, 0, 1, 0, 3)).toBeNaN();
    expect(probabilisticSharpeRatio(1, 0, 100, 5, 3)).toBeNaN();
    expect(deflatedSharpeRatio({ sharpe: 0.1, trialVariance: 0.01, trials: 1, observations: 100, skewness: 0, kurtosis: 3 }).probability).toBeNaN();
  });
});
