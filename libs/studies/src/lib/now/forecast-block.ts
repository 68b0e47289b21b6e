import { percentileOfSorted, pitOfSorted, sortedFloat64 } from '@ratecut/sim-core';
import type { BlockExecutor } from '../study/study';
import type { ItemRange } from '../study/split-range';
import { simulatePathBlock, type PathJob } from '../simulate/path-job';

/** A level one outcome is asked to reach: `P(outcome >= level)`. */
export interface ForecastTarget {
  readonly leg: 'small' | 'large' | 'spread';
  readonly level: number;
}

/** One forecast to simulate: the model drawn from the analogs' continuations, and (for a backtest fold) what happened. */
export interface ForecastRun {
  readonly job: PathJob;
  /** Small, large and small − large over the horizon, when known (a past cycle); null for today's forecast. */
  readonly realized: readonly [number, number, number] | null;
}

/** What every block of a `now` study reads: the runs (today's first, then one per backtest fold), the paths and the targets. */
export interface ForecastContext {
  readonly runs: readonly ForecastRun[];
  readonly paths: number;
  readonly targets: readonly ForecastTarget[];
}

/** The percentiles each forecast reports. */
export const FORECAST_PERCENTILES = [5, 25, 50, 75, 95] as const;

/** Numbers per run: P(small > large), one probability per target, 3 × 5 percentiles, 3 PITs (NaN without a realized outcome). */
export function forecastFields(targets: number): number {
  return 1 + targets + 3 * FORECAST_PERCENTILES.length + 3;
}

/**
 * Block executor of `ratecut now`: for each run of the block, `paths` paths of its job (paths 0
 * to `paths − 1`, each from its own stream), and from the horizon returns of small, large and
 * small − large: P(small > large), each target's `P(outcome >= level)`, the
 * {@link FORECAST_PERCENTILES} of each, and the PIT of each realized outcome (`pitOfSorted`;
 * NaN without one), {@link forecastFields} numbers per run. Pure.
 */
export function runForecastBlock(context: ForecastContext, block: ItemRange): Float64Array {
  const { targets } = context;
  const stride = forecastFields(targets.length);
  const out = new Float64Array(block.count * stride);
  for (let j = 0; j < block.count; j += 1) {
    const run = context.runs[block.first + j];
    const o = simulatePathBlock(run.job, { first: 0, count: context.paths }, new Map());
    const legs = [o.smallReturn, o.largeReturn, o.smallReturn.map((s, p) => s - o.largeReturn[p])].map((x) => sortedFloat64(x));
    let beats = 0;
    for (let p = 0; p < context.paths; p += 1) if (o.smallReturn[p] > o.largeReturn[p]) beats += 1;
    const at = j * stride;
    out[at] = beats / context.paths;
    targets.forEach((t, k) => {
      const sorted = legs[t.leg === 'small' ? 0 : t.leg === 'large' ? 1 : 2];
      // P(X >= level): the draws at or above it.
      let lo = 0, hi = sorted.length;
      while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid] < t.level) lo = mid + 1; else hi = mid; }
      out[at + 1 + k] = (sorted.length - lo) / sorted.length;
    });
    const P = FORECAST_PERCENTILES.length;
    legs.forEach((sorted, leg) => {
      FORECAST_PERCENTILES.forEach((q, i) => { out[at + 1 + targets.length + leg * P + i] = percentileOfSorted(sorted, q); });
      out[at + 1 + targets.length + 3 * P + leg] = run.realized === null ? NaN : pitOfSorted(sorted, run.realized[leg]);
    });
  }
  return out;
}

/** {@link runForecastBlock} as the `now` study's block executor (a worker loads it from this module). */
export const FORECAST_BLOCK: BlockExecutor<ForecastContext, ItemRange, Float64Array> = {
  module: __filename,
  exportName: 'runForecastBlock',
  run: runForecastBlock,
};
