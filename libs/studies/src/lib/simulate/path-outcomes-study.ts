import type { PathOutcomes } from '@ratecut/sim-core/monte-carlo';
import { DistributionAccumulator } from '@ratecut/sim-core';
import { splitRange, type ItemRange } from '../study/split-range';
import type { Study, StudyMerger } from '../study/study';
import { PATH_BLOCK_EXECUTOR, type PathJob } from './path-job';
import { PathOutcomesMemory, type PathDistribution } from './path-outcomes-memory';

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
 * The per-path outcomes of a run, merged in path order, with what the result's distributions
 * need accumulated on the way: small − large per path (`spread`) and a
 * {@link DistributionAccumulator} (Welford's moments, counts, the order-statistics histogram
 * from 65,536 paths) for each of the five distributions a simulation reports, fed in path order.
 */
export interface MergedPathOutcomes {
  readonly outcomes: PathOutcomes;
  /** `smallReturn[p] − largeReturn[p]`. */
  readonly spread: Float64Array;
  readonly accumulators: {
    readonly smallReturn: DistributionAccumulator;
    readonly largeReturn: DistributionAccumulator;
    readonly spread: DistributionAccumulator;
    readonly smallMaxDrawdown: DistributionAccumulator;
    readonly largeMaxDrawdown: DistributionAccumulator;
  };
}

/**
 * A merger of path blocks (see `StudyMerger`): the run's outcomes are shared with the blocks
 * (each writes its paths in place); each block's outputs are copied into place if they are not
 * there already, and
 * added to the accumulators as soon as the blocks before it are done, so this work overlaps
 * the blocks still running; `result` hands over the {@link MergedPathOutcomes}. Used by
 * {@link mergePathOutcomes} too, so the merged values are the same either way.
 *
 * @throws RangeError when an output's length differs from its block's, or a block is added out
 * of order or missing at the end (programmer errors).
 */
export function pathOutcomesMerger(paths: number, blocks: readonly ItemRange[], memory = new PathOutcomesMemory(paths)): StudyMerger<PathOutcomes, MergedPathOutcomes> {
  if (memory.paths !== paths) throw new RangeError(`pathOutcomesMerger: the memory holds ${memory.paths} paths, the run has ${paths}`);
  // On SharedArrayBuffers: worker threads write their blocks (and the spread) in place. Every
  // path is written by its block before it is read, so memory used before needs no clearing.
  const { outcomes, spread, histograms } = memory;
  const make = (d: PathDistribution): DistributionAccumulator => new DistributionAccumulator(0, histograms?.[d] ?? false);
  const accumulators = { smallReturn: make('smallReturn'), largeReturn: make('largeReturn'), spread: make('spread'), smallMaxDrawdown: make('smallMaxDrawdown'), largeMaxDrawdown: make('largeMaxDrawdown') };
  let next = 0;
  return {
    add(index, out) {
      const block = blocks[index];
      if (index !== next || block === undefined) throw new RangeError(`pathOutcomesMerger: block ${index} added, block ${next} expected`);
      if (out.smallReturn.length !== block.count) throw new RangeError(`mergePathOutcomes: block ${index} has ${out.smallReturn.length} outcomes, expected ${block.count}`);
      next += 1;
      const first = block.first, end = first + block.count;
      const small = outcomes.smallReturn, large = outcomes.largeReturn;
      // Blocks given the shared outcomes wrote them and the spread in place (their outputs are views of them).
      if (out.smallReturn.buffer !== small.buffer) {
        small.set(out.smallReturn, first);
        large.set(out.largeReturn, first);
        outcomes.smallMaxDrawdown.set(out.smallMaxDrawdown, first);
        outcomes.largeMaxDrawdown.set(out.largeMaxDrawdown, first);
        for (let i = first; i < end; i += 1) spread[i] = small[i] - large[i];
      }
      DistributionAccumulator.addTogether(
        [accumulators.smallReturn, accumulators.largeReturn, accumulators.spread, accumulators.smallMaxDrawdown, accumulators.largeMaxDrawdown],
        [small, large, spread, outcomes.smallMaxDrawdown, outcomes.largeMaxDrawdown],
        first, end,
      );
    },
    shared: { ...outcomes, spread },
    result() {
      if (next !== blocks.length) throw new RangeError(`pathOutcomesMerger: ${next} of ${blocks.length} blocks added`);
      return { outcomes, spread, accumulators };
    },
  };
}

/**
 * Places block outputs (in block order, each indexed by path − its block's first path) into
 * one {@link MergedPathOutcomes} of `paths` paths, in path order (all at once; a study's
 * merger does the same block by block).
 *
 * @throws RangeError when an output's length differs from its block's (programmer error).
 */
export function mergePathOutcomes(paths: number, blocks: readonly ItemRange[], outputs: readonly PathOutcomes[], memory?: PathOutcomesMemory): MergedPathOutcomes {
  const merger = pathOutcomesMerger(paths, blocks, memory);
  blocks.forEach((_, i) => {
    const out = outputs[i];
    if (out === undefined) throw new RangeError(`mergePathOutcomes: block ${i} has no output`);
    merger.add(i, out);
  });
  return merger.result(outputs);
}

/** What a path-outcomes study was asked: the job and the number of paths. */
export interface PathOutcomesPlan {
  readonly job: PathJob;
  readonly paths: number;
}

/**
 * The path part of a simulation as a study of its own: `paths` paths of `job` in blocks of
 * {@link PATHS_PER_BLOCK}, executed by `simulatePathBlock` (in worker threads when asked),
 * merged into the per-path outcomes in path order, with the distributions' accumulators fed as
 * blocks arrive (see {@link pathOutcomesMerger}). The result is the same for any worker count. The simulate study uses its blocks and executor; benchmarks time it alone.
 * With `memory`, every run of the study merges into it (see {@link PathOutcomesMemory}: a run
 * overwrites the result of the run before); without, each run allocates its own.
 */
export function pathOutcomesStudy(job: PathJob, paths: number, memory?: PathOutcomesMemory): Study<PathOutcomesPlan, PathJob, ItemRange, PathOutcomes, MergedPathOutcomes> {
  const blocks = pathBlocks(paths);
  return {
    kind: 'simulate-paths',
    plan: { job, paths },
    context: job,
    blocks,
    execute: PATH_BLOCK_EXECUTOR,
    blockWeight: (b) => b.count,
    unit: 'paths',
    merge: (outputs) => mergePathOutcomes(paths, blocks, outputs, memory),
    merger: () => pathOutcomesMerger(paths, blocks, memory),
  };
}
