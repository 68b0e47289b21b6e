/**
 * Monte Carlo paths of monthly small-cap and large-cap returns drawn from a bivariate Student-t
 * (see student-t-fit), with compounded horizon returns and maximum drawdowns per path.
 */
import { drawdownDepthStep, drawdownPeakStep } from '../metrics/drawdown-tracker';
import { reseedInto, streamFor, type Rng } from '../random/xoshiro128';
import type { StudentTParameters } from '../estimation/student-t-fit';
import { zigguratNormal } from '../random/ziggurat-normal';
import { checkPathArguments } from './student-t-internal';
import type { PathOutcomes } from './path-outcomes';

/**
 * Module-level aliases of the Math functions used in hot loops: inside a vm context (Jest runs
 * specs in one) every lookup of the global `Math` goes through a slow interceptor; in plain Node
 * the aliases cost nothing.
 */
const { log, pow, sqrt } = Math;

/**
 * Lowest monthly simple return the parametric simulations allow (−0.99, a 99% loss). Draws below
 * it are clipped to it, so wealth stays positive and compounding stays defined: a symmetric
 * heavy-tailed model can otherwise draw returns below −100%. The clip is a modelling choice; it
 * binds only in extreme draws (for monthly equity-index fits, far beyond any observed month).
 */
export const RETURN_FLOOR = -0.99;

/**
 * Which paths a parametric simulation computes:
 * - `horizon`: months per path (integer >= 1);
 * - `seed`: the run's seed (integer in `[0, 2^53)`), path `p` draws from `streamFor(seed, p)`;
 * - `firstPath`, `pathCount`: the paths `firstPath .. firstPath + pathCount − 1` (a shard).
 */
export interface ParametricPathOptions {
  readonly horizon: number;
  readonly seed: number;
  readonly firstPath: number;
  readonly pathCount: number;
}

/** Constants of the sampler, computed once per call. `valid` false = degenerate parameters. */
interface SamplerConstants {
  readonly valid: boolean;
  readonly mu1: number;
  readonly mu2: number;
  /** Cholesky factor of Σ: `[[l11, 0], [l21, l22]]`. */
  readonly l11: number;
  readonly l21: number;
  readonly l22: number;
  /** ν / 2, the shape of the gamma variable `G = W / 2`. */
  readonly half: number;
  /** Marsaglia-Tsang constants for shape `a' = max(ν/2, ν/2 + 1)`: `d = a' − 1/3`, `c = 1/√(9d)`. */
  readonly d: number;
  readonly c: number;
  /** `1 / (ν/2)` when ν < 2 (the shape is boosted by 1 and `U^{2/ν}` applied), else 0. */
  readonly boostPower: number;
}

function samplerConstants(params: StudentTParameters): SamplerConstants {
  const [s11, s12, s22] = params.scale, nu = params.df;
  const l11 = Math.sqrt(s11), l21 = s12 / l11, l22sq = s22 - l21 * l21;
  const valid =
    Number.isFinite(params.mu[0]) && Number.isFinite(params.mu[1]) && s11 > 0 && l22sq > 0 && Number.isFinite(s11) && Number.isFinite(s22) && nu > 0 && Number.isFinite(nu);
  const half = nu / 2, shape = half < 1 ? half + 1 : half, d = shape - 1 / 3;
  return {
    valid,
    mu1: params.mu[0],
    mu2: params.mu[1],
    l11,
    l21,
    l22: Math.sqrt(l22sq),
    half,
    d,
    c: 1 / Math.sqrt(9 * d),
    boostPower: half < 1 ? 1 / half : 0,
  };
}

/**
 * One Student-t path: per month `X = μ + L z · sqrt((ν/2) / G)` with `z` two ziggurat normals
 * and `G ~ Gamma(ν/2)` by Marsaglia and Tsang (2000) (so `2G ~ χ²_ν` and `sqrt(ν / 2G)` is the
 * shared mixing factor `1 / sqrt(W/ν)`). Writes monthly returns into `outSmall`/`outLarge` when
 * given, and the path's summary into `out[slot]` when given.
 */
