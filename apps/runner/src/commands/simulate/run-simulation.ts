import { join, relative } from 'node:path';
import { resultSchemaId } from '@ratecut/contracts';
import { fitRateSensitivityModel, fitStudentT, formatDay, GENERATOR_NAME, makeJointSource, monthlyRateChanges, optimalBlockLength, parseIsoDay, pathReturnsInto, prepareSource, rateSensitivityPathInto, studentTPathInto, totalEasingBp, type BootstrapMethod, type CycleFacts, type Issue } from '@ratecut/sim-core';
import { loadCuratedCycles, loadEasingCycles, loadMarketData, type Catalog, PAIRS } from '@ratecut/data-loader';
import { sha256File } from '../../cli/file-hashes';
import { VERSION } from '../../cli/version';
import { distributionJson, fanJson, histogramJson, probabilityAbove, probabilityGreater } from './outcome-summary';
import type { PathJobTemplate } from './path-job';
import { runPaths } from './run-paths';
import type { Scenario } from './scenario-schema';
import { buildSimulationInputs } from './simulation-inputs';
import { horizonSteps, MAX_FAN_PATHS } from './simulation-budget';
import { pathMarket, pathStrategies, PATH_STRATEGIES_NOTE, runStrategiesOnPath } from './strategy-paths';
import { ParameterError } from '@ratecut/sim-core';

/** A target such as `small:+20%`: the probability that the leg's horizon return is at least `level`. */
export interface Target {
  readonly leg: 'small' | 'large' | 'spread';
  readonly level: number;
  readonly text: string;
}

export interface SimulationSettings {
  readonly catalog: Catalog;
  readonly origin: string;
  readonly notice: string | null;
  readonly dataDir: string;
  readonly commandLine: string;
  readonly workers: number;
  readonly targets: readonly Target[];
  /** Paths (the first ones) regenerated for the fan chart and the strategies. */
  readonly strategyPaths: number;
  readonly onProgress?: (done: number, total: number) => void;
}

const FAN_PERCENTILES = [5, 10, 25, 50, 75, 90, 95];

/**
 * How often a path's wealth is sampled for its drawdowns (result key `drawdownSampling`): at
 * every step, so daily closes for the daily bootstrap and month-ends for the monthly methods
 * (student-t, rate-sensitivity, and any method on a monthly pair). A monthly path cannot see a
 * fall and recovery inside a month, so its drawdowns read shallower than a daily path's over
 * the same calendar horizon: the two are not comparable.
 */
export function drawdownSamplingOf(unit: 'trading days' | 'months', steps: number): { frequency: 'daily' | 'monthly'; steps: number; note: string } {
  return unit === 'months'
    ? { frequency: 'monthly', steps, note: `sampled at month-ends (${steps} monthly steps): falls within a month are not seen, so these drawdowns are shallower than daily ones over the same horizon and not comparable with a daily bootstrap's` }
    : { frequency: 'daily', steps, note: `sampled at daily closes (${steps} trading-day steps)` };
}

/**
 * Runs a scenario: picks the analog cycles, fits or prepares the method, simulates every path
 * (sharded over worker threads, identical for any count), summarises the outcomes, builds the
 * fan data and replays the path strategies on the first paths. Returns the result document.
 */
