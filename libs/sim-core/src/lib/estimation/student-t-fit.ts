/**
 * Maximum-likelihood fit of a bivariate Student-t distribution to paired monthly returns by the
 * ECME algorithm (Liu and Rubin, 1995; see also Kotz and Nadarajah, 2004, ch. 1 and McLachlan
 * and Peel, 2000, ch. 7).
 */

/**
 * Module-level aliases of the Math functions used in hot loops: inside a vm context (Jest runs
 * specs in one) every lookup of the global `Math` goes through a slow interceptor; in plain Node
 * the aliases cost nothing.
 */
const { log1p } = Math;

/**
 * The parameters of a bivariate Student-t distribution for a pair of monthly simple returns
 * (index 0 = small caps, index 1 = large caps):
 * `X = mu + L z / sqrt(W / df)` with `L Lᵀ = scale`, `z ~ N(0, I₂)` and `W ~ χ²_df`.
 *
 * - `mu`: location, decimals per month (also the mean when `df > 1`).
 * - `scale`: the scale (dispersion) matrix Σ as `[s11, s12, s22]`, decimals² per month. It is
 *   not the covariance: the covariance is `Σ · df / (df - 2)` for `df > 2`
 *   (see {@link studentTCovariance}).
 * - `df`: degrees of freedom ν (dimensionless, > 0); small ν = heavy tails, ν → ∞ = normal.
 */
export interface StudentTParameters {
  readonly mu: readonly [number, number];
  readonly scale: readonly [number, number, number];
  readonly df: number;
}

/**
 * Result of {@link fitStudentT}: the fitted {@link StudentTParameters} plus
 * - `logLikelihood`: the observed-data log-likelihood at the fit (natural log, densities of
 *   decimal returns, so it is usually positive for monthly data);
 * - `iterations`: ECME iterations run;
 * - `observations`: pairs used;
 * - `converged`: whether the relative log-likelihood change fell below the tolerance before
 *   `maxIterations`.
 *
 * Every numeric field is NaN (iterations 0, converged false) for degenerate input; see
 * {@link fitStudentT}.
 */
export interface StudentTFit extends StudentTParameters {
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly observations: number;
  readonly converged: boolean;
}

/** Options of {@link fitStudentT}; every field has a default. */
export interface StudentTFitOptions {
  /** First pair used (inclusive). Default 0. */
  readonly start?: number;
  /** End of the pairs used (exclusive). Default: the arrays' length. */
  readonly end?: number;
  /** Most ECME iterations. Default 1,000. */
  readonly maxIterations?: number;
  /** Stop when `|ΔlogL| <= tolerance · (1 + |logL|)`. Default 1e-10. */
  readonly tolerance?: number;
  /** Search interval for ν, `[min, max]` with `0 < min < max`. Default `[2.1, 200]`. */
  readonly dfBounds?: readonly [number, number];
}

/** Fewest pairs {@link fitStudentT} fits; fewer gives the NaN result. */
export const STUDENT_T_MIN_OBSERVATIONS = 10;

/** Golden-section search stops when the bracket in log ν is narrower than this. */
const LOG_DF_TOLERANCE = 1e-7;
const INV_PHI = (Math.sqrt(5) - 1) / 2;
/** A sample correlation with `1 - ρ²` below this is treated as singular. */
const SINGULAR_TOLERANCE = 1e-12;

function degenerate(observations: number): StudentTFit {
  return {
    mu: [NaN, NaN],
    scale: [NaN, NaN, NaN],
    df: NaN,
    logLikelihood: NaN,
    iterations: 0,
    observations,
    converged: false,
  };
}

/**
 * `Σ_i log(1 + δ_i / ν) · (ν + 2) / 2`: the only ν-dependent part of minus the bivariate-t
 * log-likelihood for fixed μ, Σ (for p = 2 the Γ-function terms cancel:
 * `Γ((ν+2)/2) / Γ(ν/2) = ν/2`).
 */
function dfObjective(delta: Float64Array, n: number, nu: number): number {
  let s = 0;
  for (let i = 0; i < n; i += 1) s += log1p(delta[i] / nu);
  return 0.5 * (nu + 2) * s;
}

