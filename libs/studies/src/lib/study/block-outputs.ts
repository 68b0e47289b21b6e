import type { Study } from './study';
import type { StudyProgress } from './study-event';

/**
 * The outputs of a study's blocks as they arrive, in any order and from anywhere (this thread,
 * worker threads, other machines through a queue): each is kept at its block index, the study's
 * `merger` (when it has one) is fed in block order as soon as the blocks before have arrived,
 * and the result is merged in block order, so it never depends on the arrival order.
 */
export interface BlockOutputs<Output, Result> {
  /**
   * Keeps block `index`'s output; answers the progress after it, or undefined when that block
   * had already arrived (a retried or twice-delivered block: the first output is kept).
   */
  place(index: number, output: Output): StudyProgress | undefined;
  /** Whether block `index` has arrived. */
  has(index: number): boolean;
  /** Blocks arrived so far. */
  readonly count: number;
  /** The merged result, once every block has arrived. @throws Error before that. */
  result(): Result;
  /** The merger's shared memory for the executors (see `StudyMerger.shared`), if any. */
  readonly shared: unknown;
}

/** Collects the outputs of `study`'s blocks (see {@link BlockOutputs}); makes the study's merger, if any. */
export function blockOutputs<Plan, Context, Block, Output, Result>(study: Study<Plan, Context, Block, Output, Result>): BlockOutputs<Output, Result> {
  const { blocks } = study;
  const weights = blocks.map((b) => (study.blockWeight === undefined ? 1 : study.blockWeight(b)));
  const total = weights.reduce((a, b) => a + b, 0);
  const unit = study.unit ?? 'blocks';
  const outputs: Output[] = new Array(blocks.length);
  const arrived = new Uint8Array(blocks.length);
  const merger = study.merger?.();
  let count = 0, done = 0, merged = 0;
  return {
    place(index, output) {
      if (arrived[index] === 1) return undefined;
      outputs[index] = output;
      arrived[index] = 1;
      if (merger !== undefined) {
        while (merged < blocks.length && arrived[merged] === 1) {
          merger.add(merged, outputs[merged]);
          merged += 1;
        }
      }
      count += 1;
      done += weights[index];
      return { type: 'progress', blocksDone: count, blocksTotal: blocks.length, done, total, unit };
    },
    has: (index) => arrived[index] === 1,
    get count() { return count; },
    result() {
      if (count < blocks.length) throw new Error(`blockOutputs: ${blocks.length - count} of ${blocks.length} blocks have not arrived`);
      return merger === undefined ? study.merge(outputs) : merger.result(outputs);
    },
    shared: merger?.shared,
  };
}
