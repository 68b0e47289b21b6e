import { zigguratNormal } from '../random/ziggurat-normal';
import { streamFor } from '../random/xoshiro128';
import { fitRateSensitivity, fitRateSensitivityModel, type RateSensitivityFit } from './rate-sensitivity-fit';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

describe('fitRateSensitivity', () => {
  it('matches a hand computation on five points', () => {
    // x̄ = 2, ȳ = 3, Sxx = 10, Sxy = 8: b = 0.8, a = 1.4; residuals −0.4, 0.8, −1, 1.2, −0.6; RSS = 3.6;
    // s² = 1.2; se(b) = √(1.2/10); se(a) = √(1.2 (1/5 + 4/10)); TSS = 10, R² = 0.64.
    // HC0: Var(b) = Σ k² e² with k = (x − x̄)/Sxx: 4.16 / 100; Var(a) = Σ c² e² with
    // c = 1/5 − 2k = 0.6, 0.4, 0.2, 0, −0.2: 0.2144. HC1 = HC0 · 5/3.
    const r = fitRateSensitivity(f(1, 3, 2, 5, 4), f(0, 1, 2, 3, 4));
    expect(r.slope).toBeCloseTo(0.8, 14);
    expect(r.intercept).toBeCloseTo(1.4, 14);
    Array.from(r.residuals).forEach((e, i) => expect(e).toBeCloseTo([-0.4, 0.8, -1, 1.2, -0.6][i], 14));
    expect(r.seSlope).toBeCloseTo(Math.sqrt(0.12), 14);
    expect(r.seIntercept).toBeCloseTo(Math.sqrt(0.72), 14);
    expect(r.rSquared).toBeCloseTo(0.64, 14);
    expect(r.seSlopeRobust).toBeCloseTo(Math.sqrt(0.0416), 14);
    expect(r.seInterceptRobust).toBeCloseTo(Math.sqrt(0.2144), 14);
    expect(r.seSlopeHc1).toBeCloseTo(Math.sqrt((0.0416 * 5) / 3), 14);
    expect(r.seInterceptHc1).toBeCloseTo(Math.sqrt((0.2144 * 5) / 3), 14);
    expect(r.tSlope).toBeCloseTo(0.8 / Math.sqrt(0.12), 12);
    expect(r.tIntercept).toBeCloseTo(1.4 / Math.sqrt(0.72), 12);
    expect(r.tSlopeRobust).toBeCloseTo(0.8 / Math.sqrt((0.0416 * 5) / 3), 12);
    expect(r.tInterceptRobust).toBeCloseTo(1.4 / Math.sqrt((0.2144 * 5) / 3), 12);
    expect(r.n).toBe(5);
  });

  it('matches the normal equations and the HC0 sandwich computed as matrices', () => {
    const rng = streamFor(12, 0);
    const n = 300;
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      x[i] = [-0.5, -0.25, 0, 0, 0, 0.25][Math.floor(rng.nextFloat() * 6)] + 0.01 * zigguratNormal(rng);
      // Heteroskedastic noise: larger when the rate moves.
      y[i] = 0.006 - 0.03 * x[i] + (0.02 + 0.08 * Math.abs(x[i])) * zigguratNormal(rng);
    }
    const r = fitRateSensitivity(y, x);
    // XᵀX = [[n, Σx], [Σx, Σx²]], Xᵀy = [Σy, Σxy]; β = (XᵀX)⁻¹ Xᵀy.
    let sx = 0, sxx = 0, sy = 0, sxy = 0;
    for (let i = 0; i < n; i += 1) {
      sx += x[i];
      sxx += x[i] * x[i];
      sy += y[i];
      sxy += x[i] * y[i];
    }
    const det = n * sxx - sx * sx;
    const inv = [[sxx / det, -sx / det], [-sx / det, n / det]];
    const a = inv[0][0] * sy + inv[0][1] * sxy, b = inv[1][0] * sy + inv[1][1] * sxy;
    expect(r.intercept).toBeCloseTo(a, 12);
    expect(r.slope).toBeCloseTo(b, 12);
    // Meat = Σ e² x_i x_iᵀ; sandwich = inv · meat · inv; classical = s² inv.
    const meat = [[0, 0], [0, 0]];
    let rss = 0, tss = 0;
    for (let i = 0; i < n; i += 1) {
      const e = y[i] - a - b * x[i], row = [1, x[i]];
      rss += e * e;
      tss += (y[i] - sy / n) ** 2;
      for (let j = 0; j < 2; j += 1) for (let k = 0; k < 2; k += 1) meat[j][k] += e * e * row[j] * row[k];
    }
    const mul = (p: number[][], q: number[][]): number[][] => [0, 1].map((i) => [0, 1].map((j) => p[i][0] * q[0][j] + p[i][1] * q[1][j]));
    const sandwich = mul(mul(inv, meat), inv);
    expect(r.seInterceptRobust).toBeCloseTo(Math.sqrt(sandwich[0][0]), 12);
    expect(r.seSlopeRobust).toBeCloseTo(Math.sqrt(sandwich[1][1]), 12);
    const s2 = rss / (n - 2);
    expect(r.seIntercept).toBeCloseTo(Math.sqrt(s2 * inv[0][0]), 12);
    expect(r.seSlope).toBeCloseTo(Math.sqrt(s2 * inv[1][1]), 12);
    expect(r.rSquared).toBeCloseTo(1 - rss / tss, 12);
    // The noise grows with |Δrate|, so the robust slope SE exceeds the classical one.
    expect(r.seSlopeRobust).toBeGreaterThan(r.seSlope);
  });

  it('gives NaN for too few points, a constant rate change or a NaN; R² alone for a constant y', () => {
    const nanFit = (r: RateSensitivityFit): void => {
      for (const v of [r.intercept, r.slope, r.seIntercept, r.seSlope, r.seInterceptRobust, r.seSlopeRobust, r.tSlope, r.rSquared]) expect(v).toBeNaN();
      expect(Array.from(r.residuals).every(Number.isNaN)).toBe(true);
    };
    nanFit(fitRateSensitivity(f(1, 2), f(0, 1)));
    nanFit(fitRateSensitivity(f(), f()));
    nanFit(fitRateSensitivity(f(1, 2, 3, 4), f(-0.25, -0.25, -0.25, -0.25)));
    nanFit(fitRateSensitivity(f(1, NaN, 3, 4), f(0, 1, 2, 3)));
    nanFit(fitRateSensitivity(f(1, 2, 3, 4), f(0, 1, NaN, 3)));
    const flat = fitRateSensitivity(f(0.01, 0.01, 0.01, 0.01), f(0, -0.25, 0, 0.25));
    expect(flat.slope).toBe(0);
    expect(flat.intercept).toBeCloseTo(0.01, 15);
    expect(flat.seSlope).toBe(0);
    expect(flat.rSquared).toBeNaN();
    expect(() => fitRateSensitivity(f(1, 2, 3), f(1, 2))).toThrow(RangeError);
  });

  it('fits the spread as the difference of the legs', () => {
    const rng = streamFor(4, 0);
    const n = 120;
    const s = new Float64Array(n), l = new Float64Array(n), d = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      d[i] = 0.25 * zigguratNormal(rng);
      s[i] = 0.01 - 0.02 * d[i] + 0.05 * zigguratNormal(rng);
      l[i] = 0.008 - 0.01 * d[i] + 0.04 * zigguratNormal(rng);
    }
    const m = fitRateSensitivityModel(s, l, d);
    expect(m.spread.slope).toBeCloseTo(m.small.slope - m.large.slope, 12);
    expect(m.spread.intercept).toBeCloseTo(m.small.intercept - m.large.intercept, 12);
    for (let i = 0; i < n; i += 1) expect(m.spread.residuals[i]).toBeCloseTo(m.small.residuals[i] - m.large.residuals[i], 12);
    expect(() => fitRateSensitivityModel(s, l, d.subarray(1))).toThrow(RangeError);
  });
});
