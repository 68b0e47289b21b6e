import { allocatePathOutcomes, type PathOutcomes } from '@ratecut/sim-core/monte-carlo';
import { splitRange, type ItemRange } from '../study/split-range';
import type { Study } from '../study/study';
import { PATH_BLOCK_EXECUTOR, type PathJob } from './path-job';

/**
 * Paths per block. Fixed, so the blocks of a run depend on its path count only (never on the
 * worker count): 100,000 paths are 10 blocks, each a few tens of milliseconds of work, small
 * enough for a smooth progress display and large enough that handing a block to a worker
 * thread costs little next to it.
 */
export const PATHS_PER_BLOCK = 10_000;

/** The blocks of a run of `paths` paths: contiguous path ranges of {@link PATHS_PER_BLOCK}. */
export function pathBlocks(paths: number): ItemRange[] {
  return splitRange(paths, PATHS_PER_BLOCK);
}

/**
 * Places block outputs (in block order, each indexed by path − its block's first path) into
 * one {@link PathOutcomes} of `paths` paths, in path order.
 *
 * @throws RangeError when an output's length differs from its block's (programmer error).
 */
export function mergePathOutcomes(paths: number, blocks: readonly ItemRange[], outputs: readonly PathOutcomes[]): PathOutcomes {
  const all = allocatePathOutcomes(paths);
  blocks.forEach((block, i) => {
    const out = outputs[i];
    if (out === undefined || out.smallReturn.length !== block.count) throw new RangeError(`mergePathOutcomes: block ${i} has ${out?.smallReturn.length} outcomes, expected ${block.count}`);
    all.smallReturn.set(out.smallReturn, block.first);
    all.largeReturn.set(out.largeReturn, block.first);
    all.smallMaxDrawdown.set(out.smallMaxDrawdown, block.first);
    all.largeMaxDrawdown.set(out.largeMaxDrawdown, block.first);
  });
  return all;
}

/** What a path-outcomes study was asked: the job and the number of paths. */
export interface PathOutcomesPlan {
  readonly job: PathJob;
  readonly paths: number;
}

/**
 * The path part of a simulation as a study of its own: `paths` paths of `job` in blocks of
 * {@link PATHS_PER_BLOCK}, executed by `simulatePathBlock` (in worker threads when asked),
 * merged into the per-path outcomes in path order. The result is the same for any worker
 * count. The simulate study uses its blocks and executor; benchmarks time it alone.
 */
export function pathOutcomesStudy(job: PathJob, paths: number): Study<PathOutcomesPlan, PathJob, ItemRange, PathOutcomes, PathOutcomes> {
  const blocks = pathBlocks(paths);
  return {
    kind: 'simulate-paths',
    plan: { job, paths },
    context: job,
    blocks,
    execute: PATH_BLOCK_EXECUTOR,
    blockWeight: (b) => b.count,
    unit: 'paths',
    merge: (outputs) => mergePathOutcomes(paths, blocks, outputs),
  };
}
