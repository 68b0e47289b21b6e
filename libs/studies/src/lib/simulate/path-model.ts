import type { Scenario, SimulateMethodJson } from '@ratecut/contracts';
import {
  fitRateSensitivityModel, fitStudentT, makeJointSource, optimalBlockLength, prepareSource, type BootstrapMethod, type RateSensitivityFit,
} from '@ratecut/sim-core';
import type { PathJob } from './path-job';
import { pathRegenerator, type PathRegenerator } from './path-regenerator';
import type { SimulationInputs } from './simulation-inputs';

export type { PathRegenerator } from './path-regenerator';

/** A scenario's path model, ready to run: the job for the blocks, the method as written, and a regenerator of single paths. */
export interface ChosenPathModel {
  readonly job: PathJob;
  readonly method: SimulateMethodJson;
  readonly regenerate: PathRegenerator;
}

const BOOTSTRAP_REFERENCE: Readonly<Record<BootstrapMethod, string>> = {
  stationary: 'Politis and Romano (1994), stationary bootstrap',
  circular: 'Politis and Romano (1992), circular block bootstrap',
  iid: 'Efron (1979), iid bootstrap',
};

/**
 * Mean block length of a block bootstrap: the scenario's, or chosen automatically as the mean
 * of the two legs' Politis and White (2004) estimates with the Patton, Politis and White (2009)
 * correction over the concatenated analog windows, rounded to 0.1 row (at least 1). The iid
 * bootstrap uses blocks of one observation.
 */
export function chooseMeanBlock(
  method: BootstrapMethod,
  given: number | 'auto',
  windows: readonly { readonly small: Float64Array; readonly large: Float64Array }[],
): { meanBlock: number; blockRule: string } {
  if (method === 'iid') return { meanBlock: 1, blockRule: 'iid: blocks of one observation' };
  if (given !== 'auto') return { meanBlock: given, blockRule: 'given' };
  const concat = (leg: 'small' | 'large'): Float64Array => Float64Array.from(windows.flatMap((w) => Array.from(w[leg])));
  const a = optimalBlockLength(concat('small')), b = optimalBlockLength(concat('large'));
  const estimate = Math.max(1, Math.round(((method === 'stationary' ? a.stationary + b.stationary : a.circular + b.circular) / 2) * 10) / 10);
  // Returns without variance (or too few) give no estimate: blocks of one observation, said so.
  if (!Number.isFinite(estimate)) return { meanBlock: 1, blockRule: 'automatic, but the Politis-White (2004) estimate is undefined for these returns (no variance or too few): 1' };
  return { meanBlock: estimate, blockRule: 'automatic: mean of the two legs\' Politis-White (2004) estimates with the Patton, Politis and White (2009) correction' };
}

/** The coefficients of one regression fit as written (no residuals or t statistics). */
function regressionJson(f: RateSensitivityFit): Extract<SimulateMethodJson, { kind: 'rate-sensitivity' }>['regression']['small'] {
  return {
    intercept: f.intercept, slope: f.slope, seIntercept: f.seIntercept, seSlope: f.seSlope,
    seInterceptRobust: f.seInterceptRobust, seSlopeRobust: f.seSlopeRobust, rSquared: f.rSquared, n: f.n,
  };
}

/**
 * Prepares the scenario's method on its inputs: the joint bootstrap of the analog windows'
 * per-period returns (block length given or automatic), the bivariate Student-t fitted to their
 * monthly returns, or the rate-sensitivity regression over the whole monthly history driven by
 * the scenario's monthly cut path (`cutPath`, percentage points). `steps` is the horizon in
 * the method's steps.
 */
export function choosePathModel(scenario: Scenario, inputs: SimulationInputs, periodsPerYear: number, steps: number, cutPath: Float64Array): ChosenPathModel {
  const { seed } = scenario;
  const kind = scenario.method.kind;
  if (kind === 'stationary' || kind === 'circular' || kind === 'iid') {
    const windows = inputs.daily.map((w) => ({ small: w.small, large: w.large }));
    const given = 'meanBlock' in scenario.method ? scenario.method.meanBlock : 'auto';
    const { meanBlock, blockRule } = chooseMeanBlock(kind, given, windows);
    const job: PathJob = { kind: 'bootstrap', windows, periodsPerYear, method: kind, meanBlock, horizon: steps, seed };
    return {
      job,
      method: {
        kind, meanBlock, blockRule,
        reference: BOOTSTRAP_REFERENCE[kind],
        jointDraws: 'both legs use the same indices, so their correlation is kept; blocks stay inside one analog window (circular within it)',
      },
      regenerate: pathRegenerator(job, prepareSource(makeJointSource(windows, periodsPerYear))),
    };
  }
  if (kind === 'student-t') {
    const ms = Float64Array.from(inputs.monthly.flatMap((w) => Array.from(w.small)));
    const ml = Float64Array.from(inputs.monthly.flatMap((w) => Array.from(w.large)));
    const fit = fitStudentT(ms, ml);
    const job: PathJob = { kind: 'student-t', fit, horizon: steps, seed };
    return {
      job,
      method: { kind, reference: 'bivariate Student-t fitted by ECME (Liu and Rubin, 1995), simulated monthly with a shared chi-square mixing variable', fit },
      regenerate: pathRegenerator(job),
    };
  }
  const model = fitRateSensitivityModel(inputs.history.small, inputs.history.large, inputs.history.dRate);
  const fits = { small: model.small, large: model.large };
  const job: PathJob = { kind: 'rate-sensitivity', fits, cutPath, horizon: steps, seed };
  return {
    job,
    method: {
      kind,
      reference: 'OLS of monthly returns on the monthly policy-rate change (percentage points) over the whole history, White (1980) robust standard errors; residuals bootstrapped jointly',
      regression: { small: regressionJson(model.small), large: regressionJson(model.large), spread: regressionJson(model.spread) },
    },
    regenerate: pathRegenerator(job),
  };
}