function studentTPath(
  rng: Rng,
  k: SamplerConstants,
  horizon: number,
  outSmall: Float64Array | undefined,
  outLarge: Float64Array | undefined,
  out: PathOutcomes | undefined,
  slot: number,
): void {
  const { mu1, mu2, l11, l21, l22, half, d, c, boostPower } = k;
  let ws = 1, wl = 1, peakS = 1, peakL = 1, ddS = 0, ddL = 0; // two drawdown trackers, inlined
  for (let m = 0; m < horizon; m += 1) {
    const z1 = zigguratNormal(rng), z2 = zigguratNormal(rng);
    // G ~ Gamma(shape) by Marsaglia and Tsang (2000), with the squeeze test first. Written out
    // here, not called: as a function it costs the Student-t simulation about 8% (measured), since
    // V8 then inlines fewer of the generator's and the normal sampler's calls into this loop.
    let g: number;
    for (;;) {
      const x = zigguratNormal(rng);
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = (rng.nextU32() + 0.5) / 4294967296; // in (0, 1); 32 bits suffice for an acceptance test
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) {
        g = d * v;
        break;
      }
    }
    // Shape ν/2 < 1: Gamma(a) = Gamma(a + 1) · U^{1/a} (Marsaglia and Tsang, 2000, sec. 6).
    if (boostPower !== 0) g *= pow(1 - rng.nextFloat(), boostPower);
    const scale = sqrt(half / g);
    let rs = mu1 + l11 * z1 * scale;
    let rl = mu2 + (l21 * z1 + l22 * z2) * scale;
    if (rs < RETURN_FLOOR) rs = RETURN_FLOOR;
    if (rl < RETURN_FLOOR) rl = RETURN_FLOOR;
    if (outSmall !== undefined && outLarge !== undefined) {
      outSmall[m] = rs;
      outLarge[m] = rl;
    }
    ws *= 1 + rs;
    wl *= 1 + rl;
    peakS = drawdownPeakStep(peakS, ws);
    ddS = drawdownDepthStep(ddS, peakS, ws);
    peakL = drawdownPeakStep(peakL, wl);
    ddL = drawdownDepthStep(ddL, peakL, wl);
  }
  if (out !== undefined) {
    out.smallReturn[slot] = ws - 1;
    out.largeReturn[slot] = wl - 1;
    out.smallMaxDrawdown[slot] = ddS;
    out.largeMaxDrawdown[slot] = ddL;
  }
}

/**
 * Simulates monthly paths of (small, large) simple returns from a bivariate Student-t (Kotz and
 * Nadarajah, 2004, sec. 1.1): each month `X = μ + L z / sqrt(W / ν)` with `L` the Cholesky factor
 * of the scale matrix Σ, `z` two independent standard normals (ziggurat, Marsaglia and Tsang,
 * 2000) and `W ~ χ²_ν` (as `2 · Gamma(ν/2)`, Marsaglia and Tsang's 2000 gamma method). The one
 * `W` per month is shared by both legs, which keeps the t's tail dependence: large moves of the
 * two legs come in the same months. Months are independent.
 *
 * Monthly returns `r = X`, clipped below at {@link RETURN_FLOOR} (−0.99). For path `p`
 * (`firstPath <= p < firstPath + pathCount`) writes, at `p − firstPath` of each output array, the
 * compounded return over `horizon` months and the maximum drawdown of the monthly wealth path
 * (see {@link PathOutcomes}). Units: decimals; `horizon` in months.
 *
 * Path `p` draws only from stream `streamFor(seed, p)` (re-seeded into one generator, no
 * allocation per path), so the results do not depend on how the paths are split into shards or
 * workers: simulating `[0, n)` at once or as `[0, k)` and `[k, n)` gives identical numbers.
 *
 * Degenerate input: every output of the shard is NaN when the parameters are not usable (a NaN
 * or infinite field, Σ not positive definite, ν <= 0). `fit.df` in (0, 2] is simulated (the
 * variance is then infinite).
 *
 * @throws RangeError when `horizon`, `seed`, `firstPath` or `pathCount` is not a valid integer
 * or an output array is shorter than `pathCount` (programmer errors).
 */
export function simulateStudentTPaths(fit: StudentTParameters, options: ParametricPathOptions, out: PathOutcomes): void {
  checkPathArguments('simulateStudentTPaths', options, out);
  const { horizon, seed, firstPath, pathCount } = options;
  if (pathCount === 0) return;
  const rng = streamFor(seed, firstPath);
  const k = samplerConstants(fit);
  if (!k.valid) {
    out.smallReturn.fill(NaN, 0, pathCount);
    out.largeReturn.fill(NaN, 0, pathCount);
    out.smallMaxDrawdown.fill(NaN, 0, pathCount);
    out.largeMaxDrawdown.fill(NaN, 0, pathCount);
    return;
  }
  for (let j = 0; j < pathCount; j += 1) {
    reseedInto(rng, seed, firstPath + j);
    studentTPath(rng, k, horizon, undefined, undefined, out, j);
  }
}

/**
 * Regenerates the monthly returns of path `pathIndex` of {@link simulateStudentTPaths} (same
 * `fit`, `options.seed` and `options.horizon`) into `outSmall[0..horizon)` and
 * `outLarge[0..horizon)` (decimals, clipped at {@link RETURN_FLOOR}); compounding them gives
 * exactly that path's outputs. Writes NaN months for degenerate parameters.
 *
 * @throws RangeError when `horizon`, `seed` or `pathIndex` is not a valid integer or an output
 * array is shorter than `horizon` (programmer errors).
 */
export function studentTPathInto(
  fit: StudentTParameters,
  options: Pick<ParametricPathOptions, 'horizon' | 'seed'>,
  pathIndex: number,
  outSmall: Float64Array,
  outLarge: Float64Array,
): void {
  const { horizon, seed } = options;
  checkPathArguments('studentTPathInto', { horizon, firstPath: pathIndex, pathCount: 0 }, undefined, outSmall, outLarge);
  const rng = streamFor(seed, pathIndex);
  const k = samplerConstants(fit);
  if (!k.valid) {
    outSmall.fill(NaN, 0, horizon);
    outLarge.fill(NaN, 0, horizon);
    return;
  }
  studentTPath(rng, k, horizon, outSmall, outLarge, undefined, 0);
}
