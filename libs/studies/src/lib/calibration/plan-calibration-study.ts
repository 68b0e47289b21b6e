import { join } from 'node:path';
import {
  CALIBRATION_LEGS, CALIBRATION_SCHEMA, type CalibrationResultJson, type Scenario,
} from '@ratecut/contracts';
import { loadEasingCycles, loadMarketData, PAIRS } from '@ratecut/data-loader';
import { loadCycleFacts } from '../inputs/cycle-facts';
import {
  binomialTwoSided, centralCoverage, DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS, monthlyRateChanges, pitHistogram,
  type ClassifiedCycle, type CycleFacts, type Issue, type LoadResult, type MarketData,
} from '@ratecut/sim-core';
import type { StudyData } from '../inputs/study-data';
import type { Study } from '../study/study';
import { splitRange, type ItemRange } from '../study/split-range';
import { choosePathModel } from '../simulate/path-model';
import { horizonSteps } from '../simulate/simulation-budget';
import { buildSimulationInputs } from '../simulate/simulation-inputs';
import { FORECAST_BLOCK, FORECAST_PERCENTILES, forecastFields, type ForecastContext, type ForecastRun } from '../now/forecast-block';

/** What a calibration study is asked: the scenarios (each with its file, named in issues) and the paths per held-out cycle. */
export interface CalibrationRequest extends StudyData {
  readonly scenarios: readonly { readonly scenario: Scenario; readonly file: string }[];
  readonly paths: number;
  readonly commandLine: string;
  readonly ratecutVersion: string;
}

/**
 * The calibration study: one block per held-out cycle, merged into the `ratecut.calibration/1`
 * document. Each block is a forecast run of `ratecut now`'s executor (the paths of the fold's
 * model, the PIT of the realized outcomes and the percentiles), with no targets.
 */
export type CalibrationStudy = Study<{ readonly folds: number }, ForecastContext, ItemRange, Float64Array, CalibrationResultJson>;

/** The defaults of the calibration study: paths per held-out cycle, and bins of the PIT histogram. */
export const CALIBRATION_DEFAULTS = { paths: 10_000, bins: 5 } as const;

type ScenarioDoc = CalibrationResultJson['scenarios'][number];

/** One pair's data: its market, the detected cycles and the curated facts. */
interface PairData {
  readonly data: MarketData;
  readonly cycles: readonly ClassifiedCycle[];
  readonly facts: CycleFacts;
  readonly returnBasis: string;
}

/** `Π (1 + r) − 1` over the first `steps` returns. */
function compound(returns: Float64Array, steps: number): number {
  let g = 1;
  for (let i = 0; i < steps; i += 1) g *= 1 + returns[i];
  return g - 1;
}

/**
 * Plans the calibration of the scenario simulator: for each scenario and each of its analog
 * cycles in the data with a realized outcome over the horizon, the scenario's model (method,
 * block length rule, cut path, seed) rebuilt from the *other* analogs only, simulated for
 * `paths` paths; the block reports where the held-out cycle's realized returns (from the close
 * before its first cut, over the same number of steps) fall among the draws. Cross-validation
 * by cycles: the other analogs may lie after the held-out one (see the document's caveat).
 * Scenarios drawing from the full history have no cycle to hold out and are listed with every
 * analog skipped. Data problems are the loaders' issues.
 */
