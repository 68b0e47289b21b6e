import { findBuiltinStrategy, monthEndMomentumSweep, PortfolioKernel, PortfolioTally, SignalCache, type MarketData, type MomentumSweepConfig } from '@ratecut/sim-core';
import type { ItemRange } from '../study/split-range';
import { cycleExcessInto, runKernelSweepBlock, sweepStride, type SweepReplay } from './kernel-sweep-block';
import { SWEEP_BLOCK_METRICS } from './sweep-block-metrics';

/**
 * What every block of a relative-momentum sweep on the month-end schedule on sim-core's fast
 * path (`monthEndMomentumSweep`) needs (structured-cloneable): the market data,
 * the grid (combination `c` is `ks[floor(c / thresholds.length)]`, `thresholds[c % thresholds.length]`)
 * and the engine settings of the fast path.
 */
export interface MomentumSweepContext {
  readonly kind: 'momentum';
  readonly data: MarketData;
  readonly ks: readonly number[];
  readonly thresholds: readonly number[];
  readonly config: MomentumSweepConfig;
  readonly replay: SweepReplay;
}

/**
 * Runs the combinations `[first, first + count)` of a sweep through sim-core's `monthEndMomentumSweep`
 * (one call for the lookbacks the range covers with every threshold, one for each lookback it
 * covers in part, with its thresholds in the range) and
 * returns {@link sweepStride} numbers per combination in combination order: total return, CAGR,
 * volatility, Sharpe ratio, maximum drawdown, rebalances (NaN where undefined), then its cycle
 * numbers, from the built-in's targets through the portfolio kernel over each cycle window
 * (`cycleExcessInto`). Where the fast path does not apply (a growth factor of the data that is
 * not positive and finite), the block runs through the portfolio kernel instead
 * (`runKernelSweepBlock`, the same grid and order). Each combination is computed on its own, so
 * the numbers are the same whatever the blocks. Pure.
 */
export function runMomentumSweepBlock(context: MomentumSweepContext, block: ItemRange, signals = new SignalCache()): Float64Array {
  const nT = context.thresholds.length, stride = sweepStride(context.replay);
  const out = new Float64Array(block.count * stride);
  const momentum = findBuiltinStrategy('relative-momentum');
  if (momentum === undefined) throw new RangeError('runMomentumSweepBlock: no relative-momentum built-in');
  const kernel = new PortfolioKernel(2, { prefixTables: true }), tally = new PortfolioTally(), cache = signals;
  const schedule = { kind: 'month-end' } as const;
  const end = block.first + block.count;
  let c = block.first;
  while (c < end) {
    // Whole lookbacks (every threshold) in one call, so the period tables are built once; a partial one alone.
    const kIndex = Math.floor(c / nT), from = c % nT;
    const wholeKs = from === 0 ? Math.floor((end - c) / nT) : 0;
    const ks = wholeKs > 0 ? context.ks.slice(kIndex, kIndex + wholeKs) : [context.ks[kIndex]];
    const thresholds = wholeKs > 0 ? context.thresholds : context.thresholds.slice(from, Math.min(nT, from + (end - c)));
    const r = monthEndMomentumSweep(context.data, ks, thresholds, context.config);
    if (r === null) {
      // The same data and window for every call: this is the first.
      return runKernelSweepBlock({
        kind: 'kernel', data: context.data, strategy: momentum.name, params: momentum.defaults, schedule, replay: context.replay,
        grid: [{ name: 'k', values: context.ks }, { name: 'threshold', values: context.thresholds }],
        config: { ...context.config, limits: { allowLeverage: false, allowShort: false } },
      }, block, signals);
    }
    for (let j = 0; j < r.combinations; j += 1) {
      const at = (c - block.first + j) * stride;
      out[at] = r.totalReturn[j];
      out[at + 1] = r.cagr[j];
      out[at + 2] = r.volatility[j];
      out[at + 3] = r.sharpe[j];
      out[at + 4] = r.maxDrawdown[j];
      out[at + 5] = r.rebalances[j];
      const params = { k: ks[Math.floor(j / thresholds.length)], threshold: thresholds[j % thresholds.length] };
      cycleExcessInto(out, at + SWEEP_BLOCK_METRICS, context.data, momentum.targets(params, context.data, cache), schedule, context.replay, kernel, tally);
    }
    c += r.combinations;
  }
  return out;
}
