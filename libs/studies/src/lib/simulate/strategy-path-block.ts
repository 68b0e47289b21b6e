import type { ItemRange } from '../study/split-range';
import type { PathRegenerator } from './path-regenerator';
import type { PathWarmUp } from './path-warm-up';
import { PATH_STRATEGIES, StrategyPathRunner } from './strategy-paths';

/**
 * What the blocks of a simulation need to replay the strategies on the first paths: the real
 * warm-up rows before every path, the scenario's monthly policy-rate changes (percentage points)
 * and how many paths (the first ones) get the strategies. Structured-cloneable.
 */
export interface StrategyPathsJob {
  readonly warmUp: PathWarmUp;
  readonly cutPath: Float64Array;
  readonly paths: number;
}

/** Paths of `block` on which the strategies run: those below `paths`, from the block's first one. */
export function strategyPathsInBlock(block: ItemRange, paths: number): number {
  return Math.max(0, Math.min(block.first + block.count, paths) - block.first);
}

/** Key of a thread's strategy runner in its cache (a thread serves one study). */
const RUNNER = 'simulate:strategy-runner';

/**
 * The strategies on the block's paths below `job.paths` (`c` of them): each path's per-step
 * returns are drawn again by `regenerate` (its own stream), then every {@link PATH_STRATEGIES}
 * entry runs on the path through the portfolio kernel (`StrategyPathRunner`). Strategy `k`'s
 * horizon return and maximum drawdown on path `block.first + i` are at `[k * c + i]` of
 * `returns` and `drawdowns`. `cache` keeps the thread's runner (its scratch memory and the plans
 * every path shares) from block to block. Pure: the output depends on the job and the block only.
 */
export function runStrategyPathBlock(
  job: StrategyPathsJob, horizon: number, regenerate: PathRegenerator, block: ItemRange, cache: Map<string, unknown>,
): { returns: Float64Array; drawdowns: Float64Array } {
  const count = strategyPathsInBlock(block, job.paths);
  const returns = new Float64Array(PATH_STRATEGIES.length * count), drawdowns = new Float64Array(PATH_STRATEGIES.length * count);
  if (count === 0) return { returns, drawdowns };
  let runner = cache.get(RUNNER) as StrategyPathRunner | undefined;
  if (runner === undefined) {
    runner = new StrategyPathRunner(job.warmUp, horizon, job.cutPath);
    cache.set(RUNNER, runner);
  }
  const small = new Float64Array(horizon), large = new Float64Array(horizon);
  for (let i = 0; i < count; i += 1) {
    regenerate(block.first + i, small, large);
    runner.runInto(small, large, returns, drawdowns, count, i);
  }
  return { returns, drawdowns };
}
