/**
 * Monte Carlo simulation of a rate-cut scenario through the rate-sensitivity lines fitted by
 * `estimation/rate-sensitivity-fit.ts`, with bootstrapped residuals.
 */
import type { RateSensitivityModel } from '../estimation/rate-sensitivity-fit';
import { drawdownDepthStep, drawdownPeakStep } from '../metrics/drawdown-tracker';
import { reseedInto, streamFor, type Rng } from '../random/xoshiro128';
import { checkPathArguments } from './student-t-internal';
import type { PathOutcomes } from './path-outcomes';
import { RETURN_FLOOR, type ParametricPathOptions } from './student-t-simulate';

/**
 * Module-level aliases of the Math functions used in hot loops: inside a vm context (Jest runs
 * specs in one) every lookup of the global `Math` goes through a slow interceptor; in plain Node
 * the aliases cost nothing.
 */
const { floor } = Math;

/** The legs a simulation needs; a full {@link RateSensitivityModel} fits this shape. */
export type RateSensitivityLegs = Pick<RateSensitivityModel, 'small' | 'large'>;

function checkRateArguments(model: RateSensitivityLegs, cutPath: Float64Array, horizon: number): void {
  if (model.small.residuals.length !== model.large.residuals.length) {
    throw new RangeError(
      `rate sensitivity: the legs must be fitted on the same months, got ${model.small.residuals.length} and ${model.large.residuals.length} residuals`,
    );
  }
  if (cutPath.length < horizon) throw new RangeError(`rate sensitivity: cutPath has ${cutPath.length} months, the horizon needs ${horizon}`);
}

/** False when a coefficient, a residual or a scenario month is not finite, or there are no residuals. */
function usable(model: RateSensitivityLegs, cutPath: Float64Array, horizon: number): boolean {
  const { small, large } = model;
  const es = small.residuals, el = large.residuals;
  if (es.length === 0) return false;
  if (![small.intercept, small.slope, large.intercept, large.slope].every(Number.isFinite)) return false;
  for (let i = 0; i < es.length; i += 1) if (!Number.isFinite(es[i]) || !Number.isFinite(el[i])) return false;
  for (let m = 0; m < horizon; m += 1) if (!Number.isFinite(cutPath[m])) return false;
  return true;
}

/**
 * One path of the rate-sensitivity model: month `m` of path `p` has
 * `r_leg = a_leg + b_leg · cutPath[m] + e_leg[k_m]` where `k_m` is a residual index drawn
 * uniformly (with replacement) from the fitted months, the SAME index for both legs, so their
 * joint residual structure (correlation, joint tails) is kept (a residual bootstrap, Efron and
 * Tibshirani, 1993, ch. 9). Returns are clipped at {@link RETURN_FLOOR}.
 */