export async function runSimulation(
  scenario: Scenario,
  s: SimulationSettings,
): Promise<{ ok: true; result: Record<string, unknown>; warnings: Issue[]; notes: string[] } | { ok: false; issues: readonly Issue[] }> {
  const pair = PAIRS.find((p) => p.id === scenario.pair);
  if (!pair) throw new ParameterError(`unknown pair ${scenario.pair}`);
  const nberFile = join(s.dataDir, 'nber-business-cycles.json');
  const easing = loadEasingCycles(s.catalog, nberFile, { minMoveBp: 25, pauseMonths: 4 }, 12);
  if (!easing.ok) return easing;
  const market = loadMarketData(s.catalog, { small: pair.small, large: pair.large }, 'fedfunds', easing.value.history);
  if (!market.ok) return market;
  const { data } = market.value;
  const curatedFile = join(s.dataDir, 'easing-cycles.json');
  const curated = loadCuratedCycles(curatedFile);
  if (!curated.ok) return curated;
  const facts: CycleFacts = {
    emergency: new Map(curated.value.cycles.flatMap((c) => (c.emergency === undefined ? [] : [[parseIsoDay(c.firstCut), c.emergency] as const]))),
  };
  const inputs = buildSimulationInputs(data, easing.value.cycles, scenario, facts);
  if (inputs.missingIds.length > 0) {
    throw new ParameterError(`unknown cycle id ${inputs.missingIds.join(', ')}; detected cycles: ${easing.value.cycles.map((c) => c.cycle.id).join(', ')}`);
  }
  if (inputs.daily.length === 0) throw new ParameterError(`scenario ${scenario.name}: no analog cycle is covered by the ${pair.id} data`);

  const months = scenario.horizon.months;
  const method = scenario.method.kind;
  const bootstrap = method === 'stationary' || method === 'circular' || method === 'iid';
  const monthlyData = data.periodsPerYear === 12;
  const { steps, unit: stepUnit } = horizonSteps(scenario, monthlyData ? 'monthly' : 'daily');
  const cutPath = monthlyRateChanges(scenario.cutPath, months);

  let template: PathJobTemplate;
  let methodInfo: Record<string, unknown>;
  let regenerate: (pathIndex: number, outSmall: Float64Array, outLarge: Float64Array) => void;
  if (bootstrap) {
    const windows = inputs.daily.map((w) => ({ small: w.small, large: w.large }));
    let meanBlock = 1;
    let blockRule = 'iid: blocks of one observation';
    if (method !== 'iid') {
      const chosen = scenario.method.kind === method && 'meanBlock' in scenario.method ? scenario.method.meanBlock : 'auto';
      if (chosen === 'auto') {
        const concat = (leg: 'small' | 'large') => Float64Array.from(windows.flatMap((w) => Array.from(w[leg])));
        const a = optimalBlockLength(concat('small')), b = optimalBlockLength(concat('large'));
        meanBlock = Math.max(1, Math.round(((method === 'stationary' ? a.stationary + b.stationary : a.circular + b.circular) / 2) * 10) / 10);
        blockRule = 'automatic: mean of the two legs\' Politis-White (2004) estimates with the Patton, Politis and White (2009) correction';
      } else {
        meanBlock = chosen;
        blockRule = 'given';
      }
    }
    template = { kind: 'bootstrap', windows, periodsPerYear: data.periodsPerYear, method: method as BootstrapMethod, meanBlock, horizon: steps, seed: scenario.seed };
    methodInfo = {
      kind: method, meanBlock, blockRule,
      reference: method === 'stationary' ? 'Politis and Romano (1994), stationary bootstrap' : method === 'circular' ? 'Politis and Romano (1992), circular block bootstrap' : 'Efron (1979), iid bootstrap',
      jointDraws: 'both legs use the same indices, so their correlation is kept; blocks stay inside one analog window (circular within it)',
    };
    const prepared = prepareSource(makeJointSource(windows, data.periodsPerYear));
    regenerate = (i, a, b) => pathReturnsInto(prepared, { method: method as BootstrapMethod, meanBlock, horizon: steps, seed: scenario.seed }, i, a, b);
  } else if (method === 'student-t') {
    const ms = Float64Array.from(inputs.monthly.flatMap((w) => Array.from(w.small)));
    const ml = Float64Array.from(inputs.monthly.flatMap((w) => Array.from(w.large)));
    const fit = fitStudentT(ms, ml);
    template = { kind: 'student-t', fit, horizon: steps, seed: scenario.seed };
    methodInfo = { kind: method, reference: 'bivariate Student-t fitted by ECME (Liu and Rubin, 1995), simulated monthly with a shared chi-square mixing variable', fit };
    regenerate = (i, a, b) => studentTPathInto(fit, { horizon: steps, seed: scenario.seed }, i, a, b);
  } else {
    const model = fitRateSensitivityModel(inputs.history.small, inputs.history.large, inputs.history.dRate);
    template = { kind: 'rate-sensitivity', fits: { small: model.small, large: model.large }, cutPath, horizon: steps, seed: scenario.seed };
    const coef = (f: typeof model.small) => ({
      intercept: f.intercept, slope: f.slope, seIntercept: f.seIntercept, seSlope: f.seSlope,
      seInterceptRobust: f.seInterceptRobust, seSlopeRobust: f.seSlopeRobust, rSquared: f.rSquared, n: f.n,
    });
    methodInfo = {
      kind: method,
      reference: 'OLS of monthly returns on the monthly policy-rate change (percentage points) over the whole history, White (1980) robust standard errors; residuals bootstrapped jointly',
      regression: { small: coef(model.small), large: coef(model.large), spread: coef(model.spread) },
    };
    regenerate = (i, a, b) => rateSensitivityPathInto({ small: model.small, large: model.large }, cutPath, { horizon: steps, seed: scenario.seed }, i, a, b);
  }

  const out = await runPaths(template, scenario.paths, s.workers, s.onProgress);
  const spread = new Float64Array(scenario.paths);
  for (let i = 0; i < scenario.paths; i += 1) spread[i] = out.smallReturn[i] - out.largeReturn[i];

  // Fan and strategies on the first paths, regenerated with the same streams.
  const fanPaths = Math.min(scenario.paths, MAX_FAN_PATHS);
  const stratPaths = Math.min(scenario.paths, s.strategyPaths);
  const logS = new Float32Array(fanPaths * (steps + 1)), logL = new Float32Array(fanPaths * (steps + 1));
  const rs = new Float64Array(steps), rl = new Float64Array(steps);
  const strategies = pathStrategies(bootstrap && !monthlyData ? 252 : 12);
  const stratReturns = strategies.map(() => new Float64Array(stratPaths));
  const stratDrawdowns = strategies.map(() => new Float64Array(stratPaths));
  const startRate = data.policyRate[data.policyRate.length - 1];
  for (let p = 0; p < Math.max(fanPaths, stratPaths); p += 1) {
    regenerate(p, rs, rl);
    if (p < fanPaths) {
      let ws = 0, wl = 0;
      for (let t = 0; t < steps; t += 1) {
        ws += Math.log1p(rs[t]); wl += Math.log1p(rl[t]);
        logS[p * (steps + 1) + t + 1] = ws; logL[p * (steps + 1) + t + 1] = wl;
      }
    }
    if (p < stratPaths) {
      const m = pathMarket(rs, rl, bootstrap && !monthlyData ? 252 : 12, startRate, cutPath, data.days[data.days.length - 1]);
      runStrategiesOnPath(m, strategies).forEach(([ret, dd], k) => { stratReturns[k][p] = ret; stratDrawdowns[k][p] = dd; });
    }
  }

  const files = [s.catalog.path, ...s.catalog.series.filter((e) => [pair.small, pair.large, 'dff', 'fed-target'].map((id) => id.split(':')[0]).includes(e.id)).map((e) => join(s.catalog.dir, e.file)), nberFile, curatedFile];
  const display = (f: string) => (relative(s.dataDir, f).startsWith('..') ? relative(s.catalog.dir, f) : `ratecut:data/${relative(s.dataDir, f)}`);
  const targets = s.targets.map((t) => ({
    target: t.text, leg: t.leg, level: t.level,
    probability: probabilityAbove(t.leg === 'small' ? out.smallReturn : t.leg === 'large' ? out.largeReturn : spread, t.level),
  }));
  const drawdownSampling = drawdownSamplingOf(stepUnit, steps);
  const analogObservations = inputs.daily.reduce((n, w) => n + w.small.length, 0);
  const result: Record<string, unknown> = {
    ...(s.notice === null ? {} : { notice: s.notice }),
    schema: resultSchemaId('simulate'),
    ratecutVersion: VERSION,
    commandLine: s.commandLine,
    scenario,
    data: {
      catalog: s.catalog.path, origin: s.origin, synthetic: s.notice !== null,
      inputs: files.map((f) => ({ file: display(f), sha256: sha256File(f) })),
      pair: { id: pair.id, small: pair.small, large: pair.large, returnBasis: market.value.pair.returnBasis },
      first: formatDay(data.days[0]), last: formatDay(data.days[data.days.length - 1]),
    },
    generator: GENERATOR_NAME,
    seed: scenario.seed,
    paths: scenario.paths,
    method: methodInfo,
    horizon: { months, steps, unit: stepUnit },
    cutPath: { totalEasingBp: totalEasingBp(scenario.cutPath), monthlyChangePct: Array.from(cutPath) },
    analogs: {
      cycleIds: inputs.cycles.map((c) => c.cycle.id),
      cycles: inputs.cycles.length,
      observations: analogObservations,
      monthlyObservations: inputs.monthly.reduce((n, w) => n + w.small.length, 0),
      windowMonths: scenario.windowMonths,
      warnings: inputs.warnings,
    },
    conventions: {
      returns: `simple returns over the horizon as decimals; ${market.value.pair.returnBasis}; spread = small minus large, in decimal return points`,
      drawdown: `maximum drawdown of the wealth path over the horizon, as a negative decimal (starting wealth counts as a peak), ${drawdownSampling.note}`,
      var: 'VaR and CVaR are losses (positive numbers) of the horizon return at 95% and 99%',
      windows: 'each analog window runs from the last close before the first cut to windowMonths after it',
      ...(scenario.history.kind === 'analogs' && scenario.history.emergency !== undefined && curated.value.emergencyRule !== undefined
        ? { emergency: `${curated.value.emergencyRule} (ratecut:data/easing-cycles.json)` }
        : {}),
      determinism: 'path i draws from its own stream derived from (seed, i); results do not depend on the number of workers',
    },
    legs: {
      small: distributionJson(out.smallReturn),
      large: distributionJson(out.largeReturn),
      spread: distributionJson(spread),
    },
    probabilities: { smallBeatsLarge: probabilityGreater(out.smallReturn, out.largeReturn), targets },
    drawdowns: { small: distributionJson(out.smallMaxDrawdown), large: distributionJson(out.largeMaxDrawdown) },
    drawdownSampling,
    histograms: { bins: 60, small: histogramJson(out.smallReturn), large: histogramJson(out.largeReturn), spread: histogramJson(spread) },
    fan: { paths: fanPaths, stepUnit, percentiles: FAN_PERCENTILES, small: fanJson(logS, fanPaths, steps, FAN_PERCENTILES), large: fanJson(logL, fanPaths, steps, FAN_PERCENTILES) },
    strategies: {
      paths: stratPaths,
      note: `${PATH_STRATEGIES_NOTE}; each path is preceded by flat prices with the policy rate at its last observed level (${(startRate * 100).toFixed(2)}%), then follows the scenario's cut path; lag 1, 5+5 bp costs, cash at the policy rate`,
      results: strategies.map((st, k) => ({ name: st.name, horizonReturn: distributionJson(stratReturns[k]), maxDrawdown: distributionJson(stratDrawdowns[k]) })),
    },
  };
  const notes = [...inputs.warnings];
  return { ok: true, result, warnings: [...easing.warnings, ...market.warnings], notes };
}
