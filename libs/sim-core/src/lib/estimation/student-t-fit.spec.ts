import { fitStudentT, studentTCovariance, studentTLogDensity, type StudentTParameters } from './student-t-fit';
import { studentTPathInto } from '../monte-carlo/student-t-simulate';

/** A sample of `n` pairs from the t model, drawn as one long path (no month is clipped here). */
function sample(params: StudentTParameters, n: number, seed: number): [Float64Array, Float64Array] {
  const small = new Float64Array(n), large = new Float64Array(n);
  studentTPathInto(params, { horizon: n, seed }, 0, small, large);
  return [small, large];
}

const TRUE: StudentTParameters = { mu: [0.01, 0.008], scale: [0.0036, 0.0018, 0.0025], df: 5 };

describe('fitStudentT', () => {
  const [small, large] = sample(TRUE, 20_000, 7);
  const fit = fitStudentT(small, large);

  it('recovers μ, Σ and ν from a large simulated sample', () => {
    expect(fit.converged).toBe(true);
    expect(fit.observations).toBe(20_000);
    // Standard errors at n = 20,000: μ ~ 0.0004, Σ ~ 1.5% relative, ν ~ 0.25.
    expect(Math.abs(fit.mu[0] - TRUE.mu[0])).toBeLessThan(0.0015);
    expect(Math.abs(fit.mu[1] - TRUE.mu[1])).toBeLessThan(0.0015);
    for (let j = 0; j < 3; j += 1) expect(Math.abs(fit.scale[j] / TRUE.scale[j] - 1)).toBeLessThan(0.06);
    expect(Math.abs(fit.df - TRUE.df)).toBeLessThan(0.8);
  });

  it('reports the log-likelihood of the fit, which is a local maximum', () => {
    let sum = 0;
    for (let i = 0; i < small.length; i += 1) sum += studentTLogDensity(fit, small[i], large[i]);
    expect(fit.logLikelihood).toBeCloseTo(sum, 6);
    const ll = (p: StudentTParameters): number => {
      let s = 0;
      for (let i = 0; i < small.length; i += 1) s += studentTLogDensity(p, small[i], large[i]);
      return s;
    };
    const [s11, s12, s22] = fit.scale;
    for (const p of [
      { ...fit, df: fit.df * 1.05 },
      { ...fit, df: fit.df / 1.05 },
      { ...fit, mu: [fit.mu[0] + 0.0005, fit.mu[1]] as const },
      { ...fit, mu: [fit.mu[0], fit.mu[1] - 0.0005] as const },
      { ...fit, scale: [s11 * 1.03, s12, s22] as const },
      { ...fit, scale: [s11, s12 * 1.05, s22] as const },
      { ...fit, scale: [s11, s12, s22 / 1.03] as const },
    ]) {
      expect(ll(p)).toBeLessThan(fit.logLikelihood);
    }
  });

  it('finds heavy tails for t data and a large ν for normal data', () => {
    const [a, b] = sample({ ...TRUE, df: 1e9 }, 5_000, 11);
    const normalFit = fitStudentT(a, b);
    expect(normalFit.df).toBeGreaterThan(30);
    // The fitted covariance of normal data is close to the sample covariance.
    const cov = studentTCovariance(normalFit);
    expect(cov[0] / TRUE.scale[0]).toBeCloseTo(1, 1);
    expect(fit.df).toBeLessThan(10);
  });

  it('converts the scale matrix to the covariance Σ ν / (ν − 2)', () => {
    const cov = studentTCovariance(TRUE);
    [0.006, 0.003, 0.0025 * 5 / 3].forEach((c, j) => expect(cov[j]).toBeCloseTo(c, 15));
    expect(studentTCovariance({ ...TRUE, df: 2 })).toEqual([NaN, NaN, NaN]);
  });

  it('respects the (start, end) window', () => {
    const w = fitStudentT(small, large, { start: 100, end: 400 });
    const copy = fitStudentT(small.slice(100, 400), large.slice(100, 400));
    expect(w).toEqual(copy);
    expect(w.observations).toBe(300);
  });

  it('gives NaN fields, never a throw, for degenerate samples', () => {
    const expectNaN = (f: ReturnType<typeof fitStudentT>): void => {
      expect(f.mu).toEqual([NaN, NaN]);
      expect(f.scale).toEqual([NaN, NaN, NaN]);
      expect(f.df).toBeNaN();
      expect(f.logLikelihood).toBeNaN();
      expect(f.iterations).toBe(0);
      expect(f.converged).toBe(false);
    };
    // Fewer than 10 pairs.
    expectNaN(fitStudentT(small.slice(0, 9), large.slice(0, 9)));
    expectNaN(fitStudentT(new Float64Array(0), new Float64Array(0)));
    // A NaN or infinite value.
    const withNaN = small.slice(0, 50);
    withNaN[7] = NaN;
    expectNaN(fitStudentT(withNaN, large.slice(0, 50)));
    withNaN[7] = Infinity;
    expectNaN(fitStudentT(withNaN, large.slice(0, 50)));
    // A constant leg, and exactly collinear legs: a singular sample.
    expectNaN(fitStudentT(new Float64Array(50).fill(0.01), large.slice(0, 50)));
    expectNaN(fitStudentT(small.slice(0, 50), small.slice(0, 50).map((x) => 2 * x - 0.001)));
    expect(fitStudentT(small.slice(0, 9), large.slice(0, 9)).observations).toBe(9);
  });

  it('throws RangeError for programmer errors', () => {
    expect(() => fitStudentT(small, large.subarray(1))).toThrow(RangeError);
    expect(() => fitStudentT(small, large, { start: 5, end: 2 })).toThrow(RangeError);
    expect(() => fitStudentT(small, large, { dfBounds: [5, 2] })).toThrow(RangeError);
    expect(() => fitStudentT(small, large, { maxIterations: 0 })).toThrow(RangeError);
  });

  it('stops at maxIterations and says it did not converge', () => {
    const f = fitStudentT(small, large, { maxIterations: 2 });
    expect(f.iterations).toBe(2);
    expect(f.converged).toBe(false);
    expect(Number.isFinite(f.df)).toBe(true);
  });
});
