import { BACKTEST_SCHEMA, type BacktestConventions, type BacktestResultJson, type ResolvedBacktestConfig } from '@ratecut/contracts';
import { formatDay, formatIssue, type ClassifiedCycle, type CycleEpisode, type Issue } from '@ratecut/sim-core';
import type { BacktestBlockOutput } from './backtest-block';

/** Everything a backtest result holds besides the replays: what was asked, what it ran on, and its conventions. */
export interface BacktestPlan {
  /** The synthetic-sample notice (first key of the result), or null for real data. */
  readonly notice: string | null;
  readonly ratecutVersion: string;
  readonly commandLine: string;
  readonly config: ResolvedBacktestConfig;
  readonly data: BacktestResultJson['data'];
  readonly conventions: BacktestConventions;
  /** Warnings found while planning (data and coverage), written first in the result's `warnings`. */
  readonly warnings: readonly Issue[];
  /** The cycles the configuration selected (covered or not), with their episode and whether they count. */
  readonly cycles: readonly ClassifiedCycle[];
  readonly episodes: readonly CycleEpisode[];
  readonly counted: readonly string[];
}

/**
 * The `ratecut.backtest/2` result from the plan and the block outputs in block order (the
 * benchmark first, then each strategy). `warnings` holds the planning warnings as
 * `file:line:column: warning code: message`, then the warnings of the replay itself (each
 * strategy's warm-up, benchmark first, then the execution lag): see {@link replayWarningsOf}.
 */
export function buildBacktestResult(plan: BacktestPlan, outputs: readonly BacktestBlockOutput[]): BacktestResultJson {
  const [bench, ...strategies] = outputs;
  if (bench === undefined || bench.dates === null) throw new RangeError('buildBacktestResult: the first output must be the benchmark block');
  const episodeOf = new Map(plan.episodes.map((e) => [e.cycleId, e]));
  const counted = new Set(plan.counted);
  const replayed = new Set(bench.result.cycles.map((c) => c.cycleId));
  return {
    ...(plan.notice === null ? {} : { notice: plan.notice }),
    schema: BACKTEST_SCHEMA,
    ratecutVersion: plan.ratecutVersion,
    commandLine: plan.commandLine,
    config: plan.config,
    data: plan.data,
    conventions: plan.conventions,
    warnings: [...plan.warnings.map(formatIssue), ...replayWarningsOf(outputs)],
    cycles: plan.cycles.map(({ cycle, recession }) => ({
      id: cycle.id, firstCut: formatDay(cycle.firstCut), lastCut: formatDay(cycle.lastCut), cuts: cycle.cuts, totalEasingBp: cycle.totalEasingBp,
      resumption: cycle.resumption, recession: recession.recession, covered: replayed.has(cycle.id),
      overlapsPrevious: episodeOf.get(cycle.id)?.overlapsPrevious ?? null, episode: episodeOf.get(cycle.id)?.episode ?? null, counted: counted.has(cycle.id),
    })),
    benchmark: bench.result,
    strategies: strategies.map((s) => s.result),
    equity: {
      dates: [...bench.dates],
      series: Object.fromEntries(outputs.map((o) => [o.result.label, Array.from(o.equity)] as const)),
    },
  };
}

/** The warnings of the replays, in block order (each strategy's warm-up), then the execution lag's. */
export function replayWarningsOf(outputs: readonly BacktestBlockOutput[]): string[] {
  return [...outputs.map((o) => o.warmupWarning), outputs[0]?.lagWarning ?? null].filter((w): w is string => w !== null);
}
