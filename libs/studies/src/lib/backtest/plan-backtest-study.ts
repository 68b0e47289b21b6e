import type { StudyData } from '../inputs/study-data';
import { join } from 'node:path';
import type { BacktestResultJson, ResolvedBacktestConfig } from '@ratecut/contracts';
import {
  countedCycleIds, errorIssue, makeIssue, cycleEpisodes, cycleWindowRows, describeGap, formatDay, gapCrossed,
  type ClassifiedCycle, type Issue, type LoadResult,
} from '@ratecut/sim-core';
import type { Study } from '../study/study';
import { BACKTEST_BLOCK_EXECUTOR, type BacktestBlock, type BacktestBlockOutput, type BacktestContext, type LabelledStrategy } from './backtest-block';
import { backtestConventions } from './backtest-conventions';
import { buildBacktestResult, type BacktestPlan } from './build-backtest-result';
import { strategyIssues } from './build-strategy';
import { configIssue, type ConfigSource } from './config-source';
import { fingerprintInputs } from '../inputs/input-fingerprints';
import { executionLagIssues, loadBacktestMarket } from './load-backtest-market';
import { validateBacktestConfig } from './validate-backtest-config';

/** A backtest as asked for: the configuration and the data to run it on. */
export interface BacktestRequest extends StudyData {
  /** The configuration: a configuration file's object with the command-line flags applied (checked here). */
  readonly config: unknown;
  /** Where the configuration's values came from, to locate problems. */
  readonly source: ConfigSource;
  /** The command line as recorded in the result. */
  readonly commandLine: string;
  readonly ratecutVersion: string;
}

/** A backtest study: one block for the benchmark, then one per strategy, merged into a `ratecut.backtest/2` result. */
export type BacktestStudy = Study<BacktestPlan, BacktestContext, BacktestBlock, BacktestBlockOutput, BacktestResultJson>;

/**
 * The cycles selected by the configuration (`cycles`: all, or ids), each unknown id a
 * `bad-parameter` issue at its place in `$.cycles`.
 */
function selectCycles(config: ResolvedBacktestConfig, detected: readonly ClassifiedCycle[], source: ConfigSource): LoadResult<readonly ClassifiedCycle[]> {
  if (config.cycles === 'all') return { ok: true, value: detected, warnings: [] };
  const wanted = config.cycles;
  const issues = wanted.flatMap((id, i) => (detected.some((c) => c.cycle.id === id) ? [] : [
    configIssue(source, ['cycles', i], 'bad-parameter', `unknown cycle id ${id}; detected cycles: ${detected.map((c) => c.cycle.id).join(', ')}`),
  ]));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: detected.filter((c) => wanted.includes(c.cycle.id)), warnings: [] };
}

/**
 * Plans a backtest: checks the configuration (zod schema, strategies and their parameters,
 * labels, cycle ids, execution lag), loads the policy-rate history, easing cycles and market
 * data, keeps the cycles whose window the run holds without crossing a gap of the pair's data,
 * groups them into episodes, fingerprints every input file and states the conventions.
 * Every user mistake comes back as an issue (see {@link ConfigSource}); data warnings and
 * uncovered `--cycles` ids as warnings of the study.
 *
 * Blocks: the benchmark, then one per strategy, each replayed over the full history and every
 * covered cycle window by the pure `runBacktestBlock`; the merge in block order is the
 * `ratecut.backtest/2` result (see `buildBacktestResult`), the same for any number of workers.
 */