/** Minimises {@link dfObjective} over `ν ∈ [lo, hi]` by golden-section search on log ν. */
function maximiseDf(delta: Float64Array, n: number, lo: number, hi: number): number {
  let a = Math.log(lo), b = Math.log(hi);
  let c = b - INV_PHI * (b - a), d = a + INV_PHI * (b - a);
  let fc = dfObjective(delta, n, Math.exp(c)), fd = dfObjective(delta, n, Math.exp(d));
  while (b - a > LOG_DF_TOLERANCE) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = dfObjective(delta, n, Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = dfObjective(delta, n, Math.exp(d));
    }
  }
  // The bracket ends are candidates too, so a maximum on the boundary is found exactly.
  let best = 0.5 * (a + b), fBest = dfObjective(delta, n, Math.exp(best));
  for (const x of [Math.log(lo), Math.log(hi)]) {
    const fx = dfObjective(delta, n, Math.exp(x));
    if (fx < fBest) {
      best = x;
      fBest = fx;
    }
  }
  return Math.exp(best);
}

/**
 * Fits a bivariate Student-t distribution (location μ, 2×2 scale matrix Σ, degrees of freedom ν)
 * to the pairs `(small[i], large[i])`, `i ∈ [start, end)`, of monthly simple returns (decimals)
 * by maximum likelihood with the ECME algorithm (Liu and Rubin, 1995):
 *
 * - E-step: weights `w_i = (ν + 2) / (ν + δ_i)` with `δ_i = (x_i − μ)ᵀ Σ⁻¹ (x_i − μ)` the squared
 *   Mahalanobis distance;
 * - CM-step 1: `μ = Σ w_i x_i / Σ w_i`, `Σ = (1/n) Σ w_i (x_i − μ)(x_i − μ)ᵀ`;
 * - CM-step 2: ν maximises the observed-data log-likelihood
 *   `ℓ = −n log(2π) − (n/2) log|Σ| − ((ν + 2)/2) Σ log(1 + δ_i/ν)` over `dfBounds` by
 *   golden-section search on log ν (Kiefer, 1953).
 *
 * Starts from the sample mean, the sample covariance (divisor n) and ν = 10, and iterates until
 * the relative change of ℓ is at most `tolerance` or `maxIterations` is reached (ECME never
 * decreases ℓ). A fitted ν at the upper bound means the data are indistinguishable from normal
 * at that bound; at the lower bound, tails at least as heavy as the bound allows. The covariance
 * of the fitted distribution is `Σ ν / (ν − 2)` ({@link studentTCovariance}).
 *
 * Units: `mu` in decimals per month, `scale` in decimals² per month, ν dimensionless.
 *
 * Degenerate input (never a throw): every numeric field NaN (iterations 0, converged false) when
 * the window holds fewer than {@link STUDENT_T_MIN_OBSERVATIONS} pairs, any value is not finite,
 * or the sample is singular (either leg constant, or the two legs exactly collinear:
 * `1 − ρ² < 1e-12`).
 *
 * @throws RangeError when the arrays differ in length, the window does not fit, or the options
 * are meaningless (programmer errors).
 */
