import type { StudyData } from '../inputs/study-data';
import { join } from 'node:path';
import type { BacktestResultJson } from '@ratecut/contracts';
import { formatDay, type Issue, type LoadResult } from '@ratecut/sim-core';
import type { Study } from '../study/study';
import { BACKTEST_BLOCK_EXECUTOR, type BacktestBlock, type BacktestBlockOutput, type BacktestContext, type LabelledStrategy } from './backtest-block';
import { backtestConventions } from './backtest-conventions';
import { buildBacktestResult, type BacktestPlan } from './build-backtest-result';
import { strategyIssues } from './build-strategy';
import { configIssue, type ConfigSource } from './config-source';
import { fingerprintInputs } from '../inputs/input-fingerprints';
import { executionLagIssues, loadBacktestMarket } from './load-backtest-market';
import { validateBacktestConfig } from './validate-backtest-config';
import { coverCycles, selectCycles } from './covered-cycles';

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
  const where = catalog.path;
  const coverage = coverCycles(config, loaded.value, cycles, where);
  if (!coverage.ok) return coverage;
  const warnings: Issue[] = [...loaded.warnings, ...coverage.value.warnings];
  const { covered, episodes, counted } = coverage.value;

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
