import { allocatePortfolioRecord, PortfolioKernel, PortfolioTally, SignalCache } from '@ratecut/sim-core';
import type { BlockExecutor } from '../study/study';
import type { ItemRange } from '../study/split-range';
import { forEachCombinationPlan, type KernelSweepContext } from '../sweep/kernel-sweep-block';

/** What every block of an SPA sweep reads: the sweep through the kernel, and the benchmark's daily returns over the same rows. */
export interface SpaSweepContext {
  readonly sweep: KernelSweepContext;
  readonly benchmarkReturns: Float64Array;
}

/**
 * Block executor of the SPA sweep: for each combination of the block, its daily returns over the
 * full history through the portfolio kernel (as the sweep runs it) minus the benchmark's, as
 * `count` consecutive series of `rows − 1` values; a combination the built-in refuses is NaN
 * throughout. Pure: the same numbers whatever the blocks.
 */
export function runSpaSweepBlock(context: SpaSweepContext, block: ItemRange): Float64Array {
  const { sweep, benchmarkReturns } = context;
  const { data, schedule, config } = sweep;
  const periods = config.endRow - config.startRow;
  const kernel = new PortfolioKernel(data.closes.length), tally = new PortfolioTally();
  const record = allocatePortfolioRecord(periods + 1, data.closes.length);
  const out = new Float64Array(block.count * periods).fill(NaN);
  forEachCombinationPlan(sweep, block, new SignalCache(), (j, plan) => {
    kernel.run(data, plan, schedule, config, tally, record);
    const at = j * periods;
    for (let t = 0; t < periods; t += 1) out[at + t] = record.returns[t] - benchmarkReturns[t];
  });
  return out;
}

/** {@link runSpaSweepBlock} as the SPA sweep's block executor (a worker loads it from this module). */
export const SPA_SWEEP_BLOCK: BlockExecutor<SpaSweepContext, ItemRange, Float64Array> = {
  module: __filename,
  exportName: 'runSpaSweepBlock',
  run: runSpaSweepBlock,
};
