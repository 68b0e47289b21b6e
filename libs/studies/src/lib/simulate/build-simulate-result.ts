import { resultSchemaId, type Scenario, type SimulateMethodJson, type SimulateResultJson } from '@ratecut/contracts';
import { GENERATOR_NAME, totalEasingBp, type MarketData } from '@ratecut/sim-core';
import { distributionJson, fanJson, histogramJson, probabilityAbove, probabilityGreater } from './outcome-summary';
import type { MergedPathOutcomes } from './path-outcomes-study';
import type { PathRegenerator } from './path-model';
import { MAX_FAN_PATHS } from './simulation-budget';
import type { SimulationInputs } from './simulation-inputs';
import { drawdownSamplingOf, simulateConventions } from './simulate-conventions';
import type { SimulateTarget } from './simulate-target';
import { warmUpRule, warmUpShortfall, warmUpSpan, type PathWarmUp } from './path-warm-up';
import type { StrategyPathOutcomes } from './strategy-path-outcomes';
import { PATH_STRATEGIES, strategyPathsNote } from './strategy-paths';

/** Percentiles of the fan chart, at every step. */
const FAN_PERCENTILES = [5, 10, 25, 50, 75, 90, 95];

/** Bins of the outcome histograms. */
const HISTOGRAM_BINS = 60;

/** Everything a simulate result is built from besides the path outcomes: fixed when the study is planned. */
export interface SimulateFrame {
  /** The synthetic-sample notice, or null for real data. */
  readonly notice: string | null;
  readonly ratecutVersion: string;
  readonly commandLine: string;
  readonly scenario: Scenario;
  readonly data: SimulateResultJson['data'];
  /** The market the analogs were cut from. */
  readonly market: MarketData;
  /** The real rows before every path for the strategies (the market's last rows, ending at its last day: the paths' start). */
  readonly warmUp: PathWarmUp;
  readonly inputs: SimulationInputs;
  readonly method: SimulateMethodJson;
  readonly regenerate: PathRegenerator;
  readonly steps: number;
  readonly unit: 'trading days' | 'months';
  /** The scenario's monthly policy-rate changes, percentage points. */
  readonly cutPath: Float64Array;
  /** True when paths are daily (the bootstrap on a daily pair): strategies then run on 252 rows a year. */
  readonly dailyPaths: boolean;
  readonly targets: readonly SimulateTarget[];
  /** Paths (the first ones, at most the run's paths) on which the strategies were replayed. */
  readonly strategyPaths: number;
  /** The curated emergency rule when the scenario selects analogs by it. */
  readonly emergencyRule: string | undefined;
}

/**
 * Builds the `ratecut.simulate/1` document from the merged per-path outcomes (in path order,
 * with their distributions' accumulators, see `pathOutcomesMerger`): the
 * distributions of both legs and of small minus large, the probabilities, drawdowns,
 * histograms, the fan (the first {@link MAX_FAN_PATHS} paths regenerated with their own
 * streams) and the strategies' outcomes on the first paths (computed by the blocks:
 * `strategies`). Keys are written in a fixed order, so the same inputs give the same bytes.
 */
export function buildSimulateResult(frame: SimulateFrame, merged: MergedPathOutcomes, strategies: StrategyPathOutcomes): SimulateResultJson {
  const { scenario, steps, unit, warmUp } = frame;
  const { outcomes: out, spread, accumulators: acc } = merged;
  const paths = out.smallReturn.length;

  // The fan from the first paths, regenerated with the same streams.
  const fanPaths = Math.min(paths, MAX_FAN_PATHS);
  const logS = new Float32Array(fanPaths * (steps + 1)), logL = new Float32Array(fanPaths * (steps + 1));
  const rs = new Float64Array(steps), rl = new Float64Array(steps);
  for (let p = 0; p < fanPaths; p += 1) {
    frame.regenerate(p, rs, rl);
    let ws = 0, wl = 0;
    for (let t = 0; t < steps; t += 1) {
      ws += Math.log1p(rs[t]); wl += Math.log1p(rl[t]);
      logS[p * (steps + 1) + t + 1] = ws; logL[p * (steps + 1) + t + 1] = wl;
    }
  }
  const span = warmUpSpan(warmUp);
  const warmUpUnit = warmUp.periodsPerYear === 12 ? 'month-ends' as const : 'trading days' as const;

  const targets = frame.targets.map((t) => ({
    target: t.text, leg: t.leg, level: t.level,
    probability: probabilityAbove(t.leg === 'small' ? out.smallReturn : t.leg === 'large' ? out.largeReturn : spread, t.level),
  }));
  const drawdownSampling = drawdownSamplingOf(unit, steps);
  const { inputs } = frame;
  return {
    ...(frame.notice === null ? {} : { notice: frame.notice }),
    schema: resultSchemaId('simulate'),
    ratecutVersion: frame.ratecutVersion,
    commandLine: frame.commandLine,
    scenario,
    data: frame.data,
    generator: GENERATOR_NAME,
    seed: scenario.seed,
    paths: scenario.paths,
    method: frame.method,
    horizon: { months: scenario.horizon.months, steps, unit },
    cutPath: { totalEasingBp: totalEasingBp(scenario.cutPath), monthlyChangePct: Array.from(frame.cutPath) },
    analogs: {
      cycleIds: inputs.cycles.map((c) => c.cycle.id),
      cycles: inputs.cycles.length,
      observations: inputs.daily.reduce((n, w) => n + w.small.length, 0),
      monthlyObservations: inputs.monthly.reduce((n, w) => n + w.small.length, 0),
      windowMonths: scenario.windowMonths,
      warnings: [...inputs.warnings],
    },
    conventions: simulateConventions(frame.data.pair.returnBasis, drawdownSampling, frame.emergencyRule),
    legs: {
      small: distributionJson(out.smallReturn, acc.smallReturn),
      large: distributionJson(out.largeReturn, acc.largeReturn),
      spread: distributionJson(spread, acc.spread),
    },
    probabilities: { smallBeatsLarge: probabilityGreater(out.smallReturn, out.largeReturn), targets },
    drawdowns: { small: distributionJson(out.smallMaxDrawdown, acc.smallMaxDrawdown), large: distributionJson(out.largeMaxDrawdown, acc.largeMaxDrawdown) },
    drawdownSampling,
    histograms: {
      bins: HISTOGRAM_BINS,
      small: histogramJson(out.smallReturn, HISTOGRAM_BINS, acc.smallReturn),
      large: histogramJson(out.largeReturn, HISTOGRAM_BINS, acc.largeReturn),
      spread: histogramJson(spread, HISTOGRAM_BINS, acc.spread),
    },
    fan: { paths: fanPaths, stepUnit: unit, percentiles: FAN_PERCENTILES, small: fanJson(logS, fanPaths, steps, FAN_PERCENTILES), large: fanJson(logL, fanPaths, steps, FAN_PERCENTILES), spread: fanJson(logS, fanPaths, steps, FAN_PERCENTILES, logL) },
    strategies: {
      paths: strategies.paths,
      note: strategyPathsNote(warmUp, span.first, span.last),
      warmUp: {
        rows: warmUp.days.length, needed: warmUp.needed, unit: warmUpUnit, first: span.first, last: span.last,
        rule: warmUpRule(warmUp),
        warning: warmUpShortfall(warmUp),
      },
      results: PATH_STRATEGIES.map((st, k) => ({ name: st.name, horizonReturn: distributionJson(strategies.returns[k]), maxDrawdown: distributionJson(strategies.drawdowns[k]) })),
    },
  };
}
