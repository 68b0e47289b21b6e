import {
  allocatePathOutcomes, makeJointSource, prepareSource, simulateBootstrapPaths, simulateRateSensitivityPaths, simulateStudentTPaths,
  type BootstrapMethod, type PathOutcomes, type PreparedSource, type RateSensitivityLegs, type StudentTFit,
} from '@ratecut/sim-core/monte-carlo';
import type { ItemRange } from '../study/split-range';
import type { BlockExecutor } from '../study/study';
import { pathRegenerator } from './path-regenerator';
import { runStrategyPathBlock, type StrategyPathsJob } from './strategy-path-block';

/** The model a simulation draws its paths from. */
export type PathModel =
  | {
      readonly kind: 'bootstrap';
      /** Joint returns of both legs per analog window (blocks never cross windows). */
      readonly windows: readonly { readonly small: Float64Array; readonly large: Float64Array }[];
      readonly periodsPerYear: number;
      readonly method: BootstrapMethod;
      readonly meanBlock: number;
    }
  | { readonly kind: 'student-t'; readonly fit: StudentTFit }
  | { readonly kind: 'rate-sensitivity'; readonly fits: RateSensitivityLegs; readonly cutPath: Float64Array };

/**
 * What every block of a simulation needs: the model, the horizon (steps) and the seed, and,
 * when the strategies are replayed on the first paths, what they run on (`strategies`). Plain
 * and structured-cloneable: it is sent once to each worker thread.
 */
export type PathJob = PathModel & { readonly horizon: number; readonly seed: number; readonly strategies?: StrategyPathsJob };

/**
 * What a block of a simulation gives: the outcomes of its paths and, for a job with
 * `strategies`, the horizon return and maximum drawdown of every path strategy on the block's
 * paths below `strategies.paths` (`c` of them, maybe 0): strategy `k`'s on the block's path
 * `first + i` at `[k * c + i]`.
 */
export type PathBlockOutput = PathOutcomes & { readonly strategyReturns?: Float64Array; readonly strategyDrawdowns?: Float64Array };

/** True for path outcomes (arrays of every path of the run: the merger's shared memory). */
function isPathOutcomes(value: unknown): value is PathOutcomes {
  const v = value as Partial<PathOutcomes> | undefined;
  return v !== undefined && v !== null && v.smallReturn instanceof Float64Array && v.largeReturn instanceof Float64Array
    && v.smallMaxDrawdown instanceof Float64Array && v.largeMaxDrawdown instanceof Float64Array;
}

/** The block's part of the run's outcomes, as views (written in place). */
function blockViews(all: PathOutcomes, block: ItemRange): PathOutcomes {
  const end = block.first + block.count;
  if (all.smallReturn.length < end) throw new RangeError(`simulatePathBlock: shared outcomes hold ${all.smallReturn.length} paths, block ends at ${end}`);
  return {
    smallReturn: all.smallReturn.subarray(block.first, end), largeReturn: all.largeReturn.subarray(block.first, end),
    smallMaxDrawdown: all.smallMaxDrawdown.subarray(block.first, end), largeMaxDrawdown: all.largeMaxDrawdown.subarray(block.first, end),
  };
}

/** Key of the prepared bootstrap source in a thread's cache (a thread serves one study). */
const PREPARED_SOURCE = 'simulate:prepared-source';

/**
 * The simulate study's block executor: simulates paths `block.first .. block.first +
 * block.count − 1` of `job` and returns their outcomes, indexed by path − `block.first`. Pure:
 * every path draws from its own stream (seed, path index), so a path's outcome does not depend
 * on which block or thread computes it. `cache` keeps the prepared bootstrap source, so a
 * thread prepares the windows once for all its blocks. With `shared` (the outcomes of every
 * path of the run, and their spread small − large, on SharedArrayBuffers: see
 * `pathOutcomesMerger`), the block writes into its part of them and returns views of it, so
 * nothing is copied back. With `job.strategies`, the block also replays the strategies on its
 * paths below `job.strategies.paths` (see `runStrategyPathBlock`), each path drawn again from
 * its own stream, so those outcomes do not depend on the thread either.
 */
export function simulatePathBlock(job: PathJob, block: ItemRange, cache: Map<string, unknown>, shared?: unknown): PathBlockOutput {
  const out = isPathOutcomes(shared) ? blockViews(shared, block) : allocatePathOutcomes(block.count);
  const range = { horizon: job.horizon, seed: job.seed, firstPath: block.first, pathCount: block.count };
  const spread = shared === undefined ? undefined : (shared as { spread?: unknown }).spread;
  let prepared: PreparedSource | undefined;
  switch (job.kind) {
    case 'bootstrap': {
      prepared = cache.get(PREPARED_SOURCE) as PreparedSource | undefined;
      if (prepared === undefined) {
        prepared = prepareSource(makeJointSource([...job.windows], job.periodsPerYear));
        cache.set(PREPARED_SOURCE, prepared);
      }
      simulateBootstrapPaths(prepared, { method: job.method, meanBlock: job.meanBlock, ...range }, out);
      break;
    }
    case 'student-t':
      simulateStudentTPaths(job.fit, range, out);
      break;
    case 'rate-sensitivity':
      simulateRateSensitivityPaths(job.fits, job.cutPath, range, out);
      break;
  }
  // With the run's shared spread (small − large per path), the block fills its part of it too.
  if (spread instanceof Float64Array && spread.length >= block.first + block.count) {
    for (let i = 0; i < block.count; i += 1) spread[block.first + i] = out.smallReturn[i] - out.largeReturn[i];
  }
  if (job.strategies === undefined) return out;
  // The strategies on the block's first paths, each drawn again from its own stream.
  const strategies = runStrategyPathBlock(job.strategies, job.horizon, pathRegenerator(job, prepared), block, cache);
  return { ...out, strategyReturns: strategies.returns, strategyDrawdowns: strategies.drawdowns };
}

/** {@link simulatePathBlock} named by its module, so worker threads load it from here (never from an application). */
export const PATH_BLOCK_EXECUTOR: BlockExecutor<PathJob, ItemRange, PathBlockOutput> = {
  module: __filename,
  exportName: 'simulatePathBlock',
  run: simulatePathBlock,
};
