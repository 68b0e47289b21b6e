import type { StudyData } from '../inputs/study-data';
import { join } from 'node:path';
import type { Scenario, SimulateMethodJson, SimulateResultJson } from '@ratecut/contracts';
import { loadEasingCycles, loadMarketData, PAIRS } from '@ratecut/data-loader';
import { loadCycleFacts } from '../inputs/cycle-facts';
import {
  DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS, formatDay, jsonPathOf, monthlyRateChanges,
  type Issue, type LoadResult,
} from '@ratecut/sim-core';
import type { ItemRange } from '../study/split-range';
import type { Study } from '../study/study';
import { buildSimulateResult } from './build-simulate-result';
import { fingerprintInputs } from '../inputs/input-fingerprints';
import { PATH_BLOCK_EXECUTOR, type PathBlockOutput, type PathJob } from './path-job';
import { mergePathOutcomes, pathBlocks, pathOutcomesMerger } from './path-outcomes-study';
import { choosePathModel } from './path-model';
import { pathWarmUp } from './path-warm-up';
import {
  budgetProblems, defaultStrategyPaths, DEFAULT_STRATEGY_PATHS, estimateSimulation, horizonSteps, RUN_LIMITS, type SimulationEstimate,
} from './simulation-budget';
import { buildSimulationInputs } from './simulation-inputs';
import type { SimulateTarget } from './simulate-target';
import { strategyPathOutcomesMerger } from './strategy-path-outcomes';

/**
 * True for the issue {@link planSimulateStudy} gives when the data cover none of the scenario's
 * analog cycles (the only issue it reports at `history`): a caller running several scenarios
 * on partial data may skip that scenario.
 */
export function isUncoveredAnalogsIssue(issue: Issue): boolean {
  return issue.code === 'bad-scenario' && issue.jsonPath === 'history';
}

/** Everything a simulate run is asked: the scenario (flags applied), its data and what to report. */
export interface SimulateRequest extends StudyData {
  readonly scenario: Scenario;
  /** The scenario file, named in issues. */
  readonly scenarioFile: string;
  /** The command line written in the result (without anything that does not change it, such as `--workers`). */
  readonly commandLine: string;
  readonly ratecutVersion: string;
  readonly targets: readonly SimulateTarget[];
  /**
   * Paths (the first ones, at most the run's paths) on which the strategies are replayed;
   * absent: every path up to 100,000, fewer if the run would exceed its limits otherwise
   * (`defaultStrategyPaths`, with a warning).
   */
  readonly strategyPaths?: number;
  /**
   * Where the run's sizes come from, named in a too-large issue: e.g. `--paths` or
   * `paths in s.json`, `horizon.months in s.json`, `--strategy-paths (default 100,000)`.
   */
  readonly sizeSources: { readonly paths: string; readonly horizon: string; readonly strategyPaths: string };
}

/** What a simulate study runs: the scenario, its data, cost estimate and method. */
export interface SimulatePlan {
  readonly scenario: Scenario;
  readonly scenarioFile: string;
  /** Time and memory the run was priced at (it fits the limits). */
  readonly estimate: SimulationEstimate;
  readonly data: SimulateResultJson['data'];
  readonly method: SimulateMethodJson;
  readonly analogCycleIds: readonly string[];
}

/** The simulate study: blocks of paths, merged into the `ratecut.simulate/1` document. */
export type SimulateStudy = Study<SimulatePlan, PathJob, ItemRange, PathBlockOutput, SimulateResultJson>;

/** An error issue; with `keys`, located at that JSON path of the scenario, which the message names first. */
const error = (code: Issue['code'], file: string, message: string, keys?: readonly PropertyKey[]): Issue => {
  const jsonPath = keys === undefined ? '' : jsonPathOf(keys);
  return { code, severity: 'error', file, message: jsonPath === '' ? message : `${jsonPath}: ${message}`, ...(keys === undefined ? {} : { jsonPath }) };
};

/**
 * Plans a simulation: checks the pair and prices the run against the limits (before reading
 * any data), loads the policy-rate history, easing cycles, the pair's market data and the
 * curated cycle facts, fingerprints every input, picks the analog cycles and cuts their
 * windows, and prepares the method (block length, Student-t fit or rate regression). The
 * study's blocks are path ranges fixed by the path count; each also replays the strategies on
 * its paths among the first `strategyPaths` (on the real warm-up rows before the market's last
 * day, see `pathWarmUp`); its merge builds the result document (fan, strategies on paths,
 * summaries).
 *
 * User mistakes come back as issues, never thrown: an unknown pair (`bad-parameter`, at
 * `pair`), a run over the limits (`too-large`, naming the sizes and where they come from),
 * unknown cycle ids (`bad-scenario`, at `history.ids[i]`), no analog covered by the data
 * (`bad-scenario`, at `history`), and every data issue of the loaders. Loader warnings
 * (e.g. gaps) are the study's `warnings`, emitted by `runStudy` (so the result's own
 * `warnings` list is empty).
 */
