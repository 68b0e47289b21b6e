import type { ItemRange } from '../study/split-range';
import type { BlockExecutor } from '../study/study';
import { runKernelSweepBlock, type KernelSweepContext } from './kernel-sweep-block';
import { runMomentumSweepBlock, type MomentumSweepContext } from './momentum-sweep-block';

export { SWEEP_BLOCK_METRICS } from './sweep-block-metrics';

/** What every block of a sweep needs: relative momentum on its fast path, or any built-in through the portfolio kernel. */
export type SweepContext = MomentumSweepContext | KernelSweepContext;

/** Runs the combinations of `block` (see `runMomentumSweepBlock` and `runKernelSweepBlock`). Pure. */
export function runSweepBlock(context: SweepContext, block: ItemRange): Float64Array {
  return context.kind === 'momentum' ? runMomentumSweepBlock(context, block) : runKernelSweepBlock(context, block);
}

/** The block executor of a sweep study: {@link runSweepBlock}, loaded by worker threads from this module. */
export const SWEEP_BLOCK_EXECUTOR: BlockExecutor<SweepContext, ItemRange, Float64Array> = {
  module: __filename,
  exportName: 'runSweepBlock',
  run: runSweepBlock,
};
