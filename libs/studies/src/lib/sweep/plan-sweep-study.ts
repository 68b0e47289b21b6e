import type { StudyData } from '../inputs/study-data';
import { describeSweep, SWEEP_METRIC_COLUMNS, SWEEP_SCHEMA, sweepColumns, type DeflatedSharpeJson, type ResolvedBacktestConfig, type SweepHeader, type SweepTable } from '@ratecut/contracts';
import {
  cycleWindowRows, findBuiltinStrategy, formatDay, runBacktest, totalReturn,
  type BuiltinStrategy, type Issue, type LoadResult, type RebalanceSchedule, type ReplaySettings, type WindowRows,
} from '@ratecut/sim-core';
import { COMMAND_LINE, configIssue, type ConfigSource } from '../backtest/config-source';
import { executionLagIssues, loadBacktestMarket, type BacktestMarket } from '../backtest/load-backtest-market';
import { validateBacktestConfig } from '../backtest/validate-backtest-config';
import { splitRange, type ItemRange } from '../study/split-range';
import type { Study } from '../study/study';
import { strategyIssues, buildStrategy } from '../backtest/build-strategy';
import { coverCycles, selectCycles, type CoveredCycles } from '../backtest/covered-cycles';
import { deflatedSharpe } from '../compare/deflated-sharpe-trials';
import { combinationParams, gridCombination, gridSize, sweepStride, type KernelSweepContext, type SweepReplay, type SweptParameter } from './kernel-sweep-block';
import type { MomentumSweepContext } from './momentum-sweep-block';
import { SWEEP_BLOCK_EXECUTOR, sweepMerger, type SweepContext } from './sweep-block';

export type { SweptParameter } from './kernel-sweep-block';

/** A sweep as asked for: the backtest configuration (one strategy), the grid and the data. */
export interface SweepRequest extends Omit<StudyData, 'origin'> {
  /** The backtest configuration, a file's object with the flags applied (checked here). */
  readonly config: unknown;
  readonly source: ConfigSource;
  /** The swept parameters; a parameter not swept keeps the strategy's configured value (or its default). */
  readonly grid: readonly SweptParameter[];
  readonly commandLine: string;
}

/** A sweep study: contiguous ranges of parameter combinations, merged into a `ratecut.sweep/2` table. */
export type SweepStudy = Study<SweepHeader, SweepContext, ItemRange, Float64Array, SweepTable>;

/**
 * Combinations per block, about: a block holds whole lookbacks (every threshold of each), as many
 * as fit in this many combinations and at least one, so that the fast path builds its period
 * tables once per block. Fixed here with the grid, so the blocks (and the table) never depend on
 * the number of workers.
 */
export const SWEEP_BLOCK_COMBINATIONS = 1000;

/** The blocks of a grid of `ks × thresholds`: contiguous ranges of combinations, each a run of whole lookbacks. */
export function sweepBlocks(ks: number, thresholds: number): ItemRange[] {
  return splitRange(ks, Math.max(1, Math.floor(SWEEP_BLOCK_COMBINATIONS / thresholds))).map((r) => ({ first: r.first * thresholds, count: r.count * thresholds }));
}

/** The strategy the fast path sweeps, and its sweepable parameters. */
const SWEPT_STRATEGY = 'relative-momentum';
const SWEEPABLE = ['k', 'threshold'];
/** The table's columns for relative momentum's parameters. */
const MOMENTUM_COLUMNS = ['k_months', 'threshold'] as const;

