import type { StudyData } from '../inputs/study-data';
import { describeSweep, SWEEP_SCHEMA, sweepColumns, type SweepHeader, type SweepTable } from '@ratecut/contracts';
import { findBuiltinStrategy, formatDay, type Issue, type LoadResult, type MomentumSweepSchedule } from '@ratecut/sim-core';
import { COMMAND_LINE, configIssue, type ConfigSource } from '../backtest/config-source';
import { executionLagIssues, loadBacktestMarket } from '../backtest/load-backtest-market';
import { validateBacktestConfig } from '../backtest/validate-backtest-config';
import { splitRange, type ItemRange } from '../study/split-range';
import type { Study } from '../study/study';
import { SWEEP_BLOCK_EXECUTOR, SWEEP_BLOCK_METRICS, type SweepContext } from './sweep-block';

/** One swept parameter and its values, in order (e.g. from `--sweep k=1..24`). */
export interface SweptParameter {
  readonly name: string;
  readonly values: readonly number[];
}

/** A sweep as asked for: the backtest configuration (one strategy), the grid and the data. */
export interface SweepRequest extends Omit<StudyData, 'origin'> {
  /** The backtest configuration, a file's object with the flags applied (checked here). */
  readonly config: unknown;
  readonly source: ConfigSource;
  /** The swept parameters; a parameter not swept keeps the strategy's configured value (or its default). */
  readonly grid: readonly SweptParameter[];
  readonly commandLine: string;
}

/** A sweep study: contiguous ranges of parameter combinations, merged into a `ratecut.sweep/1` table. */
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

const flagIssue = (message: string): Issue => ({ code: 'bad-parameter', severity: 'error', file: COMMAND_LINE, message });

/**
 * Plans a sweep of the built-in `relative-momentum` strategy over a grid of lookbacks `k`
 * (whole months >= 1) and switch thresholds (decimal return points >= 0), over the full
 * history of the configured pair with the configured lag, costs, cash and schedule (the
 * strategy's configured `schedule`, else its own `on-signal`; `month-end` runs the per-period
 * fast path), through sim-core's fast path `momentumSweep` (checked against the engine in its
 * tests). A configuration that is not one relative-momentum strategy, another schedule, an
 * unknown swept parameter or a value out of range is an issue, as are the configuration and
 * data problems of a backtest.
 *
 * Blocks: contiguous ranges of combinations (k-major, the thresholds inner), each a run of
 * whole lookbacks (see {@link sweepBlocks}); the merge in block order is the `ratecut.sweep/1` table, one row per
 * combination, the same for any number of workers.
 */
export function planSweepStudy(request: SweepRequest): LoadResult<SweepStudy> {
  const { source } = request;
  const validated = validateBacktestConfig(request.config, source);
  if (!validated.ok) return validated;
  const config = validated.value;
  const names = config.strategies.map((s) => s.name);
  if (names.length !== 1 || names[0] !== SWEPT_STRATEGY) {
    return { ok: false, issues: [configIssue(source, ['strategies'], 'bad-parameter', `--sweep runs the fast path of ${SWEPT_STRATEGY} only: pass --strategy ${SWEPT_STRATEGY}`)] };
  }
  const grid = new Map(request.grid.map((g) => [g.name, g.values]));
  const unknown = [...grid.keys()].filter((k) => !SWEEPABLE.includes(k));
  if (unknown.length > 0) return { ok: false, issues: [flagIssue(`--sweep ${unknown.join(', ')}: ${SWEPT_STRATEGY} sweeps ${SWEEPABLE.join(' and ')} only`)] };
  // The schedule: the configured one, else the built-in's own (on-signal); the fast path runs on-signal and month-end.
  const configured = config.strategies[0].schedule ?? findBuiltinStrategy(SWEPT_STRATEGY)?.schedule ?? { kind: 'on-signal' };
  if (configured.kind !== 'on-signal' && configured.kind !== 'month-end') {
    return { ok: false, issues: [configIssue(source, ['strategies', 0, 'schedule'], 'bad-parameter', `--sweep runs the on-signal and month-end schedules only, not ${configured.kind}`)] };
  }
  const schedule: MomentumSweepSchedule = { kind: configured.kind };
  const params = config.strategies[0].params;
  const ks = [...(grid.get('k') ?? [Number(params['k'] ?? 6)])];
  const thresholds = [...(grid.get('threshold') ?? [Number(params['threshold'] ?? 0.01)])];
  const ranges = [
    ...(ks.some((k) => !Number.isInteger(k) || k < 1) ? [flagIssue('--sweep k: expected whole numbers of months >= 1')] : []),
    ...(thresholds.some((t) => !Number.isFinite(t) || t < 0) ? [flagIssue('--sweep threshold: expected decimal return points >= 0')] : []),
  ];
  if (ranges.length > 0) return { ok: false, issues: ranges };

  const loaded = loadBacktestMarket(config, request.catalog, request.factsDir, source);
  if (!loaded.ok) return loaded;
  const lag = executionLagIssues(config, loaded.value, source);
  if (lag.length > 0) return { ok: false, issues: lag };
  const { market, pair } = loaded.value;
  const { data } = market;

  const header: SweepHeader = {
    schema: SWEEP_SCHEMA,
    strategy: SWEPT_STRATEGY,
    parameters: ['k_months', 'threshold'],
    pair: pair.id,
    returnBasis: market.pair.returnBasis,
    first: formatDay(data.days[0]),
    last: formatDay(data.days[data.days.length - 1]),
    rows: data.days.length,
    periodsPerYear: data.periodsPerYear,
    executionLag: config.executionLag,
    costBps: config.costBps,
    slippageBps: config.slippageBps,
    cash: config.cash,
    synthetic: request.notice !== null,
    schedule,
  };
  const context: SweepContext = {
    data, ks, thresholds,
    config: {
      startRow: 0, endRow: data.days.length - 1, executionLag: config.executionLag,
      costs: { costBps: config.costBps, slippageBps: config.slippageBps }, initialCapital: config.initialCapital, schedule,
    },
  };
  const comments = [...(request.notice === null ? [] : [request.notice]), request.commandLine, describeSweep(header)];
  const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const blocks = sweepBlocks(ks.length, thresholds.length);
  const study: SweepStudy = {
    kind: 'sweep',
    plan: header,
    context,
    blocks,
    execute: SWEEP_BLOCK_EXECUTOR,
    blockWeight: (b) => b.count,
    unit: 'combinations',
    warnings: loaded.warnings,
    merge: (outputs) => ({
      comments,
      header,
      columns: sweepColumns(header),
      rows: outputs.flatMap((out, b) => Array.from({ length: out.length / SWEEP_BLOCK_METRICS }, (_, j) => {
        const c = blocks[b].first + j;
        const metrics = Array.from(out.subarray(j * SWEEP_BLOCK_METRICS, (j + 1) * SWEEP_BLOCK_METRICS), fin);
        return [ks[Math.floor(c / thresholds.length)], thresholds[c % thresholds.length], ...metrics];
      })),
    }),
  };
  return { ok: true, value: study, warnings: loaded.warnings };
}
