import { SignalCache } from '@ratecut/sim-core';
import type { ItemRange } from '../study/split-range';
import type { BlockExecutor, StudyMerger } from '../study/study';
import { runKernelSweepBlock, type KernelSweepContext } from './kernel-sweep-block';
import { runMomentumSweepBlock, type MomentumSweepContext } from './momentum-sweep-block';

export { SWEEP_BLOCK_METRICS } from './sweep-block-metrics';

/** What every block of a sweep needs: relative momentum on its fast path, or any built-in through the portfolio kernel. */
export type SweepContext = MomentumSweepContext | KernelSweepContext;

/** What a sweep's run hands every block (a study's `shared` memory): a number for the run, unique in its process. */
export interface SweepRunMemory {
  readonly sweepRun: number;
}

let runs = 0;

/**
 * The merger of a sweep study (`Study.merger`): each run gets its own {@link SweepRunMemory}, so
 * that a thread's blocks of one run share the series their combinations compute once (see
 * {@link runSweepBlock}); the result is `merge`'s, from the outputs in block order.
 */
export function sweepMerger<Result>(merge: (outputs: readonly Float64Array[]) => Result): () => StudyMerger<Float64Array, Result> {
  return () => {
    runs += 1;
    const shared: SweepRunMemory = { sweepRun: runs };
    return { shared, add: () => undefined, result: merge };
  };
}

/** Key of a thread's signal cache of the current sweep run in its executor cache. */
const SIGNALS = 'sweep:signals';

/**
 * The signal cache of this run in this thread: kept in the thread's executor `cache` from block
 * to block of one run (`shared`, see {@link sweepMerger}), so the series that several
 * combinations share (the cycle state per detection rule, the rate moves per look-back, the
 * trailing returns, the indicators) are built once per thread and run, not once per block. A new
 * one without a run's memory, or for another run.
 */
function runSignals(cache: Map<string, unknown> | undefined, shared: unknown): SignalCache {
  const run = (shared as Partial<SweepRunMemory> | undefined)?.sweepRun;
  if (cache === undefined || typeof run !== 'number') return new SignalCache();
  const held = cache.get(SIGNALS) as { readonly run: number; readonly signals: SignalCache } | undefined;
  if (held !== undefined && held.run === run) return held.signals;
  const signals = new SignalCache();
  cache.set(SIGNALS, { run, signals });
  return signals;
}

/**
 * Runs the combinations of `block` (see `runMomentumSweepBlock` and `runKernelSweepBlock`), with
 * the thread's signal cache of the run when the executor gives `cache` and the run's `shared`
 * memory. Pure: the numbers depend on the context and the block only.
 */
export function runSweepBlock(context: SweepContext, block: ItemRange, cache?: Map<string, unknown>, shared?: unknown): Float64Array {
  const signals = runSignals(cache, shared);
  return context.kind === 'momentum' ? runMomentumSweepBlock(context, block, signals) : runKernelSweepBlock(context, block, signals);
}

/** The block executor of a sweep study: {@link runSweepBlock}, loaded by worker threads from this module. */
export const SWEEP_BLOCK_EXECUTOR: BlockExecutor<SweepContext, ItemRange, Float64Array> = {
  module: __filename,
  exportName: 'runSweepBlock',
  run: runSweepBlock,
};
