import { maxDrawdownFromReturns } from '../metrics/max-drawdown';
import { studentTCovariance, type StudentTParameters } from '../estimation/student-t-fit';
import { RETURN_FLOOR, simulateStudentTPaths, studentTPathInto } from './student-t-simulate';
import type { PathOutcomes } from './path-outcomes';

const PARAMS: StudentTParameters = { mu: [0.01, 0.008], scale: [0.0036, 0.0018, 0.0025], df: 6 };

function outputs(n: number): PathOutcomes {
  return { smallReturn: new Float64Array(n), largeReturn: new Float64Array(n), smallMaxDrawdown: new Float64Array(n), largeMaxDrawdown: new Float64Array(n) };
}

/**
 * P(|T| > q) for Student's t with ν degrees of freedom, computed independently of the code under
 * test: `1 − 2 ∫_0^q c (1 + t²/ν)^{−(ν+1)/2} dt` by composite Simpson's rule, with the constant
 * `c = Γ((ν+1)/2) / (√(νπ) Γ(ν/2))` passed in (exact for the ν used here).
 */
function tTail(nu: number, c: number, q: number): number {
  const steps = 20_000, h = q / steps;
  const f = (t: number): number => c * Math.pow(1 + (t * t) / nu, -(nu + 1) / 2);
  let s = f(0) + f(q);
  for (let i = 1; i < steps; i += 1) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return 1 - (2 * s * h) / 3;
}
/** Γ(3) / (√(5π) Γ(5/2)) with Γ(3) = 2, Γ(5/2) = (3/4)√π. */
const C5 = 2 / (Math.sqrt(5 * Math.PI) * 0.75 * Math.sqrt(Math.PI));
/** ν = 1 (Cauchy): Γ(1) / (√π Γ(1/2)) = 1/π. */
const C1 = 1 / Math.PI;