export function planSimulateStudy(request: SimulateRequest): LoadResult<SimulateStudy> {
  const { scenario, scenarioFile, catalog, factsDir } = request;
  const pair = PAIRS.find((p) => p.id === scenario.pair);
  if (!pair) {
    return { ok: false, issues: [error('bad-parameter', scenarioFile, `unknown pair ${scenario.pair}; expected ${PAIRS.map((p) => p.id).join(', ')}`, ['pair'])] };
  }
  const asked = request.strategyPaths ?? defaultStrategyPaths(scenario, pair.frequency);
  const lowered: Issue[] = request.strategyPaths === undefined && asked < Math.min(scenario.paths, DEFAULT_STRATEGY_PATHS)
    ? [{ code: 'too-large', severity: 'warning', file: scenarioFile, message: `strategies replayed on the first ${asked.toLocaleString('en-US')} paths only (default: every path up to ${DEFAULT_STRATEGY_PATHS.toLocaleString('en-US')}), so the run stays within ${RUN_LIMITS.maxSeconds} s; set ${request.sizeSources.strategyPaths.split(' ')[0]} to choose` }]
    : [];
  const estimate = estimateSimulation(scenario, pair.frequency, asked);
  const tooLarge = budgetProblems(estimate, asked, request.sizeSources);
  if (tooLarge.length > 0) return { ok: false, issues: tooLarge.map((m) => error('too-large', scenarioFile, m)) };

  const nberFile = join(factsDir, 'nber-business-cycles.json');
  const easing = loadEasingCycles(catalog, nberFile, DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS);
  if (!easing.ok) return easing;
  const market = loadMarketData(catalog, { small: pair.small, large: pair.large }, 'fedfunds', easing.value.history);
  if (!market.ok) return market;
  const { data } = market.value;
  const loadedFacts = loadCycleFacts(factsDir);
  if (!loadedFacts.ok) return loadedFacts;
  const { facts, curated, file: curatedFile } = loadedFacts.value;
  const inputs = buildSimulationInputs(data, easing.value.cycles, scenario, facts);
  if (inputs.missingIds.length > 0) {
    const detected = easing.value.cycles.map((c) => c.cycle.id).join(', ');
    const ids = scenario.history.kind === 'cycles' ? scenario.history.ids : [];
    return {
      ok: false,
      issues: inputs.missingIds.map((id) => error('bad-scenario', scenarioFile, `unknown cycle id ${id}; detected cycles: ${detected}`, ['history', 'ids', Math.max(0, ids.indexOf(id))])),
    };
  }
  if (inputs.daily.length === 0) {
    return { ok: false, issues: [error('bad-scenario', scenarioFile, `scenario ${scenario.name}: no analog cycle is covered by the ${pair.id} data`, ['history'])] };
  }

  const { steps, unit } = horizonSteps(scenario, data.periodsPerYear === 12 ? 'monthly' : 'daily');
  const cutPath = monthlyRateChanges(scenario.cutPath, scenario.horizon.months);
  const model = choosePathModel(scenario, inputs, data.periodsPerYear, steps, cutPath);
  const bootstrap = model.job.kind === 'bootstrap';
  const files = [
    catalog.path,
    ...catalog.series.filter((e) => [pair.small, pair.large, 'dff', 'fed-target'].map((id) => id.split(':')[0]).includes(e.id)).map((e) => join(catalog.dir, e.file)),
    nberFile,
    curatedFile,
  ];
  const dataJson: SimulateResultJson['data'] = {
    catalog: catalog.path, origin: request.origin, synthetic: request.notice !== null,
    inputs: fingerprintInputs(files, catalog.dir, factsDir),
    pair: { id: pair.id, small: pair.small, large: pair.large, returnBasis: market.value.pair.returnBasis },
    first: formatDay(data.days[0]), last: formatDay(data.days[data.days.length - 1]),
  };
  const emergencyRule = scenario.history.kind === 'analogs' && scenario.history.emergency !== undefined ? curated.emergencyRule : undefined;
  const blocks = pathBlocks(scenario.paths);
  const dailyPaths = bootstrap && data.periodsPerYear !== 12;
  const warmUp = pathWarmUp(data, !dailyPaths);
  const strategyPaths = Math.min(scenario.paths, asked);
  const job: PathJob = strategyPaths > 0 ? { ...model.job, strategies: { warmUp, cutPath, paths: strategyPaths } } : model.job;
  const frame = {
    notice: request.notice, ratecutVersion: request.ratecutVersion, commandLine: request.commandLine, scenario, data: dataJson, market: data, inputs,
    method: model.method, regenerate: model.regenerate, steps, unit, cutPath, dailyPaths, warmUp,
    targets: request.targets, strategyPaths, emergencyRule,
  };
  const merged = (outputs: readonly PathBlockOutput[]) => {
    const strategies = strategyPathOutcomesMerger(strategyPaths, blocks);
    outputs.forEach((o, i) => strategies.add(i, o));
    return buildSimulateResult(frame, mergePathOutcomes(scenario.paths, blocks, outputs), strategies.result());
  };
  const study: SimulateStudy = {
    kind: 'simulate',
    plan: { scenario, scenarioFile, estimate, data: dataJson, method: model.method, analogCycleIds: inputs.cycles.map((c) => c.cycle.id) },
    context: job,
    blocks,
    execute: PATH_BLOCK_EXECUTOR,
    blockWeight: (b) => b.count,
    unit: 'paths',
    // The scenario's content is in the plan; where the file was is in no result.
    planLocationKeys: ['scenarioFile'],
    warnings: [...easing.warnings, ...market.warnings, ...lowered],
    merge: merged,
    merger: () => {
      const paths = pathOutcomesMerger(scenario.paths, blocks);
      const strategies = strategyPathOutcomesMerger(strategyPaths, blocks);
      return {
        add: (index, output) => { paths.add(index, output); strategies.add(index, output); },
        result: (outputs) => buildSimulateResult(frame, paths.result(outputs), strategies.result()),
      };
    },
  };
  return { ok: true, value: study, warnings: [] };
}