export function planCalibrationStudy(request: CalibrationRequest): LoadResult<CalibrationStudy> {
  const { catalog, factsDir } = request;
  const nberFile = join(factsDir, 'nber-business-cycles.json');
  const loadedFacts = loadCycleFacts(factsDir);
  if (!loadedFacts.ok) return loadedFacts;
  const { facts } = loadedFacts.value;
  const easing = loadEasingCycles(catalog, nberFile, DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS);
  if (!easing.ok) return easing;
  const warnings: Issue[] = [...easing.warnings];
  const pairs = new Map<string, PairData>();
  const pairData = (id: string, file: string): LoadResult<PairData> => {
    const known = pairs.get(id);
    if (known !== undefined) return { ok: true, value: known, warnings: [] };
    const pair = PAIRS.find((p) => p.id === id);
    if (pair === undefined) return { ok: false, issues: [{ code: 'bad-parameter', severity: 'error', file, message: `pair: unknown pair ${id}; expected ${PAIRS.map((p) => p.id).join(', ')}` }] };
    const market = loadMarketData(catalog, { small: pair.small, large: pair.large }, 'fedfunds', easing.value.history);
    if (!market.ok) return market;
    warnings.push(...market.warnings);
    const value = { data: market.value.data, cycles: easing.value.cycles, facts, returnBasis: market.value.pair.returnBasis };
    pairs.set(id, value);
    return { ok: true, value, warnings: [] };
  };

  const folds: ForecastRun[] = [];
  const heads: (Omit<ScenarioDoc, 'folds' | 'calibration'> & { readonly foldCycles: string[]; readonly drawn: string[][]; readonly realized: [number, number, number][] })[] = [];
  for (const { scenario, file } of request.scenarios) {
    const loaded = pairData(scenario.pair, file);
    if (!loaded.ok) return loaded;
    const { data, cycles, returnBasis } = loaded.value;
    const ppy = data.periodsPerYear;
    const { steps, unit } = horizonSteps(scenario, ppy === 12 ? 'monthly' : 'daily');
    const cutPath = monthlyRateChanges(scenario.cutPath, scenario.horizon.months);
    const inputs = buildSimulationInputs(data, cycles, scenario, loaded.value.facts);
    const analogs = inputs.cycles.map((c) => c.cycle.id);
    const head = {
      name: scenario.name, title: scenario.title, pair: scenario.pair, returnBasis, horizon: { steps, unit }, method: scenario.method.kind, seed: scenario.seed,
      analogs, skipped: [] as { cycle: string; reason: string }[], foldCycles: [] as string[], drawn: [] as string[][], realized: [] as [number, number, number][],
    };
    heads.push(head);
    if (scenario.history.kind === 'full-history') {
      head.skipped.push({ cycle: 'all', reason: 'the scenario draws from the full history, not from cycles: nothing to hold out' });
      continue;
    }
    for (const id of analogs) {
      const held = buildSimulationInputs(data, cycles, { ...scenario, history: { kind: 'cycles', ids: [id] } }, loaded.value.facts);
      const series = unit === 'trading days' ? held.daily[0] : held.monthly[0];
      if (series === undefined || series.small.length < steps) {
        head.skipped.push({ cycle: id, reason: `the data hold ${series?.small.length ?? 0} of the horizon's ${steps} ${unit} after its first cut` });
        continue;
      }
      const others = analogs.filter((a) => a !== id);
      if (others.length === 0) {
        head.skipped.push({ cycle: id, reason: 'no other analog cycle to draw from' });
        continue;
      }
      const without = { ...scenario, history: { kind: 'cycles' as const, ids: others } };
      const model = choosePathModel(without, buildSimulationInputs(data, cycles, without, loaded.value.facts), ppy, steps, cutPath);
      const small = compound(series.small, steps), large = compound(series.large, steps);
      const realized: [number, number, number] = [small, large, small - large];
      folds.push({ job: model.job, realized });
      head.foldCycles.push(id);
      head.drawn.push(others);
      head.realized.push(realized);
    }
  }
  if (folds.length === 0) {
    return { ok: false, issues: [{ code: 'bad-scenario', severity: 'error', file: request.scenarios.map((s) => s.file).join(', '), message: 'no analog cycle can be held out: each needs a realized outcome over the horizon and another analog to draw from' }] };
  }

  const bins = CALIBRATION_DEFAULTS.bins, P = FORECAST_PERCENTILES.length, fields = forecastFields(0);
  const blocks = splitRange(folds.length, 1);
  const merge = (outputs: readonly Float64Array[]): CalibrationResultJson => {
    let next = 0;
    const scenarios = heads.map(({ foldCycles, drawn, realized, skipped, ...head }): ScenarioDoc => {
      const rows = foldCycles.map((cycle, i) => {
        const out = outputs[next + i];
        const legs = <T>(f: (leg: number) => T) => ({ small: f(0), large: f(1), spread: f(2) });
        if (out.length !== fields) throw new RangeError(`calibration: block ${next + i} gave ${out.length} numbers, expected ${fields}`);
        // The forecast run's layout without targets: P(small > large), the percentiles of each outcome, then the PITs.
        return {
          cycle, drawnFrom: drawn[i], realized: legs((l) => realized[i][l]), pit: legs((l) => out[1 + 3 * P + l]),
          quantiles: legs((l) => Array.from(out.subarray(1 + l * P, 1 + (l + 1) * P))),
        };
      });
      next += foldCycles.length;
      const summary = (leg: (typeof CALIBRATION_LEGS)[number]) => {
        const pits = rows.map((r) => r.pit[leg]);
        const n = pits.length;
        const c50 = centralCoverage(pits, 0.5), c90 = centralCoverage(pits, 0.9);
        return {
          n, coverage50: n === 0 ? null : c50, coverage90: n === 0 ? null : c90,
          pCoverage90: n === 0 ? null : binomialTwoSided(Math.round(c90 * n), n, 0.9), histogram: pitHistogram(pits, bins),
        };
      };
      return { ...head, folds: rows, skipped, calibration: { small: summary('small'), large: summary('large'), spread: summary('spread') } };
    });
    return {
      ...(request.notice === null ? {} : { notice: request.notice }),
      schema: CALIBRATION_SCHEMA, ratecutVersion: request.ratecutVersion, commandLine: request.commandLine,
      settings: { paths: request.paths, bins },
      conventions: {
        holdOut: 'each analog cycle of a scenario held out in turn; the scenario\'s model (method, block-length rule, cut path, seed) rebuilt from the other analogs only and simulated for settings.paths paths',
        realized: 'the held-out cycle\'s return over the horizon\'s steps from the close before its first cut (as the simulation\'s analog windows start), small, large and small − large, decimals',
        pit: 'the probability integral transform (Dawid 1984): the share of simulated outcomes below the realized one, ties counted half; uniform on [0, 1] for a calibrated simulator',
        coverage: 'the share of folds whose PIT lies in the central 50 % ([0.25, 0.75]) and 90 % ([0.05, 0.95]) intervals; pCoverage90: the exact two-sided binomial test of the 90 % coverage against 0.9; histogram: PIT counts in equal bins of [0, 1]',
        caveat: 'cross-validation by cycles, not a real-time test: the other analogs may lie after the held-out cycle; the folds of one scenario share cycles with other scenarios\' folds, so the scenarios are not independent tests',
      },
      scenarios,
    };
  };
  return {
    ok: true,
    warnings,
    value: {
      kind: 'calibration', plan: { folds: folds.length }, unit: 'held-out cycles', blocks, execute: FORECAST_BLOCK, warnings,
      context: { runs: folds, paths: request.paths, targets: [] }, merge,
    },
  };
}