describe('simulateStudentTPaths', () => {
  it('has covariance Σ ν / (ν − 2) and mean μ, within Monte Carlo error', () => {
    // One long path: its months are independent draws of X (the regeneration test below ties
    // the paths of simulateStudentTPaths to these monthly returns).
    const n = 200_000;
    const a = new Float64Array(n), b = new Float64Array(n);
    studentTPathInto(PARAMS, { horizon: n, seed: 3 }, 0, a, b);
    let ma = 0, mb = 0;
    for (let i = 0; i < n; i += 1) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    let caa = 0, cab = 0, cbb = 0;
    for (let i = 0; i < n; i += 1) {
      caa += (a[i] - ma) ** 2;
      cab += (a[i] - ma) * (b[i] - mb);
      cbb += (b[i] - mb) ** 2;
    }
    const cov = studentTCovariance(PARAMS);
    // Kurtosis of t_6 is 6, so the relative standard error of a variance is √(5/n) ≈ 0.5%.
    expect(Math.abs(caa / (n - 1) / cov[0] - 1)).toBeLessThan(0.025);
    expect(Math.abs(cab / (n - 1) / cov[1] - 1)).toBeLessThan(0.035);
    expect(Math.abs(cbb / (n - 1) / cov[2] - 1)).toBeLessThan(0.025);
    // Standard error of the mean ≈ √(0.006 / n) ≈ 0.00017.
    expect(Math.abs(ma - PARAMS.mu[0])).toBeLessThan(0.0008);
    expect(Math.abs(mb - PARAMS.mu[1])).toBeLessThan(0.0008);
  });

  it('has Student-t marginal tails and shares W between the legs', () => {
    const n = 200_000, q = 3;
    const params: StudentTParameters = { mu: [0.01, 0.008], scale: [0.0036, 0, 0.0025], df: 5 };
    const a = new Float64Array(n), b = new Float64Array(n);
    studentTPathInto(params, { horizon: n, seed: 5 }, 0, a, b);
    const sa = Math.sqrt(params.scale[0]), sb = Math.sqrt(params.scale[2]);
    let ta = 0, tb = 0, both = 0;
    for (let i = 0; i < n; i += 1) {
      const ea = Math.abs(a[i] - params.mu[0]) / sa > q, eb = Math.abs(b[i] - params.mu[1]) / sb > q;
      if (ea) ta += 1;
      if (eb) tb += 1;
      if (ea && eb) both += 1;
    }
    const p = tTail(5, C5, q);
    expect(p).toBeCloseTo(0.030099, 5); // tables: P(|t_5| > 3) = 0.0301
    const se = Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(ta / n - p)).toBeLessThan(4.5 * se);
    expect(Math.abs(tb / n - p)).toBeLessThan(4.5 * se);
    // Uncorrelated legs, yet extreme months coincide far more often than under independence.
    expect(both / n).toBeGreaterThan(3 * p * p);
  });

  it('draws the ν < 2 case (boosted gamma) with Cauchy tails at ν = 1', () => {
    const n = 100_000, q = 3;
    const params: StudentTParameters = { mu: [0, 0], scale: [0.0001, 0, 0.0001], df: 1 };
    const a = new Float64Array(n), b = new Float64Array(n);
    studentTPathInto(params, { horizon: n, seed: 9 }, 0, a, b);
    let t = 0;
    for (let i = 0; i < n; i += 1) if (Math.abs(a[i]) / 0.01 > q) t += 1;
    const p = tTail(1, C1, q);
    expect(p).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(q), 8);
    expect(Math.abs(t / n - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('is deterministic per seed and invariant to sharding', () => {
    const opts = { horizon: 12, seed: 42, firstPath: 0, pathCount: 1_000 };
    const whole = outputs(1_000), again = outputs(1_000), other = outputs(1_000);
    simulateStudentTPaths(PARAMS, opts, whole);
    simulateStudentTPaths(PARAMS, opts, again);
    simulateStudentTPaths(PARAMS, { ...opts, seed: 43 }, other);
    expect(again).toEqual(whole);
    expect(other.smallReturn).not.toEqual(whole.smallReturn);
    const first = outputs(300), second = outputs(700);
    simulateStudentTPaths(PARAMS, { ...opts, pathCount: 300 }, first);
    simulateStudentTPaths(PARAMS, { ...opts, firstPath: 300, pathCount: 700 }, second);
    for (const key of ['smallReturn', 'largeReturn', 'smallMaxDrawdown', 'largeMaxDrawdown'] as const) {
      const joined = new Float64Array(1_000);
      joined.set(first[key], 0);
      joined.set(second[key], 300);
      expect(joined).toEqual(whole[key]);
    }
  });

  it('regenerates a path whose compounding and drawdown equal the simulated outputs', () => {
    const opts = { horizon: 24, seed: 1, firstPath: 500, pathCount: 20 };
    const out = outputs(20);
    simulateStudentTPaths({ ...PARAMS, scale: [0.01, 0.004, 0.006] }, opts, out);
    const s = new Float64Array(24), l = new Float64Array(24);
    for (const j of [0, 7, 19]) {
      studentTPathInto({ ...PARAMS, scale: [0.01, 0.004, 0.006] }, opts, 500 + j, s, l);
      let ws = 1, wl = 1;
      for (let m = 0; m < 24; m += 1) {
        ws *= 1 + s[m];
        wl *= 1 + l[m];
      }
      expect(out.smallReturn[j]).toBe(ws - 1);
      expect(out.largeReturn[j]).toBe(wl - 1);
      expect(out.smallMaxDrawdown[j]).toBeCloseTo(maxDrawdownFromReturns(s).depth, 14);
      expect(out.largeMaxDrawdown[j]).toBeCloseTo(maxDrawdownFromReturns(l).depth, 14);
      expect(out.smallMaxDrawdown[j]).toBeLessThanOrEqual(0);
    }
    // Some drawdown happens in 24 volatile months.
    expect(Math.min(...out.smallMaxDrawdown)).toBeLessThan(-0.05);
  });

  it('clips monthly returns at RETURN_FLOOR', () => {
    const n = 20_000;
    const a = new Float64Array(n), b = new Float64Array(n);
    studentTPathInto({ mu: [0, 0], scale: [1, 0, 1], df: 3 }, { horizon: n, seed: 2 }, 0, a, b);
    let clipped = 0, below = 0;
    for (let i = 0; i < n; i += 1) {
      if (a[i] === RETURN_FLOOR) clipped += 1;
      if (a[i] < RETURN_FLOOR) below += 1;
    }
    expect(RETURN_FLOOR).toBe(-0.99);
    expect(clipped).toBeGreaterThan(1000);
    expect(below).toBe(0);
  });

  it('writes NaN for degenerate parameters', () => {
    const opts = { horizon: 12, seed: 1, firstPath: 0, pathCount: 5 };
    for (const bad of [
      { ...PARAMS, df: NaN },
      { ...PARAMS, df: 0 },
      { ...PARAMS, mu: [NaN, 0] as const },
      { ...PARAMS, scale: [0.0036, 0.0036, 0.0036] as const }, // correlation 1: singular
      { ...PARAMS, scale: [-1, 0, 1] as const },
    ]) {
      const out = outputs(5);
      simulateStudentTPaths(bad, opts, out);
      for (const key of ['smallReturn', 'largeReturn', 'smallMaxDrawdown', 'largeMaxDrawdown'] as const) expect(Array.from(out[key]).every(Number.isNaN)).toBe(true);
      const s = new Float64Array(12), l = new Float64Array(12);
      studentTPathInto(bad, opts, 3, s, l);
      expect(Array.from(s).every(Number.isNaN)).toBe(true);
    }
  });

  it('throws RangeError for programmer errors', () => {
    const out = outputs(5);
    const opts = { horizon: 12, seed: 1, firstPath: 0, pathCount: 5 };
    expect(() => simulateStudentTPaths(PARAMS, { ...opts, pathCount: 6 }, out)).toThrow(RangeError);
    expect(() => simulateStudentTPaths(PARAMS, { ...opts, horizon: 0 }, out)).toThrow(RangeError);
    expect(() => simulateStudentTPaths(PARAMS, { ...opts, firstPath: -1 }, out)).toThrow(RangeError);
    expect(() => simulateStudentTPaths(PARAMS, { ...opts, seed: 1.5 }, out)).toThrow(RangeError);
    expect(() => studentTPathInto(PARAMS, opts, 0, new Float64Array(11), new Float64Array(12))).toThrow(RangeError);
    // Nothing to do is not an error.
    expect(() => simulateStudentTPaths(PARAMS, { ...opts, pathCount: 0 }, outputs(0))).not.toThrow();
  });
});
