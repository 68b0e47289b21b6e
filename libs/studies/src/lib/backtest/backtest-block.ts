import type { StrategyConfig, StrategyResultJson } from '@ratecut/contracts';
import type { BlockExecutor } from '../study/study';
import {
  aggregateCycles, formatDay, replayCycles,
  type ClassifiedCycle, type MarketData, type ReplaySettings, type StrategyReplay, type WindowSpec,
} from '@ratecut/sim-core';
import { buildStrategy, sameDefinition } from './build-strategy';
import { lagWarning, warmupWarning, type WindowSize } from './replay-warnings';
import { strategyResultJson } from './strategy-result-json';

/** A strategy of a backtest with the label its columns and rows carry. */
export interface LabelledStrategy {
  readonly label: string;
  readonly config: StrategyConfig;
}

/**
 * What every block of a backtest needs (structured-cloneable, sent to worker threads once): the
 * market data, the covered cycles and their window, the engine settings, the cycles the
 * aggregates count, the benchmark and the strategies. Every strategy passed the checks of the
 * plan (`strategyIssues`).
 */
export interface BacktestContext {
  readonly data: MarketData;
  readonly cycles: readonly ClassifiedCycle[];
  readonly window: WindowSpec;
  readonly settings: ReplaySettings;
  /** Ids of the cycles that enter the aggregates (the first cycle of each episode, or every cycle). */
  readonly counted: readonly string[];
  readonly benchmark: LabelledStrategy;
  readonly strategies: readonly LabelledStrategy[];
}

/** One block of a backtest: the benchmark (`run` 0) or strategy `run - 1`, replayed over the full history and every cycle window. */
export interface BacktestBlock {
  readonly run: number;
}

/** What a block gives back: its strategy's result, its full-history equity curve and its warm-up warning. */
export interface BacktestBlockOutput {
  readonly result: StrategyResultJson;
  /** Equity at every close of the full-history run. */
  readonly equity: Float64Array;
  /** The warm-up warning of this strategy (see `warmupWarning`), or null. */
  readonly warmupWarning: string | null;
  /** Benchmark block only (else null): the dates of the full-history run, and the execution-lag warning over the cycle windows. */
  readonly dates: readonly string[] | null;
  readonly lagWarning: string | null;
}

/**
 * Runs one block of a backtest (the block executor of `planBacktestStudy`): builds the block's
 * strategy and the benchmark, replays them over the full history and around every cycle with
 * sim-core's `replayCycles` (the strategy against the benchmark run on the same rows; the
 * benchmark not compared with itself), recomputes the aggregates over the counted cycles, and
 * writes the strategy's result. Pure: the output depends on the context and the block only.
 */
export function runBacktestBlock(context: BacktestContext, block: BacktestBlock): BacktestBlockOutput {
  const { data } = context;
  const ppy = data.periodsPerYear;
  const counted = new Set(context.counted);
  const counting = (r: StrategyReplay): StrategyReplay => ({ ...r, aggregates: aggregateCycles(r.cycles, counted) });
  const bench = buildStrategy(context.benchmark.config, ppy);
  if (block.run === 0) {
    const replay = replayCycles(data, [], bench.strategy, context.cycles, context.window, context.settings).benchmark;
    const windows: WindowSize[] = replay.cycles.map((c) => ({ cycleId: c.cycleId, rows: c.run.days.length }));
    return {
      result: strategyResultJson(context.benchmark.label, bench.schedule, counting(replay), true),
      equity: replay.full.run.equity,
      warmupWarning: warmupWarning(context.benchmark.label, replay, ppy),
      dates: Array.from(replay.full.run.days, formatDay),
      lagWarning: lagWarning(context.settings.executionLag, windows),
    };
  }
  const run = context.strategies[block.run - 1];
  if (run === undefined) throw new RangeError(`backtest block ${block.run}: no such strategy (${context.strategies.length} strategies)`);
  const built = buildStrategy(run.config, ppy);
  const replay = replayCycles(data, [built.strategy], bench.strategy, context.cycles, context.window, context.settings).strategies[0];
  return {
    result: strategyResultJson(run.label, built.schedule, counting(replay), sameDefinition(built, bench)),
    equity: replay.full.run.equity,
    warmupWarning: warmupWarning(run.label, replay, ppy),
    dates: null,
    lagWarning: null,
  };
}

/** The block executor of a backtest study: {@link runBacktestBlock}, loaded by worker threads from this module. */
export const BACKTEST_BLOCK_EXECUTOR: BlockExecutor<BacktestContext, BacktestBlock, BacktestBlockOutput> = {
  module: __filename,
  exportName: 'runBacktestBlock',
  run: runBacktestBlock,
};