export function planBacktestStudy(request: BacktestRequest): LoadResult<BacktestStudy> {
  const { source, catalog } = request;
  const validated = validateBacktestConfig(request.config, source);
  if (!validated.ok) return validated;
  const config = validated.value;
  const loaded = loadBacktestMarket(config, catalog, request.factsDir, source);
  if (!loaded.ok) return loaded;
  const { market, easing } = loaded.value;
  const { data } = market;
  const ppy = data.periodsPerYear;

  // Every mistake in the configuration at once: cycle ids, strategies, labels, lag.
  const selected = selectCycles(config, easing.cycles, source);
  const labels = config.strategies.map((s) => s.label ?? s.name);
  const benchLabel = `benchmark:${config.benchmark.label ?? config.benchmark.name}`;
  const labelKeys = (i: number): PropertyKey[] => (config.strategies[i].label === undefined ? ['strategies', i] : ['strategies', i, 'label']);
  const mistakes: Issue[] = [
    ...(selected.ok ? [] : selected.issues),
    ...strategyIssues(config.benchmark, ppy, source, ['benchmark']),
    ...config.strategies.flatMap((s, i) => strategyIssues(s, ppy, source, ['strategies', i])),
    ...labels.flatMap((l, i) => (labels.indexOf(l) !== i
      ? [configIssue(source, labelKeys(i), 'bad-parameter', `two strategies are labelled '${l}'; give each a distinct "label"`)] : [])),
    ...labels.flatMap((l, i) => (l === benchLabel
      ? [configIssue(source, labelKeys(i), 'bad-parameter', `strategy label '${benchLabel}' is the benchmark's label (its equity column would replace the benchmark's); choose another "label"`)] : [])),
    ...executionLagIssues(config, loaded.value, source),
  ];
  if (!selected.ok || mistakes.length > 0) return { ok: false, issues: mistakes };
  const cycles = selected.value;

  // Coverage: the run's rows must hold a cycle's window, and no gap of the pair's data may lie inside it.
  const warnings: Issue[] = [...loaded.warnings];
  const where = catalog.path;
  const span = `${formatDay(data.days[0])} to ${formatDay(data.days[data.days.length - 1])}`;
  const covered: ClassifiedCycle[] = [];
  const uncovered: string[] = [];
  for (const c of cycles) {
    const rows = cycleWindowRows(data.days, c.cycle, config.window);
    const gap = rows === null ? null : gapCrossed(market.gaps, data.days[rows.startRow], data.days[rows.endRow]);
    if (gap !== null) warnings.push(makeIssue('gap', 'warning', where, `cycle ${c.cycle.id}: its window crosses a gap in the pair's data, ${describeGap(gap)}; left out`));
    if (rows === null || gap !== null) uncovered.push(c.cycle.id);
    else covered.push(c);
  }
  if (config.cycles !== 'all' && uncovered.length > 0) {
    const what = `cycle${uncovered.length === 1 ? '' : 's'} ${uncovered.join(', ')}`;
    if (covered.length === 0) {
      return { ok: false, issues: [errorIssue('gap', where, `--cycles: ${what} not covered by the ${config.pair} run (${span}, window ${config.window.beforeMonths} months before to ${config.window.afterMonths} after): nothing to replay; covered cycles: ${
        easing.cycles.filter((c) => cycleWindowRows(data.days, c.cycle, config.window) !== null).map((c) => c.cycle.id).join(', ') || 'none'}`)] };
    }
    warnings.push(makeIssue('gap', 'warning', where, `--cycles: ${what} not covered by the ${config.pair} run (${span}); no result for ${uncovered.length === 1 ? 'it' : 'them'}`));
  }
  const windowAnchor = (c: ClassifiedCycle['cycle']) => (config.window.anchor === 'first-cut' ? c.firstCut : c.lastCut);
  const episodes = cycleEpisodes(covered.map((c) => c.cycle), config.window, windowAnchor);
  const counted = [...countedCycleIds(episodes, config.count)];

  // Fingerprint every file the result depends on: the catalog, each series file read, the facts.
  const entryIds = [...market.seriesIds, 'fed-target', 'dff'].map((id) => id.split(':')[0]);
  const seriesFiles = catalog.series.filter((s) => entryIds.includes(s.id)).map((s) => join(catalog.dir, s.file));
  const { pair } = loaded.value;
  const plan: BacktestPlan = {
    notice: request.notice,
    ratecutVersion: request.ratecutVersion,
    commandLine: request.commandLine,
    config,
    data: {
      catalog: catalog.path,
      origin: request.origin,
      synthetic: request.notice !== null,
      inputs: fingerprintInputs([catalog.path, ...seriesFiles, loaded.value.nberFile], catalog.dir, request.factsDir),
      pair: { id: pair.id, small: pair.small, large: pair.large, returnBasis: market.pair.returnBasis },
      first: formatDay(data.days[0]),
      last: formatDay(data.days[data.days.length - 1]),
      rows: data.days.length,
      periodsPerYear: ppy,
    },
    conventions: backtestConventions(config, loaded.value),
    warnings,
    cycles,
    episodes,
    counted,
  };
  const strategies: LabelledStrategy[] = config.strategies.map((s, i) => ({ label: labels[i], config: s }));
  const context: BacktestContext = {
    data,
    cycles: covered,
    window: config.window,
    settings: {
      executionLag: config.executionLag,
      costs: { costBps: config.costBps, slippageBps: config.slippageBps },
      limits: { allowLeverage: config.allowLeverage, allowShort: false },
      initialCapital: config.initialCapital,
    },
    counted,
    benchmark: { label: benchLabel, config: config.benchmark },
    strategies,
  };
  const study: BacktestStudy = {
    kind: 'backtest',
    plan,
    context,
    blocks: [{ run: 0 }, ...strategies.map((_, i) => ({ run: i + 1 }))],
    execute: BACKTEST_BLOCK_EXECUTOR,
    unit: 'strategies',
    warnings,
    merge: (outputs) => buildBacktestResult(plan, outputs),
  };
  return { ok: true, value: study, warnings };
}
