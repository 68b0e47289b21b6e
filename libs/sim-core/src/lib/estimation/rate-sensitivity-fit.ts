/**
 * Rate sensitivity of monthly returns: an OLS regression on the monthly change of the policy
 * rate, with classical and White (1980) heteroskedasticity-robust standard errors. The Monte
 * Carlo simulation through the fitted lines is in `monte-carlo/rate-sensitivity.ts`.
 */

/**
 * Result of {@link fitRateSensitivity}, the OLS line `y_t = a + b · Δrate_t + e_t`:
 *
 * - `intercept` a: decimal return per month when the policy rate is unchanged;
 * - `slope` b: decimal monthly return per percentage point of rate change in the same month
 *   (b = −0.02 means a 25 bp cut, Δrate = −0.25, comes with +0.5% that month);
 * - `seIntercept`, `seSlope`: classical OLS standard errors, `s² = RSS / (n − 2)`;
 * - `seInterceptRobust`, `seSlopeRobust`: White (1980) heteroskedasticity-consistent standard
 *   errors, HC0 (`(XᵀX)⁻¹ Xᵀ diag(e²) X (XᵀX)⁻¹`);
 * - `seInterceptHc1`, `seSlopeHc1`: the same with MacKinnon and White's (1985) small-sample
 *   factor `n / (n − 2)` on the variance (HC1);
 * - `tIntercept`, `tSlope` (classical) and `tInterceptRobust`, `tSlopeRobust` (HC1):
 *   coefficient / standard error;
 * - `rSquared`: `1 − RSS / TSS`;
 * - `n`: observations; `residuals`: `e_t = y_t − a − b Δrate_t`, length n (decimals per month).
 *
 * Degenerate input: see {@link fitRateSensitivity}.
 */
export interface RateSensitivityFit {
  readonly intercept: number;
  readonly slope: number;
  readonly seIntercept: number;
  readonly seSlope: number;
  readonly seInterceptRobust: number;
  readonly seSlopeRobust: number;
  readonly seInterceptHc1: number;
  readonly seSlopeHc1: number;
  readonly tIntercept: number;
  readonly tSlope: number;
  readonly tInterceptRobust: number;
  readonly tSlopeRobust: number;
  readonly rSquared: number;
  readonly n: number;
  readonly residuals: Float64Array;
}

/**
 * OLS regression `y_t = a + b · Δrate_t + e_t` of monthly simple returns `y` (decimals) on the
 * monthly change of the policy rate `dRate` (percentage points; −0.25 = a 25 bp cut), with
 * classical standard errors, White (1980) heteroskedasticity-robust HC0 standard errors and the
 * HC1 variant (MacKinnon and White, 1985), t-statistics and R² (see {@link RateSensitivityFit}).
 * Sums are two-pass and centred (Chan, Golub and LeVeque, 1983), so the slope is
 * `Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²`.
 *
 * Degenerate input (never a throw): every coefficient, standard error and statistic NaN and the
 * residuals all NaN when n < 3 (no residual degree of freedom), any value is NaN, or `dRate` is
 * constant (zero denominator). `rSquared` alone is NaN when `y` is constant. A perfect fit gives
 * standard errors of 0 (and infinite or NaN t-statistics).
 *
 * @throws RangeError when `y` and `dRate` differ in length (programmer error).
 */
export function fitRateSensitivity(y: Float64Array, dRate: Float64Array): RateSensitivityFit {
  if (y.length !== dRate.length) {
    throw new RangeError(`fitRateSensitivity: arrays must have the same length, got ${y.length} and ${dRate.length}`);
  }
  const n = y.length;
  const residuals = new Float64Array(n);
  let mx = 0, my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += dRate[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0, sxy = 0, syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = dRate[i] - mx, dy = y[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (n < 3 || !(sxx > 0) || Number.isNaN(sxy) || Number.isNaN(syy)) return degenerateFit(n, residuals);
  const slope = sxy / sxx, intercept = my - slope * mx;
  let rss = 0, hcSlope = 0, hcIntercept = 0;
  for (let i = 0; i < n; i += 1) {
    const e = y[i] - intercept - slope * dRate[i];
    residuals[i] = e;
    const e2 = e * e, dx = dRate[i] - mx;
    rss += e2;
    // a = Σ c_i y_i with c_i = 1/n − x̄ (x_i − x̄) / Sxx; b = Σ k_i y_i with k_i = (x_i − x̄) / Sxx.
    const k = dx / sxx, c = 1 / n - mx * k;
    hcSlope += k * k * e2;
    hcIntercept += c * c * e2;
  }
  const s2 = rss / (n - 2), hc1 = n / (n - 2);
  const seSlope = Math.sqrt(s2 / sxx), seIntercept = Math.sqrt(s2 * (1 / n + (mx * mx) / sxx));
  const seSlopeRobust = Math.sqrt(hcSlope), seInterceptRobust = Math.sqrt(hcIntercept);
  const seSlopeHc1 = Math.sqrt(hcSlope * hc1), seInterceptHc1 = Math.sqrt(hcIntercept * hc1);
  return {
    intercept,
    slope,
    seIntercept,
    seSlope,
    seInterceptRobust,
    seSlopeRobust,
    seInterceptHc1,
    seSlopeHc1,
    tIntercept: intercept / seIntercept,
    tSlope: slope / seSlope,
    tInterceptRobust: intercept / seInterceptHc1,
    tSlopeRobust: slope / seSlopeHc1,
    rSquared: syy > 0 ? 1 - rss / syy : NaN,
    n,
    residuals,
  };
}

function degenerateFit(n: number, residuals: Float64Array): RateSensitivityFit {
  residuals.fill(NaN);
  return {
    intercept: NaN,
    slope: NaN,
    seIntercept: NaN,
    seSlope: NaN,
    seInterceptRobust: NaN,
    seSlopeRobust: NaN,
    seInterceptHc1: NaN,
    seSlopeHc1: NaN,
    tIntercept: NaN,
    tSlope: NaN,
    tInterceptRobust: NaN,
    tSlopeRobust: NaN,
    rSquared: NaN,
    n,
    residuals,
  };
}

/**
 * The three rate-sensitivity regressions of a small-vs-large comparison, all on the same
 * months: `small` and `large` legs and their `spread` (small − large). By the linearity of OLS
 * the spread's coefficients and residuals are exactly the differences of the legs' (up to
 * rounding), so {@link simulateRateSensitivityPaths} needs only the legs.
 */
export interface RateSensitivityModel {
  readonly small: RateSensitivityFit;
  readonly large: RateSensitivityFit;
  readonly spread: RateSensitivityFit;
}

/**
 * Fits {@link fitRateSensitivity} to monthly small-cap returns, large-cap returns and the
 * small-minus-large spread (decimals), each on the monthly policy-rate change `dRate`
 * (percentage points). Degenerate input follows {@link fitRateSensitivity} for each fit.
 *
 * @throws RangeError when the three arrays differ in length (programmer error).
 */
export function fitRateSensitivityModel(small: Float64Array, large: Float64Array, dRate: Float64Array): RateSensitivityModel {
  if (small.length !== large.length || small.length !== dRate.length) {
    throw new RangeError(`fitRateSensitivityModel: arrays must have the same length, got ${small.length}, ${large.length} and ${dRate.length}`);
  }
  const spread = new Float64Array(small.length);
  for (let i = 0; i < spread.length; i += 1) spread[i] = small[i] - large[i];
  return { small: fitRateSensitivity(small, dRate), large: fitRateSensitivity(large, dRate), spread: fitRateSensitivity(spread, dRate) };
}
