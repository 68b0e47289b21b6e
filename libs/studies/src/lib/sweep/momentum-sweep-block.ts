import { momentumSweep, type MarketData, type MomentumSweepConfig } from '@ratecut/sim-core';
import type { ItemRange } from '../study/split-range';
import { SWEEP_BLOCK_METRICS } from './sweep-block-metrics';

/**
 * What every block of a relative-momentum sweep on sim-core's fast path needs (structured-cloneable): the market data,
 * the grid (combination `c` is `ks[floor(c / thresholds.length)]`, `thresholds[c % thresholds.length]`)
 * and the engine settings of the fast path.
 */
export interface MomentumSweepContext {
  readonly kind: 'momentum';
  readonly data: MarketData;
  readonly ks: readonly number[];
  readonly thresholds: readonly number[];
  readonly config: MomentumSweepConfig;
}

/**
 * Runs the combinations `[first, first + count)` of a sweep through sim-core's `momentumSweep`
 * (one call for the lookbacks the range covers with every threshold, one for each lookback it
 * covers in part, with its thresholds in the range) and
 * returns their metrics, {@link SWEEP_BLOCK_METRICS} per combination in combination order:
 * total return, CAGR, volatility, Sharpe ratio, maximum drawdown, rebalances (NaN where
 * undefined). Each combination is computed on its own, so the numbers are the same whatever the
 * blocks. Pure.
 */
export function runMomentumSweepBlock(context: MomentumSweepContext, block: ItemRange): Float64Array {
  const nT = context.thresholds.length;
  const out = new Float64Array(block.count * SWEEP_BLOCK_METRICS);
  const end = block.first + block.count;
  let c = block.first;
  while (c < end) {
    // Whole lookbacks (every threshold) in one call, so the period tables are built once; a partial one alone.
    const kIndex = Math.floor(c / nT), from = c % nT;
    const wholeKs = from === 0 ? Math.floor((end - c) / nT) : 0;
    const ks = wholeKs > 0 ? context.ks.slice(kIndex, kIndex + wholeKs) : [context.ks[kIndex]];
    const thresholds = wholeKs > 0 ? context.thresholds : context.thresholds.slice(from, Math.min(nT, from + (end - c)));
    const r = momentumSweep(context.data, ks, thresholds, context.config);
    for (let j = 0; j < r.combinations; j += 1) {
      const at = (c - block.first + j) * SWEEP_BLOCK_METRICS;
      out[at] = r.totalReturn[j];
      out[at + 1] = r.cagr[j];
      out[at + 2] = r.volatility[j];
      out[at + 3] = r.sharpe[j];
      out[at + 4] = r.maxDrawdown[j];
      out[at + 5] = r.rebalances[j];
    }
    c += r.combinations;
  }
  return out;
}
