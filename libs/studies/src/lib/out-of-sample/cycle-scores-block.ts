import { PortfolioKernel, PortfolioTally, SignalCache } from '@ratecut/sim-core';
import type { BlockExecutor } from '../study/study';
import type { ItemRange } from '../study/split-range';
import { forEachCombinationPlan, type KernelSweepContext, type SweepCycle } from '../sweep/kernel-sweep-block';

/** What every block of an out-of-sample study reads: the sweep through the kernel and the cycles it is validated on. */
export interface CycleScoresContext {
  readonly sweep: KernelSweepContext;
  readonly cycles: readonly SweepCycle[];
}

/** Numbers per combination and cycle in a block's output: total return, periods, mean and M2 of the returns over cash. */
export const CYCLE_SCORE_FIELDS = 4;

/**
 * Block executor of leave-one-cycle-out and walk-forward: for each combination of the block and
 * each cycle, the combination's run over the cycle's window through the portfolio kernel (from
 * the window's first row, starting in cash, as the backtest and the sweep replay a cycle), and
 * {@link CYCLE_SCORE_FIELDS} numbers: its total return, and the count, mean and sum of squared
 * deviations of its per-period returns over cash in the window; combination-major, then cycle.
 * A combination the built-in refuses is NaN throughout. Pure: the same numbers whatever the blocks.
 */
export function runCycleScoresBlock(context: CycleScoresContext, block: ItemRange): Float64Array {
  const { sweep, cycles } = context;
  const { data, schedule, replay } = sweep;
  const kernel = new PortfolioKernel(data.closes.length), tally = new PortfolioTally();
  const stride = cycles.length * CYCLE_SCORE_FIELDS;
  const out = new Float64Array(block.count * stride).fill(NaN);
  forEachCombinationPlan(sweep, block, new SignalCache(), (j, plan) => {
    cycles.forEach((c, i) => {
      kernel.run(data, plan, schedule, { ...replay.settings, startRow: c.startRow, endRow: c.endRow }, tally);
      const m = tally.metrics.excessMoments(), at = j * stride + i * CYCLE_SCORE_FIELDS;
      out[at] = tally.metrics.totalReturn();
      out[at + 1] = m.count;
      out[at + 2] = m.mean;
      out[at + 3] = m.m2;
    });
  });
  return out;
}

/** {@link runCycleScoresBlock} as the out-of-sample studies' block executor (a worker loads it from this module). */
export const CYCLE_SCORES_BLOCK: BlockExecutor<CycleScoresContext, ItemRange, Float64Array> = {
  module: __filename,
  exportName: 'runCycleScoresBlock',
  run: runCycleScoresBlock,
};