/** The configured pair's market and the sweep's cycle windows, with the backtest's data, lag, benchmark and cycle issues. */
function loadSweepMarket(request: SweepRequest, config: ResolvedBacktestConfig): LoadResult<BacktestMarket & { readonly replay: SweepReplay; readonly covered: CoveredCycles }> {
  const { source } = request;
  const loaded = loadBacktestMarket(config, request.catalog, request.factsDir, source);
  if (!loaded.ok) return loaded;
  const ppy = loaded.value.market.data.periodsPerYear;
  const selected = selectCycles(config, loaded.value.easing.cycles, source);
  const mistakes = [
    ...(selected.ok ? [] : selected.issues),
    ...strategyIssues(config.benchmark, ppy, source, ['benchmark']),
    ...executionLagIssues(config, loaded.value, source),
  ];
  if (!selected.ok || mistakes.length > 0) return { ok: false, issues: mistakes };
  const coverage = coverCycles(config, loaded.value, selected.value, request.catalog.path);
  if (!coverage.ok) return coverage;
  // The benchmark over each covered cycle's window, as the backtest replays it (engine, starting in cash).
  const { data } = loaded.value.market;
  const settings: ReplaySettings = {
    executionLag: config.executionLag, costs: { costBps: config.costBps, slippageBps: config.slippageBps },
    limits: { allowLeverage: config.allowLeverage, allowShort: false }, initialCapital: config.initialCapital,
  };
  const benchmark = buildStrategy(config.benchmark, ppy).strategy;
  const counted = new Set(coverage.value.counted);
  const cycles = coverage.value.covered.map((c) => {
    const rows = cycleWindowRows(data.days, c.cycle, config.window) as WindowRows; // covered: the run holds the window
    const run = runBacktest(data, benchmark, { ...settings, ...rows });
    return { id: c.cycle.id, ...rows, benchmarkTotalReturn: totalReturn(run.returns), counted: counted.has(c.cycle.id) };
  });
  const warnings = [...loaded.warnings, ...coverage.value.warnings];
  return { ok: true, value: { ...loaded.value, replay: { cycles, settings }, covered: coverage.value }, warnings };
}

/** The header of a sweep table: what was swept, on which data, with which settings. */
function sweepHeader(
  request: SweepRequest, config: ResolvedBacktestConfig, loaded: BacktestMarket & { readonly replay: SweepReplay }, strategy: string, parameters: string[], schedule: RebalanceSchedule,
): Omit<SweepHeader, 'deflatedSharpe'> {
  const { market, pair, replay } = loaded;
  const days = market.data.days;
  return {
    schema: SWEEP_SCHEMA, strategy, parameters, pair: pair.id, returnBasis: market.pair.returnBasis,
    first: formatDay(days[0]), last: formatDay(days[days.length - 1]), rows: days.length, periodsPerYear: market.data.periodsPerYear,
    executionLag: config.executionLag, costBps: config.costBps, slippageBps: config.slippageBps, cash: config.cash,
    synthetic: request.notice !== null, schedule,
    benchmark: config.benchmark.name, window: config.window,
    cycles: replay.cycles.map((c) => c.id), counted: replay.cycles.filter((c) => c.counted).map((c) => c.id),
  };
}

/**
 * A sweep study over `blocks` of combinations: the block outputs merged in block order into the
 * table, one row per combination: its parameter values (`parametersOf`), then its metrics (null
 * where undefined).
 */
function sweepStudy(request: SweepRequest, header: Omit<SweepHeader, 'deflatedSharpe'>, context: SweepContext, blocks: ItemRange[], warnings: readonly Issue[], parametersOf: (c: number) => number[]): SweepStudy {
  const comments = [...(request.notice === null ? [] : [request.notice]), request.commandLine, describeSweep(header)];
  const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const stride = sweepStride(context.replay);
  const merge = (outputs: readonly Float64Array[]): SweepTable => {
    const rows = outputs.flatMap((out, b) => Array.from({ length: out.length / stride }, (_, j) => [
      ...parametersOf(blocks[b].first + j),
      ...Array.from(out.subarray(j * stride, (j + 1) * stride), fin),
    ]));
    return { comments, header: { ...header, deflatedSharpe: bestDeflatedSharpe(header, rows) }, columns: sweepColumns(header), rows };
  };
  return {
    kind: 'sweep',
    plan: { ...header, deflatedSharpe: null },
    context,
    blocks,
    execute: SWEEP_BLOCK_EXECUTOR,
    blockWeight: (b) => b.count,
    unit: 'combinations',
    warnings: [...warnings],
    merge,
    merger: sweepMerger(merge),
  };
}

/**
 * The deflated Sharpe ratio of the row with the best full-history Sharpe ratio over cash, every
 * row with a Sharpe ratio a trial (normal moments: the table holds no return series; T = rows − 1
 * of the data), as `compare` computes it for a sweep table; null with fewer than two trials.
 */
