import { percentileOfSorted, pitOfSorted, sortedFloat64 } from '@ratecut/sim-core';
import type { BlockExecutor } from '../study/study';
import type { ItemRange } from '../study/split-range';
import { simulatePathBlock, type PathJob } from '../simulate/path-job';

/** One held-out cycle: the scenario's model drawn from the other analogs, and the held-out cycle's realized returns (small, large, small − large). */
export interface CalibrationFold {
  readonly job: PathJob;
  readonly realized: readonly [number, number, number];
}

/** What every block of a calibration study reads: the folds and the paths each simulates. */
export interface CalibrationContext {
  readonly folds: readonly CalibrationFold[];
  readonly paths: number;
}

/** The percentiles of each outcome a calibration fold reports. */
export const CALIBRATION_PERCENTILES = [5, 25, 50, 75, 95] as const;

/** Numbers per fold in a block's output: the PIT of each of the three outcomes, then their percentiles. */
export const CALIBRATION_FOLD_FIELDS = 3 + 3 * CALIBRATION_PERCENTILES.length;

/**
 * Block executor of the calibration study: for each fold of the block, `paths` paths of its job
 * (paths 0 to `paths − 1`, each from its own stream, as `ratecut simulate` draws them), and,
 * for the small leg's horizon return, the large leg's and their difference, the PIT of the
 * realized value in the simulated distribution (`pitOfSorted`) followed by the
 * {@link CALIBRATION_PERCENTILES}: {@link CALIBRATION_FOLD_FIELDS} numbers per fold. Pure.
 */
export function runCalibrationBlock(context: CalibrationContext, block: ItemRange): Float64Array {
  const out = new Float64Array(block.count * CALIBRATION_FOLD_FIELDS);
  for (let j = 0; j < block.count; j += 1) {
    const fold = context.folds[block.first + j];
    const outcomes = simulatePathBlock(fold.job, { first: 0, count: context.paths }, new Map());
    const spread = outcomes.smallReturn.map((s, p) => s - outcomes.largeReturn[p]);
    const at = j * CALIBRATION_FOLD_FIELDS;
    [outcomes.smallReturn, outcomes.largeReturn, spread].forEach((draws, leg) => {
      const sorted = sortedFloat64(draws);
      out[at + leg] = pitOfSorted(sorted, fold.realized[leg]);
      CALIBRATION_PERCENTILES.forEach((q, k) => { out[at + 3 + leg * CALIBRATION_PERCENTILES.length + k] = percentileOfSorted(sorted, q); });
    });
  }
  return out;
}

/** {@link runCalibrationBlock} as the calibration study's block executor (a worker loads it from this module). */
export const CALIBRATION_BLOCK: BlockExecutor<CalibrationContext, ItemRange, Float64Array> = {
  module: __filename,
  exportName: 'runCalibrationBlock',
  run: runCalibrationBlock,
};
