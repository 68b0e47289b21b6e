import { momentumSweep, type MarketData, type MomentumSweepConfig } from '@ratecut/sim-core';
import type { ItemRange } from '../study/split-range';
import type { BlockExecutor } from '../study/study';

/** Metrics per combination in a block's output, in this order (the sweep table's metric columns). */
export const SWEEP_BLOCK_METRICS = 6;

/**
 * What every block of a relative-momentum sweep needs (structured-cloneable): the market data,
 * the grid (combination `c` is `ks[floor(c / thresholds.length)]`, `thresholds[c % thresholds.length]`)
 * and the engine settings of the fast path.
 */
export interface SweepContext {
  readonly data: MarketData;
  readonly ks: readonly number[];
  readonly thresholds: readonly number[];
  readonly config: MomentumSweepConfig;
}

/**
 * Runs the combinations `[first, first + count)` of a sweep through sim-core's `momentumSweep`
 * (one call per lookback the range touches, with the range's thresholds of that lookback) and
 * returns their metrics, {@link SWEEP_BLOCK_METRICS} per combination in combination order:
 * total return, CAGR, volatility, Sharpe ratio, maximum drawdown, rebalances (NaN where
 * undefined). Each combination is computed on its own, so the numbers are the same whatever the
 * blocks. Pure.
 */
export function runSweepBlock(context: SweepContext, block: ItemRange): Float64Array {
  const nT = context.thresholds.length;
  const out = new Float64Array(block.count * SWEEP_BLOCK_METRICS);
  let c = block.first;
  const end = block.first + block.count;
  while (c < end) {
    const kIndex = Math.floor(c / nT);
    const from = c % nT, to = Math.min(nT, from + (end - c));
    const r = momentumSweep(context.data, [context.ks[kIndex]], context.thresholds.slice(from, to), context.config);
    for (let j = 0; j < to - from; j += 1) {
      const at = (c - block.first + j) * SWEEP_BLOCK_METRICS;
      out[at] = r.totalReturn[j];
      out[at + 1] = r.cagr[j];
      out[at + 2] = r.volatility[j];
      out[at + 3] = r.sharpe[j];
      out[at + 4] = r.maxDrawdown[j];
      out[at + 5] = r.rebalances[j];
    }
    c += to - from;
  }
  return out;
}

/** The block executor of a sweep study: {@link runSweepBlock}, loaded by worker threads from this module. */
export const SWEEP_BLOCK_EXECUTOR: BlockExecutor<SweepContext, ItemRange, Float64Array> = {
  module: __filename,
  exportName: 'runSweepBlock',
  run: runSweepBlock,
};