function bestDeflatedSharpe(header: Omit<SweepHeader, 'deflatedSharpe'>, rows: readonly (number | null)[][]): DeflatedSharpeJson | null {
  const sharpeAt = header.parameters.length + SWEEP_METRIC_COLUMNS.indexOf('sharpe');
  const trials = rows.filter((r) => r[sharpeAt] !== null);
  if (trials.length < 2) return null;
  const label = (r: readonly (number | null)[]): string => header.parameters.map((p, i) => `${p}=${r[i]}`).join(' ');
  return deflatedSharpe('sweep', 'over cash', trials.map(label), trials.map((r) => r[sharpeAt] as number), header.periodsPerYear, header.rows - 1, null);
}

const flagIssue = (message: string): Issue => ({ code: 'bad-parameter', severity: 'error', file: COMMAND_LINE, message });

/**
 * Plans a sweep of one built-in strategy over a grid of its numeric parameters (several
 * `--sweep` flags make a grid), over the full history of the configured pair with the
 * configured lag, costs, cash and schedule (the strategy's configured `schedule`, else its own).
 * Relative momentum over lookbacks `k` (whole months >= 1) and switch thresholds (decimal return
 * points >= 0) on the `month-end` schedule runs on sim-core's per-period fast path
 * `monthEndMomentumSweep` (through the kernel where that does not apply); every other sweep,
 * relative momentum on its own `on-signal` schedule included, runs through the portfolio kernel
 * (see `planKernelSweep`). Both are checked against the engine in their tests. A configuration that
 * is not one built-in, a parameter that is not a numeric one of it, or a value out of range is
 * an issue, as are the configuration and data problems of a backtest.
 *
 * Blocks: contiguous ranges of combinations (the last parameter varying fastest; on the fast
 * path each block a run of whole lookbacks, see {@link sweepBlocks}); the merge in block order
 * is the `ratecut.sweep/2` table, one row per combination, the same for any number of workers.
 */
export function planSweepStudy(request: SweepRequest): LoadResult<SweepStudy> {
  const { source } = request;
  const validated = validateBacktestConfig(request.config, source);
  if (!validated.ok) return validated;
  const config = validated.value;
  const names = config.strategies.map((s) => s.name);
  const builtin = names.length === 1 ? findBuiltinStrategy(names[0]) : undefined;
  if (builtin === undefined) {
    return { ok: false, issues: [configIssue(source, ['strategies'], 'bad-parameter', `--sweep runs one built-in strategy: pass --strategy <name> (${names.length} strategies configured)`)] };
  }
  const swept = request.grid.map((g) => g.name);
  const repeated = swept.filter((n, i) => swept.indexOf(n) !== i);
  if (repeated.length > 0) return { ok: false, issues: [flagIssue(`--sweep ${repeated[0]} is given more than once`)] };
  const numeric = Object.keys(builtin.defaults).filter((k) => typeof builtin.defaults[k] === 'number');
  const unknown = swept.filter((k) => !numeric.includes(k));
  if (unknown.length > 0) {
    const sweepable = numeric.length === 0 ? 'has no numeric parameter to sweep' : `sweeps ${numeric.join(', ')}`;
    return { ok: false, issues: [flagIssue(`--sweep ${unknown.join(', ')}: ${builtin.name} ${sweepable}`)] };
  }
  const configured = config.strategies[0].schedule ?? builtin.schedule;
  const momentum = builtin.name === SWEPT_STRATEGY && swept.every((k) => SWEEPABLE.includes(k));
  if (!momentum) return planKernelSweep(request, config, builtin, configured);
  const params = config.strategies[0].params;
  const grid = new Map(request.grid.map((g) => [g.name, g.values]));
  const ks = [...(grid.get('k') ?? [Number(params['k'] ?? 6)])];
  const thresholds = [...(grid.get('threshold') ?? [Number(params['threshold'] ?? 0.01)])];
  const ranges = [
    ...(ks.some((k) => !Number.isInteger(k) || k < 1) ? [flagIssue('--sweep k: expected whole numbers of months >= 1')] : []),
    ...(thresholds.some((t) => !Number.isFinite(t) || t < 0) ? [flagIssue('--sweep threshold: expected decimal return points >= 0')] : []),
  ];
  if (ranges.length > 0) return { ok: false, issues: ranges };
  // Relative momentum's table always has both columns (k in months), swept or not. Off the
  // month-end schedule it runs through the portfolio kernel like every other built-in.
  if (configured.kind !== 'month-end') {
    const both = [{ name: 'k', values: ks }, { name: 'threshold', values: thresholds }];
    return planKernelSweep({ ...request, grid: both }, config, builtin, configured, MOMENTUM_COLUMNS);
  }
  const schedule: RebalanceSchedule = { kind: 'month-end' };

  const loaded = loadSweepMarket(request, config);
  if (!loaded.ok) return loaded;
  const { market } = loaded.value;
  const { data } = market;

  const header = sweepHeader(request, config, loaded.value, SWEPT_STRATEGY, [...MOMENTUM_COLUMNS], schedule);
  const context: MomentumSweepContext = {
    kind: 'momentum', data, ks, thresholds, replay: loaded.value.replay,
    config: {
      startRow: 0, endRow: data.days.length - 1, executionLag: config.executionLag,
      costs: { costBps: config.costBps, slippageBps: config.slippageBps }, initialCapital: config.initialCapital,
    },
  };
  const study = sweepStudy(request, header, context, sweepBlocks(ks.length, thresholds.length), loaded.warnings,
    (c) => [ks[Math.floor(c / thresholds.length)], thresholds[c % thresholds.length]]);
  return { ok: true, value: study, warnings: loaded.warnings };
}