function rateSensitivityPath(
  rng: Rng,
  model: RateSensitivityLegs,
  cutPath: Float64Array,
  horizon: number,
  outSmall: Float64Array | undefined,
  outLarge: Float64Array | undefined,
  out: PathOutcomes | undefined,
  slot: number,
): void {
  const { small, large } = model;
  const es = small.residuals, el = large.residuals, count = es.length;
  const as = small.intercept, bs = small.slope, al = large.intercept, bl = large.slope;
  let ws = 1, wl = 1, peakS = 1, peakL = 1, ddS = 0, ddL = 0; // two drawdown trackers, inlined
  for (let m = 0; m < horizon; m += 1) {
    // Multiply-shift index in [0, count): bias at most count / 2³².
    const k = floor((rng.nextU32() * count) / 4294967296);
    const dr = cutPath[m];
    let rs = as + bs * dr + es[k];
    let rl = al + bl * dr + el[k];
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
 * Monte Carlo of a rate-cut scenario through the fitted rate-sensitivity lines. Path `p`
 * (`firstPath <= p < firstPath + pathCount`), month `m` (`0 <= m < horizon`):
 * `r_leg = a_leg + b_leg · cutPath[m] + e_leg[k]`, `k` a residual index bootstrapped uniformly
 * with replacement from the fitted months (Efron and Tibshirani, 1993, ch. 9), the same `k` for
 * both legs so that their joint residual structure is kept. `cutPath[m]` is the policy-rate
 * change of scenario month m in percentage points (e.g. `[-0.25, -0.25, -0.25, 0, ...]`).
 *
 * Writes into `out` at `p − firstPath`: `smallReturn`, `largeReturn` = the compounded simple
 * return over the horizon, `prod (1 + r_m) − 1`; `smallMaxDrawdown`, `largeMaxDrawdown` = the
 * maximum drawdown of the monthly wealth path (a decimal <= 0; the starting wealth 1 counts as a
 * peak, as in `maxDrawdownFromReturns`). Monthly returns are clipped at {@link RETURN_FLOOR}
 * (−0.99) so wealth stays positive.
 *
 * Each path draws from its own stream `streamFor(seed, p)` (re-seeded into one generator, no
 * allocation per path), so results do not depend on how paths are split into shards.
 *
 * Limits: the model is linear in the rate change and assumes the fitted relation holds in the
 * scenario; it ignores regime changes (recessions, the reason for the cut, valuation), serial
 * dependence of returns (the bootstrap is i.i.d. over months) and any lead or lag between the
 * rate change and returns.
 *
 * Degenerate input: every output of the shard is NaN when a coefficient or residual is not
 * finite (a degenerate fit), a fit has no residuals, or a scenario month is not finite.
 *
 * @throws RangeError when the legs have different numbers of residuals, `cutPath` is shorter
 * than the horizon, or the options or output arrays do not fit (programmer errors).
 */
export function simulateRateSensitivityPaths(
  model: RateSensitivityLegs,
  cutPath: Float64Array,
  options: ParametricPathOptions,
  out: PathOutcomes,
): void {
  checkPathArguments('simulateRateSensitivityPaths', options, out);
  checkRateArguments(model, cutPath, options.horizon);
  const { horizon, seed, firstPath, pathCount } = options;
  if (pathCount === 0) return;
  const rng = streamFor(seed, firstPath);
  if (!usable(model, cutPath, horizon)) {
    out.smallReturn.fill(NaN, 0, pathCount);
    out.largeReturn.fill(NaN, 0, pathCount);
    out.smallMaxDrawdown.fill(NaN, 0, pathCount);
    out.largeMaxDrawdown.fill(NaN, 0, pathCount);
    return;
  }
  for (let j = 0; j < pathCount; j += 1) {
    reseedInto(rng, seed, firstPath + j);
    rateSensitivityPath(rng, model, cutPath, horizon, undefined, undefined, out, j);
  }
}

/**
 * Regenerates the monthly returns of path `pathIndex` of {@link simulateRateSensitivityPaths}
 * (same model, `cutPath`, `options.seed` and `options.horizon`; `firstPath` and `pathCount` are
 * ignored) into `outSmall[0..horizon)` and `outLarge[0..horizon)` (decimals, clipped at
 * {@link RETURN_FLOOR}). Compounding them gives exactly that path's outputs. NaN months for the
 * degenerate input of {@link simulateRateSensitivityPaths}.
 *
 * @throws RangeError as {@link simulateRateSensitivityPaths}, or when an output array is shorter
 * than the horizon or `pathIndex` is not an integer >= 0 (programmer errors).
 */
export function rateSensitivityPathInto(
  model: RateSensitivityLegs,
  cutPath: Float64Array,
  options: Pick<ParametricPathOptions, 'horizon' | 'seed'>,
  pathIndex: number,
  outSmall: Float64Array,
  outLarge: Float64Array,
): void {
  checkPathArguments('rateSensitivityPathInto', { ...options, firstPath: pathIndex, pathCount: 0 }, undefined, outSmall, outLarge);
  checkRateArguments(model, cutPath, options.horizon);
  const rng = streamFor(options.seed, pathIndex);
  if (!usable(model, cutPath, options.horizon)) {
    outSmall.fill(NaN, 0, options.horizon);
    outLarge.fill(NaN, 0, options.horizon);
    return;
  }
  rateSensitivityPath(rng, model, cutPath, options.horizon, outSmall, outLarge, undefined, 0);
}