export function fitStudentT(small: Float64Array, large: Float64Array, options: StudentTFitOptions = {}): StudentTFit {
  if (small.length !== large.length) {
    throw new RangeError(`fitStudentT: arrays must have the same length, got ${small.length} and ${large.length}`);
  }
  const start = options.start ?? 0, end = options.end ?? small.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > small.length || start > end) {
    throw new RangeError(`fitStudentT: window [${start}, ${end}) does not fit an array of length ${small.length}`);
  }
  const maxIterations = options.maxIterations ?? 1000, tolerance = options.tolerance ?? 1e-10;
  const [dfMin, dfMax] = options.dfBounds ?? [2.1, 200];
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new RangeError(`fitStudentT: maxIterations must be an integer >= 1, got ${maxIterations}`);
  if (!(tolerance >= 0)) throw new RangeError(`fitStudentT: tolerance must be >= 0, got ${tolerance}`);
  if (!(dfMin > 0 && dfMax > dfMin && Number.isFinite(dfMax))) throw new RangeError(`fitStudentT: dfBounds must satisfy 0 < min < max < Infinity, got [${dfMin}, ${dfMax}]`);

  const n = end - start;
  if (n < STUDENT_T_MIN_OBSERVATIONS) return degenerate(n);

  // Sample moments (two-pass, centred) as the starting point.
  let m1 = 0, m2 = 0;
  for (let i = start; i < end; i += 1) {
    const a = small[i], b = large[i];
    if (!Number.isFinite(a) || !Number.isFinite(b)) return degenerate(n);
    m1 += a;
    m2 += b;
  }
  m1 /= n;
  m2 /= n;
  let s11 = 0, s12 = 0, s22 = 0;
  for (let i = start; i < end; i += 1) {
    const a = small[i] - m1, b = large[i] - m2;
    s11 += a * a;
    s12 += a * b;
    s22 += b * b;
  }
  s11 /= n;
  s12 /= n;
  s22 /= n;
  if (!(s11 > 0 && s22 > 0) || 1 - (s12 * s12) / (s11 * s22) < SINGULAR_TOLERANCE) return degenerate(n);

  const delta = new Float64Array(n);
  let nu = 10, logL = -Infinity, iterations = 0, converged = false;
  const logTwoPi = Math.log(2 * Math.PI);
  while (iterations < maxIterations) {
    iterations += 1;
    // E-step at the current (μ, Σ, ν).
    let det = s11 * s22 - s12 * s12;
    let i11 = s22 / det, i12 = -s12 / det, i22 = s11 / det;
    let sw = 0, swx1 = 0, swx2 = 0;
    for (let i = 0; i < n; i += 1) {
      const a = small[start + i] - m1, b = large[start + i] - m2;
      const d = a * a * i11 + 2 * a * b * i12 + b * b * i22;
      const w = (nu + 2) / (nu + d);
      delta[i] = w; // holds the weight until the δ recomputation below
      sw += w;
      swx1 += w * small[start + i];
      swx2 += w * large[start + i];
    }
    // CM-step 1: μ, then Σ with the same weights.
    m1 = swx1 / sw;
    m2 = swx2 / sw;
    s11 = 0;
    s12 = 0;
    s22 = 0;
    for (let i = 0; i < n; i += 1) {
      const a = small[start + i] - m1, b = large[start + i] - m2, w = delta[i];
      s11 += w * a * a;
      s12 += w * a * b;
      s22 += w * b * b;
    }
    s11 /= n;
    s12 /= n;
    s22 /= n;
    det = s11 * s22 - s12 * s12;
    if (!(det > 0)) return degenerate(n);
    // CM-step 2: ν maximising the observed log-likelihood at the new μ, Σ.
    i11 = s22 / det;
    i12 = -s12 / det;
    i22 = s11 / det;
    for (let i = 0; i < n; i += 1) {
      const a = small[start + i] - m1, b = large[start + i] - m2;
      delta[i] = a * a * i11 + 2 * a * b * i12 + b * b * i22;
    }
    nu = maximiseDf(delta, n, dfMin, dfMax);
    const next = -n * logTwoPi - 0.5 * n * Math.log(det) - dfObjective(delta, n, nu);
    const change = Math.abs(next - logL);
    logL = next;
    if (change <= tolerance * (1 + Math.abs(next))) {
      converged = true;
      break;
    }
  }
  return { mu: [m1, m2], scale: [s11, s12, s22], df: nu, logLikelihood: logL, iterations, observations: n, converged };
}

/**
 * Covariance matrix `[c11, c12, c22]` (decimals² per month) of a bivariate Student-t:
 * `Σ · ν / (ν − 2)` (Kotz and Nadarajah, 2004). NaN entries when `ν <= 2` (infinite or
 * undefined variance) or any parameter is NaN.
 */
export function studentTCovariance(params: StudentTParameters): [number, number, number] {
  const { df } = params;
  const k = df > 2 ? df / (df - 2) : NaN;
  return [params.scale[0] * k, params.scale[1] * k, params.scale[2] * k];
}

/**
 * Bivariate Student-t log-density (natural log) of the pair `(x1, x2)` of monthly returns:
 * `−log(2π) − ½ log|Σ| − ((ν + 2)/2) log(1 + δ/ν)` with δ the squared Mahalanobis distance
 * from μ (Kotz and Nadarajah, 2004, eq. 1.1 with p = 2). NaN when Σ is not positive definite or
 * any argument is NaN.
 */
export function studentTLogDensity(params: StudentTParameters, x1: number, x2: number): number {
  const [s11, s12, s22] = params.scale, nu = params.df;
  const det = s11 * s22 - s12 * s12;
  if (!(det > 0 && s11 > 0 && nu > 0)) return NaN;
  const a = x1 - params.mu[0], b = x2 - params.mu[1];
  const d = (a * a * s22 - 2 * a * b * s12 + b * b * s11) / det;
  return -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * (nu + 2) * Math.log1p(d / nu);
}