/** At most this many combinations in one sweep (a table row each). */
export const MAX_SWEEP_COMBINATIONS = 1_000_000;

/** Combinations per block of a kernel sweep: fixed, so the blocks never depend on the worker count. */
export const KERNEL_SWEEP_BLOCK_COMBINATIONS = 100;

/**
 * The sweep of any built-in through the portfolio kernel (`runKernelSweepBlock`): every
 * combination of the grid (the last `--sweep` varying fastest) over the full history of the
 * configured pair, with the configured schedule (else the built-in's own), lag, costs, cash and
 * leverage. Combinations the built-in refuses are left empty in the table, with a warning that
 * counts them and gives the first problem; a grid in which none is valid is an issue. `columns`:
 * the table's names for the grid's parameters (default: their names).
 */
function planKernelSweep(
  request: SweepRequest, config: ResolvedBacktestConfig, builtin: BuiltinStrategy, schedule: RebalanceSchedule, columns?: readonly string[],
): LoadResult<SweepStudy> {
  const grid = request.grid.filter((g) => g.values.length > 0);
  const total = gridSize(grid);
  if (grid.length === 0) return { ok: false, issues: [flagIssue(`--sweep: give at least one parameter of ${builtin.name} to sweep`)] };
  if (total > MAX_SWEEP_COMBINATIONS) {
    return { ok: false, issues: [flagIssue(`--sweep: ${total.toLocaleString('en-US')} combinations is too many (at most ${MAX_SWEEP_COMBINATIONS.toLocaleString('en-US')})`)] };
  }
  const loaded = loadSweepMarket(request, config);
  if (!loaded.ok) return loaded;
  const { market } = loaded.value;
  const { data } = market;
  const params = { ...builtin.defaults, ...config.strategies[0].params };

  // The combinations the built-in refuses on this data (periods in rows depend on it).
  let invalid = 0;
  let firstProblem: string | null = null;
  for (let c = 0; c < total; c += 1) {
    const problems = builtin.check(combinationParams({ params, grid }, c), data.periodsPerYear);
    if (problems.length === 0) continue;
    invalid += 1;
    firstProblem ??= problems.map((p) => p.message).join('; ');
  }
  if (invalid === total) return { ok: false, issues: [flagIssue(`--sweep: no combination is valid for ${builtin.name}; the first: ${firstProblem}`)] };
  const warnings: Issue[] = [...loaded.warnings];
  if (invalid > 0) {
    warnings.push({
      code: 'bad-parameter', severity: 'warning', file: COMMAND_LINE,
      message: `--sweep: ${invalid} of ${total} combinations are not valid for ${builtin.name} and are left empty (the first: ${firstProblem})`,
    });
  }

  const header = sweepHeader(request, config, loaded.value, builtin.name, [...(columns ?? grid.map((g) => g.name))], schedule);
  const context: KernelSweepContext = {
    kind: 'kernel', data, strategy: builtin.name, params, grid, schedule, replay: loaded.value.replay,
    config: { ...loaded.value.replay.settings, startRow: 0, endRow: data.days.length - 1 },
  };
  const study = sweepStudy(request, header, context, splitRange(total, KERNEL_SWEEP_BLOCK_COMBINATIONS), warnings, (c) => gridCombination(grid, c));
  return { ok: true, value: study, warnings };
}
